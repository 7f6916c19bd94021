"""The entry grid's snapshot and its cells: a period's figures for many indicators and areas.

One row per indicator x area (indicators that take the period's type, in category order,
each with the chosen areas in the bureau's order), with the figure of the period where there
is one (what the grid's entry cells start from), and beside it the last figure before the
period, of the same period type (what a desk types the new one against).

:func:`check_cells` is the grid's and the figure table's check of cells typed or pasted:
every cell is read by the one rule set (:func:`core.rules.check_figures`), a refused cell
says why, and the rows left are what :class:`core.figure_block.PutFigures` writes. A cell
refused does not stop its neighbours: a row whose note is refused still gets its value.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlalchemy import Connection, and_, bindparam, func, select

from . import queries, rules, schema, suspicious
from .i18n import tr
from .paste import split_qualifier
from .periods import parse_period, period_ord

KEY = ["indicator", "area", "period"]
CELL_FIELDS = ("value", "qualifier", "status", "source", "note")
_CURRENT = ("id", "version", "value", "qualifier", "status", "source", "note", "derived")


def takes(indicators: pd.DataFrame, kind: str) -> np.ndarray:
    """Which indicators are reported by periods of ``kind`` (their ``period_types``)."""
    return np.array([kind in rules.period_types(r) for r in indicators.to_dict("records")],
                    dtype=bool)


def entry_frame(conn: Connection, period: str, *, indicators: pd.DataFrame,
                areas: pd.DataFrame, area_codes=None, categories=None,
                last: bool = True) -> pd.DataFrame:
    """The grid's rows for ``period`` (any spelling :func:`core.periods.parse_period` takes).

    ``indicators`` and ``areas`` are the reference frames (in their order); ``area_codes``
    and ``categories`` choose among them (None: all). Columns: the key, ``last_value``,
    ``last_period`` and the period's figure (``id``, ``version`` 0 where there is none,
    ``value`` NaN there, ``qualifier``, ``status``, ``source``, ``note``, ``derived``).
    Without ``last`` the last figures are left empty, for :func:`last_figures` to fill in
    (the window shows the rows first: on the bureau's database the last figures take
    longer to find than the period's own).
    """
    p = parse_period(period)
    ind = indicators[takes(indicators, p.kind)]
    if categories is not None:
        ind = ind[ind["category"].isin(list(categories))]
    ar = areas if area_codes is None else areas[areas["code"].isin(list(area_codes))]
    codes, acodes = ind["code"].tolist(), ar["code"].tolist()
    n_i, n_a = len(codes), len(acodes)
    frame = pd.DataFrame({"indicator": np.repeat(np.array(codes, dtype=object), n_a),
                          "area": np.tile(np.array(acodes, dtype=object), n_i),
                          "period": p.code})
    if not len(frame):
        return frame.assign(last_value=[], last_period=[], **{c: [] for c in _CURRENT})
    at = period_ord(p)
    now = _current(conn, p.code, codes, acodes)
    frame = frame.merge(now, on=["indicator", "area"], how="left")
    if last:
        frame = frame.merge(_last(conn, at, codes, acodes), on=["indicator", "area"],
                            how="left")
    else:
        frame = frame.assign(last_value=np.nan, last_period=None)
    frame["version"] = frame["version"].fillna(0).astype(np.int64)
    frame["id"] = frame["id"].astype(object).where(frame["id"].notna(), None)
    for c in ("qualifier", "note"):
        frame[c] = frame[c].fillna("")
    frame["status"] = frame["status"].fillna("final")
    frame["source"] = frame["source"].astype(object).where(frame["source"].notna(), None)
    frame["derived"] = frame["derived"].fillna(0).astype(bool)
    frame["value"] = frame["value"].astype(float)
    frame["last_value"] = frame["last_value"].astype(float)
    return frame


def last_figures(conn: Connection, period: str, codes: list, acodes: list) -> pd.DataFrame:
    """The last figure before ``period`` of its type per indicator and area (``indicator,
    area, last_value, last_period``)."""
    return _last(conn, period_ord(period), codes, acodes)


def _in(column, values: list):
    return column.in_(bindparam(column.name + "s", values, expanding=True))


def _current(conn, period: str, codes: list, acodes: list) -> pd.DataFrame:
    f = schema.figures
    stmt = select(f.c.indicator, f.c.area, *(f.c[c] for c in _CURRENT)).where(
        f.c.period == period, _in(f.c.indicator, codes), _in(f.c.area, acodes))
    return queries._frame(conn, stmt, ["indicator", "area", *_CURRENT])


def _last(conn, at: int, codes: list, acodes: list) -> pd.DataFrame:
    """The latest figure before ``at`` of the same period type, per indicator and area (the
    type is the last digit of ``period_ord``). SQLite takes the other columns of a MAX()
    group from the row holding the maximum, which spares the join back to the figures that
    other databases need (half the time on the bureau's database)."""
    f = schema.figures
    where = (f.c.period_ord < at, f.c.period_ord % 10 == at % 10, _in(f.c.indicator, codes),
             _in(f.c.area, acodes))
    cols = ["indicator", "area", "last_value", "last_period"]
    if conn.dialect.name == "sqlite":
        stmt = (select(f.c.indicator, f.c.area, f.c.value, f.c.period,
                       func.max(f.c.period_ord)).where(*where)
                .group_by(f.c.indicator, f.c.area))
        return queries._frame(conn, stmt, [*cols, "_ord"]).drop(columns="_ord")
    latest = (select(f.c.indicator, f.c.area, func.max(f.c.period_ord).label("m"))
              .where(*where).group_by(f.c.indicator, f.c.area).subquery())
    stmt = select(f.c.indicator, f.c.area, f.c.value, f.c.period).join(
        latest, and_(f.c.indicator == latest.c.indicator, f.c.area == latest.c.area,
                     f.c.period_ord == latest.c.m))
    return queries._frame(conn, stmt, cols)


# ---------------------------------------------------------------------------------------
# cells typed or pasted


@dataclass
class Cells:
    """What checking cells gave: the rows to write, the refused cells, the warnings.

    ``put`` holds one row per grid row that changes (key, ``version`` and the fields that
    changed, as the rules made them); ``refused`` and ``warned`` map (row position, field)
    to a reason.
    """

    put: pd.DataFrame
    refused: dict[tuple[int, str], str] = field(default_factory=dict)
    warned: dict[tuple[int, str], str] = field(default_factory=dict)
    rows: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))


