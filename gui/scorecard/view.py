"""The scorecard screen: a filter bar over a sortable table of target against actual.

The panel owns the scorecard's recomputation: a full one (open, F5) or one indicator's (after an
edit) runs in a worker (:func:`gui.workers.start`); the result is swapped into the model on the
GUI thread and :attr:`ScorecardPanel.updated` tells the tree and the status bar.
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QStyle, QTableView, QVBoxLayout, QWidget)

from core import vocabulary
from core.periods import shown
from core.present import PeriodNames
from core.edits import Changed
from core.completeness import review_marks
from core.entities import COMMENT, FIGURE, PERIOD, SOURCE, TARGET
from gui import workers
from gui.context import AppContext
from gui.later import later
from gui.retranslate import RetranslateOnce
from gui.table_copy import install_copy

from . import palette
from core.scorecard_job import ScorecardResult, Tickets, compute
from .model import KEY_ROLE, ScorecardModel

STATUS_FILTERS = ("", "attention", "missed", "close", "met", "no_target", "no_data",
                  "followup")


class ScorecardPanel(RetranslateOnce, QWidget):
    """Signals: ``open_indicator(code)`` on double-click; ``updated()`` after a new snapshot;
    ``failed(exc)`` when a recomputation fails."""

    open_indicator = Signal(str)
    started = Signal()  # a full recomputation began
    updated = Signal()
    failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("scorecardPanel")
        self.model = ScorecardModel(self)
        self.model.lang = ctx.lang
        self.counts = {"figures": 0, "targets": 0}
        self.computed = False  # a whole scorecard has been shown at least once
        self.busy = False
        self.sized = False  # columns fitted to their contents once (or restored from settings)
        self._job = None
        self._again = False  # a full recomputation was asked for while one ran
        self._tickets = Tickets()  # results of jobs that finish out of order are dropped
        self._marks_job = None

        # the review as of a period (core.asof): "" is the latest figure of every row
        self.as_of: str | None = None
        self._periods: tuple = ()
        self.period = self._combo("scorecardPeriod")
        self.period_label = QLabel(self)
        self.period_label.setBuddy(self.period)
        self.category = self._combo("scorecardCategoryFilter")
        self.area = self._combo("scorecardAreaFilter")
        self.status = self._combo("scorecardStatusFilter")
        self.category_label, self.area_label = QLabel(self), QLabel(self)
        self.status_label, self.summary = QLabel(self), QLabel(self)
        self.summary.setObjectName("scorecardSummary")
        self.summary.setMinimumWidth(40)  # (likewise: clipped, not widening, when narrow)
        self.category_label.setBuddy(self.category)
        self.area_label.setBuddy(self.area)
        self.status_label.setBuddy(self.status)
        bar = QHBoxLayout()
        for w in (self.period_label, self.period, self.category_label, self.category,
                  self.area_label, self.area,
                  self.status_label, self.status):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.summary)

        self.table = QTableView(self)
        self.table.setObjectName("scorecardTable")
        self.table.setModel(self.model)
        install_copy(self.table)  # Ctrl+C: rows as text and HTML, with the headings
        # no sort indicator first: the scorecard's own order (category, indicator, area) is
        # the natural reading order until someone clicks a header
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(200)  # fit to a sample, not every row
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.activated.connect(self._double_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        for combo in (self.category, self.area, self.status):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.period.currentIndexChanged.connect(self._period_changed)
        ctx.changed.connect(self._on_changed)
        # on the next turn of the event loop: a language switch is then several short
        # pieces of work (tree, scorecard, indicator view) rather than one long one
        ctx.language_changed.connect(
            lambda _lang: later(self, lambda: self._on_language(self.ctx.lang)))
        self.retranslate()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # as wide as its words where there is room, narrower in a narrow window: the bar of
        # filters must not hold the indicator tree to a sliver (a set minimum overrides the
        # contents' width as the layout's minimum)
        combo.setMinimumWidth(72)
        return combo

    # recomputation -------------------------------------------------------------------------
    def refresh(self, indicator: str | None = None) -> None:
        """Recompute the whole scorecard, or one indicator's rows, in a worker."""
        if self.busy:
            self._again = True  # one full run after this one covers any edit in between
            return
        self.busy = indicator is None
        ticket = self._tickets.issue(indicator)
        reference = None if indicator is None else (self.ctx.indicators, self.ctx.areas)
        self._job = workers.start(compute, self.ctx.store, indicator,
                                  on_done=lambda result: self._done(indicator, ticket, result),
                                  on_failed=lambda exc: self._failed(indicator, ticket, exc),
                                  parent=self, reference=reference, as_of=self.as_of)
        if self.busy:
            self.started.emit()

    def _done(self, indicator: str | None, ticket: int,
              result: ScorecardResult | None) -> None:
        full = indicator is None
        if not self._tickets.current(indicator, ticket):
            return  # a later job covers these rows: this result is older than what it shows
        if full:
            self.busy = False
        stale = result is not None and result.as_of != self.as_of  # the period changed since
        if result is not None and (full or not self.busy) and not stale:
            self._apply(result)
        if full and self._again:
            self._again = False
            self.refresh()

    def _apply(self, result: ScorecardResult) -> None:
        key = self._selected_key()
        if result.indicator is None:
            self.counts = {"figures": result.n_figures, "targets": result.n_targets}
            if result.periods != self._periods:
                self._periods = result.periods
                self._fill_periods()
            self.model.set_frame(result.frame, self.ctx.areas, self.ctx.lang, result.tables)
            self.computed = True
            self.model.set_warnings(result.warnings)
            # the rest on the next turn of the event loop, so that the window can paint
            # between the two halves (each well under the 100 ms a person would notice)
            later(self, lambda: self._after_full(key))
            return
        order = self.ctx.indicators.set_index("code")["category_sort"]
        self.model.set_warnings(result.warnings, result.indicator)
        if not self.model.replace_indicator(result.indicator, result.frame, order,
                                            result.tables):
            key = None  # cells changed in place: the selection stayed
        self._finish(key)

    def rows_of(self, code: str) -> pd.DataFrame | None:
        """The scorecard rows of indicator ``code`` as last computed (the applicable target,
        baseline and observed course per area), or None before the first computation."""
        return self.model.rows_for(code) if self.computed else None

    def _after_full(self, key) -> None:
        self.read_marks()  # what is to follow up, what is not approved: read again
        self.model.rows_for("")  # its index by indicator, before a selection asks for it
        self._fill_area_filter()
        if not self.sized:
            self.fit_columns()
        self._finish(key)

    def _finish(self, key) -> None:
        if key:
            self._select_key(key)
        self._update_summary()
        self.updated.emit()

    def fit_columns(self, widen_only: bool = False) -> None:
        """Fit columns to their contents, long names capped (a tooltip shows them whole);
        ``widen_only`` (after a language switch: 2024年上半年 is wider than 2024H1) never
        narrows a column, so widths the person set stay.

        Qt's resizeColumnsToContents asks the model for every role of a few hundred rows
        per column (~200 ms on the bureau-scale scorecard, all on the GUI thread); here
        only the longest texts of each column are measured, a few milliseconds.
        """
        header = self.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)  # the style sheet sets header titles in bold
        cells, head = self.table.fontMetrics(), QFontMetrics(bold)
        pad = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        # long indicator names take a third of the table at most, so that on a small screen
        # the status columns are still in view (the cell's tooltip gives the whole name)
        # (a hidden table has no width yet: the full cap then)
        name_cap = (max(200, min(340, self.table.viewport().width() // 3))
                    if self.table.isVisible() else 340)
        for c in range(self.model.columnCount()):
            texts = self.model.longest_texts(c)
            width = max((cells.horizontalAdvance(t) for t in texts), default=0) + pad
            title = str(self.model.headerData(c, Qt.Orientation.Horizontal) or "")
            width = max(width, head.horizontalAdvance(title) + 28)  # room for the sort arrow
            width = min(width + 12, name_cap if c == 0 else 190)
            if not widen_only or header.sectionSize(c) < width:
                header.resizeSection(c, width)
        self.sized = True

    def _failed(self, indicator: str | None, ticket: int, exc: BaseException) -> None:
        if indicator is None and self._tickets.current(None, ticket):
            self.busy = False
        self.failed.emit(exc)

    def read_marks(self) -> None:
        """Read the review marks (follow-up, not approved) in a worker; a few rows."""
        self._marks_job = workers.start(
            review_marks, self.ctx.store,
            on_done=self._marks_read,
            on_failed=self.failed.emit, parent=self)

    def _marks_read(self, got: dict) -> None:
        key = self._selected_key()
        self.model.set_review(got["followup"], got["pending"])
        if key:
            self._select_key(key)
        self._update_summary()

    def _on_changed(self, changed: Changed) -> None:
        if changed.kind is SOURCE:
            return  # no scorecard cell names a source
        if changed.kind in (PERIOD, COMMENT, FIGURE) or changed.action == "batch":
            self.read_marks()
        if changed.kind in (PERIOD, COMMENT):
            return  # no figure or target changed
        if changed.kind in (FIGURE, TARGET) and changed.action in ("create", "delete"):
            key = "figures" if changed.kind is FIGURE else "targets"
            self.counts[key] += 1 if changed.action == "create" else -1
        if changed.structure or not changed.indicator or changed.action == "batch":
            self.refresh()  # a batch changed several rows: recount everything
        else:
            self.refresh(changed.indicator)
            for code in changed.also:  # computed along (core.computed)
                self.refresh(code)

    # selection and filters -----------------------------------------------------------------
    def _selected_key(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], KEY_ROLE) if rows else None

    def _select_key(self, key) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _double_clicked(self, index) -> None:
        if index.isValid():
            self.open_indicator.emit(self.model.key(index.row())[0])

    def _filter_changed(self) -> None:
        key = self._selected_key()
        self.model.set_filter(category=self.category.currentData() or None,
                              area=self.area.currentData() or None,
                              status=self.status.currentData() or None)
        if key:
            self._select_key(key)
        self._update_summary()

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def set_period(self, code: str | None) -> None:
        """Review as of ``code`` (None or "": the latest figure of every row)."""
        code = code or None
        if code == self.as_of:
            return
        self.as_of = code
        i = self.period.findData(code or "")
        if i < 0 and code:
            self.period.blockSignals(True)
            self.period.addItem(shown(code), code)
            self.period.blockSignals(False)
            i = self.period.count() - 1
        if i >= 0 and i != self.period.currentIndex():
            self.period.blockSignals(True)
            self.period.setCurrentIndex(i)
            self.period.blockSignals(False)
        self.refresh()

    def _period_changed(self) -> None:
        self.set_period(self.period.currentData() or None)

    def _fill_periods(self) -> None:
        names = PeriodNames(self.ctx.lang)
        items = [(self.tr("Latest"), "")] + [(names(c), c) for c in self._periods]
        if self.as_of and self.as_of not in self._periods:
            items.append((names(self.as_of), self.as_of))
        self._fill(self.period, items)
        if self.as_of:
            self.period.blockSignals(True)
            self.period.setCurrentIndex(max(0, self.period.findData(self.as_of)))
            self.period.blockSignals(False)

    def _fill_area_filter(self) -> None:
        """Only the areas that have rows, in the areas' own order."""
        frame = self.model.frame
        present = set(frame["area"].unique()) if len(frame) else set()
        areas = self.ctx.areas
        self._fill(self.area, [(self.tr("All areas"), "")] + [
            (str(name), str(code)) for code, name in zip(areas["code"], areas[self.ctx.name_col])
            if code in present])

    def _update_summary(self) -> None:
        frame = self.model.frame
        if frame.empty:
            self.summary.setText(self.tr("Computing the scorecard…") if self.busy else "")
            return
        counts = self.model.shown_status_counts()  # of the rows the filters let through
        parts = [f"{palette.symbol(s)} {n} {self._status_word(s)}"
                 for s in ("met", "close", "missed") if (n := int(counts.get(s, 0)))]
        shown = self.tr("%n row(s) shown", "", self.model.rowCount())
        self.summary.setText("   ".join(parts + [shown]))
        # (in a tooltip: a longer summary would widen the window's minimum)
        self.summary.setToolTip(self.tr("* half-year not approved yet")
                                if self.model.has_pending() else "")

    def _status_word(self, code: str) -> str:
        return vocabulary.words(code, self.ctx.lang)

    # language ------------------------------------------------------------------------------
    def _on_language(self, lang: str) -> None:
        key = self._selected_key()
        self.model.retranslate(lang, self.ctx.areas)
        self.retranslate()
        if self.sized:
            self.fit_columns(widen_only=True)
        if key:
            self._select_key(key)

    def retranslate(self) -> None:
        self.period_label.setText(self.tr("As &of:"))
        self._fill_periods()
        self.period.setAccessibleName(self.tr("Review as of a period"))
        self.period.setToolTip(self.tr("Each row shows this period's figure, or the latest "
                                       "before it marked ↶ older, with the same period a "
                                       "year earlier beside it"))
        self.category_label.setText(self.tr("&Category:"))
        self.area_label.setText(self.tr("&Area:"))
        self.status_label.setText(self.tr("&Status:"))
        nc = self.ctx.name_col
        cats = self.ctx.categories
        self._fill(self.category, [(self.tr("All categories"), "")] + [
            (str(name), str(code)) for code, name in zip(cats["code"], cats[nc])])
        if len(self.model.frame):
            self._fill_area_filter()
        else:
            self._fill(self.area, [(self.tr("All areas"), "")])
        words = {"": self.tr("All statuses"), "attention": self.tr("Missed or close"),
                 "followup": self.tr("⚑ Needs follow-up")}
        self._fill(self.status, [
            (words.get(s) or f"{palette.symbol(s)} {self._status_word(s)}", s)
            for s in STATUS_FILTERS])
        self.table.setAccessibleName(self.tr("Scorecard: target against actual"))
        self.category.setAccessibleName(self.tr("Filter by category"))
        self.area.setAccessibleName(self.tr("Filter by area"))
        self.status.setAccessibleName(self.tr("Filter by status"))
        self._update_summary()
