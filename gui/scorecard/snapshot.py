"""One scorecard as the table model shows it: the rows and, position for position, what the
model reads of them.

The model used to keep six caches beside the rows (cells per column, keys, status codes, sort
keys, rows per indicator, worst status per indicator), each rebuilt or patched in its own
place; one missed update and a cell showed another row's value. Here they are one object:
made whole from a frame (:class:`Snapshot`), switched to another language as a whole
(:meth:`Snapshot.in_language`), or patched as a whole when one indicator's rows change in
place (:meth:`Snapshot.patch`). Two of them are made on first use and dropped on a patch.

Why cached at all: the model's ``data()`` is called for every visible cell on every paint,
and reading a pandas cell costs ~5 us against ~0.1 us for a numpy or list element.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core import present

from . import palette

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
    ("previous", "previous_shown", "prev_value"),  # the same period a year earlier
    ("change", "change", "change_pct"),
    ("unit", "unit", "unit"),
    ("target_period", "target_period", "target_period"),
    ("marks", "marks", "marks"),  # provisional, derived, older (core.marks)
    ("warnings", "warnings", "warnings"),
)
COLUMN_IDS = tuple(c[0] for c in COLUMNS)
NUMERIC = {"latest", "target", "gap", "previous", "change", "warnings"}
STATUS_COLUMNS = {"period_status", "course_status"}


class Snapshot:
    """The scorecard rows (``core.status.scorecard``), their formatted twins per language
    (``core.present.scorecard_table``), and the arrays read by ``data()`` in one language."""

    def __init__(self, raw: pd.DataFrame, areas: pd.DataFrame, lang: str,
                 tables: dict[str, pd.DataFrame] | None = None):
        self.raw = raw.reset_index(drop=True)
        self.areas = areas
        self.tables = {k: v.reset_index(drop=True) for k, v in (tables or {}).items()
                       if len(v) == len(self.raw)}
        # plain lists: iterating pandas string arrays element by element costs ~5 us each
        self.keys: list[tuple[str, str]] = list(zip(
            self.raw["indicator"].to_numpy(object).tolist(),
            self.raw["area"].to_numpy(object).tolist())) if len(self.raw) else []
        self.status = {c: self._column(c) for c in STATUS_COLUMNS}
        self.warnings = (self.raw["warnings"].fillna(0).to_numpy(np.int64).copy()
                         if len(self.raw) and "warnings" in self.raw
                         else np.zeros(len(self.raw), dtype=np.int64))
        self._by_indicator: dict[str, np.ndarray] | None = None  # made on first use
        self._worst: dict[str, str] | None = None  # made on first use
        self.lang = lang
        self.cells: list[np.ndarray] = []
        self._show(lang)

    @classmethod
    def empty(cls, lang: str = "en") -> Snapshot:
        return cls(pd.DataFrame(columns=["indicator", "area"]),
                   pd.DataFrame(columns=["code", "name_en", "name_zh"]), lang)

    def __len__(self) -> int:
        return len(self.raw)

    def _column(self, name: str) -> np.ndarray:
        if not len(self.raw) or name not in self.raw:
            return np.full(len(self.raw), None, dtype=object)
        return self.raw[name].to_numpy(object).copy()

    # language --------------------------------------------------------------------------
    def table(self, lang: str) -> pd.DataFrame:
        """The rows formatted in ``lang`` (made here if the worker did not make them)."""
        fmt = self.tables.get(lang)
        if fmt is None:
            fmt = self.tables[lang] = present.scorecard_table(self.raw, self.areas, lang)
        return fmt

    def in_language(self, lang: str, areas: pd.DataFrame) -> None:
        """Show every cell in ``lang``; new ``areas`` (a name changed) void every table."""
        if areas is not self.areas:
            self.areas, self.tables = areas, {}
        self._show(lang)

    def _show(self, lang: str) -> None:
        self.lang = lang
        if not len(self.raw):
            self.cells = [np.zeros(0, dtype=object) for _ in COLUMNS]
            self.marks = np.zeros(0, dtype=object)
            return
        fmt = self.table(lang)
        # the symbols after a value (◌ provisional, ≈ derived, ↶ older): core.marks
        self.marks = (_texts(fmt["mark_symbols"]) if "mark_symbols" in fmt
                      else np.full(len(self.raw), "", dtype=object))
        # copies: pandas hands out read-only views, and a patch writes cells in place
        self.cells = [_texts(fmt[fcol]) for _c, fcol, _s in COLUMNS]

    # one indicator's rows, in place ------------------------------------------------------
    def positions(self, code: str) -> np.ndarray:
        """Positions of indicator ``code``'s rows (none if it has none)."""
        if self._by_indicator is None:
            self._by_indicator = (self.raw.groupby("indicator", sort=False).indices
                                  if len(self.raw) else {})
        return self._by_indicator.get(code, np.zeros(0, dtype=np.int64))

    def rows_for(self, code: str) -> pd.DataFrame:
        pos = self.positions(code)
        if not len(pos):
            return self.raw.iloc[0:0]
        if pos[-1] - pos[0] + 1 == len(pos):  # together, as the scorecard is sorted: a slice
            return self.raw.iloc[int(pos[0]):int(pos[-1]) + 1]
        return self.raw.iloc[pos]

    def same_places(self, code: str, rows: pd.DataFrame) -> bool:
        """Whether ``rows`` (indicator ``code``'s fresh rows) have the areas its rows have,
        in the same order, so that :meth:`patch` can put them in their places."""
        old = self.positions(code)
        return (len(old) == len(rows) and len(old) > 0 and
                self.raw["area"].iloc[old].tolist() == rows["area"].tolist())

    def patch(self, code: str, rows: pd.DataFrame,
              tables: dict[str, pd.DataFrame] | None = None) -> np.ndarray:
        """Put ``rows`` in the places of indicator ``code``'s rows (:meth:`same_places`
        holds); returns those positions."""
        at = self.positions(code)
        rows = rows.reset_index(drop=True)
        self.raw = _swap_rows(self.raw, at, rows)
        tables = tables or {}
        for lang in list(self.tables):
            new = tables.get(lang)
            if new is None:
                new = present.scorecard_table(rows, self.areas, lang)
            self.tables[lang] = _swap_rows(self.tables[lang], at, new)
        fmt = self.table(self.lang).iloc[at]
        for j, (_cid, fcol, _s) in enumerate(COLUMNS):
            self.cells[j][at] = _texts(fmt[fcol])
        if "mark_symbols" in fmt:
            self.marks[at] = _texts(fmt["mark_symbols"])
        for cid in STATUS_COLUMNS:
            self.status[cid][at] = rows[cid].to_numpy(object)
        if "warnings" in rows:
            self.warnings[at] = rows["warnings"].fillna(0).to_numpy(np.int64)
        self._by_indicator = None  # (same places: made again on first use, identical)
        if self._worst is not None:
            self._worst.update(_worst_status(rows))
        return at

    # derived ---------------------------------------------------------------------------
    def worst(self) -> dict[str, str]:
        """Worst period status of each indicator across its areas."""
        if self._worst is None:
            self._worst = _worst_status(self.raw)
        return self._worst

    def sort_key(self, column: int) -> pd.Series:
        cid, fcol, raw = COLUMNS[column]
        if cid in STATUS_COLUMNS:  # worst first when ascending
            return -self.raw[raw].map(palette.SEVERITY_OF_STATUS).fillna(0)
        if cid in NUMERIC:
            return pd.to_numeric(self.raw[raw], errors="coerce")
        if cid in ("latest_period", "target_period"):  # on dates, not on 2025年上半年's text
            return self.raw[raw].map(present.period_ords(self.raw[raw]))
        return self.table(self.lang)[fcol].astype(str).str.lower()  # the shown language


def _texts(col: pd.Series) -> np.ndarray:
    return col.astype(object).where(col.notna(), "").to_numpy(object, copy=True)


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
