"""Units as reports write them and as indicators keep them, reduced to a dimension and a scale.

``336,000 square meters`` is 336000 ``m2``; an indicator kept in ``10k m²`` has scale 10^4 in
``m2``, so the figure is 33.6. 万 and million are scales, not units (REFERENCE.md §4); a bare
number is a count of whatever noun follows it. ``percentage points`` is a difference of
shares (``pp``), which only a change may be.
"""
from __future__ import annotations

import re

# (pattern on folded text, unit key, scale to the key's base)
_PATTERNS: list[tuple[str, str, float]] = [
    (r"percentage points?|个百分点|百分点|pp\b", "pp", 1),
    (r"%|percent\b|per cent\b", "%", 1),
    (r"micro\s*grams?\s*(?:/|per)\s*cubic\s*met(?:er|re)s?|[µμu]g\s*/\s*m(?:³|3)|微克/立方米",
     "ug/m3", 1),
    (r"milli\s*grams?\s*(?:/|per)\s*cubic\s*met(?:er|re)s?|mg\s*/\s*m(?:³|3)|毫克/立方米",
     "ug/m3", 1000),
    (r"micro\s*grams?\b|微克", "ug/m3", 1),  # "2.4 micrograms lower": the unit said once
    (r"square\s*kilomet(?:er|re)s?|km²|km2|平方公里|平方千米", "m2", 1e6),
    (r"square\s*met(?:er|re)s?|m²|m2\b|平方米", "m2", 1),
    (r"hectares?|公顷", "m2", 1e4),
    (r"acres?\b|英亩", "acre", 1),
    (r"亩|mu\b", "mu", 1),
    (r"kg\s*(?:of\s*)?(?:standard\s*coal|ce)\b|kgce|千克标准煤|公斤标准煤", "kgce", 1),
    (r"tons?\s*(?:of\s*)?(?:standard\s*coal|ce)\b|tce\b|吨标准煤|吨标煤", "kgce", 1000),
    (r"(?:tons?|tonnes?|t)\s*(?:/|per)\s*(?:year|annum|a)\b|吨/年|吨每年", "t/a", 1),
    (r"tons?\b|tonnes?\b|吨|t\b", "t", 1),
    (r"yuan\b|元|cny\b|rmb\b", "yuan", 1),
    (r"days?\b|天", "days", 1),
    (r"times\b|倍", "times", 1),
    (r"kilomet(?:er|re)s?\b|km\b|公里", "km", 1),
]
_COMPILED = [(re.compile(r"\s*(?:" + p + ")"), key, scale) for p, key, scale in _PATTERNS]
# what an indicator's unit says: a scale word in front, then a unit
_SCALE_WORDS = {"10k": 1e4, "万": 1e4, "million": 1e6, "百万": 1e6, "bn": 1e9, "billion": 1e9,
                "十亿": 1e9, "亿": 1e8, "thousand": 1e3, "k": 1e3}
_OWN = {"mt": ("t", 1e6), "kt": ("t", 1e3), "class": ("class", 1), "rank": ("rank", 1),
        "类别": ("class", 1), "位": ("rank", 1)}


def unit_at(folded: str, pos: int):
    """The unit written at ``folded[pos:]`` (after optional blanks): ``(key, scale, end)``
    or None."""
    for rx, key, scale in _COMPILED:
        m = rx.match(folded, pos)
        if m:
            return key, scale, m.end()
    return None


def indicator_unit(unit: str, value_kind: str) -> tuple[str, float]:
    """An indicator's unit as ``(key, scale)``: ``10k t/a`` is ``("t/a", 10^4)``, ``Mt`` is
    ``("t", 10^6)``, ``enterprises`` is a count (``("", 1)``), ``million boxes`` a count in
    millions."""
    if value_kind == "percent":
        return "%", 1.0
    if value_kind == "class":
        return "class", 1.0
    u = (unit or "").strip().lower()
    if u in _OWN:
        return _OWN[u]
    scale = 1.0
    m = re.match(r"(10k|million|bn|billion|thousand|百万|十亿|万|亿)\s*", u)
    if m:
        scale, u = _SCALE_WORDS[m.group(1)], u[m.end():]
    if u in ("cny", "yuan", "元"):
        return "yuan", scale
    got = unit_at(u, 0)
    if got and got[2] >= len(u.split(" ")[0]):  # the unit is the first word, not a part
        key, s, _ = got
        return key, (scale if key == "times" else scale * s)
    return "", scale  # a count of things (enterprises, plots, cells)


def fits(mention_unit: str, ind_unit: str) -> bool:
    """Whether a number written with ``mention_unit`` can be a figure of an indicator kept
    in ``ind_unit`` (a bare number fits counts and days and plain numbers, not shares)."""
    if mention_unit == ind_unit:
        return True
    if mention_unit == "":
        return ind_unit in ("", "days")
    return False
