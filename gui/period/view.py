"""The period view (object name ``periodView``): pick a period; one row per area with the
figures expected, entered, provisional and needing follow-up, and the state, with Submit,
Approve and Reopen; below, the figures of the period marked for follow-up.

Reads run in a worker (:mod:`gui.workers`), steps through the window's write queue
(:mod:`gui.ops`); after a step the window's screens hear of it through
``AppContext.changed`` (a ``period`` change: the scorecard's marks follow).
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableView, QVBoxLayout, QWidget)

from core import approval, completeness, queries
from core.edits import Changed
from core.entities import PERIOD
from core.periods import period_ord
from core.present import PeriodNames
from core.values import format_value
from gui import workers
from gui.excel.frame_model import FrameModel
from gui.retranslate import RetranslateOnce

from ..reason import ask
from .model import PeriodModel

STEP_BUTTONS = {"submit": "submitButton", "approve": "approveButton", "reopen": "reopenButton"}
# which step each state allows (the core checks again, with the areas below and above)
ALLOWED = {"submit": ("open",), "approve": ("submitted",), "reopen": ("submitted", "approved")}


def read_period(store, period: str | None, *, progress, cancelled) -> dict:
    """The periods to offer and, for ``period`` (default the newest), its table and the
    figures marked for follow-up (runs in a worker)."""
    with store.read() as conn:
        offered = completeness.periods(conn)
        period = period if period in offered else (offered[0] if offered else None)
        table = completeness.read(conn, period) if period else pd.DataFrame(
            columns=completeness.COLUMNS)
        follow = pd.DataFrame(columns=["indicator", "area", "value", "note"])
        if period:  # (the period's own figures only)
            o = period_ord(period)
            figs = queries.figures(conn, period_from=o, period_to=o)
            follow = figs[(figs["period"] == period) & figs["followup"]][
                ["indicator", "area", "value", "note"]]
    return {"periods": offered, "period": period, "table": table, "followup": follow}


class PeriodView(RetranslateOnce, QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("periodView")
        self.setAccessibleName("periodView")
        self.period: str | None = None
        self._area: str | None = None  # the area last selected, kept across reloads
        self._job = None
        self.model = PeriodModel(ctx, self)
        self.follow_model = FrameModel(self)
        self.period_label = QLabel(self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("periodCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_label.setBuddy(self.combo)
        self.table = QTableView(self)
        self.table.setObjectName("periodTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.follow_label = QLabel(self)
        self.follow_table = QTableView(self)
        self.follow_table.setObjectName("periodFollowUpTable")
        self.follow_table.setModel(self.follow_model)
        self.follow_table.verticalHeader().setVisible(False)
        self.follow_table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setObjectName("periodMessage")
        self.message.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.period_label)
        bar.addWidget(self.combo)
        bar.addStretch(1)
        for step, name in STEP_BUTTONS.items():
            b = QPushButton(self)
            b.setObjectName(name)
            b.clicked.connect(lambda _=False, s=step: self.take(s))
            bar.addWidget(b)
            self.buttons[step] = b
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.message)
        layout.addWidget(self.follow_label)
        layout.addWidget(self.follow_table, 1)
        self.combo.activated.connect(lambda _i: self.load(self.combo.currentData()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        ctx.changed.connect(self._on_changed)
        ctx.reloaded.connect(lambda: self.load(self.period))
        ctx.language_changed.connect(self.schedule_retranslate)
        self.resize(980, 560)
        self.retranslate()
        self.load(None)

    # reading ------------------------------------------------------------------------------
    def load(self, period: str | None) -> None:
        """Read ``period``'s table (the newest period when None) in a worker."""
        self._job = workers.start(read_period, self.ctx.store, period,
                                  on_done=self._loaded, on_failed=self._failed, parent=self)

    def _loaded(self, got: dict) -> None:
        keep = self.selected_area() or self._area
        self.period = got["period"]
        names = PeriodNames(self.ctx.lang)
        self.combo.blockSignals(True)
        self.combo.clear()
        for code in got["periods"]:
            self.combo.addItem(names(code) or code, code)
        if self.period:
            self.combo.setCurrentIndex(self.combo.findData(self.period))
        self.combo.blockSignals(False)
        self.model.set_frame(got["table"])
        follow = got["followup"].copy()
        follow["value"] = [self._value(c, v) for c, v in zip(follow["indicator"],
                                                             follow["value"])]
        follow["indicator"] = [self.ctx.indicator_name(c) for c in follow["indicator"]]
        follow["area"] = [self.ctx.area_name(c) for c in follow["area"]]
        self.follow_model.set_frame(follow, [self.tr("Indicator"), self.tr("Area"),
                                             self.tr("Value"), self.tr("Note")])
        self.follow_table.resizeColumnsToContents()
        if keep:
            self.select_area(keep)
        self._enable()

    def _value(self, code: str, value: float) -> str:
        try:
            ind = self.ctx.indicator(code)
        except KeyError:
            return str(value)
        return format_value(float(value), ind["value_kind"], int(ind["decimals"] or 0),
                            lang=self.ctx.lang)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))

    def _on_changed(self, ch: Changed) -> None:
        if ch.kind is PERIOD or ch.kind is None or ch.period in (None, self.period):
            self.load(self.period)

    # selection ----------------------------------------------------------------------------
    def selected_area(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row())["area"] if rows else None

    def select_area(self, area: str) -> None:
        row = self.model.row_of(area)
        if row >= 0:
            self.table.selectRow(row)

    def _enable(self) -> None:
        area = self.selected_area()
        if area:
            self._area = area
        state = self.model.row(self.model.row_of(area))["state"] if area else None
        for step, b in self.buttons.items():
            b.setEnabled(state in ALLOWED[step])

    # steps --------------------------------------------------------------------------------
    def take(self, step: str, reason: str = "") -> None:
        """Take ``step`` for the selected area; reopening asks why first."""
        area, period = self.selected_area(), self.period
        if not area or not period:
            return
        if step == "reopen" and not reason:
            where = f"{self.ctx.area_name(area)} / {PeriodNames(self.ctx.lang)(period)}"
            ask(self, self.tr("Reopen %1? Its figures can then be changed again.")
                .replace("%1", where), lambda r: self.take(step, r), lambda: None,
                title=self.tr("Why is it reopened?"))
            return
        self.message.setText("")
        self.ctx.ops.run(lambda store: approval.take_step(store, step, area, period,
                                                         reason=reason),
                         on_done=self._stepped, on_failed=self._failed)

    def _stepped(self, done: approval.Stepped) -> None:
        self.message.setText(self.tr("%1: %2").replace("%1", self.ctx.area_name(done.area))
                             .replace("%2", approval.state_name(done.state)))
        self.ctx.changed.emit(Changed(PERIOD.name, done.row["id"], None, done.area,
                                      done.period, "update", done.row))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Periods: submit and approve"))
        self.period_label.setText(self.tr("&Period:"))
        self.buttons["submit"].setText(self.tr("&Submit"))
        self.buttons["approve"].setText(self.tr("&Approve"))
        self.buttons["reopen"].setText(self.tr("&Reopen…"))
        self.buttons["submit"].setToolTip(self.tr("Submit the area's figures for approval"))
        self.buttons["approve"].setToolTip(self.tr(
            "Approve and lock the area's figures (the districts before the municipality)"))
        self.buttons["reopen"].setToolTip(self.tr("Open the area's figures again, with a "
                                                  "reason"))
        self.follow_label.setText(self.tr("Figures of this period needing follow-up"))
        self.table.setAccessibleName(self.tr("Areas of the period"))
        self.model.retranslate()
        if self.period:
            self.load(self.period)


def open_period_view(ctx, parent) -> PeriodView:
    """Show the period view (one per window, raised if already open)."""
    view = parent.findChild(PeriodView, "periodView")
    if view is None:
        view = PeriodView(ctx, parent)
    view.show()
    view.raise_()
    return view
