"""Dialogs open with the cursor in the first empty field, and a new figure's dialog opens
on the period and area of the last one saved (both languages)."""
from __future__ import annotations

import pytest

from gui.context import AppContext
from gui.dialogs.figure_dialog import FigureDialog
from gui.dialogs.target_dialog import TargetDialog
from tests.gui.conftest import click_ok

pytestmark = pytest.mark.gui


@pytest.fixture(params=["en", "zh_CN"])
def ctx(request, sqlite_store, qtbot):
    from gui.i18n import translators

    translators().apply(request.param)
    yield AppContext(sqlite_store, lang=request.param)
    translators().apply("en")


def _shown(qtbot, dlg):
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_first_empty_field_then_remembered(ctx, qtbot):
    dlg = _shown(qtbot, FigureDialog(ctx, "AIR.PM25"))
    assert dlg.focusWidget() is dlg.fields["period"]  # the area combo is filled already
    dlg.fields["area"].setCurrentIndex(dlg.fields["area"].findData("shapingba"))
    dlg.fields["period"].setText("2026H1")
    dlg.fields["value"].setText("29.5")
    click_ok(qtbot, dlg)
    assert dlg.outcome is not None
    again = _shown(qtbot, FigureDialog(ctx, "AIR.GOOD_DAYS"))
    assert again.fields["area"].currentData() == "shapingba"
    assert again.values()["period"] == "2026H1"
    shown = "2026年上半年" if ctx.lang == "zh_CN" else "2026H1"
    assert again.fields["period"].text() == shown
    assert again.focusWidget() is again.fields["value"]  # the first field still empty
    target = _shown(qtbot, TargetDialog(ctx, "AIR.PM25"))
    assert target.focusWidget() is target.fields["period"]


def test_indicator_dialog_opens_on_its_first_empty_field(ctx, qtbot):
    from gui.dialogs.indicator_dialog import IndicatorDialog

    dlg = _shown(qtbot, IndicatorDialog(ctx))
    first_empty = next(w for w in dlg.fields.values()
                       if hasattr(w, "text") and not w.text() and w.isEnabled())
    assert dlg.focusWidget() is first_empty
