"""When the indicator view does the work a selection does not wait for.

A selection must paint its figure table and trend plot within 50 ms (README, speed table).
Three pieces of work are left out of that: the targets table (~10 ms to read and fill), the
course computed by a worker when the scorecard's rows are not there yet (a Python worker
holds the GIL in turns with the GUI thread: started at once it doubled the time the
selection took to paint), and the selected figure's history (not read at all while a person
runs through figures with the arrow keys). :class:`Pacing` runs each of them at its moment.

Each piece is a :class:`Piece` in one of three states:

``IDLE``
    nothing to do;
``WAITING``
    to run once the plot has painted its current drawing. A hidden plot is never painted,
    so a fallback timer runs it anyway after ``fallback_ms``. A piece without a paint to
    wait for (``after_paint=False``) waits only for its timer, restarted each time it is
    asked for again: the figure's history waits until the selection has stayed put;
``QUEUED``
    on a later turn of the event loop (:func:`gui.later.later`), so that a paint is
    followed by input and other painting before it.

Asked for again while ``WAITING`` or ``QUEUED``, a piece still runs once; cancelled, it
does not run.
"""
from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from gui.later import later


class State(enum.Enum):
    IDLE = "idle"
    WAITING = "waiting"
    QUEUED = "queued"


class Piece:
    def __init__(self, owner: QObject, fn: Callable[[], None], fallback_ms: int,
                 after_paint: bool):
        self.fn, self.after_paint = fn, after_paint
        self.state = State.IDLE
        self.timer = QTimer(owner)
        self.timer.setSingleShot(True)
        self.timer.setInterval(fallback_ms)


class Pacing(QObject):
    """The deferred pieces of one view, over the plot viewport whose paints they wait for.

    ``painted`` says whether the plot's current drawing (:meth:`drawn`) has been painted.
    """

    def __init__(self, viewport: QWidget, parent: QObject):
        super().__init__(parent)
        self._viewport = viewport
        self._pieces: dict[str, Piece] = {}
        self.painted = False
        viewport.installEventFilter(self)

    def add(self, name: str, fn: Callable[[], None], *, fallback_ms: int,
            after_paint: bool = True) -> None:
        piece = self._pieces[name] = Piece(self, fn, fallback_ms, after_paint)
        piece.timer.timeout.connect(lambda: self._run(piece))

    def state(self, name: str) -> State:
        return self._pieces[name].state

    def pending(self, name: str) -> bool:
        return self._pieces[name].state is not State.IDLE

    def drawn(self) -> None:
        """The plot shows a new drawing: pieces asked for now wait for its paint."""
        self.painted = False

    def ask(self, name: str) -> None:
        """Run ``name`` at its moment (see the module's docstring)."""
        piece = self._pieces[name]
        if piece.state is State.QUEUED:
            return
        if piece.after_paint and self.painted:
            self._queue(piece)
            return
        piece.state = State.WAITING
        piece.timer.start()  # (restarted: a piece without a paint waits until asked no more)

    def soon(self, name: str) -> None:
        """Run ``name`` on a later turn, without waiting for a paint."""
        piece = self._pieces[name]
        if piece.state is not State.QUEUED:
            self._queue(piece)

    def cancel(self, name: str) -> None:
        piece = self._pieces[name]
        piece.timer.stop()
        piece.state = State.IDLE

    def cancel_all(self) -> None:
        for name in self._pieces:
            self.cancel(name)

    def _queue(self, piece: Piece) -> None:
        piece.timer.stop()
        piece.state = State.QUEUED
        later(self, lambda: self._run(piece, queued=True))

    def _run(self, piece: Piece, queued: bool = False) -> None:
        if piece.state is State.IDLE or (queued and piece.state is not State.QUEUED):
            return  # cancelled since, or run already by its timer
        piece.timer.stop()
        piece.state = State.IDLE
        piece.fn()

    def eventFilter(self, obj, event) -> bool:
        if obj is self._viewport and event.type() == QEvent.Type.Paint:
            self.painted = True
            for piece in self._pieces.values():
                if piece.after_paint and piece.state is State.WAITING:
                    self._queue(piece)
        return False
