"""A --db file that does not exist is made only when the person says so; a read-only
database opens read-only, says so, and turns editing off (both languages)."""
from __future__ import annotations

import pytest

from core.store import Store
from gui.new_database import confirmed, missing_file

pytestmark = pytest.mark.gui


def test_asks_before_creating(tmp_path, monkeypatch):
    monkeypatch.delenv("ECOTRACKER_DB", raising=False)
    path = tmp_path / "typo.sqlite"
    asked = []
    assert not confirmed(str(path), lambda p: asked.append(p) or False)
    assert asked == [str(path)] and not path.exists()
    assert confirmed(str(path), lambda p: True)
    assert missing_file(None) is None  # the embedded default is made without asking
    Store.open(str(path)).close()
    assert missing_file(str(path)) is None


def test_main_does_not_create_when_refused(tmp_path, monkeypatch, qapp):
    import gui.new_database as nd
    from gui import app

    monkeypatch.setattr(nd, "ask", lambda p: False)
    monkeypatch.setattr(nd.confirmed, "__defaults__", (nd.ask,))
    path = tmp_path / "nothing.sqlite"
    assert app.main(str(path)) == 1
    assert not path.exists()


@pytest.mark.parametrize("lang,word", [("en", "read-only"), ("zh_CN", "只读")])
def test_read_only_database_turns_editing_off(open_window, tmp_path, qtbot, lang, word):
    from PySide6.QtWidgets import QAbstractItemView

    src = tmp_path / "db.sqlite"
    Store.open(str(src)).close()
    w = open_window(f"sqlite:///{src}?mode=ro", lang)  # as a read-only file or disk opens
    assert w.ctx.store.read_only
    assert word in w.db_label.text()
    a = w.actions_
    w.open_indicator("AIR.PM25")
    qtbot.wait(20)
    for act in (a.newFigure, a.newTarget, a.newIndicator, a.delete, a.importExcel):
        assert not act.isEnabled()
    assert a.exportExcel.isEnabled()
    view = w.indicator_view
    assert not view.ui.buttons["newFigureButton"].isEnabled()
    assert view.figure_table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
