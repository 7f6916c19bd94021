"""Editors that fit the value kind of the indicator being edited.

Numbers and percentages get a spin box with the indicator's decimals and natural range, counts
an integer spin box, water classes a list of classes, qualifier and status a list each. A spin
box refuses keys that would leave its range; ours also says why, in a tooltip beside it, with
the core's own words (:func:`core.values.parse_value`).
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QSpinBox, QStyledItemDelegate,
                               QToolTip, QWidget)

from core.errors import ValueParseError
from core.validate import FIGURE_STATUSES
from core.values import decimals_problem, more_decimals, parse_value

from . import labels
from .figure_model import COLUMNS, _opt

BIG = 1e12
INT_MAX = 2_000_000_000


class _Explains:
    """Mixin of a spin box that explains a refused key press."""

    kind = "number"
    vmin: float | None = None
    vmax: float | None = None

    def _explain(self, text: str) -> None:
        t = text.strip()
        if not t or t in ("-", "+", "."):
            return
        try:
            value = parse_value(t, self.kind, vmin=self.vmin, vmax=self.vmax)
        except ValueParseError as exc:
            self._say(str(exc))
            return
        # the spin box refuses a digit past the indicator's decimals: say so, rather than
        # let 38.25 become 38.2 without a word
        decimals = self.decimals() if isinstance(self, QDoubleSpinBox) else 0
        if isinstance(value, float) and more_decimals(value, decimals):
            self._say(decimals_problem(t, decimals))

    def _say(self, problem: str) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        QToolTip.showText(widget.mapToGlobal(QPoint(0, widget.height())), problem, widget)
        self.last_problem = problem

    def validate(self, text, pos):  # noqa: D102 - Qt override
        result = super().validate(text, pos)  # type: ignore[misc]
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Invalid:
            self._explain(text)
        return result


class NumberSpin(_Explains, QDoubleSpinBox):
    pass


class CountSpin(_Explains, QSpinBox):
    kind = "count"


def value_editor(parent: QWidget, ind: dict, lang: str) -> QWidget:
    """An editor for one value of indicator ``ind`` (also used by the figure dialog)."""
    kind = ind.get("value_kind", "number")
    lo, hi = _opt(ind, "vmin"), _opt(ind, "vmax")
    if kind == "class":
        combo = QComboBox(parent)
        for name, rank in labels.class_choices(lang):
            combo.addItem(name, rank)
        return combo
    spin: NumberSpin | CountSpin
    if kind == "count":
        spin = CountSpin(parent)
        spin.setRange(int(lo) if lo is not None else -INT_MAX,
                      int(hi) if hi is not None else INT_MAX)
        spin.setGroupSeparatorShown(True)
    else:
        spin = NumberSpin(parent)
        spin.setDecimals(int(ind.get("decimals") or 0))
        spin.setRange(lo if lo is not None else -BIG, hi if hi is not None else BIG)
        if kind == "percent":
            spin.setSuffix("%")
    spin.kind, spin.vmin, spin.vmax = kind, lo, hi
    spin.last_problem = ""
    spin.setAccelerated(True)
    return spin


def set_editor_value(editor: QWidget, value) -> None:
    if isinstance(editor, QComboBox):
        i = editor.findData(int(round(float(value)))) if value is not None else -1
        editor.setCurrentIndex(max(i, 0))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(round(float(value or 0))))
    elif isinstance(editor, QDoubleSpinBox):
        # shown at the indicator's decimals; confirmed unchanged, a value stored with more
        # (an import's 38.25) is not rewritten (FigureModel._unchanged_at_display_precision)
        editor.setValue(float(value or 0))


def editor_value(editor: QWidget):
    if isinstance(editor, QComboBox):
        return editor.currentData()
    return editor.value()


class FigureDelegate(QStyledItemDelegate):
    """Picks the editor by column and by the indicator's value kind."""

    def __init__(self, ctx, model, parent=None):
        super().__init__(parent)
        self._ctx, self._model = ctx, model

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        col = COLUMNS[index.column()]
        if col == "value":
            editor = value_editor(parent, self._model._ind, self._ctx.lang)
        elif col == "qualifier":
            editor = QComboBox(parent)
            for label, code in labels.qualifier_choices(self._ctx.lang):
                editor.addItem(label, code)
        elif col == "status":
            editor = QComboBox(parent)
            for code in FIGURE_STATUSES:
                editor.addItem(labels.figure_status(code), code)
        else:
            return super().createEditor(parent, option, index)
        editor.setObjectName(f"{col}Editor")
        editor.setAccessibleName(editor.objectName())
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        col = COLUMNS[index.column()]
        value = index.data(Qt.ItemDataRole.EditRole)
        if col == "value":
            set_editor_value(editor, value)
        elif col in ("qualifier", "status"):
            i = editor.findData(value or "")
            editor.setCurrentIndex(max(i, 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        col = COLUMNS[index.column()]
        if col in ("value", "qualifier", "status"):
            model.setData(index, editor_value(editor), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
