"""The entry grid's table and editors: type straight down, Tab across, paste and fill down.

Enter commits the cell and moves to the next row (a spreadsheet's habit, not Qt's, which
stays put); Tab moves to the next column; typing over a cell replaces what it holds. The
value editor is the one of :mod:`gui.value_field`, taking a hedge with the number and
saying, as it is typed, why a value is refused or looks wrong.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QComboBox,
                               QHeaderView, QStyledItemDelegate, QTableView, QWidget)

from core.rules import FIGURE_STATUSES

from ..indicator import labels
from ..value_field import ClassField, ValueField
from .model import COLUMNS

translate = QCoreApplication.translate
WIDTHS = {"indicator": 230, "area": 110, "last_value": 90, "last_period": 100, "value": 110,
          "unit": 90, "qualifier": 80, "status": 80, "source": 200, "note": 220}


class EntryDelegate(QStyledItemDelegate):
    """Picks the editor by column and by the row's indicator."""

    def __init__(self, ctx, model, parent=None):
        super().__init__(parent)
        self._ctx, self._model = ctx, model

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        col, r = COLUMNS[index.column()], index.row()
        if col == "value":
            ind = self._model.indicator_of(r)
            if ind.get("value_kind") == "class":
                editor = ClassField(self._ctx.lang,
                                    translate("EntryGrid", "(choose a class)"), parent)
            else:
                editor = ValueField(ind, parent, explain=True, hedged=True,
                                    warn=lambda v, row=r: self._model.warning_for(row, v))
        elif col == "qualifier":
            editor = QComboBox(parent)
            for label, code in labels.qualifier_choices(self._ctx.lang):
                editor.addItem(label, code)
        elif col == "status":
            editor = QComboBox(parent)
            for code in FIGURE_STATUSES:
                editor.addItem(labels.figure_status(code), code)
        elif col == "source":
            editor = QComboBox(parent)
            editor.addItem(translate("EntryGrid", "(no source)"), None)
            src = self._ctx.sources
            for sid, title in zip(src["id"], src["title"]) if len(src) else ():
                editor.addItem(f"{title or sid}", sid)
        else:
            return super().createEditor(parent, option, index)
        editor.setObjectName(f"entry_{col}Editor")
        editor.setAccessibleName(editor.objectName())
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        col = COLUMNS[index.column()]
        value = index.data(Qt.ItemDataRole.EditRole)
        if col == "value":
            editor.setValue(value)
        elif col in ("qualifier", "status", "source"):
            i = editor.findData(value if col == "source" else value or "")
            editor.setCurrentIndex(max(i, 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        col = COLUMNS[index.column()]
        if col == "value":
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif col in ("qualifier", "status", "source"):
            data = editor.currentData()
            if data != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, data if data is not None else "", Qt.ItemDataRole.EditRole)
        else:
            text = editor.text()
            if text != (index.data(Qt.ItemDataRole.EditRole) or ""):
                model.setData(index, text, Qt.ItemDataRole.EditRole)


class EntryTable(QTableView):
    """The grid (``entryGrid``): Enter moves down, Tab across, typing replaces."""

    def __init__(self, ctx, model, parent=None):
        super().__init__(parent)
        self.setObjectName("entryGrid")
        self.setAccessibleName("entryGrid")
        self.setModel(model)
        self.setItemDelegate(EntryDelegate(ctx, model, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures 11,700 rows
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)
        for i, c in enumerate(COLUMNS):
            self.setColumnWidth(i, WIDTHS[c])

    def move_down(self) -> None:
        cur = self.currentIndex()
        if cur.isValid() and cur.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(self.model().index(cur.row() + 1, cur.column()))

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt's
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.move_down()
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != QAbstractItemView.State.EditingState:
            self.move_down()
            return
        super().keyPressEvent(event)
