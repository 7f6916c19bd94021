"""Versioned create, update and delete of figures, targets and indicators.

Every function runs inside the caller's write transaction and writes its change-log row there
too. An update or delete names the version it was made from; if the stored row has another
version the change is refused with :class:`StaleEditError`, never applied over it.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, func, select

from . import context_cache, rules, schema, validate, write
from .entities import INDICATOR, SOURCE, kind
from .errors import ConflictError, StaleEditError
from .i18n import N_, tr
from .values import format_value

ENTITIES = ("figure", "target", "indicator", "source")  # the kinds of :mod:`core.entities`
BOOKKEEPING = ("version", "entered_by", "entered_at")  # set by every write, not by edits


def table(entity: str):
    return kind(entity).table


def key_column(entity: str):
    k = kind(entity)
    return k.table.c[k.key]


def fetch(conn: Connection, entity: str, key) -> dict | None:
    row = conn.execute(select(table(entity)).where(key_column(entity) == key)).mappings().first()
    return dict(row) if row else None


def describe(row: dict, entity: str) -> str:
    """Names a row for a person, in the current language: ``figure AIR.PM25 / chongqing /
    2024H1``."""
    return kind(entity).describe(row)


def named(entity: str, key) -> str:
    """Names a row by its key alone (``figure 12``), when its content is not at hand."""
    return kind(entity).name_key(key)


def stale_edit(message: str, what: str, *, mine: str = "", theirs: str = "",
               deleted: bool = False, version: int | None = None) -> StaleEditError:
    """A :class:`StaleEditError` that says ``message``, one whole sentence made with ``tr``.

    The error's own sentences fit an edit of a value that meets another value or a deleted
    row. A refused deletion or a batch of figures has its own sentence instead of English
    words put into those; ``mine`` and ``theirs`` stay empty where there is no value.
    """
    err = StaleEditError(what, mine, theirs, deleted=deleted, version=version)
    err.args = (message,)
    return err


def _show(conn: Connection, row: dict, entity: str) -> str:
    if not kind(entity).of_indicator:
        return tr("version {version}", version=row["version"])
    ctx = context_cache.context(conn)  # the indicator as the rules know it: no round trip
    code = row["indicator"]
    ind = (ctx.indicators.loc[code] if code in ctx.indicators.index
           else validate.indicator_row(conn, code))
    try:
        value = float(row["value"])
    except (TypeError, ValueError):
        return str(row["value"])  # not yet parsed: show it as typed
    return format_value(value, ind["value_kind"], ind["decimals"],
                        qualifier=row.get("qualifier", ""))


def _clean(entity: str, values: dict) -> dict:
    cols = {c.name for c in table(entity).columns}
    return {k: v for k, v in values.items() if k in cols}


def _check_unique(conn: Connection, entity: str, values: dict, exclude=None,
                  old: dict | None = None) -> None:
    """Refuse a row whose unique key (indicator, area, period) another row holds. An update
    that keeps the row's own key cannot clash: no round trip is made for it."""
    k = kind(entity)
    if not k.of_indicator:
        return
    if old is not None and all(_same(old.get(c), values.get(c)) for c in k.unique):
        return
    t = k.table
    cond = [t.c[c] == values[c] for c in k.unique]
    if exclude is not None:
        cond.append(t.c.id != exclude)
    if conn.execute(select(func.count()).select_from(t).where(*cond)).scalar():
        raise ConflictError(tr("{what} already exists; edit it instead",
                               what=describe(values, entity)), field="period")


def _validated(conn: Connection, entity: str, values: dict, stored: dict | None = None) -> dict:
    """``stored``: the row as it is stored, whose values the decimals rule lets stand."""
    if stored is not None and kind(entity).of_indicator:
        values = {**values, **{(rules.STORED if f == "value" else f"{rules.STORED}_{f}"):
                               stored.get(f) for f in ("value", "value_high", "baseline_value")
                               if f in stored}}
    return _clean(entity, validate.VALIDATORS[entity](conn, values))


