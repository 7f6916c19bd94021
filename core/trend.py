"""The trend frame: everything a trend plot draws for one indicator, computed without Qt.

x is seconds since the epoch (UTC) of a period's middle day (:attr:`Period.mid`), so a year,
a half-year and a month sit on their true dates on one axis. A target is a horizontal segment
that ends at the last day of its deadline period. The projection continues the current course
(the growth observed between the baseline and the latest figure, :mod:`core.course`) from the
latest point to that deadline:

* compound growth ``c * (1 + g) ** t`` where the course method uses compound growth,
* a straight line ``c + g * t`` where it uses linear rates (ordinal classes, zeros),
* on the *shortfall* ``max - value`` for higher-is-better shares with a natural maximum,

with ``t`` in years between period ends, as the course method measures time.

Like with like: an area's line joins the figures of one period type, the indicator's
``period_type`` (the type the scorecard's latest value, change and course use,
:func:`core.status.on_line`); an annual or monthly figure of a half-year indicator is no point
of its line and is left out of the plot (the figure table lists it). The curve starts
at the latest point (drawn at its period's middle) and reaches, at the deadline's end, the
value that course projects there; it is clipped to the indicator's natural limits.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache

import numpy as np
import pandas as pd

from .periods import parse_period
from .present import records, source_namer

PROJECTION_STEPS = 24


def epoch_seconds(day: date) -> float:
    """Seconds since 1970-01-01 UTC of midnight starting ``day``."""
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()


@lru_cache(maxsize=4096)
def period_x(code: str) -> float:
    """x of a period: its middle day."""
    return epoch_seconds(parse_period(code).mid)


@lru_cache(maxsize=4096)
def period_end_x(code: str) -> float:
    """x of a period's last day (where a target to that deadline ends)."""
    return epoch_seconds(parse_period(code).end)


@dataclass
class Series:
    """One area's figures, in period order."""

    area: str
    x: list[float]
    y: list[float]
    periods: list[str]
    qualifiers: list[str]
    sources: list[str]
    ids: list[int] = field(default_factory=list)
    # a provisional or derived figure (core.marks): drawn as a hollow marker
    hollow: list[bool] = field(default_factory=list)


@dataclass
class TargetSegment:
    """The applicable target of one area, drawn from ``x0`` to its deadline ``x1``."""

    area: str
    x0: float
    x1: float
    comparator: str
    y: float
    y_high: float | None
    period: str
    kind: str
    document: str = ""  # 渝府发〔2022〕11号, with its date and confidence beside it
    document_date: str = ""
    confidence: str = ""
    applies: bool = True  # the target the scorecard judges this area against


@dataclass
class Projection:
    """The current course continued to the deadline; ``mode`` is compound, linear or none."""

    area: str
    x: list[float]
    y: list[float]
    mode: str
    course_status: str = ""


@dataclass
class TrendFrame:
    code: str
    value_kind: str
    decimals: int
    unit: str
    series: list[Series]
    targets: list[TargetSegment]
    projections: list[Projection]
    ticks: list[tuple[float, str]]
    unit_zh: str = ""

    @property
    def areas(self) -> list[str]:
        return [s.area for s in self.series]

    def series_for(self, area: str) -> Series | None:
        return next((s for s in self.series if s.area == area), None)


def _num(v) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def line_figures(ind: dict, figs: pd.DataFrame) -> pd.DataFrame:
    """The figures of one indicator (row ``ind``) that are points of its areas' lines."""
    if figs.empty:
        return figs
    from .status import TYPE_RANK, on_line

    ordv = figs["period_ord"].to_numpy(np.int64)
    if (ordv % 10 == ordv[0] % 10).all():  # one period type: the usual case, nothing to do
        return figs
    areas = pd.factorize(figs["area"].to_numpy(object))[0]
    keep = on_line(areas, ordv, TYPE_RANK.get(str(ind.get("period_type") or ""), -1))
    return figs[keep]


def _series(figs: pd.DataFrame, sources: pd.DataFrame | None) -> list[Series]:
    """Per-area series with plain numpy: this runs on every indicator selection."""
    if figs.empty:
        return []
    period = figs["period"].to_numpy(object)
    pcode, puniq = pd.factorize(period)
    x = np.array([period_x(p) for p in puniq])[pcode]
    rank, auniq = pd.factorize(figs["area"].to_numpy(object))  # codes in first-seen order
    order = np.lexsort((x, rank))
    y = figs["value"].to_numpy(float)[order]
    qual = figs["qualifier"].fillna("").to_numpy(object)[order]
    src, ref = figs["source"].to_numpy(object)[order], figs["source_ref"].to_numpy(object)[order]
    ids = (figs["id"].to_numpy(np.int64)[order] if "id" in figs
           else np.zeros(len(order), np.int64))
    x, period, rank = x[order], period[order], rank[order]
    hollow = np.zeros(len(order), bool)
    if "status" in figs:
        hollow |= (figs["status"].to_numpy(object) == "provisional")[order]
    if "derived" in figs:
        hollow |= figs["derived"].fillna(False).astype(bool).to_numpy()[order]
    keys = list(zip(src, ref))
    namer = source_namer(sources) if sources is not None else None
    names = {k: (namer(k[0], k[1]) if namer is not None
                 else ", ".join(str(p) for p in k if p and not pd.isna(p))) for k in set(keys)}

    bounds = np.flatnonzero(np.r_[True, rank[1:] != rank[:-1], True])
    out = []
    for a, b in zip(bounds[:-1], bounds[1:]):
        out.append(Series(str(auniq[rank[a]]), x[a:b].tolist(), y[a:b].tolist(),
                          period[a:b].tolist(), qual[a:b].tolist(),
                          [names[k] for k in keys[a:b]], ids[a:b].tolist(),
                          hollow[a:b].tolist()))
    return out


