"""Actions added to the window's menus for collecting and reviewing a half-year: Edit ›
Sources…, File › Save plot as PNG…, Help › Guide.

Kept apart from :mod:`gui.actions` so that the window's own list of actions stays as it is;
:class:`gui.main_window.MainWindow` makes one of these after its menus and calls
:meth:`MoreActions.retranslate` with its own texts.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from core.errors import EcoError


class MoreActions(QObject):
    def __init__(self, window: QMainWindow, menus: dict[str, QMenu]):
        super().__init__(window)
        self.window = window
        self.sources = self._action("actionSources")
        self.savePlot = self._action("actionSavePlot")
        self.guide = self._action("actionGuide", QKeySequence.StandardKey.HelpContents)
        self._dialogs: list = []
        file_menu, edit, help_ = menus["file"], menus["edit"], menus["help"]
        export = window.findChild(QAction, "actionExportExcel")
        quit_ = window.findChild(QAction, "actionQuit")
        file_menu.insertAction(quit_, self.savePlot)
        file_menu.insertSeparator(quit_)
        if export is None:  # pragma: no cover - the window always has it
            file_menu.addAction(self.savePlot)
        edit.addSeparator()
        edit.addAction(self.sources)
        about = window.findChild(QAction, "actionAbout")
        help_.insertAction(about, self.guide)
        self.sources.triggered.connect(self.open_sources)
        self.savePlot.triggered.connect(self.save_plot)
        self.guide.triggered.connect(self.open_guide)
        self.attach(None)

    def _action(self, name: str, key=None) -> QAction:
        a = QAction(self.window)
        a.setObjectName(name)
        if key is not None:
            a.setShortcut(QKeySequence(key))
        return a

    def attach(self, ctx) -> None:
        """Enable what needs the database once it is open."""
        self.ctx = ctx
        self.sources.setEnabled(ctx is not None)
        self.savePlot.setEnabled(ctx is not None)

    # a database open read-only ----------------------------------------------------------
    EDITING = ("NewIndicator", "NewFigure", "NewTarget", "EditIndicator", "Delete",
               "ImportExcel")

    def update_enabled(self) -> None:
        """On a database open read-only (a file without write permission, a read-only
        mount): every editing action off, the figure table not editable, and the status bar
        saying so and why. Called after the window has set what is enabled."""
        w, ctx = self.window, self.ctx
        why = getattr(getattr(ctx, "store", None), "read_only", None)
        if not why:
            return
        for name in self.EDITING:
            w.actions_.all[name].setEnabled(False)
        view = getattr(w, "_indicator_view", None)
        if view is not None:
            from PySide6.QtWidgets import QAbstractItemView

            view.figure_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for name, button in view.ui.buttons.items():
                button.setEnabled(name == "savePlotButton")
        note = self.tr("read-only: %1; nothing can be changed").replace("%1", str(why))
        if note not in w.db_label.text():
            w.db_label.setText(f"{w.db_label.text()} — {note}")
            w.db_label.setToolTip(note)

    def open_sources(self) -> None:
        from .sources.list_dialog import open_sources_dialog

        self._dialogs = [open_sources_dialog(self.ctx, self.window)]

    def save_plot(self) -> None:
        w = self.window
        try:
            w.tabs.setCurrentIndex(1)
            w.indicator_view.save_plot()
        except EcoError as exc:
            w.report_error(exc)

    def open_guide(self) -> None:
        from .guide import open_guide

        self._dialogs = [open_guide(self.ctx, self.window)]

    def retranslate(self) -> None:
        for action, text, tip in (
                (self.sources, self.tr("&Sources…"),
                 self.tr("List, add and edit the bulletins and reports figures come from")),
                (self.savePlot, self.tr("Save &plot as PNG…"),
                 self.tr("Save the selected indicator's trend as a picture for slides")),
                (self.guide, self.tr("&Guide"),
                 self.tr("The three jobs, how status and course are decided, the shortcuts"))):
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
