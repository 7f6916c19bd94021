"""The scorecard: for every indicator x area, latest value, target, gap and two statuses.

Everything is vectorised over pandas/numpy columns; on the bureau-scale synthetic data set
(about 700,000 figures) it runs in well under a second (``benchmarks/bench_core.py``).

Period status answers *did we meet it this period?*: the latest actual against the target that
applies, with the target's comparator (``>=`` for higher-is-better, ``<=`` for lower-is-better,
``between`` for a band, ``=``) and the indicator's tolerance for "close". Ordinal classes
compare as ranks (class I = 1 is best, so "Class II or better" is ``<= II``). Without a target,
an indicator whose direction is ``band`` is judged against its own band. A qualifier ("more
than 3,800") is judged by its number: the scorecard shows the qualifier beside it.

Like with like: the latest value, its change and the course of a row come from the figures of
one period type, the indicator's ``period_type`` (:func:`_lines`); the change compares the
latest period with the same period a year earlier (2025H1 with 2024H1), as the bureau's
reports state a year-on-year change.

Which target applies to a row: the target for exactly the latest period if there is one,
otherwise the nearest deadline on or after it, otherwise the most recent past target. Among
targets of one period a target with a number outranks one without (words, or a relative
target whose baseline figure is missing), then a national assessment target (set for this
area by the state) outranks the municipal plan, then an action plan, then the national
binding frame (set for the whole country), then a standard.

Targets that cannot be judged say so: a qualitative target ("达到国家考核要求") and a relative
one still waiting for its baseline figure are ``not_judged``, never met or missed. What a
figure is decides how it is judged (the indicator's ``measure``): a stock (cells built so
far) is judged at the target's deadline, so before it a stock short of its target is
``not_due`` and its course tells whether it will get there; a half-year's average, ratio or
flow judged against an annual target is marked ``indicative`` (the annual value is not the
mean, nor twice, the half-year's).
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import aggregate, asof, coherence, course, relative

from .periods import parse_period

PERIOD_LABELS = ("met", "close", "missed", "no_data", "no_target", "not_judged", "not_due")
KIND_RANK = {"national_assessment": 0, "municipal_plan": 1, "action_plan": 2,
             "national_binding": 3, "standard": 4, "national_standard": 5}
TARGET_DETAILS = ("document", "document_date", "confidence", "qualitative", "relative",
                  "needs", "source")


def _period_info(codes: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(end date as datetime64, period kind) for period codes, parsing each distinct code once."""
    uniq = pd.unique(codes.dropna())
    ends = {c: pd.Timestamp(parse_period(c).end) for c in uniq}
    kinds = {c: parse_period(c).kind for c in uniq}
    return pd.to_datetime(codes.map(ends)), codes.map(kinds)


def series_keys(figs: pd.DataFrame):
    """Integer codes of the indicator x area series of ``figs``.

    Returns ``(key, ind_codes, ind_uniques, area_codes, area_uniques)``; ``key`` is
    ``ind_code * n_areas + area_code``, so one int64 sort orders by series.
    """
    ind_codes, ind_uniq = pd.factorize(figs["indicator"])
    area_codes, area_uniq = pd.factorize(figs["area"])
    key = ind_codes.astype(np.int64) * max(len(area_uniq), 1) + area_codes
    return key, ind_codes, np.asarray(ind_uniq, dtype=object), area_codes, \
        np.asarray(area_uniq, dtype=object)


def sort_order(key: np.ndarray, ordv: np.ndarray, *, by_type: bool = False) -> np.ndarray:
    """Stable order by series, (period type,) period. Input read from the database is already
    in series order, where the stable sort runs in about linear time."""
    rel = ordv - (ordv.min() if len(ordv) else 0)  # < 2**20 for years 1900..2200
    combined = key * 4 + (ordv % 10) if by_type else key
    return np.argsort((combined << 22) + rel, kind="stable")


# the rank digit of ``period_ord`` (:func:`core.periods.period_ord`) of each period type
TYPE_RANK = {"year": 0, "half": 1, "quarter": 2, "month": 3}
YEAR_EARLIER = 1000  # period_ord of the same period a year earlier is this much smaller


def line_ranks(indicators: pd.DataFrame, ind_uniques, ind_codes) -> np.ndarray:
    """Per figure, the rank digit of its indicator's ``period_type`` (-1 where unknown).

    ``ind_uniques`` / ``ind_codes`` are those of :func:`series_keys`."""
    if "period_type" not in indicators:
        return np.full(len(ind_codes), -1, np.int64)
    by_code = indicators.set_index("code")["period_type"].map(TYPE_RANK)
    per_ind = by_code[~by_code.index.duplicated()].reindex(ind_uniques)
    return per_ind.fillna(-1).to_numpy(np.int64)[ind_codes]


