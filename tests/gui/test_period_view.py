"""The period view (submit, approve, reopen with a reason) and the reason prompt of a
correction of a reported half-year, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import approval, changelog, queries
from core.approval import take_step
from gui.context import AppContext
from gui.indicator.figure_model import COLUMNS
from gui.indicator.view import IndicatorView
from gui.period.view import PeriodView
from gui.reason import ReasonDialog, asker

from tests.gui.conftest import settle

pytestmark = pytest.mark.gui
P = "2025H1"


def reason_dialog(qtbot) -> ReasonDialog:
    found = []

    def shown():
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, ReasonDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10000)
    return found[0]


def answer(qtbot, dlg: ReasonDialog, text: str) -> None:
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()  # empty: no
    dlg.text.setPlainText(text)
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()


def state(store, area: str) -> str:
    with store.read() as conn:
        return approval.state_of(conn, area, P)["state"]


@pytest.fixture
def periods(store, qtbot):
    ctx = AppContext(store)
    v = PeriodView(ctx)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.model.rowCount() > 0, timeout=10000)
    return v


def test_the_period_view_submits_approves_and_reopens_with_a_reason(periods, qtbot):
    v, store = periods, periods.ctx.store
    assert v.period == P  # the newest period with figures
    rows = {v.model.row(i)["area"]: v.model.row(i) for i in range(v.model.rowCount())}
    assert set(rows) == {"chongqing", "shapingba", "qianjiang", "hechuan"}
    assert rows["chongqing"]["entered"] == 7 and rows["chongqing"]["expected"] > 7
    v.select_area("shapingba")
    assert v.buttons["submit"].isEnabled() and not v.buttons["approve"].isEnabled()
    v.buttons["submit"].click()
    qtbot.waitUntil(lambda: v.model.row(v.model.row_of("shapingba"))["state"] == "submitted",
                    timeout=10000)
    assert state(store, "shapingba") == "submitted"
    assert v.buttons["approve"].isEnabled() and not v.buttons["submit"].isEnabled()
    v.buttons["approve"].click()
    qtbot.waitUntil(lambda: v.model.row(v.model.row_of("shapingba"))["state"] == "approved",
                    timeout=10000)
    col = [v.model.headerData(c, Qt.Orientation.Horizontal)
           for c in range(v.model.columnCount())]
    approved = v.model.index(v.model.row_of("shapingba"), col.index("Approved")).data()
    assert approved.startswith("tester")
    v.buttons["reopen"].click()
    answer(qtbot, reason_dialog(qtbot), "a district figure was wrong")
    qtbot.waitUntil(lambda: v.model.row(v.model.row_of("shapingba"))["state"] == "open",
                    timeout=10000)
    with store.read() as conn:
        assert approval.state_of(conn, "shapingba", P)["reason"] == "a district figure was wrong"


def test_a_refused_step_says_why_in_the_view(periods, qtbot):
    v = periods
    take_step(v.ctx.store, "submit", "chongqing", P)
    v.load(P)
    qtbot.waitUntil(lambda: v.model.row(v.model.row_of("chongqing"))["state"] == "submitted",
                    timeout=10000)
    v.select_area("chongqing")
    v.buttons["approve"].click()  # the districts are not approved yet: bottom-up
    qtbot.waitUntil(lambda: "shapingba" in v.message.text(), timeout=10000)
    assert state(v.ctx.store, "chongqing") == "submitted"


@pytest.fixture
def view(store, qtbot):
    v = IndicatorView(AppContext(store))
    v.ctx.ask_reason = asker(v)
    qtbot.addWidget(v)
    return v


def test_a_correction_of_a_submitted_figure_asks_why_and_the_history_shows_it(view, qtbot):
    store = view.ctx.store
    take_step(store, "submit", "shapingba", P)
    view.set_indicator("AIR.PM25")
    m = view.figures_model
    row = next(i for i in range(m.rowCount())
               if m.frame.iloc[i]["area"] == "shapingba" and m.frame.iloc[i]["period"] == P)
    fid = m.figure_id(row)
    assert m.setData(m.index(row, COLUMNS.index("value")), 30.5)
    answer(qtbot, reason_dialog(qtbot), "the district's corrected report")
    settle(qtbot, view.ctx)
    with store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"]).set_index("id")
        log = changelog.history(conn, "figure", fid)
    assert figs.loc[fid, "value"] == 30.5
    assert log["reason"].iloc[-1] == "the district's corrected report"
    view._select_figure(fid)
    qtbot.waitUntil(lambda: view.history_model.rowCount() >= 2, timeout=10000)
    why = [view.history_model.index(r, 4).data() for r in range(view.history_model.rowCount())]
    assert any("the district's corrected report" in w for w in why)
    # undo takes the reason along: no second prompt
    view.ctx.undo_stack.undo()
    settle(qtbot, view.ctx)
    with store.read() as conn:
        assert queries.figures(conn, indicators=["AIR.PM25"]).set_index("id") \
            .loc[fid, "value"] == 31.2


def test_cancelling_the_prompt_writes_nothing(view, qtbot):
    store = view.ctx.store
    take_step(store, "submit", "shapingba", P)
    view.set_indicator("AIR.PM25")
    m = view.figures_model
    row = next(i for i in range(m.rowCount())
               if m.frame.iloc[i]["area"] == "shapingba" and m.frame.iloc[i]["period"] == P)
    m.setData(m.index(row, COLUMNS.index("value")), 30.5)
    reason_dialog(qtbot).reject()
    settle(qtbot, view.ctx)
    qtbot.waitUntil(lambda: "reason" in view.ui.message.text(), timeout=10000)
    assert view.ctx.undo_stack.count() == 0
    with store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"])
    assert figs[(figs["area"] == "shapingba") & (figs["period"] == P)]["value"].iat[0] == 31.2


def test_comments_and_the_follow_up_mark_beside_the_history_are_undoable(view, qtbot):
    from core import comments

    store = view.ctx.store
    take_step(store, "submit", "shapingba", P)  # a reviewer's marks need no reason
    view.set_indicator("AIR.PM25")
    m = view.figures_model
    row = next(i for i in range(m.rowCount())
               if m.frame.iloc[i]["area"] == "shapingba" and m.frame.iloc[i]["period"] == P)
    view._select_figure(m.figure_id(row))
    pane = view.comments
    qtbot.waitUntil(lambda: pane.figure is not None and pane.figure["area"] == "shapingba",
                    timeout=10000)
    pane.edit.setText("ask the district for the monitoring table")
    pane.add.click()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=10000)
    assert pane.model.index(0, 1).data() == "tester"
    assert pane.model.index(0, 0).data() == "ask the district for the monitoring table"
    pane.follow.click()
    settle(qtbot, view.ctx)
    with store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"]).set_index("id")
        assert figs.loc[pane.figure["id"], "followup"]
        assert len(comments.of_figure(conn, "AIR.PM25", "shapingba", P)) == 1
    view.ctx.undo_stack.undo()  # the mark
    view.ctx.undo_stack.undo()  # the comment
    settle(qtbot, view.ctx)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 0, timeout=10000)
    assert not pane.follow.isChecked()
    with store.read() as conn:
        assert not queries.figures(conn, indicators=["AIR.PM25"]).set_index("id") \
            .loc[pane.figure["id"], "followup"]
    view.ctx.undo_stack.redo()  # the comment comes back
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=10000)
    pane.edit.setText("   ")
    pane.add.click()
    qtbot.waitUntil(lambda: "needs some text" in pane.message.text(), timeout=10000)


def test_the_import_dialog_asks_why_a_reported_half_year_changes(qtbot, sqlite_store,
                                                                  tmp_path, monkeypatch):
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    from core.excel.export import export_workbook
    from gui.excel.import_dialog import open_import_dialog

    ctx = AppContext(sqlite_store)
    path = tmp_path / "edited.xlsx"
    export_workbook(sqlite_store, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "AIR.PM25"
               and ws.cell(r, 4).value == P and ws.cell(r, 3).value == "Shapingba District")
    ws.cell(row, 5).value = 30.0
    wb.save(path)
    take_step(sqlite_store, "submit", "shapingba", P)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dlg = open_import_dialog(ctx, None)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.preview is not None, timeout=20000)
    assert dlg.problems_model.rowCount() == 1  # listed: a reason will be asked
    dlg.apply_button.click()
    answer(qtbot, reason_dialog(qtbot), "district resubmitted")
    qtbot.waitUntil(lambda: dlg.applied is not None, timeout=20000)
    with sqlite_store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"], areas=["shapingba"])
        log = changelog.history(conn, "figure", int(figs[figs["period"] == P]["id"].iat[0]))
    assert figs[figs["period"] == P]["value"].iat[0] == 30.0
    assert log["reason"].iloc[-1] == "district resubmitted"
