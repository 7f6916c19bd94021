"""The import dialog with a report: proposals beside their sentences, kept, corrected or
dropped before anything is written."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from core import queries

from ..test_reports_reading import HERE

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(qtbot, sqlite_store):
    from gui.context import AppContext

    return AppContext(sqlite_store)


def _row_of(model, indicator_name: str, period: str) -> int:
    from gui.excel.report_preview import INDICATOR, PERIOD

    for r in range(model.rowCount()):
        if model.index(r, INDICATOR).data() == indicator_name and \
                model.index(r, PERIOD).data() == period:
            return r
    raise AssertionError(f"{indicator_name} {period} not proposed")


def test_a_report_is_previewed_corrected_dropped_and_applied(qtbot, ctx, sqlite_store,
                                                              monkeypatch):
    from gui.excel.import_dialog import open_import_dialog
    from gui.excel.report_preview import CHANGE, DERIVED, KEEP, SENTENCE, VALUE

    path = HERE / "unseen_en.txt"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dlg = open_import_dialog(ctx, None)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.report.preview is not None and dlg.job is None, timeout=20000)
    table = dlg.findChild(type(dlg.table), "reportProposalsTable")
    assert table.isVisible() and not dlg.table.isVisible()
    model = table.model()
    assert model.rowCount() == 13
    pm = _row_of(model, ctx.indicator_name("AIR.PM25"), "2025H1")
    assert model.index(pm, VALUE).data() == "36.5"
    assert "34.2 / (1 - 0.063)" in model.index(pm, DERIVED).data()
    # each beside its sentence, the number marked in it
    assert "【6.3%】" in model.index(pm, SENTENCE).data()
    assert model.index(pm, CHANGE).data() == "new"
    unplaced = dlg.findChild(type(dlg.table), "reportUnplacedTable").model()
    assert {unplaced.index(r, 1).data() for r in range(unplaced.rowCount())} >= {"14"}
    with sqlite_store.read() as conn:
        assert "2026H1" not in set(queries.figures(conn)["period"])  # nothing written yet
    # correct one, drop one
    pen = _row_of(model, ctx.indicator_name("ENF.PENALTIES"), "2026H1")
    assert model.setData(model.index(pen, VALUE), "613")
    qtbot.waitUntil(lambda: dlg.job is None, timeout=20000)
    major = _row_of(model, ctx.indicator_name("ENF.MAJOR_CASES"), "2026H1")
    assert model.setData(model.index(major, KEEP), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: dlg.job is None, timeout=20000)
    assert model.index(major, CHANGE).data() == "dropped"
    # a value the rules refuse stops Apply, with the reason at its row
    sec = _row_of(model, ctx.indicator_name("WATER.STATE_SECTIONS_EXCELLENT"), "2026H1")
    model.setData(model.index(sec, VALUE), "108")
    qtbot.waitUntil(lambda: dlg.job is None, timeout=20000)
    assert model.index(sec, CHANGE).data() == "refused"
    assert "above the natural maximum" in model.index(sec, CHANGE).data(Qt.ItemDataRole.ToolTipRole)
    assert not dlg.apply_button.isEnabled()
    model.setData(model.index(sec, VALUE), "98.7")
    qtbot.waitUntil(lambda: dlg.job is None and dlg.apply_button.isEnabled(), timeout=20000)
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.applied is not None, timeout=20000)
    assert "12 new" in dlg.summary.text()
    with sqlite_store.read() as conn:
        figs = queries.figures(conn, indicators=["ENF.PENALTIES", "ENF.MAJOR_CASES"])
        src = queries.sources(conn)
    by = {(r.indicator, r.period): r for r in figs.itertuples()}
    assert by[("ENF.PENALTIES", "2026H1")].value == 613
    assert ("ENF.MAJOR_CASES", "2026H1") not in by
    assert by[("ENF.PENALTIES", "2026H1")].source in set(src["id"])
