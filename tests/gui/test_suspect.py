"""A value that passes the rules but looks wrong is said before it is written, in the figure
table and in the figure dialog, and is kept with one click."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from core import edits, queries
from gui.context import AppContext
from gui.dialogs.figure_dialog import FigureDialog
from gui.indicator.figure_model import COLUMNS
from gui.indicator.view import IndicatorView

pytestmark = pytest.mark.gui
VALUE = COLUMNS.index("value")
DISTRICTS = ["wanzhou", "fuling", "yuzhong", "dadukou", "jiangbei", "shapingba", "jiulongpo",
             "nanan"]


@pytest.fixture
def view(sqlite_store, qtbot):
    edits.Batch([edits.CreateRow("figure", {"indicator": "AIR.PM25", "area": a,
                                            "period": "2026H1", "value": 30 + i % 3})
                 for i, a in enumerate(DISTRICTS)]).apply(sqlite_store)
    v = IndicatorView(AppContext(sqlite_store))
    qtbot.addWidget(v)
    v.set_indicator("AIR.PM25")
    return v


def _stored(store, area):
    with store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"])
    return float(f[(f["area"] == area) & (f["period"] == "2026H1")]["value"].iloc[0])


def _row(model, area):
    return next(i for i in range(model.rowCount())
                if model._a["area"][i] == area and model._a["period"][i] == "2026H1")


@pytest.mark.parametrize("answer,want", [("Keep it", 300.0), ("Change it", None)])
def test_the_table_asks_before_writing_a_suspect_value(view, monkeypatch, answer, want):
    asked = []

    def click(box):
        asked.append(box.text())
        box.clickedButton = lambda: next(b for b in box.buttons() if b.text() == answer)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    monkeypatch.setattr(view.figure_table, "edit", lambda *a: None)
    m = view.figure_table.model()
    r = _row(m, "wanzhou")
    before = _stored(view.ctx.store, "wanzhou")
    assert not m.setData(m.index(r, VALUE), "300")  # not written before the person says so
    assert asked and "far from what the other districts report for 2026H1" in asked[0]
    assert _stored(view.ctx.store, "wanzhou") == (want if want is not None else before)
    asked.clear()
    assert m.setData(m.index(r, VALUE), "31")  # an ordinary value: no question
    assert not asked and _stored(view.ctx.store, "wanzhou") == 31.0


def test_the_dialog_says_why_and_ok_keeps_it(view, qtbot):
    dlg = FigureDialog(view.ctx, "AIR.PM25")
    qtbot.addWidget(dlg)
    dlg.fields["area"].setCurrentIndex(dlg.fields["area"].findData("banan"))
    dlg.fields["period"].setText("2026年上半年")
    dlg.fields["value"].setText("300")
    assert "far from what the other districts report" in dlg.warning.text()
    assert not dlg.warning.isHidden() and dlg.ok_button.isEnabled()
    dlg.fields["value"].setText("31")
    assert dlg.warning.isHidden()
    dlg.fields["value"].setText("300")
    dlg.accept()
    assert _stored(view.ctx.store, "banan") == 300.0
