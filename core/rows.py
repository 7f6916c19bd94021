"""Versioned create, update and delete of figures, targets and indicators.

Every function runs inside the caller's write transaction and writes its change-log row there
too. An update or delete names the version it was made from; if the stored row has another
version the change is refused with :class:`StaleEditError`, never applied over it.
"""
from __future__ import annotations

from sqlalchemy import Connection, func, select

from . import changelog, rules, schema, validate
from .errors import ConflictError, NotFoundError, StaleEditError
from .i18n import N_, tr
from .values import format_value

ENTITIES = ("figure", "target", "indicator")
BOOKKEEPING = ("version", "entered_by", "entered_at")  # set by every write, not by edits


def table(entity: str):
    return schema.VERSIONED[entity]


def key_column(entity: str):
    t = table(entity)
    return t.c.code if entity == "indicator" else t.c.id


def fetch(conn: Connection, entity: str, key) -> dict | None:
    row = conn.execute(select(table(entity)).where(key_column(entity) == key)).mappings().first()
    return dict(row) if row else None


def describe(row: dict, entity: str) -> str:
    """Names a row for a person, in the current language: ``figure AIR.PM25 / chongqing /
    2024H1``."""
    if entity == "indicator":
        return tr("indicator {key}", key=row["code"])
    where = {"indicator": row["indicator"], "area": row["area"], "period": row["period"]}
    if entity == "target":
        return tr("target {indicator} / {area} / {period} ({kind})", kind=row["kind"], **where)
    return tr("figure {indicator} / {area} / {period}", **where)


def named(entity: str, key) -> str:
    """Names a row by its key alone (``figure 12``), when its content is not at hand."""
    if entity == "indicator":
        return tr("indicator {key}", key=key)
    if entity == "target":
        return tr("target {key}", key=key)
    return tr("figure {key}", key=key)


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
    if entity == "indicator":
        return tr("version {version}", version=row["version"])
    ind = validate.indicator_row(conn, row["indicator"])
    try:
        value = float(row["value"])
    except (TypeError, ValueError):
        return str(row["value"])  # not yet parsed: show it as typed
    return format_value(value, ind["value_kind"], ind["decimals"],
                        qualifier=row.get("qualifier", ""))


def _clean(entity: str, values: dict) -> dict:
    cols = {c.name for c in table(entity).columns}
    return {k: v for k, v in values.items() if k in cols}


def _check_unique(conn: Connection, entity: str, values: dict, exclude=None) -> None:
    if entity == "indicator":
        return
    t = table(entity)
    cond = [t.c.indicator == values["indicator"], t.c.area == values["area"],
            t.c.period == values["period"]]
    if entity == "target":
        cond.append(t.c.kind == values["kind"])
    if exclude is not None:
        cond.append(t.c.id != exclude)
    if conn.execute(select(func.count()).select_from(t).where(*cond)).scalar():
        raise ConflictError(tr("{what} already exists; edit it instead",
                               what=describe(values, entity)))


def insert(conn: Connection, entity: str, values: dict, *, who: str, why: str = "",
           origin: str = "", key=None, version: int = 1) -> dict:
    """Create a row; ``key`` and ``version`` restore a deleted row exactly (undo of delete)."""
    vals = _clean(entity, validate.VALIDATORS[entity](conn, values))
    if entity == "indicator" and fetch(conn, entity, vals["code"]) is not None:
        raise ConflictError(tr("indicator {code} already exists", code=vals["code"]))
    _check_unique(conn, entity, vals)
    vals.update(_clean(entity, dict(version=version, entered_by=who,
                                    entered_at=changelog.now_iso())))
    if entity != "indicator":
        vals.pop("id", None)
        if key is not None:
            vals["id"] = key
    result = conn.execute(table(entity).insert().values(**vals))
    new_key = vals["code"] if entity == "indicator" else (key or result.inserted_primary_key[0])
    new = fetch(conn, entity, new_key)
    changelog.write(conn, [changelog.log_entry(entity, "create", None, new, who=who, why=why,
                                               origin=origin)])
    return new


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
        raise ConflictError(tr("an indicator's code cannot be changed; create a new one"))
    f = schema.figures
    n = conn.execute(select(func.count()).select_from(f).where(f.c.indicator == code)).scalar()
    if n and new["value_kind"] != old["value_kind"]:
        raise ConflictError(tr("indicator {code} has {n} figures stored as {old}; its value "
                               "kind cannot become {new}", code=code, n=n,
                               old=old["value_kind"], new=new["value_kind"]))
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
                                   "natural range; correct them first", n=out, code=code))


