"""Paste, fill down and copy in the indicator view's figure table, read back from the
database, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from core import queries
from gui.context import AppContext
from gui.entry.keys import fill_down, paste_into
from gui.indicator.figure_model import COLUMNS
from gui.indicator.figure_paste import PASTE_COLUMNS
from gui.indicator.view import IndicatorView
from gui.table_copy import copy_selection

from tests.gui.conftest import settle

pytestmark = pytest.mark.gui
VALUE = COLUMNS.index("value")
# LibreOffice's text for value, qualifier, status and note of two rows: full-width digits and
# 约 in the value, a Chinese status, a refused value in the second row
LIBRE = "约 ３６．２\t\t初步\tfrom the district's sheet\nthirty\t\t\t\n"


@pytest.fixture
def view(store, qtbot):
    v = IndicatorView(AppContext(store))
    qtbot.addWidget(v)
    v.set_indicator("AIR.PM25")
    return v


def stored(store):
    with store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"])
    return f.set_index(["area", "period"])


def pick(view, rows, column=VALUE):
    m, t = view.figures_model, view.figure_table
    t.setCurrentIndex(m.index(rows[0], column))
    sel = t.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(m.index(r, column), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)


def row_of(view, area, period):
    f = view.figures_model.frame
    return int(f.index[(f["area"] == area) & (f["period"] == period)][0])


def test_paste_into_the_figure_table_checks_every_cell_and_undoes(view, qtbot):
    store, m = view.ctx.store, view.figures_model
    r = row_of(view, "chongqing", "2024H1")
    before = stored(store)
    pick(view, [r])
    got = paste_into(view.figure_table, LIBRE, PASTE_COLUMNS, view._paste.put)
    assert list(got.refused) == [(r + 1, "value")]
    settle(qtbot, view.ctx)
    after = stored(store)
    row = after.loc[("chongqing", "2024H1")]
    assert (row["value"], row["qualifier"], row["status"], row["note"]) == \
        (36.2, "about", "provisional", "from the district's sheet")
    nxt = m.frame.loc[r + 1, ["area", "period"]].tolist()
    assert after.loc[tuple(nxt), "value"] == before.loc[tuple(nxt), "value"]  # refused
    assert m.index(r + 1, VALUE).data() == "✗ thirty"
    assert "not a number" in m.index(r + 1, VALUE).data(Qt.ItemDataRole.ToolTipRole)
    assert m.index(row_of(view, "chongqing", "2024H1"), VALUE).data() == "36.2"
    view.ctx.undo()
    settle(qtbot, view.ctx)
    row = stored(store).loc[("chongqing", "2024H1")]
    assert (row["value"], row["qualifier"], row["status"]) == (36.6, "", "final")


def test_fill_down_in_the_figure_table(view, qtbot):
    store, m = view.ctx.store, view.figures_model
    rows = [row_of(view, "shapingba", "2024H1"), row_of(view, "shapingba", "2025H1")]
    pick(view, rows, COLUMNS.index("note"))
    got = fill_down(view.figure_table, PASTE_COLUMNS, view._paste.put)
    assert not got.refused and len(got.put) == 1
    settle(qtbot, view.ctx)
    after = stored(store)
    assert after.loc[("shapingba", "2025H1"), "note"] == after.loc[("shapingba", "2024H1"),
                                                                  "note"]


def test_copy_figures_targets_and_history_with_headers(view, qtbot):
    t = view.figure_table
    pick(view, [0, 1])
    mime = copy_selection(t)
    lines = QGuiApplication.clipboard().text().split("\r\n")
    assert lines[0].split("\t")[:3] == ["Area", "Period", "Value (µg/m³)"]
    assert lines[1].split("\t")[:2] == ["Chongqing", "2023H1"]
    assert mime.html().count("<tr>") == 3 and "<th>Period</th>" in mime.html()
    for table in (view.target_table, view.history_view):
        names = {a.objectName() for a in table.actions()}
        assert f"{table.objectName()}Copy" in names
