"""The trend plot: draws a :class:`core.trend.TrendFrame`, computing nothing of its own.

One line per area (Okabe-Ito colours, which stay apart for colour-blind readers, then new
symbols once the eight colours are used), the applicable target as a dashed segment to its
deadline, the projected course dotted. The x axis is labelled with period codes at the
frame's ticks. Water-class indicators get class names on the y axis, inverted so that the
better class (I) is at the top, as "up is better" for every other higher-is-better chart.

Speed: creating and removing pyqtgraph items costs milliseconds each, so each area slot
(line, points, target, projection) is made once and then only given new data; the on-screen
legend is a light checkable Qt list (:class:`AreaLegend`), and a pyqtgraph legend is added
only while a PNG is exported.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import (QCursor, QIcon, QPainter, QPixmap, QStandardItem,
                           QStandardItemModel)
from PySide6.QtWidgets import QAbstractItemView, QListView, QToolTip
from pyqtgraph.exporters import ImageExporter
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol

from core.present import unit_text
from core.trend import TrendFrame
from core.values import format_value, qualifier_label
from gui.later import later

from . import labels

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
             "#000000")
SYMBOLS = ("o", "s", "t", "d", "star", "p", "h", "+")
MIN_TICK_PX = 56
MAX_SYMBOLS = 800  # above this many points, lines only (symbols cost ~0.3 ms per area)
HOVER_PX = 8
LABEL_OVERHANG_PX = 40  # a period label at either end may reach this far past the axis
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def style(i: int) -> tuple[str, str]:
    """(colour, symbol) of the i-th area."""
    return OKABE_ITO[i % len(OKABE_ITO)], SYMBOLS[(i // len(OKABE_ITO)) % len(SYMBOLS)]


class PeriodAxis(pg.AxisItem):
    """Ticks at the frame's periods, thinned so that labels never overlap."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.period_ticks: list[tuple[float, str]] = []
        # the first and last periods sit near the ends: let their labels overhang a little
        # rather than be dropped
        self.setStyle(hideOverlappingLabels=LABEL_OVERHANG_PX)

    def set_period_ticks(self, ticks: list[tuple[float, str]]) -> None:
        self.period_ticks = list(ticks)
        self.picture = None
        self.update()

    def tickValues(self, minVal, maxVal, size):
        if not self.period_ticks:
            return super().tickValues(minVal, maxVal, size)
        shown = sorted(x for x, _ in self.period_ticks if minVal <= x <= maxVal)
        if maxVal <= minVal or not shown:
            return [(1.0, shown)]
        # labels at least MIN_TICK_PX apart on screen: the periods may crowd one part of the
        # axis (monthly figures, and targets years later), so the gap is kept pixel-wise
        gap = MIN_TICK_PX * (maxVal - minVal) / max(float(size), 1.0)
        kept = [shown[0]]
        for x in shown[1:]:
            if x - kept[-1] >= gap:
                kept.append(x)
        return [(1.0, kept)]

    def tickStrings(self, values, scale, spacing):
        if not self.period_ticks:
            return super().tickStrings(values, scale, spacing)
        names = dict(self.period_ticks)
        return [names.get(v, "") for v in values]


