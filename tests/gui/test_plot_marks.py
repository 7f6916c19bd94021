"""Provisional and derived figures are hollow markers on the plot and in the PNG; the PNG's
legend explains the target and projection lines, and a line under it names the sources and
the day, in both languages."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QImage

from gui.indicator.layout import key_text
from gui.indicator.plot import TrendPlot
from tests.gui.test_plot import frame

pytestmark = pytest.mark.gui


@pytest.fixture
def plot(qtbot):
    p = TrendPlot()
    qtbot.addWidget(p)
    p.resize(640, 400)
    return p


def _hollow_frame():
    fr = frame()
    fr.series[0].hollow = [False, True]  # area a's 2024 figure is provisional
    fr.series[0].sources = ["Bureau, H1 report (2024-07)", "Bureau, H1 report (2024-07)"]
    return fr


def test_a_provisional_point_is_hollow(plot):
    plot.show_frame(_hollow_frame(), {"a": "Area A", "b": "Area B"}, "en")
    brushes = [b.color().name() for b in plot.points.data["brush"]]
    colours = {p.color().name() for p in plot.points.data["pen"]}
    assert brushes.count("#ffffff") == 1  # only the provisional one
    assert len(colours) == 2  # its ring in the area's colour, the others white-edged
    slot = plot.lines["a"]
    assert "provisional or derived" in plot.tip(slot, 1)
    assert "provisional" not in plot.tip(slot, 0)


@pytest.mark.parametrize("lang,made,src", [("en", "made with EcoTracker on 2026-12-04",
                                             "Source: "),
                                            ("zh_CN", "2026-12-04", "来源")])
def test_png_legend_and_foot_line(plot, qtbot, tmp_path, lang, made, src):
    from gui.i18n import translators
    from gui.indicator.png import SIZE, foot_line, save_png, slide

    assert translators().apply(lang)
    try:
        plot.show_frame(_hollow_frame(), {"a": "A", "b": "B"}, lang)
        copy = slide(plot, "PM2.5", lang)
        try:
            labels = [label.text for _s, label in copy.legend.items]
        finally:
            copy.deleteLater()
        assert len(labels) == 5  # two areas, target, projection, hollow
        line = foot_line(plot, date(2026, 12, 4))
        assert made in line and src in line and "Bureau, H1 report (2024-07)" in line
        out = tmp_path / "t.png"
        save_png(plot, str(out), "PM2.5", lang)
        assert (QImage(str(out)).width(), QImage(str(out)).height()) == SIZE
        assert "○" in key_text()
    finally:
        translators().apply("en")
