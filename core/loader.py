"""Bulk loading of tidy figures: validate every row, diff against the database, apply at once.

The seed data set and every workbook import go through :func:`plan_figures` and
:func:`apply_plan`, so the code that loads users' data runs on every first start.

Speed matters here (a district workbook, or a whole bureau's history): each column is parsed
once per *distinct* value and spread back by integer codes; an error message is written only
for a row that has the error; the diff and the duplicate check work on integer keys; rows are
written with the driver's own ``executemany``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlalchemy import Connection, text

from . import changelog, queries, rules
from .errors import EcoError
from .i18n import tr
from .periods import period_ord
from .problems import Problem
from .rows import stale_edit
from .rules import blank, per_unique

FIELDS = ("value", "qualifier", "status", "note", "source", "source_ref", "derived", "derivation")
TEXT_FIELDS = ("note", "source_ref", "derivation")
KEY = ["indicator", "area", "period"]


@dataclass
class Plan:
    """What loading a table would do. ``changed`` carries ``old_value`` beside ``value``."""

    new: pd.DataFrame
    changed: pd.DataFrame
    unchanged: int
    problems: list[Problem] = field(default_factory=list)
    fields: tuple[str, ...] = FIELDS

    @property
    def ok(self) -> bool:
        return not self.problems


def plan_figures(conn: Connection, df: pd.DataFrame, *, file: str = "", sheet: str = "",
                 columns: dict[str, str] | None = None) -> Plan:
    """Validate ``df`` (columns ``indicator, area, period, value`` and any of :data:`FIELDS`,
    optional ``version`` and ``_row``) and diff it against the database.

    ``columns`` maps our column names to the input's headings, for messages.
    """
    heading = (columns or {}).get
    df = df.reset_index(drop=True)
    n = len(df)
    rows = df["_row"].to_numpy() if "_row" in df else np.arange(n) + 2
    present = [f for f in FIELDS if f in df.columns and f != "value"]
    checked = rules.check_figures(rules.Context.load(conn),
                                  df[[*KEY, "value", *present,
                                      *(["version"] if "version" in df else [])]])
    flag = rules.Flags(n)
    flag.bad, flag.found = checked.bad.copy(), list(checked.found)
    out = checked.frame
    value = out["value"].to_numpy(float)
    out["_row"] = rows

    ok = ~flag.bad
    ikey = _int_key(out, ok)
    dup = np.zeros(n, dtype=bool)
    dup[ok] = pd.Series(ikey[ok]).duplicated(keep=False).to_numpy()
    if dup.any():
        grp = pd.DataFrame({"k": ikey[dup], "v": value[dup], "r": rows[dup]})
        first = grp.groupby("k")["r"].transform("first").to_numpy()
        nuniq = grp.groupby("k")["v"].transform("nunique").to_numpy()
        pos = np.flatnonzero(dup)
        disagree = np.zeros(n, dtype=bool)
        disagree[pos] = (nuniq > 1) & (grp["r"].to_numpy() != first)
        firsts = dict(zip(pos, first))
        flag(disagree, "value",
             lambda i: tr("duplicates row {row} with a different value", row=firsts[i]))
    keep = ~flag.bad & ~pd.Series(ikey).duplicated(keep="first").to_numpy()
    good = out[keep].reset_index(drop=True)
    plan = _diff(conn, good, present, file=file, sheet=sheet,
                 column=heading("version", "Version"))
    plan.problems = sorted(
        [Problem(m, file, sheet, int(rows[i]), heading(c, c)) for i, c, m in flag.found]
        + plan.problems, key=lambda p: (p.row or 0, p.column))
    return plan


def _int_key(df: pd.DataFrame, mask: np.ndarray | None = None) -> np.ndarray:
    """One int64 per (indicator, area, period); -1 where ``mask`` is False."""
    parts = [pd.factorize(df[c].to_numpy(object))[0].astype(np.int64) for c in KEY]
    na, npd = parts[1].max(initial=0) + 1, parts[2].max(initial=0) + 1
    key = (parts[0] * na + parts[1]) * npd + parts[2]
    return key if mask is None else np.where(mask, key, -1)


def _diff(conn: Connection, good: pd.DataFrame, present: list[str], *, file: str,
          sheet: str, column: str = "Version") -> Plan:
    fields = ("value", *present)
    cols = list(good.columns.drop(["version"], errors="ignore")) + ["period_ord"]
    if good.empty:
        return Plan(good.assign(period_ord=[])[cols], good.iloc[0:0], 0, [], fields)
    ords, _ = per_unique(good["period"], period_ord)
    good = good.assign(period_ord=np.asarray(ords, dtype=np.int64))
    existing = queries.figures(conn, indicators=pd.unique(good["indicator"]).tolist())
    both = pd.concat([good[KEY], existing[KEY]], ignore_index=True)
    k = _int_key(both)
    pos = pd.Index(k[len(good):]).get_indexer(k[:len(good)])
    is_new = pos < 0
    db = existing.iloc[pos[~is_new]].reset_index(drop=True)
    old = good[~is_new].reset_index(drop=True)
    diff = np.zeros(len(old), dtype=bool)
    for f in fields:
        a, b = old[f], db[f]
        if f == "value":
            d = ~np.isclose(a.to_numpy(float), b.to_numpy(float), rtol=1e-12, atol=1e-12)
        else:
            d = a.fillna("").astype(str).to_numpy() != b.fillna("").astype(str).to_numpy()
        diff |= np.asarray(d)
    ch = old.assign(**{f"db_{c}": db[c].to_numpy() for c in db.columns if c not in KEY})
    problems = []
    if "version" in ch:
        stale = diff & ch["version"].notna().to_numpy() & (ch["version"] != ch["db_version"]).to_numpy()
        for _, r in ch[stale].iterrows():
            problems.append(Problem(
                tr("{indicator} / {area} / {period} was changed in the database since this "
                   "workbook was made (version {here} here, {there} there)",
                   indicator=r["indicator"], area=r["area"], period=r["period"],
                   here=int(r["version"]), there=int(r["db_version"])),
                file, sheet, int(r["_row"]), column))
        diff &= ~stale
    changed = ch[diff].reset_index(drop=True)
    changed["old_value"] = changed["db_value"]
    changed, fields = _undo_derivations(changed, fields)
    return Plan(good[is_new][cols].reset_index(drop=True), changed,
                int((~diff).sum() - len(problems)), problems, fields)


def _undo_derivations(changed: pd.DataFrame, fields: tuple[str, ...]):
    """A new value imported over a derived figure makes it an entered one, as a typed value
    does (:func:`core.rows.update`), unless the sheet says itself whether it is derived."""
    if ("derived" in fields or "derivation" in fields or changed.empty
            or "db_derived" not in changed):
        return changed, fields
    undo = rules.typed_over_derived(changed["db_derived"].fillna(False).astype(bool),
                                    changed["db_value"].to_numpy(float),
                                    changed["value"].to_numpy(float), False)
    if not undo.any():
        return changed, fields
    changed = changed.assign(
        derived=np.where(undo, False, changed["db_derived"].astype(bool)),
        derivation=np.where(undo, "", changed["db_derivation"].fillna("").astype(str)))
    return changed, (*fields, "derived", "derivation")


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
    return np.where(missing, None, arr).tolist() if missing.any() else arr.tolist()


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
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    cols = list(cols)
    fixed = {}
    for c, v in (same or {}).items():
        lit = _literal(v)
        if lit is None:
            data = data.assign(**{c: v})
            cols.append(c)
        else:
            fixed[c] = lit
    names = ", ".join([*cols, *fixed])
    values = ", ".join([mark] * len(cols) + list(fixed.values()))
    conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({values})",
                         list(zip(*(_column_values(data[c]) for c in cols))))


# The change-log payload of a created figure, made by the database from the row it has just
# stored: ``{"value": ...}``, the value the history shows. The log row's own columns hold the
# id, key, who, when, why and file; the other fields are in the figure's row, and every later
# update or delete logs the values it replaced, so nothing about the figure is lost. (The whole
# row as JSON was a third of all the bytes an import of new figures wrote.) SQLite prints 15
# significant digits, which do not always read back as the same double; then 17 are used, so
# the log holds exactly what was stored, as Python's json does for the other log rows.
_CREATE_JSON = {
    "sqlite": """'{"value":' || CASE WHEN CAST(CAST(f.value AS TEXT) AS REAL) = f.value """
              """THEN CAST(f.value AS TEXT) ELSE printf('%!.17g', f.value) END || '}'""",
    "postgresql": "CAST(json_build_object('value', f.value) AS TEXT)",
}


def _sorted_by_key(df: pd.DataFrame) -> pd.DataFrame:
    """Rows in unique-key order, so the inserts walk the key's index once, not to and fro."""
    order = np.lexsort([pd.factorize(df[c].to_numpy(object), sort=True)[0]
                        for c in reversed(KEY)])
    if (np.diff(order) > 0).all():
        return df
    return df.iloc[order].reset_index(drop=True)


