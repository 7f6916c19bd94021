"""What the editing dialogs share: a form whose fields show their own problems.

A dialog lists its fields; on every change it asks :meth:`FormDialog.required` which required
fields are still empty and :meth:`FormDialog.check` what is wrong with the others (each a dict
of field name -> message, the problems made with the core's parsers and validators), and shows
each message under its field. An empty required field is not an error: its message is a neutral
hint until the person has typed in that field or pressed OK, and only then shown as an error;
OK stays enabled for it but saves nothing while any is empty. OK is disabled while a field
holds something wrong. On OK the dialog builds its :mod:`core.edits` edit and applies it
through :meth:`AppContext.edit`; should the core still refuse it (a duplicate, a stale
version), the message goes under the field it concerns and the dialog stays open.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from core.errors import EcoError, StaleEditError

translate = QCoreApplication.translate
ERROR_STYLE = "color: #B8420F;"  # Okabe-Ito vermilion, darkened for text
HINT_STYLE = "color: #505050;"
WARNING_STYLE = "color: #8A5A00;"  # Okabe-Ito orange, darkened for text: look again, not wrong  # neutral, as the scorecard's "no status" text

def field_for(exc: EcoError, fields) -> str:
    """The form field a core error is about: the field it names (``exc.field``), when the
    form has it; else the dialog as a whole."""
    name = exc.field
    if name in fields:
        return name
    return ""


def text_of(widget: QWidget):
    """The current value of a field widget (combos give their item data)."""
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if hasattr(widget, "value"):
        return widget.value()
    raise TypeError(type(widget))


def combo(items, parent=None) -> QComboBox:
    """A combo of (label, data) pairs."""
    c = QComboBox(parent)
    for label, data in items:
        c.addItem(label, data)
    return c


def select_data(combo_: QComboBox, data) -> None:
    i = combo_.findData(data)
    if i >= 0:
        combo_.setCurrentIndex(i)


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and v == "")


def same_value(a, b) -> bool:
    """Equal, a missing value (None, NaN or an empty text) being equal to another missing
    one."""
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    return a == b


class FormDialog(QDialog):
    def __init__(self, ctx, parent=None, *, name: str):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setModal(True)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.general = QLabel()
        self.general.setObjectName("generalError")
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.outcome = None
        self._ready = False  # no checks while the fields are still being built
        self.touched: set[str] = set()  # fields the person has changed since the dialog opened
        self.tried = False  # OK pressed at least once
        self.missing: dict[str, str] = {}  # required fields left empty -> what to fill in
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.general)
        lay.addWidget(self.buttons)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(f"{name}Field")
        widget.setAccessibleName(label.rstrip(":"))
        err = QLabel()
        err.setObjectName(f"{name}Error")
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        err.hide()
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        v.addWidget(err)
        self.form.addRow(label, box)
        self.fields[name], self.errors[name] = widget, err
        for signal in ("textChanged", "currentIndexChanged", "toggled", "valueChanged"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(lambda *_a, n=name: self._touch(n))
                getattr(widget, signal).connect(self.revalidate)
                break
        return widget

    def _touch(self, name: str) -> None:
        if self._ready:  # not the values a dialog loads while it is built
            self.touched.add(name)

    def values(self) -> dict:
        return {k: text_of(w) for k, w in self.fields.items()}

    # to override -----------------------------------------------------------------------
    def required(self, values: dict) -> dict[str, str]:
        """Required fields left empty -> a neutral hint saying what to fill in."""
        return {}

    def check(self, values: dict) -> dict[str, str]:  # pragma: no cover - overridden
        """What is wrong with the fields filled in (empty required ones are not checked)."""
        return {}

    def core_problems(self, problems: dict[str, str], validator, values: dict) -> dict[str, str]:
        """Field checks first; when those pass and no required field is empty, the core's own
        validator (``core.validate``), its message shown by the field it names."""
        if problems or self.missing:
            return problems
        try:
            with self.ctx.store.read() as conn:
                validator(conn, values)
        except EcoError as exc:
            problems[field_for(exc, self.fields)] = str(exc)
        return problems

    def commit(self, values: dict):  # pragma: no cover - overridden
        raise NotImplementedError

    # behaviour -------------------------------------------------------------------------
    def show_problems(self, problems: dict[str, str], missing: dict[str, str] | None = None
                      ) -> None:
        """Each field's problem as an error; else what it still needs, as a neutral hint until
        the person has typed in it or pressed OK, then as an error."""
        missing = missing or {}
        for name, label in self.errors.items():
            msg = problems.get(name) or missing.get(name, "")
            hint = name not in problems and not (self.tried or name in self.touched)
            label.setText(msg)
            label.setStyleSheet(HINT_STYLE if hint else ERROR_STYLE)
            label.setProperty("hint", bool(msg) and hint)
            label.setVisible(bool(msg))
        self.general.setText(problems.get("", ""))

    def ready(self) -> None:
        """Call at the end of a subclass's ``__init__``: checks start from here."""
        self._ready = True
        self.revalidate()

    def revalidate(self, *_args) -> bool:
        """True when the form can be saved: nothing wrong and no required field empty."""
        if not self._ready:
            return False
        values = self.values()
        self.missing = self.required(values)
        problems = {k: v for k, v in self.check(values).items() if k not in self.missing}
        self.show_problems(problems, self.missing)
        self.ok_button.setEnabled(not problems)
        return not problems and not self.missing

    def problem(self, name: str) -> str:
        """The error shown for field ``name`` ("" for the dialog as a whole); "" if none or
        only a hint."""
        if name not in self.errors:
            return self.general.text()
        label = self.errors[name]
        return "" if label.property("hint") else label.text()

    def hint(self, name: str) -> str:
        """The neutral hint shown under field ``name``, "" if none (or shown as an error)."""
        label = self.errors[name]
        return label.text() if label.property("hint") else ""

    def accept(self) -> None:
        self.tried = True
        if not self.revalidate():
            self._focus_first_problem()
            return
        try:
            self.outcome = self.commit(self.values())
        except StaleEditError as exc:
            self.show_problems({"": translate("FormDialog", "Someone else changed this row "
                                              "since you opened it: %1").replace("%1", str(exc))})
            return
        except EcoError as exc:
            self.show_problems({field_for(exc, self.fields): str(exc)})
            self.ok_button.setEnabled(False)
            return
        super().accept()

    def _focus_first_problem(self) -> None:
        for name, label in self.errors.items():
            if label.text() and self.fields[name].isEnabled():
                self.fields[name].setFocus()
                return
