"""The numbers a report states, found in one sentence: value, unit, scale, qualifier.

A report writes numbers many ways: ``3,800``, ``3.32 million``, ``336,000 square meters``,
``3800余个``, ``1.2亿元``, ``一千六百``, ``eight``, ``Class II``, ``ranking third``. Each is
read here into a :class:`Mention` with the span it covers, so the matcher can weigh the words
around it. Dates (``July 10``, ``6月底``), years (``2024``, ``2024年``), ordinals (``13th``)
and numbers inside names (``PM2.5``, ``CO2``) are not values and are skipped.

The search works on a copy of the sentence of the same length (:func:`fold`), so every span
points into the original text as well.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# full-width ASCII, the ideographic space and curly quotes, one character for one
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: " ", 0x201C: '"', 0x201D: '"', 0x2018: "'", 0x2019: "'",
              0x2014: "-", 0x2013: "-", 0x2212: "-", 0x00A0: " "})


def fold(text: str) -> str:
    """``text`` with full-width forms, curly quotes and dashes made plain, and lower case,
    character for character (the result has the same length)."""
    out = text.translate(_FOLD)
    low = out.lower()
    return low if len(low) == len(out) else "".join(c.lower() if len(c.lower()) == 1 else c
                                                     for c in out)


@dataclass
class Mention:
    """One number in a sentence.

    ``value`` is in base units (``336,000 square meters`` is 336000 in ``m2``; ``3.32
    million`` is 3320000 with no unit); ``unit`` is a key of :data:`core.reports.units.UNITS`
    or ``""`` for a bare count; ``soft`` marks a value read from a word ("fully", "no",
    "doubled") rather than a numeral, which is not listed when it cannot be placed.
    """

    start: int
    end: int
    value: float | str
    unit: str = ""
    qualifier: str = ""
    soft: bool = False
    lead: int = 0  # where the qualifier before the number starts (== start when none)

    @property
    def is_class(self) -> bool:
        return self.unit == "class"


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
SKIP = re.compile(
    rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s*\d{{4}})?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b(?:,?\s*\d{{4}})?"
    r"|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"|\d{1,2}\s*[-至到~]\s*\d{1,2}\s*月|\d{1,2}\s*月(?:底|末|份|中旬|上旬|下旬)?"
    r"|\d{4}-\d{2}(?:-\d{2})?|\d{4}\s*年|(?<![\d,.])(?:19|20)\d{2}(?![\d]|[.,]\d|\s*%)"
    r"|\d+(?:st|nd|rd|th)\b|\b[hq][1-4]\b|第\s*\d+\s*(?:届|批|轮|次|个|季度)"
    r"|\b\d{1,2}:\d{2}\b")

_NUM = re.compile(r"(?<![a-z0-9._])(?<!\d,)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])")
_ZH_DIGITS = "零〇一二两三四五六七八九"
_ZH_NUM = re.compile(r"(?<!第)[零〇一二两三四五六七八九十百千万亿]{1,12}")
_ZH_MEASURE = re.compile(r"^(?:余|多)?(?:个|家|天|辆|件|块|座|处|项|条|吨|人|次|批|宗|起|台|套|所|户)")
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_WORD_NUM = re.compile(r"\b(" + "|".join(_WORDS) + r")\b(?!-)")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_RANK = re.compile(r"\b(?:rank(?:s|ed|ing)?|placed?|placing)\s+(?:(?:the|no\.?)\s+)?("
                   + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th)?)\b"
                   r"|(?:排名|排|位居|位列|居)第\s*([一二三四五六七八九十\d]+)")
_CLASS = re.compile(r"\bclass\s+(iv|v|i{1,3})\b(?!-)|(劣)?\s*([ⅰⅱⅲⅳⅴⅠⅡⅢⅣⅤ]|iv|v|i{1,3})\s*类")
_SOFT = re.compile(r"\b(fully|entirely)\b|\bno(?=\s+(?:days?|cases?)\b)|\b(doubled|tripled)\b"
                   r"|全部|均为|(?:无|未出现)(?=[重严]度|严重)")

MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
               "万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, "十万": 1e5, "万亿": 1e12}
_MULT = re.compile(r"^\s*(thousand|million|billion|trillion)\b|^\s*(万亿|千万|百万|十万|万|亿)")

_QUAL_BEFORE = re.compile(
    r"(more than|over|exceeded|exceeding|exceeds|above|in excess of|at least|nearly|almost|"
    r"about|around|approximately|approx\.?|some|roughly|up to|less than|under|超过|逾|超|"
    r"约|近|大约|不足|不到|至少)\s*[\"']?$")
_QUAL_AFTER = re.compile(r"^\s*(余|多|以上|左右|or more|plus)")
QUALIFIER_OF = {
    "more than": "more_than", "over": "more_than", "exceeded": "more_than",
    "exceeding": "more_than", "exceeds": "more_than", "above": "more_than",
    "in excess of": "more_than", "超过": "more_than", "逾": "more_than", "超": "more_than",
    "余": "more_than", "多": "more_than", "以上": "more_than", "or more": "at_least",
    "plus": "more_than", "at least": "at_least", "至少": "at_least",
    "nearly": "about", "almost": "about", "about": "about", "around": "about",
    "approximately": "about", "approx": "about", "approx.": "about", "some": "about",
    "roughly": "about", "约": "about", "近": "about", "大约": "about", "左右": "about",
    "up to": "at_most", "less than": "less_than", "under": "less_than", "不足": "less_than",
    "不到": "less_than",
}


def zh_number(text: str) -> float | None:
    """A Chinese numeral (``一千六百``, ``三万五千``, ``十二``, ``两``) as a number, or None."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits.update({"〇": 0, "两": 2})
    units = {"十": 10, "百": 100, "千": 1000}
    big = {"万": 1e4, "亿": 1e8}
    total, section, digit, seen = 0.0, 0.0, None, False
    for c in text:
        if c in digits:
            digit, seen = digits[c], True
        elif c in units:
            section += (1 if digit is None else digit) * units[c]
            digit, seen = None, True
        elif c in big:
            if not seen:
                return None
            total = (total + section + (digit or 0)) * big[c]
            section, digit = 0.0, None
        else:
            return None
    if not seen:
        return None
    return total + section + (digit or 0)


