"""gui.indicator.pacing: work a selection does not wait for, run at its moment, once."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from gui.indicator.pacing import Pacing, State

pytestmark = pytest.mark.gui


@pytest.fixture
def paced(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    plot = QWidget(owner)
    plot.resize(50, 50)
    pace = Pacing(plot, owner)
    runs: list[str] = []
    pace.add("targets", lambda: runs.append("targets"), fallback_ms=10_000)
    pace.add("history", lambda: runs.append("history"), fallback_ms=30, after_paint=False)
    return owner, plot, pace, runs


def test_a_piece_waits_for_the_paint_and_runs_once(paced, qtbot):
    owner, _plot, pace, runs = paced
    pace.drawn()
    pace.ask("targets")
    pace.ask("targets")  # a second selection before the paint: still one run
    assert pace.state("targets") is State.WAITING and runs == []
    qtbot.wait(50)
    assert runs == []  # not painted (hidden): waits, up to its 10 s fallback
    owner.show()
    qtbot.waitUntil(lambda: runs == ["targets"], timeout=2000)
    assert pace.painted
    qtbot.wait(30)
    assert runs == ["targets"] and pace.state("targets") is State.IDLE
    pace.ask("targets")  # asked when the drawing is already painted: the next turn
    assert pace.state("targets") is State.QUEUED
    qtbot.waitUntil(lambda: runs == ["targets"] * 2, timeout=2000)


def test_a_hidden_plot_is_never_painted_the_fallback_runs_it(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    pace = Pacing(QWidget(owner), owner)
    runs = []
    pace.add("course", lambda: runs.append(1), fallback_ms=20)
    pace.drawn()
    pace.ask("course")
    qtbot.waitUntil(lambda: runs == [1], timeout=2000)
    assert pace.state("course") is State.IDLE


def test_a_cancelled_piece_does_not_run_and_history_waits_until_asked_no_more(paced, qtbot):
    _owner, _plot, pace, runs = paced
    pace.soon("targets")
    pace.cancel("targets")
    for _ in range(5):  # a person running through figures with the arrow keys
        pace.ask("history")
        qtbot.wait(10)
    assert runs == []
    qtbot.waitUntil(lambda: runs == ["history"], timeout=2000)
    qtbot.wait(50)
    assert runs == ["history"]
    pace.ask("history")
    pace.cancel_all()
    qtbot.wait(60)
    assert runs == ["history"]
