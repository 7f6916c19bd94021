"""Computed indicators: an indicator defined by a formula over others, as DHIS2 has them.

A formula is arithmetic over indicator codes and numbers, with ``days`` for the days of the
period and ``a | b`` for "a, or b where a is missing"::

    100 * AIR.GOOD_DAYS / (AIR.VALID_DAYS | days)      good-air-day ratio, in %
    100 * WATER.OUTLETS_RECTIFIED / WATER.OUTLETS_TOTAL  a rectification rate

Its figures are computed for every area and period where its inputs exist, marked
``computed``, and never typed (the rule set refuses them, :func:`core.rules.check_figures`).
They are written by the one write path: :func:`follow` runs inside :func:`core.write.commit`
whenever figures of an input change (typed, imported, undone), so an undo of an input undoes
the computed figure in the same transaction. An admin edits the formula like any field of
the indicator; the indicator's figures are then computed again (:func:`recompute`).
"""
from __future__ import annotations

import ast
from functools import lru_cache

import numpy as np
import pandas as pd
from sqlalchemy import Connection, text

from .errors import ValueParseError
from .i18n import tr
from .periods import parse_period, period_ord

DAYS = "days"


@lru_cache(maxsize=256)
def parse(formula: str) -> ast.Expression:
    """The formula as a checked syntax tree. Raises :class:`ValueParseError` saying what is
    not allowed (only + - * /, numbers, indicator codes, ``days`` and ``|``)."""
    try:
        tree = ast.parse(formula.strip(), mode="eval")
    except SyntaxError:
        raise ValueParseError(tr("formula {formula} is not arithmetic over indicator codes",
                                 formula=repr(formula)), field="formula") from None
    for node in ast.walk(tree):
        if isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Add, ast.Sub,
                             ast.Mult, ast.Div, ast.BitOr, ast.USub, ast.UAdd, ast.Load)):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            continue
        if isinstance(node, (ast.Name, ast.Attribute)) and _code(node) is not None:
            continue
        if isinstance(node, ast.Name):
            continue  # the first part of a code (AIR of AIR.PM25), checked with its whole
        raise ValueParseError(tr("formula {formula}: only + - * /, numbers, indicator codes, "
                                 "'days' and '|' (or else) are allowed", formula=repr(formula)),
                              field="formula")
    return tree


def _code(node) -> str | None:
    """``AIR.GOOD_DAYS`` of a Name / Attribute chain, or None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def inputs(formula: str) -> tuple[str, ...]:
    """The indicator codes a formula reads, in order of appearance, without ``days``."""
    if not formula or not formula.strip():
        return ()
    found: list[str] = []

    def walk(node):
        if isinstance(node, (ast.Name, ast.Attribute)):
            code = _code(node)
            if code and code != DAYS and code not in found:
                found.append(code)
            return
        for child in ast.iter_child_nodes(node):
            walk(child)

    walk(parse(formula).body)
    return tuple(found)


def check(formula: str, code: str, known: dict[str, str]) -> str:
    """The formula of indicator ``code`` normalised, refused when it names an unknown
    indicator, itself, or an indicator computed from it (a cycle). ``known``: code ->
    formula of every indicator."""
    formula = (formula or "").strip()
    if not formula:
        return ""
    used = inputs(formula)
    for c in used:
        if c not in known:
            raise ValueParseError(tr("formula {formula} names unknown indicator {code}",
                                     formula=repr(formula), code=c), field="formula")
    seen, todo = set(), list(used)
    while todo:
        c = todo.pop()
        if c == code:
            raise ValueParseError(tr("formula {formula} depends on {code} itself",
                                     formula=repr(formula), code=code), field="formula")
        if c not in seen:
            seen.add(c)
            todo.extend(inputs(known.get(c, "")))
    return formula


def evaluate(formula: str, figures: pd.DataFrame) -> pd.Series:
    """The formula over ``figures`` (columns indicator, area, period, value): one value per
    (area, period) where its inputs exist, indexed by them. Missing where an input is."""
    tree = parse(formula)
    if figures.empty:
        return pd.Series(dtype=float)
    wide = figures.pivot_table(index=["area", "period"], columns="indicator", values="value",
                               aggfunc="first")
    periods = wide.index.get_level_values("period")
    days = pd.Series({p: float(parse_period(p).days) for p in pd.unique(periods)})
    span = pd.Series(days.reindex(periods).to_numpy(), index=wide.index)

    def value(node) -> pd.Series:
        if isinstance(node, ast.Expression):
            return value(node.body)
        if isinstance(node, ast.Constant):
            return pd.Series(float(node.value), index=wide.index)
        if isinstance(node, (ast.Name, ast.Attribute)):
            code = _code(node)
            if code == DAYS:
                return span
            return wide[code] if code in wide else pd.Series(np.nan, index=wide.index)
        if isinstance(node, ast.UnaryOp):
            v = value(node.operand)
            return -v if isinstance(node.op, ast.USub) else v
        a, b = value(node.left), value(node.right)
        if isinstance(node.op, ast.BitOr):
            return a.where(a.notna(), b)
        with np.errstate(divide="ignore", invalid="ignore"):
            if isinstance(node.op, ast.Add):
                return a + b
            if isinstance(node.op, ast.Sub):
                return a - b
            if isinstance(node.op, ast.Mult):
                return a * b
            return (a / b).where(b != 0)

    out = value(tree).astype(float)
    return out[np.isfinite(out.to_numpy())]


# ---------------------------------------------------------------------------------------
# inside the write path


def _formulas(conn: Connection) -> dict[str, str]:
    """Computed indicators' formulas, from the rules' kept context (no round trip: a typed
    edit asks twice; :mod:`core.context_cache` reads them again after an indicator change)."""
    from . import context_cache

    ind = context_cache.context(conn).indicators
    if "formula" not in ind:
        rows = conn.execute(text("SELECT code, formula FROM indicators WHERE formula <> ''"))
        return {code: f for code, f in rows}
    got = ind["formula"].fillna("").astype(str)
    return {str(c): f for c, f in zip(ind["code"], got) if f}


def follow(conn: Connection, touched: pd.DataFrame, *, who: str, why: str,
           origin: str = "") -> set[str]:
    """Compute again the figures of every computed indicator that reads the indicators of
    ``touched`` (rows with indicator, area, period just written), for those areas and
    periods. Returns the computed indicators whose figures changed."""
    formulas = _formulas(conn)
    if not formulas or touched is None or touched.empty:
        return set()
    changed_inds = set(touched["indicator"].astype(str))
    out: set[str] = set()
    for code, formula in formulas.items():
        if changed_inds.isdisjoint(inputs(formula)):
            continue
        mine = touched[touched["indicator"].isin(inputs(formula))]
        keys = mine[["area", "period"]].drop_duplicates()
        if _write(conn, code, formula, keys, who=who, why=why, origin=origin):
            out.add(code)
    return out


def readers(conn: Connection, code: str | None) -> tuple[str, ...]:
    """The computed indicators that read ``code``, directly or through another: those whose
    figures follow a change of its figures."""
    if not code:
        return ()
    formulas = _formulas(conn)
    out: list[str] = []
    todo = [code]
    while todo:
        c = todo.pop()
        for reader, f in formulas.items():
            if c in inputs(f) and reader not in out:
                out.append(reader)
                todo.append(reader)
    return tuple(out)


def after_commit(conn: Connection, kind, frames, fields, *, who: str, why: str,
                 origin: str) -> set[str]:
    """What :func:`core.write.commit` calls once it has written ``frames`` (new, changed,
    gone) of ``kind``: figures of inputs make their computed figures follow; a new or edited
    formula makes its indicator's figures again. Returns the indicators computed anew."""
    parts = [f for f in frames if f is not None and len(f)]
    if not parts:
        return set()
    if kind.name == "figure":
        cols = ["indicator", "area", "period"]
        touched = pd.concat([f[cols] for f in parts if set(cols) <= set(f.columns)],
                            ignore_index=True)
        return follow(conn, touched, who=who, why=why, origin=origin)
    if kind.name == "indicator":
        new, changed = frames[0], frames[1]
        codes = set()
        if new is not None and len(new) and "formula" in new:
            codes |= set(new.loc[new["formula"].fillna("") != "", "code"])
        if changed is not None and len(changed) and "formula" in fields:
            codes |= set(changed["db_id"].astype(str))
        return {c for c in codes if recompute(conn, c, who=who, why=why, origin=origin)}
    return set()


