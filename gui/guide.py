"""Help › Guide: the three jobs, how status and course are decided, the shortcuts, the version
and the database in use, in the window's language.

The shortcuts are read from the window's own actions, so the guide never lists a key that
does something else; the thresholds of course come from :mod:`core.course`.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from core import __version__, course, vocabulary


class GuideDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("EcoTracker guide"))
        self.text = QTextBrowser(self)
        self.text.setObjectName("guideText")
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(self.tr("Guide"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("guideClose")
        lay = QVBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        self.resize(760, 680)
        self.text.setHtml(self.page())

    def _shortcuts(self) -> list[tuple[str, str]]:
        window = self.parent()
        found = []
        for action in (window.findChildren(QAction) if window is not None else []):
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                    for k in action.shortcuts() if not k.isEmpty()]
            if keys and action.text():
                found.append((" / ".join(keys), action.text().replace("&", "")))
        return sorted(set(found), key=lambda kv: kv[1].lower())

    def page(self) -> str:
        lang = self.ctx.lang if self.ctx is not None else "en"
        esc = html.escape
        w = {c: esc(vocabulary.words(c, lang)) for c in vocabulary.STATUSES}
        t = {k: esc(v) for k, v in {
            "title": self.tr("EcoTracker guide"),
            "jobs": self.tr("The three jobs"),
            "enter": self.tr("Entering figures."),
            "enter_how": self.tr(
                "Pick the indicator in the tree, then New figure… (Ctrl+N), or double-click a "
                "value in the figure table to change it. Give each figure its source: New "
                "source… beside the source field adds this half-year’s bulletin. A district "
                "can fill in an entry workbook instead (File › Make entry workbook…), which "
                "File › Import from Excel… reads back with a preview."),
            "review": self.tr("Reviewing target against actual."),
            "review_how": self.tr(
                "The Scorecard tab shows every indicator and area. Choose a period under As "
                "of to read it as it stood then: each row shows that period’s figure, or the "
                "latest before it marked ↶, with the same period a year earlier and the "
                "change beside it. ◌ marks a provisional figure, ≈ a derived one."),
            "meet": self.tr("Workbooks for meetings."),
            "meet_how": self.tr(
                "File › Export to Excel… writes the scorecard, charts and the data, as of the "
                "period you choose, in Chinese or English."),
            "status": self.tr("How the status is decided"),
            "status_how": self.tr(
                "Did we meet it this period? The period’s figure is compared with the target "
                "that applies (the target for that period, else the nearest deadline ahead, "
                "else the latest past one), in the indicator’s direction:"),
            "tolerance": self.tr("(within the tolerance the indicator sets)"),
            "course": self.tr("How the course is decided"),
            "course_how": self.tr(
                "Are we on course for the deadline? The growth observed since the baseline is "
                "set against the growth needed to reach the target by its deadline. Their "
                "ratio gives:"),
            "achieved": self.tr("once the target is met."),
            "keys": self.tr("Shortcuts"),
            "about": self.tr("About this copy"),
            "version": self.tr("Version %1").replace("%1", __version__),
            "db": self.tr("Database: %1").replace(
                "%1", str(self.ctx.store.name if self.ctx is not None else "—")),
        }.items()}
        rows = "".join(f"<tr><td><code>{esc(k)}</code></td><td>{esc(a)}</td></tr>"
                       for k, a in self._shortcuts())
        return (
            f"<h2>{t['title']}</h2><h3>{t['jobs']}</h3><ol>"
            f"<li><b>{t['enter']}</b> {t['enter_how']}</li>"
            f"<li><b>{t['review']}</b> {t['review_how']}</li>"
            f"<li><b>{t['meet']}</b> {t['meet_how']}</li></ol>"
            f"<h3>{t['status']}</h3><p>{t['status_how']} <b>{w['met']}</b>, "
            f"<b>{w['close']}</b> {t['tolerance']}, <b>{w['missed']}</b>.</p>"
            f"<h3>{t['course']}</h3><p>{t['course_how']} <b>{w['on_track']}</b> "
            f"(≥ {course.ON_TRACK:g}), <b>{w['needs_acceleration']}</b> "
            f"({course.NEEDS_ACCELERATION:g}–{course.ON_TRACK:g}), "
            f"<b>{w['limited_progress']}</b> ({course.LIMITED:g}–{course.NEEDS_ACCELERATION:g}), "
            f"<b>{w['deterioration']}</b> (&lt; {course.LIMITED:g}); <b>{w['achieved']}</b> "
            f"{t['achieved']}</p>"
            f"<h3>{t['keys']}</h3><table cellpadding='3'>{rows}</table>"
            f"<h3>{t['about']}</h3><p>{t['version']}<br>{t['db']}</p>")


def open_guide(ctx, parent: QWidget | None = None) -> GuideDialog:
    dlg = GuideDialog(ctx, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dlg.show()
    return dlg