def update(conn: Connection, entity: str, key, expected_version: int, changes: dict, *,
           who: str, why: str = "", origin: str = "") -> tuple[dict, dict]:
    """Change fields of a row made from ``expected_version``. Returns (old, new).

    A new value over a derived figure or target ("36.6 + 4.3") makes it an entered one:
    when the value (as validated) differs, ``derived`` and ``derivation`` are cleared,
    unless the change sets either itself (a new derivation with its new value, say).
    """
    old = _current_or_stale(conn, entity, key, expected_version, changes)
    merged = {**old, **changes}
    vals = _clean(entity, validate.VALIDATORS[entity](conn, merged))
    if entity in ("figure", "target") and any(
            rules.typed_over_derived(bool(old.get("derived")), _num(old.get(k)),
                                     _num(vals.get(k)),
                                     "derived" in changes or "derivation" in changes)
            for k in ("value", "value_high") if k in changes):
        vals["derived"], vals["derivation"] = False, ""
    if entity == "indicator":
        _check_indicator_change(conn, old, vals)
    _check_unique(conn, entity, vals, exclude=None if entity == "indicator" else key)
    for k in BOOKKEEPING + ("id",):
        vals.pop(k, None)
    vals.update(_clean(entity, dict(version=expected_version + 1, entered_by=who,
                                    entered_at=changelog.now_iso())))
    t = table(entity)
    result = conn.execute(t.update().where(key_column(entity) == key,
                                           t.c.version == expected_version).values(**vals))
    if result.rowcount != 1:  # someone committed between our read and this write
        _current_or_stale(conn, entity, key, expected_version, changes)
        what, mine = describe(old, entity), _show(conn, merged, entity)
        raise stale_edit(
            tr("{what} was changed by someone else while your edit of it ({mine}) was being "
               "saved; nothing was written. Reload and edit again.", what=what, mine=mine),
            what, mine=mine)
    new = fetch(conn, entity, key)
    changelog.write(conn, [changelog.log_entry(entity, "update", old, new, who=who, why=why,
                                               origin=origin)])
    return old, new


def delete(conn: Connection, entity: str, key, expected_version: int, *, who: str,
           why: str = "", origin: str = "") -> dict:
    """Delete a row made from ``expected_version``. Returns the row as it was."""
    old = _current_or_stale(conn, entity, key, expected_version)
    if entity == "indicator":
        for dep, still in (
                (schema.figures, N_("indicator {code} still has {n} figures; delete them first")),
                (schema.targets, N_("indicator {code} still has {n} targets; delete them first"))):
            n = conn.execute(select(func.count()).select_from(dep)
                             .where(dep.c.indicator == key)).scalar()
            if n:
                raise ConflictError(tr(still, code=key, n=n))
    t = table(entity)
    result = conn.execute(t.delete().where(key_column(entity) == key,
                                           t.c.version == expected_version))
    if result.rowcount != 1:
        _current_or_stale(conn, entity, key, expected_version)
        raise NotFoundError(tr("{what} could not be deleted", what=describe(old, entity)))
    changelog.write(conn, [changelog.log_entry(entity, "delete", old, None, who=who, why=why,
                                               origin=origin)])
    return old
