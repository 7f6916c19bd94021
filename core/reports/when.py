"""When a report speaks of: its own period and date, and the periods its sentences name.

A press release names its half-year once ("in the first half of 2024", "H1 2025",
"2024年上半年") and then says "the first half of the year", "as of June", "By June 30",
"上半年", "截至6月底": all of them that period. A sentence may name another one ("the 2024
list", "2023年"), and "the same period last year" is the year before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..periods import Period

_MONTH_NAMES = {m: i for i, m in enumerate(
    ("january february march april may june july august september october november "
     "december").split(), start=1)}
_HALF = [
    (re.compile(r"\b(first|second)\s+half\s+(?:of\s+)?(?:the\s+year\s+)?(\d{4})\b"),
     lambda m: (int(m.group(2)), 1 if m.group(1) == "first" else 2)),
    (re.compile(r"\b(\d{4})\s+(first|second)\s+half\b"),
     lambda m: (int(m.group(1)), 1 if m.group(2) == "first" else 2)),
    (re.compile(r"\bh([12])\s*(\d{4})\b"), lambda m: (int(m.group(2)), int(m.group(1)))),
    (re.compile(r"\b(\d{4})\s*h([12])\b"), lambda m: (int(m.group(1)), int(m.group(2)))),
    (re.compile(r"(\d{4})\s*年\s*(上|下)半年"),
     lambda m: (int(m.group(1)), 1 if m.group(2) == "上" else 2)),
    (re.compile(r"(\d{4})\s*年\s*1\s*[-至到~]\s*6\s*月"), lambda m: (int(m.group(1)), 1)),
    (re.compile(r"january\s+to\s+june,?\s+(\d{4})"), lambda m: (int(m.group(1)), 1)),
]
# the report's own half-year without its year
_THIS_HALF = re.compile(r"(first half of (?:this|the) year|h1 of (?:this|the) year|上半年|"
                        r"from january to june|january to june|1\s*[-至到~]\s*6\s*月|"
                        r"as of (?:the end of )?june|by june 30|by the end of june|"
                        r"截至\s*6\s*月底?|截至\s*6\s*月\s*30\s*日)")
_LAST_YEAR = re.compile(r"same period (?:of )?last year|same period a year (?:earlier|ago)|"
                        r"去年同期|上年同期")
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?:\s*年)?(?![\d.,%])")
_DATE_EN = re.compile(r"\b(" + "|".join(_MONTH_NAMES) + r")\s+(\d{1,2})(?:st|nd|rd|th)?"
                      r"(?:,?\s*(\d{4}))?")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_ZH = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass(frozen=True)
class ReportTime:
    """The report's half-year (None when it names none) and its date (None when unknown)."""

    period: Period | None
    date: date | None


def half_in(folded: str) -> Period | None:
    """The first half-year named with its year in ``folded`` text."""
    best = None
    for rx, get in _HALF:
        m = rx.search(folded)
        if m and (best is None or m.start() < best[0]):
            year, half = get(m)
            best = (m.start(), Period(year, "half", half))
    return best[1] if best else None


def _date_in(folded: str, year_hint: int | None) -> date | None:
    for rx in (_DATE_ISO, _DATE_ZH, _DATE_EN):
        for m in rx.finditer(folded):
            try:
                if rx is _DATE_ISO:
                    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                if rx is _DATE_ZH:
                    y = int(m.group(1)) if m.group(1) else year_hint
                    if y:
                        return date(y, int(m.group(2)), int(m.group(3)))
                else:
                    y = int(m.group(3)) if m.group(3) else year_hint
                    # a date in a report about a half-year is after it ends, not within it
                    if y and _MONTH_NAMES[m.group(1)] >= 7 or (m.group(3) and y):
                        return date(y, _MONTH_NAMES[m.group(1)], int(m.group(2)))
            except ValueError:
                continue
    return None


def report_time(folded: str, given: date | None = None) -> ReportTime:
    """The report's half-year and date, from its text, else from ``given`` (the date a
    person gave, or the file's)."""
    period = half_in(folded)
    when = _date_in(folded, period.year if period else (given.year if given else None))
    when = when or given
    if period is None and when is not None and _THIS_HALF.search(folded):
        period = Period(when.year if when.month >= 7 else when.year - 1,
                        "half", 1 if when.month >= 7 else 2)
    return ReportTime(period, when)


def sentence_period(folded: str, default: Period | None) -> Period | None:
    """The half-year a sentence is about: the one it names, else ``default``."""
    return half_in(folded) or default


def year_in(folded: str) -> int | None:
    """A year named in a sentence (``2024``, ``2024年``)."""
    m = _YEAR.search(folded)
    return int(m.group(1)) if m else None


def says_last_year(folded: str) -> bool:
    return bool(_LAST_YEAR.search(folded))
