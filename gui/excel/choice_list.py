"""A short checkable list: choose several areas or categories (none ticked: all of them).

It answers what the Excel dialogs asked of the combo it replaces (``currentData``,
``findData``, ``setCurrentIndex``, ``currentIndexChanged``), so a choice of one reads the same.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget


class ChoiceList(QListView):
    currentIndexChanged = Signal(int)

    def __init__(self, items: list[tuple[str, str]], parent: QWidget | None = None, *,
                 name: str = ""):
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.model_ = QStandardItemModel(self)
        for text, data in items:
            item = QStandardItem(text)
            item.setData(data, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            self.model_.appendRow(item)
        self.setModel(self.model_)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMaximumHeight(self.sizeHintForRow(0) * 6 + 6 if items else 60)
        self.model_.itemChanged.connect(lambda _i: self.currentIndexChanged.emit(-1))

    def chosen(self) -> list[str]:
        """The data of the ticked rows, in list order."""
        m = self.model_
        return [m.item(r).data(Qt.ItemDataRole.UserRole) for r in range(m.rowCount())
                if m.item(r).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, values) -> None:
        want = set(values or ())
        m = self.model_
        m.blockSignals(True)
        for r in range(m.rowCount()):
            item = m.item(r)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                               in want else Qt.CheckState.Unchecked)
        m.blockSignals(False)
        self.viewport().update()
        self.currentIndexChanged.emit(-1)

    # the combo's words ---------------------------------------------------------------------
    def currentData(self):  # noqa: N802
        """The ticked values, or None when none is (meaning all)."""
        return self.chosen() or None

    def findData(self, data) -> int:  # noqa: N802
        m = self.model_
        return next((r for r in range(m.rowCount())
                     if m.item(r).data(Qt.ItemDataRole.UserRole) == data), -1)

    def setCurrentIndex(self, i: int) -> None:  # noqa: N802
        """Tick only row ``i`` (-1: none)."""
        m = self.model_
        self.set_chosen([m.item(i).data(Qt.ItemDataRole.UserRole)] if 0 <= i < m.rowCount()
                        else [])
