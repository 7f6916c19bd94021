"""An import read in a child process: a crash, a kill, a lack of memory are messages (15.1)."""
from __future__ import annotations

import time

import pytest

from core.errors import EcoError
from core.excel import Cancelled
from core.excel.isolated import read_import_isolated, run_isolated
from tests.faults import crashers
from tests.faults.builders import figures_rows, sheet_xml, write

pytestmark = pytest.mark.skipif(__import__("os").name != "posix", reason="signals")


def test_the_result_and_progress_come_back():
    seen = []
    assert run_isolated(crashers.answer, 21, what="x.xlsx",
                        progress=lambda d, t: seen.append((d, t))) == 42
    assert seen == [(1, 1)]


@pytest.mark.parametrize("job, expect", [
    (crashers.abort, "x.xlsx could not be read: the process reading it crashed (SIGABRT)"),
    (crashers.killed, "x.xlsx could not be read: the process reading it was stopped"),
    (crashers.greedy, "x.xlsx could not be read: it needs more than the 2 GB of memory"),
])
def test_a_crash_is_a_message(job, expect):
    with pytest.raises(EcoError) as err:
        run_isolated(job, what="x.xlsx", limit=2 << 30)
    assert str(err.value).startswith(expect), str(err.value)
    assert "\n" not in str(err.value)


def test_cancelling_kills_the_child():
    t = time.monotonic()
    with pytest.raises(Cancelled):
        run_isolated(crashers.hang, what="x.xlsx", cancelled=lambda: time.monotonic() - t > 1)
    assert time.monotonic() - t < 15


def test_a_preview_and_an_error_come_back_as_in_the_caller(store, tmp_path):
    rows = figures_rows(("AIR.PM25", "chongqing", "2024H1", 30), ("AIR.PM25", "atlantis",
                                                                  "2024H1", 3))
    path = write(tmp_path / "two.xlsx", [("Data", sheet_xml(rows))])
    preview = read_import_isolated(store, path)
    assert preview.counts["problems"] == 1 and preview.plan.problems[0].row == 3
    far = write(tmp_path / "far.xlsx", [("Data", sheet_xml(
        rows, extra='<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))])
    with pytest.raises(EcoError, match="claims 1,048,576 × 16,384 cells"):
        read_import_isolated(store, far)


@pytest.mark.gui
def test_a_crash_while_the_dialog_reads_is_a_message_and_the_window_lives(qtbot, sqlite_store,
                                                                          tmp_path,
                                                                          monkeypatch):
    from gui.context import AppContext
    from gui.excel import import_dialog

    def crashing(store, path, *, progress, cancelled):
        return run_isolated(crashers.abort, what="x.xlsx", progress=progress,
                            cancelled=cancelled)

    real = import_dialog.read_in_child
    monkeypatch.setattr(import_dialog, "read_in_child", crashing)
    ctx = AppContext(sqlite_store)
    dlg = import_dialog.open_import_dialog(ctx, None, path=str(tmp_path / "x.xlsx"))
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.job is None, timeout=30000)
    assert "the process reading it crashed (SIGABRT)" in dlg.summary.text()
    assert not dlg.apply_button.isEnabled()
    monkeypatch.setattr(import_dialog, "read_in_child", real)  # the next file reads as usual
    good = write(tmp_path / "ok.xlsx", [("Data", sheet_xml(figures_rows(
        ("AIR.PM25", "chongqing", "2024H1", 30))))])
    dlg.load(str(good))
    qtbot.waitUntil(lambda: dlg.preview is not None, timeout=30000)
    assert dlg.preview.counts["changed"] == 1


@pytest.mark.gui
def test_the_child_speaks_the_windows_language(qtbot, sqlite_store, tmp_path):
    from gui.context import AppContext
    from gui.excel import import_dialog
    from gui.i18n import translators

    from PySide6.QtWidgets import QApplication

    assert QApplication.instance() is not None
    translators().apply("zh_CN")
    try:
        path = tmp_path / "locked.xlsx"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
        dlg = import_dialog.open_import_dialog(AppContext(sqlite_store), None, path=str(path))
        qtbot.addWidget(dlg)
        qtbot.waitUntil(lambda: dlg.job is None, timeout=30000)
        assert "locked.xlsx" in dlg.summary.text()
        assert "password-protected" not in dlg.summary.text(), dlg.summary.text()
    finally:
        translators().apply("en")
