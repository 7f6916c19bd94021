"""The meeting workbook: scorecard first, then charts, then the tidy ``Data`` sheet.

Written with openpyxl in write-only (streaming) mode: rows go to disk as they are made, so a
100,000-figure export stays within bounded memory, and the file appears only when complete
(written beside the target and renamed), so a cancelled, failed or killed export leaves nothing
behind. A text longer than an Excel cell holds (32,767 characters) is cut to fit, and says so
at its end (:func:`fit_cell`); re-importing the workbook keeps the whole text in the database.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from .. import asof, queries, status
from ..errors import EcoError
from ..i18n import tr
from ..periods import parse_period, period_label, period_ord
from ..store import Store
from . import Cancelled, never, no_progress
from .charts import write_chart_sheets
from .data_sheet import data_frame, quote_prefix_style, splice_rows, write_data_header
from .files import cannot_write, check_destination, check_folder, part_files, publish
from .headers import sheet_name
from .safety import EXCEL_CELL_CHARS
from .period_sheet import write_period_sheet
from .scorecard_sheet import as_of, texts, write_scorecard_sheet


@dataclass
class ExportOptions:
    """What to export: the same choices as ``ecotracker export`` and the export dialog."""

    category: str | None = None
    area: str | None = None
    period_from: str | None = None
    period_to: str | None = None
    lang: str = "en"
    as_of: str | None = None  # review as of this period (core.asof): later figures left out


@dataclass
class Snapshot:
    indicators: pd.DataFrame
    categories: pd.DataFrame
    areas: pd.DataFrame
    sources: pd.DataFrame
    figures: pd.DataFrame
    targets: pd.DataFrame
    filters: str
    comments: pd.DataFrame | None = None  # one row per figure key (core.comments.joined)
    pending: set | None = None  # (area, period) not approved yet
    periods: list | None = None  # the Periods sheet's tables: (period, completeness table)
    as_of: str | None = None


@dataclass
class ExportResult:
    path: Path
    figures: int
    rows: int
    charts: int


def gather(conn, opts: ExportOptions) -> Snapshot:
    """Read what the export needs, applying the filters (names or codes are accepted)."""
    ind = queries.indicators(conn)
    cats = queries.categories(conn)
    areas = queries.areas(conn)
    t = texts(opts.lang)
    parts = []
    if opts.category:
        code = queries.resolve_category(conn, opts.category)
        ind = ind[ind["category"] == code]
        parts.append(f"{t['category']} {code}")
    area_codes = None
    if opts.area:
        area_codes = [queries.resolve_area(conn, opts.area)]
        parts.append(f"{t['area']} {area_codes[0]}")
    lo = period_ord(parse_period(opts.period_from)) if opts.period_from else None
    hi = period_ord(parse_period(opts.period_to)) if opts.period_to else None
    if opts.period_from:
        parts.append(f"{t['from']} {period_label(opts.period_from, opts.lang)}")
    if opts.period_to:
        parts.append(f"{t['to']} {period_label(opts.period_to, opts.lang)}")
    if lo is not None and hi is not None and lo > hi:
        raise EcoError(tr("--from {first} is after --to {last}", first=opts.period_from,
                          last=opts.period_to))
    when = parse_period(opts.as_of).code if opts.as_of else None
    codes = ind["code"].tolist()
    figs = _figures(conn, indicators=codes if opts.category else None, areas=area_codes,
                    period_from=lo, period_to=hi)
    if when:  # what was known at its end: the scorecard, the charts and the Data sheet
        figs = asof.known_at(figs, when).reset_index(drop=True)
    tg = queries.targets(conn, indicators=codes if opts.category else None)
    if area_codes is not None:
        tg = tg[tg["area"].isin(area_codes)]
    # Targets are not cut to the period range: a deadline ahead still belongs on the scorecard.
    snap = Snapshot(ind, cats, areas, queries.sources(conn), figs, tg,
                    "; ".join(parts) or t["none"], as_of=when)
    review(conn, snap)
    return snap


def review(conn, snap: Snapshot) -> None:
    """The review's part of the snapshot: comments, the half-years not approved, and the
    Periods sheet's tables (the newest period of the figures and every period with a state)."""
    from .. import approval, comments, completeness

    snap.comments = comments.joined(comments.of_indicators(conn))
    snap.pending = completeness.not_approved(conn)
    figs = snap.figures
    wanted = set(approval.states(conn)["period"])
    if len(figs):
        wanted.add(figs.loc[figs["period_ord"].idxmax(), "period"])
    order = sorted(wanted, key=period_ord, reverse=True)
    snap.periods = [(p, completeness.read(conn, p)) for p in order]


