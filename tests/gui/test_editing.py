"""Editing in place and through dialogs, with undo and redo, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from core import queries
from core.edits import UpdateRow
from core.store import Store
from gui.context import AppContext
from gui.dialogs import indicator_dialog
from gui.dialogs.figure_dialog import FigureDialog
from gui.dialogs.indicator_dialog import IndicatorDialog, new_indicator
from gui.dialogs.target_dialog import TargetDialog
from gui.indicator.figure_model import COLUMNS
from gui.indicator.view import IndicatorView

from tests.gui.conftest import settle

pytestmark = pytest.mark.gui
VALUE, NOTE = COLUMNS.index("value"), COLUMNS.index("note")


@pytest.fixture
def view(store, qtbot):  # qtbot after store: the view closes before its database goes
    v = IndicatorView(AppContext(store))
    qtbot.addWidget(v)
    return v


def db_figures(store, code):
    with store.read() as conn:
        return queries.figures(conn, indicators=[code]).set_index("id")


def first_row(view, code):
    view.set_indicator(code)
    m = view.figure_table.model()
    return m, m.figure_id(0)


def test_edit_in_place_reaches_db_and_undo_redo_restore(view, qtbot):
    m, fid = first_row(view, "AIR.PM25")
    old = db_figures(view.ctx.store, "AIR.PM25").loc[fid, "value"]
    assert m.setData(m.index(0, VALUE), 29.9)
    settle(qtbot, view.ctx)
    assert db_figures(view.ctx.store, "AIR.PM25").loc[fid, "value"] == 29.9
    assert m.index(0, VALUE).data() == "29.9"
    stack = view.ctx.undo_stack
    assert stack.count() == 1 and stack.undoText().startswith("Edit figure AIR.PM25")
    stack.undo()
    settle(qtbot, view.ctx)
    assert db_figures(view.ctx.store, "AIR.PM25").loc[fid, "value"] == old
    assert m.index(0, VALUE).data() == f"{old:.1f}"
    stack.redo()
    settle(qtbot, view.ctx)
    assert db_figures(view.ctx.store, "AIR.PM25").loc[fid, "value"] == 29.9
    assert m.setData(m.index(0, NOTE), "typed")  # a second edit, then undo both
    settle(qtbot, view.ctx)
    stack.undo()
    settle(qtbot, view.ctx)
    assert db_figures(view.ctx.store, "AIR.PM25").loc[fid, "note"] != "typed"
    stack.undo()
    settle(qtbot, view.ctx)
    assert db_figures(view.ctx.store, "AIR.PM25").loc[fid, "value"] == old
    assert m.index(0, VALUE).data() == f"{old:.1f}"
    stack.redo()
    stack.redo()
    settle(qtbot, view.ctx)
    row = db_figures(view.ctx.store, "AIR.PM25").loc[fid]
    assert (row["value"], row["note"]) == (29.9, "typed")
    assert m.index(0, NOTE).data() == "typed"


@pytest.mark.parametrize("code,bad,why", [
    ("AIR.PM25", "thirty", "not a number"),
    ("WATER.STATE_SECTIONS_EXCELLENT", 150, "above the natural maximum"),
    ("WATER.YANGTZE_MAINSTEM_CLASS", "VII", "not a water quality class"),
    ("AIR.GOOD_DAYS", 12.5, "whole number"),
])
def test_invalid_entry_is_refused_and_nothing_written(view, code, bad, why):
    m, fid = first_row(view, code)
    before = db_figures(view.ctx.store, code)
    refused = []
    m.refused.connect(lambda _i, msg: refused.append(msg))
    assert not m.setData(m.index(0, VALUE), bad)
    assert refused and why in refused[0]
    assert why in view.ui.message.text()
    assert view.ctx.undo_stack.count() == 0
    after = db_figures(view.ctx.store, code)
    assert after.loc[fid, "value"] == before.loc[fid, "value"]
    assert after.loc[fid, "version"] == before.loc[fid, "version"]


def test_stale_edit_refused_and_other_value_kept(view, db_url, monkeypatch, qtbot):
    m, fid = first_row(view, "AIR.PM25")
    other = Store.open(db_url, user="other desk")
    try:
        ver = int(db_figures(other, "AIR.PM25").loc[fid, "version"])
        UpdateRow("figure", fid, ver, {"value": 41.0}).apply(other)
    finally:
        other.close()
    shown = []

    def fake_warning(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Yes  # reload

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    assert m.setData(m.index(0, VALUE), 20.0)  # sent; the core's answer follows
    qtbot.waitUntil(lambda: bool(shown))
    assert "changed" in shown[0]
    assert db_figures(view.ctx.store, "AIR.PM25").loc[fid, "value"] == 41.0
    assert view.ctx.undo_stack.count() == 0
    # reloaded on the next turn of the event loop
    qtbot.waitUntil(lambda: m.index(m.row_of(fid), VALUE).data() == "41.0")


def test_figure_dialog_creates_and_undo_removes(view, qtbot):
    view.set_indicator("AIR.PM25")
    dlg = FigureDialog(view.ctx, "AIR.PM25", existing=view.figures_model.frame)
    qtbot.addWidget(dlg)
    f = dlg.fields
    f["period"].setText("2019H1")
    assert dlg.ok_button.isEnabled()
    f["period"].setText("2019H3")
    assert not dlg.ok_button.isEnabled() and "2019H3" in dlg.problem("period")
    f["period"].setText("2023H1")  # chongqing already has it
    assert not dlg.ok_button.isEnabled() and "already" in dlg.problem("period")
    f["period"].setText("2019h1")
    f["value"].setValue(52.3)
    f["note"].setText("from the archive")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.outcome is not None)
    settle(qtbot, view.ctx)
    assert dlg.result() == FigureDialog.DialogCode.Accepted
    fid = dlg.outcome.row["id"]
    row = db_figures(view.ctx.store, "AIR.PM25").loc[fid]
    assert (row["period"], row["value"], row["note"]) == ("2019H1", 52.3, "from the archive")
    qtbot.waitUntil(lambda: view.figures_model.row_of(fid) >= 0)
    view.ctx.undo_stack.undo()
    settle(qtbot, view.ctx)
    assert fid not in db_figures(view.ctx.store, "AIR.PM25").index
    qtbot.waitUntil(lambda: view.figures_model.row_of(fid) == -1)


def test_target_dialog_creates_edits_and_undo(view, qtbot):
    view.set_indicator("AIR.PM25")
    qtbot.waitUntil(lambda: view.targets_model.rowCount() == 3)  # the plans', a turn later
    n = view.targets_model.rowCount()
    dlg = TargetDialog(view.ctx, "AIR.PM25")
    qtbot.addWidget(dlg)
    dlg.fields["period"].setText("2030")
    dlg.fields["value"].setText("abc")
    assert not dlg.ok_button.isEnabled() and "not a number" in dlg.problem("value")
    dlg.fields["value"].setText("25")
    dlg.fields["baseline_period"].setText("2020")  # the core's check answers from a worker
    qtbot.waitUntil(lambda: not dlg.ok_button.isEnabled()
                    and "baseline" in dlg.problem("baseline_value"))
    dlg.fields["baseline_value"].setText("40")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.outcome is not None)
    tid = dlg.outcome.row["id"]
    qtbot.waitUntil(lambda: view.targets_model.rowCount() == n + 1)
    stack = view.ctx.undo_stack
    stack.undo()
    qtbot.waitUntil(lambda: view.targets_model.rowCount() == n)
    stack.redo()
    qtbot.waitUntil(lambda: view.targets_model.rowCount() == n + 1)

    with view.ctx.store.read() as conn:
        row = queries.targets(conn, indicators=["AIR.PM25"]).set_index("id").loc[tid]
    edit = TargetDialog(view.ctx, "AIR.PM25", {**row.to_dict(), "id": tid})
    qtbot.addWidget(edit)
    assert edit.fields["value"].text() == "25.0"
    edit.fields["value"].setText("24")
    edit.ok_button.click()
    qtbot.waitUntil(lambda: edit.outcome is not None)

    def value():
        with view.ctx.store.read() as conn:
            return queries.targets(conn, indicators=["AIR.PM25"]).set_index("id").loc[tid, "value"]

    assert value() == 24.0
    stack.undo()
    settle(qtbot, view.ctx)
    assert value() == 25.0


def test_indicator_dialog_new_and_undo(view, qtbot, monkeypatch):
    ctx = view.ctx

    def fake_exec(dlg):
        f = dlg.fields
        f["code"].setText("AIR.PM25")
        assert not dlg.ok_button.isEnabled() and "exists" in dlg.problem("code")
        f["code"].setText("AIR.PM10")
        f["name_en"].setText("PM10 average concentration")
        f["name_zh"].setText("PM10平均浓度")
        f["unit"].setText("µg/m³")
        f["vmin"].setText("0")
        f["vmax"].setText("-1")  # the core's check answers from a worker
        qtbot.waitUntil(lambda: not dlg.ok_button.isEnabled() and bool(dlg.problem("vmin")))
        f["vmax"].setText("")
        f["decimals"].setValue(1)
        dlg.accept()
        qtbot.waitUntil(lambda: dlg.outcome is not None)
        return dlg.result()

    monkeypatch.setattr(IndicatorDialog, "exec", fake_exec)
    code = new_indicator(ctx, view)
    assert code == "AIR.PM10"
    assert "AIR.PM10" in set(ctx.indicators["code"])
    assert ctx.indicator("AIR.PM10")["decimals"] == 1
    ctx.undo_stack.undo()
    settle(qtbot, ctx)
    assert "AIR.PM10" not in set(ctx.indicators["code"])
    assert indicator_dialog.new_indicator is new_indicator


def test_delete_with_confirmation_and_undo_restores_same_row(view, monkeypatch, qtbot):
    m, fid = first_row(view, "AIR.PM25")
    before = db_figures(view.ctx.store, "AIR.PM25").loc[fid]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    view.figure_table.selectRow(0)
    view.delete_selected()
    assert fid in db_figures(view.ctx.store, "AIR.PM25").index  # declined
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_selected()
    settle(qtbot, view.ctx)
    assert fid not in db_figures(view.ctx.store, "AIR.PM25").index
    qtbot.waitUntil(lambda: m.row_of(fid) == -1)
    view.ctx.undo_stack.undo()
    settle(qtbot, view.ctx)
    after = db_figures(view.ctx.store, "AIR.PM25").loc[fid]
    assert after["value"] == before["value"] and after["period"] == before["period"]
    qtbot.waitUntil(lambda: m.row_of(fid) >= 0)


@pytest.mark.parametrize("code,editor,check", [
    ("AIR.PM25", "QLineEdit", lambda e: e.decimals == 1 and e.kind == "number"),
    ("WATER.STATE_SECTIONS_EXCELLENT", "QLineEdit", lambda e: e.vmax == 100),
    ("AIR.GOOD_DAYS", "QLineEdit", lambda e: e.kind == "count"),
    ("WATER.YANGTZE_MAINSTEM_CLASS", "QComboBox",
     lambda e: [e.itemText(i) for i in range(1, e.count())] ==
     ["I", "II", "III", "IV", "V", "worse than V"]),
])
def test_value_editor_fits_the_kind(view, qtbot, code, editor, check):
    """The table's value editor is the dialog's (gui.value_field): typed text read by the
    core's value rule, which says at once what is wrong with it."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    m, _ = first_row(view, code)
    delegate = view.figure_table.itemDelegate()
    e = delegate.createEditor(view.figure_table.viewport(), QStyleOptionViewItem(),
                              m.index(0, VALUE))
    assert e.inherits(editor) and check(e)
    delegate.setEditorData(e, m.index(0, VALUE))
    if code == "WATER.STATE_SECTIONS_EXCELLENT":
        e.clear()
        qtbot.keyClicks(e, "150")  # said while typing, in the core's words
        assert "above the natural maximum" in e.last_problem
        before = m.index(0, VALUE).data()
        delegate.setModelData(e, m, m.index(0, VALUE))  # and not written
        assert m.index(0, VALUE).data() == before
    if code == "AIR.PM25":  # what a Chinese desk types is taken
        e.setText("２９．４")  # (QTest types no full-width keys)
        e.textEdited.emit(e.text())
        assert e.last_problem == "" and e.value() == 29.4


