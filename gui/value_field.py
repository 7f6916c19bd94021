"""The one editor of a figure's value, in the figure table and in the figure dialog alike.

A value is typed as text and read by the core's value rule (:func:`core.rules.value_of`), so
a desk may type what it would write (``２９．４``, ``1,200``, ``98.6%``) and is told at once,
in the core's words, what is wrong with it. Not a spin box: a spin box always holds a number
(a forgotten value was saved as 0), refuses full-width digits, and silently drops or rounds
digits past the indicator's decimals (38.25 became 38.2). Water-quality classes are picked
from a list.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QComboBox, QLineEdit, QToolTip

from core.errors import ValueParseError
from core.values import decimals_problem, more_decimals, optional_number, parse_value
from gui.indicator import labels


class ValueField(QLineEdit):
    """A figure's value typed as text and parsed by the core (numbers, percentages, counts).

    ``explain`` (the table's editor) shows what is wrong with the text as it is typed, in a
    tooltip beside the field; the dialog shows it under the field instead.
    """

    def __init__(self, ind: dict, parent=None, *, explain: bool = False):
        super().__init__(parent)
        self.kind = ind["value_kind"]
        self.decimals = int(ind.get("decimals") or 0)
        self.vmin, self.vmax = optional_number(ind.get("vmin")), optional_number(ind.get("vmax"))
        self.last_problem = ""
        if explain:
            self.textEdited.connect(self._explain)

    def problem(self, text: str) -> str:
        """What is wrong with ``text`` as a value of this indicator, or ""."""
        t = text.strip()
        if not t:
            return ""
        try:
            v = parse_value(t, self.kind, vmin=self.vmin, vmax=self.vmax)
        except ValueParseError as exc:
            return str(exc)
        if more_decimals(v, self.decimals):
            return decimals_problem(t, self.decimals)
        return ""

    def _explain(self, text: str) -> None:
        self.last_problem = self.problem(text)
        if self.last_problem:
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.last_problem,
                              self)
        else:
            QToolTip.hideText()

    def value(self):
        """None when empty, the number when the core parses it, else the text as typed (the
        dialog's check says what is wrong with it)."""
        text = self.text().strip()
        if not text:
            return None
        try:
            return parse_value(text, self.kind)
        except ValueParseError:
            return text

    def setValue(self, value) -> None:  # noqa: N802 - as a spin box's
        v = optional_number(value)
        if v is None:
            self.setText("")
        elif not more_decimals(v, self.decimals):
            self.setText(f"{v:.{self.decimals}f}")
        else:  # stored with more decimals than the indicator keeps: shown whole, not rounded
            self.setText(repr(v))


class ClassField(QComboBox):
    """A water-quality class to pick; none is chosen until the person picks one."""

    def __init__(self, lang: str, none_label: str, parent=None):
        super().__init__(parent)
        self.addItem(none_label, None)
        for name, rank in labels.class_choices(lang):
            self.addItem(name, rank)

    def value(self):
        return self.currentData()

    def setValue(self, value) -> None:  # noqa: N802 - as ValueField's
        v = optional_number(value)
        self.setCurrentIndex(max(self.findData(int(round(v))), 0) if v is not None else 0)


