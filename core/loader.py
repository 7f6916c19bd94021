"""Bulk loading of tidy figures: validate every row, diff against the database, apply at once.

The seed data set and every workbook import go through :func:`plan_figures` and
:func:`apply_plan`, so the code that loads users' data runs on every first start.

Speed matters here (a district workbook, or a whole bureau's history): each column is parsed
once per *distinct* value and spread back by integer codes; an error message is written only
for a row that has the error; the diff and the duplicate check work on integer keys; rows are
written with the driver's own ``executemany``.
"""
from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlalchemy import Connection

from . import access, comments, period_lock, queries, rules, suspicious, write
from .entities import FIGURE
from .i18n import tr
from .periods import period_ord
from .problems import Problem
from .rules import per_unique

FIELDS = ("value", "qualifier", "status", "note", "source", "source_ref", "derived", "derivation",
          "followup")
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
    # values that pass the rules but look wrong (core.suspicious): shown, kept on Apply
    warnings: list[Problem] = field(default_factory=list)
    # comments the rows' comment cells add (core.comments.planned)
    comments: pd.DataFrame | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def plan_figures(conn: Connection, df: pd.DataFrame, *, file: str = "", sheet: str = "",
                 columns: dict[str, str] | None = None, warn: bool = True,
                 new_sources: tuple[str, ...] = ()) -> Plan:
    """Validate ``df`` (columns ``indicator, area, period, value`` and any of :data:`FIELDS`,
    optional ``version`` and ``_row``) and diff it against the database.

    ``columns`` maps our column names to the input's headings, for messages. With ``warn``,
    values that pass the rules but look wrong are listed in ``warnings`` (they do not stop
    the plan). ``new_sources``: ids of sources the same write will create first (an entry
    workbook's newly named sources), taken as known.
    """
    heading = (columns or {}).get
    df = df.reset_index(drop=True)
    n = len(df)
    rows = df["_row"].to_numpy() if "_row" in df else np.arange(n) + 2
    present = [f for f in FIELDS if f in df.columns and f != "value"]
    ctx = rules.Context.load(conn)
    if new_sources:  # a copy: the loaded context may be shared (core.context_cache)
        ctx = dataclasses.replace(ctx, sources=set(ctx.sources) | set(new_sources))
    df, same = _computed_as_stored(conn, ctx, df)
    if same:
        n, rows = len(df), rows[df.pop("_pos").to_numpy()]
    checked = rules.check_figures(ctx, df[[*KEY, "value", *present,
                                           *(["comment"] if "comment" in df else []),
                                           *(["version"] if "version" in df else [])]],
                                  decimals=False)  # below, once the stored values are known
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
    existing = queries.figures(conn, indicators=pd.unique(good["indicator"]).tolist()) \
        if len(good) else None
    plan = _diff(conn, good, present, existing, file=file, sheet=sheet,
                 column=heading("version", "Version"))
    plan.unchanged += same
    # the decimals rule, on the rows the plan writes (an unchanged stored value stands)
    for rows_, stored in ((plan.new, None), (plan.changed, plan.changed.get("db_value"))):
        if len(rows_):
            plan.problems += [Problem(m, file, sheet, int(rows_["_row"].iat[i]), heading(c, c))
                              for i, c, m in rules.check_decimals(
                                  ctx, rows_, None if stored is None else stored.to_numpy())]
    if len(good) and warn:
        plan.warnings = [
            Problem(m, file, sheet, int(good["_row"].iat[i]), heading("value", "value"))
            for i, _, m in suspicious.warnings(queries.indicators(conn), queries.areas(conn),
                                               existing, good)]
    plan.comments = comments.planned(conn, good)
    locked, reported = period_lock.plan_problems(conn, plan, file=file, sheet=sheet,
                                                 column=heading("value", "value"))
    plan.warnings += reported
    plan.problems = sorted(
        [Problem(m, file, sheet, int(rows[i]), heading(c, c)) for i, c, m in flag.found]
        + plan.problems + locked
        + _not_allowed(conn, plan, file, sheet, heading("area", "area")),
        key=lambda p: (p.row or 0, p.column))
    return plan


def _not_allowed(conn: Connection, plan: Plan, file: str, sheet: str,
                 column: str) -> list[Problem]:
    """Every row the plan would write that the connected desk may not (:mod:`core.access`)."""
    acc = access.current(conn)
    out = []
    for frame in (plan.new, plan.changed):
        for i, rule in access.refused_rows(acc, frame):
            r = frame.iloc[i]
            out.append(Problem(tr("not allowed: {user} ({role}) may not change figures of "
                                  "{area}: {rule}", user=acc.user, role=acc.role,
                                  area=r["area"], rule=rule),
                               file, sheet, int(r["_row"]), column))
    return out


