"""Status colours, symbols and icons for the window, from :mod:`core.vocabulary`.

The tones, hues and shades are defined once in core, which the meeting workbook and the
command line read too; this module only turns them into Qt brushes and icons.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPixmap, QPolygonF

from core import vocabulary

# status code -> severity, for sorting worst first and the tree's worst mark
SEVERITY_OF_STATUS = {code: s.tone.severity for code, s in vocabulary.STATUSES.items()}


def symbol(status: str | None) -> str:
    return vocabulary.tone(status).symbol


@lru_cache(maxsize=None)
def background(status: str | None) -> QBrush | None:
    colour = vocabulary.tone(status).background
    return QBrush(QColor(colour)) if colour else None


@lru_cache(maxsize=None)
def foreground(status: str | None) -> QBrush:
    return QBrush(QColor(vocabulary.tone(status).foreground))


@lru_cache(maxsize=None)
def icon(status: str | None, size: int = 14) -> QIcon:
    """A small shape in the status hue: disc (good), triangle (warn), cross (bad), ring."""
    t = vocabulary.tone(status)
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(t.hue)
    m = size * 0.12
    r = QRectF(m, m, size - 2 * m, size - 2 * m)
    if t is vocabulary.GOOD:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(r)
    elif t is vocabulary.WARN:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPolygon(QPolygonF([QPointF(r.center().x(), r.top()), r.bottomRight(),
                                 r.bottomLeft()]))
    elif t is vocabulary.BAD:
        path = QPainterPath()
        path.moveTo(r.topLeft())
        path.lineTo(r.bottomRight())
        path.moveTo(r.topRight())
        path.lineTo(r.bottomLeft())
        pen = p.pen()
        pen.setColor(colour)
        pen.setWidthF(size * 0.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawPath(path)
    else:
        pen = p.pen()
        pen.setColor(colour)
        pen.setWidthF(size * 0.1)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(r.adjusted(1, 1, -1, -1))
    p.end()
    return QIcon(pix)
