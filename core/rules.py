"""The rules of a figure's and a target's fields, each defined once.

A rule reads a column of raw input and gives, for every row, the stored value and the reason
the row is refused (None where it is fine). A typed cell is a column of one; a workbook
import is a column of 100,000. The typed edit, the dialogs, the table, an import and the seed
loader all go through :func:`check_figures` (and :func:`check_targets`), so a value refused on
one road is refused on every road, with the same words.

Speed: a rule's parser runs once per *distinct* input (:func:`per_unique`) and its result is
spread back by integer codes, and a message is made only for a row that has the problem.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import Connection

from . import queries
from .names import area_keys, normalize
from .errors import EcoError, FieldError
from .i18n import tr
from .periods import kind_names, parse_period, period_ord, shown
from .problems import Problem
from .values import MAX_COUNT, class_rank, decimals_problem, more_decimals, parse_qualifier

FIGURE_STATUSES = ("final", "provisional")
TARGET_KINDS = ("national_assessment", "municipal_plan", "action_plan", "national_binding",
                "standard", "national_standard")
# how sure a target's wording is (REFERENCE.md): H exact text seen, M a repost, L secondary
CONFIDENCES = ("", "H", "M-H", "M", "L")
COMPARATORS = (">=", "<=", "=", "between")
_COMPARATOR_WORDS = {"≥": ">=", "≤": "<=", "＝": "=", "==": "=", "between": "between",
                     "不低于": ">=", "不高于": "<=", "不超过": "<=", "区间": "between"}
# The words a desk may type for a status (the window's own words in both languages too).
_STATUS_WORDS = {"final": "final", "provisional": "provisional", "最终": "final",
                 "终值": "final", "正式": "final", "初步": "provisional", "初值": "provisional",
                 "暂定": "provisional", "临时": "provisional"}
_TRUE = {"1", "1.0", "true", "yes", "y", "是", "x", "✓"}
_FALSE = {"", "0", "0.0", "false", "no", "n", "否"}
MAX_TEXT = 32767  # the most a workbook cell holds: a longer note could not go back out
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA


def per_unique(values, fn, *, na: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``fn`` applied once per distinct value of ``values``. Returns (results, messages) as
    object arrays aligned with ``values``: None where ``fn`` raised (its message is then in
    the second array), and where the input is missing unless ``na`` (then ``fn(None)``
    decides a missing input too)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    res = np.empty(len(uniques) + 1, dtype=object)
    err = np.empty(len(uniques) + 1, dtype=object)
    for i, u in enumerate([*uniques, None] if na else uniques):
        try:
            res[i] = fn(u)
        except (EcoError, ValueError) as exc:
            err[i] = str(exc)
    return res[codes], err[codes]  # code -1 picks the trailing slot


def blank(values) -> np.ndarray:
    """True where a cell is missing or only white space (decided once per distinct value)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    empty = np.array([normalize(u) == "" for u in uniques] + [True], dtype=bool)
    return empty[codes]


# ---------------------------------------------------------------------------------------
# one value: the parsers behind the column rules

_PLAIN = re.compile(r"-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?|-?\.\d+|-?\d+(\.\d*)?[eE][+-]?\d+")
_DECIMAL_COMMA = re.compile(r"-?\d+,\d{1,2}|-?\d{1,3}(\.\d{3})+(,\d+)?")


def parse_number(text: object, *, percent: bool = False) -> float:
    """A number as typed or read: ``98.6``, ``1,200``, ``１，２００``, ``3.2e4``; ``98.6%``
    only where ``percent``. Refuses what a person would not mean as one number: a decimal
    comma (``12,5``), misplaced separators (``1,2,3``), ``1_000``, inner blanks, ``inf``."""
    if missing(text):
        raise ValueError(tr("a value is required"))
    if isinstance(text, bool):
        raise ValueError(tr("{text} is not a number", text=repr(text)))
    if isinstance(text, (int, float, np.integer, np.floating)):
        value = float(text)
    else:
        s = normalize(text)
        if s.startswith("+"):
            s = s[1:]
        if s.endswith("%"):
            if not percent:
                raise ValueError(tr("{text} is a percentage, but this indicator is not "
                                    "measured in percent", text=repr(str(text))))
            s = s[:-1].rstrip()
        if not _PLAIN.fullmatch(s):
            if _DECIMAL_COMMA.fullmatch(s):
                raise ValueError(tr("{text} has a decimal comma or misplaced separators: write "
                                    "decimals with a point (12.5) and thousands with commas "
                                    "(1,234.5)", text=repr(str(text))))
            raise ValueError(tr("{text} is not a number", text=repr(str(text))))
        value = float(s.replace(",", ""))
    if not math.isfinite(value):
        raise ValueError(tr("{text} is not a finite number", text=repr(text)))
    return value


