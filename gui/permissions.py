"""What this desk may not change, greyed out with the rule as the tooltip.

The rules are core's (:mod:`core.access`, the same the server enforces); this module only
maps buttons and menu actions to the kinds of change they make. A widget that makes several
kinds (Delete: figures or targets) stays enabled while one of them is allowed; core refuses
the other with the rule.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# The indicator view's buttons and the window's actions -> the changes they make.
BUTTONS = {"newFigureButton": ("figure",), "newTargetButton": ("target",),
           "editIndicatorButton": ("indicator",), "deleteButton": ("figure", "target")}
ACTIONS = {"NewFigure": ("figure",), "NewTarget": ("target",), "EditIndicator": ("indicator",),
           "Delete": ("figure", "target"), "NewIndicator": ("indicator",),
           "ImportExcel": ("figure",)}


def refusal(ctx, changes: tuple[str, ...]) -> str | None:
    """None when this desk may make one of ``changes``, else the rule refusing the first."""
    said = [ctx.refusal(c) for c in changes]
    return None if any(s is None for s in said) else said[0]


def tooltip(why: str) -> str:
    return QCoreApplication.translate("permissions", "You may not do this: %1").replace(
        "%1", why)


def apply(widget, ctx, changes: tuple[str, ...], enabled: bool, tip: str = "") -> None:
    """Enable ``widget`` when ``enabled`` and allowed; when not allowed, grey it out and say
    why in its tooltip (``tip`` is its tooltip otherwise)."""
    why = refusal(ctx, changes)
    widget.setEnabled(enabled and why is None)
    text = tooltip(why) if why else tip
    widget.setToolTip(text)
    if hasattr(widget, "setStatusTip"):
        widget.setStatusTip(text)


def grey_actions(actions: dict, ctx) -> None:
    """Grey out the window's actions (by name) this desk may not take, saying why."""
    for name, changes in ACTIONS.items():
        act = actions.get(name)
        if act is not None:
            apply(act, ctx, changes, act.isEnabled())
