"""The figures of one indicator, one row per figure, editable in place.

The model holds a snapshot as numpy arrays and formats lazily in :meth:`data`. Edits are
checked with the value rule (:func:`core.rules.value_of`) first, then sent as a
:class:`core.edits.UpdateRow` through :meth:`AppContext.edit`. The model never opens a dialog:
a refused entry is reported by :attr:`refused` and a stale edit by :attr:`stale`, and the view
decides how to tell the person.
"""
from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from core import suspicious
from core.edits import UpdateRow
from core.errors import EcoError, StaleEditError, ValueParseError
from core.present import PeriodNames, source_text, unit_text
from core.rules import parse_qualifier_text, parse_status, value_of
from core.values import (decimals_problem, format_value, more_decimals, optional_number,
                         qualifier_label)

from ..cell_marks import MARK_ROLES, CellMarks
from . import labels

COLUMNS = ("area", "period", "value", "qualifier", "status", "note", "source", "entered_by",
           "entered_at")
EDITABLE = frozenset({"value", "qualifier", "status", "note"})
_ARRAYS = ("id", "version", "area", "period", "value", "qualifier", "status", "note", "source",
           "source_ref", "entered_by", "entered_at", "derived", "derivation", "computed")
_DTYPES = {"value": float, "id": np.int64, "version": np.int64}
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
_FONT, _ALIGN = Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole
_FORE = Qt.ItemDataRole.ForegroundRole
_ROLES = frozenset({_DISPLAY, _EDIT, _FONT, _ALIGN, _FORE, Qt.ItemDataRole.ToolTipRole,
                    ID_ROLE, *MARK_ROLES})
_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
_EDIT_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def local_time(iso: str) -> str:
    """``2026-11-23 19:30`` in local time from a stored UTC ISO timestamp."""
    try:
        return datetime.fromisoformat(str(iso)).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(iso or "")