def test_value_editor_refuses_extra_decimals_out_loud_and_keeps_stored_ones(view, qtbot):
    """PM2.5 keeps one decimal: typing 38.25 used to save 38.2 without a word, and a value
    stored as 38.25 was rounded by merely opening and confirming the editor."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    m, fid = first_row(view, "AIR.PM25")
    delegate = view.figure_table.itemDelegate()
    e = delegate.createEditor(view.figure_table.viewport(), QStyleOptionViewItem(),
                              m.index(0, VALUE))
    delegate.setEditorData(e, m.index(0, VALUE))
    e.clear()
    qtbot.keyClicks(e, "38.25")
    assert "more decimals than this indicator keeps (1)" in e.last_problem
    before = db_figures(view.ctx.store, "AIR.PM25").loc[fid, "value"]
    delegate.setModelData(e, m, m.index(0, VALUE))  # refused, not rounded
    assert db_figures(view.ctx.store, "AIR.PM25").loc[fid, "value"] == before
    # a value stored with two decimals (before the decimals rule, or by psql) is not rounded
    from sqlalchemy import text

    with view.ctx.store.write() as conn:
        conn.execute(text("UPDATE figures SET value = 38.25, version = version + 1 "
                          "WHERE id = :i"), {"i": fid})
    view.ctx.reload()  # F5
    qtbot.waitUntil(lambda: m.row_of(fid) >= 0
                    and m.frame.iloc[m.row_of(fid)]["value"] == 38.25, timeout=10000)
    settle(qtbot, view.ctx)
    row = m.row_of(fid)
    e2 = delegate.createEditor(view.figure_table.viewport(), QStyleOptionViewItem(),
                               m.index(row, VALUE))
    delegate.setEditorData(e2, m.index(row, VALUE))
    assert e2.text() == "38.25"
    delegate.setModelData(e2, m, m.index(row, VALUE))  # confirmed unchanged
    settle(qtbot, view.ctx)
    assert db_figures(view.ctx.store, "AIR.PM25").loc[fid, "value"] == 38.25


def test_edit_through_the_delegate(view, qtbot):
    m, fid = first_row(view, "AIR.GOOD_DAYS")
    delegate = view.figure_table.itemDelegate()
    from PySide6.QtWidgets import QStyleOptionViewItem

    e = delegate.createEditor(view.figure_table.viewport(), QStyleOptionViewItem(),
                              m.index(0, VALUE))
    e.setValue(150)
    delegate.setModelData(e, m, m.index(0, VALUE))
    settle(qtbot, view.ctx)
    assert db_figures(view.ctx.store, "AIR.GOOD_DAYS").loc[fid, "value"] == 150
    q = COLUMNS.index("qualifier")
    e = delegate.createEditor(view.figure_table.viewport(), QStyleOptionViewItem(), m.index(0, q))
    e.setCurrentIndex(e.findData("more_than"))
    delegate.setModelData(e, m, m.index(0, q))
    settle(qtbot, view.ctx)
    assert db_figures(view.ctx.store, "AIR.GOOD_DAYS").loc[fid, "qualifier"] == "more_than"
    assert m.index(0, q).data() == "more than"
    assert view.ctx.undo_stack.count() == 2


def test_create_by_dialog_edit_in_place_then_undo_both(view, qtbot):
    view.set_indicator("AIR.PM25")
    dlg = FigureDialog(view.ctx, "AIR.PM25", existing=view.figures_model.frame)
    qtbot.addWidget(dlg)
    dlg.fields["period"].setText("2018")
    dlg.fields["value"].setValue(60.0)
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.outcome is not None)
    fid = dlg.outcome.row["id"]
    m = view.figures_model
    qtbot.waitUntil(lambda: m.row_of(fid) >= 0)
    assert m.setData(m.index(m.row_of(fid), VALUE), 58.0)
    settle(qtbot, view.ctx)
    stack = view.ctx.undo_stack
    assert stack.count() == 2 and stack.undoText().startswith("Edit figure")
    stack.undo()
    stack.undo()
    settle(qtbot, view.ctx)
    assert fid not in db_figures(view.ctx.store, "AIR.PM25").index
    qtbot.waitUntil(lambda: m.row_of(fid) == -1)
    stack.redo()
    stack.redo()
    settle(qtbot, view.ctx)
    assert db_figures(view.ctx.store, "AIR.PM25").loc[fid, "value"] == 58.0
