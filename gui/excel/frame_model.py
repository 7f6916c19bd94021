"""A read-only table model over a DataFrame snapshot (the import preview's tables)."""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class FrameModel(QAbstractTableModel):
    """Shows ``frame`` as text; ``headers`` are the (translated) column titles."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.frame = pd.DataFrame()
        self.headers: list[str] = []

    def set_frame(self, frame: pd.DataFrame, headers: list[str]) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self.headers = headers
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.frame.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        v = self.frame.iat[index.row(), index.column()]
        return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return str(section + 1)