def _create(conn: Connection, new: pd.DataFrame, same: dict, *, who: str, why: str,
            origin: str, at: str) -> None:
    """Insert new figures (``same``: columns with one value for all), then write their change
    log with one INSERT ... SELECT."""
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
        _log(conn, "create", None, ids.merge(new[[*KEY, "value"]], on=KEY), who=who, why=why,
             origin=origin, at=at)
        return
    logged = conn.execute(text(
        "INSERT INTO changelog (at, who, entity, entity_id, action, indicator, area, period, "
        "old, new, why, origin) "
        "SELECT :at, :who, 'figure', CAST(f.id AS TEXT) AS entity_id, 'create', f.indicator, "
        f"f.area, f.period, NULL, {payload}, :why, :origin "
        "FROM figures f WHERE f.id > :before ORDER BY f.id"),
        {"at": at, "who": who, "why": why, "origin": origin, "before": before}).rowcount
    if logged != len(new):
        raise EcoError(tr("{n} new figures were written but {logged} change-log rows; "
                          "nothing was saved", n=len(new), logged=logged))


def apply_plan(conn: Connection, plan: Plan, *, who: str, why: str, origin: str = "") -> dict:
    """Write a plan inside the caller's transaction. Returns counts of created and updated.

    Every created and updated figure gets one change-log row naming ``origin``.
    """
    now = changelog.now_iso()
    if len(plan.new):
        new = plan.new.drop(columns=["_row", "id"], errors="ignore")
        same = {"version": 1, "entered_by": who, "entered_at": now}
        for c, default in (("qualifier", ""), ("note", ""), ("derivation", ""),
                           ("source_ref", ""), ("status", "final"), ("derived", False)):
            if c not in new:
                same[c] = default
        if "derived" in new:
            new = new.assign(derived=new["derived"].astype(bool))
        _create(conn, _sorted_by_key(new), same, who=who, why=why, origin=origin, at=now)
    if len(plan.changed):
        ch = plan.changed
        upd = [f for f in plan.fields if f in ch]
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        sets = ", ".join(f"{f} = {mark}" for f in upd)
        sql = (f"UPDATE figures SET {sets}, version = version + 1, entered_by = {mark}, "
               f"entered_at = {mark} WHERE id = {mark} AND version = {mark}")
        params = list(zip(*(_column_values(ch[f]) for f in upd), [who] * len(ch),
                          [now] * len(ch), ch["db_id"].astype(int).tolist(),
                          ch["db_version"].astype(int).tolist()))
        result = conn.exec_driver_sql(sql, params)
        if result.rowcount not in (-1, len(params)):
            raise stale_edit(
                tr("{n} figures were changed by someone else during the import, after the "
                   "preview; nothing was written: preview the import again.", n=len(params)),
                tr("{n} figures", n=len(params)))
        ident = ch.rename(columns={"db_id": "id"})[["id", *KEY]]
        old = ident.assign(**{f: ch[f"db_{f}"] for f in upd})
        _log(conn, "update", old, ident.assign(**{f: ch[f] for f in upd}), who=who, why=why,
             origin=origin, at=now)
    return {"created": len(plan.new), "updated": len(plan.changed), "unchanged": plan.unchanged}


def _records_json(df: pd.DataFrame | None, n: int) -> list:
    """The row as JSON for the change log, less what the log row already holds in its own
    columns (id, indicator, area, period, who, when): half the bytes at 100,000 rows."""
    if df is None:
        return [None] * n
    drop = ("entered_at", "entered_by", "_row", "period_ord", "id", "indicator", "area", "period")
    keep = df.drop(columns=[c for c in drop if c in df])
    return keep.to_json(orient="records", lines=True, force_ascii=False).splitlines()


def _log(conn, action, old, new, *, who, why, origin, at) -> None:
    ref = new if new is not None else old
    n = len(ref)
    entries = pd.DataFrame({
        "at": at, "who": who, "entity": "figure", "entity_id": ref["id"].astype(str).to_numpy(),
        "action": action, "indicator": ref["indicator"].to_numpy(),
        "area": ref["area"].to_numpy(), "period": ref["period"].to_numpy(),
        "old": _records_json(old, n), "new": _records_json(new, n), "why": why, "origin": origin,
    })
    _executemany(conn, "changelog", list(entries.columns), entries)
