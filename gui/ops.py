"""Database writes off the GUI thread, one at a time and in the order they were asked for.

Modelled on Anki's ``CollectionOp`` (``qt/aqt/operations/__init__.py``): an operation is a
plain function of the store that runs in a worker thread; its success or failure callback
runs on the GUI thread, where the undo command is pushed and screens refresh from what the
operation returned. Against a PostgreSQL server a district office away, an edit is a
handful of round trips (ping, BEGIN, version check, write, change log, COMMIT) of tens of
milliseconds each: in the GUI thread that froze the window for a third of a second.

:class:`OpRunner` keeps one queue per window. An operation starts only after the one before
it has finished *and* its callbacks have run on the GUI thread, so an undo queued behind an
edit applies the inverse that edit returned, and writes never overtake each other (one
writer at a time: ``Store.write`` would serialise them anyway, but not in a fixed order).
:meth:`OpRunner.when_done` queues a GUI-thread step behind the operations asked for so far
(the Undo and Redo actions use it: Ctrl+Z pressed while an edit is still on its way undoes
that edit, not the one before it).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThreadPool, Signal

from core.edits import Edit, Outcome
from core.store import Store

from . import workers


@dataclass(frozen=True)
class _Op:
    fn: Callable[[Store], object]
    on_done: Callable[[object], None] | None
    on_failed: Callable[[BaseException], None] | None


@dataclass(frozen=True)
class _Step:
    fn: Callable[[], None]


class OpRunner(QObject):
    """Runs store operations in a worker, one after the other.

    Signals
    -------
    busy_changed(bool)
        True when the first operation is queued, False when the queue has run dry.
    """

    busy_changed = Signal(bool)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._queue: deque[_Op | _Step] = deque()
        self._running: workers.Job | None = None
        self._front: list[_Op | _Step] | None = None  # what a running step queues goes first
        # a thread of its own, kept warm: the global pool may be busy with a scorecard
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)

    @property
    def busy(self) -> bool:
        """Whether an operation is running or queued."""
        return self._running is not None or bool(self._queue)

    def run(self, fn: Callable[[Store], object], *, on_done: Callable[[object], None] | None,
            on_failed: Callable[[BaseException], None] | None) -> None:
        """Queue ``fn(store)`` for the worker; ``on_done(result)`` or ``on_failed(exc)``
        follow on the GUI thread. ``fn`` is called only when its turn comes, so it may read
        what the operations before it left behind (an undo command's next edit)."""
        self._add(_Op(fn, on_done, on_failed))

    def when_done(self, fn: Callable[[], None]) -> None:
        """Call ``fn()`` on the GUI thread once every operation queued so far has finished
        (at once if none is). Operations it queues run before those queued after it."""
        self._add(_Step(fn))

    def _add(self, item: _Op | _Step) -> None:
        if self._front is not None:
            self._front.append(item)
            return
        was_busy = self.busy
        self._queue.append(item)
        if not was_busy:
            self.busy_changed.emit(True)
        self._next()

    def _next(self) -> None:
        while self._running is None and self._queue:
            item = self._queue.popleft()
            if isinstance(item, _Step):
                self._front = []
                try:
                    item.fn()
                finally:
                    front, self._front = self._front, None
                    self._queue.extendleft(reversed(front))
                continue
            self._running = workers.start(
                _call, item.fn, self.store,
                on_done=lambda result, op=item: self._finish(op.on_done, result),
                on_failed=lambda exc, op=item: self._finish(op.on_failed, exc),
                parent=self, pool=self._pool)
        if not self.busy:
            self.busy_changed.emit(False)

    def _finish(self, callback, value) -> None:
        self._running = None
        try:
            if callback is not None:
                callback(value)
        finally:
            self._next()

    def wait(self, msecs: int = 30000) -> bool:
        """Run the queue to its end from the GUI thread, callbacks included (before the
        store is closed). True if it ran dry within ``msecs``."""
        deadline = QDeadlineTimer(msecs)
        while self.busy and not deadline.hasExpired():
            self._pool.waitForDone(10)
            QCoreApplication.sendPostedEvents()  # the finished job's queued signal
        return not self.busy


def _call(fn: Callable[[Store], object], store: Store, *, progress, cancelled) -> object:
    return fn(store)


@dataclass(frozen=True)
class Applied:
    """What an edit operation brings back from the worker: the core's outcome and, when the
    list of indicators changed, the reference data read again in the same worker."""

    outcome: Outcome
    reference: dict | None = None


def apply_edit(edit: Edit, store: Store) -> Applied:
    """Apply ``edit`` through the core (in the worker) and, after a change of indicators,
    read the reference data the window keeps, so the GUI thread need not."""
    outcome = edit.apply(store)
    return Applied(outcome, read_reference(store) if outcome.changed.reference else None)


def read_reference(store: Store) -> dict:
    """Indicators, areas, categories and sources as :class:`gui.context.AppContext` keeps
    them, and who is connected (one read transaction)."""
    from core import access, context_cache, queries

    context_cache.forget(store.engine)  # the rules read them again too, at the next write
    with store.read() as conn:
        return {"indicators": queries.indicators(conn), "areas": queries.areas(conn),
                "categories": queries.categories(conn), "sources": queries.sources(conn),
                "access": access.current(conn, fresh=True)}  # who: what to grey out


def alive(obj: QObject) -> bool:
    """Whether ``obj`` (a dialog, a view) still exists when a callback reaches it."""
    return shiboken6.isValid(obj)
