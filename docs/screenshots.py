"""Screenshots of the real window with the seed data, in English and in Chinese.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots.py

Opens a freshly seeded database in a temporary folder (settings there too, so a person's own
settings are neither used nor changed), selects an indicator with a trend, and saves
``docs/screenshots/{indicator,scorecard,map,import_report}_{en,zh_CN}.png``.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
sys.path.insert(0, str(REPO))


def wait(app, condition, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return False


def settle(app, seconds: float = 0.6) -> None:
    wait(app, lambda: False, seconds)


def main(argv: list[str]) -> int:
    indicator = argv[0] if argv else "AIR.PM25"
    tmp = Path(tempfile.mkdtemp(prefix="ecotracker-shots-"))
    os.environ["ECOTRACKER_SETTINGS_DIR"] = str(tmp / "settings")
    from PySide6.QtWidgets import QApplication

    from gui.app import create_window
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
    saved = []
    for lang in ("en", "zh_CN"):
        window.set_language(lang)
        window.open_indicator(indicator)
        settle(app, 1.5)  # the indicator view draws its course from a worker
        for name, tab in (("indicator", 1), ("scorecard", 0)):
            window.tabs.setCurrentIndex(tab)
            settle(app)
            path = OUT / f"{name}_{lang}.png"
            window.grab().save(str(path))
            saved.append(path)
        window.tabs.setCurrentIndex(2)  # the Map tab, by value
        window.map_view.mode.setCurrentIndex(1)
        settle(app)
        path = OUT / f"map_{lang}.png"
        window.grab().save(str(path))
        saved.append(path)
        window.map_view.mode.setCurrentIndex(0)
        from gui.excel.import_dialog import ImportDialog  # a report's proposals previewed

        dlg = ImportDialog(window.ctx, window)
        dlg.resize(1400, 820)
        dlg.show()
        dlg.load(str(REPO / "tests" / "reports" / ("unseen_zh.txt" if lang == "zh_CN"
                                                      else "unseen_en.txt")))
        wait(app, lambda: dlg.report.preview is not None and dlg.job is None)
        settle(app)
        path = OUT / f"import_report_{lang}.png"
        dlg.grab().save(str(path))
        saved.append(path)
        dlg.close()
    window.close()
    for p in saved:
        print(p.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