class FigureModel(QAbstractTableModel):
    """Rows: figures of one indicator, by area order then period."""

    refused = Signal(object, str)  # (QModelIndex, why)
    stale = Signal(object)  # StaleEditError
    # (QModelIndex, value, why): a value that passes the rules but looks wrong was not yet
    # written; the view asks, and ``setData(index, value, KEEP_ROLE)`` writes it all the same
    suspect = Signal(object, object, str)
    KEEP_ROLE = Qt.ItemDataRole.UserRole + 40

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self._ctx = ctx
        self._ind: dict = {}
        self._a: dict[str, np.ndarray] = {c: np.empty(0, object) for c in _ARRAYS}
        self._n = 0
        self._names: dict[str, str] = {}
        self._src: dict[tuple, str] = {}
        self._periods = PeriodNames(ctx.lang)  # 2025年上半年 in Chinese, once per code
        self._italic = QFont()
        self._italic.setItalic(True)
        self._grey = QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                      QPalette.ColorRole.Text)
        self.frame = pd.DataFrame()
        self.marks = CellMarks()  # pasted cells refused or warned, by figure id

    # snapshot ---------------------------------------------------------------------------
    def set_frame(self, figs: pd.DataFrame, ind: dict | None) -> None:
        """Show ``figs`` (one indicator's figures, in the order to list them: the view reads
        them in the areas' order) for indicator row ``ind``."""
        self.beginResetModel()
        self._ind = ind or {}
        self.frame = figs.reset_index(drop=True)
        self._a = {c: self.frame[c].to_numpy(dtype=_DTYPES.get(c, object), copy=True)
                   if c in self.frame else np.empty(0, object) for c in _ARRAYS}
        self._n = len(self.frame)
        self._src.clear()
        self._names = self._area_names()
        if self._periods.lang != self._ctx.lang:
            self._periods = PeriodNames(self._ctx.lang)
        self.endResetModel()

    def patch(self, row: dict) -> bool:
        """Replace one figure from its stored row (after an edit, undo or redo)."""
        hit = np.flatnonzero(self._a["id"] == row["id"])
        if not len(hit):
            return False
        r = int(hit[0])
        for c in _ARRAYS:
            if c in row:
                self._a[c][r] = row[c]
                self.frame.at[r, c] = row[c]
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))
        return True

    def retranslate(self) -> None:
        self._names = self._area_names()
        self._periods = PeriodNames(self._ctx.lang)
        self._src.clear()
        if self._n:
            self.dataChanged.emit(self.index(0, 0), self.index(self._n - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _area_names(self) -> dict[str, str]:
        ar = self._ctx.areas
        return dict(zip(ar["code"], ar[self._ctx.name_col])) if len(ar) else {}

    # lookups ----------------------------------------------------------------------------
    def figure_id(self, row: int) -> int | None:
        return int(self._a["id"][row]) if 0 <= row < self._n else None

    def row_of(self, fid: int) -> int:
        hit = np.flatnonzero(self._a["id"] == fid)
        return int(hit[0]) if len(hit) else -1

    def row_dict(self, row: int) -> dict:
        return self.frame.iloc[row].to_dict()

    def source_of(self, row: int) -> str:
        key = (self._a["source"][row], self._a["source_ref"][row])
        if key not in self._src:
            self._src[key] = source_text(key[0], key[1], self._ctx.sources)
        return self._src[key]

    def describe(self, row: int) -> str:
        return f"{self._ind.get('code', '')} / {self._names.get(self._a['area'][row], '')} / " \
               f"{self._periods(self._a['period'][row])}"

    # Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._n

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        unit = unit_text(self._ind.get("unit") or "", self._ind.get("unit_zh"), self._ctx.lang)
        titles = {"area": self.tr("Area"), "period": self.tr("Period"),
                  "value": self.tr("Value (%1)").replace("%1", unit) if unit and
                  self._ind.get("value_kind") not in ("class", "percent") else self.tr("Value"),
                  "qualifier": self.tr("Qualifier"), "status": self.tr("Status"),
                  "note": self.tr("Note"), "source": self.tr("Source"),
                  "entered_by": self.tr("Entered by"), "entered_at": self.tr("Entered at")}
        return titles[COLUMNS[section]]

    def flags(self, index: _Index):
        if not index.isValid():
            return _NO_FLAGS
        col = COLUMNS[index.column()]
        if col == "value" and self._computed(index.row()):
            return _FLAGS  # made by its formula (core.computed): never typed
        if col not in EDITABLE or self.locked(index.row()):
            return _FLAGS
        return _EDIT_FLAGS

    def _computed(self, r: int) -> bool:
        made = self._a["computed"]
        return len(made) > r and bool(made[r])

    def locked(self, row: int) -> str | None:
        """Why this desk may not change the figure in ``row`` (None: it may): another
        district's, or a viewer's (:mod:`core.access`, the rule the server enforces too)."""
        return self._ctx.refusal("figure", str(self._a["area"][row]))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Qt asks ~10 roles per painted cell; answer the ones we never use at once.
        if role not in _ROLES or not index.isValid():
            return None
        r, col = index.row(), COLUMNS[index.column()]
        a = self._a
        if len(self.marks) and role in MARK_ROLES:
            got = self.marks.data(int(a["id"][r]), col, role, lambda: self._display(r, col))
            if got is not None:
                return got
        if role == _DISPLAY:
            return self._display(r, col)
        if role == _EDIT:
            return a[col][r] if col in a else self._display(r, col)
        if role == _FONT:
            return self._italic if a["status"][r] == "provisional" else None
        if role == _ALIGN:
            return _RIGHT if col == "value" else None
        if role == ID_ROLE:
            return int(a["id"][r])
        if role == _FORE:  # greyed: a cell this desk may not change
            return self._grey if col in EDITABLE and self.locked(r) else None
        if col in EDITABLE:
            why = self.locked(r)
            if why:
                return self.tr("You may not change this figure: %1").replace("%1", why)
        if col == "source":  # tooltips
            return self.source_of(r)
        if col == "note" and a["note"][r]:
            return str(a["note"][r])
        if col in ("value", "status") and self._computed(r):
            return self.tr("Computed by its formula, never typed: %1").replace(
                "%1", str(a["derivation"][r] or ""))
        if col in ("value", "status") and a["derived"][r]:
            return self.tr("Derived, not stated in the source: %1").replace(
                "%1", str(a["derivation"][r] or ""))
        if col in EDITABLE:
            return self.tr("Double-click or press F2 to edit")
        return None

    def _display(self, r: int, col: str) -> str:
        a, lang = self._a, self._ctx.lang
        if col == "area":
            return self._names.get(a["area"][r], a["area"][r])
        if col == "value":
            return format_value(a["value"][r], self._ind.get("value_kind", "number"),
                                int(self._ind.get("decimals") or 0), lang=lang)
        if col == "qualifier":
            return qualifier_label(a["qualifier"][r] or "", lang)
        if col == "status":
            status = labels.figure_status(a["status"][r])
            if self._computed(r):
                return self.tr("%1, computed").replace("%1", status)
            return self.tr("%1, derived").replace("%1", status) if a["derived"][r] else status
        if col == "source":
            return self.source_of(r)
        if col == "entered_at":
            return local_time(a["entered_at"][r])
        if col == "period":
            return self._periods(a["period"][r])
        v = a[col][r]
        return "" if v is None else str(v)

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role not in (Qt.ItemDataRole.EditRole, self.KEEP_ROLE) or not index.isValid():
            return False
        r, col = index.row(), COLUMNS[index.column()]
        if col not in EDITABLE:
            return False
        why = self.locked(r)
        if why:  # pasted or set from code: the cell is not editable by hand
            self.refused.emit(QModelIndex(index), str(why))
            return False
        try:
            new = self._parse(col, value, r)
        except ValueParseError as exc:
            self.refused.emit(QModelIndex(index), str(exc))
            return False
        old = self._a[col][r]
        if new == old or (col == "note" and (old or "") == new):
            return False
        if (col == "value" and self._ind.get("value_kind") != "class"
                and more_decimals(new, int(self._ind.get("decimals") or 0))):
            # typed with more decimals than the indicator keeps: it would be saved as typed
            # but shown rounded everywhere else (a stored 38.25 confirmed unchanged is equal)
            self.refused.emit(QModelIndex(index), decimals_problem(
                str(value), int(self._ind.get("decimals") or 0)))
            return False
        if col == "value" and role != self.KEEP_ROLE:
            why = self._suspect(r, new)
            if why:
                self.suspect.emit(QModelIndex(index), value, why)
                return False
        what = self.describe(r)
        edit = UpdateRow("figure", int(self._a["id"][r]), int(self._a["version"][r]),
                         {col: new}, label=what)
        fid = int(self._a["id"][r])
        self._ctx.edit(edit, self.tr("Edit figure %1").replace("%1", what),
                       on_failed=lambda exc: self._not_saved(exc, fid, index.column()))
        return True  # written in a worker; the cell shows it once it has landed

    def _not_saved(self, exc: BaseException, fid: int, column: int) -> None:
        """The core refused a typed edit (after :meth:`setData` returned)."""
        if isinstance(exc, StaleEditError):
            self.stale.emit(exc)
        elif isinstance(exc, EcoError):
            row = self.row_of(fid)
            self.refused.emit(self.index(row, column) if row >= 0 else QModelIndex(), str(exc))
        else:
            self._ctx.error.emit(exc)

    def _suspect(self, r: int, value: float) -> str:
        """Why ``value`` for row ``r`` looks wrong (:mod:`core.suspicious`), judged against
        the indicator's figures this table holds (every area and period), or ""."""
        others = self.frame.drop(index=r) if len(self.frame) else self.frame
        proposed = pd.DataFrame([{"indicator": self._ind.get("code"), "area": self._a["area"][r],
                                  "period": self._a["period"][r], "value": value}])
        found = suspicious.warnings(pd.DataFrame([self._ind]), self._ctx.areas,
                                    others.assign(indicator=self._ind.get("code")), proposed)
        return "\n".join(m for _, _, m in found)

    def _parse(self, col: str, value, r: int):
        ind = self._ind
        if col == "value":  # the one value rule, with this row's period (days in it)
            return value_of(value, ind.get("value_kind", "number"), vmin=_opt(ind, "vmin"),
                            vmax=_opt(ind, "vmax"), day_count=bool(ind.get("day_count")),
                            period=self._a["period"][r])
        if col == "qualifier":
            return parse_qualifier_text(value)
        if col == "status":
            return parse_status(value)
        return "" if value is None else str(value).strip()


def _opt(ind: dict, key: str) -> float | None:
    return optional_number(ind.get(key))
