"""Read-only snapshots as DataFrames: what views, status and exports start from."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from sqlalchemy import Connection, bindparam, select

from . import schema
from .errors import NotFoundError
from .i18n import tr
from .names import area_keys, normalize


def _rows(conn: Connection, stmt) -> list[tuple]:
    """The tuples of ``stmt``, fetched by the driver (see :func:`_frame`)."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    if compiled.positiontup is not None:
        params = tuple(params[name] for name in compiled.positiontup)
    return _fetch(conn, compiled.string, params)


_compiled: dict[tuple[str, str, str], tuple[str, tuple | None]] = {}


def _rows_of(conn: Connection, key: str, make, values: dict) -> list[tuple]:
    """:func:`_rows` of the statement ``make()`` (with bound parameters named as in
    ``values``), compiled once per dialect under ``key``: for reads made at every click."""
    at = (conn.dialect.name, conn.dialect.driver, key)  # (drivers differ in parameter style)
    hit = _compiled.get(at)
    if hit is None:
        compiled = make().compile(dialect=conn.dialect)
        hit = _compiled[at] = (compiled.string, compiled.positiontup)
    sql, names = hit
    return _fetch(conn, sql, tuple(values[n] for n in names) if names is not None else values)


def _fetch(conn: Connection, sql: str, params) -> list[tuple]:
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(sql, params)
        return cursor.fetchall()
    finally:
        cursor.close()


def _frame(conn: Connection, stmt, columns: list[str]) -> pd.DataFrame:
    """Run ``stmt`` on the driver's own cursor and build a DataFrame from its tuples.

    For large reads, making SQLAlchemy row objects costs several times what the driver
    spends fetching (700,000 figures: ~20 s against ~3 s), so the statement is compiled
    once by SQLAlchemy and executed by the driver directly. Types need no processing: ids,
    integers, floats and text come back as they are stored; booleans are fixed by callers.
    """
    return pd.DataFrame.from_records(_rows(conn, stmt), columns=columns, coerce_float=False)


def _empty_frame(columns: list[str], dtypes: dict) -> pd.DataFrame:
    """No rows, but each column of its type (else they come back as object or float)."""
    return pd.DataFrame({c: pd.Series([], dtype=dtypes.get(c, object)) for c in columns})


def categories(conn: Connection) -> pd.DataFrame:
    t = schema.categories
    return _frame(conn, select(t).order_by(t.c.sort, t.c.code), [c.name for c in t.columns])


def areas(conn: Connection) -> pd.DataFrame:
    t = schema.areas
    return _frame(conn, select(t).order_by(t.c.sort, t.c.code), [c.name for c in t.columns])


def sources(conn: Connection) -> pd.DataFrame:
    t = schema.sources
    return _frame(conn, select(t).order_by(t.c.id), [c.name for c in t.columns])


def indicators(conn: Connection) -> pd.DataFrame:
    t, c = schema.indicators, schema.categories
    stmt = (select(t, c.c.sort.label("category_sort"))
            .join(c, c.c.code == t.c.category).order_by(c.c.sort, t.c.code))
    df = _frame(conn, stmt, [col.name for col in t.columns] + ["category_sort"])
    df["cumulative"] = df["cumulative"].astype(bool)
    return _floats(df, "band_low", "band_high", "vmin", "vmax", "tolerance")


