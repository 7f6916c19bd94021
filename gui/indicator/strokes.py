"""All lines of the trend plot, drawn by one graphics item.

A pyqtgraph ``PlotCurveItem`` runs ~0.1 ms of Python per curve at each paint and each change
of view (bounds, pixel padding, path). A bureau-scale indicator has ~40 areas, each with a
line, a target and a projection: ~120 curves, more than the whole 50 ms a selection may take.
Here each of those is a :class:`Stroke` (a pen and a ready ``QPolygonF``), and
:class:`StrokesItem` draws them all in one ``paint`` with plain ``QPainter`` calls.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPen

_EMPTY = np.empty(0)


class Stroke:
    """One polyline (or, with ``pairs``, separate segments from point pairs) in data units."""

    __slots__ = ("pen", "pairs", "x", "y", "shown", "_poly", "_lines", "_bounds")

    def __init__(self, pen: QPen, pairs: bool = False):
        self.pen = pen
        self.pairs = pairs
        self.x = self.y = _EMPTY
        self.shown = True  # the area is shown (the legend's tick)
        self._poly = None
        self._lines: list[QLineF] = []
        self._bounds: tuple[float, float, float, float] | None = None

    def set_data(self, x, y) -> None:
        if not len(x):
            self.clear()
            return
        if self.pairs:  # a few points: plain Python is quicker than numpy here
            xs, ys = [float(v) for v in x], [float(v) for v in y]
            self.x, self.y = np.array(xs), np.array(ys)
            self._bounds = (min(xs), max(xs), min(ys), max(ys))
            self._lines = [QLineF(xs[i], ys[i], xs[i + 1], ys[i + 1])
                           for i in range(0, len(xs) - 1, 2)]
            return
        self.x, self.y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        self._bounds = (float(self.x.min()), float(self.x.max()),
                        float(self.y.min()), float(self.y.max()))
        self._poly = pg.functions.arrayToQPolygonF(self.x, self.y)

    def clear(self) -> None:
        self.x = self.y = _EMPTY
        self._poly, self._lines, self._bounds = None, [], None

    # what tests and automation read, as they would of a pyqtgraph curve
    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x, self.y

    def isVisible(self) -> bool:
        return self.shown and self._bounds is not None

    def bounds(self) -> tuple[float, float, float, float] | None:
        return self._bounds if self.shown else None

    def draw(self, painter) -> None:
        if not self.shown or self._bounds is None:
            return
        painter.setPen(self.pen)
        if self.pairs:
            painter.drawLines(self._lines)
        else:
            painter.drawPolyline(self._poly)


class StrokesItem(pg.GraphicsObject):
    """Draws :attr:`strokes` in order; call :meth:`changed` after changing any of them."""

    def __init__(self, pixel_size, pad_px: float = 3.0):
        super().__init__()
        self.strokes: list[Stroke] = []
        self._pixel_size = pixel_size  # () -> (data units per screen pixel in x, in y)
        self._pad_px = pad_px
        self._bounds: tuple[float, float, float, float] | None = None
        self._rect: QRectF | None = None

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """(x0, x1, y0, y1) of the shown strokes, in data units."""
        return self._bounds

    def changed(self) -> None:
        self.prepareGeometryChange()
        found = [b for b in (s.bounds() for s in self.strokes) if b is not None]
        self._bounds = (min(b[0] for b in found), max(b[1] for b in found),
                        min(b[2] for b in found), max(b[3] for b in found)) if found else None
        self._rect = None
        self.update()

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()
        if self._bounds is not None:  # the padding, in pixels, is worth other data units now
            self.prepareGeometryChange()
            self._rect = None

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            return QRectF()
        if self._rect is None:
            x0, x1, y0, y1 = self._bounds
            sx, sy = self._pixel_size()
            px, py = self._pad_px * sx, self._pad_px * sy
            self._rect = QRectF(x0 - px, y0 - py, x1 - x0 + 2 * px, y1 - y0 + 2 * py)
        return self._rect

    def paint(self, painter, *_args) -> None:
        for stroke in self.strokes:
            stroke.draw(painter)
