"""The core's messages reach the window in the window's language."""
from __future__ import annotations

import pytest

from core import i18n
from gui.dialogs.figure_dialog import FigureDialog
from gui.indicator.figure_model import COLUMNS

pytestmark = pytest.mark.gui
VALUE = COLUMNS.index("value")


@pytest.fixture
def window(open_window, sqlite_url):
    return open_window(sqlite_url, lang="zh_CN")


def _figures(window, code):
    window.open_indicator(code)
    view = window.indicator_view
    assert view.code == code
    return view, view.figure_table.model()


def test_an_entry_refused_in_the_figure_table_says_why_in_chinese(window, qtbot):
    view, m = _figures(window, "WATER.STATE_SECTIONS_EXCELLENT")
    refused = []
    m.refused.connect(lambda _i, msg: refused.append(msg))
    assert not m.setData(m.index(0, VALUE), 150)
    assert refused == ["150 高于自然上限 100"]
    assert "150 高于自然上限 100" in view.ui.message.text()
    assert not m.setData(m.index(0, VALUE), "thirty")
    assert refused[-1] == "'thirty' 不是数字"
    assert window.ctx.undo_stack.count() == 0

    window.set_language("en")  # the same refusal, now in English
    qtbot.wait(10)
    assert i18n.translator() is None
    assert not m.setData(m.index(0, VALUE), 150)
    assert refused[-1] == "150 is above the natural maximum 100"


def test_a_malformed_period_in_the_figure_dialog_is_explained_in_chinese(window, qtbot):
    view, _ = _figures(window, "AIR.PM25")
    dlg = FigureDialog(window.ctx, "AIR.PM25", existing=view.figures_model.frame)
    qtbot.addWidget(dlg)
    dlg.fields["period"].setText("2019H3")
    assert not dlg.ok_button.isEnabled()
    assert dlg.problem("period") == (
        "期间 '2019H3' 格式有误：请写作 2024、2024H1、2024Q2 或 2024-06")
    dlg.fields["period"].setText("2019-13")
    assert dlg.problem("period") == "期间 '2019-13' 格式有误：月份 13 不在 01..12 之间"
    dlg.fields["period"].setText("2019H1")
    assert dlg.ok_button.isEnabled() and dlg.problem("period") == ""


def test_a_stale_edit_is_reported_in_chinese(window, sqlite_url, monkeypatch, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from core.edits import UpdateRow
    from core.store import Store

    view, m = _figures(window, "AIR.PM25")
    fid = m.figure_id(0)
    other = Store.open(sqlite_url, user="other desk")
    try:
        version = int(view.figures_model.frame.set_index("id").loc[fid, "version"])
        UpdateRow("figure", fid, version, {"value": 41.0}).apply(other)
    finally:
        other.close()
    shown = []

    def fake_warning(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    assert m.setData(m.index(0, VALUE), 20.0)  # sent; the core's answer follows
    qtbot.waitUntil(lambda: bool(shown))
    assert "已被他人修改：您填写的是 20.0，现为 41.0。" in shown[0]


def test_a_core_refusal_in_a_dialog_sits_by_its_field_in_chinese(window, qtbot):
    """The dialog places a core message by the field it names, whatever its language."""
    from gui.dialogs.target_dialog import TargetDialog

    window.open_indicator("AIR.PM25")
    dlg = TargetDialog(window.ctx, "AIR.PM25")
    qtbot.addWidget(dlg)
    dlg.fields["period"].setText("2030")
    dlg.fields["value"].setText("25")
    dlg.fields["baseline_period"].setText("2020")
    qtbot.waitUntil(lambda: not dlg.ok_button.isEnabled())  # the core's check, from a worker
    shown = dlg.problem("baseline_value")
    assert shown and shown == i18n.tr("a baseline needs both a period and a value")
    assert not shown.isascii()  # Chinese, not the English template
    assert dlg.problem("value") == ""
