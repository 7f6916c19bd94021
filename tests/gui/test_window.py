"""The window as a whole: opens and seeds, status bar, F5, double-click, errors, settings."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTableView, QTreeView  # noqa: E402

from core import queries  # noqa: E402
from core.edits import UpdateRow  # noqa: E402
from core.errors import StaleEditError  # noqa: E402
from core.store import Store  # noqa: E402
from tests.gui.conftest import settle

pytestmark = pytest.mark.gui

MISSABLE = ("WATER.STATE_SECTIONS_EXCELLENT", "chongqing")  # target >= 97.3, actual 98.6


def missed_edit(store: Store, value: float = 90.0) -> UpdateRow:
    with store.read() as conn:
        f = queries.figures(conn, indicators=[MISSABLE[0]], areas=[MISSABLE[1]])
    row = f.iloc[-1]
    return UpdateRow("figure", int(row["id"]), int(row["version"]), {"value": value})


def status_of(window, key) -> str:
    from gui.scorecard import STATUS_ROLE, column

    m = window.scorecard.model
    r = m.row_of(key)
    assert r >= 0, key
    return m.data(m.index(r, column("period_status")), STATUS_ROLE)


def test_opens_a_fresh_database_seeds_it_and_names_it(open_window, db_url, qtbot):
    w = open_window(db_url)
    assert w.ctx.store.created
    assert w.findChild(QTreeView, "indicatorTree").model().rowCount() >= 5
    assert isinstance(w.findChild(QLineEdit, "indicatorFilter"), QLineEdit)
    assert w.findChild(QTableView, "scorecardTable").model().rowCount() >= 50
    for name in ("actionUndo", "actionRedo", "actionNewIndicator", "actionNewFigure",
                 "actionNewTarget", "actionExportExcel", "actionImportExcel", "actionRefresh"):
        assert isinstance(w.findChild(QAction, name), QAction), name
    assert w.ctx.store.name in w.db_label.text()
    # the counts come with the scorecard (its last half lands a turn after the rows)
    qtbot.waitUntil(lambda: "73 figures" in w.counts_label.text())  # 68 seeded, 5 computed
    assert w.findChild(QAction, "actionRefresh").shortcut().toString() == "F5"
    assert w.findChild(QAction, "actionUndo").shortcut().toString() == "Ctrl+Z"
    assert w.findChild(QAction, "actionRedo").shortcut().toString() == "Ctrl+Shift+Z"


def test_f5_picks_up_a_change_from_another_desk(open_window, db_url, qtbot):
    w = open_window(db_url)
    assert status_of(w, MISSABLE) == "met"
    other = Store.open(db_url, user="other desk")
    try:
        missed_edit(other).apply(other)
    finally:
        other.close()
    assert status_of(w, MISSABLE) == "met"  # nothing changes until F5
    qtbot.keyClick(w, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: status_of(w, MISSABLE) == "missed", timeout=20000)


def test_edit_updates_the_scorecard_row_in_place_and_keeps_selection(open_window, db_url,
                                                                      qtbot):
    w = open_window(db_url)
    m, table = w.scorecard.model, w.scorecard.table
    table.selectRow(m.row_of(MISSABLE))
    resets = []
    m.modelReset.connect(lambda: resets.append(1))
    w.ctx.edit(missed_edit(w.ctx.store), "edit")
    qtbot.waitUntil(lambda: status_of(w, MISSABLE) == "missed", timeout=20000)
    assert not resets  # only that indicator's rows were recomputed and swapped in
    assert table.selectionModel().selectedRows()[0].row() == m.row_of(MISSABLE)
    w.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: status_of(w, MISSABLE) == "met", timeout=20000)


def test_double_click_in_scorecard_opens_the_indicator(open_window, sqlite_url, qtbot):
    w = open_window(sqlite_url)
    m, table = w.scorecard.model, w.scorecard.table
    w.tabs.setCurrentIndex(0)
    row = m.row_of(("AIR.PM25", "chongqing"))
    table.scrollTo(m.index(row, 1))
    rect = table.visualRect(m.index(row, 1))
    # a real double-click is a press, a release, then the double-click event
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.indicators.current_code() == "AIR.PM25"
    assert w.tabs.currentIndex() == 1


def test_stale_edit_message_offers_reload(open_window, sqlite_url, qtbot):
    w = open_window(sqlite_url)
    reloaded = []
    w.ctx.reloaded.connect(lambda: reloaded.append(1))
    w.report_error(StaleEditError("AIR.PM25 / chongqing / 2024H1", "30.1", "31.0"))
    box = w.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert "someone else" in box.text() and "31.0" in box.informativeText()
    reload_btn = next(b for b in box.buttons() if b.text() == "Reload")
    qtbot.mouseClick(reload_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(reloaded))


def test_context_error_signal_shows_a_message(open_window, sqlite_url):
    w = open_window(sqlite_url)
    w.ctx.error.emit(StaleEditError("x", "1", "2"))
    assert w.findChild(QMessageBox, "errorBox") is not None


def test_window_remembers_last_indicator_and_language(open_window, sqlite_url, qtbot):
    w = open_window(sqlite_url)
    assert w.indicators.select("WASTE.ZERO_WASTE_CELLS")
    w.set_language("zh_CN")
    w.close()
    from gui.i18n import preferred_language

    assert preferred_language() == "zh_CN"
    w2 = open_window(sqlite_url, lang=None)
    assert w2.ctx.lang == "zh_CN"
    assert w2.indicators.current_code() == "WASTE.ZERO_WASTE_CELLS"


def test_missing_excel_module_disables_its_actions_with_a_reason(open_window, sqlite_url):
    w = open_window(sqlite_url)
    for name, fn in (("actionExportExcel", w._export), ("actionImportExcel", w._import)):
        action = w.findChild(QAction, name)
        assert action.isEnabled() == (fn is not None)
        if fn is None:
            assert action.toolTip()


def test_shell_paints_before_the_database_opens(qtbot, tmp_path, monkeypatch, sqlite_url):
    """What a person sees first: the real window, menus and an "opening" note, nothing
    usable that needs data; then ``attach`` adds the screens."""
    monkeypatch.setenv("ECOTRACKER_SETTINGS_DIR", str(tmp_path / "settings"))
    from core.store import Store
    from gui.context import AppContext
    from gui.main_window import MainWindow

    w = MainWindow()
    w.show()
    assert w.findChild(QAction, "actionQuit").isEnabled()
    assert not w.findChild(QAction, "actionRefresh").isEnabled()
    assert w.findChild(QAction, "actionUndo") is None
    assert w.loading.text()
    ctx = AppContext(Store.open(sqlite_url))
    w.attach(ctx)
    w.start()
    qtbot.waitUntil(lambda: w.scorecard.model.rowCount() > 0, timeout=20000)
    assert w.findChild(QAction, "actionRefresh").isEnabled()
    undo = w.findChild(QAction, "actionUndo")
    assert undo is not None and undo in w.menus["edit"].actions()
    w.close()
    w.deleteLater()
    qtbot.wait(1)


def test_targets_and_course_are_drawn_with_the_selection(open_window, sqlite_url, qtbot):
    """The plot's targets and projections come from the scorecard's rows, drawn with the
    lines, and equal what a worker computes from the indicator's own figures and targets;
    a target added later reaches the plot once the scorecard has recomputed the indicator."""
    from core.edits import CreateRow
    from gui.indicator.view import course_frame

    w = open_window(sqlite_url)
    view = w.indicator_view

    def alone(code):
        with w.ctx.store.read() as conn:
            figs = queries.indicator_figures(conn, code, w.ctx.area_rank)
            tgts = queries.targets(conn, indicators=[code])
        return course_frame(w.ctx.indicators, figs, tgts, code, w.ctx.sources,
                            progress=None, cancelled=None)

    w.indicators.select(MISSABLE[0])  # no waiting: the target judged against drawn at once
    fr = view.plot.frame
    assert [t.area for t in fr.targets if t.applies] == [MISSABLE[1]]
    assert view.plot.lines[MISSABLE[1]].target.isVisible()
    # the indicator's other targets follow with its targets table, a turn later
    qtbot.waitUntil(lambda: len(view.plot.frame.targets) == 3)
    fr = view.plot.frame
    assert (fr.targets, fr.projections) == (alone(MISSABLE[0]).targets,
                                            alone(MISSABLE[0]).projections)

    code = "ENF.PENALTIES"  # no plan sets one (PM2.5 has the plans' targets now)
    w.indicators.select(code)
    area = view.figures_model.frame["area"].iloc[0]
    assert not view.plot.frame.targets
    w.ctx.edit(CreateRow("target", dict(indicator=code, area=area, period="2030",
                                        comparator=">=", value=600.0, kind="municipal_plan")),
               "add a target")
    qtbot.waitUntil(lambda: [t.area for t in view.plot.frame.targets] == [area],
                    timeout=20000)
    assert view.plot.lines[area].target.getData()[1].tolist() == [600.0, 600.0]
    assert view.plot.frame.projections == alone(code).projections


def test_f5_redraws_the_indicator_only_when_it_changed(open_window, db_url, qtbot):
    w = open_window(db_url)
    view = w.indicator_view
    w.indicators.select(MISSABLE[0])
    m = view.figures_model
    qtbot.waitUntil(lambda: view.targets_model.rowCount() == 3)
    resets = []
    m.modelReset.connect(lambda: resets.append("figures"))
    view.targets_model.modelReset.connect(lambda: resets.append("targets"))
    qtbot.keyClick(w, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not w.scorecard.busy, timeout=20000)
    qtbot.wait(100)  # the indicator and its targets are re-read on later turns
    assert resets == []  # nothing changed: nothing redrawn
    other = Store.open(db_url, user="other desk")
    try:
        missed_edit(other, 91.5).apply(other)
    finally:
        other.close()
    qtbot.keyClick(w, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: 91.5 in m.frame["value"].tolist(), timeout=20000)
    assert resets == ["figures"]
    assert view.plot.lines[MISSABLE[1]].line.getData()[1][-1] == 91.5


def test_f5_shows_an_area_renamed_at_another_desk(open_window, sqlite_url, qtbot):
    import sqlalchemy as sa

    from core import schema

    w = open_window(sqlite_url)
    view = w.indicator_view
    w.indicators.select("AIR.PM25")
    area = view.figures_model.frame["area"].iloc[0]
    with w.ctx.store.write() as conn:  # no screen edits areas: a database administrator
        conn.execute(sa.update(schema.areas).where(schema.areas.c.code == area)
                     .values(name_en="Renamed District"))
    qtbot.keyClick(w, Qt.Key.Key_F5)
    m = view.figures_model
    qtbot.waitUntil(lambda: m.index(0, 0).data() == "Renamed District", timeout=20000)
    assert view.plot.names[area] == "Renamed District"


def test_a_long_indicator_name_wraps_instead_of_widening_the_window(open_window, sqlite_url,
                                                                     qtbot):
    from core.edits import CreateRow

    w = open_window(sqlite_url)
    w.resize(1100, 700)
    qtbot.wait(20)
    name = "A very long indicator name " * 8  # one line would be ~1,800 px
    w.ctx.edit(CreateRow("indicator", dict(
        code="TEST.LONG", category="air", name_en=name.strip(), name_zh="很长的指标名称" * 10,
        unit="t", value_kind="number", direction="higher", period_type="year", decimals=0)),
        "a long name")
    settle(qtbot, w.ctx)
    assert w.indicators.select("TEST.LONG")
    qtbot.wait(20)
    assert w.width() == 1100 and w.indicators.width() > 200


def test_no_indicator_no_indicator_actions(open_window, sqlite_url, qtbot):
    """After the creation of the shown indicator is undone there is nothing to add a
    figure to: the view's buttons and the window's actions say so (they stayed enabled)."""
    from core.edits import CreateRow

    w = open_window(sqlite_url)
    w.ctx.edit(CreateRow("indicator", dict(
        code="TEST.NEW", category="air", name_en="New", name_zh="新", unit="t",
        value_kind="number", direction="higher", period_type="year", decimals=0)), "new")
    settle(qtbot, w.ctx)
    assert w.indicators.select("TEST.NEW")
    view = w.indicator_view
    assert view.ui.buttons["newFigureButton"].isEnabled()
    assert not view.ui.buttons["savePlotButton"].isEnabled()  # no figures: nothing to save
    assert w.indicators.select("AIR.PM25")  # figures at once, even as the first selection
    assert view.ui.buttons["savePlotButton"].isEnabled()
    assert w.indicators.select("TEST.NEW")
    assert w.findChild(QAction, "actionNewFigure").isEnabled()
    w.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: view.code is None, timeout=5000)
    assert not view.ui.buttons["newFigureButton"].isEnabled()
    assert not view.ui.buttons["deleteButton"].isEnabled()
    assert not w.findChild(QAction, "actionNewFigure").isEnabled()