def _computed_as_stored(conn: Connection, ctx: rules.Context, df: pd.DataFrame):
    """``df`` without the rows of computed indicators that hold the value stored (a meeting
    workbook's Data sheet coming back unchanged), and how many were left out. The rule set
    refuses any other value for them (:func:`core.rules.check_figures`)."""
    if "formula" not in ctx.indicators or not (ctx.indicators["formula"] != "").any():
        return df, 0
    codes, _ = per_unique(df["indicator"], ctx.indicator)
    made = set(ctx.indicators.index[ctx.indicators["formula"] != ""])
    mask = np.isin(codes.astype(str), list(made))
    if not mask.any():
        return df, 0
    stored = queries.figures(conn, indicators=sorted(made))
    got = {(i, a, p): v for i, a, p, v in zip(stored["indicator"], stored["area"],
                                               stored["period"], stored["value"])}
    areas, _ = per_unique(df["area"], ctx.area)
    periods, _ = per_unique(df["period"], lambda p: rules.parse_period(p).code)
    keep = np.ones(len(df), bool)
    for i in np.flatnonzero(mask):
        old = got.get((codes[i], areas[i], periods[i]))
        try:
            new = rules.parse_number(df["value"].iat[i], percent=True)
        except ValueError:
            continue
        keep[i] = old is None or abs(old - new) > 1e-9 * max(1.0, abs(old)) and not (
            _shown_same(old, new, ctx.indicators.at[codes[i], "decimals"]))
    if keep.all():
        return df, 0
    out = df[keep].reset_index(drop=True).assign(_pos=np.flatnonzero(keep))
    return out, int((~keep).sum())


def _shown_same(stored: float, given: float, decimals) -> bool:
    """Whether ``given`` is ``stored`` as a workbook shows it (rounded to its decimals)."""
    from .rounding import rounded

    return rounded(stored, int(decimals)) == rounded(given, int(decimals))


def _int_key(df: pd.DataFrame, mask: np.ndarray | None = None) -> np.ndarray:
    """One int64 per (indicator, area, period); -1 where ``mask`` is False."""
    parts = [pd.factorize(df[c].to_numpy(object))[0].astype(np.int64) for c in KEY]
    na, npd = parts[1].max(initial=0) + 1, parts[2].max(initial=0) + 1
    key = (parts[0] * na + parts[1]) * npd + parts[2]
    return key if mask is None else np.where(mask, key, -1)


def _diff(conn: Connection, good: pd.DataFrame, present: list[str],
          existing: pd.DataFrame | None, *, file: str, sheet: str,
          column: str = "Version") -> Plan:
    fields = ("value", *present)
    cols = list(good.columns.drop(["version"], errors="ignore")) + ["period_ord"]
    if good.empty:
        return Plan(good.assign(period_ord=[])[cols], good.iloc[0:0], 0, [], fields)
    ords, _ = per_unique(good["period"], period_ord)
    good = good.assign(period_ord=np.asarray(ords, dtype=np.int64))
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


def apply_plan(conn: Connection, plan: Plan, *, who: str, why: str, origin: str = "",
               reason: str = "") -> dict:
    """Write a plan inside the caller's transaction, through :func:`core.write.commit`.
    Returns counts of created and updated figures and the indicators whose figures changed.

    Every created and updated figure gets one change-log row naming ``origin``.
    """
    new = plan.new.drop(columns=["_row", "id", "comment"], errors="ignore")
    same = {c: default for c, default in (
        ("qualifier", ""), ("note", ""), ("derivation", ""), ("source_ref", ""),
        ("status", "final"), ("derived", False)) if c not in new}
    if "derived" in new:
        new = new.assign(derived=new["derived"].astype(bool))
    written = write.commit(
        conn, FIGURE, new=new, same=same, changed=plan.changed, fields=plan.fields, who=who,
        why=why, origin=origin, reason=reason,
        stale=lambda n: tr("{n} figures were changed by someone else during the import, after "
                           "the preview; nothing was written: preview the import again.", n=n))
    added = comments.add_planned(conn, plan.comments, who=who, why=why, origin=origin)
    return {"created": written.created, "updated": written.updated,
            "unchanged": plan.unchanged, "indicators": sorted(written.indicators),
            "comments": added}