def _lines(key: np.ndarray, ordv: np.ndarray, line_rank: np.ndarray | None):
    """Series order and which figures are on their series' line.

    Trends, changes and course compare like with like: one period type per indicator x area,
    the indicator's ``period_type``; a series with no figure of that type (an area that
    reports only yearly) takes the type of its latest figure. Figures of the other types are
    kept (tables, period status of nothing) but are no point of the line.

    Returns ``(order, starts, ends, on)``: ``order`` sorts by series then period, ``starts``
    / ``ends`` are the first / last positions in it of each series, ``on`` is True at the
    positions (in ``order``) of figures on their line.
    """
    o = sort_order(key, ordv)
    ko = key[o]
    starts = np.flatnonzero(np.r_[True, ko[1:] != ko[:-1]])
    ends = np.r_[starts[1:], len(ko)] - 1
    kind = (ordv % 10)[o]
    rank = np.full(len(o), -1, np.int64) if line_rank is None else np.asarray(line_rank)[o]
    has_main = np.maximum.reduceat((kind == rank).astype(np.int8), starts) > 0
    chosen = np.where(has_main, rank[starts], kind[ends])
    on = kind == np.repeat(chosen, ends - starts + 1)
    return o, starts, ends, on


def on_line(key, ordv, line_rank=None) -> np.ndarray:
    """True for the figures (rows, as given) on their series' line (see :func:`_lines`).

    ``key`` identifies the series of each row (e.g. :func:`series_keys`, or area codes of
    one indicator); ``line_rank`` is the rank digit of the line's period type per row or one
    int for all (:data:`TYPE_RANK`; None: the type of each series' latest figure)."""
    key = np.asarray(key, np.int64)
    ordv = np.asarray(ordv, np.int64)
    if line_rank is not None and np.ndim(line_rank) == 0:
        line_rank = np.full(len(key), int(line_rank), np.int64)
    mask = np.zeros(len(key), bool)
    if len(key):
        o, _, _, on = _lines(key, ordv, line_rank)
        mask[o[on]] = True
    return mask


def latest_and_previous(figs: pd.DataFrame, keys=None, line_rank=None) -> pd.DataFrame:
    """One row per indicator x area, from the figures on its line (:func:`_lines`): the
    latest, the one of the same period a year earlier (2024H1 for 2025H1), the first (a
    fallback baseline), and the number of figures of every type.

    ``line_rank``: :func:`line_ranks` (None: each series' line is the type of its latest
    figure)."""
    if figs.empty:
        return pd.DataFrame(columns=["indicator", "area", "period", "value", "qualifier",
                                     "prev_period", "prev_value", "first_period",
                                     "first_value", "n_figures", "figure_status",
                                     "figure_derived"])
    key, ic, iu, ac, au = keys if keys is not None else series_keys(figs)
    ordv = figs["period_ord"].to_numpy(np.int64)
    val = figs["value"].to_numpy(float)
    per = figs["period"].to_numpy(object)

    o, starts, ends, on = _lines(key, ordv, line_rank)
    n_all = ends - starts + 1
    ol = o[on]  # the line figures, still in series and period order
    kl = key[ol]
    ls = np.flatnonzero(np.r_[True, kl[1:] != kl[:-1]])
    le = np.r_[ls[1:], len(kl)] - 1
    last, first = ol[le], ol[ls]
    # the same period a year earlier: a binary search on (series, period) of the line
    comb = (kl << 22) + (ordv[ol] - ordv.min())
    want = comb[le] - YEAR_EARLIER
    pos = np.minimum(np.searchsorted(comb, want), len(comb) - 1)
    has_prev = (comb[pos] == want) & (kl[pos] == kl[le])
    pl = ol[pos]
    q = figs["qualifier"].to_numpy(object) if "qualifier" in figs else np.full(len(val), "")
    # what the latest figure is (provisional, derived): marked where it is shown (core.marks)
    fst = figs["status"].to_numpy(object) if "status" in figs else np.full(len(val), "final")
    fdv = (figs["derived"].fillna(False).astype(bool).to_numpy() if "derived" in figs
           else np.zeros(len(val), bool))
    return pd.DataFrame({
        "indicator": iu[ic[last]], "area": au[ac[last]],
        "period": per[last], "value": val[last], "qualifier": q[last],
        "prev_period": np.where(has_prev, per[pl], None),
        "prev_value": np.where(has_prev, val[pl], np.nan),
        "first_period": per[first], "first_value": val[first],
        "n_figures": n_all,
        "figure_status": fst[last], "figure_derived": fdv[last],
    })


