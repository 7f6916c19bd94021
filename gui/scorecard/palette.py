"""Status colours that read for colour-blind staff, and never colour alone.

The hues are from the Okabe-Ito palette (blue, orange, vermillion), which people with the
common forms of colour blindness tell apart; each status also carries a symbol and a word, so
a grey-scale print or a screen reader loses nothing. Cells get a light tint of the hue as
background and a dark shade of it as text, both well above 4.5:1 contrast.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPixmap, QPolygonF

# Okabe-Ito hues
BLUE, ORANGE, VERMILLION, GREY = "#0072B2", "#E69F00", "#D55E00", "#7F7F7F"

# status code -> (tone, symbol). Tones: good / warn / bad / none.
TONE = {
    "met": "good", "achieved": "good", "on_track": "good",
    "close": "warn", "needs_acceleration": "warn", "limited_progress": "warn",
    "missed": "bad", "deterioration": "bad",
    "no_data": "none", "no_target": "none", "": "none",
}
SYMBOL = {"good": "✔", "warn": "▲", "bad": "✖", "none": "○"}
HUE = {"good": BLUE, "warn": ORANGE, "bad": VERMILLION, "none": GREY}
BACKGROUND = {"good": "#D6E9F5", "warn": "#FCEBC7", "bad": "#F8D5C2", "none": ""}
FOREGROUND = {"good": "#00466E", "warn": "#6B4A00", "bad": "#8A3200", "none": "#505050"}
# worst first: the tree shows an indicator's worst period status across its areas
SEVERITY = {"bad": 3, "warn": 2, "good": 1, "none": 0}
SEVERITY_OF_STATUS = {code: SEVERITY[t] for code, t in TONE.items()}


def tone(status: str | None) -> str:
    return TONE.get(status or "", "none")


def symbol(status: str | None) -> str:
    return SYMBOL[tone(status)]


@lru_cache(maxsize=None)
def background(status: str | None) -> QBrush | None:
    colour = BACKGROUND[tone(status)]
    return QBrush(QColor(colour)) if colour else None


@lru_cache(maxsize=None)
def foreground(status: str | None) -> QBrush:
    return QBrush(QColor(FOREGROUND[tone(status)]))


def worst(statuses) -> str:
    """The most severe status of several (``missed`` beats ``close`` beats ``met``)."""
    best, rank = "no_target", -1
    for s in statuses:
        r = SEVERITY[tone(s)]
        if r > rank:
            best, rank = s, r
    return best


@lru_cache(maxsize=None)
def icon(status: str | None, size: int = 14) -> QIcon:
    """A small shape in the status hue: disc (good), triangle (warn), cross (bad), ring."""
    t = tone(status)
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(HUE[t])
    m = size * 0.12
    r = QRectF(m, m, size - 2 * m, size - 2 * m)
    if t == "good":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(r)
    elif t == "warn":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPolygon(QPolygonF([QPointF(r.center().x(), r.top()), r.bottomRight(),
                                 r.bottomLeft()]))
    elif t == "bad":
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
