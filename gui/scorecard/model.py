"""The scorecard as a table model over a DataFrame snapshot.

The model holds the whole scorecard (``core.status.scorecard``) and its formatted twin
(``core.present.scorecard_table``) and shows the rows that pass the filter, in the sorted order.
Filtering and sorting are numpy operations on the snapshot, not per-row Python callbacks, so a
bureau-scale scorecard (thousands of rows) filters and sorts without a visible pause.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core import coherence, present, queries
from core.periods import shown
from core.present import period_ords

from . import palette

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (indicator code, area code)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # status code of a status cell

# column id, formatted column, raw column sorted on
# Reading order of a review: what, where, when, actual, target, gap, the two verdicts, then
# the details.
COLUMNS = (
    ("indicator", "name", "name"),
    ("area", "area_name", "area_name"),
    ("latest_period", "latest_period", "latest_period"),
    ("latest", "latest", "latest_value"),
    ("target", "target", "target_value"),
    ("gap", "gap", "gap_pct"),
    ("period_status", "period_status", "period_status"),
    ("course_status", "course_status", "course_status"),
    ("unit", "unit", "unit"),
    ("target_period", "target_period", "target_period"),
    ("change", "change", "change_pct"),
    ("warnings", "warnings", "warnings"),
)
COLUMN_IDS = tuple(c[0] for c in COLUMNS)


def column(cid: str) -> int:
    """Position of the column ``cid`` (``"period_status"``, ``"gap"`` ...)."""
    return COLUMN_IDS.index(cid)
NUMERIC = {"latest", "target", "gap", "change", "warnings"}
STATUS_COLUMNS = {"period_status", "course_status"}


class ScorecardModel(QAbstractTableModel):
    """Rows: indicator x area. ``set_frame`` swaps in a new snapshot."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lang = "en"
        self._areas = pd.DataFrame(columns=["code", "name_en", "name_zh"])
        self._raw = pd.DataFrame()
        self._by_indicator: dict[str, np.ndarray] | None = None  # code -> row positions
        self._worst: dict[str, str] | None = None  # code -> worst period status
        self._cells: list[np.ndarray] = []
        self._keys: list[tuple[str, str]] = []
        self._rows = np.zeros(0, dtype=np.int64)  # visible rows, in display order
        self._filter: dict[str, str | None] = {"category": None, "area": None, "status": None}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._status: dict[str, np.ndarray] = {c: np.zeros(0, dtype=object)
                                               for c in STATUS_COLUMNS}
        self._sortkeys = pd.DataFrame()
        self._tables: dict[str, pd.DataFrame] = {}  # formatted snapshot per language
        # (indicator, area) -> [(period, check, params)]: coherence warnings, made into text
        # in the current language only when a tooltip asks
        self._warn: dict[tuple[str, str], list[tuple]] = {}

    # headers -----------------------------------------------------------------------------
    def _headers(self) -> list[str]:
        return [self.tr("Indicator"), self.tr("Area"), self.tr("Period"), self.tr("Actual"),
                self.tr("Target"), self.tr("Gap"), self.tr("Status"), self.tr("Course"),
                self.tr("Unit"), self.tr("Target period"), self.tr("Change"),
                self.tr("Warnings")]

    def _header_tips(self) -> list[str]:
        return [self.tr("Indicator (the code is in the cell's tooltip)"), self.tr("Area"),
                self.tr("Period of the latest figure"), self.tr("Latest value"),
                self.tr("The target that applies to the latest period"),
                self.tr("Actual minus target, in the indicator's unit. Sorting orders the "
                        "rows by the gap as a share of the target, so that indicators in "
                        "different units compare"),
                self.tr("Status this period: met, close, missed"),
                self.tr("Course to the target's deadline: on track, needs acceleration, "
                        "limited progress, deterioration"),
                self.tr("Unit"), self.tr("Period or deadline of the target"),
                self.tr("Change since the same period a year earlier"),
                self.tr("Coherence warnings (a cumulative count that falls, a share over "
                        "100 ...)")]

    def retranslate(self, lang: str, areas: pd.DataFrame) -> None:
        """Show every cell in ``lang`` (names, class values, status words)."""
        if areas is not self._areas:
            self._tables = {}  # area names changed: nothing formatted before is valid
        self.lang, self._areas = lang, areas
        self.layoutAboutToBeChanged.emit()
        self._format()
        self._apply_sort()
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    # snapshot ----------------------------------------------------------------------------
    @property
    def frame(self) -> pd.DataFrame:
        return self._raw

    def set_frame(self, frame: pd.DataFrame, areas: pd.DataFrame, lang: str,
                  tables: dict[str, pd.DataFrame] | None = None) -> None:
        """Swap in a whole new scorecard (a full reload): a model reset.

        ``tables`` are the scorecard already formatted per language
        (``core.present.scorecard_table``, made by the worker): a language switch then only
        swaps arrays instead of formatting thousands of cells on the GUI thread.
        """
        self.beginResetModel()
        self._raw, self._areas, self.lang = frame.reset_index(drop=True), areas, lang
        self._by_indicator = self._worst = None
        self._tables = {k: v.reset_index(drop=True) for k, v in (tables or {}).items()}
        self._format()
        self._select_rows()
        self.endResetModel()

    def rows_for(self, code: str) -> pd.DataFrame:
        """The scorecard rows of indicator ``code`` (none if it has none)."""
        if self._by_indicator is None:
            self._by_indicator = (self._raw.groupby("indicator", sort=False).indices
                                  if len(self._raw) else {})
        pos = self._by_indicator.get(code)
        if pos is None:
            return self._raw.iloc[0:0]
        if pos[-1] - pos[0] + 1 == len(pos):  # together, as the scorecard is sorted: a slice
            return self._raw.iloc[int(pos[0]):int(pos[-1]) + 1]
        return self._raw.iloc[pos]

    def set_warnings(self, warnings: pd.DataFrame | None, indicator: str | None = None) -> None:
        """Keep the coherence warnings (rows of ``core.coherence.check``) for the tooltips:
        all of them, or, with ``indicator``, in place of that indicator's."""
        if indicator is None:
            self._warn = {}
        else:
            self._warn = {k: v for k, v in self._warn.items() if k[0] != indicator}
        if warnings is None:
            return
        for ind, area, period, chk, params in zip(
                warnings["indicator"].tolist(), warnings["area"].tolist(),
                warnings["period"].tolist(), warnings["check"].tolist(),
                warnings["params"].tolist()):
            self._warn.setdefault((ind, area), []).append((period, chk, params))

    def warning_texts(self, key: tuple[str, str]) -> list[str]:
        """The coherence warnings of one row, each ``period: text``, in the current language."""
        return [f"{shown(period)}: {coherence.message(chk, params)}"
                for period, chk, params in self._warn.get(key, [])]

    def replace_indicator(self, code: str, rows: pd.DataFrame, order: pd.Series,
                          tables: dict[str, pd.DataFrame] | None = None) -> bool:
        """Put ``rows`` (the fresh scorecard of one indicator) in place of its old rows.

        When the indicator keeps the same areas only its cells change (``dataChanged``) and the
        view keeps its selection and scroll; otherwise the snapshot is rebuilt (a reset).
        Returns True when it was a reset. ``order`` maps indicator code to category sort.
        """
        old = np.flatnonzero(self._raw["indicator"].to_numpy(object) == code) \
            if len(self._raw) else np.zeros(0, dtype=np.int64)
        rows = rows.reset_index(drop=True)
        same = (len(old) == len(rows) and len(old) > 0 and
                list(self._raw["area"].iloc[old]) == list(rows["area"]))
        if not same:
            rest = self._raw[self._raw["indicator"] != code]
            merged = pd.concat([rest, rows], ignore_index=True) if len(rest) else rows
            if len(merged):  # in the order the scorecard job gives (core.status.scorecard)
                rank = queries.area_rank(self._areas)
                merged = merged.assign(_o=merged["indicator"].map(order).fillna(1e9),
                                       _a=merged["area"].map(rank).fillna(len(rank)))
                merged = merged.sort_values(["_o", "indicator", "_a"], kind="stable")
                merged = merged.drop(columns=["_o", "_a"])
            self.set_frame(merged, self._areas, self.lang)
            return True
        # same rows in the same places: swap them in by position, re-format only them
        self._raw = _swap_rows(self._raw, old, rows)
        self._by_indicator = None
        if self._worst is not None:
            self._worst.update(_worst_status(rows))
        tables = dict(tables or {})
        for lang in list(self._tables):
            new = tables.get(lang)
            if new is None:
                new = present.scorecard_table(rows, self._areas, lang)
            self._tables[lang] = _swap_rows(self._tables[lang], old,
                                            new.reset_index(drop=True))
        fmt = tables.get(self.lang)
        if fmt is None:
            fmt = present.scorecard_table(rows, self._areas, self.lang)
        fmt = fmt.reset_index(drop=True)
        for j, (_cid, fcol, _s) in enumerate(COLUMNS):
            self._cells[j][old] = fmt[fcol].astype(object).where(
                fmt[fcol].notna(), "").to_numpy(object)
        for cid in STATUS_COLUMNS:
            self._status[cid][old] = rows[cid].to_numpy(object)
        self._sortkeys = _swap_rows(self._sortkeys, old, fmt)
        changed = np.flatnonzero(np.isin(self._rows, old))
        if len(changed):
            self.dataChanged.emit(self.index(int(changed.min()), 0),
                                  self.index(int(changed.max()), len(COLUMNS) - 1))
        return False

    def _format(self) -> None:
        if self._raw.empty:
            self._cells = [np.zeros(0, dtype=object) for _ in COLUMNS]
            self._keys = []
            self._status = {c: np.zeros(0, dtype=object) for c in STATUS_COLUMNS}
            return
        fmt = self._tables.get(self.lang)
        if fmt is None or len(fmt) != len(self._raw):
            fmt = self._tables[self.lang] = present.scorecard_table(self._raw, self._areas,
                                                                    self.lang)
        # copies: pandas hands out read-only views, and edits write cells in place
        self._cells = [fmt[fcol].astype(object).where(fmt[fcol].notna(), "").to_numpy(
            object, copy=True) for _c, fcol, _s in COLUMNS]
        # plain lists: iterating pandas string arrays element by element costs ~5 us each
        self._keys = list(zip(self._raw["indicator"].to_numpy(object).tolist(),
                              self._raw["area"].to_numpy(object).tolist()))
        self._status = {c: self._raw[c].to_numpy(object).copy() for c in STATUS_COLUMNS}
        self._sortkeys = fmt  # formatted names sort in the shown language

    def shown_status_counts(self) -> dict[str, int]:
        """Period status -> how many of the rows the filter lets through have it."""
        if not len(self._rows):
            return {}
        shown = self._raw["period_status"].to_numpy(object)[self._rows]
        codes, counts = np.unique(shown.astype(str), return_counts=True)
        return dict(zip(codes.tolist(), counts.tolist()))

    # filter and sort ---------------------------------------------------------------------
    def set_filter(self, *, category: str | None = None, area: str | None = None,
                   status: str | None = None) -> None:
        self.beginResetModel()
        self._filter = {"category": category, "area": area, "status": status}
        self._select_rows()
        self.endResetModel()

    def _select_rows(self) -> None:
        n = len(self._raw)
        mask = np.ones(n, dtype=bool)
        f = self._filter
        if n and f["category"]:
            mask &= (self._raw["category"] == f["category"]).to_numpy()
        if n and f["area"]:
            mask &= (self._raw["area"] == f["area"]).to_numpy()
        if n and f["status"]:
            wanted = {"attention": ("missed", "close")}.get(f["status"], (f["status"],))
            mask &= self._raw["period_status"].isin(wanted).to_numpy()
        self._rows = np.flatnonzero(mask)
        self._apply_sort()

    def _sort_key(self, column: int) -> pd.Series:
        cid, fcol, raw = COLUMNS[column]
        if cid in STATUS_COLUMNS:  # worst first when ascending
            return -self._raw[raw].map(palette.SEVERITY_OF_STATUS).fillna(0)
        if cid in NUMERIC:
            return pd.to_numeric(self._raw[raw], errors="coerce")
        if cid in ("latest_period", "target_period"):  # on dates, not on 2025年上半年's text
            return self._raw[raw].map(period_ords(self._raw[raw]))
        return self._sortkeys[fcol].astype(str).str.lower()

    def _apply_sort(self) -> None:
        if self._sort is None or not len(self._rows):
            return
        column, order = self._sort
        key = self._sort_key(column).iloc[self._rows]
        asc = order == Qt.SortOrder.AscendingOrder
        pos = key.reset_index(drop=True).sort_values(
            ascending=asc, kind="stable", na_position="last").index.to_numpy()
        self._rows = self._rows[pos]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column >= len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = self._rows.copy()
        if column < 0:
            self._sort = None
            self._select_rows()
        else:
            self._sort = (column, order)
            self._apply_sort()
        where = {int(r): i for i, r in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(where.get(int(before[i.row()]), i.row()), i.column())
               if i.isValid() and i.row() < len(before) else QModelIndex() for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # lookups -----------------------------------------------------------------------------
    def key(self, row: int) -> tuple[str, str]:
        return self._keys[int(self._rows[row])]

    def row_of(self, key: tuple[str, str]) -> int:
        try:
            i = self._keys.index(tuple(key))
        except ValueError:
            return -1
        hit = np.flatnonzero(self._rows == i)
        return int(hit[0]) if len(hit) else -1

    def indicator_status(self) -> dict[str, str]:
        """Worst period status of each indicator across its areas (for the tree's marks)."""
        if self._worst is None:  # kept up to date as one indicator's rows are replaced
            self._worst = _worst_status(self._raw)
        return dict(self._worst)

    # Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers()[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips()[section]
        return super().headerData(section, orientation, role)

    def longest_texts(self, column: int, n: int = 24) -> list[str]:
        """The ``n`` longest texts column ``column`` shows (to size it without Qt asking
        every row for every role)."""
        cells = self._cells[column]
        if not len(cells):
            return []
        rows = np.arange(0, len(cells), max(1, len(cells) // 2000))  # a sample is enough
        lens = np.fromiter((len(str(cells[i])) for i in rows), dtype=np.int64, count=len(rows))
        pick = rows[np.argsort(lens, kind="stable")[-n:]]
        if COLUMN_IDS[column] in STATUS_COLUMNS:
            status = self._status[COLUMN_IDS[column]]
            return [f"{palette.symbol(status[i])} {cells[i]}" for i in pick]
        return [str(cells[i]) for i in pick]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        i, c = int(self._rows[index.row()]), index.column()
        cid = COLUMN_IDS[c]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._cells[c][i]
            if cid in STATUS_COLUMNS:
                return f"{palette.symbol(self._status[cid][i])} {text}"
            if cid == "warnings" and not text:
                return ""  # a column of zeros hides the few rows that have warnings
            return "" if text is None else str(text)
        if role == Qt.ItemDataRole.ToolTipRole:
            if cid == "indicator":
                return f"{self._keys[i][0]}: {self._cells[c][i]}"
            if cid == "warnings":
                return "\n".join(self.warning_texts(self._keys[i])) or None
            return str(self._cells[c][i]) or None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if cid in STATUS_COLUMNS or cid == "gap":
                st = self._status["period_status" if cid == "gap" else cid][i]
                if role == Qt.ItemDataRole.ForegroundRole:
                    return palette.foreground(st)
                return None if cid == "gap" else palette.background(st)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and cid in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return self._keys[i]
        if role == STATUS_ROLE and cid in STATUS_COLUMNS:
            return self._status[cid][i]
        return None


def _swap_rows(frame: pd.DataFrame, at: np.ndarray, rows: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (positionally indexed) with the rows at positions ``at`` replaced by
    ``rows``, in order. One indicator's rows sit together in a scorecard, so this is most
    often three slices joined; else the old rows are dropped and the frame re-sorted."""
    rows = rows.reset_index(drop=True)
    if len(at) and at[-1] - at[0] + 1 == len(at):
        a, b = int(at[0]), int(at[-1]) + 1
        out = pd.concat([frame.iloc[:a], rows, frame.iloc[b:]], ignore_index=True)
    else:
        out = pd.concat([frame.drop(index=at), rows.set_axis(at)]).sort_index()
    return out.reset_index(drop=True)


def _worst_status(frame: pd.DataFrame) -> dict[str, str]:
    """Worst period status of each indicator in ``frame`` (scorecard rows)."""
    if frame.empty:
        return {}
    worst: dict[str, tuple[int, str]] = {}
    sev = palette.SEVERITY_OF_STATUS
    for code, st in zip(frame["indicator"].tolist(), frame["period_status"].tolist()):
        rank = sev.get(st, 0)
        if code not in worst or rank > worst[code][0]:
            worst[code] = (rank, st)
    return {code: st for code, (_rank, st) in worst.items()}
