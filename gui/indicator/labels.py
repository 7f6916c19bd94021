"""Words for the codes the core stores (status, kinds, directions ...), translated by Qt.

Qualifier and water-class names come from :mod:`core.values`, which already knows both
languages; everything else is a code that reads well only after translation.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.values import CLASS_NAMES, QUALIFIERS, class_name, qualifier_label


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def figure_status(code: str) -> str:
    return {"final": translate("Labels", "final"),
            "provisional": translate("Labels", "provisional")}.get(code, code or "")


def target_kind(code: str) -> str:
    return {"national_assessment": translate("Labels", "national assessment target"),
            "municipal_plan": translate("Labels", "municipal plan target"),
            "action_plan": translate("Labels", "action plan target"),
            "national_binding": translate("Labels", "national binding target"),
            "standard": translate("Labels", "standard"),
            "national_standard": translate("Labels", "national standard")}.get(code, code or "")


def measure(code: str) -> str:
    """What a figure is (core.validate.MEASURES)."""
    return {"flow": translate("Labels", "flow over the period (adds up)"),
            "stock": translate("Labels", "stock at the period's end"),
            "average": translate("Labels", "period average (does not add)"),
            "ratio": translate("Labels", "ratio (recomputed, never added)")}.get(code, code or "")


def value_kind(code: str) -> str:
    return {"number": translate("Labels", "number"),
            "percent": translate("Labels", "percentage"),
            "count": translate("Labels", "count"),
            "class": translate("Labels", "water quality class")}.get(code, code or "")


def direction(code: str) -> str:
    return {"higher": translate("Labels", "higher is better"),
            "lower": translate("Labels", "lower is better"),
            "band": translate("Labels", "within a band")}.get(code, code or "")


def period_type(code: str) -> str:
    return {"year": translate("Labels", "year"),
            "half": translate("Labels", "half-year"),
            "quarter": translate("Labels", "quarter"),
            "month": translate("Labels", "month")}.get(code, code or "")


def comparator(code: str) -> str:
    return {">=": translate("Labels", "at least (≥)"),
            "<=": translate("Labels", "at most (≤)"),
            "=": translate("Labels", "equal to (=)"),
            "between": translate("Labels", "between")}.get(code, code or "")


def action(code: str) -> str:
    return {"create": translate("Labels", "created"),
            "update": translate("Labels", "changed"),
            "delete": translate("Labels", "deleted")}.get(code, code or "")


def qualifier_choices(lang: str) -> list[tuple[str, str]]:
    """(label, code) pairs for a qualifier combo; the empty code reads "(none)"."""
    return [(qualifier_label(q, lang) or translate("Labels", "(none)"), q) for q in QUALIFIERS]


def class_choices(lang: str) -> list[tuple[str, int]]:
    """(name, rank) pairs of water-quality classes, best first."""
    return [(class_name(i, lang), i) for i in range(1, len(CLASS_NAMES) + 1)]