def insert(conn: Connection, entity: str, values: dict, *, who: str, why: str = "",
           origin: str = "", key=None, version: int = 1, reason: str = "") -> dict:
    """Create a row; ``key`` and ``version`` restore a deleted row exactly (undo of delete)."""
    k = kind(entity)
    # a deleted row restored (undo) comes back as it was, decimals and all
    vals = _validated(conn, entity, values, stored=values if key is not None else None)
    if not k.of_indicator and fetch(conn, entity, vals[k.key]) is not None:
        if k is INDICATOR:
            raise ConflictError(tr("indicator {code} already exists", code=vals["code"]))
        raise ConflictError(tr("{what} already exists; edit it instead",
                               what=describe(vals, entity)))
    _check_unique(conn, entity, vals)
    for c in BOOKKEEPING:
        vals.pop(c, None)
    if k.of_indicator:
        vals.pop("id", None)
        if key is not None:
            vals["id"] = key
    written = write.commit(conn, k, new=pd.DataFrame([vals]), same={"version": version},
                           who=who, why=why, origin=origin, reason=reason)
    if written.rows:  # as the database stored it (RETURNING): not read back
        return dict(written.rows[0])
    return fetch(conn, entity, vals.get(k.key, written.ids[0] if written.ids else None))


def _current_or_stale(conn: Connection, entity: str, key, expected_version: int,
                      changes: dict | None = None) -> dict:
    """The row, provided it is still at ``expected_version``; else a StaleEditError naming
    the value this edit meant to write (or that it meant to delete) and the value the row now
    holds."""
    row = fetch(conn, entity, key)
    if row is None:
        raise StaleEditError(named(entity, key), "", "", deleted=True, version=expected_version)
    if row["version"] != expected_version:
        what, theirs = describe(row, entity), _show(conn, row, entity)
        if changes is None:  # a deletion
            raise stale_edit(
                tr("{what} was changed by someone else since you loaded it (version {version}): "
                   "you entered a deletion, it now holds {theirs}. Reload and edit again.",
                   what=what, version=expected_version, theirs=theirs),
                what, theirs=theirs, version=expected_version)
        raise StaleEditError(what, _show(conn, {**row, **changes}, entity), theirs,
                             version=expected_version)
    return row


def _num(v) -> float:
    return float("nan") if v is None else float(v)


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
        except (TypeError, ValueError):
            return False
    return (a or None) == (b or None) if not isinstance(a, bool) else a == b


def matching(conn: Connection, entity: str, key, expect: dict) -> dict:
    """The row, provided it still holds ``expect``; else :class:`StaleEditError`.

    Undo and redo check content rather than version: the row must still hold what the edit
    being undone wrote. Our own later edits, already undone, leave it so; another desk's
    change to those fields does not, and is never overwritten.
    """
    row = fetch(conn, entity, key)
    if row is None:
        raise StaleEditError(describe(expect, entity) if "indicator" in expect or "code" in expect
                             else named(entity, key), "", "", deleted=True)
    if not all(_same(row.get(k), v) for k, v in expect.items()):
        mine = {**row, **expect}
        raise StaleEditError(describe(row, entity), _show(conn, mine, entity),
                             _show(conn, row, entity))
    return row


def _check_indicator_change(conn: Connection, old: dict, new: dict) -> None:
    """Refuse indicator edits that would leave its stored figures meaning something else."""
    code = old["code"]
    if new["code"] != code:
        raise ConflictError(tr("an indicator's code cannot be changed; create a new one"),
                            field="code")
    f = schema.figures
    n = conn.execute(select(func.count()).select_from(f).where(f.c.indicator == code)).scalar()
    if n and new["value_kind"] != old["value_kind"]:
        raise ConflictError(tr("indicator {code} has {n} figures stored as {old}; its value "
                               "kind cannot become {new}", code=code, n=n,
                               old=old["value_kind"], new=new["value_kind"]),
                            field="value_kind")
    lo, hi = new.get("vmin"), new.get("vmax")
    cond = []
    if lo is not None:
        cond.append(f.c.value < lo)
    if hi is not None:
        cond.append(f.c.value > hi)
    if cond:
        from sqlalchemy import or_

        out = conn.execute(select(func.count()).select_from(f).where(
            f.c.indicator == code, or_(*cond))).scalar()
        if out:
            raise ConflictError(tr("{n} figures of indicator {code} lie outside the new "
                                   "natural range; correct them first", n=out, code=code),
                                field="vmin")


