"""gui.workers: a job's result reaches its owner on the GUI thread, never a deleted one."""
from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from gui import workers

pytestmark = pytest.mark.gui


def _job(gate: threading.Event, progress=None, cancelled=None) -> int:
    gate.wait(10)
    return 42


def test_result_reaches_a_living_owner_on_the_gui_thread(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    gate, got = threading.Event(), []
    workers.start(_job, gate, on_done=lambda r: got.append((r, threading.current_thread())),
                  on_failed=got.append, parent=owner)
    gate.set()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [(42, threading.main_thread())]


def test_no_callback_once_the_owner_is_deleted(qtbot):
    """A window closed while its scorecard job ran: the result must not reach its
    deleted widgets (it used to raise 'Internal C++ object already deleted')."""
    owner = QWidget()
    gate, got = threading.Event(), []
    job = workers.start(_job, gate, on_done=got.append, on_failed=got.append, parent=owner)
    shiboken6.delete(owner)
    finished = []
    job.signals.done.connect(lambda _r: finished.append(True))
    gate.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert got == []


def test_scorecard_job_finishing_after_its_window_closed_is_ignored(qtbot, tmp_path,
                                                                   monkeypatch, sqlite_url):
    monkeypatch.setenv("ECOTRACKER_SETTINGS_DIR", str(tmp_path / "settings"))
    from gui.app import create_window

    w = create_window(sqlite_url, lang="en")
    w.show()
    qtbot.waitUntil(lambda: w.scorecard.model.rowCount() > 0 and not w.scorecard.busy,
                    timeout=20000)
    w.scorecard.refresh()
    finished = []
    w.scorecard._job.signals.done.connect(lambda _r: finished.append(True))
    w.close()
    shiboken6.delete(w)  # the window is gone while its scorecard job still runs
    qtbot.waitUntil(lambda: bool(finished), timeout=20000)
    qtbot.wait(20)  # an exception in the panel's callback would fail the test here
