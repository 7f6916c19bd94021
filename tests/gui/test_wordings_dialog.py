"""The wordings reports use are edited with the indicator, undoably."""
from __future__ import annotations

import pytest

from core import queries
from tests.gui.conftest import click_ok, settle

pytestmark = pytest.mark.gui


def stored(ctx, code):
    with ctx.store.read() as conn:
        return queries.indicators(conn).set_index("code").loc[code, "wordings"]


def test_wordings_are_edited_in_the_indicator_dialog_and_undone(sqlite_store, qtbot):
    from gui.context import AppContext
    from gui.dialogs.indicator_dialog import IndicatorDialog

    ctx = AppContext(sqlite_store)
    dlg = IndicatorDialog(ctx, ctx.indicator("AIR.GOOD_DAYS"))
    qtbot.addWidget(dlg)
    box = dlg.fields["wordings"]
    before = box.toPlainText()
    assert "优良天数" in before.split("\n")
    box.setPlainText(before + "\nblue-sky days")
    click_ok(qtbot, dlg)
    assert stored(ctx, "AIR.GOOD_DAYS").endswith("\nblue-sky days")
    ctx.undo()
    settle(qtbot, ctx)
    assert stored(ctx, "AIR.GOOD_DAYS") == before
