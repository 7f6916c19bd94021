"""File › Enter figures…: a period's figures for many indicators and areas in one grid.

The period (``entryPeriod``: ``2026H1`` or ``2026年上半年``), the areas and the categories are
chosen at the top and remembered; the grid (``entryGrid``) shows one row per indicator x
area with the last figure beside the entry cell. The snapshot, and after it the history that
warnings are judged against, are read in a worker. Every change is one step of the window's
undo stack (Ctrl+Z here too), written in the worker by :mod:`gui.ops`.
"""
from __future__ import annotations

import pandas as pd
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QMenu, QToolButton,
                               QVBoxLayout, QWidget)

from core import queries
from core.entry import entry_frame, last_figures
from core.errors import EcoError, StaleEditError
from core.periods import parse_period, period_label, period_ord

from .. import workers
from ..i18n import settings
from ..retranslate import RetranslateOnce
from ..table_copy import install_copy
from .keys import install_block_keys
from .model import COLUMNS, EntryModel
from .table import EntryTable

# History read for warnings: twelve periods of the type, enough for the series check's six
# figures (core.coherence) with gaps; a year of months, six years of half-years.
HISTORY_YEARS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def read_grid(store, period: str, indicators, areas, area_codes, categories, *, progress,
              cancelled) -> pd.DataFrame:
    """The grid's rows with the period's figures (the last figures follow)."""
    with store.read() as conn:
        return entry_frame(conn, period, indicators=indicators, areas=areas,
                           area_codes=area_codes, categories=categories, last=False)


def read_last(store, period: str, codes: list[str], acodes: list[str], *, progress,
              cancelled) -> pd.DataFrame:
    with store.read() as conn:
        return last_figures(conn, period, codes, acodes)


def read_history(store, period: str, codes: list[str], *, progress, cancelled) -> pd.DataFrame:
    """The figures of ``codes`` over the last years of the period's type (warnings)."""
    p = parse_period(period)
    start = period_ord(f"{p.year - HISTORY_YEARS[p.kind]}")
    with store.read() as conn:
        figs = queries.figures(conn, indicators=codes, period_from=start)
    return figs[figs["period_ord"] % 10 == period_ord(p) % 10].reset_index(drop=True)


def default_period(today=None) -> str:
    """The half-year being collected: the one just ended (2026H1 from July to December)."""
    import datetime

    d = today or datetime.date.today()
    return f"{d.year}H1" if d.month >= 7 else f"{d.year - 1}H2"


