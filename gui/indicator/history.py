"""The change history of one figure (:func:`core.changelog.history`), newest first."""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core import reasons
from core.present import PeriodNames
from core.values import format_value, qualifier_label

from . import labels
from .figure_model import local_time

COLUMNS = ("at", "who", "action", "change", "why")
# Fields worth naming in a change, in the order a person reads them.
FIELDS = ("value", "qualifier", "status", "note", "source", "source_ref", "area", "period",
          "followup")

_Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[dict] = []
        self._ind: dict = {}

    def set_history(self, df: pd.DataFrame | None, ind: dict | None) -> None:
        self.beginResetModel()
        self._ind = ind or {}
        self._rows = [] if df is None else df.iloc[::-1].to_dict("records")
        self.endResetModel()

    def retranslate(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Change"),
                self.tr("Why"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        row, col = self._rows[index.row()], COLUMNS[index.column()]
        if col == "at":
            return local_time(row["at"])
        if col == "action":
            return labels.action(row["action"])
        if col == "change":
            return self.change_text(row)
        if col == "why":  # in the window's language; undo of an undo reads as a redo
            why = reasons.shown(row.get("why"))
            why = f"{why} ({row['origin']})" if row.get("origin") else why
            if row.get("reason"):  # a correction of a reported half-year says why
                why = self.tr("%1 — reason: %2").replace("%1", why).replace("%2",
                                                                            row["reason"])
            return why
        return str(row.get(col) or "")

    def _show(self, key: str, value) -> str:
        lang = self._ctx.lang
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return "–"
        if key == "value":
            return format_value(float(value), self._ind.get("value_kind", "number"),
                                int(self._ind.get("decimals") or 0), lang=lang)
        if key == "qualifier":
            return qualifier_label(value, lang) or "–"
        if key == "status":
            return labels.figure_status(value)
        if key == "period":
            return PeriodNames(lang)(value) or "–"
        if key == "followup":
            return self.tr("needs follow-up") if value else "–"
        return str(value) if value != "" else "–"

    def change_text(self, row: dict) -> str:
        old, new = row.get("old") or {}, row.get("new") or {}
        if not old:  # created
            return self._show("value", new.get("value"))
        if not new:  # deleted
            return self._show("value", old.get("value"))
        parts = [f"{k}: {self._show(k, old.get(k))} → {self._show(k, new.get(k))}"
                 for k in FIELDS if old.get(k) != new.get(k)]
        return "; ".join(parts)
