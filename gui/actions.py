"""The window's actions and menus, with stable object names and shortcuts.

Texts are set in :meth:`WindowActions.retranslate`, called again on every language change.
Undo and redo come from the undo stack (enabled state and triggering stay Qt's); their texts
are re-set by a slot connected after Qt's own, so they follow a language switched at runtime
(Qt's own slot keeps the prefix of the language the action was created in).
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from .i18n import LANGUAGE_NAMES, LANGUAGES

_NAMES = ("NewIndicator", "NewFigure", "NewTarget", "EnterFigures", "EditIndicator", "Delete",
          "ExportExcel", "ImportExcel", "EntryTemplate", "Briefing", "ShowMap", "Refresh", "Quit",
          "FindIndicator", "ShowScorecard", "ShowIndicator", "Periods", "About")
_KEYS = {
    "NewIndicator": "Ctrl+Alt+N", "NewFigure": QKeySequence.StandardKey.New,
    "NewTarget": "Ctrl+Shift+N", "EnterFigures": "Ctrl+Shift+G", "EditIndicator": "Ctrl+Shift+E",
    "Delete": QKeySequence.StandardKey.Delete, "ExportExcel": "Ctrl+E",
    "ImportExcel": "Ctrl+I", "Refresh": QKeySequence.StandardKey.Refresh,
    "Quit": QKeySequence.StandardKey.Quit, "FindIndicator": QKeySequence.StandardKey.Find,
    "ShowScorecard": "Ctrl+1", "ShowIndicator": "Ctrl+2", "ShowMap": "Ctrl+3",
    "Periods": "Ctrl+4",
}


class WindowActions(QObject):
    """Creates every action of ``window`` (``self.<name>``, objectName ``action<Name>``)."""

    def __init__(self, window: QMainWindow, undo_stack=None):
        super().__init__(window)
        self.window = window
        self.stack = self.undo = self.redo = None
        self._edit_menu: QMenu | None = None
        self.all: dict[str, QAction] = {}
        for name in _NAMES:
            action = QAction(window)
            action.setObjectName(f"action{name}")
            key = _KEYS.get(name)
            if key is not None:
                action.setShortcut(QKeySequence(key))
            setattr(self, name[0].lower() + name[1:], action)
            self.all[name] = action
        self.refresh.setShortcut(QKeySequence("F5"))
        self.languages = QActionGroup(window)
        self.languages.setExclusive(True)
        self.language: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[lang], window)
            action.setObjectName(f"actionLanguage_{lang}")
            action.setCheckable(True)
            action.setData(lang)
            self.languages.addAction(action)
            self.language[lang] = action
        if undo_stack is not None:
            self.attach_undo(undo_stack)

    def attach_undo(self, undo_stack, ctx=None) -> None:
        """Undo and redo of ``undo_stack`` (the window gets its stack once data is open).

        With ``ctx`` (the :class:`gui.context.AppContext` owning the stack) they call
        ``ctx.undo`` / ``ctx.redo``, which wait for the writes still on their way, and Undo
        is enabled while one is (Ctrl+Z right after the first edit undoes that edit)."""
        self.stack = undo_stack
        if ctx is None:
            self.undo = undo_stack.createUndoAction(self.window)
            self.redo = undo_stack.createRedoAction(self.window)
        else:
            self.undo, self.redo = QAction(self.window), QAction(self.window)
            self.undo.triggered.connect(lambda _checked=False: ctx.undo())
            self.redo.triggered.connect(lambda _checked=False: ctx.redo())

            def enable(*_args) -> None:
                if not (shiboken6.isValid(undo_stack) and shiboken6.isValid(self.undo)):
                    return  # the window is being taken down
                self.undo.setEnabled(undo_stack.canUndo() or ctx.ops.busy)
                self.redo.setEnabled(undo_stack.canRedo())

            for signal in (undo_stack.canUndoChanged, undo_stack.canRedoChanged,
                           ctx.ops.busy_changed):
                signal.connect(enable)
            enable()
        self.undo.setObjectName("actionUndo")
        self.redo.setObjectName("actionRedo")
        self.undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        undo_stack.undoTextChanged.connect(self._undo_text)
        undo_stack.redoTextChanged.connect(self._redo_text)
        if self._edit_menu is not None:
            first = self._edit_menu.actions()[0] if self._edit_menu.actions() else None
            self._edit_menu.insertActions(first, [self.undo, self.redo])
        self._undo_text(undo_stack.undoText())
        self._redo_text(undo_stack.redoText())

    def build_menus(self) -> dict[str, QMenu]:
        bar = self.window.menuBar()
        menus = {key: QMenu(bar) for key in ("file", "edit", "view", "language", "help")}
        for key, menu in menus.items():
            menu.setObjectName(f"menu{key.title()}")
        f, e, v, lang, h = (menus[k] for k in ("file", "edit", "view", "language", "help"))
        f.addActions([self.newIndicator, self.newFigure, self.newTarget, self.enterFigures])
        f.addSeparator()
        f.addActions([self.importExcel, self.exportExcel, self.entryTemplate, self.briefing])
        f.addSeparator()
        f.addAction(self.quit)
        if self.undo is not None:
            e.addActions([self.undo, self.redo])
        e.addSeparator()
        self._edit_menu = e
        e.addActions([self.editIndicator, self.delete])
        e.addSeparator()
        e.addAction(self.findIndicator)
        v.addActions([self.showScorecard, self.showIndicator, self.showMap, self.periods])
        v.addSeparator()
        v.addAction(self.refresh)
        v.addSeparator()
        lang.addActions(list(self.language.values()))
        v.addMenu(lang)
        h.addAction(self.about)
        for key in ("file", "edit", "view", "help"):
            bar.addMenu(menus[key])
        return menus

    def _undo_text(self, text: str) -> None:
        self.undo.setText(self.tr("&Undo %1").replace("%1", text) if text else self.tr("&Undo"))

    def _redo_text(self, text: str) -> None:
        self.redo.setText(self.tr("&Redo %1").replace("%1", text) if text else self.tr("&Redo"))

    def retranslate(self, menus: dict[str, QMenu]) -> None:

        texts = {
            "NewIndicator": (self.tr("New &indicator…"),
                             self.tr("Add an indicator with its names, unit and direction")),
            "NewFigure": (self.tr("New &figure…"),
                          self.tr("Enter a figure for the selected indicator")),
            "NewTarget": (self.tr("New &target…"),
                          self.tr("Set a target for the selected indicator")),
            "EnterFigures": (self.tr("Enter fi&gures…"),
                             self.tr("A period's figures for many indicators and areas in one "
                                     "grid: type, paste from a spreadsheet, fill down")),
            "EditIndicator": (self.tr("&Edit indicator…"),
                              self.tr("Edit the selected indicator")),
            "Delete": (self.tr("&Delete"), self.tr("Delete the selected figure or target")),
            "ExportExcel": (self.tr("&Export to Excel…"),
                            self.tr("Save a workbook for a meeting")),
            "ImportExcel": (self.tr("&Import from Excel…"),
                            self.tr("Import a filled-in entry workbook, or read the figures "
                                    "of a report, with a preview first")),
            "EntryTemplate": (self.tr("&Make entry workbook…"),
                              self.tr("Write a workbook for one period that districts fill "
                                      "in and send back")),
            "Briefing": (self.tr("&Briefing…"),
                         self.tr("Write the half-year briefing (Word or PDF) from the figures")),
            "ShowMap": (self.tr("&Map"), self.tr("The selected indicator on the districts")),
            "Refresh": (self.tr("&Refresh"),
                        self.tr("Re-read the database (picks up other desks' changes)")),
            "Quit": (self.tr("&Quit"), self.tr("Close EcoTracker; every edit is already saved")),
            "FindIndicator": (self.tr("&Find indicator"),
                              self.tr("Type in the indicator filter")),
            "ShowScorecard": (self.tr("&Scorecard"),
                              self.tr("Target against actual for every indicator")),
            "ShowIndicator": (self.tr("&Indicator"),
                              self.tr("Figures, targets and trend of the selected indicator")),
            "Periods": (self.tr("&Periods…"),
                        self.tr("A period's state per area: submit, approve, reopen")),
            "About": (self.tr("&About EcoTracker"), ""),
        }
        for name, (text, tip) in texts.items():
            action = self.all[name]
            action.setText(text)
            action.setToolTip(tip or text.replace("&", "").rstrip("…"))
            action.setStatusTip(tip)
        if self.stack is not None:
            self._undo_text(self.stack.undoText())
            self._redo_text(self.stack.redoText())
        menus["file"].setTitle(self.tr("&File"))
        menus["edit"].setTitle(self.tr("&Edit"))
        menus["view"].setTitle(self.tr("&View"))
        menus["language"].setTitle(self.tr("&Language"))
        menus["help"].setTitle(self.tr("&Help"))
