"""Tables for people: figures and the scorecard with names, units and formatted values.

Shared by the command line, the window's models and the Excel export, so a value reads the same
everywhere. ``lang`` is ``en`` or ``zh_CN``.
"""
from __future__ import annotations

import weakref

import pandas as pd

from . import convention, marks, vocabulary

from .errors import EcoError
from .i18n import tr
from .periods import is_period, period_label, period_ord
from .values import format_value

COMPARATOR_TEXT = {">=": "≥", "<=": "≤", "=": "=", "between": ""}


class PeriodNames:
    """Period codes as people read them in ``lang`` (``2025年上半年`` in Chinese, ``2025H1``
    in English), each distinct code worked out once: call it per cell of a table or sheet.
    Anything that is not a period code (None, NaN, "") gives ""; text that does not parse is
    shown as it is."""

    def __init__(self, lang: str = "en"):
        self.lang = lang
        self._names: dict = {}

    def __call__(self, code) -> str:
        name = self._names.get(code)
        if name is None:
            name = self._names[code] = self._name(code)
        return name

    def _name(self, code) -> str:
        if not isinstance(code, str) or not code:
            return ""
        try:
            return period_label(code, self.lang)
        except EcoError:
            return code

    def all(self, codes) -> list[str]:
        return [self(c) for c in codes]


def period_ords(codes) -> dict:
    """Distinct period code -> its ``period_ord`` (sorts on dates), for ``Series.map``: a
    table of Chinese period names sorts by these, not by their text."""
    return {c: period_ord(c) for c in pd.unique(pd.Series(codes).dropna())
            if isinstance(c, str) and is_period(c)}


def unit_text(unit: str, unit_zh: str | None, lang: str = "en") -> str:
    """The indicator's unit in the display language (the English one when no Chinese one)."""
    if lang.startswith("zh") and isinstance(unit_zh, str) and unit_zh:
        return unit_zh
    return unit or ""


def units(frame: pd.DataFrame, lang: str = "en") -> list[str]:
    """``unit_text`` for each row of a frame with ``unit`` and (optionally) ``unit_zh``."""
    zh = frame["unit_zh"] if "unit_zh" in frame else [""] * len(frame)
    return [unit_text(u, z, lang) for u, z in zip(frame["unit"], zh)]


def name_col(lang: str) -> str:
    return "name_zh" if lang.startswith("zh") else "name_en"


def target_text(comparator, value, high, kind: str, decimals: int, lang: str = "en") -> str:
    if comparator is None or pd.isna(comparator) or pd.isna(value):
        return ""
    fmt = lambda v: format_value(v, kind, decimals, lang=lang)  # noqa: E731
    if comparator == "between":
        return f"{fmt(value)} – {fmt(high)}"
    return f"{COMPARATOR_TEXT.get(comparator, comparator)} {fmt(value)}"


def source_text(source_id, source_ref, sources: pd.DataFrame) -> str:
    """``Publisher, title (date), para 3`` for a source id and reference."""
    return source_namer(sources)(source_id, source_ref)


def records(frame: pd.DataFrame, columns=None) -> list[dict]:
    """Rows of ``frame`` as plain dicts, of ``columns`` (those it has; default all), for
    screens that show a few dozen rows at a time: ``to_dict("records")`` costs several ms
    there."""
    cols = list(frame.columns) if columns is None else [c for c in columns if c in frame]
    return [dict(zip(cols, vals)) for vals in zip(*(frame[c].tolist() for c in cols))]


_last_namer: tuple = (lambda: None, None)  # (weak reference to a sources frame, its namer)


def source_namer(sources: pd.DataFrame):
    """A function ``(source id, reference) -> text`` that looks sources up in a dict made
    once: naming thousands of figures must not filter the sources table each time. The
    namer of the last frame asked for is kept (a window asks for it at every selection)."""
    global _last_namer
    ref, namer = _last_namer
    if ref() is sources:
        return namer
    namer = _make_namer(sources)
    _last_namer = (weakref.ref(sources), namer)
    return namer


