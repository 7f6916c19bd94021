"""Start the window: ``create_window`` for tests and automation, ``main`` for people.

``ecotracker`` with no subcommand calls :func:`main`.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from . import plain_import
from .i18n import APP, ORG, preferred_language, style_sheet, translators

plain_import()  # Qt is loaded now: what is imported from here on skips Shiboken's hook


def open_window(db: str | None = None, *, lang: str | None = None,
                show: bool = False) -> QMainWindow:
    """Build the window on database ``db``; with ``show``, paint it before opening the data.

    The shell (menus, status bar, "opening the database ...") needs only Qt; pandas,
    SQLAlchemy and the database come after it has painted, so a person sees the window as
    soon as Qt itself is up. The scorecard is computed in a worker once the loop runs.
    """
    from .main_window import MainWindow

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create a QApplication before create_window()")
    lang = lang or preferred_language()
    translators().apply(lang)
    window = MainWindow()
    window.restore_geometry()
    if show:
        window.show()
        app.processEvents()  # the first paint, before the data stack is imported
        window.repaint()
    from .connect import open_store
    from .context import AppContext

    try:
        store = open_store(db, window)  # in a worker; asks for a password if need be
    except Exception:
        window.close()
        window.deleteLater()
        raise
    ctx = AppContext(store, lang=lang)
    window.attach(ctx)
    ctx.setParent(window)
    window.restore_state()
    window.start()
    return window


def create_window(db: str | None = None, *, lang: str | None = None) -> QMainWindow:
    """Build the main window on database ``db`` without entering the event loop.

    A QApplication must exist. The database is opened (created and seeded on first start)
    with :meth:`core.store.Store.open`; the scorecard is computed in a worker once the event
    loop runs. ``lang`` defaults to the remembered choice, else the system language.
    Every screen is built before it returns (a started window builds the Indicator tab's
    view once it idles), so tests and automation find every named widget at once.
    """
    window = open_window(db, lang=lang)
    window.indicator_view  # noqa: B018
    return window


def main(db: str | None = None, *, lang: str | None = None) -> int:
    """Create the application, show the window (in ``lang``, ``ecotracker --lang zh_CN``;
    else the remembered or the system language) and run until it closes."""
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName("EcoTracker")
    from PySide6.QtGui import QIcon

    from .i18n import REPO

    app.setWindowIcon(QIcon(str(REPO / "resources" / "ecotracker.svg")))
    sheet = style_sheet()
    if sheet:
        app.setStyleSheet(sheet)
    from .fonts import ensure_cjk

    ensure_cjk()
    from core.errors import EcoError

    from .new_database import confirmed

    if not confirmed(db):  # a --db file that does not exist: made only when the person says so
        return 1
    try:
        window = open_window(db, lang=lang, show=True)
    except EcoError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "EcoTracker", str(exc))
        return 2
    from .ready_probe import attach

    attach(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
