"""The entry grid's model: one row per indicator x area for one period, over a snapshot.

The snapshot is :func:`core.entry.entry_frame`'s (read in a worker); the model formats lazily
in :meth:`data` and never opens a dialog. Typed, pasted and filled-down cells go through
:class:`gui.entry.cells.BlockEntry` (the one rule set, one undo step, written in the worker);
the rows patch themselves from what a change says it wrote (:attr:`core.edits.Changed.frame`
for a block, ``row`` for one figure), so a write never reads the grid back.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from core import suspicious
from core.edits import Changed
from core.entities import FIGURE
from core.present import PeriodNames, source_namer, unit_text
from core.values import format_value, qualifier_label

from ..cell_marks import MARK_ROLES, CellMarks
from ..indicator import labels
from .cells import BlockEntry

COLUMNS = ("indicator", "area", "last_value", "last_period", "value", "unit", "qualifier",
           "status", "source", "note")
EDITABLE = frozenset({"value", "qualifier", "status", "source", "note"})
_FIELDS = ("id", "version", "value", "qualifier", "status", "source", "note", "derived")
_EMPTY = {"id": None, "version": 0, "value": np.nan, "qualifier": "", "status": "final",
          "source": None, "note": "", "derived": False}  # a row without a figure
_Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
_ALIGN, _TIP = Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
_EDIT_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable


class EntryModel(QAbstractTableModel):
    """Rows: indicators x areas of one period. ``failed(exc)``: a write the core refused."""

    failed = Signal(object)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self._ctx = ctx
        self.frame = pd.DataFrame(columns=["indicator", "area", "period", *_FIELDS])
        self._a: dict = {}
        self.period = ""
        self._n = 0
        self._row_of: dict[tuple[str, str], int] = {}
        self._ind: dict[str, dict] = {}
        self._periods = PeriodNames(ctx.lang)
        self.marks = CellMarks()
        self.existing: pd.DataFrame | None = None  # history the warnings are judged against
        self.entry = BlockEntry(ctx, lambda: self.frame, lambda r: r, self.marks,
                                lambda: self.existing, self)
        self.entry.marked.connect(self._rows_changed)
        self.entry.failed.connect(self.failed.emit)
        ctx.changed.connect(self._on_changed)

    # snapshot ---------------------------------------------------------------------------
    def set_frame(self, frame: pd.DataFrame, period: str) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self.period = period
        self._n = len(self.frame)
        self._arrays()
        self._row_of = {k: i for i, k in enumerate(zip(self.frame["indicator"].tolist(),
                                                        self.frame["area"].tolist()))}
        self._ind = {r["code"]: r for r in self._ctx.indicators.to_dict("records")}
        self._names = dict(zip(self._ctx.areas["code"], self._ctx.areas[self._ctx.name_col]))
        self._periods = PeriodNames(self._ctx.lang)
        self._source = source_namer(self._ctx.sources)
        self.marks.clear()
        self.existing = None
        self.endResetModel()

    def _arrays(self) -> None:
        """The frame's columns as arrays: ``data()`` reads cells from these (a cell read
        through the frame costs ten times as much, and a paint reads a thousand)."""
        self._a = {c: self.frame[c].to_numpy() for c in self.frame.columns}

    def set_last(self, last: pd.DataFrame) -> None:
        """The last figures before the period (read after the rows were shown)."""
        if not self._n:
            return
        got = self.frame[["indicator", "area"]].merge(last, on=["indicator", "area"],
                                                      how="left")
        self.frame["last_value"] = got["last_value"].astype(float).to_numpy()
        self.frame["last_period"] = got["last_period"].astype(object).to_numpy()
        self._arrays()
        first, second = (COLUMNS.index(c) for c in ("last_value", "last_period"))
        self.dataChanged.emit(self.index(0, first), self.index(self._n - 1, second))

    def set_existing(self, figures: pd.DataFrame | None) -> None:
        """The figures warnings are judged against (read in a worker after the grid opens)."""
        self.existing = figures

    def retranslate(self) -> None:
        self._names = dict(zip(self._ctx.areas["code"], self._ctx.areas[self._ctx.name_col]))
        self._periods = PeriodNames(self._ctx.lang)
        if self._n:
            self.dataChanged.emit(self.index(0, 0), self.index(self._n - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    # Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._n

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        period = self._periods(self.period) if self.period else ""
        return {"indicator": self.tr("Indicator"), "area": self.tr("Area"),
                "last_value": self.tr("Last value"), "last_period": self.tr("Of"),
                "value": self.tr("%1 value").replace("%1", period) if period
                else self.tr("Value"),
                "unit": self.tr("Unit"), "qualifier": self.tr("Qualifier"),
                "status": self.tr("Status"), "source": self.tr("Source"),
                "note": self.tr("Note")}[COLUMNS[section]]

    def flags(self, index: _Index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _EDIT_FLAGS if COLUMNS[index.column()] in EDITABLE else _FLAGS

    def data(self, index: _Index, role: int = _DISPLAY):
        if not index.isValid():
            return None
        r, col = index.row(), COLUMNS[index.column()]
        if role in MARK_ROLES and len(self.marks):
            got = self.marks.data(r, col, role, lambda: self._display(r, col))
            if got is not None:
                return got
        if role == _DISPLAY:
            return self._display(r, col)
        if role == _EDIT:
            return self._edit(r, col)
        if role == _ALIGN:
            return _RIGHT if col in ("value", "last_value") else None
        if role == _TIP:
            if col == "indicator":
                return str(self._a["indicator"][r])
            if col == "note":
                return str(self._a["note"][r] or "") or None
        return None

    def _kind(self, r: int) -> tuple[dict, str, int]:
        ind = self._ind.get(self._a["indicator"][r], {})
        return ind, ind.get("value_kind", "number"), int(ind.get("decimals") or 0)

    def _display(self, r: int, col: str) -> str:
        a, lang = self._a, self._ctx.lang
        if col == "indicator":
            ind = self._ind.get(a["indicator"][r], {})
            return str(ind.get(self._ctx.name_col) or a["indicator"][r])
        if col == "area":
            return self._names.get(a["area"][r], a["area"][r])
        if col in ("value", "last_value"):
            _, kind, dec = self._kind(r)
            v = a[col][r]
            return "" if pd.isna(v) else format_value(float(v), kind, dec, lang=lang)
        if col == "last_period":
            return self._periods(a["last_period"][r])
        if col == "unit":
            ind, kind, _ = self._kind(r)
            return "" if kind in ("percent", "class") else unit_text(
                ind.get("unit") or "", ind.get("unit_zh"), lang)
        has = a["version"][r] > 0
        if col == "qualifier":
            return qualifier_label(a["qualifier"][r] or "", lang) if has else ""
        if col == "status":
            return labels.figure_status(a["status"][r]) if has else ""
        if col == "source":
            return self._source(a["source"][r], "") if has else ""
        return str(a[col][r] or "")

    def _edit(self, r: int, col: str):
        if col == "value":
            v = self._a["value"][r]
            return None if pd.isna(v) else float(v)
        if col in ("qualifier", "status", "source", "note"):
            return self._a[col][r]
        return self._display(r, col)

    def indicator_of(self, r: int) -> dict:
        return self._kind(r)[0]

    def setData(self, index: _Index, value, role: int = _EDIT) -> bool:
        if role != _EDIT or not index.isValid() or COLUMNS[index.column()] not in EDITABLE:
            return False
        r, col = index.row(), COLUMNS[index.column()]
        if value is None or (isinstance(value, str) and not value.strip()):
            if col == "value" and self._a["version"][r] == 0:
                self.marks.clear(r, col)
                self._rows_changed([r])
                return False  # nothing typed in an empty cell: nothing to do
        self.put({(r, col): value}, self.tr("Enter %1").replace("%1", self.describe(r)))
        return True

    def put(self, cells: dict, text: str, why: str = "typed edit"):
        """Check and write ``cells`` as one undo step (see :class:`BlockEntry`)."""
        return self.entry.put(cells, text, why)

    def describe(self, r: int) -> str:
        a = self._a
        return (f"{a['indicator'][r]} / {self._names.get(a['area'][r], a['area'][r])}"
                f" / {self._periods(a['period'][r])}")

    def warning_for(self, r: int, value: float) -> str:
        """Why ``value`` in row ``r`` would look wrong (as it is typed), or ""."""
        if self.existing is None or value is None:
            return ""
        a = self._a
        code = a["indicator"][r]
        prop = pd.DataFrame([{"indicator": code, "area": a["area"][r],
                              "period": a["period"][r], "value": float(value)}])
        have = self.existing[self.existing["indicator"] == code]
        found = suspicious.warnings(self._ctx.indicators, self._ctx.areas, have, prop)
        return "\n".join(m for _, _, m in found)

    # changes from anywhere ----------------------------------------------------------------
    def _rows_changed(self, rows) -> None:
        rows = list(rows)
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), len(COLUMNS) - 1))

    def _on_changed(self, ch: Changed) -> None:
        if ch.kind is not FIGURE or not self._n:
            return
        if ch.keys is not None:  # a block: its keys, and the figures as written
            keys = ch.keys[ch.keys["period"] == self.period]
            if not len(keys):
                return
            after = ch.frame[ch.frame["period"] == self.period]
            self._patch(keys, after)
        elif ch.period == self.period and ch.area is not None:
            row = ch.row
            self._patch(pd.DataFrame([{"indicator": ch.indicator, "area": ch.area}]),
                        pd.DataFrame([row]) if row is not None else None)

    def _patch(self, keys: pd.DataFrame, after: pd.DataFrame | None) -> None:
        """Rows of ``keys`` as ``after`` holds them (a key missing there: no figure now).
        Column by column: a pasted half-year patches 2,000 rows at once."""
        pos = np.array([self._row_of.get(k, -1) for k in zip(keys["indicator"], keys["area"])],
                       dtype=np.int64)
        ok = pos >= 0
        if not ok.any():
            return
        pos, k = pos[ok], keys.loc[ok, ["indicator", "area"]].reset_index(drop=True)
        if after is not None and len(after):
            new = k.merge(after[["indicator", "area", *_FIELDS]].drop_duplicates(
                ["indicator", "area"]), on=["indicator", "area"], how="left")
        else:
            new = k.assign(**{c: None for c in _FIELDS})
        gone = new["version"].isna().to_numpy()
        f = self.frame
        for c, empty in _EMPTY.items():
            vals = new[c].to_numpy(object).copy()
            vals[gone] = empty
            if c == "id":
                vals = np.array([None if v is None or v != v else int(v) for v in vals],
                                dtype=object)
            col = f[c].to_numpy(copy=True)
            col[pos] = vals.astype(col.dtype) if col.dtype != object else vals
            f[c] = col
        self._arrays()
        if self.existing is not None:
            self._patch_existing(keys, after)
        self._rows_changed(pos.tolist())

    def _patch_existing(self, keys: pd.DataFrame, after: pd.DataFrame | None) -> None:
        ex = self.existing
        key = ["indicator", "area", "period"]
        drop = ex.merge(keys.assign(period=self.period)[key].drop_duplicates(), on=key,
                        how="left", indicator=True)["_merge"].eq("both").to_numpy()
        keep = ex[~drop]
        if after is not None and len(after) and "period_ord" in after:
            keep = pd.concat([keep, after[[c for c in ex.columns if c in after]]],
                             ignore_index=True)
        self.existing = keep
