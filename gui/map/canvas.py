"""Paints a :class:`core.districtmap.MapFrame`: fills, hatching, legend, sketch-map label.

The districts' outlines are made into painter paths once (map units, y up); switching
indicator changes only the brushes, so a redraw is a repaint.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QToolTip, QWidget

from core import districtmap

MARGIN = 12
LEGEND_ROW = 20


def _paths(shape) -> dict[str, QPainterPath]:
    out = {}
    for area, rings in shape.rings.items():
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for r in rings:
            path.moveTo(QPointF(*r[0]))
            for x, y in r[1:]:
                path.lineTo(QPointF(x, y))
            path.closeSubpath()
        out[area] = path
    return out


class MapCanvas(QWidget):
    """Hover a district for its figure; click it to open it (``district_clicked``)."""

    district_clicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.setMouseTracking(True)
        self.setMinimumSize(420, 320)
        self.shape = districtmap.shape()
        self.paths = _paths(self.shape)
        self.frame: districtmap.MapFrame | None = None
        self.hover: str | None = None
        self._brushes: dict[str, QBrush] = {}

    def set_frame(self, frame) -> None:
        self.frame = frame
        self._brushes = {}
        if frame is not None:
            for a, c in frame.cells.items():
                self._brushes[a] = QBrush(QColor(c.fill))
        self.update()

    # geometry ------------------------------------------------------------------------------
    def transform(self) -> QTransform:
        """Map units to widget pixels: the whole of Chongqing, aspect kept, y down, with room
        on the left for the legend."""
        x0, y0, x1, y1 = self.shape.bounds
        legend_w = 190
        w = max(1.0, self.width() - 2 * MARGIN - legend_w)
        h = max(1.0, self.height() - 2 * MARGIN - 18)
        s = min(w / (x1 - x0), h / (y1 - y0))
        dx = MARGIN + legend_w + (w - s * (x1 - x0)) / 2
        dy = MARGIN + 18 + (h - s * (y1 - y0)) / 2
        return QTransform(s, 0, 0, -s, dx - s * x0, dy + s * y1)

    def area_at(self, pos) -> str | None:
        inv, ok = self.transform().inverted()
        if not ok:
            return None
        p = inv.map(QPointF(pos))
        for area, path in self.paths.items():
            if path.contains(p):
                return area
        return None

    # painting ------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        t = self.transform()
        hatch = QBrush(QColor("#9A9A9A"), Qt.BrushStyle.BDiagPattern)
        white = QBrush(QColor(districtmap.NO_DATA))
        edge = QPen(QColor(districtmap.EDGE), 0.8)
        edge.setCosmetic(True)
        strong = QPen(QColor("#000000"), 2.2)
        strong.setCosmetic(True)
        p.setTransform(t)
        cells = self.frame.cells if self.frame else {}
        for area, path in self.paths.items():
            c = cells.get(area)
            p.setPen(edge)
            if c is None or c.hatched:
                p.setBrush(white)
                p.drawPath(path)
                p.setBrush(hatch)
            else:
                p.setBrush(self._brushes[area])
            p.drawPath(path)
        if self.hover in self.paths:
            p.setPen(strong)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(self.paths[self.hover])
        p.resetTransform()
        self._decorate(p)
        p.end()

    def _decorate(self, p: QPainter) -> None:
        f = self.frame
        p.setPen(QColor("#202020"))
        font = p.font()
        if f is not None:
            bold = p.font()
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(QRectF(MARGIN, MARGIN - 4, self.width() - 2 * MARGIN, 20),
                       Qt.AlignmentFlag.AlignLeft, f.title)
            p.setFont(font)
            y = MARGIN + 30
            for e in f.legend:
                box = QRectF(MARGIN, y + 3, 22, 14)
                p.setPen(QPen(QColor(districtmap.EDGE), 1))
                p.setBrush(QBrush(QColor(e.fill)))
                p.drawRect(box)
                if e.hatched:
                    p.setBrush(QBrush(QColor("#9A9A9A"), Qt.BrushStyle.BDiagPattern))
                    p.drawRect(box)
                p.setPen(QColor("#202020"))
                p.drawText(QRectF(MARGIN + 28, y, 160, LEGEND_ROW),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, e.words)
                y += LEGEND_ROW
            p.setPen(QColor("#505050"))
            small = p.font()
            small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
            p.setFont(small)
            p.drawText(QRectF(MARGIN, self.height() - MARGIN - 34, self.width() - 2 * MARGIN,
                              34), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
                       | Qt.TextFlag.TextWordWrap, f.sketch + "\n" + f.source)
            p.setFont(font)

    # interaction ---------------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        area = self.area_at(event.position())
        if area != self.hover:
            self.hover = area
            self.update()
        if area and self.frame and area in self.frame.cells:
            QToolTip.showText(event.globalPosition().toPoint(), self.frame.cells[area].tooltip,
                              self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, event) -> None:  # noqa: N802
        self.hover = None
        self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            area = self.area_at(event.position())
            if area:
                self.district_clicked.emit(area)

    def tooltip_of(self, area: str) -> str:
        return self.frame.cells[area].tooltip if self.frame and area in self.frame.cells else ""
