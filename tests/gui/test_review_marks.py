"""The scorecard's review marks: a "needs follow-up" filter, and the period of a figure whose
half-year is not approved yet marked (with a word in its tooltip)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import queries
from core.approval import take_step
from core.comments import follow_up
from tests.gui.conftest import edit_now

pytestmark = pytest.mark.gui
KEY = ("AIR.PM25", "shapingba")  # latest figure 2025H1


def period_cell(m, role=Qt.ItemDataRole.DisplayRole):
    from gui.scorecard import column

    return m.data(m.index(m.row_of(KEY), column("latest_period")), role)


def test_follow_up_filter_and_not_approved_marks(window, qtbot):
    panel, m = window.scorecard, window.scorecard.model
    qtbot.waitUntil(lambda: m._pending is not None, timeout=10000)
    assert period_cell(m).endswith("*")
    assert "not approved" in period_cell(m, Qt.ItemDataRole.ToolTipRole)
    store = window.ctx.store
    with store.read() as conn:
        f = queries.figures(conn, indicators=[KEY[0]], areas=[KEY[1]]).iloc[-1].to_dict()
    edit_now(qtbot, window.ctx, follow_up(f, True), "follow up")
    panel.status.setCurrentIndex(panel.status.findData("followup"))
    qtbot.waitUntil(lambda: m.rowCount() == 1, timeout=10000)
    assert m.key(0) == KEY
    latest = m.data(m.index(0, 3))
    assert "⚑" in latest
    for area in ("shapingba", "qianjiang", "hechuan", "chongqing"):
        take_step(store, "submit", area, "2025H1")
    for area in ("shapingba", "qianjiang", "hechuan", "chongqing"):
        take_step(store, "approve", area, "2025H1")
    window.refresh()  # F5: another desk approved
    qtbot.waitUntil(lambda: not period_cell(m).endswith("*"), timeout=20000)
    panel.status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: m.rowCount() > 1, timeout=10000)