def parse_qualifier_text(text: object) -> str:
    """The qualifier rule on one value (full-width and blank taken as a desk means them)."""
    return parse_qualifier("" if missing(text) else normalize(text))


def parse_status(text: object) -> str:
    s = normalize(text).lower() if not missing(text) else ""
    if s == "":
        return "final"
    try:
        return _STATUS_WORDS[s]
    except KeyError:
        raise FieldError(tr("status {status} is not final or provisional",
                            status=repr(str(text))), field="status") from None


def parse_flag(text: object) -> bool:
    if isinstance(text, (bool, np.bool_)):
        return bool(text)
    s = "" if missing(text) else normalize(text).lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise ValueError(tr("{text} is not yes or no", text=repr(str(text))))


def parse_text(text: object) -> str:
    if missing(text):
        return ""
    s = str(text).strip()
    if _CONTROL.search(s):
        raise ValueError(tr("the text holds a control character (such as NUL) that cannot be "
                            "stored"))
    if len(s) > MAX_TEXT:
        raise ValueError(tr("the text has {n} characters; at most {most} can be kept",
                            n=f"{len(s):,}", most=f"{MAX_TEXT:,}"))
    return s


# ---------------------------------------------------------------------------------------
# what the rules look things up in

@dataclass
class Context:
    """What the rules check against: indicators by code, area names, source ids."""

    indicators: pd.DataFrame  # indexed by code
    areas: dict[str, str]
    sources: set[str]

    @classmethod
    def load(cls, conn: Connection) -> Context:
        ind = queries.indicators(conn).set_index("code", drop=False)
        return cls(ind, area_keys(queries.areas(conn)), set(queries.sources(conn)["id"]))

    def area(self, name: object) -> str:
        """The code of an area named any of the ways :func:`area_keys` knows, or raise."""
        code = None if missing(name) else self.areas.get(normalize(name).lower())
        if code is None:
            raise FieldError(_unknown("area", name), field="area")
        return code

    def indicator(self, name: object) -> str:
        s = "" if missing(name) else normalize(name)
        if s in self.indicators.index:
            return s
        ind = self.indicators
        for col in ("code", "name_en", "name_zh"):
            hit = ind.index[ind[col].str.lower() == s.lower()]
            if len(hit):
                return str(hit[0])
        raise FieldError(_unknown("indicator", name), field="indicator")


def _unknown(what: str, v: object) -> str:
    if missing(v) or str(v).strip() == "":
        return tr("unknown area (empty)") if what == "area" else tr("unknown indicator (empty)")
    if what == "area":
        return tr("unknown area {code}", code=repr(str(v)))
    return tr("unknown indicator {code}", code=repr(str(v)))


def _period_code(text: object) -> str:
    if missing(text):
        raise ValueError(tr("a period is required"))
    return parse_period(text).code


def period_types(ind_row) -> tuple[str, ...]:
    """The period types an indicator is reported in (its ``period_types``, else its
    ``period_type`` alone)."""
    listed = str(ind_row.get("period_types") or "").replace(" ", "")
    kinds = tuple(k for k in listed.split(",") if k) if listed else ()
    return kinds or (str(ind_row.get("period_type") or "half"),)


# ---------------------------------------------------------------------------------------
# the column rules


