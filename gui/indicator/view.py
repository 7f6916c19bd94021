"""The indicator view: definition, figures, targets, trend plot and a figure's history.

It reads one indicator's figures and targets (an indexed query, a few milliseconds even on
the bureau-scale database), refreshes only for changes that concern that indicator, and
edits only through :meth:`AppContext.edit` (in place via the figure model, or via dialogs).
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import shiboken6
from PySide6.QtCore import QItemSelectionModel, QPoint, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QToolTip, QWidget

from core import queries, rows, status
from core.changelog import history
from core.edits import Changed
from core.entities import COMMENT, FIGURE, PERIOD, SOURCE, TARGET
from core.errors import StaleEditError
from core.present import source_namer, unit_text
from core.trend import indicator_trend, trend_frame
from gui import permissions, workers
from gui.later import later
from gui.retranslate import RetranslateOnce

from . import figure_paste
from .actions import IndicatorActions
from .comments import CommentsPane
from .figure_model import FigureModel
from .history import HistoryModel
from .labels import direction, period_type, value_kind
from .layout import build
from .pacing import Pacing
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
        self.comments = CommentsPane(ctx, self)
        self.ui.history_split.addWidget(self.comments)
        self.ui.history_split.setSizes([300, 220])
        self.frame = None
        self._history_id: int | None = None
        self._course_job = None
        self._history_gen, self._history_job = 0, None
        self._reread_gen, self._reread_job = 0, None
        self._select_after: int | None = None  # a new figure, selected once it is shown
        # The scorecard's rows of an indicator (set by the window): its applicable targets and
        # observed course, from which the plot's targets and projections are drawn at once.
        # Without them (no scorecard yet, or a view on its own) a worker computes them.
        self.course_rows: Callable[[str], pd.DataFrame | None] | None = None
        self._course_from: pd.DataFrame | None = None  # the rows the plot's course came from
        # A course worker's result is drawn only if its ticket is still the latest: each
        # new drawing of the lines, or new targets, makes a new one.
        self._course_ticket = 0
        self._course_started = 0  # the ticket the last worker was started for
        self._course_args = None  # what the next course worker computes, until it starts
        self._drawn_with = (ctx.areas, ctx.sources)  # reference data the view was drawn with
        # what a selection does not wait for: the targets table and a course worker after
        # the plot's paint, the figure's history once the selection stays put
        self._pace = Pacing(self.plot.viewport(), self)
        self._pace.add("targets", self._load_targets, fallback_ms=TARGETS_FALLBACK_MS)
        self._pace.add("course", self._start_course, fallback_ms=COURSE_FALLBACK_MS)
        self._pace.add("history", self._show_history, fallback_ms=HISTORY_DELAY_MS,
                       after_paint=False)
        later(self, self._prepare)  # while the window idles after opening
        self.figures_model.refused.connect(self._on_refused)
        self.figures_model.stale.connect(self._on_stale)
        self.figures_model.suspect.connect(self._on_suspect)
        self.figure_table.selectionModel().currentRowChanged.connect(self._on_current)
        self.figure_table.doubleClicked.connect(self._on_figure_double)
        self._paste = figure_paste.install(self)
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
        if code != self.code:
            self.figures_model.marks.clear()
        self.code = code
        try:
            self.ind = self.ctx.indicator(code) if code else None
        except KeyError:
            self.code, self.ind = None, None
        if self.code is None:
            self._load()
            return
        self._load(targets=False, course=False)  # (the course once the targets are read)
        self._pace.ask("targets")  # once the lines are painted (or if they are not)

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

    def _load_targets(self, tgts: pd.DataFrame | None = None) -> None:
        """Read the targets (unless given) into their table; without the scorecard's rows,
        the plot's targets and course then come from a worker."""
        self._pace.cancel("targets")  # (read now: not again on a later turn)
        if self.code is None:
            self.targets_model.set_frame(pd.DataFrame(), None)
            return
        if tgts is None:
            with self.ctx.store.read() as conn:
                tgts = queries.in_area_order(queries.targets(conn, indicators=[self.code]),
                                             self.ctx.area_rank)
        if not (same_row(self.ind, self.targets_model.ind)
                and tgts.equals(self.targets_model.frame)):  # (else: as shown)
            self.targets_model.set_frame(tgts, self.ind)
            if self._course_from is not None and self.ind is not None:
                # the scorecard's rows drew the target judged against; the others now
                self.frame = indicator_trend(self.ind, self.figures_model.frame,
                                             self._course_from, sources=self.ctx.sources,
                                             targets=tgts)
                self.plot.show_course(self.frame, fit=False)
            if self._course_from is None:  # a worker's course of the old targets is stale
                self._course_ticket += 1  # (and one still running is not wanted)
                self._course_args = None
        self._queue_course()

    def _queue_course(self) -> None:
        """Without the scorecard's rows, the plot's targets and course come from a worker,
        once per drawing of the lines, started after they have been painted."""
        tgts = self.targets_model.frame
        if (self._course_from is not None or not len(tgts) or self.code is None
                or self._course_args is not None
                or self._course_started == self._course_ticket):
            return
        self._course_args = (self._course_ticket, self.ctx.indicators,
                             self.figures_model.frame.copy(), tgts.copy(), self.code)
        self._pace.ask("course")

    def _load(self, figures: bool = True, targets: bool = True,
              figs: pd.DataFrame | None = None, course: bool = True) -> None:
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
        # the course of the targets shown; with targets, once they have been read (below)
        self._replot(course=course and not targets)
        if targets:
            self._load_targets()
        if figures:
            self._pace.ask("history")

    def _replot(self, course: bool = True) -> None:
        """Draw the lines, with targets and the projected course from the scorecard's rows
        when the window has them; else those follow from a worker, since computing the
        scorecard costs more than the 50 ms a selection may take."""
        self._course_ticket += 1
        self._course_args, self._course_from = None, None
        self._pace.cancel("course")
        self._pace.drawn()
        if self.code is None or self.ind is None:
            self.frame = None
        else:
            rows = self.course_rows(self.code) if self.course_rows is not None else None
            self.frame = indicator_trend(self.ind, self.figures_model.frame, rows,
                                         sources=self.ctx.sources,
                                         targets=self.targets_model.frame)
            self._course_from = rows
            if course and not self._pace.pending("targets"):  # (else: once they are read)
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
        self._course_ticket += 1  # a worker still running for this selection is not wanted
        self._course_args, self._course_from = None, rows
        self.frame = indicator_trend(self.ind, self.figures_model.frame, rows,
                                     sources=self.ctx.sources, targets=self.targets_model.frame)
        self.plot.show_course(self.frame)
        self.course_ready.emit()

    def _start_course(self) -> None:
        """Compute targets and course in a worker, after the lines have been painted: a
        Python worker holds the GIL in turns with the GUI thread, and started at once it
        would double the time the selection takes to paint. Only the latest selection's
        course is computed when a person runs through indicators."""
        args, self._course_args = self._course_args, None
        if args is None or args[0] != self._course_ticket:
            return
        gen, indicators, figs, tgts, code = args
        self._course_started = gen
        self._course_job = workers.start(
            course_frame, indicators, figs, tgts, code, self.ctx.sources,
            on_done=lambda fr: self._on_course(gen, fr),
            on_failed=lambda exc: self.status_message.emit(str(exc)), parent=self)

    def _on_course(self, gen: int, frame) -> None:
        if not shiboken6.isValid(self.plot):  # the view closed while the worker ran
            return
        if gen == self._course_ticket:  # else the person has moved on
            self.frame = frame
            self.plot.show_course(frame)
            self.course_ready.emit()

    def _show_header(self) -> None:
        ui, ind = self.ui, self.ind
        for name, changes in permissions.BUTTONS.items():  # nothing to add to, edit or
            permissions.apply(ui.buttons[name], self.ctx, changes, ind is not None,  # delete
                              ui.tips.get(name, ""))  # without one; greyed if not allowed
        if self.ctx.store.read_only:  # a database open read-only: nothing to change
            for name in ("newFigureButton", "newTargetButton", "editIndicatorButton",
                         "deleteButton"):
                ui.buttons[name].setEnabled(False)
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
            self._pace.ask("history")

    def _show_history(self) -> None:
        """The selected figure's history, read in a worker (a read is round trips to the
        server, which a distant one makes long) and shown if still selected."""
        fid = self._history_id
        row = self.figures_model.row_of(fid) if fid is not None else -1
        self._history_gen += 1
        self.comments.show_figure(self.figures_model.frame.iloc[row].to_dict() if row >= 0
                                  else None)
        if row < 0:
            self.history_model.set_history(None, self.ind)
            self.ui.source.setText("")
            return
        gen, store = self._history_gen, self.ctx.store

        def read(*, progress, cancelled):
            with store.read() as conn:
                return history(conn, "figure", fid)

        self._history_job = workers.start(
            read, on_done=lambda df: self._history_read(gen, fid, df),
            on_failed=lambda exc: self.status_message.emit(str(exc)), parent=self)

    def _history_read(self, gen: int, fid: int, df: pd.DataFrame) -> None:
        row = self.figures_model.row_of(fid)
        if gen != self._history_gen or row < 0:
            return  # another figure was selected meanwhile
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
        if ch.kind is SOURCE:  # a source renamed: the figures' source texts say it anew
            self.figures_model.retranslate()
            if self._history_id is not None:
                self._show_history()
            return
        if ch.kind in (COMMENT, PERIOD):
            return  # the comments pane and the period view follow these themselves
        if ch.structure:
            if ch.key == self.code:
                self.set_indicator(self.code if ch.action != "delete" else None)
            return
        if self.code is None or not ch.concerns(self.code):
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
        self._reread(figures=ch.kind is FIGURE, targets=ch.kind is TARGET)

    def _reread(self, figures: bool, targets: bool) -> None:
        """Read the indicator's figures and/or targets again in a worker (a row came or
        went), and show them when they arrive; only the latest read is shown."""
        self._reread_gen += 1
        gen, code, rank, store = self._reread_gen, self.code, self.ctx.area_rank, self.ctx.store

        def read(*, progress, cancelled):
            with store.read() as conn:
                figs = queries.indicator_figures(conn, code, rank) if figures else None
                tgts = (queries.in_area_order(queries.targets(conn, indicators=[code]), rank)
                        if targets else None)
            return figs, tgts

        self._reread_job = workers.start(
            read, on_done=lambda got: self._reread_done(gen, code, *got),
            on_failed=lambda exc: self.status_message.emit(str(exc)), parent=self)

    def _reread_done(self, gen: int, code: str, figs, tgts) -> None:
        if gen != self._reread_gen or code != self.code:
            return  # the person moved on, or a later read is on its way
        self._load(figures=figs is not None, targets=False, figs=figs)
        if tgts is not None:
            self._load_targets(tgts)
        fid, self._select_after = self._select_after, None
        if fid is not None and self.figures_model.row_of(fid) >= 0:
            self._select_figure(fid)

    def select_when_shown(self, fid: int) -> None:
        """Select figure ``fid`` now, or once the figures being read again are shown."""
        if self.figures_model.row_of(fid) >= 0:
            self._select_figure(fid)
        else:
            self._select_after = fid

    @Slot()
    def _on_reloaded(self) -> None:
        # on the next turn of the event loop: F5's other work (the tree) is not added to this
        later(self, self._reload)

    def _reload(self) -> None:
        """After F5: re-read the indicator (its figures and targets in a worker), and redraw
        only if something in it changed (most often nothing has, and a full redraw would
        block the window for nothing)."""
        if self.code is None:
            return
        try:
            self.ctx.indicator(self.code)
        except KeyError:  # deleted at another desk
            self.set_indicator(None)
            return
        self._reread_gen += 1  # a read after an edit, still on its way, is older than this
        gen, code, rank, store = self._reread_gen, self.code, self.ctx.area_rank, self.ctx.store

        def read(*, progress, cancelled):
            with store.read() as conn:
                return (queries.indicator_figures(conn, code, rank),
                        queries.in_area_order(queries.targets(conn, indicators=[code]), rank))

        self._reread_job = workers.start(
            read, on_done=lambda got: self._reloaded(gen, code, *got),
            on_failed=lambda exc: self.status_message.emit(str(exc)), parent=self)

    def _reloaded(self, gen: int, code: str, figs: pd.DataFrame, tgts: pd.DataFrame) -> None:
        if gen != self._reread_gen or code != self.code:
            return  # the person moved on meanwhile
        try:
            ind = self.ctx.indicator(self.code)
        except KeyError:
            self.set_indicator(None)
            return
        areas, sources = self._drawn_with  # an area's or a source's name may have changed
        renamed = not self.ctx.areas.equals(areas) or not self.ctx.sources.equals(sources)
        if renamed or not same_row(ind, self.ind) or not figs.equals(self.figures_model.frame):
            self.ind = ind
            self._load(targets=False, figs=figs)  # (names made anew with the figures)
            if renamed:
                self.targets_model.retranslate()
        # the targets read with the figures, shown if they changed, on a later turn
        later(self, lambda: self._load_targets(tgts) if code == self.code else None)
        self._pace.ask("history")

    def retranslate(self) -> None:
        self.ui.retranslate()
        self.ui.legend.retranslate()
        self.figures_model.retranslate()
        self.targets_model.retranslate()
        self.history_model.retranslate()
        self.comments.retranslate()
        self._show_header()
        self._replot()
        self._show_history()

    def closeEvent(self, event) -> None:
        self._pace.cancel_all()  # no read after the window (or its database) has gone
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