# The mark a cut text ends with, in the workbook's language; the importer knows both.
CUT_MARK = {"en": " … [cut to fit an Excel cell: {n} characters in EcoTracker]",
            "zh_CN": " ……〔为适应 Excel 单元格已截断：EcoTracker 中共 {n} 字〕"}
_CUT = re.compile(r" (?:… \[cut to fit an Excel cell: [0-9,]+ characters in EcoTracker\]"
                  r"|……〔为适应 Excel 单元格已截断：EcoTracker 中共 [0-9,]+ 字〕)$")


def fit_cell(text: str, lang: str = "en") -> str:
    """``text`` as it fits an Excel cell: whole, or cut with a mark saying how long it is.

    Excel refuses to open (or "repairs", dropping the sheet's data) a workbook with a cell
    longer than 32,767 characters, so such a text is cut rather than the export refused.
    """
    if len(text) <= EXCEL_CELL_CHARS:
        return text
    mark = CUT_MARK["zh_CN" if lang.startswith("zh") else "en"].format(n=f"{len(text):,}")
    return text[:EXCEL_CELL_CHARS - len(mark)] + mark


def was_cut(text: object) -> bool:
    """True for a text :func:`fit_cell` cut (it ends with the mark, in either language)."""
    return isinstance(text, str) and len(text) >= EXCEL_CELL_CHARS - 80 and bool(
        _CUT.search(text))


def _fit_cells(frame: pd.DataFrame, lang: str) -> None:
    """Cut, in place, every text of ``frame`` longer than a cell holds."""
    for f in frame.columns:
        try:
            long = (frame[f].str.len() > EXCEL_CELL_CHARS).to_numpy()
        except AttributeError:  # no text in the column
            continue
        if long.any():
            col = frame[f].to_numpy(object).copy()
            col[long] = [fit_cell(v, lang) for v in col[long]]
            frame[f] = col


FIGURE_COLUMNS = ("id", "indicator", "area", "period", "period_ord", "value", "qualifier",
                  "status", "derived", "note", "source", "source_ref", "version", "followup")


def _figures(conn, *, indicators=None, areas=None, period_from=None, period_to=None,
             chunk: int = 20_000) -> pd.DataFrame:
    """The figures :func:`core.queries.figures` returns, without bookkeeping columns, read in
    chunks with repeated strings shared: the database driver makes a new string object for
    every cell, which at 100,000 figures is most of an export's memory."""
    stmt = queries.figures_select(FIGURE_COLUMNS, indicators=indicators, areas=areas,
                                  period_from=period_from, period_to=period_to)
    shared: dict = {}
    cols: list[list] = [[] for _ in FIGURE_COLUMNS]
    for part in conn.execute(stmt).partitions(chunk):
        for i, values in enumerate(zip(*part)):
            if FIGURE_COLUMNS[i] in ("id", "value", "period_ord", "version", "derived",
                                     "followup"):
                cols[i].extend(values)
            else:
                cols[i].extend(shared.setdefault(v, v) for v in values)
    df = pd.DataFrame({c: pd.Series(v, dtype=object if c not in (
        "id", "value", "period_ord", "version") else None) for c, v in zip(FIGURE_COLUMNS, cols)})
    if df.empty:
        return queries.figures(conn).iloc[0:0].drop(
            columns=["derivation", "entered_by", "entered_at"])
    df["value"] = df["value"].astype(float)
    df["derived"] = df["derived"].astype(bool)
    df["followup"] = df["followup"].astype(bool)
    return df


def _discard(wb: Workbook) -> None:
    """Close the sheets of a write-only workbook that will not be saved, and remove their
    temporary files.

    Each sheet streams its XML into a temporary file through open generators. Left to the
    garbage collector, they are finalised after their file is closed and report "I/O
    operation on closed file"; their files stay until the program ends.
    """
    for ws in wb.worksheets:
        rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
        try:
            if rows is not None:
                rows.close()  # ends the sheet's rows, while its file is still open
            if writer is not None:
                writer.close()  # ends the sheet and closes its file
                writer.cleanup()  # removes the file
        except (OSError, ValueError):  # already saved or removed: nothing left to do
            pass