class Flags:
    """Problems found in a column of rows; each row keeps its first problem only."""

    def __init__(self, n: int):
        self.bad = np.zeros(n, dtype=bool)
        self.found: list[tuple[int, str, str]] = []  # (position, field, message)

    def __call__(self, mask, field: str, message) -> None:
        """``message``: a string, or a function of the row position making the string."""
        hit = np.flatnonzero(np.asarray(mask, dtype=bool) & ~self.bad)
        for i in hit:
            self.found.append((int(i), field, message if isinstance(message, str)
                               else message(int(i))))
        self.bad[hit] = True

    def errors(self, err: np.ndarray, field: str) -> None:
        """Flag the rows whose message in ``err`` is set."""
        self(pd.notna(err), field, lambda i: err[i])


def _values(flag: Flags, raw: pd.Series, kind: np.ndarray, period: np.ndarray,
            ind: pd.DataFrame, codes: np.ndarray, field: str = "value",
            required: bool = True) -> np.ndarray:
    """The value rule: a number (or class) within the indicator's natural limits, a whole
    non-negative count, at most the period's days for a count of days."""
    n = len(raw)
    value = np.full(n, np.nan)
    empty = blank(raw)
    if required:
        flag(empty, field, tr("a value is required"))
    is_class = kind == "class"
    if is_class.any():
        ranks, rerr = per_unique(raw[is_class], class_rank)
        value[is_class] = pd.to_numeric(pd.Series(ranks), errors="coerce").to_numpy(float)
        cls_err = np.empty(n, dtype=object)
        cls_err[is_class] = rerr
        flag(pd.notna(cls_err) & ~empty, field, lambda i: cls_err[i])
    for percent in (False, True):
        num = ~is_class & ((kind == "percent") == percent) & ~empty
        if not num.any():
            continue
        if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
            got = raw.to_numpy(float)[num]
            value[num] = got
            flag(num & ~np.isfinite(value), field,
                 lambda i: tr("{text} is not a finite number", text=repr(raw.iat[i])))
        else:
            parsed, perr = per_unique(raw[num], lambda v: parse_number(v, percent=percent))
            value[num] = np.asarray([np.nan if p is None else p for p in parsed], dtype=float)
            num_err = np.empty(n, dtype=object)
            num_err[num] = perr
            flag(pd.notna(num_err), field, lambda i: num_err[i])
    ok = ~np.isnan(value)
    count = (kind == "count") & ok
    flag(count & (np.mod(np.where(ok, value, 0), 1) != 0), field,
         lambda i: tr("{value} is not a whole number (this indicator counts things)",
                      value=f"{value[i]:g}"))
    flag(count & (np.abs(np.where(ok, value, 0)) > MAX_COUNT), field,
         lambda i: tr("{value} is too large for a count (at most {most})",
                      value=f"{value[i]:g}", most=f"{MAX_COUNT:,}"))
    flag(count & (value < 0), field,
         lambda i: tr("{value} is below the natural minimum {vmin}", value=f"{value[i]:g}",
                      vmin="0"))
    vmin = ind["vmin"].reindex(codes).to_numpy(float)
    vmax = ind["vmax"].reindex(codes).to_numpy(float)
    with np.errstate(invalid="ignore"):
        flag(value < vmin, field, lambda i: tr("{value} is below the natural minimum {vmin}",
                                               value=f"{value[i]:g}", vmin=f"{vmin[i]:g}"))
        flag(value > vmax, field, lambda i: tr("{value} is above the natural maximum {vmax}",
                                               value=f"{value[i]:g}", vmax=f"{vmax[i]:g}"))
    if "day_count" in ind and period is not None:
        days_of = ind["day_count"].reindex(codes).to_numpy(float, na_value=0) != 0
        if days_of.any():
            spans, _ = per_unique(pd.Series(period), lambda p: parse_period(p).days)
            span = np.array([np.nan if s is None else s for s in spans], dtype=float)
            with np.errstate(invalid="ignore"):
                flag(days_of & (value > span), field, lambda i: tr(
                    "{value} days is more than {period} has ({days} days)",
                    value=f"{value[i]:g}", period=shown(period[i]), days=f"{span[i]:g}"))
    return value


