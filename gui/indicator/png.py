"""The trend plot as a PNG for a meeting: landscape, titled, with a legend of its areas.

The plot on screen is often tall and narrow (it shares the view with the tables), and
exported as it was it gave a portrait picture with the data squeezed between large tick
labels. Here the frame is drawn again on a plot of its own, at a fixed slide-like size,
with the indicator as its title and the areas shown in a legend over the data.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from .plot import TrendPlot

SIZE = (1600, 900)  # pixels, 16:9 like a slide


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
    copy.show()  # lays it out (off screen), so the picture has its final geometry
    QCoreApplication.processEvents()
    return copy


def save_png(plot: TrendPlot, path: str, title: str, lang: str,
             size: tuple[int, int] = SIZE) -> None:
    """Write :func:`slide` of ``plot`` to ``path``, ``size`` pixels whatever the screen's
    scale; OSError if the file cannot be written."""
    copy = slide(plot, title, lang, size)
    try:
        image = QImage(*size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            copy.render(painter)
        finally:
            painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
    finally:
        copy.close()
        copy.deleteLater()
