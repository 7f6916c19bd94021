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


def test_gui_app_takes_shibokens_feature_hook_off_the_import(tmp_path):
    got = _run("""
        import builtins, json
        import gui.launcher  # as `ecotracker` does: the package first, Qt only later
        no_qt = not hasattr(builtins, "__feature_import__")
        import gui.app  # loads Qt, which puts its hook on the import
        print(json.dumps({"no_qt_before": no_qt,
                          "hooked": builtins.__import__ is builtins.__feature_import__,
                          "wrapped_import": builtins.__import__ is builtins.__orig_import__}))
    """, tmp_path)
    assert got == {"no_qt_before": True, "hooked": False, "wrapped_import": True}


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


@pytest.fixture
def started(qtbot, tmp_path, monkeypatch, sqlite_url):
    """Factory: the window as ``ecotracker`` opens it (shown, view built later), after a
    session that left ``remembered`` settings; closed and deleted after the test."""
    monkeypatch.setenv("ECOTRACKER_SETTINGS_DIR", str(tmp_path / "settings"))
    from gui.app import open_window
    from gui.i18n import settings

    made = []

    def _start(**remembered):
        s = settings()
        for key, value in remembered.items():
            s.setValue(key.replace("__", "/"), value)
        s.sync()
        w = open_window(sqlite_url, lang="en", show=True)
        made.append(w)
        return w

    yield _start
    for w in made:
        w.close()
        w.deleteLater()
    qtbot.wait(1)


def test_selecting_before_the_view_is_built_builds_it(started):
    w = started()
    assert w._indicator_view is None
    assert w.indicators.select("AIR.PM25")
    view = w._indicator_view
    assert view is not None and w.tabs.currentIndex() == 1
    assert view.code == "AIR.PM25" and view.figure_table.model().rowCount() > 0


def test_remembered_indicator_on_the_scorecard_tab_waits_for_the_view(started, qtbot):
    w = started(indicator__last="WATER.STATE_SECTIONS_EXCELLENT", window__tab=0)
    assert w.indicators.current_code() == "WATER.STATE_SECTIONS_EXCELLENT"
    assert w.tabs.currentIndex() == 0
    assert w._indicator_view is None  # not built to show the remembered indicator
    qtbot.waitUntil(lambda: w._indicator_view is not None, timeout=20000)
    assert w.scorecard.model.rowCount() > 0  # built after the first scorecard
    assert w._indicator_view.code == "WATER.STATE_SECTIONS_EXCELLENT"
    assert w.tabs.currentIndex() == 0


def test_remembered_indicator_tab_gets_its_view_first(started, qtbot):
    w = started(indicator__last="AIR.PM25", window__tab=1)
    assert w.tabs.currentIndex() == 1 and w._indicator_view is None
    qtbot.waitUntil(lambda: w._indicator_view is not None, timeout=20000)
    assert w._indicator_view.code == "AIR.PM25"
    assert w._indicator_view.figure_table.model().rowCount() > 0


def test_language_and_f5_before_the_view_is_built(started, qtbot):
    w = started()
    w.set_language("zh_CN")
    w.refresh()
    assert w._indicator_view is None
    qtbot.waitUntil(lambda: w._indicator_view is not None, timeout=20000)
    view = w._indicator_view
    assert view.ui.buttons["newFigureButton"].text() == "新增数据…"
    assert w.indicators.select("AIR.PM25")
    assert view.ui.title.text().startswith("PM2.5平均浓度")
    w.set_language("en")


def test_a_closed_window_does_not_build_its_view(started, qtbot):
    w = started()
    w.close()
    qtbot.wait(600)  # past the 300 ms fallback and the idle pieces
    assert w._indicator_view is None
