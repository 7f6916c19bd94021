"""The indicator view: definition, figures, targets, trend plot and a figure's history.

It reads one indicator's figures and targets (an indexed query, a few milliseconds even on
the bureau-scale database), refreshes only for changes that concern that indicator, and
edits only through :meth:`AppContext.edit` (in place via the figure model, or via dialogs).
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QToolTip, QWidget

from core import queries, rows, status
from core.changelog import history
from core.edits import Changed
from core.entities import FIGURE, TARGET
from core.errors import StaleEditError
from core.present import source_namer, unit_text
from core.trend import indicator_trend, trend_frame
from gui import workers
from gui.later import later
from gui.retranslate import RetranslateOnce

from .actions import IndicatorActions
from .figure_model import FigureModel
from .history import HistoryModel
from .labels import direction, period_type, value_kind
from .layout import build
from .target_model import TargetModel


HISTORY_DELAY_MS = 60
COURSE_FALLBACK_MS = 200
TARGETS_FALLBACK_MS = 50


def course_frame(indicators, figs, tgts, code, sources, *, progress, cancelled):
    """The full trend frame with targets and projections (runs in a worker)."""
    one = indicators[indicators["code"] == code]
    return trend_frame(one, figs, tgts, status.scorecard(one, figs, tgts), code, sources=sources)


def same_row(a: dict | None, b: dict | None) -> bool:
    """Whether two rows hold the same values, NaN equal to NaN (``==`` on dicts says no)."""
    if a is None or b is None or a.keys() != b.keys():
        return a is b
    return all(x == y or (x != x and y != y) for x, y in ((a[k], b[k]) for k in a))


class IndicatorView(RetranslateOnce, IndicatorActions, QWidget):
    """One indicator. ``status_message(str)`` carries short notes for the status bar."""

    status_message = Signal(str)
    course_ready = Signal()  # targets and projection drawn (from the scorecard or a worker)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("indicatorView")
        self.setAccessibleName("indicatorView")
        self.code: str | None = None
        self.ind: dict | None = None
        self.figures_model = FigureModel(ctx, self)
        self.targets_model = TargetModel(ctx, self)
        self.history_model = HistoryModel(ctx, self)
        self.ui = build(self)
        self.figure_table, self.target_table = self.ui.figure_table, self.ui.target_table
        self.history_view, self.plot = self.ui.history_view, self.ui.plot
        self.frame = None
        self._history_id: int | None = None
        self._plot_gen = 0
        # The history of the selected figure is read once a selection has been painted
        # (and not at all while a person runs through figures with the arrow keys): it is
        # not part of the 50 ms that filling the table and plot may take.
        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._history_timer.setInterval(HISTORY_DELAY_MS)
        self._history_timer.timeout.connect(self._show_history)
        self._course_job = None
        # The scorecard's rows of an indicator (set by the window): its applicable targets and
        # observed course, from which the plot's targets and projections are drawn at once.
        # Without them (no scorecard yet, or a view on its own) a worker computes them.
        self.course_rows: Callable[[str], pd.DataFrame | None] | None = None
        self._course_from: pd.DataFrame | None = None  # the rows the plot's course came from
        self._targets_due = False  # the targets table is filled on the next turn (below)
        self._painted_gen = 0  # the last plot generation painted
        self._targets_timer = QTimer(self)
        self._targets_timer.setSingleShot(True)
        self._targets_timer.setInterval(TARGETS_FALLBACK_MS)
        self._targets_timer.timeout.connect(self._load_due_targets)
        self._course_args = None  # what the next course worker computes, until it starts
        self._course_gen = 0  # the drawing of the lines the last worker was started for
        self._drawn_with = (ctx.areas, ctx.sources)  # reference data the view was drawn with
        self._course_timer = QTimer(self)  # starts it if the plot is not painted (hidden)
        self._course_timer.setSingleShot(True)
        self._course_timer.setInterval(COURSE_FALLBACK_MS)
        self._course_timer.timeout.connect(self._start_course)
        self.plot.viewport().installEventFilter(self)
        later(self, self._prepare)  # while the window idles after opening
        self.figures_model.refused.connect(self._on_refused)
        self.figures_model.stale.connect(self._on_stale)
        self.figures_model.suspect.connect(self._on_suspect)
        self.figure_table.selectionModel().currentRowChanged.connect(self._on_current)
        self.figure_table.doubleClicked.connect(self._on_figure_double)
        self.target_table.doubleClicked.connect(lambda i: self.edit_target(i.row()))
        ctx.changed.connect(self._on_changed)
        ctx.reloaded.connect(self._on_reloaded)
        ctx.language_changed.connect(self.schedule_retranslate)
        self.retranslate()

    # loading ----------------------------------------------------------------------------
    def set_indicator(self, code: str | None) -> None:
        """Show indicator ``code`` (None clears the view).

        The figures, the header and the plot are filled at once; the targets table on the
        next turn of the event loop, so that the figures and the plot are painted first
        (the plot's targets come from the scorecard, not from that table)."""
        self.code = code
        try:
            self.ind = self.ctx.indicator(code) if code else None
        except KeyError:
            self.code, self.ind = None, None
        self._targets_due = self.code is not None
        self._load(targets=not self._targets_due)
        if self._targets_due:  # after the plot's paint (below), or if it is not painted
            self._targets_timer.start()

    def _prepare(self) -> None:
        """What the first selection would otherwise make: one drawing per area, the area
        order and the source names."""
        self.plot.prepare(len(self.ctx.areas))
        self.ctx.area_rank  # noqa: B018 - made on first use
        source_namer(self.ctx.sources)

    def _read(self, code: str) -> pd.DataFrame:
        """One indicator's figures, in the areas' order and by period (~10 ms for 2,300
        figures on the bureau-scale database)."""
        with self.ctx.store.read() as conn:
            return queries.indicator_figures(conn, code, self.ctx.area_rank)

    def _load_due_targets(self) -> None:
        self._targets_timer.stop()
        if self._targets_due:  # once, however many selections were made in between
            self._load_targets()

    def _load_targets(self) -> None:
        """Read the targets into their table; without the scorecard's rows, the plot's
        targets and course then come from a worker."""
        self._targets_due = False
        if self.code is None:
            self.targets_model.set_frame(pd.DataFrame(), None)
            return
        with self.ctx.store.read() as conn:
            tgts = queries.in_area_order(queries.targets(conn, indicators=[self.code]),
                                         self.ctx.area_rank)
        if not (same_row(self.ind, self.targets_model.ind)
                and tgts.equals(self.targets_model.frame)):  # (else: as shown)
            self.targets_model.set_frame(tgts, self.ind)
            if self._course_from is None:  # a worker's course of the old targets is stale
                painted = self._painted_gen == self._plot_gen
                self._plot_gen += 1  # (and one still running is not wanted)
                self._painted_gen = self._plot_gen if painted else self._painted_gen
                self._course_args = None
        self._queue_course()

    def _queue_course(self) -> None:
        """Without the scorecard's rows, the plot's targets and course come from a worker,
        once per drawing of the lines, started after they have been painted."""
        tgts = self.targets_model.frame
        if (self._course_from is not None or not len(tgts) or self.code is None
                or self._course_args is not None or self._course_gen == self._plot_gen):
            return
        self._course_args = (self._plot_gen, self.ctx.indicators,
                             self.figures_model.frame.copy(), tgts.copy(), self.code)
        if self._painted_gen == self._plot_gen:
            QTimer.singleShot(0, self, self._start_course)
        else:
            self._course_timer.start()

    def _load(self, figures: bool = True, targets: bool = True,
              figs: pd.DataFrame | None = None) -> None:
        code = self.code
        if code is None:
            self.figures_model.set_frame(pd.DataFrame(), None)
            self.frame = None
        elif figures:
            keep = self._history_id
            self.figures_model.set_frame(self._read(code) if figs is None else figs, self.ind)
            if keep is None or self.figures_model.row_of(keep) < 0:
                keep = self.figures_model.figure_id(0)  # show a source and history at once
            self._select_figure(keep)
        self._show_header()
        if targets:  # read below: no worker for the old targets meanwhile
            self._targets_due = True
        self._replot()
        if targets:
            self._load_targets()
        if figures:
            self._history_timer.start()

    def _replot(self) -> None:
        """Draw the lines, with targets and the projected course from the scorecard's rows
        when the window has them; else those follow from a worker, since computing the
        scorecard costs more than the 50 ms a selection may take."""
        self._plot_gen += 1
        self._course_args, self._course_from = None, None
        if self.code is None or self.ind is None:
            self.frame = None
        else:
            rows = self.course_rows(self.code) if self.course_rows is not None else None
            self.frame = indicator_trend(self.ind, self.figures_model.frame, rows,
                                         sources=self.ctx.sources)
            self._course_from = rows
            if not self._targets_due:  # (else: once the targets have been read)
                self._queue_course()
        names = dict(zip(self.ctx.areas["code"], self.ctx.areas[self.ctx.name_col]))
        self._drawn_with = (self.ctx.areas, self.ctx.sources)
        self.plot.show_frame(self.frame, names, self.ctx.lang)
        self.ui.legend.refresh()
        self.ui.buttons["savePlotButton"].setEnabled(bool(self.frame and self.frame.series))
        if self._course_from is not None:
            self.course_ready.emit()

    @Slot()
    def course_changed(self) -> None:
        """The scorecard was recomputed (after an edit, F5 or at start): redraw targets and
        course if this indicator's rows differ from those drawn."""
        if self.code is None or self.ind is None or self.course_rows is None:
            return
        rows = self.course_rows(self.code)
        if rows is None or (self._course_from is not None and rows.equals(self._course_from)):
            return
        self._plot_gen += 1  # a worker still running for this selection is not wanted now
        self._course_args, self._course_from = None, rows
        self.frame = indicator_trend(self.ind, self.figures_model.frame, rows,
                                     sources=self.ctx.sources)
        self.plot.show_course(self.frame)
        self.course_ready.emit()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and obj is self.plot.viewport():
            self._painted_gen = self._plot_gen
            if self._course_args is not None:
                QTimer.singleShot(0, self, self._start_course)
            if self._targets_due:
                later(self, self._load_due_targets)
        return False

    def _start_course(self) -> None:
        """Compute targets and course in a worker, after the lines have been painted: a
        Python worker holds the GIL in turns with the GUI thread, and started at once it
        would double the time the selection takes to paint. Only the latest selection's
        course is computed when a person runs through indicators."""
        self._course_timer.stop()
        args, self._course_args = self._course_args, None
        if args is None or args[0] != self._plot_gen:
            return
        gen, indicators, figs, tgts, code = args
        self._course_gen = gen
        self._course_job = workers.start(
            course_frame, indicators, figs, tgts, code, self.ctx.sources,
            on_done=lambda fr: self._on_course(gen, fr),
            on_failed=lambda exc: self.status_message.emit(str(exc)), parent=self)

    def _on_course(self, gen: int, frame) -> None:
        if not shiboken6.isValid(self.plot):  # the view closed while the worker ran
            return
        if gen == self._plot_gen:  # else the person has moved on
            self.frame = frame
            self.plot.show_course(frame)
            self.course_ready.emit()

    def _show_header(self) -> None:
        ui, ind = self.ui, self.ind
        for name in ("newFigureButton", "newTargetButton", "editIndicatorButton",
                     "deleteButton"):  # nothing to add to, edit or delete without one
            ui.buttons[name].setEnabled(ind is not None)
        if ind is None:
            ui.title.setText(self.tr("No indicator selected"))
            ui.details.setText("")
            ui.definition.setText(self.tr("Choose an indicator on the left."))
            return
        zh = self.ctx.lang.startswith("zh")
        ui.title.setText(f"{ind['name_zh' if zh else 'name_en']}  ({ind['code']})")
        unit = unit_text(ind["unit"], ind.get("unit_zh"), self.ctx.lang)
        facts = [self.tr("Unit: %1").replace("%1", unit or "–"),
                 value_kind(ind["value_kind"]), direction(ind["direction"]),
                 self.tr("by %1").replace("%1", period_type(ind["period_type"]))]
        if ind["cumulative"]:
            facts.append(self.tr("cumulative"))
        ui.details.setText(" · ".join(facts))
        ui.definition.setText(ind["definition_zh" if zh else "definition_en"]
                              or ind["definition_en"] or "")

    # selection and history --------------------------------------------------------------
    def _select_figure(self, fid: int | None) -> None:
        row = self.figures_model.row_of(fid) if fid is not None else -1
        sel = self.figure_table.selectionModel()
        if row >= 0:
            sel.setCurrentIndex(self.figures_model.index(row, 0),
                                QItemSelectionModel.SelectionFlag.ClearAndSelect
                                | QItemSelectionModel.SelectionFlag.Rows)
        else:
            self._history_id = None

    def _on_current(self, current, _previous) -> None:
        fid = self.figures_model.figure_id(current.row()) if current.isValid() else None
        if fid != self._history_id:
            self._history_id = fid
            self._history_timer.start()

    def _show_history(self) -> None:
        fid = self._history_id
        row = self.figures_model.row_of(fid) if fid is not None else -1
        if row < 0:
            self.history_model.set_history(None, self.ind)
            self.ui.source.setText("")
            return
        with self.ctx.store.read() as conn:
            df = history(conn, "figure", fid)
        self.history_model.set_history(df, self.ind)
        src = self.figures_model.source_of(row)
        self.ui.source.setText(self.tr("Source: %1").replace("%1", src or self.tr("not given")))

    def selected_figure_rows(self) -> list[int]:
        return sorted({i.row() for i in self.figure_table.selectionModel().selectedRows()})

    def selected_target_rows(self) -> list[int]:
        return sorted({i.row() for i in self.target_table.selectionModel().selectedRows()})

    # changes from anywhere ---------------------------------------------------------------
    @Slot(object)
    def _on_changed(self, ch: Changed) -> None:
        if ch.structure:
            if ch.key == self.code:
                self.set_indicator(self.code if ch.action != "delete" else None)
            return
        if self.code is None or ch.indicator != self.code:
            return
        if ch.kind is FIGURE and ch.action == "update":
            row = ch.row  # the row as the change wrote it: no read back
            if row is None:
                with self.ctx.store.read() as conn:
                    row = rows.fetch(conn, FIGURE.name, ch.key)
            if row is not None and self.figures_model.patch(row):
                self._replot()
                if ch.key == self._history_id:
                    self._show_history()
                return
        self._load(figures=ch.kind is FIGURE, targets=ch.kind is TARGET)

    @Slot()
    def _on_reloaded(self) -> None:
        # on the next turn of the event loop: F5's other work (the tree) is not added to this
        later(self, self._reload)

    def _reload(self) -> None:
        """After F5: re-read the indicator, and redraw only if something in it changed (most
        often nothing has, and a full redraw would block the window for nothing)."""
        if self.code is None:
            return
        try:
            ind = self.ctx.indicator(self.code)
        except KeyError:  # deleted at another desk
            self.set_indicator(None)
            return
        figs = self._read(self.code)
        areas, sources = self._drawn_with  # an area's or a source's name may have changed
        renamed = not self.ctx.areas.equals(areas) or not self.ctx.sources.equals(sources)
        if renamed or not same_row(ind, self.ind) or not figs.equals(self.figures_model.frame):
            self.ind = ind
            self._load(targets=False, figs=figs)  # (names made anew with the figures)
            if renamed:
                self.targets_model.retranslate()
        self._targets_due = True  # read, and shown if they changed, on a later turn
        later(self, self._load_due_targets)
        self._history_timer.start()

    def retranslate(self) -> None:
        self.ui.retranslate()
        self.ui.legend.retranslate()
        self.figures_model.retranslate()
        self.targets_model.retranslate()
        self.history_model.retranslate()
        self._show_header()
        self._replot()
        self._show_history()

    def closeEvent(self, event) -> None:
        self._history_timer.stop()  # no read after the window (or its database) has gone
        self._targets_timer.stop()
        self._targets_due = False
        self._course_timer.stop()
        self._course_args = None
        super().closeEvent(event)

    # messages ------------------------------------------------------------------------------
    def _on_refused(self, index, why: str) -> None:
        text = self.tr("Not saved: %1").replace("%1", why)
        self.ui.message.setText(text)
        rect = self.figure_table.visualRect(index)
        QToolTip.showText(self.figure_table.viewport().mapToGlobal(
            rect.bottomLeft() if rect.isValid() else QPoint(0, 0)), text, self.figure_table)
        self.status_message.emit(text)

    def _on_suspect(self, index, value, why: str) -> None:
        """A typed value that looks wrong: keep it with one click, or type it again."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Check this value"),
                          self.tr("%1\n\nKeep this value?").replace("%1", why),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("suspectValueBox")
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Change it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is keep:
            self.figures_model.setData(index, value, self.figures_model.KEEP_ROLE)
        else:
            self.figure_table.setCurrentIndex(index)
            self.figure_table.edit(index)

    def _on_stale(self, exc: StaleEditError) -> None:
        self.ui.message.setText(self.tr("Not saved: someone else changed this figure first."))
        answer = QMessageBox.warning(
            self, self.tr("Changed by someone else"),
            self.tr("Someone else changed this figure since you loaded it, so your edit was "
                    "not saved.\n\n%1\n\nReload to see their value?").replace("%1", str(exc)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.reload()
