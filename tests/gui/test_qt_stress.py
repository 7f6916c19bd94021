"""Guard against a PySide6 release that crashes after many calls returning None.

PySide6 6.12.0 on Python 3.11 aborts with "Fatal Python error: none_dealloc": every Qt call
that returns None drops one reference too many on ``None``, and after some thousands of them
the interpreter dies. pyproject.toml pins PySide6 below 6.12 on Python < 3.12; this test fails
loudly if an environment gets such a release anyway. It runs in a subprocess so the abort
fails this test instead of killing the test run.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

CALLS = 40_000

SCRIPT = textwrap.dedent(f"""
    import gc, sys
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    model = QStandardItemModel()
    obj = QObject()
    item = QStandardItem()
    before = sys.getrefcount(None)
    n = 0
    for i in range({CALLS} // 4):
        item.setText(str(i))                 # returns None
        obj.setObjectName(f"o{{i}}")         # returns None
        item.setData(i)                      # returns None
        model.appendRow(QStandardItem("x"))  # returns None
        n += 4
        if i % 1000 == 0:
            gc.collect()
    model.clear()
    print("calls", n, "none refs", before, sys.getrefcount(None))
""")


@pytest.mark.gui
def test_tens_of_thousands_of_none_returning_qt_calls_do_not_crash(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          env=env, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, (
        f"exit {proc.returncode}: this PySide6 crashes on calls that return None "
        f"(PySide6 6.12.0 on Python 3.11 does; pin PySide6<6.12)\n{proc.stderr[-2000:]}")
    assert f"calls {CALLS}" in proc.stdout
