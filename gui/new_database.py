"""A ``--db`` path that does not exist: ask before a new database is made there.

The command line refuses such a path (``ecotracker status --db typo.sqlite``); the window,
which does create its own default database on first start, asks instead of silently making
an empty one at a mistyped path.
"""
from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from core.db import ENV_VAR

translate = QCoreApplication.translate


def missing_file(db: str | None) -> str | None:
    """The SQLite file ``db`` (or ``$ECOTRACKER_DB``) names when it does not exist yet; None
    for the embedded default, a server URL, or a file that exists."""
    db = db or os.environ.get(ENV_VAR) or None
    if not db:
        return None
    from sqlalchemy.engine import make_url

    from core.db import resolve_url, sqlite_access

    url = resolve_url(db)
    if make_url(url).get_backend_name() != "sqlite":
        return None
    try:
        path = sqlite_access(url).path
    except Exception:  # noqa: BLE001 - Store.open says what is wrong with it
        return None
    return None if path.exists() else str(path)


def ask(path: str) -> bool:
    """Ask the person whether to make a new database at ``path``."""
    box = QMessageBox(QMessageBox.Icon.Question, "EcoTracker", translate(
        "NewDatabase", "There is no database at %1.\n\nCreate a new one there, with the "
        "starter figures?").replace("%1", path))
    create = box.addButton(translate("NewDatabase", "Create"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setObjectName("newDatabaseQuestion")
    box.exec()
    return box.clickedButton() is create


def confirmed(db: str | None, asker: Callable[[str], bool] = ask) -> bool:
    """True unless ``db`` names a file that does not exist and the person says no."""
    path = missing_file(db)
    return path is None or asker(path)