def _decimals(flag: Flags, raw: pd.Series, value: np.ndarray, kind: np.ndarray,
              ind: pd.DataFrame, codes: np.ndarray, field: str = "value",
              stored: np.ndarray | None = None) -> None:
    """The decimals rule: a value with more decimals than its indicator keeps (38.25 for a
    one-decimal indicator) is refused, since it would be stored as typed but shown rounded
    everywhere else. A value equal to the one already stored (``stored``, per row; NaN where
    none) is not refused again: an old figure keeps the decimals it has."""
    if "decimals" not in ind or not len(value):
        return
    dec = ind["decimals"].reindex(codes).to_numpy(float, na_value=0)
    dec = np.where(np.isnan(dec), 0, dec).astype(int)
    ok = ~np.isnan(value) & (kind != "class")
    if stored is not None:
        with np.errstate(invalid="ignore"):
            ok &= ~np.isclose(value, np.asarray(stored, dtype=float), rtol=1e-12, atol=0)
    extra = np.zeros(len(value), dtype=bool)
    for d in np.unique(dec[ok]):
        sel = ok & (dec == d)
        near = sel & (np.round(np.where(sel, value, 0), d) != value)  # then exactly, below
        for i in np.flatnonzero(near):
            extra[i] = more_decimals(float(value[i]), int(d))
    flag(extra, field, lambda i: decimals_problem(
        str(raw.iat[i]).strip() if not missing(raw.iat[i]) else f"{value[i]!r}", int(dec[i])))


def value_of(text: object, kind: str, *, vmin: float | None = None,
             vmax: float | None = None, day_count: bool = False,
             period: str | None = None) -> float:
    """The value rule on one value (an editor's text), for an indicator of ``kind`` with
    these limits. Raises :class:`FieldError` (field ``value``)."""
    ind = pd.DataFrame({"value_kind": [kind], "vmin": [vmin], "vmax": [vmax],
                        "day_count": [day_count]}, index=["_"], dtype=object)
    flag = Flags(1)
    got = _values(flag, pd.Series([text], dtype=object), np.array([kind], dtype=object),
                  None if period is None else np.array([period], dtype=object), ind,
                  np.array(["_"], dtype=object))
    if flag.found:
        raise FieldError(flag.found[0][2], field="value")
    return float(got[0])


@dataclass
class Checked:
    """Rows as the rules made them, and what was refused (position, field, message)."""

    frame: pd.DataFrame
    bad: np.ndarray
    found: list[tuple[int, str, str]]

    def problems(self, rows, *, file: str = "", sheet: str = "", heading=None) -> list[Problem]:
        heading = heading or (lambda c, d=None: c)
        return [Problem(m, file, sheet, int(rows[i]), heading(f, f)) for i, f, m in self.found]

    def first_error(self) -> FieldError | None:
        if not self.found:
            return None
        _, f, m = self.found[0]
        return FieldError(m, field=f)


FIGURE_TEXT = ("note", "source_ref", "derivation")


def _common(ctx: Context, df: pd.DataFrame, flag: Flags, *, for_target: bool
            ) -> tuple[dict, np.ndarray, np.ndarray]:
    """Indicator, area and period of every row (the rules figures and targets share)."""
    codes_raw, cerr = per_unique(df["indicator"], ctx.indicator, na=True)
    flag.errors(cerr, "indicator")
    codes = np.where(pd.isna(codes_raw), "", codes_raw).astype(object)
    area, aerr = per_unique(df["area"], ctx.area, na=True)
    flag.errors(aerr, "area")
    period, perr = per_unique(df["period"].where(~blank(df["period"]), None),
                              _period_code, na=True)
    flag.errors(perr, "period")
    misfit = _misfits(ctx, codes, period, for_target)
    flag(pd.notna(misfit), "period", lambda i: misfit[i])
    out = {"indicator": codes, "area": area, "period": period}
    return out, codes, period


