"""Edit › Sources…: every source in a table, with New, Edit and Delete.

A table model over ``ctx.sources`` (the reference data the window keeps, re-read by the worker
after any change of a source), refreshed from ``ctx.changed``; each button goes through the
source dialog or one undoable delete.
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView,
                               QLabel, QPushButton, QTableView, QVBoxLayout, QWidget)

from core.edits import DeleteRow
from core.entities import SOURCE
from core.present import cell_text

from .dialog import SourceDialog

COLUMNS = ("title", "publisher", "date", "doc_number", "link")


class SourcesModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.frame = pd.DataFrame(columns=["id", *COLUMNS])
        self._rows: list[dict] = []

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self.frame = frame
        self._rows = frame.to_dict("records")
        self.endResetModel()

    def row(self, i: int) -> dict:
        return dict(self._rows[i])

    def row_of(self, key) -> int:
        return next((i for i, r in enumerate(self._rows) if r["id"] == key), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Title"), self.tr("Publisher"), self.tr("Date"),
                    self.tr("Document number"), self.tr("Link"))[section]
        return super().headerData(section, orientation, role)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(self._rows[index.row()].get(COLUMNS[index.column()]))
        return None


class SourcesDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sourcesDialog")
        self.setWindowTitle(self.tr("Sources"))
        self.model = SourcesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("sourcesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Sources"))
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.message = QLabel(self)
        self.message.setObjectName("sourcesMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.new_button = self._button(self.tr("&New source…"), "sourcesNew", self.new_source)
        self.edit_button = self._button(self.tr("&Edit…"), "sourcesEdit", self.edit_selected)
        self.delete_button = self._button(self.tr("&Delete"), "sourcesDelete",
                                          self.delete_selected)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("sourcesClose")
        close.clicked.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.dialog: SourceDialog | None = None
        ctx.changed.connect(self._on_changed)
        ctx.reloaded.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.reload()
        self.resize(860, 420)
        self.table.setColumnWidth(0, 300)
        self.table.setColumnWidth(1, 220)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        b = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    def reload(self, select=None) -> None:
        key = select if select is not None else self.selected_key()
        self.model.set_frame(self.ctx.sources)
        i = self.model.row_of(key) if key else -1
        if i >= 0:
            self.table.selectRow(i)
        self._enable()

    def _on_changed(self, changed) -> None:
        if changed.kind is SOURCE:
            self.reload(changed.key if changed.action != "delete" else None)

    def selected_key(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row())["id"] if rows else None

    def _enable(self) -> None:
        has = self.selected_key() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def new_source(self) -> None:
        self.dialog = SourceDialog(self.ctx, parent=self)
        self.dialog.open()

    def edit_selected(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        self.dialog = SourceDialog(self.ctx, self.model.row(self.model.row_of(key)), self)
        self.dialog.open()

    def delete_selected(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        row = self.model.row(self.model.row_of(key))
        what = cell_text(row.get("title")) or cell_text(row.get("publisher"))
        self.message.setText("")
        self.ctx.edit(DeleteRow("source", key, int(row["version"]), row),
                      self.tr("Delete source %1").replace("%1", what),
                      on_failed=lambda exc: self.message.setText(str(exc)))


def open_sources_dialog(ctx, parent: QWidget | None = None) -> SourcesDialog:
    """Show the sources list (window-modal, not blocking) and return it."""
    dlg = SourcesDialog(ctx, parent)
    dlg.open()
    return dlg