def applicable_targets(latest: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Pick one target per indicator x area (see the module docstring)."""
    cols = ["indicator", "area", "period", "comparator", "value", "value_high", "kind",
            "baseline_period", "baseline_value", *(c for c in TARGET_DETAILS if c in targets)]
    t = targets[cols].rename(columns={c: f"t_{c}" for c in cols[2:]})
    if t.empty:
        return t.iloc[0:0]
    # a number first, then a relative target waiting for its baseline (it says what it
    # needs), then words
    numberless = pd.to_numeric(t["t_value"], errors="coerce").isna().to_numpy()
    words = (t["t_qualitative"].fillna("") != "").to_numpy() if "t_qualitative" in t else False
    t = t.assign(t_end=_period_info(t["t_period"])[0],
                 t_rank=t["t_kind"].map(KIND_RANK).fillna(9) + 10 * numberless + 10 * words)
    lat = latest[["indicator", "area", "period"]].rename(columns={"period": "l_period"})
    m = t.merge(lat, on=["indicator", "area"], how="left")
    l_end = _period_info(m["l_period"])[0]
    exact = (m["t_period"] == m["l_period"]).to_numpy()
    ahead = (m["t_end"] >= l_end).fillna(True).to_numpy()
    days = (m["t_end"] - l_end).dt.days.fillna(0).to_numpy()
    # smaller is better: exact, then nearest ahead, then most recent past
    m["score"] = np.where(exact, 0, np.where(ahead, 1 + days, 1e7 - days))
    m = m.sort_values(["indicator", "area", "score", "t_rank"], kind="stable")
    return m.drop_duplicates(["indicator", "area"], keep="first").drop(
        columns=["l_period", "score", "t_rank"])


def period_status(actual, comparator, target, target_high, tolerance):
    """Vectorised met / close / missed / no_data / no_target, with gap in the unit."""
    a = np.asarray(actual, float)
    v = np.asarray(target, float)
    hi = np.asarray(target_high, float)
    tol = np.nan_to_num(np.asarray(tolerance, float))
    cmp = np.asarray(comparator, object)
    ge, le, eq, bt = (cmp == ">="), (cmp == "<="), (cmp == "="), (cmp == "between")
    with np.errstate(invalid="ignore"):
        below = np.maximum(v - a, 0)
        above = np.maximum(a - np.where(bt, hi, v), 0)
        # distance the wrong way from the target (0 when met)
        miss_by = np.select([ge, le, eq, bt], [below, np.maximum(a - v, 0), np.abs(a - v),
                                                below + above], default=np.nan)
        gap = np.select([bt], [np.where(a < v, a - v, np.where(a > hi, a - hi, 0.0))],
                        default=a - v)
    has_target = ge | le | eq | bt
    has_data = ~np.isnan(a)
    eps = 1e-9 * np.maximum(1.0, np.abs(np.nan_to_num(v)))
    status = np.select(
        [~has_target, ~has_data, miss_by <= eps, miss_by <= tol + eps],
        ["no_target", "no_data", "met", "close"], default="missed")
    return status, np.where(has_target & has_data, gap, np.nan)


def scorecard(indicators: pd.DataFrame, figures: pd.DataFrame, targets: pd.DataFrame,
              *, warnings: pd.DataFrame | None = None, keys=None,
              area_rank: dict[str, int] | None = None,
              areas: pd.DataFrame | None = None,
              as_of: str | None = None) -> pd.DataFrame:
    """Compute the scorecard.

    Parameters
    ----------
    indicators, figures, targets : DataFrame
        As returned by :mod:`core.queries`.
    warnings : DataFrame, optional
        Coherence warnings already computed (else computed here).
    keys : optional
        :func:`series_keys` of ``figures`` already computed (else computed here).
    area_rank : dict, optional
        Area code -> its place in the areas' own order (the municipality first); within an
        indicator the rows follow it. Without it, areas sort by code.
    areas : DataFrame, optional
        The area hierarchy: with it, a parent's figure computed from its children is shown
        beside the reported one (:mod:`core.aggregate`), and a difference beyond rounding
        is a coherence warning.
    as_of : str, optional
        A period code: the scorecard as it stood at that period's end (:mod:`core.asof`);
        a row whose figure is of an earlier period has ``older`` True.

    Returns
    -------
    DataFrame
        One row per indicator x area that has figures or targets, in indicator order.
    """
    if as_of:
        kept = asof.known_at(figures, as_of)
        if len(kept) != len(figures):
            figures, keys, warnings = kept.reset_index(drop=True), None, None
    if keys is None and len(figures):
        keys = series_keys(figures)
    targets = relative.resolve(targets, figures)
    lat = latest_and_previous(figures, keys,
                              line_ranks(indicators, keys[2], keys[1]) if keys else None)
    tg = applicable_targets(lat, targets)
    df = lat.merge(tg, on=["indicator", "area"], how="outer")
    ind = indicators.set_index("code")
    df = df[df["indicator"].isin(ind.index)]
    for col in ("category", "name_en", "name_zh", "unit", "unit_zh", "value_kind", "decimals",
                "direction", "tolerance", "vmin", "vmax", "band_low", "band_high", "measure",
                "day_count", "formula"):
        if col in ind:
            df[col] = df["indicator"].map(ind[col])
    # Without a target, a band indicator is judged against its own band.
    band = df["t_comparator"].isna() & (df["direction"] == "band") & df["band_low"].notna()
    cmp = df["t_comparator"].where(~band, "between")
    tv = df["t_value"].where(~band, df["band_low"]).astype(float)
    th = df["t_value_high"].where(~band, df["band_high"]).astype(float)
    st, gap = period_status(df["value"], cmp.fillna(""), tv, th, df["tolerance"])
    st, gap = _what_is_judged(df, st, gap)
    df["period_status"], df["gap"] = st, gap
    with np.errstate(divide="ignore", invalid="ignore"):
        df["gap_pct"] = np.where(tv != 0, gap / np.abs(tv) * 100.0, np.nan)
        df["change"] = df["value"] - df["prev_value"]
        df["change_pct"] = np.where(df["prev_value"] != 0,
                                    df["change"] / np.abs(df["prev_value"]) * 100.0, np.nan)
    _add_course(df)
    df["older"] = asof.older(df["period"], as_of)
    df["target_source"] = np.where(band, "band", np.where(df["t_comparator"].notna(), "target", ""))
    if warnings is None:
        warnings = coherence.check(indicators, figures, keys=keys)
    counts = warnings.groupby(["indicator", "area"]).size().rename("warnings")
    df = df.merge(counts, left_on=["indicator", "area"], right_index=True, how="left")
    df["warnings"] = df["warnings"].fillna(0).astype(int)
    df["n_figures"] = df["n_figures"].fillna(0).astype(int)
    if areas is not None:  # a parent's figure from its children, beside the reported one
        df = aggregate.beside(df, indicators, figures, areas, keys)
        df["warnings"] += df["incoherent"].fillna(False).astype(int)
    df = df.rename(columns={"period": "latest_period", "value": "latest_value",
                            "t_period": "target_period", "t_comparator": "target_comparator",
                            "t_value": "target_value", "t_value_high": "target_value_high",
                            "t_kind": "target_kind",
                            **{f"t_{c}": f"target_{c}" for c in TARGET_DETAILS},
                            "t_source": "target_source_id",
                            "t_baseline_period": "target_baseline_period",
                            "t_baseline_value": "target_baseline_value"})
    order = ind["category_sort"] if "category_sort" in ind else pd.Series(0, index=ind.index)
    return in_scorecard_order(df.drop(columns=["t_end"], errors="ignore"), order, area_rank)


def in_scorecard_order(frame: pd.DataFrame, category_sort: Mapping[str, float] | pd.Series,
                       area_rank: Mapping[str, int] | None = None) -> pd.DataFrame:
    """Scorecard rows in the scorecard's reading order, positionally indexed.

    The one definition of that order, used by :func:`scorecard` and by the window when it
    puts one indicator's fresh rows among the others.

    Parameters
    ----------
    frame : DataFrame
        Rows with ``indicator`` and ``area`` columns.
    category_sort : mapping or Series
        Indicator code -> the sort key of its category; indicators grouped by it, then by
        code. Codes it lacks come last.
    area_rank : mapping, optional
        Area code -> its place in the areas' own order (the municipality first); areas it
        lacks come last. Without it, areas sort by code.
    """
    if frame.empty:
        return frame.reset_index(drop=True)
    cat = frame["indicator"].map(category_sort).astype(float).fillna(np.inf)
    area = (frame["area"] if area_rank is None
            else frame["area"].map(area_rank).fillna(len(area_rank)))
    keys = pd.DataFrame({"_o": cat.to_numpy(), "_i": frame["indicator"].to_numpy(),
                         "_a": area.to_numpy()})
    pos = keys.sort_values(["_o", "_i", "_a"], kind="stable").index.to_numpy()
    return frame.iloc[pos].reset_index(drop=True)


def _add_course(df: pd.DataFrame) -> None:
    """Course status columns, in place (see :mod:`core.course`)."""
    has_bl = df["t_baseline_period"].notna() & df["t_baseline_value"].notna()
    bper = df["t_baseline_period"].where(has_bl, df["first_period"])
    bval = df["t_baseline_value"].where(has_bl, df["first_value"]).astype(float)
    bend, _ = _period_info(bper.astype(object))
    cend, _ = _period_info(df["period"].astype(object))
    tend, _ = _period_info(df["t_period"].astype(object))
    yo = (cend - bend).dt.days / 365.25
    yr = (tend - bend).dt.days / 365.25
    cmp = df["t_comparator"]
    x = df["t_value"].astype(float).to_numpy()
    # a band's nearest edge is the target to move to
    x = np.where(cmp == "between", np.where(df["value"] < x, x, df["t_value_high"]), x)
    # the direction the target wants: up for >=, down for <=, towards it for = and a band
    with np.errstate(invalid="ignore"):
        want_up = np.where(cmp == ">=", True, np.where(cmp == "<=", False,
                                                       x > bval.to_numpy()))
    vmax = df["vmax"].astype(float).to_numpy()
    vmin = df["vmin"].astype(float).fillna(0.0).to_numpy() if "vmin" in df else 0.0
    short = np.where(want_up & (df["value_kind"] == "percent").to_numpy()
                     & course.near_limit(x, vmin, vmax), vmax, np.nan)
    obs, req, ratio = course.growth_ratio(
        bval.to_numpy(), df["value"].to_numpy(float), x, yo.to_numpy(float), yr.to_numpy(float),
        shortfall_max=short, linear_only=(df["value_kind"] == "class").to_numpy(),
        want_up=want_up)
    df["baseline_period"], df["baseline_value"] = bper, bval
    df["growth_observed"], df["growth_required"], df["growth_ratio"] = obs, req, ratio
    judged = df["period_status"] != "not_judged"
    df["course_status"] = np.where(judged, course.course_labels(
        ratio, (df["period_status"] == "met").to_numpy(), cmp.notna().to_numpy(),
        df["value"].notna().to_numpy()), "not_judged")


def _what_is_judged(df: pd.DataFrame, status, gap):
    """The period statuses and gaps of :func:`period_status`, with what the kind of target
    and of figure change (module docstring): targets without a number are not judged, a
    stock short of a target whose deadline is ahead is not yet due, and a half-year judged
    against a year is indicative (``indicative`` names why: the two period types)."""
    status = np.asarray(status, dtype=object).copy()
    gap = np.asarray(gap, float).copy()
    words = df["t_qualitative"].fillna("").astype(str) if "t_qualitative" in df else ""
    needs = df["t_needs"].fillna(False).astype(bool) if "t_needs" in df else False
    has_t = df["t_comparator"].notna().to_numpy()
    numberless = has_t & (np.asarray(words != "") | np.asarray(needs)
                          | df["t_value"].isna().to_numpy())
    status[numberless] = "not_judged"
    gap[numberless] = np.nan
    measure = df["measure"].fillna("flow").to_numpy(object) if "measure" in df else \
        np.full(len(df), "flow", dtype=object)
    l_end, l_kind = _period_info(df["period"].astype(object))
    t_end, t_kind = _period_info(df["t_period"].astype(object))
    ahead = (t_end > l_end).fillna(False).to_numpy()
    status[(measure == "stock") & ahead & np.isin(status, ("missed", "close"))] = "not_due"
    judged = np.isin(status, ("met", "close", "missed"))
    l_kind, t_kind = l_kind.astype(object).fillna(""), t_kind.astype(object).fillna("")
    differ = (l_kind != t_kind).to_numpy()
    mark = judged & differ & (measure != "stock") & (t_kind == "year").to_numpy()
    df["indicative"] = np.where(mark, l_kind.astype(str) + ">year", "")
    return status, gap
