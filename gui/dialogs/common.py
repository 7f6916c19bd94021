"""What the editing dialogs share: a form whose fields show their own problems.

A dialog lists its fields; on every change it asks :meth:`FormDialog.check` for problems
(a dict of field name -> message, made with the core's parsers and validators) and shows each
message under its field; OK stays disabled while there is any. On OK the dialog builds its
:mod:`core.edits` edit and applies it through :meth:`AppContext.edit`; should the core still
refuse it (a duplicate, a stale version), the message goes under the field it concerns and the
dialog stays open.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from core.errors import EcoError, StaleEditError

translate = QCoreApplication.translate
ERROR_STYLE = "color: #B8420F;"  # Okabe-Ito vermilion, darkened for text

# Words in a core message -> the field it is about (checked in order; first hit wins).
MESSAGE_FIELDS = (
    ("already exists", "period"), ("indicator code", "code"), ("category", "category"),
    ("name", "name_en"), ("band", "band_low"), ("natural minimum", "vmin"),
    ("natural maximum", "vmax"), ("decimals", "decimals"), ("tolerance", "tolerance"),
    ("baseline", "baseline_value"), ("upper value", "value_high"), ("comparator", "comparator"),
    ("period", "period"), ("area", "area"), ("source", "source"), ("qualifier", "qualifier"),
    ("status", "status"),
)


def field_for(message: str, fields) -> str:
    low = message.lower()
    for words, name in MESSAGE_FIELDS:
        if words in low and name in fields:
            return name
    return "value" if "value" in fields else ""


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
                getattr(widget, signal).connect(self.revalidate)
                break
        return widget

    def values(self) -> dict:
        return {k: text_of(w) for k, w in self.fields.items()}

    # to override -----------------------------------------------------------------------
    def check(self, values: dict) -> dict[str, str]:  # pragma: no cover - overridden
        return {}

    def core_problems(self, problems: dict[str, str], validator, values: dict) -> dict[str, str]:
        """Field checks first; when those pass, the core's own validator (``core.validate``),
        its message shown by the field it names."""
        if problems:
            return problems
        try:
            with self.ctx.store.read() as conn:
                validator(conn, values)
        except EcoError as exc:
            problems[field_for(exc.english, self.fields)] = str(exc)
        return problems

    def commit(self, values: dict):  # pragma: no cover - overridden
        raise NotImplementedError

    # behaviour -------------------------------------------------------------------------
    def show_problems(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            msg = problems.get(name, "")
            label.setText(msg)
            label.setVisible(bool(msg))
        self.general.setText(problems.get("", ""))

    def ready(self) -> None:
        """Call at the end of a subclass's ``__init__``: checks start from here."""
        self._ready = True
        self.revalidate()

    def revalidate(self, *_args) -> bool:
        if not self._ready:
            return False
        problems = self.check(self.values())
        self.show_problems(problems)
        self.ok_button.setEnabled(not problems)
        return not problems

    def problem(self, name: str) -> str:
        return self.errors[name].text() if name in self.errors else self.general.text()

    def accept(self) -> None:
        if not self.revalidate():
            return
        try:
            self.outcome = self.commit(self.values())
        except StaleEditError as exc:
            self.show_problems({"": translate("FormDialog", "Someone else changed this row "
                                              "since you opened it: %1").replace("%1", str(exc))})
            return
        except EcoError as exc:
            self.show_problems({field_for(exc.english, self.fields): str(exc)})
            self.ok_button.setEnabled(False)
            return
        super().accept()