def _misfits(ctx: Context, codes: np.ndarray, period: np.ndarray, for_target: bool
             ) -> np.ndarray:
    """Per row, why its period is not of a type its indicator is reported in (a target's
    deadline may also be a year), or None. Decided once per distinct (indicator, type)."""
    n = len(codes)
    out = np.empty(n, dtype=object)
    if not n:
        return out
    kinds, _ = per_unique(period, lambda p: parse_period(p).kind)
    ci, cu = pd.factorize(codes)
    ki, ku = pd.factorize(kinds, use_na_sentinel=True)
    ok = (ci >= 0) & (ki >= 0)
    combo = np.where(ok, ci.astype(np.int64) * (len(ku) + 1) + ki, -1)
    ind = ctx.indicators
    for c in np.unique(combo[combo >= 0]):
        code, kind = cu[c // (len(ku) + 1)], ku[c % (len(ku) + 1)]
        if code not in ind.index:
            continue
        takes = period_types({"period_types": ind.at[code, "period_types"]
                              if "period_types" in ind else "",
                              "period_type": ind.at[code, "period_type"]})
        if kind in takes or (for_target and kind == "year"):
            continue
        rows = np.flatnonzero(combo == c)
        for i in rows:
            out[i] = tr("{period} is a {kind}, but {indicator} is reported by {kinds} only",
                        period=shown(period[i]), kind=kind_names((kind,)), indicator=code,
                        kinds=kind_names(takes))
    return out


STORED = "stored_value"  # a column of the value already stored (the decimals rule)


def check_figures(ctx: Context, df: pd.DataFrame, *, decimals: bool = True) -> Checked:
    """The rules of a figure applied to every row of ``df`` (columns ``indicator, area,
    period, value`` and any of ``qualifier, status, source, note, source_ref, derived,
    derivation, version``, and :data:`STORED`; other columns are carried along).

    ``decimals=False`` leaves the decimals rule to the caller, who applies it
    (:func:`check_decimals`) once it knows the values already stored (an import)."""
    df = df.reset_index(drop=True)
    flag = Flags(len(df))
    out, codes, period = _common(ctx, df, flag, for_target=False)
    if "formula" in ctx.indicators:
        formula = ctx.indicators["formula"].reindex(codes).fillna("").to_numpy(object)
        flag(formula != "", "value", lambda i: tr(
            "{indicator} is computed by its formula ({formula}) and never typed: change its "
            "inputs instead", indicator=codes[i], formula=formula[i]))
    kind = ctx.indicators["value_kind"].reindex(codes).to_numpy(object)
    out["value"] = _values(flag, df["value"], kind, period, ctx.indicators, codes)
    if decimals:
        _decimals(flag, df["value"], out["value"], kind, ctx.indicators, codes,
                  stored=_stored(df, "value"))
    _fields(ctx, df, flag, out)
    if "version" in df:
        out["version"] = pd.to_numeric(df["version"], errors="coerce")
    frame = pd.DataFrame(out)
    for c in df.columns:
        if c not in frame:
            frame[c] = df[c].to_numpy()
    return Checked(frame, flag.bad, flag.found)


def check_targets(ctx: Context, df: pd.DataFrame) -> Checked:
    """The rules of a target applied to every row of ``df``: those it shares with a figure
    (indicator, area, period, value, source, texts) and its own (comparator, kind, the
    upper value of a band, the baseline)."""
    df = df.reset_index(drop=True)
    n = len(df)
    flag = Flags(n)
    out, codes, period = _common(ctx, df, flag, for_target=True)

    def comparator(v):
        s = "" if missing(v) else normalize(v)
        s = _COMPARATOR_WORDS.get(s.lower(), s)
        if s not in COMPARATORS:
            raise ValueError(tr("comparator {comparator} is not one of {choices}",
                                comparator=repr(s), choices=", ".join(COMPARATORS)))
        return s

    comp, cerr = per_unique(df["comparator"], comparator, na=True)
    flag.errors(cerr, "comparator")
    out["comparator"] = comp
    kind = ctx.indicators["value_kind"].reindex(codes).to_numpy(object)
    ind = ctx.indicators
    none = pd.Series([None] * n, dtype=object)
    words, werr = per_unique(df["qualitative"] if "qualitative" in df else none, parse_text)
    flag.errors(werr, "qualitative")
    words = np.where(pd.isna(words), "", words).astype(object)
    rel_raw = df["relative"] if "relative" in df else none
    rel_blank = blank(rel_raw)
    rel, rerr = per_unique(rel_raw.where(~rel_blank, None), lambda v: parse_number(
        str(v).rstrip("%").strip() if isinstance(v, str) else v))
    flag.errors(rerr, "relative")
    relative = np.array([np.nan if r is None else r for r in rel], dtype=float)
    numberless = (words != "") | ~rel_blank  # words, or a change on a baseline figure
    flag(numberless & ~blank(df["value"]), "value", tr(
        "a qualitative or relative target has no value of its own: leave the value empty"))
    flag((words != "") & ~rel_blank, "relative",
         tr("a target is either words or a change on a baseline, not both"))
    out["value"] = _values(flag, df["value"].where(~numberless, None), kind, period, ind,
                           codes, required=False)
    flag(~numberless & blank(df["value"]), "value", tr("a value is required"))
    _decimals(flag, df["value"], out["value"], kind, ind, codes, stored=_stored(df, "value"))
    out["qualitative"], out["relative"] = words, relative
    between = comp == "between"
    high_raw = df["value_high"] if "value_high" in df else pd.Series([None] * n, dtype=object)
    flag(between & blank(high_raw), "value_high",
         tr("a 'between' target needs an upper value"))
    high = _values(flag, high_raw.where(between, None), kind, period, ind, codes,
                   field="value_high", required=False)
    with np.errstate(invalid="ignore"):
        flag(between & (high < out["value"]), "value_high",
             tr("the upper value of a 'between' target is below its lower value"))
    _decimals(flag, high_raw, high, kind, ind, codes, "value_high", _stored(df, "value_high"))
    out["value_high"] = np.where(between, high, np.nan)

    def target_kind(v):
        s = "" if missing(v) else normalize(v)
        if s not in TARGET_KINDS:
            raise ValueError(tr("target kind {kind} is not one of {choices}", kind=repr(s),
                                choices=", ".join(TARGET_KINDS)))
        return s

    tk, kerr = per_unique(df["kind"], target_kind, na=True)
    flag.errors(kerr, "kind")
    out["kind"] = tk
    bp_raw = df["baseline_period"] if "baseline_period" in df else pd.Series([None] * n)
    bp, berr = per_unique(bp_raw.where(~blank(bp_raw), None), lambda p: parse_period(p).code)
    flag.errors(berr, "baseline_period")
    bv_raw = df["baseline_value"] if "baseline_value" in df else pd.Series([None] * n)
    bv = _values(flag, bv_raw, kind, bp, ind, codes, field="baseline_value", required=False)
    _decimals(flag, bv_raw, bv, kind, ind, codes, "baseline_value",
              _stored(df, "baseline_value"))
    flag(~rel_blank & pd.isna(bp), "baseline_period",
         tr("a relative target needs the baseline period it is relative to"))
    flag(rel_blank & (pd.isna(bp) != np.isnan(bv)), "baseline_value",
         tr("a baseline needs both a period and a value"))

    def confidence(v):
        s = "" if missing(v) else normalize(v).upper().replace("–", "-").replace("—", "-")
        if s not in CONFIDENCES:
            raise ValueError(tr("confidence {confidence} is not one of {choices}",
                                confidence=repr(s), choices=", ".join(CONFIDENCES[1:])))
        return s

    conf, cferr = per_unique(df["confidence"] if "confidence" in df else none, confidence,
                             na=True)
    flag.errors(cferr, "confidence")
    out["confidence"] = conf
    for f in ("document", "document_date"):
        t, terr = per_unique(df[f] if f in df else none, parse_text)
        flag.errors(terr, f)
        out[f] = np.where(pd.isna(t), "", t).astype(object)
    out["baseline_period"] = bp
    out["baseline_value"] = bv
    _fields(ctx, df, flag, out)
    frame = pd.DataFrame(out)
    frame["value_high"] = frame["value_high"].astype(object).where(frame["value_high"].notna(),
                                                                   None)
    for c in ("baseline_value", "value", "relative"):
        frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
    for c in df.columns:
        if c not in frame:
            frame[c] = df[c].to_numpy()
    return Checked(frame, flag.bad, flag.found)


def _stored(df: pd.DataFrame, field: str) -> np.ndarray | None:
    col = f"{STORED}_{field}" if field != "value" else STORED
    return pd.to_numeric(df[col], errors="coerce").to_numpy(float) if col in df else None


def check_decimals(ctx: Context, frame: pd.DataFrame, stored=None) -> list[tuple[int, str, str]]:
    """The decimals rule alone, on checked rows (``indicator`` codes, numeric ``value``),
    for a caller that learns the stored values after :func:`check_figures` (an import: only
    the rows it creates or changes are held to it). Returns (position, field, message)."""
    flag = Flags(len(frame))
    codes = frame["indicator"].to_numpy(object)
    kind = ctx.indicators["value_kind"].reindex(codes).to_numpy(object)
    _decimals(flag, frame["value"], frame["value"].to_numpy(float), kind, ctx.indicators,
              codes, stored=stored)
    return flag.found


def _fields(ctx: Context, df: pd.DataFrame, flag: Flags, out: dict) -> None:
    """Qualifier, status, source, the texts and the derived flag: present columns only."""
    if "qualifier" in df:
        q, qerr = per_unique(df["qualifier"], parse_qualifier_text)
        flag.errors(qerr, "qualifier")
        out["qualifier"] = np.where(pd.isna(q), "", q).astype(object)
    if "status" in df:
        st, serr = per_unique(df["status"], parse_status)
        flag.errors(serr, "status")
        out["status"] = np.where(pd.isna(st), "final", st).astype(object)
    if "source" in df:
        def source(v):
            s = "" if missing(v) else normalize(v)
            if s and s not in ctx.sources:
                raise ValueError(tr("unknown source {source}", source=repr(s)))
            return s
        src, serr = per_unique(df["source"], source)
        flag.errors(serr, "source")
        out["source"] = np.where(pd.isna(src) | (src == ""), None, src).astype(object)
    for f in FIGURE_TEXT:
        if f in df:
            t, terr = per_unique(df[f], parse_text)
            flag.errors(terr, f)
            out[f] = np.where(pd.isna(t), "", t).astype(object)
    if "derived" in df:
        d, derr = per_unique(df["derived"], parse_flag)
        flag.errors(derr, "derived")
        out["derived"] = np.where(pd.isna(d), False, d).astype(bool)
    if "followup" in df:  # the follow-up mark: yes or no, as the derived flag
        d, derr = per_unique(df["followup"], parse_flag)
        flag.errors(derr, "followup")
        out["followup"] = np.where(pd.isna(d), False, d).astype(bool)
    if "comment" in df:  # a cell of comments, one a line: each a text a cell can hold
        t, terr = per_unique(df["comment"], parse_text)
        flag.errors(terr, "comment")
        out["comment"] = np.where(pd.isna(t), "", t).astype(object)


def comment_text(text: object) -> str:
    """The rule of one comment typed on a figure: some text, that a cell can hold, without
    control characters (the import's comment column takes the same, a line each)."""
    try:
        s = parse_text(text)
    except ValueError as exc:
        raise FieldError(str(exc), field="comment") from None
    if not s:
        raise FieldError(tr("a comment needs some text"), field="comment")
    return s


def comment_lines(cell: object) -> list[str]:
    """The comments of one cell of a comment column: one a line, blank lines dropped."""
    return [line.strip() for line in str(cell or "").splitlines() if line.strip()]


def one(checked: Checked) -> dict:
    """The only row of a checked frame of one, or raise its first problem."""
    err = checked.first_error()
    if err is not None:
        raise err
    row = checked.frame.iloc[0].to_dict()
    row["period_ord"] = period_ord(row["period"])
    for k, v in list(row.items()):
        if isinstance(v, np.generic):
            row[k] = v.item()
    return row


def typed_over_derived(old_derived, old_value, new_value, sets_derivation) -> np.ndarray:
    """The derived-figure rule: a new value over a derived figure or target ("36.6 + 4.3")
    makes it an entered one, unless the change says itself whether it is derived. True where
    ``derived`` and ``derivation`` are to be cleared."""
    old_d = np.asarray(old_derived, dtype=bool)
    a = np.asarray(old_value, dtype=float)
    b = np.asarray(new_value, dtype=float)
    moved = ~np.isclose(a, b, rtol=1e-12, atol=1e-12)
    return old_d & moved & ~np.asarray(sets_derivation, dtype=bool)
