"""The trend plot as a PNG for a meeting: landscape, titled, with a legend of its areas.

The plot on screen is often tall and narrow (it shares the view with the tables), and
exported as it was it gave a portrait picture with the data squeezed between large tick
labels. Here the frame is drawn again on a plot of its own, at a fixed slide-like size,
with the indicator as its title and the areas shown in a legend over the data, which also
says what the dashed target, the dotted projection and a hollow marker mean; a line under the
plot names the figures' sources and the day the picture was made.
"""
from __future__ import annotations

from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from .plot import TrendPlot

SIZE = (1600, 900)  # pixels, 16:9 like a slide
FOOT_PX = 40  # the source and date line under the plot
translate = QCoreApplication.translate


def foot_line(plot: TrendPlot, today: date | None = None) -> str:
    """``Source: …; made with EcoTracker on 2026-12-04``: a slide says where its figures come
    from and when it was made."""
    frame = plot.frame
    names: list[str] = []
    for s in (frame.series if frame is not None else []):
        if s.area in plot.hidden:
            continue
        for n in s.sources:
            if n and n not in names:
                names.append(n)
    when = (today or date.today()).isoformat()
    made = translate("TrendPlot", "made with EcoTracker on %1").replace("%1", when)
    if not names:
        return made
    return translate("TrendPlot", "Source: %1; %2").replace("%1", "; ".join(names)).replace(
        "%2", made)


def slide(plot: TrendPlot, title: str, lang: str, size: tuple[int, int] = SIZE) -> TrendPlot:
    """A new plot, laid out off screen at ``size``, drawing what ``plot`` shows (its frame,
    without the areas it hides) with ``title`` and a legend. The caller deletes it."""
    copy = TrendPlot()
    copy.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    copy.resize(*size)
    copy.hidden = set(plot.hidden)
    copy.show_frame(plot.frame, plot.names, lang)
    if title:
        copy.plotItem.setTitle(title, size="16pt", color="#222")
    font = QFont()
    font.setPointSize(12)  # read from the back of a meeting room
    for name in ("left", "bottom"):
        copy.plotItem.getAxis(name).setStyle(tickFont=font)
        copy.plotItem.getAxis(name).setTextPen("#333")
    copy.legend = pg.LegendItem(offset=(-10, 10), labelTextColor="#222",
                                brush=pg.mkBrush(255, 255, 255, 220))
    copy.legend.setParentItem(copy.plotItem.getViewBox())
    for area in copy.visible_areas():
        slot = copy.lines[area]
        sample = pg.PlotDataItem(pen=slot.line.pen, symbol=slot.symbol, symbolSize=8,
                                 symbolBrush=slot.color, symbolPen="w")
        copy.legend.addItem(sample, copy.names.get(area, area))
    # what the other lines and the hollow markers mean
    frame = plot.frame
    grey = "#555555"
    if frame is not None and frame.targets:
        copy.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(grey, width=1.5,
                                                         style=Qt.PenStyle.DashLine)),
                            translate("TrendPlot", "target, to its deadline"))
    if frame is not None and frame.projections:
        copy.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(grey, width=1.5,
                                                         style=Qt.PenStyle.DotLine)),
                            translate("TrendPlot", "projected course"))
    if frame is not None and any(any(s.hollow) for s in frame.series):
        copy.legend.addItem(pg.PlotDataItem(pen=None, symbol="o", symbolSize=8,
                                            symbolBrush="w", symbolPen=pg.mkPen(grey)),
                            translate("TrendPlot", "provisional or derived"))
    copy.show()  # lays it out (off screen), so the picture has its final geometry
    QCoreApplication.processEvents()
    return copy


def save_png(plot: TrendPlot, path: str, title: str, lang: str,
             size: tuple[int, int] = SIZE) -> None:
    """Write :func:`slide` of ``plot`` to ``path``, ``size`` pixels whatever the screen's
    scale; OSError if the file cannot be written."""
    w, h = size
    copy = slide(plot, title, lang, (w, h - FOOT_PX))
    try:
        image = QImage(w, h, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            copy.render(painter)
            font = QFont()
            font.setPointSize(11)
            painter.setFont(font)
            painter.setPen(QColor("#444444"))
            line = painter.fontMetrics().elidedText(foot_line(plot), Qt.TextElideMode.ElideRight,
                                                    w - 40)
            painter.drawText(20, h - FOOT_PX, w - 40, FOOT_PX,
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             line)
        finally:
            painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
    finally:
        copy.close()
        copy.deleteLater()
