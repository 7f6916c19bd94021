"""The entry grid (File › Enter figures…): typing, pasting real spreadsheet text, fill down,
undo, and copy; read back from the database, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QGuiApplication

from core import queries
from gui.entry.keys import fill_down, paste_into
from gui.entry.model import COLUMNS
from gui.table_copy import copy_selection

from tests.gui.conftest import settle

pytestmark = pytest.mark.gui
VALUE, QUAL, NOTE = (COLUMNS.index(c) for c in ("value", "qualifier", "note"))
AREAS = ["chongqing", "yuzhong", "jiangbei", "shapingba"]

# What Excel puts on the clipboard for three rows of value, unit, qualifier and status (CRLF,
# thousands separators, a quoted cell), and LibreOffice for a column (LF, full-width, 约, 超过).
EXCEL = ('29.4\tµg/m³\t\t初步\r\n1,031.5\tµg/m³\tabout\tfinal\r\n'
         '"31.2"\tµg/m³\t\tprovisional\r\n')
LIBRE = "２９．４\n约 ３０．１\nthirty\n超过31\n"


def grid_figures(store, code, period="2026H1"):
    with store.read() as conn:
        f = queries.figures(conn, indicators=[code])
    return f[f["period"] == period].set_index("area")


@pytest.fixture
def grid(window, qtbot):
    window.actions_.enterFigures.trigger()
    win = window._entry_window
    qtbot.waitUntil(lambda: win.model.rowCount() > 0, timeout=10000)
    win.set_choices(period="2026年上半年", areas=AREAS, categories=["air"])
    qtbot.waitUntil(lambda: win.model.period == "2026H1"
                    and set(win.model.frame["area"]) == set(AREAS), timeout=10000)
    qtbot.waitUntil(lambda: win.model.existing is not None, timeout=10000)
    return win


def rows_of(win, code):
    f = win.model.frame
    return f.index[f["indicator"] == code].tolist()


def select(win, top, left, bottom=None, right=None):
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    m = win.model
    bottom, right = top if bottom is None else bottom, left if right is None else right
    win.grid.setCurrentIndex(m.index(top, left))
    win.grid.selectionModel().select(QItemSelection(m.index(top, left), m.index(bottom, right)),
                                     QItemSelectionModel.SelectionFlag.ClearAndSelect)


def type_cell(qtbot, view, text):
    """Type ``text`` over the current cell as a person does, then press Enter."""
    press(view, text[0])  # any key opens the editor, with that key in it
    editor = view.indexWidget(view.currentIndex())
    assert editor is not None
    for ch in text[1:]:
        press(editor, ch)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # (Qt commits on the next turn)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=5000)


def press(widget, ch: str) -> None:
    """One key typed (QTest's own clicks take ASCII only: 约 is sent as its text)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_grid_shows_a_row_per_indicator_and_area_of_the_period(grid):
    m = grid.model
    assert grid.grid.objectName() == "entryGrid" and grid.period.objectName() == "entryPeriod"
    codes = set(m.frame["indicator"])
    assert "AIR.PM25" in codes and len(m.frame) == len(codes) * len(AREAS)
    r = rows_of(grid, "AIR.PM25")[0]  # the municipality: last figure 2024H1
    assert m.index(r, COLUMNS.index("last_value")).data() == "36.6"
    assert m.index(r, COLUMNS.index("last_period")).data() == "2024H1"
    assert m.index(r, VALUE).data() == ""
    assert m.headerData(VALUE, Qt.Orientation.Horizontal) == "2026H1 value"


def test_paste_from_excel_writes_good_cells_as_one_undoable_step(grid, qtbot):
    store, m = grid.ctx.store, grid.model
    rows = rows_of(grid, "AIR.PM25")
    select(grid, rows[0], VALUE)
    got = paste_into(grid.grid, EXCEL, COLUMNS, m.put)
    assert list(got.refused) == []
    settle(qtbot, grid.ctx)
    figs = grid_figures(store, "AIR.PM25")
    assert figs.loc["chongqing", "value"] == 29.4
    assert figs.loc["yuzhong", "value"] == 1031.5
    assert figs.loc["jiangbei", "value"] == 31.2
    assert list(figs.loc[["chongqing", "yuzhong", "jiangbei"], "status"]) == \
        ["provisional", "final", "provisional"]
    assert figs.loc["yuzhong", "qualifier"] == "about"
    assert m.index(rows[0], VALUE).data() == "29.4"
    assert grid.ctx.undo_stack.count() == 1
    assert grid.ctx.undo_stack.undoText() == "Paste 9 cells"
    grid.ctx.undo()
    settle(qtbot, grid.ctx)
    assert grid_figures(store, "AIR.PM25").empty
    assert m.index(rows[0], VALUE).data() == ""
    grid.ctx.redo()
    settle(qtbot, grid.ctx)
    assert len(grid_figures(store, "AIR.PM25")) == 3


def test_paste_from_libreoffice_full_width_hedges_and_a_refused_cell(grid, qtbot):
    store, m = grid.ctx.store, grid.model
    rows = rows_of(grid, "AIR.PM25")
    select(grid, rows[0], VALUE)
    got = paste_into(grid.grid, LIBRE, COLUMNS, m.put)
    assert list(got.refused) == [(rows[2], "value")]
    settle(qtbot, grid.ctx)
    figs = grid_figures(store, "AIR.PM25")
    assert figs.loc["chongqing", "value"] == 29.4 and figs.loc["chongqing", "qualifier"] == ""
    assert (figs.loc["yuzhong", "value"], figs.loc["yuzhong", "qualifier"]) == (30.1, "about")
    assert "jiangbei" not in figs.index  # refused: written nowhere
    assert (figs.loc["shapingba", "value"], figs.loc["shapingba", "qualifier"]) == \
        (31.0, "more_than")
    bad = m.index(rows[2], VALUE)
    assert bad.data() == "✗ thirty" and "not a number" in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert m.index(rows[1], QUAL).data() == "about"
    assert "not saved" in grid.message.text()


def test_a_value_far_from_the_other_districts_is_saved_and_marked(window, qtbot):
    window.actions_.enterFigures.trigger()
    win = window._entry_window
    win.set_choices(period="2026H1", areas=None, categories=["air"])
    qtbot.waitUntil(lambda: win.model.period == "2026H1" and win.model.existing is not None,
                    timeout=10000)
    m = win.model
    rows = rows_of(win, "AIR.PM25")[1:12]  # eleven districts
    select(win, rows[0], VALUE)
    block = "\n".join(["30.1", "31.4", "29.8", "30.6", "32.0", "30.9", "31.1", "29.5", "30.3",
                       "31.7", "95.0"]) + "\n"
    paste_into(win.grid, block, COLUMNS, m.put)
    settle(qtbot, win.ctx)
    odd = m.index(rows[-1], VALUE)
    assert odd.data().startswith("⚠ 95.0")
    assert "other districts" in odd.data(Qt.ItemDataRole.ToolTipRole)
    assert grid_figures(win.ctx.store, "AIR.PM25").loc[m.frame.at[rows[-1], "area"],
                                                      "value"] == 95.0


def test_typing_enter_moves_down_and_tab_across(grid, qtbot):
    store, m, view = grid.ctx.store, grid.model, grid.grid
    rows = rows_of(grid, "AIR.PM25")
    view.setFocus()
    view.setCurrentIndex(m.index(rows[0], VALUE))
    for text in ("30.5", "约31"):
        type_cell(qtbot, view, text)
    assert view.currentIndex().row() == rows[2] and view.currentIndex().column() == VALUE
    settle(qtbot, grid.ctx)
    figs = grid_figures(store, "AIR.PM25")
    assert figs.loc["chongqing", "value"] == 30.5
    assert (figs.loc["yuzhong", "value"], figs.loc["yuzhong", "qualifier"]) == (31.0, "about")
    # typing over a cell replaces what it holds
    view.setCurrentIndex(m.index(rows[0], VALUE))
    type_cell(qtbot, view, "28.8")
    settle(qtbot, grid.ctx)
    assert grid_figures(store, "AIR.PM25").loc["chongqing", "value"] == 28.8
    # Tab goes to the next column
    view.setCurrentIndex(m.index(rows[0], NOTE - 1))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex().column() == NOTE


def test_a_refused_typed_value_is_shown_in_place(grid, qtbot):
    m = grid.model
    r = rows_of(grid, "AIR.GOOD_DAYS")[0]
    assert m.setData(m.index(r, VALUE), "200")
    cell = m.index(r, VALUE)
    assert cell.data() == "✗ 200" and "181" in cell.data(Qt.ItemDataRole.ToolTipRole)
    settle(qtbot, grid.ctx)
    assert grid_figures(grid.ctx.store, "AIR.GOOD_DAYS").empty
    assert grid.ctx.undo_stack.count() == 0


def test_fill_down_is_one_step(grid, qtbot):
    m = grid.model
    rows = rows_of(grid, "AIR.PM25")
    assert m.setData(m.index(rows[0], VALUE), "33.3")
    settle(qtbot, grid.ctx)
    select(grid, rows[0], VALUE, rows[-1], VALUE)
    fill_down(grid.grid, COLUMNS, m.put)
    settle(qtbot, grid.ctx)
    figs = grid_figures(grid.ctx.store, "AIR.PM25")
    assert sorted(figs.index) == sorted(AREAS) and set(figs["value"]) == {33.3}
    assert grid.ctx.undo_stack.count() == 2
    grid.ctx.undo()
    settle(qtbot, grid.ctx)
    assert list(grid_figures(grid.ctx.store, "AIR.PM25").index) == ["chongqing"]


def test_copy_gives_tsv_and_html_with_headers(grid, qtbot):
    m = grid.model
    rows = rows_of(grid, "AIR.PM25")
    select(grid, rows[0], COLUMNS.index("area"), rows[1], COLUMNS.index("last_period"))
    mime = copy_selection(grid.grid)
    text = QGuiApplication.clipboard().text()
    assert text == mime.text()
    lines = text.split("\r\n")
    assert lines[0] == "Area\tLast value\tOf"
    assert lines[1] == "Chongqing\t36.6\t2024H1"
    assert "<th>Area</th>" in mime.html() and "<td>Chongqing</td>" in mime.html()


def test_the_period_and_choices_are_remembered(window, qtbot):
    window.actions_.enterFigures.trigger()
    win = window._entry_window
    win.set_choices(period="2025H2", areas=["yuzhong"], categories=["water"])
    qtbot.waitUntil(lambda: win.model.period == "2025H2", timeout=10000)
    win.close()
    qtbot.wait(10)
    window.actions_.enterFigures.trigger()
    again = window._entry_window
    assert again is not win
    qtbot.waitUntil(lambda: again.model.period == "2025H2", timeout=10000)
    assert again.chosen(again._area_actions) == ["yuzhong"]
    assert again.chosen(again._category_actions) == ["water"]
