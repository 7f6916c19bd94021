"""Screenshots of the screens for collecting and reviewing a half-year, in English and Chinese.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots_review.py

On a freshly seeded database in a temporary folder: the scorecard as of 2025H1, the sources
list, a new source, the guide, the export and entry workbook dialogs, and the indicator view
with its plot key; saved as ``docs/screenshots/<screen>_<lang>.png``.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from docs.screenshots import OUT, settle, wait  # noqa: E402


def main() -> int:
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
    panel = window.scorecard
    if not wait(app, lambda: panel.model.rowCount() > 0 and not panel.busy):
        print("the scorecard did not fill", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    saved = []

    def shot(widget, name, lang):
        settle(app, 0.5)
        path = OUT / f"{name}_{lang}.png"
        widget.grab().save(str(path))
        saved.append(path)

    for lang in ("en", "zh_CN"):
        window.set_language(lang)
        settle(app, 0.8)
        window.tabs.setCurrentIndex(0)
        panel.set_period("2025H1")
        wait(app, lambda: not panel.busy and panel.as_of == "2025H1")
        settle(app, 1.0)
        shot(window, "scorecard_asof", lang)
        window.open_indicator("AIR.PM25")
        settle(app, 1.5)
        shot(window, "indicator_key", lang)
        from gui.sources.dialog import SourceDialog
        from gui.sources.list_dialog import SourcesDialog

        sources = SourcesDialog(window.ctx, window)
        sources.show()
        shot(sources, "sources", lang)
        new = SourceDialog(window.ctx, parent=sources)
        new.fields["publisher"].setText("重庆市生态环境局")
        new.fields["title"].setText("2026年上半年全市生态环境质量状况通报")
        new.fields["date"].setText("2026年7月8日")
        new.fields["link"].setText("sthjj.cq.gov.cn")  # refused at the field: no http(s)
        new.show()
        shot(new, "new_source", lang)
        new.close()
        sources.close()
        from gui.guide import GuideDialog

        guide = GuideDialog(window.ctx, window)
        guide.show()
        shot(guide, "guide", lang)
        guide.close()
        from gui.excel.export_dialog import ExportDialog
        from gui.excel.template_dialog import TemplateDialog

        export = ExportDialog(window.ctx, window)
        export.as_of.setText("2025H1")
        export.show()
        shot(export, "export", lang)
        export.close()
        template = TemplateDialog(window.ctx, window)
        template.period.setText("2026H1")
        template.show()
        shot(template, "entry_workbook", lang)
        template.close()
        panel.set_period(None)
        wait(app, lambda: not panel.busy)
    window.close()
    for p in saved:
        print(p.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
