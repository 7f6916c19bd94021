"""The window says and colours every status code as core.vocabulary defines it: scorecard
cells (symbol, words, tint, text colour) and the tree's marks (shape in the tone's hue)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import vocabulary
from tests import every_status

pytestmark = pytest.mark.gui

BG, FG = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole


@pytest.fixture
def window_every_status(open_window, tmp_path):
    return open_window(every_status.build(tmp_path / "every.sqlite"))


def _colours(icon) -> set[str]:
    """The colours of the icon's solid pixels (a ring's are antialiased: half opaque)."""
    image = icon.pixmap(14, 14).toImage()
    pixels = [image.pixelColor(x, y) for x in range(14) for y in range(14)]
    return {p.name() for p in pixels if p.alpha() >= 128}


def test_every_status_looks_and_reads_as_the_vocabulary_says(window_every_status):
    from gui.scorecard import STATUS_ROLE, column

    m = window_every_status.scorecard.model
    seen = set()
    for cid in ("period_status", "course_status"):
        c = column(cid)
        for r in range(m.rowCount()):
            idx = m.index(r, c)
            code = m.data(idx, STATUS_ROLE)
            s = vocabulary.status(code)
            # a half-year judged against a year says so (core.present.period_status_text)
            assert m.data(idx) in (f"{s.tone.symbol} {s.en}",
                                   f"{s.tone.symbol} {s.en} (indicative)")
            bg = m.data(idx, BG)
            if s.tone.background:
                assert bg.color().name() == s.tone.background.lower()
            else:
                assert bg is None
            assert m.data(idx, FG).color().name() == s.tone.foreground.lower()
            seen.add(code)
    assert seen == set(vocabulary.PERIOD_CODES) | set(vocabulary.COURSE_CODES)

    from gui.scorecard import palette

    for code in seen:  # the tree's marks: a shape in the tone's hue
        assert vocabulary.tone(code).hue.lower() in _colours(palette.icon(code)), code
    tree = window_every_status.indicators.model
    worst = m.indicator_status()
    assert len({vocabulary.tone(s) for s in worst.values()}) >= 3
    for code, st in worst.items():
        item = tree.itemFromIndex(tree.index_of(code))
        assert item.toolTip().endswith("\n" + vocabulary.words(st))
        assert vocabulary.tone(st).hue.lower() in _colours(item.icon())
