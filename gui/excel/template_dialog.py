"""Write an entry workbook for districts: the same choices as ``ecotracker template``, run in a
worker. The dialog says at once when no indicator is reported in the typed period's type
(``2026Q1`` when none is taken by quarter) and then writes nothing, as the command refuses."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from core.excel.template import nothing_to_fill, reported_in, write_template
from core.periods import is_period, parse_period

from .. import workers
from .choice_list import ChoiceList
from ..i18n import settings
from .saved_files import OpenButtons, default_path


class TemplateDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.rows: int | None = None
        self.setObjectName("templateDialog")
        self.setWindowTitle(self.tr("Entry workbook for districts"))
        nc = ctx.name_col
        self.period = QLineEdit(self, objectName="templatePeriod")
        self.period.setPlaceholderText(self.tr("e.g. 2026H1"))
        # several may be ticked; none ticked is all categories, or the areas with data
        self.category = ChoiceList([(str(getattr(r, nc)), r.code)
                                    for r in ctx.categories.itertuples(index=False)], self,
                                   name="templateCategory")
        self.category.setToolTip(self.tr("Tick the categories to include; none ticked: all"))
        self.area = ChoiceList([(str(getattr(r, nc)), r.code)
                                for r in ctx.areas.itertuples(index=False)], self,
                               name="templateArea")
        self.area.setToolTip(self.tr("Tick the areas to include; none ticked: the areas "
                                     "with figures or targets"))
        self.lang = QComboBox(self, objectName="templateLanguage")
        self.lang.addItem("English", "en")
        self.lang.addItem("中文", "zh_CN")
        self.lang.setCurrentIndex(1 if ctx.lang.startswith("zh") else 0)
        self.path = QLineEdit(self, objectName="templatePath")
        self._named = ""  # the default name last put in the path (replaced while untouched)
        browse = QPushButton(self.tr("Browse…"), self, objectName="templateBrowse")
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Period to fill in"), self.period)
        form.addRow(self.tr("Categories"), self.category)
        form.addRow(self.tr("Areas"), self.area)
        form.addRow(self.tr("Language of the workbook"), self.lang)
        form.addRow(self.tr("Save as"), row)
        self.message = QLabel(self, objectName="templateMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.opener = OpenButtons(self)
        self.buttons = QDialogButtonBox(self)
        self.write_button = self.buttons.addButton(self.tr("Write"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setObjectName("templateButton")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("templateCloseButton")
        self.write_button.clicked.connect(self.start)
        close.clicked.connect(self.reject)
        for w in (self.period, self.path):
            w.textChanged.connect(self._check)
        self.category.currentIndexChanged.connect(self._check)
        self.period.textChanged.connect(self._default_name)
        self.lang.currentIndexChanged.connect(self._default_name)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.opener)
        lay.addWidget(self.buttons)
        self.resize(520, 260)
        remembered = settings().value("entry/period", "", str)
        if remembered and is_period(remembered):
            self.period.setText(remembered)  # the half-year being collected, as last time
        self._default_name()
        self._check()
        self.period.setFocus()

    def _default_name(self, *_args) -> None:
        if self.path.text().strip() and self.path.text() != self._named:
            return
        text = self.period.text().strip()
        period = parse_period(text).code if text and is_period(text) else None
        self._named = default_path("entry", period, self.lang.currentData())
        self.path.setText(self._named)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the workbook"),
                                              self.path.text() or "entry.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.path.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def problem(self) -> str:
        """Why nothing can be written for what is typed now ("" when it can)."""
        text = self.period.text().strip()
        if not text:
            return ""
        if not is_period(text):
            return self.tr("A period is written 2026, 2026H1, 2026Q1, 2026-03 or 2026年上半年.")
        ind = self.ctx.indicators
        if self.category.currentData():
            ind = ind[ind["category"].isin(self.category.currentData())]
        if reported_in(ind, parse_period(text).kind).empty:
            return str(nothing_to_fill(text))
        return ""

    def _check(self) -> None:
        problem = self.problem()
        if problem or self.job is None:
            self.message.setText(problem)
        self.write_button.setEnabled(not problem and bool(self.period.text().strip())
                                     and bool(self.path.text().strip()) and self.job is None)

    def start(self) -> None:
        if self.job is not None or not self.write_button.isEnabled():
            return
        self.message.setText(self.tr("Writing the workbook…"))
        fn = partial(write_template, self.ctx.store, Path(self.path.text().strip()),
                     self.period.text().strip(), area=self.area.currentData(),
                     category=self.category.currentData(), lang=self.lang.currentData())
        self.job = workers.start(fn, on_done=self._done, on_failed=self._failed, parent=self)
        self._check()

    def _done(self, rows: int) -> None:
        self.job, self.rows = None, rows
        self._check()
        self.message.setText(self.tr("Saved {path}: {rows} rows to fill in.").format(
            path=self.path.text().strip(), rows=rows))
        self.opener.show_for(self.path.text().strip())
        s = settings()
        s.setValue("entry/period", parse_period(self.period.text().strip()).code)
        s.sync()

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self._check()
        self.message.setText(self.tr("Nothing was written: {error}").format(error=exc))


def open_template_dialog(ctx, parent: QWidget | None = None) -> TemplateDialog:
    """Show the entry workbook dialog (window-modal, non-blocking) and return it."""
    dlg = TemplateDialog(ctx, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dlg.open()
    return dlg
