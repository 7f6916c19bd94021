"""Export the meeting workbook: the same choices as ``ecotracker export``, run in a worker."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)

from core.excel import Cancelled
from core.excel.export import ExportOptions, export_workbook
from core.periods import is_period, parse_period

from .. import workers
from .saved_files import OpenButtons, default_path


class ExportDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.result = None
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export to Excel"))
        nc = ctx.name_col
        self.category = QComboBox(self, objectName="exportCategory")
        self.category.addItem(self.tr("All categories"), None)
        for r in ctx.categories.itertuples(index=False):
            self.category.addItem(str(getattr(r, nc)), r.code)
        self.area = QComboBox(self, objectName="exportArea")
        self.area.addItem(self.tr("All areas"), None)
        for r in ctx.areas.itertuples(index=False):
            self.area.addItem(str(getattr(r, nc)), r.code)
        self.as_of = QLineEdit(self, objectName="exportPeriod")
        self.as_of.setPlaceholderText(self.tr("e.g. 2026H1 (empty: the latest figures)"))
        self.as_of.textChanged.connect(self._check)
        self.as_of.textChanged.connect(self._default_name)
        self.period_from = QLineEdit(self, objectName="exportFrom")
        self.period_to = QLineEdit(self, objectName="exportTo")
        for w in (self.period_from, self.period_to):
            w.setPlaceholderText(self.tr("e.g. 2024H1 (empty: no limit)"))
            w.textChanged.connect(self._check)
        self.lang = QComboBox(self, objectName="exportLanguage")
        self.lang.addItem("English", "en")
        self.lang.addItem("中文", "zh_CN")
        self.lang.setCurrentIndex(1 if ctx.lang.startswith("zh") else 0)
        self.lang.currentIndexChanged.connect(self._default_name)
        self.path = QLineEdit(self, objectName="exportPath")
        self._named = ""  # the default name last put in the path (replaced while untouched)
        self.path.textChanged.connect(self._check)
        browse = QPushButton(self.tr("Browse…"), self, objectName="exportBrowse")
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("As of period"), self.as_of)
        form.addRow(self.tr("From period"), self.period_from)
        form.addRow(self.tr("To period"), self.period_to)
        form.addRow(self.tr("Language of the workbook"), self.lang)
        form.addRow(self.tr("Save as"), row)
        self.progress = QProgressBar(self, objectName="exportProgress")
        self.progress.setVisible(False)
        self.message = QLabel(self, objectName="exportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.opener = OpenButtons(self)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setObjectName("exportCancelButton")
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.message)
        lay.addWidget(self.opener)
        lay.addWidget(self.buttons)
        self.resize(520, 300)
        self._default_name()
        self._check()

    def _default_name(self, *_args) -> None:
        """``会议-2026H1-2026-12-04.xlsx`` in the last folder used, while the person has not
        typed a path of their own."""
        if self.path.text().strip() and self.path.text() != self._named:
            return
        text = self.as_of.text().strip() or self.period_to.text().strip()
        period = parse_period(text).code if text and is_period(text) else None
        self._named = default_path("meeting", period, self.lang.currentData())
        self.path.setText(self._named)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the workbook"),
                                              self.path.text() or "ecotracker.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.path.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def _check(self) -> None:
        bad = [w for w in (self.as_of, self.period_from, self.period_to)
               if w.text().strip() and not is_period(w.text().strip())]
        if bad:
            self.message.setText(self.tr("A period is written 2024, 2024H1, 2024Q2 or 2024-06."))
        elif self.job is None:
            self.message.setText("")
        self.export_button.setEnabled(not bad and bool(self.path.text().strip())
                                      and self.job is None)

    def options(self) -> ExportOptions:
        return ExportOptions(self.category.currentData(), self.area.currentData(),
                             self.period_from.text().strip() or None,
                             self.period_to.text().strip() or None, self.lang.currentData(),
                             as_of=self.as_of.text().strip() or None)

    def start(self) -> None:
        if self.job is not None or not self.export_button.isEnabled():
            return
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.setText(self.tr("Writing the workbook…"))
        fn = partial(export_workbook, self.ctx.store, Path(self.path.text().strip()),
                     self.options())
        self.job = workers.start(fn, on_done=self._done, on_failed=self._failed,
                                 parent=self)
        self.job.signals.progress.connect(self._progress)
        self.cancel_button.setText(self.tr("Cancel"))
        self._check()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def cancel_or_close(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.message.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def _finish(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.cancel_button.setText(self.tr("Close"))
        self._check()

    def _done(self, result) -> None:
        self._finish()
        self.result = result
        self.message.setText(self.tr("Saved {path}: {rows} figures, {charts} charts.").format(
            path=result.path, rows=result.rows, charts=result.charts))
        self.opener.show_for(result.path)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.message.setText(self.tr("Cancelled; no file was written."))
        else:
            self.message.setText(self.tr("The export failed: {error}").format(error=exc))


def open_export_dialog(ctx, parent: QWidget | None = None) -> ExportDialog:
    """Show the export dialog (window-modal, non-blocking) and return it."""
    dlg = ExportDialog(ctx, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dlg.open()
    return dlg
