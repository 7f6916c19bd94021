"""Fixtures shared by the window tests."""
from __future__ import annotations

import pytest


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
    views it refreshes have had their turn (a row read again, a history). Import it from
    ``tests.gui.conftest``."""
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=timeout)
    qtbot.wait(1)
