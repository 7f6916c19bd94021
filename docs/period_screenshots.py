"""Screenshots of the period view (submit, approve, reopen) in English and in Chinese.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/period_screenshots.py

Seeds a database in a temporary folder, takes a few steps on 2025H1 (two districts approved,
one submitted; a figure marked for follow-up with a comment) and saves
``docs/screenshots/periods_{en,zh_CN}.png``.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
sys.path.insert(0, str(REPO))
from docs.screenshots import settle, wait  # noqa: E402


def _prepare(store) -> None:
    from core import queries
    from core.approval import take_step
    from core.comments import AddComment, follow_up

    for area in ("shapingba", "qianjiang"):
        take_step(store, "submit", area, "2025H1")
        take_step(store, "approve", area, "2025H1")
    take_step(store, "submit", "hechuan", "2025H1")
    with store.read() as conn:
        f = queries.figures(conn, indicators=["VEH.OLD_VEHICLES_PHASED_OUT"])
    fig = f[f["period"] == "2025H1"].iloc[0].to_dict()
    follow_up(fig, True).apply(store)
    AddComment(fig["indicator"], fig["area"], "2025H1",
               "check against the transport bureau's count").apply(store)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="ecotracker-shots-"))
    os.environ["ECOTRACKER_SETTINGS_DIR"] = str(tmp / "settings")
    from PySide6.QtWidgets import QApplication

    from core.store import Store
    from gui.app import create_window
    from gui.i18n import style_sheet
    from gui.period.view import open_period_view

    db = str(tmp / "eco.sqlite")
    with Store.open(db, user="wang.li") as store:
        _prepare(store)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(style_sheet())
    window = create_window(db, lang="en")
    window.resize(1500, 900)
    window.show()
    if not wait(app, lambda: window.scorecard.model.rowCount() > 0 and not window.scorecard.busy):
        print("the scorecard did not fill", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "zh_CN"):
        window.set_language(lang)
        view = open_period_view(window.ctx, window)
        wait(app, lambda: view.model.rowCount() > 0)
        view.select_area("hechuan")
        settle(app, 1.0)
        path = OUT / f"periods_{lang}.png"
        view.grab().save(str(path))
        print(path.relative_to(REPO))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
