"""The briefing's sentences in both languages, and the national convention for changes.

The briefing is written in the language asked for (``--lang zh_CN``) whatever language the
window speaks, as the meeting workbook is, so its words live here in both languages (as
:mod:`core.vocabulary`'s do) rather than behind the installed translator.

The convention (REFERENCE.md §2): a share's change is in percentage points (个百分点), a count
of days in days (增加/减少 N 天), a concentration's (and any other amount's) in % of the year
before; a class says whether it held or moved.
"""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal


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
        "districts": "In the districts and counties: {items}.",
        "scorecard": "Scorecard",
        "charts": "Trends",
        "map": "District map: {name}",
        "map_none": "No district has a figure of this period to draw on the map.",
        "notes": "Notes: sources",
        "derived": "derived: {how}",
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
        "districts": "各区县：{items}。",
        "scorecard": "目标完成情况",
        "charts": "变化趋势",
        "map": "区县分布示意图：{name}",
        "map_none": "本期没有区县数据可在地图上显示。",
        "notes": "注释：数据来源",
        "derived": "推算：{how}",
        "cols": ("指标", "数值", "同比", "目标", "状态"),
        "sep": "；", "end": "。",
    },
}


def words(lang: str) -> dict:
    return TEXT["zh_CN" if lang.startswith("zh") else "en"]


def rounded(x: float, places: int) -> str:
    """``x`` to ``places`` decimals, half to even (GB/T 8170), rounded once."""
    q = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN)
    return f"{q:,.{places}f}" if places else f"{q:,.0f}"


def change_text(ind: dict, value: float, before: float, lang: str) -> str:
    """The year-on-year change of ``value`` on ``before`` in the national convention."""
    w = words(lang)
    kind, dec = ind["value_kind"], int(ind.get("decimals") or 0)
    if kind == "percent":
        d = value - before
        n = rounded(abs(d), max(1, dec))
        return w["same"] if float(n.replace(",", "")) == 0 else \
            w["up_pp" if d > 0 else "down_pp"].format(n=n)
    if bool(ind.get("day_count")) or str(ind.get("unit")) == "days":
        d = value - before
        n = rounded(abs(d), dec)
        return w["same"] if float(n.replace(",", "")) == 0 else \
            w["up_days" if d > 0 else "down_days"].format(n=n)
    if before == 0:
        return ""
    r = (value - before) / abs(before) * 100
    n = rounded(abs(r), 1)
    return w["same"] if float(n) == 0 else w["up_pct" if r > 0 else "down_pct"].format(n=n)

