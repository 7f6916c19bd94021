"""Screenshots of the entry grid (File › Enter figures…) in English and in Chinese.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/entry_screenshots.py

Seeds a database in a temporary folder, opens the grid for the first half of 2025 and saves
``docs/screenshots/entry_grid_{en,zh_CN}.png``.
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


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="ecotracker-shots-"))
    os.environ["ECOTRACKER_SETTINGS_DIR"] = str(tmp / "settings")
    from PySide6.QtWidgets import QApplication

    from gui.app import create_window
    from gui.entry.window import open_entry_window
    from gui.i18n import style_sheet

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(style_sheet())
    window = create_window(str(tmp / "eco.sqlite"), lang="en")
    window.resize(1500, 900)
    window.show()
    if not wait(app, lambda: window.scorecard.model.rowCount() > 0 and not window.scorecard.busy):
        print("the scorecard did not fill", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "zh_CN"):
        window.set_language(lang)
        grid = open_entry_window(window.ctx, window)
        grid.resize(1400, 800)
        grid.period.setCurrentText("2025H1") if hasattr(grid.period, "setCurrentText") \
            else grid.period.setText("2025H1")
        wait(app, lambda: grid.model.rowCount() > 0)
        settle(app, 1.5)
        path = OUT / f"entry_grid_{lang}.png"
        grid.grab().save(str(path))
        print(path.relative_to(REPO))
        grid.close()
        settle(app, 0.5)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