def cell_text(value) -> str:
    """A stored cell as text: "" for a missing one (None, or NaN in a frame's row, which
    would otherwise read 'nan')."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def dated_title(source: dict) -> str:
    """``Title (2024-07)`` of a source row; the title alone when it has no date."""
    title, date = cell_text(source.get("title")), cell_text(source.get("date"))
    return f"{title} ({date})" if title and date else title or date


def _make_namer(sources: pd.DataFrame):
    def head(r: dict) -> str:
        return ", ".join(p for p in (cell_text(r.get("publisher")), dated_title(r)) if p)

    heads = {r["id"]: head(r) for r in sources.to_dict("records")}

    def name(source_id, source_ref) -> str:
        ref = cell_text(source_ref)
        if not cell_text(source_id):
            return ref
        head = heads.get(source_id)
        if head is None:
            return f"{source_id}, {ref}".strip(", ")
        return f"{head}, {ref}" if ref else head

    return name


def scorecard_target(row, lang: str = "en") -> str:
    """The Target cell of a scorecard row (a mapping or a named tuple of
    :func:`core.status.scorecard`): the applicable target, or for a band indicator without
    one the band it was judged against (a blank cell beside a gap and a status made no
    sense). The window, ``ecotracker status`` and the meeting workbook all show this."""
    get = row.get if isinstance(row, dict) else lambda k, d=None: getattr(row, k, d)
    kind, decimals = get("value_kind"), int(get("decimals"))
    if get("target_source") == "band":
        band = target_text("between", get("band_low"), get("band_high"), kind, decimals, lang)
        return tr("{band} (its band)", band=band)
    words = get("target_qualitative")
    if isinstance(words, str) and words:
        return words  # a target without a number reads as the document words it
    made = target_text(get("target_comparator"), get("target_value"),
                       get("target_value_high"), kind, decimals, lang)
    rel = get("target_relative")
    if rel is not None and not pd.isna(rel):
        on = relative_words(rel, get("target_baseline_period"), lang,
                            needs=bool(get("target_needs")))
        return f"{made} ({on})" if made else on
    return made


RELATIVE = {"en": ("{change}% on {period}", "{on}: needs the {period} figure"),
            "zh": ("较{period}{change}%", "{on}：需要{period}数据")}


def relative_words(relative, baseline_period, lang: str = "en", *, needs: bool = False) -> str:
    """``-10% on 2020`` / ``较2020年-10%``; with ``needs``, what it waits for."""
    on, wait = RELATIVE["zh" if lang.startswith("zh") else "en"]
    period = PeriodNames(lang)(baseline_period)
    text = on.format(change=f"{float(relative):+g}", period=period)
    if needs:
        text = wait.format(on=text, period=period)
    return text


def period_status_text(row, lang: str = "en") -> str:
    """The words of a row's period status, with ``indicative`` beside a half-year judged
    against an annual target (the window, the workbook and the command line alike)."""
    get = row.get if isinstance(row, dict) else lambda k, d=None: getattr(row, k, d)
    text = vocabulary.words(get("period_status"), lang)
    mark = get("indicative")
    if isinstance(mark, str) and mark and text:
        sep = "（{}）" if lang.startswith("zh") else " ({})"
        return text + sep.format(vocabulary.indicative(lang))
    return text


def delta_measures(sc: pd.DataFrame) -> list[str]:
    """:func:`core.convention.measure_of` for each scorecard row."""
    unit = sc["unit"] if "unit" in sc else [""] * len(sc)
    days = sc["day_count"] if "day_count" in sc else [False] * len(sc)
    return [convention.measure_of(k, u if isinstance(u, str) else "", bool(d) and d == d)
            for k, u, d in zip(sc["value_kind"], unit, days)]


def _targets(sc: pd.DataFrame, lang: str) -> list[str]:
    cols = [c for c in ("target_comparator", "target_value", "target_value_high",
                        "value_kind", "decimals", "target_source", "band_low", "band_high",
                        "target_qualitative", "target_relative", "target_baseline_period",
                        "target_needs")
            if c in sc]
    return [scorecard_target(r, lang) for r in records(sc, cols)]


def _previous(values: list[str], periods: list[str], lang: str) -> list[str]:
    """``37.0 (2024H1)``: the previous comparable figure with its period, one cell."""
    left, right = ("（", "）") if lang.startswith("zh") else (" (", ")")
    return [f"{v}{left}{p}{right}" if v and p else v for v, p in zip(values, periods)]


def scorecard_table(sc: pd.DataFrame, areas: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The scorecard with formatted values and translated statuses."""
    ar = areas.set_index("code")
    nc = name_col(lang)
    periods = PeriodNames(lang)
    row_marks = marks.of_rows(sc)  # provisional, derived, older (core.marks)

    def fmt(col):
        out = []
        for v, k, d, q in zip(sc[col], sc["value_kind"], sc["decimals"],
                              sc["qualifier"] if col == "latest_value" else [""] * len(sc)):
            out.append("" if pd.isna(v) else
                       format_value(v, k, int(d), qualifier=q or "", lang=lang))
        return out

    measures = delta_measures(sc)

    def delta(col, pct, what):
        return [convention.delta(v, p, measure=m, decimals=int(d), lang=lang, what=what)
                for v, p, m, d in zip(sc[col], sc[pct], measures, sc["decimals"])]

    return pd.DataFrame({
        "indicator": sc["indicator"], "name": sc[nc], "area": sc["area"],
        "area_name": sc["area"].map(ar[nc]), "unit": units(sc, lang),
        "latest_period": periods.all(sc["latest_period"]), "latest": fmt("latest_value"),
        "target": _targets(sc, lang),
        "target_period": periods.all(sc["target_period"]),
        "gap": delta("gap", "gap_pct", "gap"),
        "gap_pct": [convention.fixed(v, 1, signed=True) + "%" if pd.notna(v) else ""
                    for v in sc["gap_pct"]],
        "change": delta("change", "change_pct", "change"),
        "prev_period": periods.all(sc["prev_period"]) if "prev_period" in sc else "",
        "previous": fmt("prev_value") if "prev_value" in sc else "",
        "previous_shown": _previous(fmt("prev_value"), periods.all(sc["prev_period"]), lang)
        if "prev_value" in sc else "",
        "marks": [marks.text(m, lang) for m in row_marks],
        "mark_symbols": [marks.symbols(m) for m in row_marks],
        "period_status": [period_status_text(r, lang)
                          for r in records(sc, ("period_status", "indicative"))],
        "course_status": [vocabulary.words(s, lang) for s in sc["course_status"]],
        "warnings": sc["warnings"],
    })


