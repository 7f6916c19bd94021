"""What every screen shares: the store, the undo stack, the language and the reference data.

Screens never write to the store themselves: they call :meth:`AppContext.edit` with a
:mod:`core.edits` edit. The context applies it through the core in a worker
(:class:`gui.ops.OpRunner`, one write at a time), then, on the GUI thread, pushes it on the
undo stack and emits :attr:`changed` with what changed (and the row as written), so each
screen refreshes only that.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core import access, queries
from core.edits import Edit, Outcome, with_reason
from core.period_lock import ReasonNeeded
from core.store import Store

from .ops import Applied, OpRunner, read_reference
from .undo import push_edit


class AppContext(QObject):
    """Shared state of one window.

    Signals
    -------
    changed(Changed)
        After an edit, undo or redo was written to the store.
    reloaded()
        After :meth:`reload` (F5, or a stale edit resolved) has read the reference data
        again: everything may have changed.
    language_changed(str)
        The display language changed (``en`` or ``zh_CN``).
    error(Exception)
        An undo or redo the core refused (stale or invalid); the window tells the person.
    """

    changed = Signal(object)
    reloaded = Signal()
    language_changed = Signal(str)
    error = Signal(object)

    def __init__(self, store: Store, lang: str = "en", parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.ops = OpRunner(store, self)
        # asks a person why a reported figure is corrected: (error, proceed(reason), cancel())
        # (set by the window; without it such an edit fails with the core's message)
        self.ask_reason: Callable | None = None
        self.indicators = pd.DataFrame()
        self.areas = pd.DataFrame()
        self.categories = pd.DataFrame()
        self.sources = pd.DataFrame()
        self.access = access.OWNER
        self.load_reference()

    # reference data ---------------------------------------------------------------------
    def load_reference(self) -> None:
        self.set_reference(read_reference(self.store))

    def set_reference(self, frames: dict) -> None:
        """Take reference data read elsewhere (by :func:`gui.ops.read_reference`)."""
        self.indicators = frames["indicators"]
        self.areas = frames["areas"]
        self.categories = frames["categories"]
        self.sources = frames["sources"]
        self.access = frames.get("access", access.OWNER)  # what this desk may change
        self._ind_rows: dict[str, dict] = {}
        self._ind_pos: dict[str, int] | None = None
        self._area_rank: dict[str, int] | None = None

    @property
    def area_rank(self) -> dict[str, int]:
        """Area code -> its place in the areas' order (what tables of one indicator sort by)."""
        if self._area_rank is None:
            self._area_rank = queries.area_rank(self.areas)
        return self._area_rank

    @property
    def name_col(self) -> str:
        return "name_zh" if self.lang.startswith("zh") else "name_en"

    def indicator(self, code: str) -> dict:
        """The indicator's row (a copy; KeyError if there is none). The rows are kept until
        the reference data is re-read: filtering the frame costs a millisecond each time."""
        if code not in self._ind_rows:
            if self._ind_pos is None:
                self._ind_pos = {c: i for i, c in enumerate(self.indicators["code"].tolist())}
            pos = self._ind_pos[code]
            self._ind_rows[code] = self.indicators.iloc[pos].to_dict()  # Python scalars
        return dict(self._ind_rows[code])

    def refusal(self, action: str, area: str | None = None) -> str | None:
        """None if this desk may take ``action`` (on ``area``), else the rule that says no
        (:mod:`core.access`): what the screens grey out, and their tooltip."""
        return self.access.refusal(action, area)

    def indicator_name(self, code: str) -> str:
        try:
            return str(self.indicator(code)[self.name_col])
        except KeyError:
            return code

    def area_name(self, code: str) -> str:
        row = self.areas[self.areas["code"] == code]
        return code if row.empty else str(row.iloc[0][self.name_col])

    def category_name(self, code: str) -> str:
        row = self.categories[self.categories["code"] == code]
        return code if row.empty else str(row.iloc[0][self.name_col])

    # edits -------------------------------------------------------------------------------
    def edit(self, edit: Edit, text: str, *,
             on_done: Callable[[Outcome], None] | None = None,
             on_failed: Callable[[BaseException], None] | None = None) -> None:
        """Apply ``edit`` through the core in the worker and push it on the undo stack.

        Returns at once. On the GUI thread, once written: the command is pushed,
        :attr:`changed` emitted, then ``on_done(outcome)``. If the core refuses it (bad
        value, stale version, conflict), nothing is written or pushed and ``on_failed(exc)``
        is called (without one, :attr:`error` is emitted).
        """
        failed = on_failed or self._after_error

        def refused(exc: BaseException) -> None:
            if isinstance(exc, ReasonNeeded) and self.ask_reason is not None:
                # a correction of a reported half-year: ask why, then make it again
                self.ask_reason(exc, lambda reason: self.edit(
                    with_reason(edit, reason), text, on_done=on_done, on_failed=on_failed),
                    lambda: failed(exc))
                return
            failed(exc)

        push_edit(self.undo_stack, self.ops, edit, text, self._after_change, self._after_error,
                  on_done=None if on_done is None else (lambda a: on_done(a.outcome)),
                  on_failed=refused, ask_reason=lambda: self.ask_reason)

    def undo(self) -> None:
        """Undo the last step, once every write asked for before has landed (Ctrl+Z pressed
        while an edit is on its way undoes that edit)."""
        self.ops.when_done(self.undo_stack.undo)

    def redo(self) -> None:
        self.ops.when_done(self.undo_stack.redo)

    def _after_change(self, applied: Applied) -> None:
        outcome = applied.outcome
        if applied.reference is not None:
            self.set_reference(applied.reference)
        elif outcome.changed.reference:
            self.load_reference()
        self.changed.emit(outcome.changed)

    def _after_error(self, exc: BaseException) -> None:
        self.error.emit(exc)

    def close(self) -> None:
        """Let the writes still on their way land, then close the store."""
        self.ops.wait()
        self.store.close()

    def reload(self) -> None:
        """Re-read everything (other desks may have changed a shared database): the
        reference data in the worker, behind the writes asked for before; then
        :attr:`reloaded`, on which each screen re-reads its own."""
        self.ops.run(read_reference, on_done=self._reloaded, on_failed=self._after_error)

    def _reloaded(self, frames: dict) -> None:
        self.set_reference(frames)
        self.reloaded.emit()

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.language_changed.emit(lang)
