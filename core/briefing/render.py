"""The briefing's pictures as PNG, drawn with matplotlib's Agg canvas (no Qt, no display):
trend charts and the district map, from the same frame the Map tab paints."""
from __future__ import annotations

import io
from functools import lru_cache

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findSystemFonts
from matplotlib.patches import Patch, Polygon

from .. import districtmap, vocabulary
from .content import Chart

DPI = 150
LINE = vocabulary.GOOD.hue
TARGET = vocabulary.WARN.hue


@lru_cache(maxsize=1)
def cjk_font() -> FontProperties | None:
    """A font with Chinese glyphs (Noto Sans CJK, WenQuanYi, Droid Sans Fallback), or None."""
    files = findSystemFonts()
    for want in ("NotoSansCJK-Regular", "NotoSansCJKsc-Regular", "NotoSansSC", "wqy-microhei",
                 "wqy-zenhei", "DroidSansFallback", "NotoSerifCJK-Regular", "NotoSansCJK"):
        for f in files:
            if want.lower() in f.lower():
                return FontProperties(fname=f)
    return None


def _font(lang: str, size: float) -> dict:
    fp = cjk_font()  # for English too: the map's label says 示意图
    if fp is None:
        return {"fontsize": size}
    fp = fp.copy()
    fp.set_size(size)
    return {"fontproperties": fp}


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buf)
    return buf.getvalue()


def chart_png(c: Chart, lang: str) -> bytes:
    """One indicator's line over the periods, with its target as a dashed line."""
    fig = Figure(figsize=(4.2, 2.4), dpi=DPI)
    ax = fig.add_subplot()
    x = list(range(len(c.values)))
    ax.plot(x, c.values, marker="o", color=LINE, linewidth=2)
    for xi, v in zip(x, c.values):
        ax.annotate(f"{v:g}", (xi, v), textcoords="offset points", xytext=(0, 6),
                    ha="center", **_font(lang, 7))
    if c.target is not None:
        ax.axhline(c.target, color=TARGET, linestyle="--", linewidth=1.2)
        ax.annotate(c.target_text, (x[-1], c.target), textcoords="offset points",
                    xytext=(0, -10), ha="right", color="#6B4A00", **_font(lang, 7))
    ax.set_xticks(x)
    ax.set_xticklabels(c.periods, **_font(lang, 7))
    ax.set_title(c.title if len(c.title) < 40 else c.title[:38] + "…", **_font(lang, 8))
    ax.set_ylabel(c.unit, **_font(lang, 7))
    ax.tick_params(labelsize=7)
    ax.margins(x=0.15, y=0.25)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return _png(fig)


def map_png(frame: districtmap.MapFrame, lang: str) -> bytes:
    """The district map of ``frame``: fills, hatching for districts without figures, legend,
    the sketch-map label and the boundaries' source."""
    shape = districtmap.shape()
    fig = Figure(figsize=(6.4, 4.6), dpi=DPI)
    ax = fig.add_axes((0.0, 0.06, 1.0, 0.86))
    for area, rings in shape.rings.items():
        c = frame.cells.get(area)
        for r in rings:
            ax.add_patch(Polygon(r, closed=True, facecolor=c.fill if c else "#FFFFFF",
                                 edgecolor=districtmap.EDGE, linewidth=0.4,
                                 hatch="////" if (c is None or c.hatched) else None))
    x0, y0, x1, y1 = shape.bounds
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.axis("off")
    handles = [Patch(facecolor=e.fill, edgecolor=districtmap.EDGE,
                     hatch="////" if e.hatched else None, label=e.words) for e in frame.legend]
    leg = ax.legend(handles=handles, loc="upper left", frameon=False,
                    prop=(_font(lang, 7).get("fontproperties") or FontProperties(size=7)))
    leg.set_title(None)
    fig.text(0.01, 0.96, frame.title, **_font(lang, 9), weight="bold")
    fig.text(0.99, 0.02, frame.sketch, ha="right", **_font(lang, 8))
    fig.text(0.01, 0.02, frame.source, ha="left", color="#505050", **_font(lang, 6))
    return _png(fig)
