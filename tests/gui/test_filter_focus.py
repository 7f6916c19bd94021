"""Typing in the indicator filter narrows the tree and nothing else: no tab switch, no jump
to whatever matches first; Enter or Down goes to the first match. In both languages."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.test_tree import type_filter, visible_codes

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang,text", [("en", "water"), ("zh_CN", "水")])
def test_typing_narrows_only(open_window, sqlite_url, qtbot, lang, text):
    w = open_window(sqlite_url, lang)
    w.tabs.setCurrentIndex(0)
    w.indicators.select("SOIL.CLEAN_LAND_SUPPLIED", notify=False)  # hidden by the filter
    opened = []
    w.indicators.indicator_selected.connect(opened.append)
    type_filter(qtbot, w.indicators, text)
    qtbot.wait(20)
    codes = visible_codes(w.indicators)
    # narrowed (水 also finds 水泥, cement): the water indicators among what is left
    assert codes and len(codes) < len(w.ctx.indicators)
    assert sum(c.startswith("WATER.") for c in codes) >= len(codes) - 1
    assert opened == [] and w.tabs.currentIndex() == 0  # still on the scorecard
    qtbot.keyClick(w.indicators.filter, Qt.Key.Key_Down)
    assert opened == [codes[0]] and w.indicators.current_code() == codes[0]
    assert w.indicators.tree.hasFocus() or not w.isActiveWindow()
    type_filter(qtbot, w.indicators, text)
    qtbot.keyClick(w.indicators.filter, Qt.Key.Key_Return)
    assert opened[-1] == codes[0]