def _check_source_unused(conn: Connection, key, row: dict) -> None:
    """A source that figures or targets still name is not deleted (they would lose it)."""
    n = sum(conn.execute(select(func.count()).select_from(t).where(t.c.source == key)).scalar()
            for t in (schema.figures, schema.targets))
    if n:
        raise ConflictError(tr("{what} is the source of {n} figures or targets; it cannot be "
                               "deleted", what=describe(row, "source"), n=n))


def update(conn: Connection, entity: str, key, expected_version: int, changes: dict, *,
           who: str, why: str = "", origin: str = "",
           current: dict | None = None, reason: str = "") -> tuple[dict, dict]:
    """Change fields of a row made from ``expected_version``. Returns (old, new).

    ``current``: the row as just read in this transaction (by :func:`matching`), so that it
    is not read twice; the version check is the UPDATE's own (``WHERE version = ...``).

    A new value over a derived figure or target ("36.6 + 4.3") makes it an entered one:
    when the value (as validated) differs, ``derived`` and ``derivation`` are cleared,
    unless the change sets either itself (a new derivation with its new value, say).
    """
    old = (current if current is not None and current.get("version") == expected_version
           else _current_or_stale(conn, entity, key, expected_version, changes))
    merged = {**old, **changes}
    vals = _validated(conn, entity, merged, stored=old)
    k = kind(entity)
    if k.of_indicator and any(
            rules.typed_over_derived(bool(old.get("derived")), _num(old.get(f)),
                                     _num(vals.get(f)),
                                     "derived" in changes or "derivation" in changes)
            for f in ("value", "value_high") if f in changes):
        vals["derived"], vals["derivation"] = False, ""
    if k is INDICATOR:
        _check_indicator_change(conn, old, vals)
    _check_unique(conn, entity, vals, exclude=key if k.of_indicator else None, old=old)
    # the fields this update writes: those it sets, and those it changes along
    fields = tuple(f for f in vals if f not in (*BOOKKEEPING, k.key)
                   and (f in changes or not _same(old.get(f), vals[f])))
    what, mine = describe(old, entity), _show(conn, merged, entity)
    ch = pd.DataFrame([{**{f: vals[f] for f in fields}, **{f"db_{f}": old.get(f) for f in fields},
                        "db_id": key, "db_version": expected_version,
                        **{c: vals.get(c, old.get(c)) for c in ("indicator", "area", "period")
                           if c in old}}])  # the log row names the row as it now is
    try:
        written = write.commit(conn, k, changed=ch, fields=fields, who=who, why=why,
                               origin=origin, reason=reason,
                     stale=tr("{what} was changed by someone else while your edit of it "
                              "({mine}) was being saved; nothing was written. Reload and edit "
                              "again.", what=what, mine=mine))
    except StaleEditError:
        _current_or_stale(conn, entity, key, expected_version, changes)  # say how, if we can
        raise
    # the row as the UPDATE returned it, else read back
    return old, dict(written.rows[0]) if written.rows else fetch(conn, entity, key)


def delete(conn: Connection, entity: str, key, expected_version: int, *, who: str,
           why: str = "", origin: str = "", current: dict | None = None,
           reason: str = "") -> dict:
    """Delete a row made from ``expected_version``. Returns the row as it was.
    ``current``: the row as just read in this transaction (see :func:`update`)."""
    old = (current if current is not None and current.get("version") == expected_version
           else _current_or_stale(conn, entity, key, expected_version))
    if kind(entity) is SOURCE:
        _check_source_unused(conn, key, old)
    elif not kind(entity).of_indicator:
        for dep, still in (
                (schema.figures, N_("indicator {code} still has {n} figures; delete them first")),
                (schema.targets, N_("indicator {code} still has {n} targets; delete them first"))):
            n = conn.execute(select(func.count()).select_from(dep)
                             .where(dep.c.indicator == key)).scalar()
            if n:
                raise ConflictError(tr(still, code=key, n=n))
    try:
        write.commit(conn, kind(entity), gone=pd.DataFrame([old]), who=who, why=why,
                     origin=origin, reason=reason, stale=tr("{what} could not be deleted",
                                             what=describe(old, entity)))
    except StaleEditError:
        _current_or_stale(conn, entity, key, expected_version)
        raise
    return old
