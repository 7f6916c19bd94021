"""Starting the program: what is imported when, and the Indicator tab built after the rest.

The start-up order is checked in fresh processes, as a person's start is: in this test
process Qt, pandas and pyqtgraph are long imported.
"""
from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.gui


def _run(code: str, tmp_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               ECOTRACKER_SETTINGS_DIR=str(tmp_path / "settings"))
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_headless_commands_load_neither_qt_nor_the_data_stack(tmp_path):
    got = _run("""
        import json, sys
        import gui.launcher
        from core import cli
        cli.build_parser()
        print(json.dumps({m: m in sys.modules for m in
                          ("PySide6", "pandas", "sqlalchemy", "core.store")}))
    """, tmp_path)
    assert got == {"PySide6": False, "pandas": False, "sqlalchemy": False,
                   "core.store": False}


def test_gui_app_puts_the_plain_import_back(tmp_path):
    got = _run("""
        import builtins, json
        import PySide6.QtCore
        hooked = builtins.__import__ is builtins.__feature_import__
        import gui.app
        print(json.dumps({"hooked_by_qt": hooked,
                          "after": builtins.__import__ is builtins.__feature_import__,
                          "orig": builtins.__import__ is builtins.__orig_import__}))
    """, tmp_path)
    assert got == {"hooked_by_qt": True, "after": False, "orig": True}


def test_plain_import_leaves_another_replacement_alone(monkeypatch):
    from gui import plain_import

    def other(*args, **kwargs):  # a debugger's or a test tool's import
        return builtins.__orig_import__(*args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", other)
    assert plain_import() is False
    assert builtins.__import__ is other


def test_window_shows_tree_and_scorecard_before_the_indicator_tab_is_built(tmp_path):
    db = tmp_path / "start.sqlite"
    got = _run(f"""
        import json, sys, time
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from gui.app import open_window
        w = open_window({str(db)!r}, lang="en", show=True)
        at_open = {{"pyqtgraph": "pyqtgraph" in sys.modules,
                    "view": w._indicator_view is not None,
                    "tree": w.indicators.tree.model().rowCount() > 0}}
        end = time.time() + 60
        while w._indicator_view is None and time.time() < end:
            app.processEvents()
            time.sleep(0.005)
        print(json.dumps({{"at_open": at_open, "rows": w.scorecard.model.rowCount(),
                          "view": w._indicator_view is not None,
                          "in_tab": w.tabs.widget(1).isAncestorOf(w._indicator_view),
                          "plot": w.findChild(type(w._indicator_view.plot), "trendPlot")
                                  is not None}}))
    """, tmp_path)
    assert got["at_open"] == {"pyqtgraph": False, "view": False, "tree": True}
    # built on a later turn, once the first scorecard was shown
    assert got["rows"] > 0 and got["view"] and got["in_tab"] and got["plot"]


def test_selecting_before_the_view_is_built_builds_it(tmp_path, qtbot, sqlite_url,
                                                      monkeypatch):
    monkeypatch.setenv("ECOTRACKER_SETTINGS_DIR", str(tmp_path / "settings"))
    from gui.app import open_window

    w = open_window(sqlite_url, lang="en", show=True)
    try:
        assert w._indicator_view is None
        assert w.indicators.select("AIR.PM25")
        view = w._indicator_view
        assert view is not None and w.tabs.currentIndex() == 1
        assert view.figure_table.model().rowCount() > 0
        qtbot.waitUntil(lambda: w.scorecard.model.rowCount() > 0, timeout=20000)
        qtbot.wait(50)
        assert w._indicator_view is view  # the idle build found it made
    finally:
        w.close()
        w.deleteLater()
        qtbot.wait(1)
