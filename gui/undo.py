"""One generic undo command over :mod:`core.edits`, its writes run by :mod:`gui.ops`.

An edit is applied (in the worker) *before* its command is pushed, so an edit the core refuses
(a bad value, a stale version) never reaches the stack. Undo applies the inverse the core
returned; redo applies the inverse of that, so versions stay exact across any number of undos
and redos. The stack's index moves at once, as Qt's does; the write follows in the worker,
behind any write still on its way, and the screens refresh when it has landed.

An undo or redo the core refuses takes its command off the stack (as an obsolete command is
in Qt), and the window says why.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from core.edits import Edit, with_reason
from core.period_lock import ReasonNeeded

from .ops import Applied, OpRunner, apply_edit


class EditCommand(QUndoCommand):
    def __init__(self, stack: QUndoStack, runner: OpRunner, applied: Applied, text: str,
                 on_applied: Callable[[Applied], None],
                 on_error: Callable[[BaseException], None], ask_reason=None):
        super().__init__(text)
        self._ask_reason = ask_reason  # () -> the window's reason prompt, or None
        self._stack, self._runner = stack, runner
        self._pending: Edit = applied.outcome.inverse  # what undo will apply next
        self._on_applied, self._on_error = on_applied, on_error
        self._first = True
        self._dead = False  # the core refused an undo or redo: nothing left to apply

    def _run(self, undo: bool) -> None:
        if self._dead:
            self.setObsolete(True)  # Qt drops it from the stack after this call
            return
        self._runner.run(lambda store: apply_edit(self._pending, store),
                         on_done=self._applied, on_failed=lambda exc: self._refused(exc, undo))

    def _refused(self, exc: BaseException, undo: bool) -> None:
        """An undo or redo into a reported half-year asks why, then goes ahead with it."""
        ask = self._ask_reason() if self._ask_reason is not None else None
        if isinstance(exc, ReasonNeeded) and ask is not None:
            def proceed(reason: str) -> None:
                self._pending = with_reason(self._pending, reason)
                self._runner.run(lambda store: apply_edit(self._pending, store),
                                 on_done=self._applied,
                                 on_failed=lambda e: self._failed(e, undo))

            ask(exc, proceed, lambda: self._failed(exc, undo))
            return
        self._failed(exc, undo)

    def _applied(self, applied: Applied) -> None:
        self._pending = applied.outcome.inverse
        self._on_applied(applied)

    def _failed(self, exc: BaseException, undo: bool) -> None:
        self._dead = True
        # Off the stack, as the synchronous command was (setObsolete during undo()): step
        # back over it, if it is still where the refused step left it.
        i = self._stack.index()
        if undo and i < self._stack.count() and self._stack.command(i) is self:
            self._stack.redo()
        elif not undo and i > 0 and self._stack.command(i - 1) is self:
            self._stack.undo()
        self._on_error(exc)

    def redo(self) -> None:
        if self._first:  # already applied before it was pushed
            self._first = False
            return
        self._run(undo=False)

    def undo(self) -> None:
        self._run(undo=True)


def push_edit(stack: QUndoStack, runner: OpRunner, edit: Edit, text: str,
              on_applied: Callable[[Applied], None],
              on_error: Callable[[BaseException], None],
              on_done: Callable[[Applied], None] | None = None,
              on_failed: Callable[[BaseException], None] | None = None,
              ask_reason=None) -> None:
    """Apply ``edit`` through the core in the worker, then (on the GUI thread) put it on
    ``stack`` and call ``on_applied`` and ``on_done``. What the core raises goes to
    ``on_failed`` (to ``on_error`` without one); nothing is pushed then."""

    def _done(applied: Applied) -> None:
        stack.push(EditCommand(stack, runner, applied, text, on_applied, on_error,
                               ask_reason))
        on_applied(applied)
        if on_done is not None:
            on_done(applied)

    runner.run(lambda store: apply_edit(edit, store), on_done=_done,
               on_failed=on_failed or on_error)
