"""Read a report's sentences into proposed figures, and list the numbers it cannot place.

For each number of a sentence (:mod:`.numbers`), the indicators whose names or wordings
(:mod:`.wordings`) stand next to it, between it and its neighbouring numbers, are candidates
when the number's unit fits the indicator's (a share needs %, a concentration µg/m³, a count
a bare number). Each candidate is scored by how far the wording is and how many clause
breaks (commas, "and") lie between; the best pairs are taken first, each number and each
wording once. A number after "up", "下降" ... with "year-on-year" / "同比" is a change of the
figure before it, and gives the same period a year earlier as a derived figure with its
arithmetic; a number after "from" ... "the same period last year" is that earlier figure as
stated. The area is the one a sentence names nearest the number, else the one the
paragraph was about ("our district" is the last district named), else the municipality.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal

import pandas as pd

from ..i18n import tr
from ..names import area_keys
from ..periods import Period
from . import units, when
from .numbers import Mention, fold, mentions
from .wordings import phrases

_SENTENCE = re.compile(r"(?<=[。！？；;])|(?<=[.!?])\s+|(?<=[.!?][\"'”’)])\s+")
_BREAK = re.compile(r"[,;，；、()（）:：]|\band\b|以及|并且|和")
_PUNCT = re.compile(r"[,;，；、()（）:：]")
_UP = re.compile(r"(increase[sd]?(?: of| by)?|up(?: by)?|rose(?: by)?|rise of|rising by|"
                 r"grew(?: by)?|growth of|higher by|improved by|gain of|增加|增长|上升|提高|"
                 r"增多|多)\s*$")
_DOWN = re.compile(r"(decrease[sd]?(?: of| by)?|down(?: by)?|drop(?:ped)?(?: of| by)?|"
                   r"fell(?: by)?|fall of|falling by|declined?(?: of| by)?|reduction of|"
                   r"reduced by|lower by|cut by|下降|减少|降低|改善|减)\s*$")
# "2.4 micrograms lower than a year earlier": the direction after the number
_AFTER_UP = re.compile(r"^\s*(higher|more|up|greater|above|增加|上升|增长)\b")
_AFTER_DOWN = re.compile(r"^\s*(lower|less|fewer|down|below|减少|下降|降低)\b")
_YOY = re.compile(r"year[- ]on[- ]year|year over year|same period (?:of )?last year|"
                  r"a year (?:earlier|ago)|over last year|compared with last year|同比|"
                  r"去年同期|上年同期|比上年|较上年")
_FROM = re.compile(r"(from|compared with|compared to|against|versus|vs\.?|去年同期(?:的|为)?|"
                   r"上年同期(?:的|为)?|较|比)\s*$")
_OF_NEXT = re.compile(r"^\s*(?:of|out of|among)\s+(?:the\s+)?$")
_HERE = re.compile(r"\b(?:our|the|this) (?:district|county)\b|该区|本区|全区|该县|本县|全县")
_CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_DISTANCE = 120


@dataclass
class Proposal:
    """One figure a report gives (or implies), as the rules will take it."""

    indicator: str
    area: str
    period: str
    value: float | str  # a class name for class indicators
    qualifier: str
    sentence: str
    paragraph: int
    span: tuple[int, int]  # of the number in the sentence
    written: str  # the number as the report writes it
    derived: bool = False
    derivation: str = ""
    note: str = ""
    also: list[int] = field(default_factory=list)  # other paragraphs saying the same

    @property
    def source_ref(self) -> str:
        return "para " + ", ".join(str(p) for p in [self.paragraph, *self.also])


@dataclass
class Unplaced:
    """A number the reader found but could not make a figure of, with why."""

    written: str
    sentence: str
    paragraph: int
    span: tuple[int, int]
    reason: str
    area: str = ""
    period: str = ""


@dataclass
class Reading:
    proposals: list[Proposal]
    unplaced: list[Unplaced]
    period: Period | None
    date: object  # datetime.date | None
    title: str


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut into sentences (a decimal point is not an end)."""
    return [s.strip() for s in _SENTENCE.split(paragraph) if s and s.strip()]


def _round(x: float, places: int) -> float:
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN))


def _decimals(x: float) -> int:
    s = f"{x:.10g}"
    return len(s.split(".")[1]) if "." in s else 0


