"""Tables for people: figures and the scorecard with names, units and formatted values.

Shared by the command line, the window's models and the Excel export, so a value reads the same
everywhere. ``lang`` is ``en`` or ``zh_CN``.
"""
from __future__ import annotations

import weakref

import pandas as pd

from . import marks, vocabulary
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
    return target_text(get("target_comparator"), get("target_value"),
                       get("target_value_high"), kind, decimals, lang)


def _targets(sc: pd.DataFrame, lang: str) -> list[str]:
    cols = [c for c in ("target_comparator", "target_value", "target_value_high",
                        "value_kind", "decimals", "target_source", "band_low", "band_high")
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

    def fmt(col, signed=False):
        out = []
        for v, k, d, q in zip(sc[col], sc["value_kind"], sc["decimals"],
                              sc["qualifier"] if col == "latest_value" else [""] * len(sc)):
            if pd.isna(v):
                out.append("")
            elif signed and k != "class":
                out.append(f"{v:+,.{int(d)}f}")
            elif signed:
                out.append(f"{v:+.0f}")
            else:
                out.append(format_value(v, k, int(d), qualifier=q or "", lang=lang))
        return out

    return pd.DataFrame({
        "indicator": sc["indicator"], "name": sc[nc], "area": sc["area"],
        "area_name": sc["area"].map(ar[nc]), "unit": units(sc, lang),
        "latest_period": periods.all(sc["latest_period"]), "latest": fmt("latest_value"),
        "target": _targets(sc, lang),
        "target_period": periods.all(sc["target_period"]),
        "gap": fmt("gap", signed=True),
        "gap_pct": [f"{v:+.1f}%" if pd.notna(v) else "" for v in sc["gap_pct"]],
        "change": fmt("change", signed=True),
        "prev_period": periods.all(sc["prev_period"]) if "prev_period" in sc else "",
        "previous": fmt("prev_value") if "prev_value" in sc else "",
        "previous_shown": _previous(fmt("prev_value"), periods.all(sc["prev_period"]), lang)
        if "prev_value" in sc else "",
        "marks": [marks.text(m, lang) for m in row_marks],
        "mark_symbols": [marks.symbols(m) for m in row_marks],
        "period_status": [vocabulary.words(s, lang) for s in sc["period_status"]],
        "course_status": [vocabulary.words(s, lang) for s in sc["course_status"]],
        "warnings": sc["warnings"],
    })