class EntryWindow(RetranslateOnce, QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("entryWindow")
        self.setWindowFlag(Qt.WindowType.Window)
        self._job = self._history_job = self._last_job = None
        self._gen = 0
        self._asked: tuple | None = None  # the period and choices last read
        self.period_code = ""
        s = settings()
        self.period = QComboBox(self)
        self.period.setObjectName("entryPeriod")
        self.period.setAccessibleName("entryPeriod")
        self.period.setEditable(True)
        self.period.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.period.setMinimumContentsLength(14)
        remembered = str(s.value("entry/period", "") or "") or default_period()
        self._fill_periods(remembered)
        self.areas_button = QToolButton(self, objectName="entryAreas")
        self.areas_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.categories_button = QToolButton(self, objectName="entryCategories")
        self.categories_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.area_menu = QMenu(self)
        self.category_menu = QMenu(self)
        self.areas_button.setMenu(self.area_menu)
        self.categories_button.setMenu(self.category_menu)
        self._area_actions = self._choices(self.area_menu, ctx.areas, "entry/areas")
        self._category_actions = self._choices(self.category_menu, ctx.categories,
                                               "entry/categories")
        self.period_label, self.message = QLabel(self), QLabel(self)
        self.message.setObjectName("entryMessage")
        self.message.setWordWrap(True)
        self.hint = QLabel(self, objectName="entryHint")
        self.hint.setWordWrap(True)
        self.model = EntryModel(ctx, self)
        self.grid = EntryTable(ctx, self.model, self)
        install_copy(self.grid)
        install_block_keys(self.grid, COLUMNS, self.model.put)
        self.model.failed.connect(self._failed)
        self.model.entry.marked.connect(lambda _rows: self._count())
        self.model.dataChanged.connect(lambda *_a: self._count())
        for name, slot, keys in (("entryUndo", ctx.undo, [QKeySequence("Ctrl+Z")]),
                                 ("entryRedo", ctx.redo, [QKeySequence("Ctrl+Shift+Z"),
                                                          QKeySequence("Ctrl+Y")])):
            act = QAction(self)
            act.setObjectName(name)
            act.setShortcuts(keys)
            act.triggered.connect(lambda _c=False, f=slot: f())
            self.addAction(act)
        top = QHBoxLayout()
        top.addWidget(self.period_label)
        top.addWidget(self.period)
        top.addWidget(self.areas_button)
        top.addWidget(self.categories_button)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.hint)
        lay.addWidget(self.grid, 1)
        lay.addWidget(self.message)
        self.period.activated.connect(lambda _i: self.load())
        self.period.lineEdit().editingFinished.connect(self.load)
        ctx.reloaded.connect(lambda: self.load(again=True))
        ctx.language_changed.connect(self.schedule_retranslate)
        self.resize(1380, 760)
        self.retranslate()
        self.load()

    # choices ----------------------------------------------------------------------------
    def _fill_periods(self, current: str) -> None:
        try:
            p = parse_period(current)
        except EcoError:
            p = parse_period(default_period())
        halves = []
        y, h = p.year, p.index if p.kind == "half" else 1
        for _ in range(6):
            halves.append(f"{y}H{h}")
            y, h = (y, 1) if h == 2 else (y - 1, 2)
        codes = [p.code] + [c for c in halves if c != p.code] + [str(p.year - 1)]
        self.period.clear()
        for c in codes:
            self.period.addItem(period_label(c, self.ctx.lang), c)
        self.period.setCurrentIndex(0)

    def _choices(self, menu: QMenu, frame: pd.DataFrame, key: str) -> dict[str, QAction]:
        kept = settings().value(key, None)
        kept = set(kept if isinstance(kept, list) else [kept] if kept else [])
        every = menu.addAction("")
        every.setObjectName(f"{key.replace('/', '_')}_all")
        none = menu.addAction("")
        none.setObjectName(f"{key.replace('/', '_')}_none")
        menu.addSeparator()
        actions = {}
        for code, name in zip(frame["code"], frame[self.ctx.name_col]):
            act = menu.addAction(str(name))
            act.setCheckable(True)
            act.setChecked(not kept or code in kept)
            act.setData(code)
            act.toggled.connect(lambda _on: self.load())
            actions[code] = act
        every.triggered.connect(lambda: self._check_all(actions, True))
        none.triggered.connect(lambda: self._check_all(actions, False))
        return actions

    def _check_all(self, actions: dict[str, QAction], on: bool) -> None:
        for act in actions.values():
            act.blockSignals(True)
            act.setChecked(on)
            act.blockSignals(False)
        self.load()

    def set_choices(self, *, period: str | None = None, areas=None, categories=None) -> None:
        """Choose the period, areas and categories (as the person would) and load."""
        if period is not None:
            self.period.setEditText(period)
        for chosen, actions in ((areas, self._area_actions),
                                (categories, self._category_actions)):
            if chosen is not None:
                for code, act in actions.items():
                    act.blockSignals(True)
                    act.setChecked(code in set(chosen))
                    act.blockSignals(False)
        self.load()

    def chosen(self, actions: dict[str, QAction]) -> list[str]:
        return [c for c, a in actions.items() if a.isChecked()]

    # loading ----------------------------------------------------------------------------
    def _typed_period(self) -> str | None:
        text = self.period.currentText().strip()
        i = self.period.findText(text)
        if i >= 0 and self.period.itemData(i):
            return str(self.period.itemData(i))
        try:
            return parse_period(text).code
        except EcoError as exc:
            self.message.setText(self.tr("Not a period: %1").replace("%1", str(exc)))
            return None

    def load(self, again: bool = False) -> None:
        """Read the grid for the chosen period, areas and categories (in a worker), unless
        it shows them already (leaving the period field says it was edited, changed or not);
        ``again`` reads it all the same (F5)."""
        period = self._typed_period()
        if period is None:
            return
        areas, cats = self.chosen(self._area_actions), self.chosen(self._category_actions)
        if not again and self._asked == (period, areas, cats):
            return
        self._asked = (period, areas, cats)
        s = settings()
        s.setValue("entry/period", period)
        s.setValue("entry/areas", areas if len(areas) < len(self._area_actions) else [])
        s.setValue("entry/categories",
                   cats if len(cats) < len(self._category_actions) else [])
        self._gen += 1
        gen = self._gen
        self.period_code = period
        self._update_buttons()
        self._job = workers.start(
            read_grid, self.ctx.store, period, self.ctx.indicators, self.ctx.areas, areas,
            cats, on_done=lambda frame: self._loaded(gen, period, frame),
            on_failed=self._failed, parent=self)

    def _loaded(self, gen: int, period: str, frame: pd.DataFrame) -> None:
        if gen != self._gen:
            return  # the person chose again meanwhile
        self.model.set_frame(frame, period)
        self._fit_period_column(period)
        if frame.empty:
            self.message.setText(self.tr("No indicator chosen is reported by %1.").replace(
                "%1", period_label(period, self.ctx.lang)))
        else:
            self._count()
            if not self.grid.currentIndex().isValid():
                self.grid.setCurrentIndex(self.model.index(0, COLUMNS.index("value")))
        codes = pd.unique(frame["indicator"]).tolist() if len(frame) else []
        acodes = pd.unique(frame["area"]).tolist() if len(frame) else []
        self._last_job = workers.start(
            read_last, self.ctx.store, period, codes, acodes,
            on_done=lambda last: self._last(gen, last), on_failed=self._failed, parent=self)
        self._history_job = workers.start(
            read_history, self.ctx.store, period, codes,
            on_done=lambda figs: self._history(gen, figs), on_failed=self._failed, parent=self)

    def _last(self, gen: int, last: pd.DataFrame) -> None:
        if gen == self._gen and shiboken6.isValid(self.model):
            self.model.set_last(last)

    def _fit_period_column(self, period: str) -> None:
        """Wide enough for the period names of the language (2025年上半年), measured on
        one name rather than on every row (11,700 on the bureau's database)."""
        col = COLUMNS.index("last_period")
        need = self.grid.fontMetrics().horizontalAdvance(period_label(period, self.ctx.lang))
        self.grid.setColumnWidth(col, max(self.grid.columnWidth(col), need + 24))

    def _history(self, gen: int, figs: pd.DataFrame) -> None:
        if gen == self._gen and shiboken6.isValid(self.model):
            self.model.set_existing(figs)

    # messages ---------------------------------------------------------------------------
    def _count(self) -> None:
        m = self.model
        if not m.rowCount():
            return
        entered = int((m.frame["version"] > 0).sum())
        refused = sum(1 for _k, (kind, _t, _w) in m.marks.items() if kind == "refused")
        warned = sum(1 for _k, (kind, _t, _w) in m.marks.items() if kind == "warned")
        text = self.tr("%1 rows · %2 entered for %3").replace("%1", f"{m.rowCount():,}") \
            .replace("%2", f"{entered:,}").replace("%3", period_label(m.period, self.ctx.lang))
        if refused:
            text += " · " + self.tr("%1 not saved (marked ✗)").replace("%1", str(refused))
        if warned:
            text += " · " + self.tr("%1 to check (marked ⚠)").replace("%1", str(warned))
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, StaleEditError):
            self.message.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            self.ctx.reload()
        elif isinstance(exc, EcoError):
            self.message.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
        else:
            self.ctx.error.emit(exc)

    def _update_buttons(self) -> None:
        a, c = self.chosen(self._area_actions), self.chosen(self._category_actions)
        self.areas_button.setText(self.tr("Areas (%1 of %2)").replace("%1", str(len(a)))
                                  .replace("%2", str(len(self._area_actions))))
        self.categories_button.setText(self.tr("Categories (%1 of %2)").replace(
            "%1", str(len(c))).replace("%2", str(len(self._category_actions))))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Enter figures"))
        self.period_label.setText(self.tr("Period"))
        self.period.setToolTip(self.tr("A period such as 2026H1 or 2026年上半年"))
        self.hint.setText(self.tr(
            "Type straight down: Enter moves to the next row, Tab to the next column. Paste a "
            "block from a spreadsheet with Ctrl+V; Ctrl+D fills down; Ctrl+C copies. Every "
            "change is saved at once and can be undone (Ctrl+Z)."))
        for menu in (self.area_menu, self.category_menu):
            acts = menu.actions()
            acts[0].setText(self.tr("All"))
            acts[1].setText(self.tr("None"))
        for actions, frame in ((self._area_actions, self.ctx.areas),
                               (self._category_actions, self.ctx.categories)):
            for code, name in zip(frame["code"], frame[self.ctx.name_col]):
                if code in actions:
                    actions[code].setText(str(name))
        for i in range(self.period.count()):
            self.period.setItemText(i, period_label(self.period.itemData(i), self.ctx.lang))
        self._update_buttons()
        self.model.retranslate()
        self._count()


def open_entry_window(ctx, parent=None) -> EntryWindow:
    """Show the entry grid (one per window: asked again, the open one comes forward)."""
    win = getattr(parent, "_entry_window", None) if parent is not None else None
    if win is None or not shiboken6.isValid(win):
        win = EntryWindow(ctx, parent)
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if parent is not None:
            parent._entry_window = win
    win.show()
    win.raise_()
    win.activateWindow()
    return win
