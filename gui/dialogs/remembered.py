"""What the add dialogs remember between openings, and where they put the cursor.

A desk entering this half-year's figures opens the figure dialog again and again for one
period and one area: the next one opens with the period and area of the last one saved, and
with the cursor in the first field still empty (the value), not on OK.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from core.periods import is_period, period_label

from ..i18n import settings
from .common import select_data, text_of

def _keys(kind: str) -> tuple[str, str]:
    return f"{kind}/last_period", f"{kind}/last_area"


def restore(dialog, kind: str, *, area_given: bool = False) -> None:
    """Put the last period and area saved into a new row's dialog (the area only when the
    caller gave none)."""
    s = settings()
    period_key, area_key = _keys(kind)
    period = s.value(period_key, "", str)
    field = dialog.fields.get("period")
    if period and is_period(period) and isinstance(field, QLineEdit) and not field.text():
        field.setText(period_label(period, dialog.ctx.lang))
    area = s.value(area_key, "", str)
    if area and not area_given and "area" in dialog.fields:
        select_data(dialog.fields["area"], area)


def remember(kind: str, values: dict) -> None:
    """Keep the period and area of what was just saved (``kind``: figure, target)."""
    s = settings()
    period_key, area_key = _keys(kind)
    if values.get("period") and is_period(str(values["period"])):
        s.setValue(period_key, str(values["period"]))
    if values.get("area"):
        s.setValue(area_key, str(values["area"]))
    s.sync()


def focus_first_empty(fields: dict[str, QWidget]) -> None:
    """Focus the first field still empty (a combo counts as filled); else the first field."""
    for widget in fields.values():
        if isinstance(widget, QComboBox) or not widget.isEnabled():
            continue
        try:
            value = text_of(widget)
        except TypeError:
            continue
        if value in (None, "") and widget.focusPolicy():
            widget.setFocus()
            return
    first = next(iter(fields.values()), None)
    if first is not None:
        first.setFocus()
