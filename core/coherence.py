"""Coherence checks that a generic spreadsheet cannot make.

* ``cumulative_fell``: a cumulative count (cells built since the programme began) that is lower
  than its previous figure of the same period type;
* ``outside_limits``: a value outside the indicator's natural limits (a share over 100);
* ``days_exceed_period``: a count of days larger than the days in its period;
* ``outlier``: a value far from the rest of its series: more than 5 scaled median absolute
  deviations (1.4826 x MAD, the normal-consistent scale) from the series median, for series
  with at least 6 figures. Robust statistics, so one bad figure cannot hide itself by
  inflating the spread.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .periods import parse_period

COLUMNS = ["indicator", "area", "period", "check", "value", "message"]
OUTLIER_MADS = 5.0
OUTLIER_MIN_POINTS = 6
DAY_UNITS = {"days", "day", "天", "d"}


def check(indicators: pd.DataFrame, figures: pd.DataFrame, *, keys=None) -> pd.DataFrame:
    """All coherence warnings for ``figures``; one row per warning (see module docstring).

    Indicator attributes are looked up once per indicator and spread to rows by integer
    codes, so a 700,000-figure check does no per-row string work.
    """
    if figures.empty:
        return pd.DataFrame(columns=COLUMNS)
    from .status import series_keys, sort_order

    key, ic, iu, _, _ = keys if keys is not None else series_keys(figures)
    ind = indicators.set_index("code").reindex(iu)
    value = figures["value"].to_numpy(float)
    ordv = figures["period_ord"].to_numpy(np.int64)
    found: list[tuple[np.ndarray, str, list[str]]] = []

    vmin = ind["vmin"].to_numpy(float)[ic]
    vmax = ind["vmax"].to_numpy(float)[ic]
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero((value < vmin) | (value > vmax))
    found.append((bad, "outside_limits", [
        f"{value[i]:g} is outside the natural range "
        f"{np.nan_to_num(vmin[i], nan=-np.inf):g}..{np.nan_to_num(vmax[i], nan=np.inf):g}"
        for i in bad]))

    units = ind["unit"].fillna("").astype(str).str.strip().str.lower()
    is_days = units.isin(DAY_UNITS).to_numpy()[ic]
    if is_days.any():
        rows = np.flatnonzero(is_days)
        pc, pu = pd.factorize(figures["period"].to_numpy(object)[rows])
        span = np.zeros(len(value), dtype=np.int64)
        span[rows] = np.array([parse_period(p).days for p in pu])[pc]
        over = np.flatnonzero(is_days & (value > span))
        found.append((over, "days_exceed_period", [
            f"{value[i]:g} days is more than the {span[i]} days in {figures['period'].iat[i]}"
            for i in over]))

    cum = ind["cumulative"].fillna(False).astype(bool).to_numpy()[ic]
    if cum.any():
        o = sort_order(key, ordv, by_type=True)
        ko, kind, vo = key[o], ordv[o] % 10, value[o]
        same = (ko[1:] == ko[:-1]) & (kind[1:] == kind[:-1])
        fell = np.flatnonzero(same & (vo[1:] < vo[:-1]) & cum[o][1:]) + 1
        found.append((o[fell], "cumulative_fell", [
            f"a cumulative count fell from {vo[j - 1]:g} to {vo[j]:g}" for j in fell]))

    s = pd.Series(value)
    g = s.groupby(key)
    n = g.transform("size").to_numpy()
    med = g.transform("median").to_numpy()
    dev = np.abs(value - med)
    mad = pd.Series(dev).groupby(key).transform("median").to_numpy() * 1.4826
    far = np.flatnonzero((n >= OUTLIER_MIN_POINTS) & (mad > 0) & (dev > OUTLIER_MADS * mad))
    found.append((far, "outlier", [
        f"{value[i]:g} is far from this series' usual values (median {med[i]:g})"
        for i in far]))

    rows = [(idx, name, msgs) for idx, name, msgs in found if len(idx)]
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    idx = np.concatenate([r[0] for r in rows])
    out = figures.iloc[idx][["indicator", "area", "period", "value"]].reset_index(drop=True)
    out["check"] = np.concatenate([[name] * len(i) for i, name, _ in rows])
    out["message"] = [m for r in rows for m in r[2]]
    return out[COLUMNS]
