"""The trend plot: draws a :class:`core.trend.TrendFrame`, computing nothing of its own.

One line per area (Okabe-Ito colours, which stay apart for colour-blind readers, then new
symbols once the eight colours are used), the applicable target as a dashed segment to its
deadline, the projected course dotted. The x axis is labelled with the frame's periods as
people read them (2025H1, 2025年上半年 in Chinese), spaced so that the longest label fits.
Water-class indicators get class names on the y axis, inverted so that the better class (I)
is at the top, as "up is better" for every other higher-is-better chart.

Speed: every line, target and projection is a stroke of one graphics item
(:mod:`.strokes`), and the symbols of all areas are one scatter item, so a selection costs a
few items' worth of Python however many areas there are; the on-screen legend is a light
checkable Qt list (:class:`.legend.AreaLegend`); a PNG for a meeting is drawn by
:mod:`.png` on a plot of its own.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCursor, QFont, QFontMetrics
from PySide6.QtWidgets import QGraphicsScene, QToolTip

from core.present import PeriodNames, unit_text
from core.trend import TrendFrame
from core.values import format_value, qualifier_label

from . import labels
from .strokes import Stroke, StrokesItem

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
             "#000000")
SYMBOLS = ("o", "s", "t", "d", "star", "p", "h", "+")
MIN_TICK_PX = 56
MAX_SYMBOLS = 800  # above this many points, lines only
HOVER_PX = 8
LABEL_OVERHANG_PX = 40  # a period label at either end may reach this far past the axis
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
_WHITE = pg.mkPen("w")


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
        self._gap: tuple | None = None  # (tick font, the gap worked out for the labels)

    def set_period_ticks(self, ticks: list[tuple[float, str]]) -> None:
        """Label the axis at ``ticks``: (x, text as shown) pairs."""
        self.period_ticks = list(ticks)
        self._gap = None
        self.picture = None
        self.update()

    @property
    def min_gap_px(self) -> int:
        """Pixels between labels: 2025年上半年 is wider than 2025H1, so labels are kept the
        widest one's width apart (worked out once per set of labels and tick font)."""
        font = self.style.get("tickFont") or QFont()
        key = font.key()
        if self._gap is None or self._gap[0] != key:
            metrics = QFontMetrics(font)
            widest = max((metrics.horizontalAdvance(t) for _, t in self.period_ticks), default=0)
            self._gap = (key, max(MIN_TICK_PX, widest + 12))
        return self._gap[1]

    def tickValues(self, minVal, maxVal, size):
        if not self.period_ticks:  # nothing drawn: no labels (not the raw time stamps)
            return []
        shown = sorted(x for x, _ in self.period_ticks if minVal <= x <= maxVal)
        if maxVal <= minVal or not shown:
            return [(1.0, shown)]
        # labels at least min_gap_px apart on screen: the periods may crowd one part of the
        # axis (monthly figures, and targets years later), so the gap is kept pixel-wise
        gap = self.min_gap_px * (maxVal - minVal) / max(float(size), 1.0)
        kept = [shown[0]]
        for x in shown[1:]:
            if x - kept[-1] >= gap:
                kept.append(x)
        return [(1.0, kept)]

    def tickStrings(self, values, scale, spacing):
        names = dict(self.period_ticks)
        return [names.get(v, "") for v in values]


