"""``ECOTRACKER_EXIT_WHEN_READY=1``: say when the scorecard's first rows are painted, and quit.

``benchmarks/bench_bundle.py`` times a start of the installed bundle against a start from the
virtual environment. It cannot put a hook into a frozen program the way
``benchmarks/bench_gui.py`` does into a script, so the program carries this one: nothing
happens unless the variable is set.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QTimer, Qt

VARIABLE = "ECOTRACKER_EXIT_WHEN_READY"


def attach(window) -> None:
    if not os.environ.get(VARIABLE):
        return

    def ready():
        window.scorecard.table.viewport().repaint()
        print("scorecard-rows", flush=True)  # the benchmark times the line from outside
        QTimer.singleShot(0, window.close)

    window.scorecard.updated.connect(ready, Qt.ConnectionType.SingleShotConnection)