def _fmt(x: float) -> str:
    return f"{x:.10g}"


class _Areas:
    def __init__(self, areas: pd.DataFrame):
        top = areas[areas["parent"].isna() | (areas["parent"].astype(str) == "")]
        self.city = str(top["code"].iat[0]) if len(top) else ""
        keys = area_keys(areas)
        self.keys = sorted(((fold(k), c) for k, c in keys.items()
                            if len(k) >= (2 if _CJK.search(k) else 4)),
                           key=lambda t: -len(t[0]))

    def named(self, folded: str) -> list[tuple[int, str]]:
        """(position, code) of every area named in a sentence."""
        found, used = [], [False] * len(folded)
        for k, code in self.keys:
            start = 0
            while (i := folded.find(k, start)) >= 0:
                start = i + 1
                j = i + len(k)
                if any(used[i:j]):
                    continue
                if not _CJK.search(k) and ((i and folded[i - 1].isalnum()) or
                                           (j < len(folded) and folded[j].isalpha()
                                            and folded[j:j + 2] != "'s")):
                    continue
                for x in range(i, j):
                    used[x] = True
                found.append((i, code))
        return sorted(found)


class Reader:
    """Reads reports against one database's indicators and areas."""

    def __init__(self, indicators: pd.DataFrame, areas: pd.DataFrame):
        self.ind = indicators.set_index("code", drop=False)
        self.phrases = phrases(indicators)
        self.areas = _Areas(areas)
        self.unit = {c: units.indicator_unit(u, k)
                     for c, u, k in zip(indicators["code"], indicators["unit"],
                                        indicators["value_kind"])}

    # -- the whole report ---------------------------------------------------------------
    def read(self, paragraphs: list[str], given_date=None) -> Reading:
        folded_all = fold("\n".join(paragraphs))
        t = when.report_time(folded_all, given_date)
        proposals: list[Proposal] = []
        unplaced: list[Unplaced] = []
        last_district = ""
        for n, para in enumerate(paragraphs, start=1):
            carried = ""
            for sent in sentences(para):
                f = fold(sent)
                named = self.areas.named(f)
                districts = [c for _, c in named if c != self.areas.city]
                if not named and _HERE.search(f) and last_district:
                    carried = last_district  # "our district": the one last named
                period = when.sentence_period(f, t.period)
                p, u = self._sentence(sent, f, n, named, carried or self.areas.city, period)
                if named:  # the paragraph goes on about the area it last named
                    carried = named[-1][1]
                if districts:
                    last_district = districts[-1]
                proposals += p
                unplaced += u
        title = paragraphs[0][:200] if paragraphs else ""
        return Reading(_merge(proposals), unplaced, t.period, t.date, title)

    # -- one sentence -------------------------------------------------------------------
    def _sentence(self, sent: str, f: str, para: int, named, area_default: str,
                  period: Period | None):
        ms = mentions(sent, units.unit_at)
        if not ms:
            return [], []
        zh = bool(_CJK.search(f))
        gaps_before = [f[(ms[i - 1].end if i else 0):m.lead] for i, m in enumerate(ms)]
        role = ["value"] * len(ms)
        up: dict[int, bool] = {}
        for i, m in enumerate(ms):
            before = gaps_before[i][-40:]
            after = f[m.end:m.end + 60]
            if _UP.search(before) or _DOWN.search(before):
                said = _UP.search(before) is not None
            elif _AFTER_UP.match(after) or _AFTER_DOWN.match(after):
                said = _AFTER_UP.match(after) is not None
            else:
                said = None
            if isinstance(m.value, float) and said is not None and \
                    (_YOY.search(before) or _YOY.search(after)):
                role[i], up[i] = "change", bool(said)
            elif i and _FROM.search(before) and (when.says_last_year(after) or
                                                 when.says_last_year(before)):
                role[i] = "previous"
        occ = self._occurrences(f)
        cands = []
        for i, m in enumerate(ms):
            if role[i] != "value":
                continue
            lo = ms[i - 1].end if i else 0
            hi = ms[i + 1].lead if i + 1 < len(ms) else len(f)
            # "492 of the 3421 complaints ... completed": the words after the second number
            # belong to both
            if i + 1 < len(ms) and _OF_NEXT.match(f[m.end:ms[i + 1].lead]):
                hi = ms[i + 2].lead if i + 2 < len(ms) else len(f)
            for k, (a, b, code, plen) in enumerate(occ):
                if not units.fits(m.unit, self.unit[code][0]):
                    continue
                if lo <= a and b <= m.lead:
                    gap, side = f[b:m.lead], 0 if zh else 5
                elif m.start < a and b <= hi and (a >= m.end or b > m.end):
                    gap, side = f[m.end:max(a, m.end)], 0  # may begin in the unit: "163 days of"
                else:
                    continue
                if len(gap) > MAX_DISTANCE:
                    continue
                score = len(gap) + 40 * len(_BREAK.findall(gap)) + side - min(plen, 40) / 8
                cands.append((score, i, k, code))
        cands.sort()
        placed: dict[int, str] = {}
        used_occ, used_ind = set(), set()
        for score, i, k, code in cands:
            if i in placed or k in used_occ or code in used_ind:
                continue
            placed[i] = code
            used_occ.add(k)
            used_ind.add(code)
        out, lost = [], []

        def area_of(m: Mention) -> str:
            # an area named before the number, or after it within its clause ("one of eight
            # rivers named to Chongqing's list", not "332 hazards, and guided Changshou ...")
            near = [(m.start - p, c) for p, c in named if p < m.start] + \
                [(p - m.end, c) for p, c in named
                 if p >= m.end and not _PUNCT.search(f[m.end:p])]
            return min(near)[1] if near else area_default

        def written(m: Mention) -> str:
            return sent[m.lead:m.end]

        made: dict[int, Proposal] = {}
        for i, m in enumerate(ms):
            if i in placed:
                code = placed[i]
                pp = self._period_for(code, f, period)
                if pp is None:
                    lost.append(Unplaced(written(m), sent, para, (m.lead, m.end),
                                         tr("the report names no period for it"),
                                         area_of(m)))
                    continue
                value = self._value(code, m)
                made[i] = Proposal(code, area_of(m), pp.code, value, m.qualifier, sent, para,
                                   (m.lead, m.end), written(m))
        for i, m in enumerate(ms):
            if role[i] == "value":
                continue
            depth = _depth(f, m.start)  # "(excellent 72 days, ...), an increase of 6 days"
            base = next((j for j in range(i - 1, -1, -1)
                         if j in made and _depth(f, ms[j].start) == depth), None)
            if base is None:
                lost.append(Unplaced(written(m), sent, para, (m.lead, m.end),
                                     tr("a change or an earlier value, but of no figure "
                                        "read before it in the sentence"), area_default))
                continue
            b = made[base]
            got = (self._earlier(b, m, up[i])
                   if role[i] == "change" else self._stated_earlier(b, m))
            if isinstance(got, str):
                lost.append(Unplaced(written(m), sent, para, (m.lead, m.end), got, b.area,
                                     b.period))
            else:
                got.written = written(m)
                got.span = (m.lead, m.end)
                made[1000 + i] = got
        for i, m in enumerate(ms):
            if i in placed or role[i] != "value" or m.soft:
                continue
            lost.append(Unplaced(written(m), sent, para, (m.lead, m.end),
                                 self._why_not(m, occ), area_of(m),
                                 period.code if period else ""))
        out = [made[k] for k in sorted(made)]
        return _prefer_stated(out), lost

    def _occurrences(self, f: str) -> list[tuple[int, int, str, int]]:
        """(start, end, indicator, length) of every name or wording in the sentence; one
        inside a longer one of another indicator is dropped ("carbon market" in "local
        carbon markets")."""
        found: list[tuple[int, int, str, int]] = []
        for p, code in self.phrases:
            start = 0
            while (i := f.find(p, start)) >= 0:
                start = i + 1
                j = i + len(p)
                if not _CJK.search(p) and ((i and f[i - 1].isalnum() and p[0].isalnum()) or
                                           (j < len(f) and f[j].isalnum() and p[-1].isalnum()
                                            and f[j] != "s")):
                    continue
                if any(a <= i and j <= b and c != code for a, b, c, _ in found):
                    continue
                found.append((i, j, code, len(p)))
        return found

    def _why_not(self, m: Mention, occ) -> str:
        if m.unit == "pp":
            return tr("a difference in percentage points, not a figure")
        if occ:
            return tr("no indicator in its unit is named near it")
        return tr("no indicator is named near it")

    def _period_for(self, code: str, f: str, period: Period | None) -> Period | None:
        ind = self.ind.loc[code]
        types = [t for t in str(ind.get("period_types") or "").split(",") if t] or \
            [str(ind["period_type"])]
        year = when.year_in(f)
        if "half" not in types and "year" in types:
            y = year or (period.year if period else None)
            return Period(y, "year") if y else None
        return period

    def _value(self, code: str, m: Mention):
        key, scale = self.unit[code]
        if key == "class":
            return m.value
        v = float(m.value) / scale
        return _round(v, max(0, _decimals(float(m.value)) + len(str(int(scale))) - 1))

    def _earlier(self, b: Proposal, m: Mention, up: bool):
        """The figure a year before ``b``, from a stated change ``m``; or why not."""
        kind = str(self.ind.loc[b.indicator, "value_kind"])
        if kind == "class" or isinstance(b.value, str):
            return tr("a change of a class cannot be worked back")
        key, scale = self.unit[b.indicator]
        sign = 1 if up else -1
        word = tr("increase") if up else tr("decrease")
        dec = int(self.ind.loc[b.indicator, "decimals"])
        if m.unit == "%" and kind != "percent":
            r = float(m.value) / 100
            v = _round(b.value / (1 + sign * r), dec)
            how = tr("{value} / (1 {sign} {rate}) = {result} (this period's value and the "
                     "stated year-on-year {word} of {pct}%)", value=_fmt(b.value),
                     sign="+" if up else "-", rate=_fmt(r), result=_fmt(v), word=word,
                     pct=_fmt(float(m.value)))
        elif (m.unit == "pp" and kind == "percent") or (m.unit == key and m.unit != "%") or (
                m.unit == "" and key in ("", "days")):
            d = float(m.value) / scale
            places = max(_decimals(b.value), _decimals(d))
            v = _round(b.value - sign * d, places)
            how = tr("{value} {op} {change} = {result} (this period's value and the stated "
                     "year-on-year {word})", value=_fmt(b.value), op="-" if up else "+",
                     change=_fmt(d), result=_fmt(v), word=word)
        elif m.unit == "%" and kind == "percent":
            return tr("a share's change in % is ambiguous (percentage points or relative): "
                      "not worked back")
        else:
            return tr("the change's unit does not fit the indicator")
        earlier = _parse(b.period).same_period_last_year()
        return Proposal(b.indicator, b.area, earlier.code, v, "", b.sentence, b.paragraph,
                        (0, 0), "", True, how)

    def _stated_earlier(self, b: Proposal, m: Mention):
        key, _ = self.unit[b.indicator]
        if not units.fits(m.unit, key):
            return tr("the earlier value's unit does not fit the indicator")
        earlier = _parse(b.period).same_period_last_year()
        return Proposal(b.indicator, b.area, earlier.code, self._value(b.indicator, m),
                        m.qualifier, b.sentence, b.paragraph, (0, 0), "")


def _depth(f: str, pos: int) -> int:
    return f.count("(", 0, pos) - f.count(")", 0, pos)


def _parse(code: str) -> Period:
    from ..periods import parse_period

    return parse_period(code)


def _prefer_stated(props: list[Proposal]) -> list[Proposal]:
    """A derived figure the sentence also states is dropped; the stated one notes the check."""
    stated = {(p.indicator, p.area, p.period): p for p in props if not p.derived}
    out = []
    for p in props:
        s = stated.get((p.indicator, p.area, p.period))
        if p.derived and s is not None:
            s.note = tr("the stated change gives {value} ({how})", value=_fmt(p.value),
                        how=p.derivation)
            continue
        out.append(p)
    return out


def _merge(props: list[Proposal]) -> list[Proposal]:
    """The same figure said twice (a headline and its paragraph) is one proposal."""
    out: list[Proposal] = []
    seen: dict[tuple, Proposal] = {}
    for p in props:
        k = (p.indicator, p.area, p.period, p.value, p.qualifier)
        if k in seen:
            if p.paragraph != seen[k].paragraph and p.paragraph not in seen[k].also:
                seen[k].also.append(p.paragraph)
            continue
        seen[k] = p
        out.append(p)
    return out

