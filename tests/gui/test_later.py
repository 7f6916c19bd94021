"""gui.later: queued pieces run in order, one per turn of the event loop."""
from __future__ import annotations

import time

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject

from gui.later import later

pytestmark = pytest.mark.gui


def test_pieces_run_in_order_one_per_turn_and_not_for_a_deleted_owner(qtbot):
    ran: list[str] = []
    gone = QObject()
    for name, owner in (("a", None), ("b", None), ("never", gone), ("c", None)):
        later(owner, lambda name=name: ran.append(name))
    shiboken6.delete(gone)  # its widget closed before its turn came
    done_per_turn = []
    end = time.monotonic() + 5
    while "c" not in ran and time.monotonic() < end:
        before = len(ran)
        QCoreApplication.processEvents()  # one turn of the event loop
        done_per_turn.append(len(ran) - before)
        time.sleep(0.001)
    assert ran == ["a", "b", "c"]
    assert max(done_per_turn) == 1  # never two pieces in one turn


def test_idle_pieces_wait_for_every_later_piece(qtbot):
    from gui.later import when_idle

    ran: list[str] = []

    def turns_until(n: int) -> None:
        end = time.monotonic() + 5
        while len(ran) < n and time.monotonic() < end:
            QCoreApplication.processEvents()  # one piece at most per turn
            time.sleep(0.001)

    when_idle(None, lambda: ran.append("idle 1"))
    when_idle(None, lambda: ran.append("idle 2"))
    later(None, lambda: ran.append("a"))
    turns_until(2)
    assert ran == ["a", "idle 1"]
    later(None, lambda: ran.append("b"))  # queued while an idle piece still waits
    turns_until(4)
    assert ran == ["a", "idle 1", "b", "idle 2"]
