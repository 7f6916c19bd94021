"""Fixtures shared by the window tests."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _empty_clipboard_after(request):
    """Empty the clipboard after each GUI test. Under the offscreen platform the tests run on,
    a process that leaves a QMimeData on the clipboard crashes as it exits (PySide6 6.11,
    reproduced with five lines; not under X11), so a run that copied anything would end in
    a segmentation fault after its last test had passed."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


@pytest.fixture
def open_window(qtbot, tmp_path, monkeypatch):
    """Factory: a window on a database, with settings in a temp folder, scorecard computed."""
    monkeypatch.setenv("ECOTRACKER_SETTINGS_DIR", str(tmp_path / "settings"))
    from gui.app import create_window
    from gui.i18n import translators

    made = []

    def _open(db, lang="en"):
        w = create_window(db, lang=lang)  # not qtbot.addWidget: it deletes before teardown
        w.show()
        made.append(w)
        qtbot.waitUntil(lambda: w.scorecard.model.rowCount() > 0 and not w.scorecard.busy,
                        timeout=20000)
        return w

    yield _open
    for w in made:
        if translators().lang != "en":
            w.set_language("en")  # while the database is still there
            qtbot.wait(20)
        w.close()
        w.deleteLater()
    qtbot.wait(1)


@pytest.fixture
def window(open_window, db_url):
    """The window on a fresh seeded database, on each back end."""
    return open_window(db_url)



def settle(qtbot, ctx, timeout: int = 10000) -> None:
    """Wait until every write ``ctx`` has queued (edits, undos, redos) has landed and the
    reads that followed (rows read again, a history, a scorecard) are in. Import it from
    ``tests.gui.conftest``."""
    from gui import workers

    qtbot.waitUntil(lambda: not ctx.ops.busy and not workers._running, timeout=timeout)
    qtbot.wait(1)


def click_ok(qtbot, dlg) -> None:
    """Press OK on an editing dialog and wait for its write's answer (the dialog then
    closes, or shows why not)."""
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not dlg.saving, timeout=10000)
    settle(qtbot, dlg.ctx)


def edit_now(qtbot, ctx, edit, text: str = "test"):
    """``ctx.edit`` and wait for it: its Outcome, or what the core raised, raised."""
    got = []
    ctx.edit(edit, text, on_done=got.append, on_failed=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    settle(qtbot, ctx)
    if isinstance(got[0], BaseException):
        raise got[0]
    return got[0]
