"""File › Briefing…: the half-year briefing written in a worker (``ecotracker briefing``)."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from core.briefing.commands import write_briefing
from core.briefing.document import soffice
from core.periods import period_label

from . import workers


def _periods(store) -> list[str]:
    """Half-years with figures, newest first (read in a worker)."""
    from core import queries
    from core.periods import period_sort_key

    with store.read() as conn:
        codes = set(queries.figures(conn)["period"])
    return sorted((c for c in codes if "H" in c), key=period_sort_key, reverse=True)


class BriefingDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.written: Path | None = None
        self.setObjectName("briefingDialog")
        self.setWindowTitle(self.tr("Briefing"))
        nc = ctx.name_col
        self.period = QComboBox(self, objectName="briefingPeriod")
        self.area = QComboBox(self, objectName="briefingArea")
        for r in ctx.areas.itertuples(index=False):
            self.area.addItem(str(getattr(r, nc)), r.code)
        self.lang = QComboBox(self, objectName="briefingLanguage")
        self.lang.addItem("English", "en")
        self.lang.addItem("中文", "zh_CN")
        self.lang.setCurrentIndex(1 if ctx.lang.startswith("zh") else 0)
        self.path = QLineEdit(self, objectName="briefingPath")
        browse = QPushButton(self.tr("Browse…"), self, objectName="briefingBrowse")
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Half-year"), self.period)
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Language of the briefing"), self.lang)
        form.addRow(self.tr("Save as"), row)
        self.message = QLabel(self, objectName="briefingMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if soffice() is None:
            self.message.setText(self.tr("LibreOffice is not installed here, so the briefing "
                                         "is written as a Word document (.docx) only."))
        self.buttons = QDialogButtonBox(self)
        self.write_button = self.buttons.addButton(self.tr("Write"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setObjectName("briefingButton")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.write_button.clicked.connect(self.start)
        self.path.textChanged.connect(self._check)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.resize(520, 240)
        self._check()
        self.job = workers.start(partial(lambda store, **_k: _periods(store), ctx.store),
                                 on_done=self._periods_read, on_failed=self._failed,
                                 parent=self)

    def _periods_read(self, codes: list[str]) -> None:
        self.job = None
        for c in codes:
            self.period.addItem(period_label(c, self.ctx.lang), c)
        self._check()

    def choose_file(self) -> None:
        filters = self.tr("Word document (*.docx)")
        if soffice() is not None:
            filters += ";;" + self.tr("PDF (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Save the briefing"),
                                                   self.path.text() or "briefing.docx", filters)
        if path:
            if not path.lower().endswith((".docx", ".pdf")):
                path += ".pdf" if "pdf" in (chosen or "").lower() else ".docx"
            self.path.setText(path)

    def _check(self) -> None:
        self.write_button.setEnabled(self.job is None and self.period.count() > 0
                                     and bool(self.path.text().strip()))

    def start(self) -> None:
        if self.job is not None or not self.write_button.isEnabled():
            return
        self.message.setText(self.tr("Writing the briefing…"))
        fn = partial(lambda *a, progress=None, cancelled=None, **k: write_briefing(*a, **k),
                     self.ctx.store, self.period.currentData(), Path(self.path.text().strip()),
                     area=self.area.currentData(), lang=self.lang.currentData())
        self.job = workers.start(fn, on_done=self._done, on_failed=self._failed, parent=self)
        self._check()

    def _done(self, path) -> None:
        self.job, self.written = None, Path(path)
        self._check()
        self.message.setText(self.tr("Saved {path}.").format(path=path))

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self._check()
        self.message.setText(self.tr("Nothing was written: {error}").format(error=exc))


def open_briefing_dialog(ctx, parent: QWidget | None = None) -> BriefingDialog:
    dlg = BriefingDialog(ctx, parent)
    dlg.open()
    return dlg
