"""The indicator tree: bilingual filter as you type, status marks from the scorecard."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt  # noqa: E402

pytestmark = pytest.mark.gui


def visible_codes(panel) -> list[str]:
    from gui.tree import CODE_ROLE

    proxy, out = panel.proxy, []
    for r in range(proxy.rowCount()):
        cat = proxy.index(r, 0)
        out += [proxy.index(i, 0, cat).data(CODE_ROLE) for i in range(proxy.rowCount(cat))]
    return out


def type_filter(qtbot, panel, text: str) -> None:
    """Type like a person: key presses for ASCII, an input-method commit for Chinese
    (QTest cannot press keys for characters outside ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    panel.filter.clear()
    if text.isascii():
        qtbot.keyClicks(panel.filter, text)
    else:
        panel.filter.setFocus()
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(panel.filter, event)
    assert panel.filter.text() == text


def test_tree_lists_categories_then_indicators(window):
    codes = visible_codes(window.indicators)
    assert len(codes) == len(window.ctx.indicators)
    assert window.indicators.proxy.index(0, 0).data() == "Air"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_filter_matches_code_and_names_in_both_languages(window, qtbot, lang):
    window.set_language(lang)
    panel = window.indicators
    type_filter(qtbot, panel, "PM2.5")  # English name
    assert visible_codes(panel) == ["AIR.PM25"]
    type_filter(qtbot, panel, "优良")  # Chinese names
    assert set(visible_codes(panel)) == {"AIR.GOOD_DAYS", "AIR.GOOD_DAYS_RATIO",
                                         "WATER.STATE_SECTIONS_EXCELLENT"}
    type_filter(qtbot, panel, "air.good")  # code, any case
    assert visible_codes(panel) == ["AIR.GOOD_DAYS", "AIR.GOOD_DAYS_RATIO"]
    type_filter(qtbot, panel, "waste cells")  # every word must match
    assert visible_codes(panel) == ["WASTE.ZERO_WASTE_CELLS"]
    type_filter(qtbot, panel, "no such thing")
    assert visible_codes(panel) == []
    panel.filter.clear()
    assert len(visible_codes(panel)) == len(window.ctx.indicators)


def test_category_name_match_shows_its_indicators(window, qtbot):
    type_filter(qtbot, window.indicators, "土壤")
    codes = visible_codes(window.indicators)
    assert codes and all(c.startswith("SOIL.") for c in codes)


def test_selecting_an_indicator_opens_it(window, qtbot):
    shown = []
    window.indicators.indicator_selected.connect(shown.append)
    assert window.indicators.select("AIR.PM25")
    assert shown == ["AIR.PM25"]
    assert window.tabs.currentIndex() == 1


def test_select_clears_a_filter_that_hides_the_indicator(window, qtbot):
    type_filter(qtbot, window.indicators, "土壤")
    assert window.indicators.select("AIR.PM25")
    assert window.indicators.filter.text() == ""
    assert window.indicators.current_code() == "AIR.PM25"


def test_status_marks_follow_the_scorecard(window):
    model = window.indicators.model
    item = model.itemFromIndex(model.index_of("WATER.STATE_SECTIONS_EXCELLENT"))
    assert "met" in item.toolTip()
    assert not item.icon().isNull()
    assert "met" in item.data(Qt.ItemDataRole.AccessibleTextRole)


def test_an_edit_changes_only_that_indicators_mark(window, qtbot):
    from core import queries
    from core.edits import UpdateRow
    from gui.tree import CODE_ROLE

    code = "WATER.STATE_SECTIONS_EXCELLENT"  # target >= 97.3, actual 98.6: met
    with window.ctx.store.read() as conn:
        f = queries.figures(conn, indicators=[code]).iloc[-1]
    model = window.indicators.model
    item = model.itemFromIndex(model.index_of(code))
    other = model.itemFromIndex(model.index_of("AIR.PM25"))
    other_before = other.toolTip()
    touched = []
    model.itemChanged.connect(lambda it: touched.append(it.data(CODE_ROLE)))
    window.ctx.edit(UpdateRow("figure", int(f["id"]), int(f["version"]), {"value": 90.0}),
                    "edit")
    qtbot.waitUntil(lambda: "missed" in item.toolTip(), timeout=20000)
    assert "missed" in item.data(Qt.ItemDataRole.AccessibleTextRole)
    assert set(touched) == {code} and other.toolTip() == other_before
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: "met" in item.toolTip(), timeout=20000)


def test_a_filter_that_finds_nothing_says_so(window, qtbot):
    panel = window.indicators
    type_filter(qtbot, panel, "zzqx")
    assert visible_codes(panel) == [] and panel.no_match.isVisible()
    assert "zzqx" in panel.no_match.text()
    type_filter(qtbot, panel, "PM2.5")
    assert visible_codes(panel) and not panel.no_match.isVisible()


def test_tooltip_gives_the_whole_name_and_a_click_on_the_current_one_opens_it(window, qtbot):
    panel = window.indicators
    assert panel.select("AIR.PM25")
    idx = panel.tree.currentIndex()
    assert idx.data(Qt.ItemDataRole.ToolTipRole).startswith(
        "PM2.5 average concentration\nAIR.PM25")
    window.tabs.setCurrentIndex(0)  # back to the scorecard, the indicator still current
    rect = panel.tree.visualRect(idx)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentIndex() == 1