def _target(row, first_x: float | None) -> TargetSegment | None:
    cmp_, period = row.get("target_comparator"), row.get("target_period")
    y = _num(row.get("target_value"))
    if not isinstance(cmp_, str) or not isinstance(period, str) or y is None:
        return None
    x1 = period_end_x(period)
    bp = row.get("target_baseline_period")
    x0 = period_x(bp) if isinstance(bp, str) and bp else first_x
    if x0 is None or x0 > x1:
        x0 = period_x(period)
    y_high = _num(row.get("target_value_high")) if cmp_ == "between" else None
    return TargetSegment(str(row["area"]), x0, x1, cmp_, y, y_high, period,
                         str(row.get("target_kind") or ""), _text(row.get("target_document")),
                         _text(row.get("target_document_date")),
                         _text(row.get("target_confidence")))


def _text(v) -> str:
    return v if isinstance(v, str) else ""


def _others(targets: pd.DataFrame | None, code: str, drawn: list[TargetSegment],
            first: dict[str, float], figs: pd.DataFrame) -> list[TargetSegment]:
    """Every other numeric target of the indicator, each with its kind and document, so the
    plot shows what the scorecard chose among (relative ones once their baseline exists)."""
    if targets is None or not len(targets) or "indicator" not in targets:
        return []
    from .relative import resolve

    mine = targets[targets["indicator"] == code]
    mine = resolve(mine, figs) if len(mine) else mine  # relative ones, once they can be
    seen = {(s.area, s.period, s.kind) for s in drawn}
    out = []
    for r in records(mine, ("area", "period", "comparator", "value", "value_high", "kind",
                            "baseline_period", "document", "document_date", "confidence")):
        y = _num(r.get("value"))
        if y is None or (r["area"], r["period"], r["kind"]) in seen:
            continue
        x1 = period_end_x(r["period"])
        x0 = first.get(r["area"], period_x(r["period"]))
        x0 = x0 if x0 <= x1 else period_x(r["period"])
        hi = _num(r.get("value_high")) if r["comparator"] == "between" else None
        out.append(TargetSegment(str(r["area"]), x0, x1, r["comparator"], y, hi, r["period"],
                                 str(r["kind"]), _text(r.get("document")),
                                 _text(r.get("document_date")), _text(r.get("confidence")),
                                 applies=False))
    return out


def _bands(ind: dict, series: list[Series], with_target: set[str]) -> list[TargetSegment]:
    """For a band indicator (pH 6-9), the band under each area's line that has no target
    of its own: the scorecard judges those against it, so the plot shows it."""
    lo, hi = _num(ind.get("band_low")), _num(ind.get("band_high"))
    if ind.get("direction") != "band" or lo is None or hi is None:
        return []
    return [TargetSegment(s.area, s.x[0], s.x[-1], "between", lo, hi, s.periods[-1], "band")
            for s in series if s.area not in with_target and s.x]


def project(current: float, growth: float, years: float, *, mode: str,
            shortfall_max: float | None = None) -> float:
    """The value after ``years`` on the observed course (see the module docstring)."""
    base = shortfall_max - current if shortfall_max is not None else current
    moved = base + growth * years if mode == "linear" else base * (1.0 + growth) ** years
    return shortfall_max - moved if shortfall_max is not None else moved


def course_mode(ind: dict, row) -> tuple[str, float | None]:
    """(compound or linear, shortfall maximum or None) as :func:`core.course.growth_ratio`
    chooses them for a scorecard row."""
    from .course import near_limit

    cmp_ = row.get("target_comparator")
    vmax = _num(ind.get("vmax"))
    b, c = _num(row.get("baseline_value")), _num(row.get("latest_value"))
    x = _num(row.get("target_value"))
    short = vmax if (cmp_ == ">=" and ind.get("value_kind") == "percent" and vmax is not None
                     and x is not None
                     and near_limit([x], [_num(ind.get("vmin")) or 0.0], [vmax])[0]) else None
    if cmp_ == "between" and c is not None and x is not None and c >= x:
        x = _num(row.get("target_value_high"))
    vals = [v for v in (b, c, x) if v is not None]
    if short is not None:
        vals = [short - v for v in vals]
    linear = ind.get("value_kind") == "class" or any(v <= 0 for v in vals)
    return ("linear" if linear else "compound"), short


