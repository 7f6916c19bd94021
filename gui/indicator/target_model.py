"""The targets of one indicator (read-only here; add, edit and delete go through dialogs)."""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.present import PeriodNames, records, relative_words, source_text, target_text
from core.values import format_value

from . import labels

COLUMNS = ("area", "period", "target", "kind", "document", "baseline", "source", "note")
_Index = QModelIndex | QPersistentModelIndex


class TargetModel(QAbstractTableModel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self._ctx = ctx
        self._ind: dict = {}
        self._rows: list[dict] = []
        self._names: dict[str, str] = {}
        self._periods = PeriodNames(ctx.lang)
        self.frame = pd.DataFrame()

    def set_frame(self, tgts: pd.DataFrame, ind: dict | None) -> None:
        """Show ``tgts`` (one indicator's targets, in the order to list them)."""
        self.beginResetModel()
        self._ind = ind or {}
        self.frame = tgts.reset_index(drop=True)
        self._rows = records(self.frame)
        self._names = self._area_names()
        self._periods = PeriodNames(self._ctx.lang)  # a few rows: a fresh cache is cheap
        self.endResetModel()

    @property
    def ind(self) -> dict:
        """The indicator row the targets were shown for."""
        return self._ind

    def _area_names(self) -> dict[str, str]:
        ar = self._ctx.areas
        return dict(zip(ar["code"], ar[self._ctx.name_col])) if len(ar) else {}

    def retranslate(self) -> None:
        self.beginResetModel()
        for r in self._rows:
            r.pop("_source", None)
        self._names = self._area_names()
        self._periods = PeriodNames(self._ctx.lang)
        self.endResetModel()

    def row_dict(self, row: int) -> dict:
        return {k: v for k, v in self._rows[row].items() if k != "_source"}

    def describe(self, row: int) -> str:
        r = self._rows[row]
        return (f"{r['indicator']} / {self._names.get(r['area'], r['area'])} / "
                f"{self._periods(r['period'])}")

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Area"), self.tr("Deadline"), self.tr("Target"), self.tr("Kind"),
                self.tr("Document"), self.tr("Baseline"), self.tr("Source"),
                self.tr("Note"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        r, col = self._rows[index.row()], COLUMNS[index.column()]
        kind, dec, lang = self._ind.get("value_kind", "number"), \
            int(self._ind.get("decimals") or 0), self._ctx.lang
        if col == "area":
            return self._names.get(r["area"], r["area"])
        if col == "period":
            return self._periods(r["period"])
        if col == "target":
            words = r.get("qualitative")
            if isinstance(words, str) and words:
                return words  # a target without a number, as its document words it
            made = target_text(r["comparator"], r["value"], r["value_high"], kind, dec, lang)
            rel = r.get("relative")
            if rel is not None and not pd.isna(rel):
                on = relative_words(rel, r.get("baseline_period"), lang)
                return f"{made} ({on})" if made else on
            return made
        if col == "document":
            doc, date = (str(r.get(k) or "") for k in ("document", "document_date"))
            conf = str(r.get("confidence") or "")
            text = f"{doc} ({date})" if doc and date else doc
            return f"{text}, {conf}" if text and conf else text
        if col == "kind":
            return labels.target_kind(r["kind"])
        if col == "baseline":
            bp = r.get("baseline_period")
            if bp is None or pd.isna(bp) or bp == "":
                return ""
            return f"{format_value(r['baseline_value'], kind, dec, lang=lang)} " \
                   f"({self._periods(r['baseline_period'])})"
        if col == "source":
            if "_source" not in r:  # formatted once, when first shown
                r["_source"] = source_text(r["source"], r["source_ref"], self._ctx.sources)
            return r["_source"]
        return str(r.get(col) or "")
