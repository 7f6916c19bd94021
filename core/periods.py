"""Reporting periods: ``2024``, ``2024H1``, ``2024Q2``, ``2024-06``.

A :class:`Period` knows its first and last day. Periods of different types sort on true dates:
by start date, then the longer period first (``2024`` < ``2024H1`` < ``2024Q1`` < ``2024-01``),
so a year heads the parts it contains.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache, total_ordering

from .errors import PeriodError
from .i18n import N_, language, tr

_RE = re.compile(r"^(\d{4})(?:[ -]?(H)([12])|[ -]?(Q)([1-4])|-(\d{2}))?$")
# What a Chinese desk writes: 2025年上半年, 2025年第二季度, 2025年6月, 2025年, 2025年1-6月.
_ZH_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ZH_HALF = re.compile(r"^(\d{4})年?(上|下)半年$")
_ZH_QUARTER = re.compile(r"^(\d{4})年?第?([一二三四1-4])季度$")
_ZH_MONTH = re.compile(r"^(\d{4})年(\d{1,2})月份?$")
_ZH_YEAR = re.compile(r"^(\d{4})年(?:度|全年)?$")
_ZH_SPAN = re.compile(r"^(\d{4})年(\d{1,2})(?:月)?[-—–~～至到](\d{1,2})月$")
# months a span of 1-6月 style covers -> (kind, index)
_SPANS = {(1, 6): ("half", 1), (7, 12): ("half", 2), (1, 3): ("quarter", 1),
          (4, 6): ("quarter", 2), (7, 9): ("quarter", 3), (10, 12): ("quarter", 4),
          (1, 12): ("year", 1)}

KINDS = ("year", "half", "quarter", "month")
_MONTHS_PER = {"year": 12, "half": 6, "quarter": 3, "month": 1}
_RANK = {"year": 0, "half": 1, "quarter": 2, "month": 3}
# One whole sentence per period type, so a translation can name the type in its own words.
_OUTSIDE = {"year": N_("year number {index} is outside 1..{top}"),
            "half": N_("half number {index} is outside 1..{top}"),
            "quarter": N_("quarter number {index} is outside 1..{top}"),
            "month": N_("month number {index} is outside 1..{top}")}


@total_ordering
@dataclass(frozen=True, slots=True)
class Period:
    """One reporting period.

    Parameters
    ----------
    year : int
    kind : str
        ``year``, ``half``, ``quarter`` or ``month``.
    index : int
        1 for a year; 1-2 for a half; 1-4 for a quarter; 1-12 for a month.
    """

    year: int
    kind: str
    index: int = 1

    def __post_init__(self) -> None:
        if self.kind not in _MONTHS_PER:
            raise PeriodError(tr("unknown period type {kind}", kind=repr(self.kind)))
        top = 12 // _MONTHS_PER[self.kind]
        if not 1 <= self.index <= top:
            raise PeriodError(tr(_OUTSIDE[self.kind], index=self.index, top=top))
        if not 1900 <= self.year <= 2200:
            raise PeriodError(tr("year {year} is outside 1900..2200", year=self.year))

    @property
    def code(self) -> str:
        if self.kind == "year":
            return f"{self.year}"
        if self.kind == "half":
            return f"{self.year}H{self.index}"
        if self.kind == "quarter":
            return f"{self.year}Q{self.index}"
        return f"{self.year}-{self.index:02d}"

    def __str__(self) -> str:
        return self.code

    @property
    def first_month(self) -> int:
        return (self.index - 1) * _MONTHS_PER[self.kind] + 1

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        last = self.first_month + _MONTHS_PER[self.kind] - 1
        return date(self.year, last, calendar.monthrange(self.year, last)[1])

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def mid(self) -> date:
        """The middle day, where a plot places the period's point."""
        return self.start + timedelta(days=(self.days - 1) / 2)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Integer key: start as ``year*100+month``, then longer first."""
        return (self.year * 100 + self.first_month, _RANK[self.kind], 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key < other.sort_key

    def previous(self) -> Period:
        """The period of the same type just before this one."""
        if self.index > 1:
            return Period(self.year, self.kind, self.index - 1)
        return Period(self.year - 1, self.kind, 12 // _MONTHS_PER[self.kind])

    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.kind, self.index)

    def years_until(self, other: Period) -> float:
        """Years between the ends of two periods (the growth method's time span)."""
        return (other.end - self.end).days / 365.25


@lru_cache(maxsize=4096)
def parse_period(text: str | int | Period) -> Period:
    """Parse a period code.

    >>> parse_period("2024H1").end
    datetime.date(2024, 6, 30)

    Raises
    ------
    PeriodError
        For anything that is not one of the four forms.
    """
    if isinstance(text, Period):
        return text
    s = unicodedata.normalize("NFKC", str(text)).strip().replace(" ", "")
    zh = _parse_chinese(s)
    if zh is not None:
        return zh
    s = s.upper()
    m = _RE.match(s)
    if not m:
        raise PeriodError(tr("malformed period {text}: use 2024, 2024H1, 2024Q2 or 2024-06",
                             text=repr(str(text))))
    year = int(m.group(1))
    if m.group(2):
        return Period(year, "half", int(m.group(3)))
    if m.group(4):
        return Period(year, "quarter", int(m.group(5)))
    if m.group(6):
        month = int(m.group(6))
        if not 1 <= month <= 12:
            raise PeriodError(tr("malformed period {text}: month {month} is not 01..12",
                                 text=repr(str(text)), month=month))
        return Period(year, "month", month)
    return Period(year, "year", 1)


def _parse_chinese(s: str) -> Period | None:
    """A period written the Chinese way, or None when ``s`` is not one."""
    if "年" not in s and "季度" not in s and "半年" not in s:
        return None
    if m := _ZH_HALF.match(s):
        return Period(int(m.group(1)), "half", 1 if m.group(2) == "上" else 2)
    if m := _ZH_QUARTER.match(s):
        return Period(int(m.group(1)), "quarter", _ZH_NUM[m.group(2)])
    if m := _ZH_MONTH.match(s):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise PeriodError(tr("malformed period {text}: month {month} is not 01..12",
                                 text=repr(s), month=month))
        return Period(int(m.group(1)), "month", month)
    if m := _ZH_YEAR.match(s):
        return Period(int(m.group(1)), "year", 1)
    if (m := _ZH_SPAN.match(s)) and (int(m.group(2)), int(m.group(3))) in _SPANS:
        kind, index = _SPANS[(int(m.group(2)), int(m.group(3)))]
        return Period(int(m.group(1)), kind, index)
    return None


_ZH_QUARTER_NAMES = ("一", "二", "三", "四")
# Names of the period types, for messages that list the types an indicator takes.
KIND_NAMES = {"year": N_("year"), "half": N_("half-year"), "quarter": N_("quarter"),
              "month": N_("month")}


def period_label(code: str | Period, lang: str = "en") -> str:
    """A period as a person reads it: ``2025H1`` in English, ``2025年上半年`` in Chinese."""
    p = parse_period(code)
    if not lang.startswith("zh"):
        return p.code
    if p.kind == "year":
        return f"{p.year}年"
    if p.kind == "half":
        return f"{p.year}年{'上' if p.index == 1 else '下'}半年"
    if p.kind == "quarter":
        return f"{p.year}年第{_ZH_QUARTER_NAMES[p.index - 1]}季度"
    return f"{p.year}年{p.index}月"


def shown(code: str | Period) -> str:
    """A period as a message shows it, in the language messages are made in."""
    return period_label(code, language())


def kind_names(kinds) -> str:
    """``half-year, year``: the period types ``kinds``, named in the current language."""
    names = [tr(KIND_NAMES[k]) for k in KINDS if k in kinds]
    out = names[0] if names else ""
    for name in names[1:]:
        out = tr("{first}, {next}", first=out, next=name)
    return out


def period_sort_key(code: str) -> tuple[int, int, int]:
    """Sort key for a period code (use with ``sorted(codes, key=period_sort_key)``)."""
    return parse_period(code).sort_key


def is_period(text: str) -> bool:
    try:
        parse_period(text)
    except PeriodError:
        return False
    return True


def period_ord(code: str | Period) -> int:
    """The integer stored in ``period_ord`` columns: ``(year*100 + first month)*10 + rank``."""
    start, rank, _ = parse_period(code).sort_key
    return start * 10 + rank
