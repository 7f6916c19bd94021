"""Help › Guide in both languages: the three jobs, status and course, the shortcuts read from
the window's actions, the version and the database; ecotracker --lang opens the window in
that language."""
from __future__ import annotations

import pytest

from core import __version__

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang,words", [
    ("en", ["The three jobs", "How the status is decided", "on track", "Shortcuts", "Ctrl+N"]),
    ("zh_CN", ["三项工作", "本期状态如何判定", "进展顺利", "快捷键", "Ctrl+N"])])
def test_guide(open_window, sqlite_url, qtbot, lang, words):
    w = open_window(sqlite_url, lang)
    guide = w.findChild(type(w.more_actions.guide), "actionGuide")
    assert guide.isEnabled()
    guide.trigger()
    dlg = w.more_actions._dialogs[-1]
    qtbot.addWidget(dlg)
    text = dlg.text.toPlainText()
    for word in words:
        assert word in text
    assert __version__ in text and w.ctx.store.name in text
    dlg.close()


def test_lang_opens_the_window_in_chinese(monkeypatch):
    from core import cli

    seen = []
    assert cli.main(["--lang", "zh_CN", "--db", "x.sqlite"],
                    open_window=lambda db, *lang: seen.append((db, lang)) or 0) == 0
    assert seen == [("x.sqlite", ("zh_CN",))]
    assert cli.main([], open_window=lambda db, *lang: seen.append((db, lang)) or 0) == 0
    assert seen[-1] == (None, ())


def test_app_main_passes_the_language(monkeypatch):
    from gui import app, launcher

    got = {}
    monkeypatch.setattr(app, "main", lambda db=None, lang=None: got.update(db=db, lang=lang)
                        or 0)
    assert launcher.main(["--lang", "zh_CN"]) == 0
    assert got == {"db": None, "lang": "zh_CN"}
