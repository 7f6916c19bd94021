"""The plot's legend: a checkable list of the areas, each with its colour and symbol.

Unticking an area hides it, and it stays hidden for the next indicators too (to leave the
municipality out while comparing districts, say); the right-click menu shows every area
again, or only the one clicked.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol

from .plot import OKABE_ITO, SYMBOLS, TrendPlot, style

translate = QCoreApplication.translate

LEGEND_MIN_WIDTH, LEGEND_MAX_WIDTH = 120, 190


class AreaLegend(QListView):
    """The areas of the plot, each with its colour and symbol; uncheck to hide."""

    def __init__(self, plot: TrendPlot, parent=None):
        super().__init__(parent)
        self.setObjectName("trendLegend")
        self.setAccessibleName("trendLegend")
        self.plot = plot
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(True)
        self.model_.itemChanged.connect(self._toggled)
        self._icons = [self._icon(i) for i in range(len(OKABE_ITO) * len(SYMBOLS))]
        self._shown: tuple | None = None  # (areas, names, hidden) the rows show
        self._sized_for: tuple = ()  # the area names the width was set for
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(translate(
            "AreaLegend", "Untick an area to hide it, for the next indicators too. "
            "Right-click: show all areas, or only one."))

    @staticmethod
    def _icon(i: int) -> QIcon:
        """The area's colour and symbol, as the plot draws them."""
        color, symbol = style(i)
        pm = QPixmap(16, 16)
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(8, 8)
        drawSymbol(painter, symbol, 11, pg.mkPen("w"), pg.mkBrush(color))
        painter.end()
        return QIcon(pm)

    def refresh(self) -> None:
        """Follow the plot's areas, reusing rows (clearing the model costs ~7 ms)."""
        m = self.model_
        areas = list(self.plot.lines)
        shown = (areas, [self.plot.names.get(a, a) for a in areas],
                 [a in self.plot.hidden for a in areas])
        if shown == self._shown:  # the same areas as the last indicator: nothing to do
            return
        self._shown = shown
        self._fit_names()
        # Not blockSignals: the view must hear of new rows, or it shows an empty list.
        self._refreshing = True
        m.setRowCount(len(areas))
        for i, area in enumerate(areas):
            item = m.item(i)
            if item is None:
                item = QStandardItem()
                item.setCheckable(True)
                m.setItem(i, item)
            item.setIcon(self._icons[i % len(self._icons)])
            name = self.plot.names.get(area, area)
            item.setText(name)
            item.setToolTip(name)  # in full, where the legend's width cuts it short
            item.setData(area, Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Unchecked if area in self.plot.hidden
                               else Qt.CheckState.Checked)
        self._refreshing = False

    def _fit_names(self) -> None:
        """As wide as the widest name of every area (up to :data:`LEGEND_MAX_WIDTH`), so the
        width stays put from one indicator to the next and no name hides behind a scroll
        bar; a longer name is cut short with "…" and shown whole in its tooltip."""
        names = tuple(self.plot.names.values())
        if names == self._sized_for:
            return
        self._sized_for = names
        widest = max((self.fontMetrics().horizontalAdvance(n) for n in names), default=0)
        # check box, icon, the gaps between them, frame, vertical scroll bar
        extra = (2 * 20 + 3 * 6 + 2 * self.frameWidth()
                 + self.verticalScrollBar().sizeHint().width())
        self.setFixedWidth(min(max(widest + extra, LEGEND_MIN_WIDTH), LEGEND_MAX_WIDTH))

    def _toggled(self, item: QStandardItem) -> None:
        if getattr(self, "_refreshing", False):
            return
        self.plot.set_area_visible(item.data(Qt.ItemDataRole.UserRole),
                                   item.checkState() == Qt.CheckState.Checked)

    def _menu(self, pos) -> None:
        index = self.indexAt(pos)
        area = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        menu = QMenu(self)
        menu.setObjectName("trendLegendMenu")
        every = menu.addAction(translate("AreaLegend", "Show all areas"))
        every.setEnabled(bool(self.plot.hidden))
        every.triggered.connect(self.show_all)
        if area:
            only = menu.addAction(translate("AreaLegend", "Show only %1").replace(
                "%1", str(index.data())))
            only.triggered.connect(lambda: self.show_only(area))
        menu.popup(self.viewport().mapToGlobal(pos))

    def show_all(self) -> None:
        """Every area, also those hidden while another indicator was shown."""
        self.plot.set_hidden(set())
        self.refresh()

    def show_only(self, area: str) -> None:
        """Only ``area``: every other area of the database is hidden (for the next
        indicators too, until shown again)."""
        self.plot.set_hidden(set(self.plot.names) - {area})
        self.refresh()
