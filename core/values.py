"""Values and qualifiers.

Every figure is stored as a float. Ordinal water-quality classes are stored as their rank
(I = 1 ... V = 5, worse than V = 6), so they sort and compare as classes; they are parsed from
and displayed as class names.
"""
from __future__ import annotations

import math

from .errors import ValueParseError
from .i18n import tr
from .rounding import fixed

VALUE_KINDS = ("number", "percent", "count", "class")
DIRECTIONS = ("higher", "lower", "band")

CLASS_NAMES = ("I", "II", "III", "IV", "V", "worse than V")
CLASS_NAMES_ZH = ("Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类")
_CLASS_ALIASES: dict[str, int] = {}
for _i, (_en, _zh) in enumerate(zip(CLASS_NAMES, CLASS_NAMES_ZH), start=1):
    for _alias in (_en, _zh, _zh.rstrip("类"), f"class {_en}", f"{_en}类"):
        _CLASS_ALIASES[_alias.upper()] = _i
_CLASS_ALIASES.update({"WORSE THAN CLASS V": 6, "劣V类": 6, "劣V": 6, "劣5类": 6, "VI": 6})
for _i, _roman in enumerate(("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"), start=1):
    _CLASS_ALIASES[_roman] = _i

# Qualifier codes kept where the source hedges a figure.
QUALIFIERS = ("", "more_than", "about", "less_than", "at_least", "at_most")
QUALIFIER_LABELS = {
    "en": {"": "", "more_than": "more than", "about": "about", "less_than": "less than",
           "at_least": "at least", "at_most": "at most"},
    "zh_CN": {"": "", "more_than": "超过", "about": "约", "less_than": "不足",
              "at_least": "至少", "at_most": "至多"},
}
_QUALIFIER_ALIASES = {
    "": "", "more_than": "more_than", "more than": "more_than", "over": "more_than",
    ">": "more_than", "exceeded": "more_than", "超过": "more_than", "以上": "more_than",
    "about": "about", "~": "about", "approx": "about", "approximately": "about",
    "around": "about", "约": "about", "左右": "about",
    "less_than": "less_than", "less than": "less_than", "under": "less_than", "<": "less_than",
    "不足": "less_than", "低于": "less_than",
    "at_least": "at_least", "at least": "at_least", ">=": "at_least", "至少": "at_least",
    "at_most": "at_most", "at most": "at_most", "<=": "at_most", "至多": "at_most",
}


def parse_qualifier(text: object) -> str:
    """Qualifier code for a word or symbol ("over", "约", ">"), or raise."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    key = str(text).strip().lower()
    try:
        return _QUALIFIER_ALIASES[key]
    except KeyError:
        raise ValueParseError(tr(
            "unknown qualifier {text}: use more than, about, less than, at least or at most",
            text=repr(text))) from None


def qualifier_label(code: str, lang: str = "en") -> str:
    table = QUALIFIER_LABELS.get(lang, QUALIFIER_LABELS["en"])
    return table.get(code or "", code or "")


def class_rank(text: object) -> int:
    """Rank 1..6 of a water-quality class name (``II``, ``Ⅱ类``, ``worse than V``, ``劣Ⅴ类``)."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        if float(text).is_integer() and 1 <= int(text) <= 6:
            return int(text)
        raise ValueParseError(tr("{text} is not a water quality class (1..6)",
                                 text=repr(text)))
    key = str(text).strip().upper().replace("CLASS ", "").strip()
    key = key if key else "?"
    if key in _CLASS_ALIASES:
        return _CLASS_ALIASES[key]
    full = str(text).strip().upper()
    if full in _CLASS_ALIASES:
        return _CLASS_ALIASES[full]
    raise ValueParseError(tr(
        "{text} is not a water quality class: use I, II, III, IV, V or worse than V",
        text=repr(text)))


def class_name(rank: float, lang: str = "en") -> str:
    names = CLASS_NAMES_ZH if lang.startswith("zh") else CLASS_NAMES
    r = int(round(rank))
    if 1 <= r <= 6:
        return names[r - 1]
    return "?"


def optional_number(value) -> float | None:
    """A stored number, or None for a missing one (None, or NaN in a frame's row)."""
    return None if value is None or value != value else float(value)


MAX_COUNT = 2 ** 53  # the largest whole number a stored float keeps exactly


def parse_value(text: object, kind: str, *, vmin: float | None = None,
                vmax: float | None = None) -> float:
    """Parse a typed or imported value for an indicator of ``kind``.

    The value rule of :mod:`core.rules` on one value: numbers, numeric strings (full-width
    digits, thousands separators, a trailing ``%`` for percentages), and class names for
    ``class`` indicators, within the natural limits.

    Raises
    ------
    ValueParseError
        With a message saying what was wrong.
    """
    from .rules import value_of  # the one value rule (core/rules.py imports this module)

    return value_of(text, kind, vmin=vmin, vmax=vmax)


def more_decimals(value: float, decimals: int) -> bool:
    """True when ``value`` has more decimals than an indicator keeps: it would be saved as
    typed but shown rounded everywhere else."""
    return round(value, decimals) != value


def decimals_problem(typed: str, decimals: int) -> str:
    """Why an editor refuses ``typed`` for an indicator that keeps ``decimals``."""
    return tr("{typed} has more decimals than this indicator keeps ({decimals}): type the "
              "value rounded as it should be saved.", typed=typed, decimals=decimals)


def format_value(value: float | None, kind: str, decimals: int = 0, *, qualifier: str = "",
                 lang: str = "en", unit: str = "") -> str:
    """Display text of a value: ``36.6``, ``98.6%``, ``II`` / ``Ⅱ类``, ``more than 3,800``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if kind == "class":
        text = class_name(value, lang)
    else:
        text = fixed(value, decimals)  # GB/T 8170: half to even, rounded once
        if kind == "percent":
            text += "%"
        elif unit:
            text += f" {unit}"
    q = qualifier_label(qualifier, lang)
    if q:
        text = f"{q}{text}" if lang.startswith("zh") else f"{q} {text}"
    return text
