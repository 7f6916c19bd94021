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


def check(indicators: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """All coherence warnings for ``figures``; one row per warning (see module docstring)."""
    if figures.empty:
        return pd.DataFrame(columns=COLUMNS)
    ind = indicators.set_index("code")
    f = figures[["indicator", "area", "period", "period_ord", "value"]]
    out = []
    vmin = f["indicator"].map(ind["vmin"]).astype(float)
    vmax = f["indicator"].map(ind["vmax"]).astype(float)
    bad = (f["value"] < vmin) | (f["value"] > vmax)
    if bad.any():
        w = f[bad]
        out.append(w.assign(check="outside_limits", message=[
            f"{v:g} is outside the natural range {lo:g}..{hi:g}"
            for v, lo, hi in zip(w["value"], vmin[bad].fillna(-np.inf), vmax[bad].fillna(np.inf))]))

    unit = f["indicator"].map(ind["unit"]).astype("string").str.strip().str.lower()
    is_days = unit.isin(DAY_UNITS).fillna(False)
    if is_days.any():
        w = f[is_days]
        span = w["period"].map({p: parse_period(p).days for p in w["period"].unique()})
        over = w["value"] > span
        if over.any():
            ww = w[over]
            out.append(ww.assign(check="days_exceed_period", message=[
                f"{v:g} days is more than the {d} days in {p}"
                for v, d, p in zip(ww["value"], span[over], ww["period"])]))

    cum = f["indicator"].map(ind["cumulative"]).fillna(False).astype(bool)
    if cum.any():
        c = f[cum].assign(kind=f["period_ord"] % 10).sort_values(
            ["indicator", "area", "kind", "period_ord"])
        prev = c.groupby(["indicator", "area", "kind"])["value"].shift()
        fell = c["value"] < prev
        if fell.any():
            w = c[fell]
            out.append(w.drop(columns="kind").assign(check="cumulative_fell", message=[
                f"a cumulative count fell from {p:g} to {v:g}"
                for p, v in zip(prev[fell], w["value"])]))

    g = f.groupby(["indicator", "area"])["value"]
    n = g.transform("size")
    med = g.transform("median")
    dev = (f["value"] - med).abs()
    mad = dev.groupby([f["indicator"], f["area"]]).transform("median") * 1.4826
    far = (n >= OUTLIER_MIN_POINTS) & (mad > 0) & (dev > OUTLIER_MADS * mad)
    if far.any():
        w = f[far]
        out.append(w.assign(check="outlier", message=[
            f"{v:g} is far from this series' usual values (median {m:g})"
            for v, m in zip(w["value"], med[far])]))
    if not out:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(out, ignore_index=True)[COLUMNS]
