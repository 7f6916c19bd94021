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

from core import coherence, present, queries, status
from core.periods import shown

from . import palette
from .snapshot import COLUMN_IDS, COLUMNS, NUMERIC, STATUS_COLUMNS, Snapshot

__all__ = ["COLUMNS", "COLUMN_IDS", "KEY_ROLE", "NUMERIC", "STATUS_COLUMNS", "STATUS_ROLE",
           "ScorecardModel", "column"]

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (indicator code, area code)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # status code of a status cell
WARNING_MARK = "⚠"  # in the Actual cell of a row with coherence warnings
FOLLOW_UP_MARK = "⚑"  # in the Actual cell of a row with a figure marked for follow-up
PENDING_MARK = "*"  # after the period of a figure whose half-year is not approved yet


def column(cid: str) -> int:
    """Position of the column ``cid`` (``"period_status"``, ``"gap"`` ...)."""
    return COLUMN_IDS.index(cid)


class ScorecardModel(QAbstractTableModel):
    """Rows: indicator x area. ``set_frame`` swaps in a new snapshot."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._snap = Snapshot.empty()
        self._rows = np.zeros(0, dtype=np.int64)  # visible rows, in display order
        self._filter: dict[str, str | None] = {"category": None, "area": None, "status": None}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # (indicator, area) -> [(period, check, params)]: coherence warnings, made into text
        # in the current language only when a tooltip asks
        self._warn: dict[tuple[str, str], list[tuple]] = {}
        # review marks (core.completeness.review_marks): (indicator, area) with a figure
        # needing follow-up; (area, period) not approved yet
        self._followed: set[tuple[str, str]] = set()
        self._pending: set[tuple[str, str]] | None = None  # None: not read yet, no marks

    @property
    def lang(self) -> str:
        return self._snap.lang

    @lang.setter
    def lang(self, lang: str) -> None:
        self._snap.in_language(lang, self._snap.areas)

    # headers -----------------------------------------------------------------------------
    def _headers(self) -> list[str]:
        return [self.tr("Indicator"), self.tr("Area"), self.tr("Period"), self.tr("Actual"),
                self.tr("Target"), self.tr("Gap"), self.tr("Status"), self.tr("Course"),
                self.tr("A year earlier"), self.tr("Change"), self.tr("Unit"),
                self.tr("Target period"), self.tr("Marks"), self.tr("Warnings")]

    def _header_tips(self) -> list[str]:
        return [self.tr("Indicator (the code is in the cell's tooltip)"), self.tr("Area"),
                self.tr("Period of the latest figure"),
                self.tr("The figure of the period shown (or the latest before it); ⚠ marks "
                        "one with coherence warnings (its tooltip says which), ◌ a "
                        "provisional figure, ≈ a derived one, ↶ one of an older period"),
                self.tr("The target that applies to the latest period"),
                self.tr("Actual minus target, in the indicator's unit. Sorting orders the "
                        "rows by the gap as a share of the target, so that indicators in "
                        "different units compare"),
                self.tr("Status this period: met, close, missed"),
                self.tr("Course to the target's deadline: on track, needs acceleration, "
                        "limited progress, deterioration"),
                self.tr("The figure of the same period a year earlier, with its period"),
                self.tr("Change since the same period a year earlier"),
                self.tr("Unit"), self.tr("Period or deadline of the target"),
                self.tr("Provisional, derived, or of an older period than the one "
                        "reviewed"),
                self.tr("Coherence warnings (a cumulative count that falls, a share over "
                        "100 ...)")]

    def retranslate(self, lang: str, areas: pd.DataFrame) -> None:
        """Show every cell in ``lang`` (names, class values, status words)."""
        self.layoutAboutToBeChanged.emit()
        self._snap.in_language(lang, areas)
        self._apply_sort()
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    # snapshot ----------------------------------------------------------------------------
    @property
    def frame(self) -> pd.DataFrame:
        return self._snap.raw

    def set_frame(self, frame: pd.DataFrame, areas: pd.DataFrame, lang: str,
                  tables: dict[str, pd.DataFrame] | None = None) -> None:
        """Swap in a whole new scorecard (a full reload): a model reset.

        ``tables`` are the scorecard already formatted per language
        (``core.present.scorecard_table``, made by the worker): a language switch then only
        swaps arrays instead of formatting thousands of cells on the GUI thread.
        """
        self.beginResetModel()
        self._snap = Snapshot(frame, areas, lang, tables)
        self._select_rows()
        self.endResetModel()

    def rows_for(self, code: str) -> pd.DataFrame:
        """The scorecard rows of indicator ``code`` (none if it has none)."""
        return self._snap.rows_for(code)

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
        snap = self._snap
        rows = rows.reset_index(drop=True)
        if not snap.same_places(code, rows):
            rest = snap.raw[snap.raw["indicator"] != code]
            merged = pd.concat([rest, rows], ignore_index=True) if len(rest) else rows
            merged = status.in_scorecard_order(merged, order, queries.area_rank(snap.areas))
            self.set_frame(merged, snap.areas, snap.lang)
            return True
        at = snap.patch(code, rows, tables)
        changed = np.flatnonzero(np.isin(self._rows, at))
        if len(changed):
            self.dataChanged.emit(self.index(int(changed.min()), 0),
                                  self.index(int(changed.max()), len(COLUMNS) - 1))
        return False

    def set_review(self, followed: set, pending: set) -> None:
        """Take the review marks; the follow-up filter, if chosen, is applied again (a
        reset), else only the cells that show marks are repainted (the selection stays)."""
        followed, pending = set(followed), set(pending)
        if followed == self._followed and pending == self._pending:
            return
        if self._filter["status"] == "followup":
            self.beginResetModel()
            self._followed, self._pending = followed, pending
            self._select_rows()
            self.endResetModel()
            return
        self._followed, self._pending = followed, pending
        if len(self._rows):
            for cid in ("latest_period", "latest"):
                c = column(cid)
                self.dataChanged.emit(self.index(0, c), self.index(len(self._rows) - 1, c))

    def has_pending(self) -> bool:
        """Whether a row shown is of a half-year not approved yet."""
        return bool(self._pending) and any(self.pending(int(i)) for i in self._rows[:5000])

    def needs_follow_up(self, i: int) -> bool:
        return self._snap.keys[i] in self._followed

    def pending(self, i: int) -> bool:
        """Whether row ``i``'s latest figure is of a half-year not approved yet."""
        if self._pending is None:
            return False
        period = self._snap.raw["latest_period"].iat[i]
        return isinstance(period, str) and (self._snap.keys[i][1], period) in self._pending

    def shown_status_counts(self) -> dict[str, int]:
        """Period status -> how many of the rows the filter lets through have it."""
        if not len(self._rows):
            return {}
        shown = self._snap.status["period_status"][self._rows]
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
        raw = self._snap.raw
        n = len(raw)
        mask = np.ones(n, dtype=bool)
        f = self._filter
        if n and f["category"]:
            mask &= (raw["category"] == f["category"]).to_numpy()
        if n and f["area"]:
            mask &= (raw["area"] == f["area"]).to_numpy()
        if n and f["status"] == "followup":
            mask &= np.fromiter((k in self._followed for k in self._snap.keys), dtype=bool,
                                count=n)
        elif n and f["status"]:
            wanted = {"attention": ("missed", "close")}.get(f["status"], (f["status"],))
            mask &= raw["period_status"].isin(wanted).to_numpy()
        self._rows = np.flatnonzero(mask)
        self._apply_sort()

    def _apply_sort(self) -> None:
        if self._sort is None or not len(self._rows):
            return
        column, order = self._sort
        key = self._snap.sort_key(column).iloc[self._rows]
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
        return self._snap.keys[int(self._rows[row])]

    def row_of(self, key: tuple[str, str]) -> int:
        try:
            i = self._snap.keys.index(tuple(key))
        except ValueError:
            return -1
        hit = np.flatnonzero(self._rows == i)
        return int(hit[0]) if len(hit) else -1

    def indicator_status(self) -> dict[str, str]:
        """Worst period status of each indicator across its areas (for the tree's marks)."""
        return dict(self._snap.worst())

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

    def _detail(self, i: int, fn) -> str:
        """``fn(row, lang)`` of row ``i``'s scorecard row (core.present): a tooltip's
        details, read from the row only when a tooltip is asked for."""
        raw = self._snap.raw
        return fn(raw.iloc[i].to_dict(), self._snap.lang) if i < len(raw) else ""

    def longest_texts(self, column: int, n: int = 24) -> list[str]:
        """The ``n`` longest texts column ``column`` shows (to size it without Qt asking
        every row for every role)."""
        snap = self._snap
        cells = snap.cells[column]
        if not len(cells):
            return []
        rows = np.arange(0, len(cells), max(1, len(cells) // 2000))  # a sample is enough
        lens = np.fromiter((len(str(cells[i])) for i in rows), dtype=np.int64, count=len(rows))
        pick = rows[np.argsort(lens, kind="stable")[-n:]]
        cid = COLUMN_IDS[column]
        if cid in STATUS_COLUMNS:
            codes = snap.status[cid]
            return [f"{palette.symbol(codes[i])} {cells[i]}" for i in pick]
        if cid == "latest":  # as shown, with the mark of a row that has warnings
            return [self._latest_text(i) for i in pick]
        return [str(cells[i]) for i in pick]

    def _latest_text(self, i: int) -> str:
        text = self._snap.cells[column("latest")][i]
        text = "" if text is None else str(text)
        mark = self._snap.marks[i] if i < len(self._snap.marks) else ""
        if mark:
            text = f"{text} {mark}"
        if self.needs_follow_up(i):
            text = f"{FOLLOW_UP_MARK} {text}"
        return f"{WARNING_MARK} {text}" if self._snap.warnings[i] else text

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        snap = self._snap
        i, c = int(self._rows[index.row()]), index.column()
        cid = COLUMN_IDS[c]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = snap.cells[c][i]
            if cid in STATUS_COLUMNS:
                return f"{palette.symbol(snap.status[cid][i])} {text}"
            if cid == "latest":
                return self._latest_text(i)
            if cid == "warnings" and not text:
                return ""  # a column of zeros hides the few rows that have warnings
            if cid == "latest_period" and text and self.pending(i):
                return f"{text} {PENDING_MARK}"
            return "" if text is None else str(text)
        if role == Qt.ItemDataRole.ToolTipRole:
            if cid == "indicator":
                return f"{snap.keys[i][0]}: {snap.cells[c][i]}"
            if cid == "latest_period" and self.pending(i):
                return self.tr("%1: not approved yet").replace("%1", str(snap.cells[c][i]))
            if cid == "latest" and self.needs_follow_up(i) and not snap.warnings[i]:
                return self.tr("%1 (a figure needs follow-up)").replace(
                    "%1", str(snap.cells[c][i]))
            if cid == "warnings" or (cid == "latest" and snap.warnings[i]):
                # the Actual cell's mark is in view at the window's default size, the
                # Warnings column (a detail, sortable) most often is not
                lines = self.warning_texts(snap.keys[i])
                if cid == "latest":
                    lines = [str(snap.cells[c][i]), ""] + lines
                    lines += [t for t in (self._detail(i, present.from_children_text),) if t]
                return "\n".join(lines) or None
            extra = {"target": present.target_provenance, "period_status":
                     present.indicative_reason, "latest": present.from_children_text}.get(cid)
            detail = self._detail(i, extra) if extra is not None else ""
            text = str(snap.cells[c][i])
            return "\n".join(t for t in (text, detail) if t) or None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if cid in STATUS_COLUMNS or cid == "gap":
                st = snap.status["period_status" if cid == "gap" else cid][i]
                if role == Qt.ItemDataRole.ForegroundRole:
                    return palette.foreground(st)
                return None if cid == "gap" else palette.background(st)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and cid in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return snap.keys[i]
        if role == STATUS_ROLE and cid in STATUS_COLUMNS:
            return snap.status[cid][i]
        return None