def recompute(conn: Connection, code: str, *, who: str, why: str, origin: str = "") -> bool:
    """Every figure of computed indicator ``code`` made again from its inputs (after its
    formula changed, or when it was created); those no longer computable are deleted."""
    formula = _formulas(conn).get(code, "")
    return _write(conn, code, formula, None, who=who, why=why, origin=origin)


def _write(conn: Connection, code: str, formula: str, keys: pd.DataFrame | None, *, who: str,
           why: str, origin: str) -> bool:
    from . import queries, write
    from .entities import FIGURE

    names = inputs(formula)
    figs = queries.figures(conn, indicators=[*names, code]) if names else \
        queries.figures(conn, indicators=[code])
    if keys is not None:
        figs = figs.merge(keys, on=["area", "period"])
    got = evaluate(formula, figs[figs["indicator"] != code]) if names else pd.Series(dtype=float)
    have = figs[figs["indicator"] == code].set_index(["area", "period"])
    why = tr("computed by its formula ({why})", why=why) if why else tr("computed by its formula")
    new_idx = got.index.difference(have.index)
    new = pd.DataFrame({"indicator": code,
                        "area": new_idx.get_level_values(0) if len(new_idx) else [],
                        "period": new_idx.get_level_values(1) if len(new_idx) else [],
                        "value": got.reindex(new_idx).to_numpy(float)})
    if len(new):
        new["period_ord"] = [period_ord(p) for p in new["period"]]
        new = new.assign(qualifier="", status="final", derived=False, derivation=formula,
                         note="", source=None, source_ref="", computed=True)
    both = got.index.intersection(have.index)
    old = have.loc[both]
    moved = ~np.isclose(old["value"].to_numpy(float), got.reindex(both).to_numpy(float),
                        rtol=1e-12, atol=1e-12)
    ch = old[moved].reset_index()
    changed = pd.DataFrame({
        "value": got.reindex(pd.MultiIndex.from_frame(ch[["area", "period"]])).to_numpy(float)
        if len(ch) else [],
        "db_value": ch["value"].to_numpy(float), "db_id": ch["id"].to_numpy(),
        "db_version": ch["version"].to_numpy(), "indicator": code,
        "area": ch["area"].to_numpy(object), "period": ch["period"].to_numpy(object)})
    gone = have.loc[have.index.difference(got.index)].reset_index()
    if not (len(new) or len(changed) or len(gone)):
        return False
    write.commit(conn, FIGURE, new=new, changed=changed, fields=("value",), gone=gone,
                 who=who, why=why, origin=origin,
                 stale=tr("a computed figure of {code} was changed meanwhile; nothing was "
                          "written", code=code))
    return True
