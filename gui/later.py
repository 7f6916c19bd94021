"""Work for later turns of the event loop, one piece per turn.

``QTimer.singleShot(0, ...)`` is not enough to split a long job: every zero-delay timer that
is due runs in the same pass of the event loop, one after the other, so three pieces of
60 ms still block the window for 180 ms. Pieces queued here run one per turn, and input,
painting and other timers get their turn in between.

:func:`when_idle` queues preparation nobody is waiting for (the Indicator tab built after
start): its pieces run only when no :func:`later` piece is waiting, so the work a person
does see (the scorecard's second half, a language switch) goes first.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer


class _Queue(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._pieces: deque[tuple[QObject | None, Callable[[], None]]] = deque()
        self._idle: deque[tuple[QObject | None, Callable[[], None]]] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_one)

    def add(self, owner: QObject | None, piece: Callable[[], None], idle: bool = False) -> None:
        (self._idle if idle else self._pieces).append((owner, piece))
        if not self._timer.isActive():
            self._timer.start()

    def _run_one(self) -> None:
        owner, piece = (self._pieces or self._idle).popleft()
        try:
            if owner is None or shiboken6.isValid(owner):  # not for a widget that has gone
                piece()
        finally:
            if self._pieces or self._idle:
                self._timer.start()


_queue: _Queue | None = None


def _the_queue() -> _Queue:
    global _queue
    if _queue is None or not shiboken6.isValid(_queue):
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("later() needs a QApplication")
        _queue = _Queue(app)
    return _queue


def later(owner: QObject | None, piece: Callable[[], None]) -> None:
    """Run ``piece`` on a later turn of the event loop, after the pieces queued before it,
    and not at all if ``owner`` has been deleted by then."""
    _the_queue().add(owner, piece)


def when_idle(owner: QObject | None, piece: Callable[[], None]) -> None:
    """Like :func:`later`, but only on a turn when no :func:`later` piece is waiting (after
    the ``when_idle`` pieces queued before it)."""
    _the_queue().add(owner, piece, idle=True)
