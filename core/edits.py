"""Undoable edits: each ``apply`` performs one write and returns its inverse.

The GUI wraps these in one generic ``QUndoCommand``; nothing here knows of Qt, so undo and redo
are tested with plain pytest. Every application re-reads versions, so the inverse it returns is
made from the row as it now stands and undo after undo after redo stays exact.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import reasons, rows
from .entities import INDICATOR, KINDS, kind
from .i18n import tr
from .store import Store


@dataclass(frozen=True)
class Changed:
    """What an edit changed, so views refresh only that."""

    entity: str
    key: object
    indicator: str | None = None
    area: str | None = None
    period: str | None = None
    action: str = "update"
    # the row as written (None after a delete, or for a batch): screens use it rather than
    # read it back
    row: dict | None = field(default=None, compare=False, hash=False, repr=False)

    @property
    def kind(self):
        """The kind of row changed (:mod:`core.entities`), None for a batch of several."""
        return KINDS.get(self.entity)

    @property
    def structure(self) -> bool:
        """True when the list of indicators itself changed."""
        return kind(self.entity) is INDICATOR

    @property
    def reference(self) -> bool:
        """True when reference data the window keeps changed (indicators, sources)."""
        return not kind(self.entity).of_indicator


@dataclass(frozen=True)
class Outcome:
    inverse: Edit
    changed: Changed
    row: dict | None  # the row after the edit (None after a delete)


def _row_subject(entity: str, key: object) -> str:
    """A row named by its kind and key, for the undo text, when its content is not at hand."""
    return kind(entity).name_key(key)


def _changed(entity: str, row: dict, action: str) -> Changed:
    k = kind(entity)
    return Changed(entity, k.key_of(row), k.indicator_of(row), row.get("area"),
                   row.get("period"), action, row if action != "delete" else None)


class Edit:
    """Base of the three edits. ``action``, ``entity`` and ``subject`` name it for undo text."""

    # Subclasses are dataclasses with fields ``entity``, ``action`` and ``why``; no class
    # defaults here, or dataclasses would take them as field defaults.

    @property
    def subject(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def apply(self, store: Store) -> Outcome:
        """Perform the edit in one write transaction; returns its inverse and what changed."""
        with store.write() as conn:
            return self._apply(conn, store.user)

    def _apply(self, conn, who: str) -> Outcome:  # pragma: no cover - overridden
        raise NotImplementedError


def _content(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in rows.BOOKKEEPING}


@dataclass
class CreateRow(Edit):
    entity: str
    values: dict
    key: object = None  # set when this recreates a deleted row (undo of delete)
    version: int = 1
    why: str = "typed edit"
    action: str = field(default="create", init=False)

    @property
    def subject(self) -> str:
        return rows.describe(self.values, self.entity)

    def _apply(self, conn, who: str) -> Outcome:
        new = rows.insert(conn, self.entity, self.values, who=who, why=self.why,
                          key=self.key, version=self.version)
        key = kind(self.entity).key_of(new)
        inverse = DeleteRow(self.entity, key, new["version"], new, why=reasons.inverse(self.why),
                            expect=_content(new))
        return Outcome(inverse, _changed(self.entity, new, "create"), new)


@dataclass
class UpdateRow(Edit):
    entity: str
    key: object
    version: int
    changes: dict
    why: str = "typed edit"
    label: str = ""
    expect: dict | None = None  # undo/redo: check content instead of ``version``
    action: str = field(default="update", init=False)

    @property
    def subject(self) -> str:
        return self.label or _row_subject(self.entity, self.key)

    def _apply(self, conn, who: str) -> Outcome:
        version, current = self.version, None
        if self.expect is not None:
            current = rows.matching(conn, self.entity, self.key, self.expect)
            version = current["version"]
        old, new = rows.update(conn, self.entity, self.key, version, self.changes,
                               who=who, why=self.why, current=current)
        # what the update changed, with what it changed along (a derived figure typed
        # over is no longer derived): undo puts all of it back
        keys = [k for k in new if k in self.changes or (
            k not in rows.BOOKKEEPING and k in old and old[k] != new[k])]
        back = {k: old[k] for k in keys if k in old}
        inverse = UpdateRow(self.entity, self.key, new["version"], back,
                            why=reasons.inverse(self.why), label=rows.describe(new, self.entity),
                            expect={k: new[k] for k in keys})
        return Outcome(inverse, _changed(self.entity, new, "update"), new)


@dataclass
class DeleteRow(Edit):
    entity: str
    key: object
    version: int
    row: dict | None = None  # for the undo text only
    why: str = "typed edit"
    expect: dict | None = None  # undo/redo: check content instead of ``version``
    action: str = field(default="delete", init=False)

    @property
    def subject(self) -> str:
        if self.row:
            return rows.describe(self.row, self.entity)
        return _row_subject(self.entity, self.key)

    def _apply(self, conn, who: str) -> Outcome:
        version, current = self.version, None
        if self.expect is not None:
            current = rows.matching(conn, self.entity, self.key, self.expect)
            version = current["version"]
        old = rows.delete(conn, self.entity, self.key, version, who=who, why=self.why,
                          current=current)
        # Restored with a newer version, so a desk still holding the old row reloads first.
        inverse = CreateRow(self.entity, _content(old), key=self.key, version=old["version"] + 1,
                            why=reasons.inverse(self.why))
        return Outcome(inverse, _changed(self.entity, old, "delete"), None)


@dataclass
class Batch(Edit):
    """Several edits as one: one transaction (all or none) and one step of undo."""

    edits: list[Edit]
    why: str = "typed edit"

    @property
    def action(self) -> str:
        return "batch"

    @property
    def entity(self) -> str:
        return self.edits[0].entity if self.edits else ""

    @property
    def subject(self) -> str:
        return tr("{n} rows", n=len(self.edits))

    def _apply(self, conn, who: str) -> Outcome:
        outcomes = [e._apply(conn, who) for e in self.edits]
        inverse = Batch([o.inverse for o in reversed(outcomes)], why=reasons.inverse(self.why))
        first = outcomes[0].changed
        inds = {o.changed.indicator for o in outcomes}
        changed = Changed(first.entity, None, first.indicator if len(inds) == 1 else None,
                          None, None, "batch")
        return Outcome(inverse, changed, None)
