"""Undoable edits: each ``apply`` performs one write and returns its inverse.

The GUI wraps these in one generic ``QUndoCommand``; nothing here knows of Qt, so undo and redo
are tested with plain pytest. Every application re-reads versions, so the inverse it returns is
made from the row as it now stands and undo after undo after redo stays exact.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

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
    # computed indicators whose figures the write path made again along (core.computed)
    also: tuple[str, ...] = ()
    # a block of figures (core.figure_block): every indicator it touched, the figures of
    # its keys as written, and the keys themselves
    indicators: frozenset = field(default_factory=frozenset, compare=False, hash=False)
    frame: object = field(default=None, compare=False, hash=False, repr=False)
    keys: object = field(default=None, compare=False, hash=False, repr=False)

    def concerns(self, indicator: str | None) -> bool:
        """Whether the change touched figures or targets of ``indicator``."""
        return indicator is not None and (indicator == self.indicator
                                          or indicator in self.indicators
                                          or indicator in self.also)

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


def _changed(entity: str, row: dict, action: str, conn=None) -> Changed:
    k = kind(entity)
    also = ()
    if conn is not None and k.of_indicator:
        from .computed import readers

        also = readers(conn, k.indicator_of(row))
    return Changed(entity, k.key_of(row), k.indicator_of(row), row.get("area"),
                   row.get("period"), action, row if action != "delete" else None, also)


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
    reason: str = ""  # why a figure of a reported half-year changes (core.period_lock)
    action: str = field(default="create", init=False)

    @property
    def subject(self) -> str:
        return rows.describe(self.values, self.entity)

    def _apply(self, conn, who: str) -> Outcome:
        new = rows.insert(conn, self.entity, self.values, who=who, why=self.why,
                          key=self.key, version=self.version, reason=self.reason)
        key = kind(self.entity).key_of(new)
        inverse = DeleteRow(self.entity, key, new["version"], new,
                            why=reasons.inverse(self.why),
                            expect=_content(new), reason=self.reason)
        return Outcome(inverse, _changed(self.entity, new, "create", conn), new)


@dataclass
class UpdateRow(Edit):
    entity: str
    key: object
    version: int
    changes: dict
    why: str = "typed edit"
    label: str = ""
    expect: dict | None = None  # undo/redo: check content instead of ``version``
    reason: str = ""
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
                               who=who, why=self.why, current=current, reason=self.reason)
        # what the update changed, with what it changed along (a derived figure typed
        # over is no longer derived): undo puts all of it back
        keys = [k for k in new if k in self.changes or (
            k not in rows.BOOKKEEPING and k in old and old[k] != new[k])]
        back = {k: old[k] for k in keys if k in old}
        inverse = UpdateRow(self.entity, self.key, new["version"], back,
                            why=reasons.inverse(self.why), label=rows.describe(new, self.entity),
                            expect={k: new[k] for k in keys}, reason=self.reason)
        return Outcome(inverse, _changed(self.entity, new, "update", conn), new)


@dataclass
class DeleteRow(Edit):
    entity: str
    key: object
    version: int
    row: dict | None = None  # for the undo text only
    why: str = "typed edit"
    expect: dict | None = None  # undo/redo: check content instead of ``version``
    reason: str = ""
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
                          current=current, reason=self.reason)
        # Restored with a newer version, so a desk still holding the old row reloads first.
        inverse = CreateRow(self.entity, _content(old), key=self.key, version=old["version"] + 1,
                            why=reasons.inverse(self.why), reason=self.reason)
        return Outcome(inverse, _changed(self.entity, old, "delete", conn), None)


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


def with_reason(edit: Edit, reason: str) -> Edit:
    """``edit`` made again with ``reason`` (a correction of a reported half-year, asked for
    after the core refused it without one: :class:`core.period_lock.ReasonNeeded`)."""
    if isinstance(edit, Batch):
        return replace(edit, edits=[with_reason(e, reason) for e in edit.edits])
    if hasattr(edit, "reason"):
        return replace(edit, reason=reason)
    return edit
