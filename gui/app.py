"""Start the window: ``create_window`` for tests and automation, ``main`` for people.

``ecotracker`` with no subcommand calls :func:`main`.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from .i18n import APP, ORG, preferred_language, style_sheet, translators


def create_window(db: str | None = None, *, lang: str | None = None) -> QMainWindow:
    """Build the main window on database ``db`` without entering the event loop.

    A QApplication must exist. The database is opened (created and seeded on first start)
    with :meth:`core.store.Store.open`; the scorecard is computed in a worker once the event
    loop runs. ``lang`` defaults to the remembered choice, else the system language.
    """
    from core.store import Store

    from .context import AppContext
    from .main_window import MainWindow

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create a QApplication before create_window()")
    lang = lang or preferred_language()
    translators().apply(lang)
    store = Store.open(db)
    ctx = AppContext(store, lang=lang)
    window = MainWindow(ctx)
    ctx.setParent(window)
    window.restore_state()
    window.start()
    return window


def main(db: str | None = None) -> int:
    """Create the application, show the window and run until it closes."""
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName("EcoTracker")
    sheet = style_sheet()
    if sheet:
        app.setStyleSheet(sheet)
    from core.errors import EcoError

    try:
        window = create_window(db)
    except EcoError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "EcoTracker", str(exc))
        return 2
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
