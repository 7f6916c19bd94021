"""The period view's table: one row per area (:func:`core.completeness.read`)."""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.approval import state_name

from ..indicator.figure_model import local_time

COLUMNS = ("area", "expected", "entered", "missing", "provisional", "followup", "state",
           "submitted", "approved")
NUMERIC = ("expected", "entered", "missing", "provisional", "followup")
# a symbol beside each state's word, so the state reads without colour
STATE_MARKS = {"open": "○", "submitted": "◐", "approved": "●"}

_Index = QModelIndex | QPersistentModelIndex


class PeriodModel(QAbstractTableModel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self._ctx = ctx
        self.frame = pd.DataFrame()

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self.endResetModel()

    def retranslate(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def row(self, i: int) -> dict:
        return self.frame.iloc[i].to_dict()

    def row_of(self, area: str) -> int:
        hit = self.frame.index[self.frame["area"] == area] if len(self.frame) else []
        return int(hit[0]) if len(hit) else -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Area"), self.tr("Expected"), self.tr("Entered"), self.tr("Missing"),
                self.tr("Provisional"), self.tr("Needs follow-up"), self.tr("State"),
                self.tr("Submitted"), self.tr("Approved"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.frame.iloc[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row["area"]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == "area":
            return self._ctx.area_name(row["area"])
        if col in NUMERIC:
            return str(int(row[col]))
        if col == "state":
            text = f"{STATE_MARKS.get(row['state'], '')} {state_name(row['state'])}"
            if role == Qt.ItemDataRole.ToolTipRole and row.get("reason"):
                return self.tr("Reopened by %1: %2").replace("%1", str(row["reopened_by"])) \
                    .replace("%2", str(row["reason"]))
            return text
        who, at = row[f"{col}_by"], row[f"{col}_at"]
        if not who:
            return ""
        return self.tr("%1, %2").replace("%1", str(who)).replace("%2", local_time(at))