# why a judged status is only indicative, and where a target comes from: the words in both
# languages, as the status words are (core.vocabulary)
_WHY = {
    "en": {"average": "a {kind}'s average judged against an annual target: indicative, since "
                      "the annual value is not the mean of the halves",
           "ratio": "a {kind}'s ratio judged against an annual target: indicative, since the "
                    "year's ratio is recomputed from the year's counts",
           "flow": "a {kind}'s total judged against an annual target: indicative, since the "
                   "year adds the other periods' totals"},
    "zh": {"average": "以{kind}均值对照年度目标，仅供参考：年均值并非两个半年均值的平均",
           "ratio": "以{kind}比率对照年度目标，仅供参考：年度比率须由全年数据重新计算",
           "flow": "以{kind}累计量对照年度目标，仅供参考：全年还包括其他时段"},
}
_KIND_WORDS = {"en": {"half": "half-year", "quarter": "quarter", "month": "month"},
               "zh": {"half": "半年", "quarter": "季度", "month": "月度"}}
KIND_NAMES = {
    "en": {"national_assessment": "national assessment target", "municipal_plan":
           "municipal plan target", "action_plan": "action plan target", "national_binding":
           "national binding target", "standard": "standard", "national_standard":
           "national standard"},
    "zh": {"national_assessment": "国家考核目标", "municipal_plan": "市级规划目标",
           "action_plan": "行动计划目标", "national_binding": "国家约束性目标", "standard": "标准",
           "national_standard": "国家标准"},
}
_DOC = {"en": ("{kind}; {document}", "confidence {confidence}", "from its {n} districts: "
               "{value}", "differs from the reported figure beyond rounding"),
        "zh": ("{kind}；{document}", "可信度 {confidence}", "由{n}个区县合计：{value}",
               "与上报数据之差超出修约误差")}


def _lang(lang: str) -> str:
    return "zh" if lang.startswith("zh") else "en"


def indicative_reason(row, lang: str = "en") -> str:
    """Why a row's period status is only indicative ("" when it is not)."""
    get = row.get if isinstance(row, dict) else lambda k, d=None: getattr(row, k, d)
    mark = get("indicative")
    if not isinstance(mark, str) or not mark:
        return ""
    kind = mark.split(">")[0]
    measure = get("measure") if get("measure") in _WHY["en"] else "flow"
    return _WHY[_lang(lang)][measure].format(kind=_KIND_WORDS[_lang(lang)].get(kind, kind))


def target_provenance(row, lang: str = "en") -> str:
    """The applicable target's kind, document, date and confidence, one line each."""
    get = row.get if isinstance(row, dict) else lambda k, d=None: getattr(row, k, d)
    kind = get("target_kind")
    if not isinstance(kind, str) or not kind:
        return ""
    words = _DOC[_lang(lang)]
    doc = cell_text(get("target_document"))
    date = cell_text(get("target_document_date"))
    if doc and date:
        doc = f"{doc} ({date})"
    name = KIND_NAMES[_lang(lang)].get(kind, kind)
    lines = [words[0].format(kind=name, document=doc) if doc else name]
    conf = cell_text(get("target_confidence"))
    if conf:
        lines.append(words[1].format(confidence=conf))
    return "\n".join(lines)


def from_children_text(row, lang: str = "en") -> str:
    """The figure made from the children of a row's area, and whether it disagrees."""
    get = row.get if isinstance(row, dict) else lambda k, d=None: getattr(row, k, d)
    v = get("from_children")
    if v is None or pd.isna(v):
        return ""
    words = _DOC[_lang(lang)]
    text = words[2].format(n=int(get("children_total") or 0), value=format_value(
        v, get("value_kind"), int(get("decimals") or 0), lang=lang))
    return text + ("\n" + words[3] if get("incoherent") else "")