def check_cells(ctx: rules.Context, frame: pd.DataFrame, cells: dict[tuple[int, str], object],
                *, existing: pd.DataFrame | None = None,
                areas: pd.DataFrame | None = None) -> Cells:
    """Check ``cells`` ((row position in ``frame``, field) -> text or value) typed or
    pasted over ``frame`` (rows with the key, ``version``, and the figure's present
    fields; ``value`` NaN where the row has no figure).

    A value cell's hedge (``约``, ``超过``, ``about``, ``more than``) becomes the row's
    qualifier unless a qualifier cell of the same row says otherwise. A refused cell is
    left out and named in ``refused``; a row without a figure whose value is refused or
    missing writes nothing (its other cells are refused, saying so). With ``existing``
    figures (and ``areas``), values that pass but look wrong are listed in ``warned``.
    """
    if not cells:
        return Cells(frame.iloc[0:0][KEY].assign(version=[]))
    by_row: dict[int, dict[str, object]] = {}
    for (r, f), v in cells.items():
        by_row.setdefault(int(r), {})[f] = v
    pos = np.array(sorted(by_row), dtype=np.int64)
    base = frame.iloc[pos].reset_index(drop=True)
    touched = [f for f in CELL_FIELDS if any(f in by_row[r] for r in by_row)]
    proposed = {f: base[f].to_numpy(object).copy() if f in base else
                np.full(len(base), "", dtype=object) for f in CELL_FIELDS}
    given = {f: np.zeros(len(base), dtype=bool) for f in CELL_FIELDS}
    implied = np.zeros(len(base), dtype=bool)  # a qualifier read from its value's hedge
    for i, r in enumerate(pos):
        row = by_row[int(r)]
        for f in CELL_FIELDS[1:]:
            if f in row:
                proposed[f][i], given[f][i] = row[f], True
        if "value" not in row:
            continue
        raw = row["value"]
        hedge, rest = split_qualifier(raw) if isinstance(raw, str) else ("", raw)
        proposed["value"][i] = None if isinstance(rest, str) and rest == "" else rest
        given["value"][i] = True
        said = "qualifier" in row and not rules.blank([row["qualifier"]])[0]
        if isinstance(raw, str) and not said:
            # the value's hedge ("约35") is its qualifier, also beside a blank qualifier
            # cell; a plain text value pasted or typed says it has none
            proposed["qualifier"][i], given["qualifier"][i] = hedge, True
            implied[i] = "qualifier" not in row
    if "qualifier" not in touched and given["qualifier"].any():
        touched.append("qualifier")
    refused: dict[tuple[int, str], str] = {}
    had = base["value"].notna().to_numpy() if "value" in base else np.zeros(len(base), bool)
    # each refused field is dropped back to what the row held, and the rest checked again
    live = {f: given[f].copy() for f in CELL_FIELDS}
    for _ in range(len(CELL_FIELDS) + 1):
        df = pd.DataFrame({**{k: base[k].to_numpy(object) for k in KEY},
                           **{f: np.where(live[f], proposed[f], base[f].to_numpy(object)
                                          if f in base else "") for f in CELL_FIELDS}})
        df["value"] = [None if (v is None or (isinstance(v, float) and np.isnan(v))) else v
                       for v in df["value"]]
        checked = rules.check_figures(ctx, df)
        new_problems = [(i, f, m) for i, f, m in checked.found
                        if f in CELL_FIELDS and live[f][i]]
        if not new_problems:
            break
        for i, f, m in new_problems:
            refused[(int(pos[i]), f)] = m
            live[f][i] = False
    out = checked.frame
    writable = ~checked.bad
    empty_value = live["value"] & pd.isna(df["value"]).to_numpy()
    for i in np.flatnonzero(empty_value & had):
        refused[(int(pos[i]), "value")] = tr("a figure cannot be emptied here: delete it in "
                                             "the figure table")
        writable[i] = False
    for i in np.flatnonzero(~writable):  # no figure to attach the other cells to
        for f in CELL_FIELDS:
            if f == "qualifier" and implied[i]:
                continue
            if live[f][i] and (int(pos[i]), f) not in refused:
                refused[(int(pos[i]), f)] = (tr("a value is required") if f == "value" else
                                             tr("not saved: this row has no value yet"))
    changes = np.zeros(len(base), dtype=bool)
    keep_fields = []
    for f in CELL_FIELDS:
        if not (live[f] & writable).any():
            continue
        keep_fields.append(f)
        new = out[f].to_numpy(object)
        old = base[f].to_numpy(object) if f in base else np.full(len(base), "", dtype=object)
        if f == "value":
            diff = ~np.isclose(pd.to_numeric(pd.Series(new), errors="coerce").to_numpy(float),
                               pd.to_numeric(pd.Series(old), errors="coerce").to_numpy(float),
                               rtol=1e-12, atol=1e-12, equal_nan=True)
        else:
            diff = np.array([("" if rules.missing(a) else str(a))
                             != ("" if rules.missing(b) else str(b)) for a, b in zip(new, old)])
        changes |= live[f] & writable & diff
    put = out.loc[changes, [*KEY, *keep_fields]].copy()
    put["version"] = base.loc[changes, "version"].to_numpy() if "version" in base else 0
    rows = pos[changes]
    warned: dict[tuple[int, str], str] = {}
    if existing is not None and areas is not None and "value" in put and len(put):
        found = suspicious.warnings(ctx.indicators.reset_index(drop=True), areas, existing,
                                    put[[*KEY, "value"]].reset_index(drop=True))
        for i, _, m in found:
            key = (int(rows[i]), "value")
            warned[key] = f"{warned[key]}\n{m}" if key in warned else m
    return Cells(put.reset_index(drop=True), refused, warned, rows)


def block_cells(block: list[list[str]], top: int, left: int, columns: list[str],
                n_rows: int) -> dict[tuple[int, str], str]:
    """The cells a pasted ``block`` fills, from row ``top`` and column ``left`` of a table
    whose columns are named ``columns``: (row, field) -> text, for the columns that are
    figure fields; cells past the table's last row or column are left out. One cell pasted
    over a selection fills it all (the caller passes the selection's rows as the block)."""
    out: dict[tuple[int, str], str] = {}
    for i, row in enumerate(block):
        r = top + i
        if r >= n_rows:
            break
        for j, text in enumerate(row):
            c = left + j
            if c >= len(columns):
                break
            if columns[c] in CELL_FIELDS:
                out[(r, columns[c])] = text
    return out