def _ordinal(word: str) -> int | None:
    if word in _ORDINALS:
        return _ORDINALS[word]
    m = re.match(r"\d+", word)
    if m:
        return int(m.group())
    return int(zh_number(word)) if zh_number(word) is not None else None


def _qualifier(folded: str, start: int, end: int) -> tuple[str, int, int]:
    """The qualifier before or after a number: (code, where it starts, where it ends)."""
    before = _QUAL_BEFORE.search(folded[max(0, start - 24):start])
    if before:
        word = before.group(1)
        return QUALIFIER_OF[word], start - (len(folded[max(0, start - 24):start])
                                            - before.start()), end
    after = _QUAL_AFTER.match(folded[end:end + 10])
    if after:
        return QUALIFIER_OF[after.group(1)], start, end  # 余 sits before the measure word
    return "", start, end


def mentions(sentence: str, unit_at) -> list[Mention]:
    """Every number in ``sentence``, in order. ``unit_at(folded, pos)`` reads the unit that
    begins at ``pos`` and returns ``(unit key, scale, end)`` or None
    (:func:`core.reports.units.unit_at`)."""
    f = fold(sentence)
    taken = [False] * len(f)

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def take(a: int, b: int) -> None:
        for i in range(a, b):
            taken[i] = True

    for m in SKIP.finditer(f):
        take(m.start(), m.end())
    out: list[Mention] = []

    def add(start: int, end: int, value, *, soft: bool = False, unit: str = "",
            scale: float = 1.0) -> None:
        qual, lead, _ = _qualifier(f, start, end)
        tail = end
        if not unit:
            after = _QUAL_AFTER.match(f[end:end + 10])
            pos = end + (after.end() if after and after.group(1) in ("余", "多") else 0)
            got = unit_at(f, pos)
            if got:
                unit, scale, tail = got
            elif pos != end:
                tail = pos
        if isinstance(value, float):
            value = value * scale
        if not qual:  # "97%以上": the qualifier after the unit
            after = _QUAL_AFTER.match(f[tail:tail + 10])
            if after:
                qual = QUALIFIER_OF[after.group(1)]
        out.append(Mention(start, tail, value, unit, qual, soft, lead))
        take(start, tail)

    for m in _CLASS.finditer(f):
        if free(m.start(), m.end()):
            roman = (m.group(1) or m.group(3)).upper()
            roman = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V"}.get(roman, roman)
            add(m.start(), m.end(), "worse than V" if m.group(2) else roman, unit="class")
    for m in _RANK.finditer(f):
        g = m.group(1) or m.group(2)
        n = _ordinal(g)
        if n is not None and free(m.start(), m.end()):
            start = m.start(1) if m.group(1) else m.start(2)
            out.append(Mention(start, m.end(), float(n), "rank", "", False, start))
            take(m.start(), m.end())
    for m in _NUM.finditer(f):
        if not free(m.start(), m.end()):
            continue
        end = m.end()
        if end < len(f) and f[end].isalpha() and f[end].isascii() and \
                not re.match(r"(?:t|kg|km|m|g|mg|µg|μg|pp|mu|cny)\b", f[end:end + 4]):
            continue  # part of a name or code
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        mult = _MULT.match(f[end:end + 12])
        if mult:
            value *= MULTIPLIERS[mult.group(1) or mult.group(2)]
            end += mult.end()
        add(m.start(), end, value)
    for m in _ZH_NUM.finditer(f):
        text = m.group()
        if not free(m.start(), m.end()) or not any(c in text for c in _ZH_DIGITS + "十"):
            continue
        if not _ZH_MEASURE.match(f[m.end():m.end() + 3]) and not text[-1] in "万亿":
            continue
        v = zh_number(text)
        if v is not None:
            add(m.start(), m.end(), float(v))
    for m in _WORD_NUM.finditer(f):
        if free(m.start(), m.end()):
            add(m.start(), m.end(), float(_WORDS[m.group(1)]))
    for m in _SOFT.finditer(f):
        if not free(m.start(), m.end()):
            continue
        w = m.group()
        if w in ("no", "无", "未出现"):
            add(m.start(), m.end(), 0.0, soft=True)
        elif w in ("doubled", "tripled"):
            add(m.start(), m.end(), 2.0 if w == "doubled" else 3.0, soft=True, unit="times")
        else:
            add(m.start(), m.end(), 100.0, soft=True, unit="%")
    out.sort(key=lambda x: x.start)
    return out
