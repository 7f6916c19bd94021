"""The briefing's sentences in both languages, and the national convention for changes.

The briefing is written in the language asked for (``--lang zh_CN``) whatever language the
window speaks, as the meeting workbook is, so its words live here in both languages (as
:mod:`core.vocabulary`'s do) rather than behind the installed translator.

The convention is :mod:`core.convention`'s (REFERENCE.md §2), rounded by
:mod:`core.rounding` (GB/T 8170), as the scorecard, the workbook and ``ecotracker status``
state changes; here it is said in sentences. A class says whether it held or moved.
"""
from __future__ import annotations

from ..convention import CONCENTRATION, DAYS, PCT_DECIMALS, SHARE, measure_of
from ..present import unit_text
from ..rounding import fixed, rounded


TEXT = {
    "en": {
        "title": "Ecological environment of {area}: {period}",
        "subtitle": "Briefing written by EcoTracker from the figures on record on {date}. "
                    "Figures marked [n] have their source in the notes.",
        "summary": "Of {n} indicators with a target this period, {met} met it, {close} came "
                   "close and {missed} missed it.",
        "no_targets": "No indicator has a target for this period.",
        "was": "{name} was {value}",
        "stable_class": "{name} held at Class {value}",
        "moved_class": "{name} was Class {value} (Class {before} a year earlier)",
        "change": ", {change} on the same period a year earlier",
        "met": "; target {target}: met",
        "close": "; target {target}: close (not yet met)",
        "missed": "; target {target}: missed",
        "up_pp": "up {n} percentage points", "down_pp": "down {n} percentage points",
        "up_days": "{n} more days", "down_days": "{n} fewer days",
        "up_pct": "up {n}%", "down_pct": "down {n}%", "same": "unchanged",
        "up_amount": "{n}{unit} more", "down_amount": "{n}{unit} fewer",
        "districts": "In the districts and counties: {items}.",
        "scorecard": "Scorecard",
        "charts": "Trends",
        "map": "District map: {name}",
        "map_none": "No district has a figure of this period to draw on the map.",
        "notes": "Notes: sources",
        "derived": "derived: {how}",
        "computed": "computed from the figures of the same period: {how}",
        "cols": ("Indicator", "Value", "Year-on-year", "Target", "Status"),
        "sep": ". ", "end": ".",
    },
    "zh_CN": {
        "title": "{area}{period}生态环境状况",
        "subtitle": "本简报由 EcoTracker 根据截至{date}的数据生成。标注[n]的数据，其来源见文末注释。",
        "summary": "本期设有目标的{n}项指标中，{met}项达标，{close}项接近目标，{missed}项未达标。",
        "no_targets": "本期没有设定目标的指标。",
        "was": "{name}为{value}",
        "stable_class": "{name}保持{value}",
        "moved_class": "{name}为{value}（上年同期为{before}）",
        "change": "，同比{change}",
        "met": "，达到目标（{target}）",
        "close": "，接近目标（{target}），尚未达标",
        "missed": "，未达到目标（{target}）",
        "up_pp": "上升{n}个百分点", "down_pp": "下降{n}个百分点",
        "up_days": "增加{n}天", "down_days": "减少{n}天",
        "up_pct": "上升{n}%", "down_pct": "下降{n}%", "same": "持平",
        "up_amount": "增加{n}{unit}", "down_amount": "减少{n}{unit}",
        "districts": "各区县：{items}。",
        "scorecard": "目标完成情况",
        "charts": "变化趋势",
        "map": "区县分布示意图：{name}",
        "map_none": "本期没有区县数据可在地图上显示。",
        "notes": "注释：数据来源",
        "derived": "推算：{how}",
        "computed": "由同期数据计算：{how}",
        "cols": ("指标", "数值", "同比", "目标", "状态"),
        "sep": "；", "end": "。",
    },
}


def words(lang: str) -> dict:
    return TEXT["zh_CN" if lang.startswith("zh") else "en"]


def change_text(ind: dict, value: float, before: float, lang: str) -> str:
    """The year-on-year change of ``value`` on ``before`` in the national convention
    (:func:`core.convention.measure_of`), rounded once by GB/T 8170 (:mod:`core.rounding`):
    a share's in percentage points, a count of days in days, a concentration's in % of the
    year before, any other amount in its own unit."""
    w = words(lang)
    zh = lang.startswith("zh")
    dec = int(ind.get("decimals") or 0)
    m = measure_of(ind["value_kind"], str(ind.get("unit") or ""), bool(ind.get("day_count")))
    if m == CONCENTRATION:
        if before == 0:
            return ""
        d, places, key = (value - before) / abs(before) * 100, PCT_DECIMALS, "pct"
    elif m == SHARE:
        d, places, key = value - before, max(1, dec), "pp"
    elif m == DAYS:
        d, places, key = value - before, 0, "days"
    else:
        d, places, key = value - before, dec, "amount"
    n = fixed(abs(d), places)
    if rounded(d, places) == 0:
        return w["same"]
    if key == "amount":
        unit = unit_text(ind.get("unit", ""), ind.get("unit_zh"), lang)
        return w["up_amount" if d > 0 else "down_amount"].format(
            n=n, unit=unit if zh else f" {unit}" if unit else "")
    return w[f"up_{key}" if d > 0 else f"down_{key}"].format(n=n)
