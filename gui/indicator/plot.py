"""The trend plot: draws a :class:`core.trend.TrendFrame`, computing nothing of its own.

One line per area (Okabe-Ito colours, which stay apart for colour-blind readers, then new
symbols once the eight colours are used), the applicable target as a dashed segment to its
deadline, the projected course dotted. The x axis is labelled with period codes at the
frame's ticks. Water-class indicators get class names on the y axis, inverted so that the
better class (I) is at the top, as "up is better" for every other higher-is-better chart.
Clicking an area in the legend hides or shows it with its target and projection.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from pyqtgraph.exporters import ImageExporter

from core.trend import TrendFrame
from core.values import format_value, qualifier_label

from . import labels

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
             "#000000")
SYMBOLS = ("o", "s", "t", "d", "star", "p", "h", "+")
MIN_TICK_PX = 56


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class PeriodAxis(pg.AxisItem):
    """Ticks at the frame's periods, thinned so that labels never overlap."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.period_ticks: list[tuple[float, str]] = []

    def tickValues(self, minVal, maxVal, size):
        if not self.period_ticks:
            return super().tickValues(minVal, maxVal, size)
        shown = [x for x, _ in self.period_ticks if minVal <= x <= maxVal]
        step = max(1, -(-len(shown) * MIN_TICK_PX // max(int(size), 1)))
        return [(1.0, shown[::step])]

    def tickStrings(self, values, scale, spacing):
        if not self.period_ticks:
            return super().tickStrings(values, scale, spacing)
        names = dict(self.period_ticks)
        return [names.get(v, "") for v in values]


class TrendPlot(pg.PlotWidget):
    def __init__(self, parent=None):
        self.xaxis = PeriodAxis(orientation="bottom")
        super().__init__(parent, axisItems={"bottom": self.xaxis}, background="w")
        self.setObjectName("trendPlot")
        self.setAccessibleName("trendPlot")
        self.setMinimumSize(320, 220)
        self.plotItem.showGrid(x=False, y=True, alpha=0.25)
        self.plotItem.setMenuEnabled(False)
        self.legend = self.plotItem.addLegend(offset=(-10, 10), labelTextColor="#222")
        self.frame: TrendFrame | None = None
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.extras: dict[str, list[pg.PlotDataItem]] = {}
        self._empty = pg.TextItem(anchor=(0.5, 0.5), color="#666")
        self._empty.setZValue(10)

    def show_frame(self, frame: TrendFrame | None, area_names: dict[str, str], lang: str) -> None:
        """Draw ``frame`` (None clears the plot)."""
        item = self.plotItem
        item.clear()
        self.legend.clear()
        self.lines, self.extras, self.frame = {}, {}, frame
        self.xaxis.period_ticks = frame.ticks if frame else []
        left = item.getAxis("left")
        is_class = bool(frame and frame.value_kind == "class")
        left.setTicks([[(i, n) for n, i in labels.class_choices(lang)]] if is_class else None)
        item.getViewBox().invertY(is_class)
        item.setLabel("left", "" if not frame or is_class else
                      ("%" if frame.value_kind == "percent" else frame.unit))
        if frame is None or not frame.series:
            self._empty.setText(translate("TrendPlot", "No figures yet") if frame else "")
            item.addItem(self._empty, ignoreBounds=True)
            return
        for i, s in enumerate(frame.series):
            color = OKABE_ITO[i % len(OKABE_ITO)]
            name = area_names.get(s.area, s.area)
            tips = [self._tip(frame, name, p, y, q, src, lang)
                    for p, y, q, src in zip(s.periods, s.y, s.qualifiers, s.sources)]
            line = pg.PlotDataItem(s.x, s.y, pen=pg.mkPen(color, width=2), name=name,
                                   symbol=SYMBOLS[(i // len(OKABE_ITO)) % len(SYMBOLS)],
                                   symbolSize=8, symbolBrush=color, symbolPen="w", data=tips)
            line.scatter.opts.update(hoverable=True, tip=lambda x, y, data: data,
                                     hoverSize=12)
            item.addItem(line)
            self.lines[s.area] = line
            line.visibleChanged.connect(lambda a=s.area: self._follow(a))
        self.show_course(frame)
        item.enableAutoRange()

    def show_course(self, frame: TrendFrame) -> None:
        """(Re)draw the targets and projections of ``frame`` over the lines already drawn."""
        for items in self.extras.values():
            for it in items:
                self.plotItem.removeItem(it)
        self.extras, self.frame = {}, frame
        self.xaxis.period_ticks = frame.ticks
        self.xaxis.picture = None  # re-tick with the deadlines
        self.xaxis.update()
        index = {s.area: i for i, s in enumerate(frame.series)}
        for seg in frame.targets:
            color = OKABE_ITO[index.get(seg.area, 0) % len(OKABE_ITO)]
            pen = pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine)
            for y in (seg.y, seg.y_high) if seg.y_high is not None else (seg.y,):
                self._extra(seg.area, pg.PlotDataItem([seg.x0, seg.x1], [y, y], pen=pen))
        for proj in frame.projections:
            color = OKABE_ITO[index.get(proj.area, 0) % len(OKABE_ITO)]
            pen = pg.mkPen(color, width=1.5, style=Qt.PenStyle.DotLine)
            self._extra(proj.area, pg.PlotDataItem(proj.x, proj.y, pen=pen))

    def _extra(self, area: str, it: pg.PlotDataItem) -> None:
        self.plotItem.addItem(it)
        self.extras.setdefault(area, []).append(it)
        line = self.lines.get(area)
        it.setVisible(line is None or line.isVisible())

    @staticmethod
    def _tip(frame: TrendFrame, area: str, period: str, y: float, q: str, src: str,
             lang: str) -> str:
        value = format_value(y, frame.value_kind, frame.decimals, lang=lang,
                             unit="" if frame.value_kind in ("class", "percent") else frame.unit)
        rows = [f"{area}, {period}: {value}"]
        if q:
            rows.append(translate("TrendPlot", "Qualifier: %1").replace("%1", qualifier_label(q, lang)))
        if src:
            rows.append(translate("TrendPlot", "Source: %1").replace("%1", src))
        return "\n".join(rows)

    def _follow(self, area: str) -> None:
        visible = self.lines[area].isVisible()
        for it in self.extras.get(area, []):
            it.setVisible(visible)

    # for the view, tests and automation ------------------------------------------------
    def set_area_visible(self, area: str, visible: bool) -> None:
        if area in self.lines:
            self.lines[area].setVisible(visible)

    def visible_areas(self) -> list[str]:
        return [a for a, it in self.lines.items() if it.isVisible()]

    def save_png(self, path: str, width: int = 1600) -> None:
        """Write the plot as it looks now to a PNG file (no dialog)."""
        exporter = ImageExporter(self.plotItem)
        exporter.parameters()["width"] = width
        exporter.export(str(path))
