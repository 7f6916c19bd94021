"""The Map tab (``mapView``): the tree's current indicator on the districts, by status or by
value, redrawn from the scorecard's rows whenever the indicator or the scorecard changes."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core import districtmap

from ..retranslate import RetranslateOnce
from .canvas import MapCanvas


class MapView(RetranslateOnce, QWidget):
    """``rows_of(code)`` gives an indicator's scorecard rows (the Scorecard tab's), or None
    before the first computation. ``open_figure(indicator, area)`` is emitted on a click."""

    open_figure = Signal(str, str)

    def __init__(self, ctx, rows_of, parent=None):
        super().__init__(parent)
        self.setObjectName("mapView")
        self.ctx = ctx
        self.rows_of = rows_of
        self.code: str | None = None
        self._stale = True
        self.mode_label = QLabel(self)
        self.mode = QComboBox(self, objectName="mapMode")
        self.mode.addItem("", "status")
        self.mode.addItem("", "value")
        self.mode.currentIndexChanged.connect(lambda _i: self.redraw())
        self.canvas = MapCanvas(self)
        self.canvas.district_clicked.connect(self._clicked)
        self.empty = QLabel(self, objectName="mapEmpty")
        bar = QHBoxLayout()
        bar.addWidget(self.mode_label)
        bar.addWidget(self.mode)
        bar.addStretch(1)
        bar.addWidget(self.empty)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.canvas, 1)
        ctx.language_changed.connect(lambda _l: self.redraw())
        self.retranslate()

    def retranslate(self) -> None:
        self.mode_label.setText(self.tr("Show:"))
        self.mode.setItemText(0, self.tr("status this period"))
        self.mode.setItemText(1, self.tr("latest value"))
        self.canvas.setAccessibleName(self.tr("District map"))
        self.redraw()

    def set_indicator(self, code: str | None) -> None:
        self.code = code or None
        self.redraw()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def redraw(self) -> None:
        """Compute the indicator's frame (a few milliseconds) and repaint; while the tab is
        hidden, only note that it is out of date."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        frame = None
        if self.code:
            try:
                ind = self.ctx.indicator(self.code)
            except KeyError:
                ind = None
            rows = self.rows_of(self.code) if ind is not None else None
            if ind is not None:
                import pandas as pd

                rows = rows if rows is not None else pd.DataFrame(
                    columns=["area", "latest_value", "latest_period", "period_status"])
                frame = districtmap.map_frame(rows, ind, self.ctx.areas,
                                              mode=self.mode.currentData(), lang=self.ctx.lang)
        self.empty.setText("" if frame else self.tr("Choose an indicator in the tree."))
        self.canvas.set_frame(frame)

    def _clicked(self, area: str) -> None:
        if self.code:
            self.open_figure.emit(self.code, area)


def select_latest(view, area: str) -> None:
    """Select ``area``'s latest figure in the indicator view (its rows are by period)."""
    if view is None:
        return
    model = view.figures_model
    frame = model.frame
    if not len(frame) or "area" not in frame:
        return
    rows = frame.index[frame["area"] == area]
    if len(rows):
        view.select_when_shown(model.figure_id(int(rows[-1])))
