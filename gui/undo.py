"""One generic undo command over :mod:`core.edits`.

The edit is applied *before* the command is pushed, so an edit the core refuses (a bad value,
a stale version) never reaches the stack. Undo applies the inverse the core returned; redo
applies the inverse of that, so versions stay exact across any number of undos and redos.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from core.edits import Changed, Edit, Outcome
from core.errors import EcoError
from core.store import Store


class EditCommand(QUndoCommand):
    def __init__(self, store: Store, outcome: Outcome, text: str,
                 on_changed: Callable[[Changed], None],
                 on_error: Callable[[EcoError], None]):
        super().__init__(text)
        self._store = store
        self._pending: Edit = outcome.inverse  # what undo will apply next
        self._on_changed, self._on_error = on_changed, on_error
        self._first = True

    def _run(self) -> None:
        try:
            outcome = self._pending.apply(self._store)
        except EcoError as exc:
            self.setObsolete(True)
            self._on_error(exc)
            return
        self._pending = outcome.inverse
        self._on_changed(outcome.changed)

    def redo(self) -> None:
        if self._first:  # already applied by push_edit
            self._first = False
            return
        self._run()

    def undo(self) -> None:
        self._run()


def push_edit(stack: QUndoStack, store: Store, edit: Edit, text: str,
              on_changed: Callable[[Changed], None],
              on_error: Callable[[EcoError], None]) -> Outcome:
    """Apply ``edit`` through the core and put it on ``stack``. Raises what the core raises."""
    outcome = edit.apply(store)
    stack.push(EditCommand(store, outcome, text, on_changed, on_error))
    on_changed(outcome.changed)
    return outcome