def _floats(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    """Numeric columns as float even when every value is NULL (else they come back object)."""
    for c in cols:
        df[c] = pd.to_numeric(df[c], errors="coerce").astype(float)
    return df


def figures_select(columns=None, *, indicators: Iterable[str] | None = None,
                   areas: Iterable[str] | None = None, period_from: int | None = None,
                   period_to: int | None = None):
    """The SELECT of :func:`figures` (``columns``: names, default all), for readers that
    fetch it their own way."""
    t = schema.figures
    stmt = select(t) if columns is None else select(*(t.c[c] for c in columns))
    if indicators is not None:
        stmt = stmt.where(t.c.indicator.in_(list(indicators)))
    if areas is not None:
        stmt = stmt.where(t.c.area.in_(list(areas)))
    if period_from is not None:
        stmt = stmt.where(t.c.period_ord >= period_from)
    if period_to is not None:
        stmt = stmt.where(t.c.period_ord <= period_to)
    return stmt.order_by(t.c.indicator, t.c.area, t.c.period_ord)


def figures(conn: Connection, *, indicators: Iterable[str] | None = None,
            areas: Iterable[str] | None = None, period_from: int | None = None,
            period_to: int | None = None) -> pd.DataFrame:
    """Figures, ordered by indicator, area and period (``period_ord`` bounds inclusive)."""
    stmt = figures_select(indicators=indicators, areas=areas, period_from=period_from,
                          period_to=period_to)
    df = _frame(conn, stmt, [c.name for c in schema.figures.columns])
    df["derived"] = df["derived"].astype(bool)
    df["computed"] = df["computed"].astype(bool)
    df["followup"] = df["followup"].astype(bool)
    for col in ("indicator", "area", "period"):  # one string object per distinct code:
        cache: dict = {}                          # less memory, and faster to factorise
        df[col] = [cache.setdefault(v, v) for v in df[col].tolist()]
    return _floats(df, "value")


_FIGURE_DTYPES = {"id": np.int64, "period_ord": np.int64, "value": float, "derived": bool,
                  "computed": bool, "followup": bool,
                  "version": np.int64}


def indicator_figures(conn: Connection, code: str,
                      area_rank: Mapping[str, int] | None = None) -> pd.DataFrame:
    """One indicator's figures, with :func:`figures`' columns, ordered by area and then by
    period; areas by ``area_rank`` (code -> place, as a screen lists the areas; areas it
    lacks come last) or else by code (see :func:`area_order`).

    A window runs this at every selection of an indicator, so it is kept lean: the rows are
    sorted with numpy rather than by the database (~25 % of the read), and the frame is built
    column by column with known types. No column of ``figures`` is NULL but ``source``.
    """
    f = schema.figures
    columns = [c.name for c in f.columns]
    read = [c for c in f.columns if c.name != "indicator"]  # the same in every row
    rows = _rows_of(conn, "indicator_figures", lambda: select(*read).where(
        f.c.indicator == bindparam("code")), {"code": code})
    if not rows:
        return _empty_frame(columns, _FIGURE_DTYPES)
    cols = dict(zip((c.name for c in read), zip(*rows)))
    cols["indicator"] = (code,) * len(rows)
    order = area_order(cols["area"], cols["period_ord"], area_rank)
    return pd.DataFrame({name: np.array(cols[name], dtype=_FIGURE_DTYPES.get(name, object))[order]
                         for name in columns}, copy=False)


def area_rank(areas: pd.DataFrame) -> dict[str, int]:
    """Area code -> its place in the areas' own order (:func:`areas`: the municipality
    first, then the districts and counties as the bureau lists them)."""
    return {c: i for i, c in enumerate(areas["code"].tolist())}


def area_order(areas, period_ords, area_rank: Mapping[str, int] | None = None) -> np.ndarray:
    """Positions that put rows (their ``areas`` and ``period_ords``) in area order, then by
    period: areas by ``area_rank`` (code -> place; areas it lacks come last), else by code in
    code-point order (SQLite's, not a collation)."""
    if area_rank is None:
        place = pd.factorize(np.asarray(areas, dtype=object), sort=True)[0]
    else:
        last = len(area_rank)
        place = np.array([area_rank.get(a, last) for a in areas])
    return np.lexsort((np.asarray(period_ords, dtype=np.int64), place))


def in_area_order(frame: pd.DataFrame, area_rank: Mapping[str, int]) -> pd.DataFrame:
    """``frame`` (figures or targets of one indicator) in :func:`area_order`, renumbered."""
    if len(frame):
        order = area_order(frame["area"].tolist(), frame["period_ord"].to_numpy(), area_rank)
        if (order != np.arange(len(order))).any():
            frame = frame.iloc[order]
    return frame.reset_index(drop=True)


def targets(conn: Connection, *, indicators: Iterable[str] | None = None) -> pd.DataFrame:
    t = schema.targets
    stmt = select(t)
    if indicators is not None:
        stmt = stmt.where(t.c.indicator.in_(list(indicators)))
    stmt = stmt.order_by(t.c.indicator, t.c.area, t.c.period_ord)
    df = _frame(conn, stmt, [c.name for c in t.columns])
    df["derived"] = df["derived"].astype(bool)
    return df


def resolve_area(conn: Connection, name: str) -> str:
    """Area code for any name a desk uses (:func:`core.names.area_keys`): the code, the
    Chinese or English name, the short name (``沙坪坝``, ``Shapingba``), full-width or not."""
    code = area_keys(areas(conn)).get(normalize(name).lower())
    if code is None:
        raise NotFoundError(tr("unknown area {code}", code=repr(name)), field="area")
    return code


def _resolve(df: pd.DataFrame, name: str, what: str) -> str:
    """Code of the row whose code or Chinese or English name is ``name`` (any case)."""
    key = name.strip().lower()
    for col in ("code", "name_en", "name_zh"):
        hit = df[df[col].str.lower() == key]
        if len(hit):
            return str(hit.iloc[0]["code"])
    if what == "indicator":
        raise NotFoundError(tr("unknown indicator {code}", code=repr(name)))
    raise NotFoundError(tr("unknown category {category}", category=repr(name)))


def resolve_indicator(conn: Connection, code: str) -> str:
    return _resolve(indicators(conn), code, "indicator")


def resolve_category(conn: Connection, name: str) -> str:
    return _resolve(categories(conn), name, "category")