class FrameViewBox(pg.ViewBox):
    """A ViewBox whose auto-range takes its bounds from the drawn arrays.

    pyqtgraph's own ``childrenBounds`` asks every item for its data bounds and pixel
    padding (~150 Python calls per selection, the largest part of the first paint);
    here the bounds are a few numpy min/max over the visible areas' arrays. Zooming,
    panning and the auto-range button behave as before.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.arrays = None  # callable -> iterable of (x, y) arrays to fit, or None
        self._pixel = None
        self.sigTransformChanged.connect(self._forget_pixel)

    def _forget_pixel(self, *_args) -> None:
        self._pixel = None

    def pixel_vectors(self) -> tuple:
        """The size of a screen pixel in data units, once per view change for every curve
        (pyqtgraph works it out per curve from its device transform, ~0.1 ms each)."""
        if self._pixel is None:
            sx, sy = self.viewPixelSize()
            self._pixel = (abs(sx), abs(sy))
        sx, sy = self._pixel
        return pg.Point(sx, 0), pg.Point(0, sy)

    def childrenBounds(self, frac=None, orthoRange=(None, None), items=None):
        if self.arrays is None or items is not None:
            return super().childrenBounds(frac, orthoRange, items)
        xs = [(float(np.nanmin(x)), float(np.nanmax(x))) for x, _ in self.arrays() if len(x)]
        ys = [(float(np.nanmin(y)), float(np.nanmax(y))) for _, y in self.arrays() if len(y)]
        # No padding in pixels here (pyqtgraph adds some for pens): it depends on the range
        # it helps to set, and the view would re-fit itself a few times after each change.
        # The default padding fraction gives the room; the end labels may overhang (below).
        rng = [None, None]
        for i, b in enumerate((xs, ys)):
            if b:
                rng[i] = [min(lo for lo, _ in b), max(hi for _, hi in b)]
        return rng


class _Curve(pg.PlotCurveItem):
    """A curve of the trend plot: its pixel size comes from the view box, shared."""

    def __init__(self, vb: FrameViewBox, **kwargs):
        super().__init__(**kwargs)
        self._vb = vb

    def pixelVectors(self, direction=None):
        if direction is not None:
            return super().pixelVectors(direction)
        return self._vb.pixel_vectors()


class _Slot:
    """The items of one area, made once and reused."""

    def __init__(self, plot: pg.PlotItem, i: int):
        color, symbol = style(i)
        vb = plot.getViewBox()
        self.line = _Curve(vb, pen=pg.mkPen(color, width=2))
        self.points = pg.ScatterPlotItem(symbol=symbol, size=8, brush=color, pen="w")
        self.target = _Curve(vb, pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine))
        self.projection = _Curve(vb, pen=pg.mkPen(color, width=1.5,
                                                  style=Qt.PenStyle.DotLine))
        self.items = (self.line, self.points, self.target, self.projection)
        for it in self.items:
            plot.addItem(it)
        self.area = ""
        self.series = None
        self.xy = (np.empty(0), np.empty(0))
        self._points = True
        self.visible = True
        self.shown: dict = {}
        self.course: dict = {}  # item -> (x, y) arrays, for the view's bounds

    def clear_course(self) -> None:
        # hiding is cheap; new data is set only where there is a target or projection
        self.shown, self.course = {}, {}
        self.target.setVisible(False)
        self.projection.setVisible(False)

    def set_course(self, item: pg.PlotCurveItem, x, y, **kw) -> None:
        x, y = np.asarray(x, float), np.asarray(y, float)
        item.setData(x, y, **kw)
        self.shown[item] = True
        self.course[item] = (x, y)
        item.setVisible(self.visible)

    def set_visible(self, on: bool) -> None:
        self.visible = on
        self.line.setVisible(on)
        self.points.setVisible(on and self._points)
        for it in (self.target, self.projection):
            it.setVisible(on and self.shown.get(it, False))


class TrendPlot(pg.PlotWidget):
    visibility_changed = Signal()

    def __init__(self, parent=None):
        self.xaxis = PeriodAxis(orientation="bottom")
        self.viewbox = FrameViewBox()
        super().__init__(parent, axisItems={"bottom": self.xaxis}, viewBox=self.viewbox,
                         background="w")
        self.viewbox.arrays = self._arrays
        self.setObjectName("trendPlot")
        self.setAccessibleName("trendPlot")
        self.setMinimumSize(320, 220)
        self.plotItem.showGrid(x=False, y=True, alpha=0.25)
        self.plotItem.setMenuEnabled(False)
        # room at both ends, so the first and last period labels are not clipped
        self.plotItem.getViewBox().setDefaultPadding(0.08)
        self.frame: TrendFrame | None = None
        self.names: dict[str, str] = {}
        self.slots: list[_Slot] = []
        self._prepare_to = 0  # slots to make ahead (:meth:`prepare`)
        self.lines: dict[str, _Slot] = {}  # area -> slot, for areas with data
        self.hidden: set[str] = set()
        self._empty = pg.TextItem(anchor=(0.5, 0.5), color="#666")
        self._lang = "en"
        self._tip_text = ""
        self.scene().sigMouseMoved.connect(self._hover)

    def prepare(self, n: int) -> None:
        """Make the items of ``n`` area slots ahead of the first selection, a few per turn
        of the event loop (made on demand, 39 areas cost ~100 ms in one go)."""
        self._prepare_to = max(self._prepare_to, n)
        later(self, self._prepare_some)

    def _prepare_some(self) -> None:
        for _ in range(4):
            if len(self.slots) >= self._prepare_to:
                return
            slot = _Slot(self.plotItem, len(self.slots))
            slot.clear_course()
            slot.set_visible(False)
            self.slots.append(slot)
        later(self, self._prepare_some)

    def _arrays(self):
        """(x, y) arrays of what is drawn and visible: the view fits these."""
        for area, slot in self.lines.items():
            if area not in self.hidden:
                yield slot.xy
                yield from slot.course.values()

    def show_frame(self, frame: TrendFrame | None, area_names: dict[str, str], lang: str) -> None:
        """Draw ``frame`` (None clears the plot)."""
        self.frame, self.names, self._lang = frame, area_names, lang
        series = frame.series if frame else []
        while len(self.slots) < len(series):
            self.slots.append(_Slot(self.plotItem, len(self.slots)))
        vb = self.plotItem.getViewBox()
        vb.disableAutoRange()
        self.lines = {}
        symbols = sum(len(s.x) for s in series) <= MAX_SYMBOLS
        for slot, s in zip(self.slots, series):
            slot.area, slot.series = s.area, s
            slot.xy = (np.asarray(s.x, float), np.asarray(s.y, float))
            slot.line.setData(*slot.xy, skipFiniteCheck=True)  # stored values are finite
            if symbols or slot._points:
                slot.points.setData(*(slot.xy if symbols else ([], [])))
                slot._points = symbols
            slot.clear_course()
            slot.set_visible(s.area not in self.hidden)
            self.lines[s.area] = slot
        for slot in self.slots[len(series):]:
            if slot.series is not None:
                slot.area, slot.series = "", None
                slot.line.setData([], [])
                slot.points.setData([], [])
            slot.clear_course()
            slot.set_visible(False)
        is_class = bool(frame and frame.value_kind == "class")
        self.plotItem.getAxis("left").setTicks(
            [[(i, n) for n, i in labels.class_choices(lang)]] if is_class else None)
        vb.invertY(is_class)
        self.plotItem.setLabel("left", "" if not frame or is_class else
                               ("%" if frame.value_kind == "percent" else
                                unit_text(frame.unit, frame.unit_zh, self._lang)))
        self._show_empty(frame is not None and not series)
        if frame is not None:
            self.show_course(frame)
        else:
            self.xaxis.set_period_ticks([])
        vb.enableAutoRange()
        if is_class:  # every class on the axis, not only those that occur
            vb.enableAutoRange(axis=pg.ViewBox.YAxis, enable=False)
            vb.setYRange(0.5, len(labels.class_choices(lang)) + 0.5, padding=0)
        self._fit_now()

    def _fit_now(self) -> None:
        """Fit the range now (cheap: :class:`FrameViewBox`) rather than at the next paint,
        which would change the range and so paint the plot a second time."""
        vb = self.plotItem.getViewBox()
        if any(vb.state["autoRange"]):
            vb.updateAutoRange()

    def show_course(self, frame: TrendFrame) -> None:
        """(Re)draw targets and projections of ``frame`` over the lines already drawn."""
        self.frame = frame
        self.xaxis.set_period_ticks(frame.ticks)
        for slot in self.lines.values():
            slot.clear_course()
        for seg in frame.targets:
            slot = self.lines.get(seg.area)
            if slot is None:
                continue
            if seg.y_high is None:
                slot.set_course(slot.target, [seg.x0, seg.x1], [seg.y, seg.y])
            else:
                slot.set_course(slot.target, [seg.x0, seg.x1, seg.x0, seg.x1],
                                [seg.y, seg.y, seg.y_high, seg.y_high], connect="pairs")
        for proj in frame.projections:
            slot = self.lines.get(proj.area)
            if slot is not None:
                slot.set_course(slot.projection, proj.x, proj.y)
        self._fit_now()

    def _show_empty(self, empty: bool) -> None:
        if empty:
            self._empty.setText(translate("TrendPlot", "No figures yet"))
            self.plotItem.addItem(self._empty, ignoreBounds=True)
        elif self._empty.scene() is not None:
            self.plotItem.removeItem(self._empty)

    def _hover(self, pos) -> None:
        """Tooltip of the point nearest the mouse, if within a few pixels (no pyqtgraph
        hover items: with thousands of points they cost more than the whole selection)."""
        vb = self.plotItem.getViewBox()
        best = (HOVER_PX ** 2, None, -1)
        if self.lines and vb.sceneBoundingRect().contains(pos):
            at = vb.mapSceneToView(pos)
            sx, sy = vb.viewPixelSize()
            for area, slot in self.lines.items():
                if area in self.hidden or not len(slot.xy[0]):
                    continue
                d = ((slot.xy[0] - at.x()) / sx) ** 2 + ((slot.xy[1] - at.y()) / sy) ** 2
                i = int(np.argmin(d))
                if d[i] < best[0]:
                    best = (d[i], slot, i)
        text = self.tip(best[1], best[2]) if best[1] is not None else ""
        if text != self._tip_text:
            self._tip_text = text
            if text:
                QToolTip.showText(QCursor.pos(), text, self)
            else:
                QToolTip.hideText()

    def tip(self, slot: _Slot, i: int) -> str:
        """Tooltip of point ``i`` of ``slot``: area, period, value, qualifier, source."""
        s, frame = slot.series, self.frame
        if s is None or frame is None:
            return ""
        return self._tip(frame, self.names.get(s.area, s.area), s.periods[i], s.y[i],
                         s.qualifiers[i], s.sources[i])

    def _tip(self, frame: TrendFrame, area: str, period: str, y: float, q: str,
             src: str) -> str:
        lang = self._lang
        value = format_value(y, frame.value_kind, frame.decimals, lang=lang,
                             unit="" if frame.value_kind in ("class", "percent") else
                             unit_text(frame.unit, frame.unit_zh, lang))
        rows = [f"{area}, {period}: {value}"]
        if q:
            rows.append(translate("TrendPlot", "Qualifier: %1").replace(
                "%1", qualifier_label(q, lang)))
        if src:
            rows.append(translate("TrendPlot", "Source: %1").replace("%1", src))
        return "\n".join(rows)

    # for the legend, the view, tests and automation -----------------------------------
    def set_area_visible(self, area: str, visible: bool) -> None:
        (self.hidden.discard if visible else self.hidden.add)(area)
        if area in self.lines:
            self.lines[area].set_visible(visible)
        self.visibility_changed.emit()

    def visible_areas(self) -> list[str]:
        return [a for a in self.lines if a not in self.hidden]

    def save_png(self, path: str, width: int = 1600) -> None:
        """Write the plot as it looks now, with a legend, to a PNG file (no dialog)."""
        legend = pg.LegendItem(offset=(-10, 10), labelTextColor="#222")
        legend.setParentItem(self.plotItem.getViewBox())
        for area in self.visible_areas():
            legend.addItem(self.lines[area].points, self.names.get(area, area))
        try:
            exporter = ImageExporter(self.plotItem)
            exporter.parameters()["width"] = width
            exporter.export(str(path))
        finally:
            legend.scene().removeItem(legend) if legend.scene() else None


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
        # Not blockSignals: the view must hear of new rows, or it shows an empty list.
        self._refreshing = True
        areas = list(self.plot.lines)
        m.setRowCount(len(areas))
        for i, area in enumerate(areas):
            item = m.item(i)
            if item is None:
                item = QStandardItem()
                item.setCheckable(True)
                m.setItem(i, item)
            item.setIcon(self._icons[i % len(self._icons)])
            item.setText(self.plot.names.get(area, area))
            item.setData(area, Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Unchecked if area in self.plot.hidden
                               else Qt.CheckState.Checked)
        self._refreshing = False

    def _toggled(self, item: QStandardItem) -> None:
        if getattr(self, "_refreshing", False):
            return
        self.plot.set_area_visible(item.data(Qt.ItemDataRole.UserRole),
                                   item.checkState() == Qt.CheckState.Checked)
