"""Import figures from a workbook: read, validate every row, preview, then apply at once.

:func:`read_import` never writes: it returns a :class:`Preview` whose ``plan`` says what would
be new, what would change (old -> new) and how many are unchanged, with every problem and its
sheet, row and column. :func:`apply_import` writes a clean plan in one transaction through
:func:`core.loader.apply_plan` (each change-log row names the file), after copying a SQLite
database aside. A PostgreSQL server's own backups are relied on.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import queries, write
from ..backups import made_for
from ..entities import SOURCE
from ..errors import ConflictError
from ..i18n import tr
from ..names import area_keys, normalize
from ..loader import KEY, Plan, apply_plan, plan_figures
from ..periods import is_period, parse_period
from ..rules import blank as blank_cells
from ..problems import InputError
from ..store import Store
from ..values import format_value
from . import Cancelled, named_sources, never, no_progress
from .headers import status_code
from .export import was_cut
from .reader import read_table
from .safety import EXCEL_CELL_CHARS, check_workbook

WHY = "import"
PLAN_FIELDS = ("indicator", "area", "period", "value", "qualifier", "status", "note", "source",
               "source_ref", "followup", "comment", "version", "_row", "source_text")
TEXT_FIELDS = ("indicator", "area", "period", "qualifier", "status", "note", "source",
               "source_ref", "followup", "comment")


@dataclass
class Preview:
    """What importing a workbook would do."""

    path: Path
    sheet: str
    kind: str
    rows: int
    plan: Plan
    new_sources: tuple = ()  # sources the Source column names that are not yet in the database

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def ok(self) -> bool:
        return self.plan.ok

    @property
    def counts(self) -> dict[str, int]:
        p = self.plan
        return {"new": len(p.new), "changed": len(p.changed), "unchanged": p.unchanged,
                "problems": len(p.problems)}

    @property
    def nothing_to_do(self) -> bool:
        comments = self.plan.comments
        return (not len(self.plan.new) and not len(self.plan.changed)
                and (comments is None or not len(comments)))

    def changes(self, indicators: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
        """New and changed figures as text: indicator, area, period, old, new."""
        ind = indicators.set_index("code")
        out = []
        for df, what in ((self.plan.changed, "changed"), (self.plan.new, "new")):
            if df.empty:
                continue
            kinds, decs = df["indicator"].map(ind["value_kind"]), df["indicator"].map(ind["decimals"])
            old = df["old_value"] if "old_value" in df else pd.Series(np.nan, index=df.index)
            fmt = lambda s: [format_value(v, k, int(d), lang=lang)  # noqa: E731
                             for v, k, d in zip(s, kinds, decs)]
            out.append(pd.DataFrame({"change": what, "indicator": df["indicator"],
                                     "area": df["area"], "period": df["period"],
                                     "old": fmt(old), "new": fmt(df["value"])}))
        cols = ["change", "indicator", "area", "period", "old", "new"]
        return pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=cols)

    def summary(self) -> str:
        c = self.counts
        text = tr("{file}, sheet {sheet}: {rows} rows; {new} new, {changed} changed, "
                  "{unchanged} unchanged, {problems} problems", file=self.file,
                  sheet=self.sheet, rows=self.rows, new=c["new"], changed=c["changed"],
                  unchanged=c["unchanged"], problems=c["problems"])
        if not self.new_sources:
            return text  # a core.i18n.Text: its English beside it
        return "\n".join([text, *self.new_source_lines()])

    def new_source_lines(self) -> list[str]:
        """One line per source the import will create."""
        return [tr("new source: {title}", title=s["title"]) for s in self.new_sources]


def _as_text(s: pd.Series) -> pd.Series:
    """Cells as text: a number typed into a text column (2024, 4.0) reads as ``2024``, ``4``."""
    def one(v):
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return str(v)
        return v
    arr = s.to_numpy(object)
    if pd.api.types.infer_dtype(arr, skipna=False) in ("string", "empty"):
        return s  # all text: the usual case, checked in C
    other = np.fromiter((type(v) is not str for v in arr), dtype=bool, count=len(arr))
    arr = arr.copy()
    arr[other] = [one(v) for v in arr[other]]
    return pd.Series(arr, index=s.index, dtype=object)


def _per_string(s: pd.Series, fn) -> pd.Series:
    """``fn`` applied once per distinct text value; other cells as they are."""
    arr = s.to_numpy(object)
    if pd.api.types.infer_dtype(arr, skipna=False) in ("string", "empty"):
        is_str = np.ones(len(arr), dtype=bool)
    else:
        is_str = np.fromiter((type(v) is str for v in arr), dtype=bool, count=len(arr))
    codes, uniques = pd.factorize(arr[is_str])
    mapped = np.empty(len(uniques), dtype=object)
    mapped[:] = [fn(u) for u in uniques]
    out = arr.copy()
    out[is_str] = mapped[codes]
    return pd.Series(out, index=s.index, dtype=object)


def _keep_existing(conn, df: pd.DataFrame, fields=("note", "qualifier"),
                   rows: pd.Series | None = None) -> pd.DataFrame:
    """Entry workbooks: a blank note or qualifier keeps what the database has. With ``rows``:
    those rows of ``fields`` keep what the database has, whatever they hold."""
    look = area_keys(queries.areas(conn))  # the one area resolver: 沙坪坝 is shapingba
    code = df["area"].map(lambda v: look.get(normalize(v).lower()))
    figs = queries.figures(conn, indicators=df["indicator"].astype(str).str.strip().unique())
    key = figs.set_index(["indicator", "area", "period"])
    # a period as the rules read it (2025年上半年 is 2025H1, as a Chinese entry workbook has it)
    period = df["period"].astype(str).str.strip()
    codes = {p: (parse_period(p).code if is_period(p) else p.upper()) for p in period.unique()}
    idx = pd.MultiIndex.from_arrays([df["indicator"].astype(str).str.strip(), code,
                                     period.map(codes)])
    for f in fields:
        if f in df and len(key):
            have = pd.Series(key[f].reindex(idx).to_numpy(), index=df.index)
            blank = (df[f].astype(str).str.strip() == "") if rows is None else rows
            df[f] = df[f].where(~blank | have.isna(), have)
    return df


def _cut_notes(df: pd.DataFrame) -> np.ndarray | None:
    """Rows whose note the export cut to fit an Excel cell (:func:`.export.fit_cell`)."""
    if "note" not in df or not len(df):
        return None
    try:
        long = (df["note"].str.len() >= EXCEL_CELL_CHARS - 100).to_numpy()
    except AttributeError:  # no text at all
        return None
    if not long.any():
        return None
    cut = long.copy()
    cut[long] = [was_cut(v) for v in df["note"].to_numpy(object)[long]]
    return cut if cut.any() else None


def read_import(store: Store, path: str | Path, *, progress=no_progress,
                cancelled=never) -> Preview:
    """Read a workbook and plan the import; writes nothing.

    Raises
    ------
    UnsafeFileError
        For files refused before parsing (see :mod:`core.excel.safety`).
    EcoError
        If no sheet holds figures. Row problems are not raised: they are in ``plan.problems``.
    """
    path = Path(path)
    progress(0, 3)
    check_workbook(path)
    if cancelled():
        raise Cancelled(tr("the import was cancelled; nothing was written"))
    table = read_table(path, cancelled=cancelled)
    progress(1, 3)
    if cancelled():
        raise Cancelled(tr("the import was cancelled; nothing was written"))
    df = table.frame
    for f in TEXT_FIELDS:
        if f in df:
            df[f] = _as_text(df[f])
    if "status" in df:
        df["status"] = _per_string(df["status"], status_code)
    # A row with nothing in its key and value is padding, not data.
    blank = np.ones(len(df), dtype=bool)
    for f in ("indicator", "area", "period", "value"):
        blank &= blank_cells(df[f])
    if table.kind == "entry":
        blank |= blank_cells(df["value"])
    if blank.any():
        df = df[~blank]
    cols = [c for c in PLAN_FIELDS if c in df]
    df = df[cols]
    cut = _cut_notes(df)
    with store.read() as conn:
        if cut is not None:  # a note the export cut to fit its cell keeps the whole one
            df = _keep_existing(conn, df.copy(), ("note",), pd.Series(cut, index=df.index))
        new_sources, named = (), []
        if table.kind == "entry" and len(df):  # (a blank follow-up cell keeps the mark)
            df, new_sources, named = named_sources.resolve(
                conn, df, file=path.name, sheet=table.sheet,
                heading=table.headings.get(named_sources.COLUMN, ""))
            keep = ("note", "qualifier", "followup", *(("source",) if "source" in df else ()))
            df = _keep_existing(conn, df.copy(), keep)
        df = df.drop(columns=[named_sources.COLUMN], errors="ignore")
        plan = plan_figures(conn, df, file=path.name, sheet=table.sheet,
                            columns=table.headings,
                            new_sources=tuple(s["id"] for s in new_sources))
    plan.problems[:0] = named
    progress(3, 3)
    return Preview(path, table.sheet, table.kind, int(len(df)), plan, tuple(new_sources))


@dataclass
class Applied:
    created: int
    updated: int
    unchanged: int
    backup: Path | None


def _added_since(store: Store, plan: Plan) -> bool:
    """True if one of the figures ``plan`` would create is in the database now: another desk
    added it between the preview and the write."""
    new = plan.new
    if new.empty:
        return False
    with store.read() as conn:
        have = queries.figures(conn, indicators=pd.unique(new["indicator"]).tolist())
    if have.empty:
        return False
    return bool(new[KEY].merge(have[KEY], on=KEY).shape[0])


def apply_import(store: Store, preview: Preview, *, progress=no_progress,
                 cancelled=never, reason: str = "") -> Applied:
    """Write a previewed import in one transaction (all or nothing).

    Raises
    ------
    InputError
        If the preview has problems (nothing is written).
    StaleEditError
        If someone changed one of the figures since the preview.
    ConflictError
        If someone added one of the new figures since the preview (nothing is written).
    """
    if not preview.ok:
        raise InputError(preview.plan.problems)
    if preview.nothing_to_do:
        return Applied(0, 0, preview.plan.unchanged, None)
    progress(0, 2)
    if cancelled():
        raise Cancelled(tr("the import was cancelled; nothing was written"))
    progress(1, 2)
    try:
        with store.write("import", backup=True) as conn:  # checked and copied under the lock
            backup = made_for(conn)
            if preview.new_sources:  # named in the Source column: made once, first
                write.commit(conn, SOURCE, new=pd.DataFrame(list(preview.new_sources)),
                             who=store.user, why=WHY, origin=preview.file)
            counts = apply_plan(conn, preview.plan, who=store.user, why=WHY,
                                origin=preview.file, reason=reason)
    except ConflictError:  # the database refused a row; the transaction is rolled back
        if not _added_since(store, preview.plan):
            raise
        raise ConflictError(tr("someone added some of these figures since the preview; "
                               "nothing was written: preview the import again")) from None
    progress(2, 2)
    return Applied(counts["created"], counts["updated"], counts["unchanged"], backup)
