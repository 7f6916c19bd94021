"""The one way rows reach the database.

Every create, update and delete of a figure, target or indicator, whoever makes it (a typed
edit, a dialog, a delete, undo and redo, an import, the seed loader), ends in :func:`commit`,
inside the caller's write transaction. It writes the rows already checked by the rules
(:mod:`core.rules`), each update and delete only where the row is still at the version the
change was made from, and one change-log row per row changed, whose payload is made here and
nowhere else. It returns what it wrote (:class:`Written`), from which screens refresh.

The bulk case stays a bulk case: one ``executemany`` per statement, whatever the number of
rows, the driver's own placeholders, and the change log of new figures made by the database
from the rows it has just stored. A single row (a typed edit) is written with ``RETURNING``,
so the row comes back with the write instead of being read again: with the server a
district office away every round trip is 50 ms (``benchmarks/round_trips.py``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlalchemy import Connection, text

from . import access, context_cache, period_lock
from .changelog import LOG_OMITS, now_iso
from .entities import FIGURE, Kind
from .errors import EcoError, StaleEditError
from .i18n import tr
from .rules import missing

KEY = ["indicator", "area", "period"]


@dataclass(frozen=True)
class Written:
    """What one commit wrote: its kind, counts, and the indicators whose data changed."""

    kind: Kind
    created: int = 0
    updated: int = 0
    deleted: int = 0
    indicators: frozenset[str] = field(default_factory=frozenset)
    ids: tuple = ()  # keys of the rows created, in order
    # the row as stored, for a commit of one row created or updated (from RETURNING)
    rows: tuple = field(default=(), compare=False, repr=False)

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.deleted


def commit(conn: Connection, kind: Kind, *, new: pd.DataFrame | None = None,
           changed: pd.DataFrame | None = None, fields: tuple[str, ...] = (),
           gone: pd.DataFrame | None = None, same: dict | None = None, who: str, why: str,
           origin: str = "", stale: str = "", reason: str = "") -> Written:
    """Write checked rows of ``kind`` in the caller's transaction.

    Parameters
    ----------
    new
        Rows to create (every column to store; ``id`` only to restore a deleted row).
    changed
        Rows to update: ``fields`` with their new values, ``db_<field>`` with the values they
        replace, ``db_id`` and ``db_version``, the version the change was made from.
    gone
        Rows to delete, whole as they are stored (``id`` and ``version`` among them).
    same
        Columns of ``new`` with one value for every row (written into the statement once).
    stale
        The sentence that says an update or delete met rows another desk had changed
        meanwhile (or a function of their number making it); nothing is then written.
    reason
        Why a figure of a reported half-year is corrected (kept in the change log); without
        one such a change is refused, as is every change of an approved half-year
        (:mod:`core.period_lock`), before anything is written.
    """
    areas = _areas(kind, new, changed, gone)
    access.require(conn, kind.name, areas)  # the same rules the server enforces, said first
    period_lock.check(conn, kind, new=new, changed=changed, gone=gone, fields=fields,
                      reason=reason)
    at = now_iso()
    inds: set[str] = set()
    ids: tuple = ()
    stored: list = []
    n_new = n_changed = n_gone = 0
    if not kind.of_indicator:  # the list of indicators: the rules read it again after this
        context_cache.changed(conn)
    if new is not None and len(new):
        ids = _create(conn, kind, new, same or {}, who=who, why=why, origin=origin, at=at,
                      stored=stored, reason=reason)
        n_new = len(new)
        inds |= _indicators(kind, new)
    if changed is not None and len(changed):
        try:
            _update(conn, kind, changed, fields, who=who, why=why, origin=origin, at=at,
                    stale=stale, stored=stored, reason=reason)
        except StaleEditError:  # or rows the server's policies hid from this desk
            access.require(conn, kind.name, areas, fresh=True)
            raise
        n_changed = len(changed)
        inds |= _indicators(kind, changed)
    if gone is not None and len(gone):
        try:
            _delete(conn, kind, gone, who=who, why=why, origin=origin, at=at, reason=reason,
                    stale=stale)
        except StaleEditError:
            access.require(conn, kind.name, areas, fresh=True)
            raise
        n_gone = len(gone)
        inds |= _indicators(kind, gone)
    from .computed import after_commit  # computed indicators follow their inputs (schema 7)

    inds |= after_commit(conn, kind, (new, changed, gone), fields, who=who, why=why,
                         origin=origin)
    return Written(kind, n_new, n_changed, n_gone, frozenset(inds), ids,
                   tuple(stored) if n_new + n_changed == 1 else ())


def _areas(kind: Kind, *frames: pd.DataFrame | None) -> list:
    """The areas of the figures being written (what a district desk's rights depend on)."""
    if kind is not FIGURE:
        return []
    cols = [f[c] for f in frames if f is not None and len(f)
            for c in ("area", "db_area") if c in f]
    return pd.unique(pd.concat(cols).astype(str)).tolist() if cols else []


def _indicators(kind: Kind, frame: pd.DataFrame) -> set[str]:
    col = "indicator" if kind.of_indicator else "code"  # a source names no indicator
    return set(pd.unique(frame[col].astype(str))) if col in frame else set()


def _mark(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _refused(stale, n: int) -> StaleEditError:
    """``stale``: the sentence, or a function of the number of rows refused making it."""
    from .rows import stale_edit

    if callable(stale):
        return stale_edit(stale(n), tr("{n} figures", n=n))
    message = stale or tr("{n} rows were changed by someone else while they were being "
                          "saved; nothing was written. Reload and edit again.", n=n)
    return stale_edit(message, tr("{n} rows", n=n))


def _update(conn, kind: Kind, ch: pd.DataFrame, fields, *, who, why, origin, at,
            stale, stored: list, reason="") -> None:
    """The version check is the UPDATE's own ``WHERE version = ...``: a row another desk
    changed meanwhile matches nothing, and nothing is written."""
    upd = [f for f in fields if f in ch]
    mark = _mark(conn)
    stamp = [c for c in ("entered_by", "entered_at") if c in kind.table.c]  # who and when
    sets = ", ".join([f"{f} = {mark}" for f in upd] + [f"{c} = {mark}" for c in stamp])
    sql = (f"UPDATE {kind.table.name} SET {sets}, version = version + 1 "
           f"WHERE {kind.key} = {mark} AND version = {mark}")
    params = list(zip(*(_column_values(ch[f]) for f in upd),
                      *([{"entered_by": who, "entered_at": at}[c]] * len(ch) for c in stamp),
                      _column_values(ch["db_id"]), ch["db_version"].astype(int).tolist()))
    if len(params) == 1 and conn.dialect.update_returning:
        t = kind.table
        got = conn.execute(
            t.update().where(t.c[kind.key] == params[0][-2], t.c.version == params[0][-1])
            .values(**dict(zip([*upd, *stamp], params[0])), version=t.c.version + 1)
            .returning(*t.c)).mappings().first()
        if got is None:
            raise _refused(stale, 1)
        stored.append(dict(got))
    else:
        result = conn.exec_driver_sql(sql, params)
        if result.rowcount not in (-1, len(params)):
            raise _refused(stale, len(params) - result.rowcount)
    ident = ch.rename(columns={"db_id": kind.key})
    ident = ident[[c for c in (kind.key, *KEY) if c in ident]]
    old = ident.assign(**{f: ch[f"db_{f}"].to_numpy() for f in upd})
    _log(conn, kind, "update", old, ident.assign(**{f: ch[f].to_numpy() for f in upd}),
         who=who, why=why, origin=origin, at=at, reason=reason)


def _delete(conn, kind: Kind, gone: pd.DataFrame, *, who, why, origin, at, stale,
            reason="") -> None:
    mark = _mark(conn)
    sql = f"DELETE FROM {kind.table.name} WHERE {kind.key} = {mark} AND version = {mark}"
    params = list(zip(_column_values(gone[kind.key]), gone["version"].astype(int).tolist()))
    result = conn.exec_driver_sql(sql, params)
    if result.rowcount not in (-1, len(params)):
        raise _refused(stale, len(params) - result.rowcount)
    _log(conn, kind, "delete", gone, None, who=who, why=why, origin=origin, at=at, reason=reason)


# ---------------------------------------------------------------------------------------
# creating rows


# The change-log payload of a created figure: ``{"value": ...}``, the value the history
# shows. The log row's own columns hold the id, key, who, when, why and file; the other
# fields are in the figure's row, and every later update or delete logs the values it
# replaced, so nothing about the figure is lost. (The whole row as JSON was a third of all
# the bytes an import of new figures wrote.) Rows of other kinds are few: their whole content
# is logged. Made by the database from the row just stored; SQLite prints 15 significant
# digits, which do not always read back as the same double: then 17 are used.
CREATE_PAYLOAD = {"figure": ("value",)}
_CREATE_JSON = {
    "sqlite": """'{"value":' || CASE WHEN CAST(CAST(f.value AS TEXT) AS REAL) = f.value """
              """THEN CAST(f.value AS TEXT) ELSE printf('%!.17g', f.value) END || '}'""",
    "postgresql": "CAST(json_build_object('value', f.value) AS TEXT)",
}


def _create(conn, kind: Kind, new: pd.DataFrame, same: dict, *, who, why, origin,
            at, stored: list, reason="") -> tuple:
    """Insert new rows, then their change log. Returns their keys."""
    same = {c: v for c, v in {"version": 1, "entered_by": who, "entered_at": at, **same}.items()
            if c in kind.table.c}
    one = len(new) == 1 and conn.dialect.insert_returning
    if kind is FIGURE and "id" not in new and not one:
        return _create_figures(conn, _sorted_by_key(new), same, who=who, why=why,
                               origin=origin, at=at, reason=reason)
    if one:  # a row typed or restored: it comes back as stored, with its new key
        row = {k: (None if missing(v) else v) for k, v in
               {**new.to_dict("records")[0], **same}.items()}
        row = {k: v.item() if isinstance(v, np.generic) else v for k, v in row.items()}
        got = dict(conn.execute(kind.table.insert().values(**row).returning(*kind.table.c))
                   .mappings().one())
        stored.append(got)
        keys = [got[kind.key]]
    elif kind.key in new:
        _executemany(conn, kind.table.name, list(new.columns), new, same)
        keys = new[kind.key].tolist()
    else:  # rows of these kinds are made one at a time, and each needs its new id back
        keys = []
        for row in new.to_dict("records"):
            row = {k: (None if missing(v) else v) for k, v in {**row, **same}.items()}
            keys.append(conn.execute(kind.table.insert().values(**row))
                        .inserted_primary_key[0])
    logged = new.assign(**{kind.key: keys}) if kind.key not in new else new
    payload = CREATE_PAYLOAD.get(kind.name)
    if payload:
        logged = logged[[c for c in (kind.key, *KEY, *payload) if c in logged]]
    _log(conn, kind, "create", None, logged, who=who, why=why, origin=origin, at=at,
         reason=reason)
    return tuple(pd.Series(keys, dtype=object).tolist())


def _create_figures(conn, new: pd.DataFrame, same: dict, *, who, why, origin, at,
                    reason="") -> tuple:
    dialect = conn.dialect.name
    if dialect == "postgresql":
        # Hold other writers of figures off until we commit (readers go on), as SQLite's
        # BEGIN IMMEDIATE does, so that every id above the current maximum is ours.
        conn.exec_driver_sql("LOCK TABLE figures IN SHARE ROW EXCLUSIVE MODE")
    before = conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM figures")).scalar()
    _executemany(conn, "figures", list(new.columns), new, same)
    payload = _CREATE_JSON.get(dialect)
    if payload is None:  # another kind of database: the same log rows, made in Python
        got = conn.execute(text("SELECT id, indicator, area, period FROM figures "
                                "WHERE id > :m ORDER BY id"), {"m": before}).fetchall()
        ids = pd.DataFrame.from_records([tuple(r) for r in got], columns=["id", *KEY])
        _log(conn, FIGURE, "create", None, ids.merge(new[[*KEY, "value"]], on=KEY), who=who,
             why=why, origin=origin, at=at, reason=reason)
        return tuple(ids["id"].tolist())
    logged = conn.execute(text(
        "INSERT INTO changelog (at, who, entity, entity_id, action, indicator, area, period, "
        "old, new, why, origin, reason) "
        "SELECT :at, :who, 'figure', CAST(f.id AS TEXT) AS entity_id, 'create', f.indicator, "
        f"f.area, f.period, NULL, {payload}, :why, :origin, :reason "
        "FROM figures f WHERE f.id > :before ORDER BY f.id"),
        {"at": at, "who": who, "why": why, "origin": origin, "before": before,
         "reason": reason}).rowcount
    if logged != len(new):
        raise EcoError(tr("{n} new figures were written but {logged} change-log rows; "
                          "nothing was saved", n=len(new), logged=logged))
    if len(new) > 1:
        return ()  # an import's ids: nobody asks, and reading them back costs
    return tuple(r[0] for r in conn.execute(text("SELECT id FROM figures WHERE id > :b"),
                                            {"b": before}))


def _sorted_by_key(df: pd.DataFrame) -> pd.DataFrame:
    """Rows in unique-key order, so the inserts walk the key's index once, not to and fro."""
    if len(df) < 2:
        return df
    order = np.lexsort([pd.factorize(df[c].to_numpy(object), sort=True)[0]
                        for c in reversed(KEY)])
    if (np.diff(order) > 0).all():
        return df
    return df.iloc[order].reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# the change log


def _records_json(df: pd.DataFrame | None, n: int) -> list:
    """The rows as JSON for the change log, less what the log row already holds in its own
    columns (:data:`core.changelog.LOG_OMITS`): half the bytes at 100,000 rows."""
    if df is None:
        return [None] * n
    keep = df.drop(columns=[c for c in LOG_OMITS if c in df])
    keep = keep.astype({c: object for c in keep.columns if keep[c].dtype.kind == "f"})
    return keep.to_json(orient="records", lines=True, force_ascii=False,
                        double_precision=15).splitlines()


def _log(conn, kind: Kind, action, old, new, *, who, why, origin, at, reason="") -> None:
    ref = new if new is not None else old
    n = len(ref)

    def col(c):
        if c in ref:
            return ref[c].to_numpy(object)
        if c == "indicator" and not kind.of_indicator and "code" in ref:
            return ref["code"].to_numpy(object)
        return np.full(n, None, dtype=object)

    entries = pd.DataFrame({
        "at": at, "who": who, "entity": kind.name,
        "entity_id": ref[kind.key].astype(str).to_numpy(), "action": action,
        "indicator": col("indicator"), "area": col("area"), "period": col("period"),
        "old": _records_json(old, n), "new": _records_json(new, n), "why": why, "origin": origin,
        "reason": reason,
    })
    _executemany(conn, "changelog", list(entries.columns), entries)


# ---------------------------------------------------------------------------------------
# the driver's executemany


def _column_values(s: pd.Series) -> list:
    """Python values of a column for the driver: NaN and NA become None."""
    arr = s.to_numpy()
    if arr.dtype.kind in "biu":  # no missing values possible: skip the object round trip
        return arr.tolist()
    if arr.dtype.kind == "f" and not np.isnan(arr).any():
        return arr.tolist()
    arr = s.to_numpy(object)
    if pd.api.types.infer_dtype(arr, skipna=False) == "string":  # all text, checked in C
        return arr.tolist()
    missing = pd.isna(arr)
    out = np.where(missing, None, arr) if missing.any() else arr
    return [v.item() if isinstance(v, np.generic) else v for v in out.tolist()]


# Text that means the same inside '...' in every SQL dialect and driver: no quote, backslash
# or percent sign (psycopg's placeholder).
_PLAIN_TEXT = re.compile(r"[\w .:+\-]*\Z")


def _literal(value) -> str | None:
    """``value`` written as an SQL literal, or None if it would need escaping."""
    if isinstance(value, (bool, np.bool_)):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, str) and _PLAIN_TEXT.match(value):
        return f"'{value}'"
    return None


def _executemany(conn: Connection, table: str, cols: list[str], data: pd.DataFrame,
                 same: dict | None = None) -> None:
    """Insert the rows of ``data[cols]``; ``same`` holds columns with one value for every row.

    Such a value is written into the statement once instead of being bound for every row
    (for new figures: 5 of the 15 values of a row).
    """
    mark = _mark(conn)
    cols = [c for c in cols if c not in (same or {})]
    fixed = {}
    for c, v in (same or {}).items():
        lit = _literal(v)
        if lit is None:
            data = data.assign(**{c: [v] * len(data)})
            cols.append(c)
        else:
            fixed[c] = lit
    names = ", ".join([*cols, *fixed])
    if conn.dialect.name == "postgresql" and len(data) >= UNNEST_FROM:
        _insert_unnest(conn, table, cols, data, names, list(fixed.values()))
        return
    values = ", ".join([mark] * len(cols) + list(fixed.values()))
    conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({values})",
                         list(zip(*(_column_values(data[c]) for c in cols))))


#: From this many rows, PostgreSQL gets one ``INSERT ... SELECT FROM unnest(arrays)`` instead
#: of a statement per row: the server plans and starts one statement, and checks the row-level
#: security of a district desk (``core.pg_roles``) with one plan (bench_rls.py).
UNNEST_FROM = 1000


def _insert_unnest(conn: Connection, table: str, cols: list[str], data: pd.DataFrame,
                   names: str, fixed: list[str]) -> None:
    from . import schema

    t = schema.metadata.tables[table]
    arrays = ", ".join(f"CAST(%s AS {t.c[c].type.compile(conn.dialect)}[])" for c in cols)
    picked = ", ".join([*(f"u.c{i}" for i in range(len(cols))), *fixed])
    alias = ", ".join(f"c{i}" for i in range(len(cols)))
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({names}) SELECT {picked} FROM unnest({arrays}) "
        f"WITH ORDINALITY AS u({alias}, n) ORDER BY u.n",
        tuple(_column_values(data[c]) for c in cols))
