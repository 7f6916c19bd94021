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
from core.paste import split_qualifier
from core.vocabulary import BAD, WARN
from core.values import decimals_problem, more_decimals, optional_number, parse_value
from gui.indicator import labels


class ValueField(QLineEdit):
    """A figure's value typed as text and parsed by the core (numbers, percentages, counts).

    ``explain`` (the table's editor) shows what is wrong with the text as it is typed, in a
    tooltip beside the field; the dialog shows it under the field instead. ``hedged`` (the
    entry grid) takes a hedge with the number (``约35``, ``more than 3,800``: the grid makes
    it the qualifier); ``warn(value)`` says why a value that passes looks wrong, and is shown
    the same way as it is typed.
    """

    def __init__(self, ind: dict, parent=None, *, explain: bool = False, hedged: bool = False,
                 warn=None):
        super().__init__(parent)
        self.kind = ind["value_kind"]
        self.decimals = int(ind.get("decimals") or 0)
        self.vmin, self.vmax = optional_number(ind.get("vmin")), optional_number(ind.get("vmax"))
        self.hedged, self.warn = hedged, warn
        self.last_problem = self.last_warning = ""
        if explain:
            self.textEdited.connect(self._explain)

    def problem(self, text: str) -> str:
        """What is wrong with ``text`` as a value of this indicator, or ""."""
        t = text.strip()
        if self.hedged:
            t = split_qualifier(t)[1]
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
        self.last_warning = ""
        if not self.last_problem and self.warn is not None and text.strip():
            number = self.value()
            if isinstance(number, str):
                number = _hedged_number(number, self.kind)
            self.last_warning = self.warn(number) if number is not None else ""
        shown = self.last_problem or (f"⚠ {self.last_warning}" if self.last_warning else "")
        self.setProperty("mark", "refused" if self.last_problem else
                         "warned" if self.last_warning else "")
        self.setStyleSheet(_MARK_STYLE.get(self.property("mark"), ""))
        if shown:
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), shown, self)
        else:
            QToolTip.hideText()

    def value(self):
        """None when empty, the number when the core parses it, else the text as typed (the
        dialog's check says what is wrong with it; the grid reads a hedge off it)."""
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


_MARK_STYLE = {"refused": f"QLineEdit {{ background: {BAD.background}; }}",
               "warned": f"QLineEdit {{ background: {WARN.background}; }}"}


def _hedged_number(text: str, kind: str) -> float | None:
    """The number of a hedged text (``约35`` -> 35.0), or None."""
    try:
        return parse_value(split_qualifier(text)[1], kind)
    except ValueParseError:
        return None


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