class FrameViewBox(pg.ViewBox):
    """A ViewBox whose auto-range takes the bounds the strokes item keeps.

    pyqtgraph's own ``childrenBounds`` asks every item for its data bounds and pixel
    padding at each paint; here the bounds are kept up to date as data is set. Zooming,
    panning and the auto-range button behave as before.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bounds = None  # callable -> (x0, x1, y0, y1) of what is drawn, or None
        self._pixel = None
        self.sigTransformChanged.connect(self._forget_pixel)

    def _forget_pixel(self, *_args) -> None:
        self._pixel = None

    def pixel_size(self) -> tuple[float, float]:
        """The size of a screen pixel in data units, worked out once per view change."""
        if self._pixel is None:
            sx, sy = self.viewPixelSize()
            self._pixel = (abs(sx), abs(sy))
        return self._pixel

    def childrenBounds(self, frac=None, orthoRange=(None, None), items=None):
        if self.bounds is None or items is not None:
            return super().childrenBounds(frac, orthoRange, items)
        # No padding in pixels here (pyqtgraph adds some for pens): it depends on the range
        # it helps to set, and the view would re-fit itself a few times after each change.
        # The default padding fraction gives the room; the end labels may overhang (below).
        b = self.bounds()
        return [None, None] if b is None else [[b[0], b[1]], [b[2], b[3]]]


class _Area:
    """What is drawn of one area: line, target, projection (strokes made once, reused)."""

    def __init__(self, i: int):
        self.color, self.symbol = style(i)
        self.brush = pg.mkBrush(self.color)
        self.hollow_brush = pg.mkBrush("w")  # a provisional or derived figure: hollow
        self.pen = pg.mkPen(self.color, width=1.5)
        self.line = Stroke(pg.mkPen(self.color, width=2))
        self.target = Stroke(pg.mkPen(self.color, width=1.5, style=Qt.PenStyle.DashLine),
                             pairs=True)
        self.projection = Stroke(pg.mkPen(self.color, width=1.5, style=Qt.PenStyle.DotLine))
        self.area = ""
        self.series = None
        self.xy = (np.empty(0), np.empty(0))
        self.hollow = np.zeros(0, bool)

    @property
    def visible(self) -> bool:
        return self.line.shown

    def set_visible(self, on: bool) -> None:
        for s in (self.line, self.target, self.projection):
            s.shown = on

    def clear_course(self) -> None:
        self.target.clear()
        self.projection.clear()


class TrendPlot(pg.PlotWidget):
    visibility_changed = Signal()

    def __init__(self, parent=None):
        self.xaxis = PeriodAxis(orientation="bottom")
        self.viewbox = FrameViewBox()
        super().__init__(parent, axisItems={"bottom": self.xaxis}, viewBox=self.viewbox,
                         background="w")
        self.setObjectName("trendPlot")
        self.setAccessibleName("trendPlot")
        self.setMinimumSize(220, 200)  # the figure table needs the room on a small screen
        # Items change their data at every selection: a BSP index of their bounds would be
        # rebuilt each time and saves nothing for the handful of items here.
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.plotItem.showGrid(x=False, y=True, alpha=0.25)
        self.plotItem.setMenuEnabled(False)
        # room at both ends, so the first and last period labels are not clipped
        self.plotItem.getViewBox().setDefaultPadding(0.08)
        self.strokes = StrokesItem(self.viewbox.pixel_size)
        self.plotItem.addItem(self.strokes)
        self.viewbox.bounds = lambda: self.strokes.bounds
        # symbols, when there are few enough points, in one item for all areas
        self.points = pg.ScatterPlotItem(size=8, pen="w")
        self.plotItem.addItem(self.points)
        self.frame: TrendFrame | None = None
        self.names: dict[str, str] = {}
        self.slots: list[_Area] = []
        self.lines: dict[str, _Area] = {}  # area -> its drawing, for areas with data
        self.hidden: set[str] = set()
        self.symbols = False
        self._empty = pg.TextItem(anchor=(0.5, 0.5), color="#666")
        self._empty.setPos(0.5, 0.5)  # the middle of the fixed frame an empty plot shows
        self._lang = "en"
        self._periods = PeriodNames("en")  # period codes as the plot's language shows them
        self._left: tuple | None = None  # (class axis, label, language, empty): left axis
        self._tip_text = ""
        self.scene().sigMouseMoved.connect(self._hover)

    def prepare(self, n: int) -> None:
        """Make the drawings of ``n`` areas ahead of the first selection."""
        if n > 0:
            self._area(n - 1)

    def _area(self, i: int) -> _Area:
        while len(self.slots) <= i:
            slot = _Area(len(self.slots))
            self.slots.append(slot)
        return self.slots[i]

    def _restroke(self) -> None:
        """The strokes item draws the lines of the areas with data, then their targets and
        projections over all lines."""
        shown = list(self.lines.values())
        self.strokes.strokes = ([s.line for s in shown] + [s.target for s in shown]
                                + [s.projection for s in shown])
        self.strokes.changed()
        self._set_points()

    def _set_points(self) -> None:
        shown = [s for s in self.lines.values() if s.visible] if self.symbols else []
        if not shown:
            self.points.setData([], [])
            return
        # a provisional or derived figure is a hollow marker ringed in its area's colour
        points = [(s, bool(h)) for s in shown for h in s.hollow]
        self.points.setData(
            x=np.concatenate([s.xy[0] for s in shown]), y=np.concatenate([s.xy[1] for s in shown]),
            symbol=[s.symbol for s, _h in points],
            brush=[s.hollow_brush if h else s.brush for s, h in points],
            pen=[s.pen if h else _WHITE for s, h in points])

    def show_frame(self, frame: TrendFrame | None, area_names: dict[str, str], lang: str) -> None:
        """Draw ``frame`` (None clears the plot)."""
        self.frame, self.names, self._lang = frame, area_names, lang
        if self._periods.lang != lang:
            self._periods = PeriodNames(lang)
        series = frame.series if frame else []
        vb = self.plotItem.getViewBox()
        vb.disableAutoRange()
        self.lines = {}
        self.symbols = sum(len(s.x) for s in series) <= MAX_SYMBOLS
        for i, s in enumerate(series):
            slot = self._area(i)
            slot.area, slot.series = s.area, s
            slot.xy = (np.asarray(s.x, float), np.asarray(s.y, float))
            slot.hollow = (np.asarray(s.hollow, bool) if len(s.hollow) == len(s.x)
                           else np.zeros(len(s.x), bool))
            slot.line.set_data(*slot.xy)
            slot.clear_course()
            slot.set_visible(s.area not in self.hidden)
            self.lines[s.area] = slot
        for slot in self.slots[len(series):]:
            slot.area, slot.series = "", None
            slot.line.clear()
            slot.clear_course()
        is_class = bool(frame and frame.value_kind == "class")
        left = ("" if not frame or is_class else "%" if frame.value_kind == "percent" else
                unit_text(frame.unit, frame.unit_zh, self._lang))
        empty = not series
        if (is_class, left, lang, empty) != self._left:  # each re-lays the axis out
            self._left = (is_class, left, lang, empty)
            axis = self.plotItem.getAxis("left")
            axis.setTicks([[(i, n) for n, i in labels.class_choices(lang)]] if is_class
                          else [[]] if empty else None)  # no made-up scale when empty
            vb.invertY(is_class)
            self.plotItem.setLabel("left", left)
        self._show_empty(frame is not None and empty)
        if empty:  # nothing to fit: a fixed frame, the note in its middle
            self.xaxis.set_period_ticks([])
            self._restroke()
            vb.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            return
        self.show_course(frame, fit=False)
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

    def show_course(self, frame: TrendFrame, fit: bool = True) -> None:
        """(Re)draw targets and projections of ``frame`` over the lines already drawn."""
        self.frame = frame
        self.xaxis.set_period_ticks([(x, self._periods(c)) for x, c in frame.ticks])
        for slot in self.lines.values():
            slot.clear_course()
        pairs: dict[str, tuple[list, list]] = {}  # every target of an area, in one stroke
        for seg in frame.targets:
            if seg.area not in self.lines:
                continue
            xs, ys = pairs.setdefault(seg.area, ([], []))
            xs += [seg.x0, seg.x1]
            ys += [seg.y, seg.y]
            if seg.y_high is not None:
                xs += [seg.x0, seg.x1]
                ys += [seg.y_high, seg.y_high]
        for area, (xs, ys) in pairs.items():
            self.lines[area].target.set_data(xs, ys)
        for proj in frame.projections:
            slot = self.lines.get(proj.area)
            if slot is not None:
                slot.projection.set_data(proj.x, proj.y)
        self._restroke()
        if fit:
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
        if not text and vb.sceneBoundingRect().contains(pos):
            text = self.target_tip(vb.mapSceneToView(pos), vb.viewPixelSize())
        if text != self._tip_text:
            self._tip_text = text
            if text:
                QToolTip.showText(QCursor.pos(), text, self)
            else:
                QToolTip.hideText()

    def tip(self, slot: _Area, i: int) -> str:
        """Tooltip of point ``i`` of ``slot``: area, period, value, qualifier, source."""
        s, frame = slot.series, self.frame
        if s is None or frame is None:
            return ""
        text = self._tip(frame, self.names.get(s.area, s.area), s.periods[i], s.y[i],
                         s.qualifiers[i], s.sources[i])
        if i < len(slot.hollow) and slot.hollow[i]:
            text += "\n" + translate("TrendPlot", "Hollow: a provisional or derived figure")
        return text

    def target_tip(self, at, pixel) -> str:
        """Tooltip of the target segment under the mouse: the target, its kind and its
        document (number, date, confidence), and whether the scorecard judges by it."""
        frame = self.frame
        if frame is None:
            return ""
        sx, sy = pixel
        for seg in frame.targets:
            if seg.area in self.hidden or not seg.x0 - sx * HOVER_PX <= at.x() <= seg.x1:
                continue
            ys = [seg.y] + ([seg.y_high] if seg.y_high is not None else [])
            if min(abs(at.y() - y) / sy for y in ys) <= HOVER_PX:
                return self.segment_tip(seg)
        return ""

    def segment_tip(self, seg) -> str:
        frame, lang = self.frame, self._lang
        value = format_value(seg.y, frame.value_kind, frame.decimals, lang=lang)
        if seg.y_high is not None:
            value += " – " + format_value(seg.y_high, frame.value_kind, frame.decimals,
                                          lang=lang)
        sign = {">=": "≥ ", "<=": "≤ "}.get(seg.comparator, "")
        rows = [translate("TrendPlot", "%1: target %2 by %3").replace(
            "%1", self.names.get(seg.area, seg.area)).replace("%2", sign + value).replace(
            "%3", self._periods(seg.period)), labels.target_kind(seg.kind)]
        if seg.document:
            doc = seg.document + (f" ({seg.document_date})" if seg.document_date else "")
            rows.append(translate("TrendPlot", "Document: %1").replace("%1", doc))
        if seg.confidence:
            rows.append(translate("TrendPlot", "Confidence: %1").replace("%1", seg.confidence))
        rows.append(translate("TrendPlot", "judged against this target") if seg.applies
                    else translate("TrendPlot", "not the target judged against"))
        return "\n".join(rows)

    def _tip(self, frame: TrendFrame, area: str, period: str, y: float, q: str,
             src: str) -> str:
        lang = self._lang
        value = format_value(y, frame.value_kind, frame.decimals, lang=lang,
                             unit="" if frame.value_kind in ("class", "percent") else
                             unit_text(frame.unit, frame.unit_zh, lang))
        rows = [f"{area}, {self._periods(period)}: {value}"]
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
            self.strokes.changed()
            self._set_points()
            self._fit_now()
        self.visibility_changed.emit()

    def set_hidden(self, areas: set[str]) -> None:
        """Hide exactly ``areas`` (also areas the current indicator does not have)."""
        self.hidden = set(areas)
        for area, slot in self.lines.items():
            slot.set_visible(area not in self.hidden)
        self.strokes.changed()
        self._set_points()
        self._fit_now()
        self.visibility_changed.emit()

    def visible_areas(self) -> list[str]:
        return [a for a in self.lines if a not in self.hidden]
