"""Import a workbook: read and check it in a worker, show the preview, apply on request.

The reading and checking run in a child process (:func:`core.excel.isolated.
read_import_isolated`) with a memory limit: a workbook that crashes the parser, exhausts
memory or gets the reader killed is a message in this dialog, and the window lives on.

Nothing is written until Apply. Apply is disabled while the preview has problems. Imported
changes are not on the undo stack: the change log records each one (naming the file) and, on
SQLite, a copy of the database is kept before applying; a PostgreSQL server's own backups are
relied on.
"""
from __future__ import annotations

from functools import partial

import pandas as pd
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QStyle, QTableView, QVBoxLayout, QWidget)

from core.excel import Cancelled
from core.errors import EcoError
from core.excel.importer import apply_import
from core.period_lock import ReasonNeeded
from core.excel.isolated import read_import_isolated
from core.present import PeriodNames

from .. import workers
from .frame_model import FrameModel


_child_translator = None  # in the reading process: kept alive while messages are made


def child_language(lang: str) -> None:
    """In the reading process: the core's messages (problems, refusals) in ``lang``, as the
    window has them."""
    global _child_translator
    if lang == "en":
        return
    from PySide6.QtCore import QTranslator

    from core import i18n as core_i18n
    from gui.i18n import TRANSLATIONS

    t = QTranslator()
    if t.load(f"ecotracker_{lang}", str(TRANSLATIONS)):
        _child_translator = t
        core_i18n.set_translator(lambda s: t.translate(core_i18n.CONTEXT, s))


def read_in_child(store, path: str, *, progress, cancelled):
    """Read and check ``path`` in a child process, messages in the window's language."""
    from gui.i18n import translators

    return read_import_isolated(store, path, progress=progress, cancelled=cancelled,
                                init=(child_language, translators().lang))


def _table(parent, name: str) -> tuple[QTableView, FrameModel]:
    view = QTableView(parent)
    view.setObjectName(name)
    model = FrameModel(view)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view, model


# The widest each preview column is sized to its contents, in average character widths (None:
# no limit). Longer text is elided, the whole of it in the cell's tooltip, so that every column,
# the new value last, fits at the dialog's default size however long an indicator's name is.
PREVIEW_MAX_CHARS = (12, 36, 16, 10, 14, None)  # change, indicator, area, period, old, new