def _projection(ind: dict, row) -> Projection | None:
    g = _num(row.get("growth_observed"))
    c = _num(row.get("latest_value"))
    latest, deadline = row.get("latest_period"), row.get("target_period")
    if g is None or c is None or not isinstance(latest, str) or not isinstance(deadline, str):
        return None
    lp, dp = parse_period(latest), parse_period(deadline)
    years = lp.years_until(dp)
    if years <= 0:
        return None
    mode, short = course_mode(ind, row)
    x0, x1 = period_x(latest), period_end_x(deadline)
    steps = 1 if mode == "linear" else PROJECTION_STEPS
    lo, hi = _num(ind.get("vmin")), _num(ind.get("vmax"))
    xs, ys = [], []
    for i in range(steps + 1):
        f = i / steps
        y = project(c, g, years * f, mode=mode, shortfall_max=short)
        if lo is not None:
            y = max(lo, y)
        if hi is not None:
            y = min(hi, y)
        xs.append(x0 + (x1 - x0) * f)
        ys.append(y)
    return Projection(str(row["area"]), xs, ys, mode, str(row.get("course_status") or ""))


def _ticks(figs: pd.DataFrame, targets: list[TargetSegment]) -> list[tuple[float, str]]:
    codes = set(pd.unique(figs["period"])) if not figs.empty else set()
    codes |= {t.period for t in targets}
    return sorted((period_x(c), c) for c in codes)


def trend_frame(indicators: pd.DataFrame, figures: pd.DataFrame, targets: pd.DataFrame,
                scorecard_rows: pd.DataFrame | None, code: str, *,
                sources: pd.DataFrame | None = None) -> TrendFrame:
    """Compute what the trend plot of indicator ``code`` draws.

    Parameters
    ----------
    indicators : DataFrame
        :func:`core.queries.indicators` (the row of ``code`` is used).
    figures, targets : DataFrame
        :func:`core.queries.figures` / ``targets``; rows of other indicators are ignored.
    scorecard_rows : DataFrame or None
        Rows of :func:`core.status.scorecard` (the applicable target, baseline and observed
        growth per area); computed here from ``targets`` when None.
    code : str
    sources : DataFrame, optional
        :func:`core.queries.sources`, to name each figure's source in tooltips.

    Returns
    -------
    TrendFrame
        One series per area with figures, in first-seen order of ``figures``.
    """
    hit = indicators[indicators["code"] == code]
    if hit.empty:
        raise KeyError(code)
    mine = figures["indicator"].to_numpy() == code if len(figures) else None
    figs = figures if mine is None or mine.all() else figures[mine]
    if scorecard_rows is None and targets is not None:
        from .status import scorecard

        tg = targets[targets["indicator"] == code] if len(targets) else targets
        scorecard_rows = scorecard(hit, figs, tg)
    return indicator_trend(hit.iloc[0].to_dict(), figs, scorecard_rows, sources=sources,
                           targets=targets)


# what targets and projections are drawn from, of a scorecard row
_COURSE_COLUMNS = ("area", "target_comparator", "target_period", "target_value",
                   "target_value_high", "target_kind", "target_baseline_period",
                   "growth_observed", "latest_value", "latest_period", "baseline_value",
                   "course_status", "target_document", "target_document_date",
                   "target_confidence")


def indicator_trend(ind: dict, figs: pd.DataFrame, scorecard_rows: pd.DataFrame | None, *,
                    sources: pd.DataFrame | None = None,
                    targets: pd.DataFrame | None = None) -> TrendFrame:
    """:func:`trend_frame` of the indicator whose row is ``ind``, from its own figures and
    its scorecard rows (None or empty: the lines alone). A window calls this at every
    selection, with what it has already read. With ``targets``, the indicator's other
    targets are drawn too (``applies`` False)."""
    code = ind["code"]
    every = figs  # a relative target's baseline may be a figure of another period type
    figs = line_figures(ind, figs)
    series = _series(figs, sources)
    first = {s.area: s.x[0] for s in series}
    segs: list[TargetSegment] = []
    projs: list[Projection] = []
    if scorecard_rows is not None and len(scorecard_rows):
        mine = scorecard_rows["indicator"].to_numpy(object) == code
        rows = scorecard_rows if mine.all() else scorecard_rows[mine]
        for row in records(rows, _COURSE_COLUMNS):
            seg = _target(row, first.get(row["area"]))
            if seg is not None:
                segs.append(seg)
                proj = _projection(ind, row)
                if proj is not None:
                    projs.append(proj)
    segs += _others(targets, code, segs, first, every)
    segs += _bands(ind, series, {seg.area for seg in segs})
    return TrendFrame(code, str(ind["value_kind"]), int(ind["decimals"]), str(ind["unit"] or ""),
                      series, segs, projs, _ticks(figs, segs), str(ind.get("unit_zh") or ""))
