"""Opening the database from the window: the connection is made in a worker, and when the
server asks for a password, a dialog asks the person and the worker tries again.

The password is kept in memory by the open store's engine (to connect again after a server
restart), never written anywhere, never shown. ``~/.pgpass``, ``PGPASSWORD`` and a service
file (``postgresql:///?service=NAME``) work as libpq makes them work; the dialog is asked only
when none of them gave a password.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from core.errors import PasswordNeeded

from . import workers

TRIES = 3


class PasswordDialog(QDialog):
    """Asks for the password of the database the server named."""

    def __init__(self, reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Password"))
        layout = QVBoxLayout(self)
        label = QLabel(reason + "\n" + self.tr("Your password for the database server:"), self)
        label.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("passwordField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for w in (label, self.field, buttons):
            layout.addWidget(w)


def ask_password(parent: QWidget | None, reason: str) -> str | None:
    dlg = PasswordDialog(reason, parent)
    try:
        return dlg.field.text() if dlg.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dlg.field.clear()
        dlg.deleteLater()


def _in_worker(fn: Callable, parent: QWidget | None):
    """``fn()`` run in the thread pool while the window goes on painting; its result, or the
    exception it raised."""
    loop = QEventLoop()
    out: list = []
    workers.start(lambda progress=None, cancelled=None: fn(),
                  on_done=lambda r: (out.append(r), loop.quit()),
                  on_failed=lambda e: (out.append(e), loop.quit()), parent=parent)
    if not out:
        loop.exec()
    return out[0]


def open_store(db: str | None, parent: QWidget | None = None,
               ask: Callable[[QWidget | None, str], str | None] = ask_password):
    """Open ``db`` off the GUI thread, asking for a password when the server wants one.

    Raises whatever :meth:`core.store.Store.open` raises; :class:`PasswordNeeded` when the
    person cancels the dialog or the password is wrong :data:`TRIES` times.
    """
    from core.store import Store

    password = None
    for attempt in range(TRIES + 1):
        got = _in_worker(lambda: Store.open(db, password=password), parent)
        if isinstance(got, PasswordNeeded) and attempt < TRIES:
            password = ask(parent, str(got))
            if password is None:
                raise got
            continue
        if isinstance(got, BaseException):
            raise got
        return got
    raise AssertionError("unreachable")  # pragma: no cover
