"""Changes and gaps the way Chinese bureaus state them, in one place every output calls.

* a **share** (a percentage) changes, and misses its target, by *percentage points*:
  "+1.3 pp" / "+1.3个百分点", never "+1.3%";
* a **concentration** (µg/m³, mg/m³) changes in *percent* of its earlier value ("-8.2%"); its
  gap to a target stays in its unit;
* a **count of days** changes by days: "+6 days" / "+6天";
* a water-quality **class** by classes; anything else in its own unit.

Numbers are rounded by :mod:`core.rounding` (GB/T 8170). The window's scorecard, the meeting
workbook, ``ecotracker status`` and the briefing all take their text from :func:`delta`, and
the workbook its number format from :func:`excel_delta`, so they read alike. Like
:mod:`core.vocabulary`, the words are kept here in both languages: the workbook and the
command line are asked for a language whatever the window speaks.
"""
from __future__ import annotations

import math

from .rounding import fixed, rounded  # noqa: F401 - fixed is used by callers too

SHARE, CONCENTRATION, DAYS, CLASS, AMOUNT = "share", "concentration", "days", "class", "amount"
CONCENTRATION_UNITS = ("/m³", "/m3", "/l", "/L")
UNITS = {"en": {SHARE: " pp", DAYS: " days", "percent": "%"},
         "zh": {SHARE: "个百分点", DAYS: "天", "percent": "%"}}
PCT_DECIMALS = 1  # a change in percent is stated to one decimal (-8.2%)


def _zh(lang: str) -> str:
    return "zh" if str(lang).startswith("zh") else "en"


def measure_of(value_kind: str, unit: str = "", day_count: bool = False) -> str:
    """Which convention a change of an indicator follows (see the module docstring)."""
    if value_kind == "percent":
        return SHARE
    if value_kind == "class":
        return CLASS
    if day_count or str(unit).strip().lower() in ("days", "day", "天"):
        return DAYS
    if any(str(unit).endswith(u) for u in CONCENTRATION_UNITS):
        return CONCENTRATION
    return AMOUNT


def delta(value, percent=None, *, measure: str, decimals: int, lang: str = "en",
          what: str = "gap") -> str:
    """A gap (``what="gap"``) or a change (``"change"``) as text: ``value`` in the
    indicator's unit, ``percent`` the same as a percentage of what it is measured from (used
    for a concentration's change). "" when missing."""
    words = UNITS[_zh(lang)]
    if measure == CONCENTRATION and what == "change":
        if percent is None or (isinstance(percent, float) and math.isnan(percent)):
            return ""
        return fixed(percent, PCT_DECIMALS, signed=True) + words["percent"]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if measure == CLASS:
        return fixed(value, 0, signed=True)
    if measure == DAYS:
        return fixed(value, 0, signed=True) + words[DAYS]
    text = fixed(value, decimals, signed=True)
    return text + words[SHARE] if measure == SHARE else text


def delta_value(value, percent=None, *, measure: str, decimals: int, what: str = "gap"):
    """The number :func:`delta` writes, rounded once (GB/T 8170): what a workbook cell holds."""
    if measure == CONCENTRATION and what == "change":
        return rounded(percent, PCT_DECIMALS)
    return rounded(value, 0 if measure in (CLASS, DAYS) else decimals)


def excel_delta(*, measure: str, decimals: int, lang: str = "en", what: str = "gap") -> str:
    """The Excel number format that shows :func:`delta_value` as :func:`delta` writes it."""
    words = UNITS[_zh(lang)]
    if measure == CONCENTRATION and what == "change":
        d, suffix = PCT_DECIMALS, words["percent"]
    elif measure in (CLASS, DAYS):
        d, suffix = 0, words[DAYS] if measure == DAYS else ""
    else:
        d, suffix = max(0, int(decimals)), words[SHARE] if measure == SHARE else ""
    body = "#,##0" + ("." + "0" * d if d else "")
    tail = f'"{suffix}"' if suffix else ""
    return f"+{body}{tail};-{body}{tail};{body}{tail}"
