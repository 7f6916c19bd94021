"""The prompt for a reason: correcting a figure of a reported half-year, or reopening one.

The core refuses such a correction without a reason (:class:`core.period_lock.ReasonNeeded`);
the window then asks for one here and makes the same edit again with it, so the change log
keeps why. The dialog is window-modal and opened with ``open()``, not ``exec()``: it is asked
from a callback of :mod:`gui.ops`, whose queue must not run a nested event loop.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout,
                               QWidget)


class ReasonDialog(QDialog):
    """Asks why; OK only once something is typed."""

    def __init__(self, message: str, parent: QWidget | None = None, *, title: str = ""):
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title or self.tr("Why is this changed?"))
        self.label = QLabel(message, self)
        self.label.setObjectName("reasonMessage")
        self.label.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("reasonText")
        self.text.setAccessibleName(self.tr("Reason"))
        self.text.setPlaceholderText(self.tr("The reason is kept in the change history"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("reasonButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._enable)
        self._enable()
        self.resize(460, 220)

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.reason()))

    def reason(self) -> str:
        return self.text.toPlainText().strip()


def ask(parent: QWidget | None, message: str, proceed: Callable[[str], None],
        cancel: Callable[[], None], *, title: str = "") -> ReasonDialog:
    """Open the prompt; ``proceed(reason)`` after OK, ``cancel()`` otherwise."""
    box = ReasonDialog(message, parent, title=title)

    def done(result: int) -> None:
        box.deleteLater()
        if result == QDialog.DialogCode.Accepted and box.reason():
            proceed(box.reason())
        else:
            cancel()

    box.finished.connect(done)
    box.open()
    return box


def asker(parent: QWidget) -> Callable:
    """What :class:`gui.context.AppContext` calls when the core asks for a reason."""

    def ask_for(exc: BaseException, proceed, cancel) -> None:
        ask(parent, QCoreApplication.translate("ReasonDialog", "%1\n\nWhy is it corrected?")
            .replace("%1", str(exc)), proceed, cancel)

    return ask_for