def _fit_columns(view: QTableView, max_chars) -> None:
    """Size ``view``'s columns to their contents, none wider than its ``max_chars``."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    char = view.fontMetrics().averageCharWidth()
    margin = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 4
    for col, chars in enumerate(max_chars):
        if chars is not None and col < header.count():
            header.resizeSection(col, min(header.sectionSize(col), chars * char + margin))


class ImportDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.preview = None
        self.applied = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import from Excel"))
        self.path = QLineEdit(self, objectName="importPath")
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Choose workbook or report…"), self,
                             objectName="importBrowse")
        browse.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        self.summary = QLabel(self, objectName="importSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self, objectName="importProgress")
        self.progress.setVisible(False)
        self.table, self.model = _table(self, "importPreviewTable")
        self.table.setWordWrap(False)  # one line a row: long names are elided (see the tooltip)
        self.problems_label = QLabel(self.tr("Problems (nothing can be imported until they are "
                                             "fixed in the workbook):"), self)
        self.problems, self.problems_model = _table(self, "importProblemsTable")
        self.note = QLabel(self, objectName="importNote")
        self.note.setWordWrap(True)
        if ctx.store.backend == "sqlite":
            self.note.setText(self.tr(
                "Imported changes cannot be undone with Undo. The change log records each one "
                "with the file's name, and a copy of the database is kept in the backups folder "
                "beside it before anything is written."))
        else:
            self.note.setText(self.tr(
                "Imported changes cannot be undone with Undo. The change log records each one "
                "with the file's name; for this shared PostgreSQL database the server's own "
                "backups are relied on."))
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(self.tr("Apply"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("importApplyButton")
        self.apply_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("importCloseButton")
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.cancel_or_close)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.progress)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 3)
        from .report_preview import ReportPane  # a report's proposals (core.reports)

        self.report = ReportPane(self, self)
        self.report.setVisible(False)
        lay.addWidget(self.report, 4)
        lay.addWidget(self.problems_label)
        lay.addWidget(self.problems, 2)
        lay.addWidget(self.note)
        lay.addWidget(self.buttons)
        self._show_problems(False)
        self.resize(820, 560)

    # reading -------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a workbook or a report to import"), "",
            self.tr("Workbooks and reports (*.xlsx *.txt *.md *.html *.htm *.docx *.pdf)"))
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        if self.job is not None:
            return
        self.path.setText(path)
        self.preview = None
        self.model.set_frame(pd.DataFrame(), [])
        self._show_problems(False)
        self.apply_button.setEnabled(False)
        from core.reports.text import is_report

        self.report.setVisible(is_report(path))
        self.table.setVisible(not is_report(path))
        if is_report(path):  # a press release: proposals to keep, correct or drop
            self.report.load(path)
            return
        self.summary.setText(self.tr("Reading and checking the workbook…"))
        self._run(partial(read_in_child, self.ctx.store, path), self._read_done)

    def _run(self, fn, on_done) -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.close_button.setText(self.tr("Cancel"))
        self.job = workers.start(fn, on_done=on_done, on_failed=self._failed,
                                 parent=self)
        self.job.signals.progress.connect(self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.close_button.setText(self.tr("Close"))

    def _read_done(self, preview) -> None:
        self._finish()
        self.preview = preview
        c = preview.counts
        self.summary.setText(self.tr(
            "{file}, sheet {sheet}: {new} new, {changed} changed, {unchanged} unchanged, "
            "{problems} problems.").format(file=preview.file, sheet=preview.sheet, **c))
        made = getattr(preview, "new_source_lines", lambda: [])()
        if made:  # names in the Source column no source has: made once on Apply
            self.summary.setText("\n".join([self.summary.text(), *made]))
        ch = preview.changes(self.ctx.indicators, self.ctx.lang)
        shown = pd.DataFrame({
            "change": ch["change"].map({"new": self.tr("new"), "changed": self.tr("changed")}),
            "indicator": ch["indicator"].map(self.ctx.indicator_name),
            "area": ch["area"].map(self.ctx.area_name),
            "period": PeriodNames(self.ctx.lang).all(ch["period"]),  # 2025年上半年 in Chinese
            "old": ch["old"], "new": ch["new"]})
        self.model.set_frame(shown, [self.tr("Change"), self.tr("Indicator"), self.tr("Area"),
                                     self.tr("Period"), self.tr("Old value"),
                                     self.tr("New value")])
        _fit_columns(self.table, PREVIEW_MAX_CHARS)
        # problems stop the import; values that merely look wrong (core.suspicious) are
        # listed too, and Apply keeps them as they are
        warnings = getattr(preview.plan, "warnings", [])
        probs = pd.DataFrame([(self.tr("problem"), p.sheet, p.row, p.column, p.message)
                              for p in preview.plan.problems]
                             + [(self.tr("check"), p.sheet, p.row, p.column, p.message)
                                for p in warnings],
                             columns=["kind", "sheet", "row", "column", "message"])
        self.problems_model.set_frame(probs, [self.tr("Kind"), self.tr("Sheet"), self.tr("Row"),
                                              self.tr("Column"), self.tr("Problem")])
        self.problems.resizeColumnsToContents()
        self.problems_label.setText(
            self.tr("Problems (nothing can be imported until they are fixed in the workbook):")
            if not preview.ok else
            self.tr("Values to check (they pass every rule but look unusual; Apply keeps them "
                    "as they are):"))
        self._show_problems(not preview.ok or bool(warnings))
        self.apply_button.setEnabled(preview.ok and not preview.nothing_to_do)
        if preview.ok and preview.nothing_to_do:
            self.summary.setText(self.summary.text() + " " + self.tr("Nothing to change."))

    def _show_problems(self, show: bool) -> None:
        self.problems_label.setVisible(show)
        self.problems.setVisible(show)

    # applying ------------------------------------------------------------------------------
    def apply(self, reason: str = "") -> None:
        reason = reason if isinstance(reason, str) else ""  # (clicked() passes checked)
        if self.job is None and self.report.isVisible() and self.report.preview is not None:
            return self.report.apply()
        if self.job is not None or self.preview is None or not (
                self.apply_button.isEnabled() or reason):
            return
        self.apply_button.setEnabled(False)
        self.summary.setText(self.tr("Writing the changes…"))
        self._run(partial(apply_import, self.ctx.store, self.preview, reason=reason),
                  self._applied)

    def _applied(self, done) -> None:
        self._finish()
        self.applied = done
        text = self.tr("Imported: {created} new, {updated} changed.").format(
            created=done.created, updated=done.updated)
        if done.backup:
            text += " " + self.tr("Backup: {path}").format(path=done.backup)
        self.summary.setText(text)
        self.preview = None
        self.ctx.reload()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, ReasonNeeded) and self.preview is not None:
            # figures of a reported half-year: ask why, then write with the reason
            from ..reason import ask

            ask(self, self.tr("%1\n\nWhy are they corrected?").replace("%1", str(exc)),
                lambda reason: self.apply(reason), lambda: self._failed(EcoError(str(exc))))
            return
        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("Cancelled; nothing was written."))
        else:
            self.summary.setText(self.tr("Not imported: {error}").format(error=exc))
        self.apply_button.setEnabled(False)

    def cancel_or_close(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.summary.setText(self.tr("Cancelling…"))
        else:
            self.reject()


def open_import_dialog(ctx, parent: QWidget | None = None, path: str | None = None) -> ImportDialog:
    """Show the import dialog (window-modal, non-blocking), ask for a workbook, return it."""
    dlg = ImportDialog(ctx, parent)
    dlg.open()
    if path:
        dlg.load(path)
    else:
        dlg.choose_file()
    return dlg