def export_workbook(store: Store, out: str | Path, opts: ExportOptions | None = None, *,
                    force: bool = False, progress=no_progress,
                    cancelled=never) -> ExportResult:
    """Write the meeting workbook to ``out``.

    Raises
    ------
    Cancelled
        If ``cancelled()`` turned true; no file is left behind.
    EcoError
        For unknown filters, a folder that does not exist (it is not created), a file that
        cannot be written, and a destination that must not be replaced (the database, its
        companions, anything not a regular file, and without ``force`` an existing file that
        is not a workbook: :func:`core.excel.files.check_destination`).
    """
    opts = opts or ExportOptions()
    check_destination(out, database=store.sqlite_path, force=force)
    with store.read() as conn:
        snap = gather(conn, opts)
    return write_workbook(snap, out, opts.lang, progress=progress, cancelled=cancelled)


def write_workbook(snap: Snapshot, out: str | Path, lang: str = "en", *, progress=no_progress,
                   cancelled=never) -> ExportResult:
    out = Path(out)
    check_folder(out)
    n = len(snap.figures)
    total = n + 2
    progress(0, total)
    sc = status.scorecard(
        snap.indicators, snap.figures, snap.targets, area_rank=queries.area_rank(snap.areas),
        areas=snap.areas, as_of=snap.as_of) if n or len(snap.targets) else pd.DataFrame(
        columns=["latest_period"])
    frame = data_frame(snap.figures, snap.indicators, snap.areas, snap.sources, lang,
                       comments=snap.comments, pending=snap.pending)
    _fit_cells(frame, lang)
    if cancelled():
        raise Cancelled(tr("the export was cancelled; nothing was written"))
    wb = Workbook(write_only=True)
    try:
        score_ws = wb.create_sheet(sheet_name("scorecard", lang))
        charts_ws = wb.create_sheet(sheet_name("charts", lang))
        map_ws = wb.create_sheet(sheet_name("map", lang))
        data_ws = wb.create_sheet(sheet_name("data", lang))
        chart_data_ws = wb.create_sheet(sheet_name("chart_data", lang))
        generated = datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M %Z")
        write_scorecard_sheet(score_ws, sc, snap.categories, snap.areas, lang,
                              as_of=period_label(snap.as_of, lang) if snap.as_of
                              else as_of(sc, lang), filters=snap.filters, generated=generated,
                              pending=snap.pending)
        if snap.periods is not None:
            write_period_sheet(wb.create_sheet(sheet_name("periods", lang)), snap.periods,
                               snap.areas, lang)
        charts = write_chart_sheets(charts_ws, chart_data_ws, snap.figures, snap.targets,
                                    snap.indicators, snap.areas, lang)
        from .map_sheet import write_map_sheet  # the districts, as the Map tab draws them

        write_map_sheet(map_ws, sc, snap.indicators, snap.areas, lang)
        progress(1, total)
        snap.figures = snap.figures.iloc[0:0]  # the frame has what the Data rows need
        write_data_header(data_ws, frame, lang)
        quote = quote_prefix_style(wb)
        member = f"xl/worksheets/sheet{wb.worksheets.index(data_ws) + 1}.xml"
        wb.properties.title = texts(lang)["title"]
        wb.properties.creator = "EcoTracker"
        if cancelled():
            raise Cancelled(tr("the export was cancelled; nothing was written"))
    except BaseException:
        _discard(wb)
        raise
    try:
        with part_files(out, 2) as (tmp, tmp2):
            wb.save(tmp)
            splice_rows(tmp, tmp2, member, frame, quote, progress=progress, cancelled=cancelled,
                        offset=1, total=total)
            publish(tmp2, out)
    except BaseException as exc:
        _discard(wb)  # not saved (the folder went away, say): remove the sheets' files
        if isinstance(exc, OSError):
            raise cannot_write(out, exc) from None
        raise
    progress(total, total)
    return ExportResult(out, n, len(frame), charts)
