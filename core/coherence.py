"""Coherence checks that a generic spreadsheet cannot make.

* ``cumulative_fell``: a cumulative count (cells built since the programme began) that is lower
  than its previous figure of the same period type;
* ``outside_limits``: a value outside the indicator's natural limits (a share over 100);
* ``days_exceed_period``: a count of days larger than the days in its period;
* ``outlier``: a value far from the rest of its series: more than 5 scaled median absolute
  deviations (1.4826 x MAD, the normal-consistent scale) from the series median, for series
  with at least 6 figures of its period type: like with like, a figure is measured against
  the figures of its own type (an annual count of days is no outlier among half-years).
  Robust statistics, so one bad figure cannot hide itself by inflating the spread.

A warning is kept as data a person's language does not change: its ``check`` (which names its
message template in :data:`MESSAGES`) and ``params``, the template's fields as text (numbers
written with ``:g``, periods as codes). :func:`check` runs wherever the figures are, often in
the scorecard's own process where no translator is installed, so whoever shows warnings makes
their text at display time with :func:`message` / :func:`messages`, in the language the
window speaks then. ``message`` in the frame is the same text in the language current when
:func:`check` ran (English on the command line and in the scorecard's process).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .i18n import N_, Text, tr
from .periods import parse_period, shown

COLUMNS = ["indicator", "area", "period", "check", "value", "message", "params"]
# check -> message template; ``params`` of a warning fill it (see module docstring)
MESSAGES = {
    "outside_limits": N_("{value} is outside the natural range {vmin}..{vmax}"),
    "days_exceed_period": N_("{value} days is more than the {days} days in {period}"),
    "cumulative_fell": N_("a cumulative count fell from {before} to {after}"),
    "outlier": N_("{value} is far from this series' usual values (median {median})"),
}
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
    found: list[tuple[np.ndarray, str, list[dict[str, str]]]] = []

    vmin = ind["vmin"].to_numpy(float)[ic]
    vmax = ind["vmax"].to_numpy(float)[ic]
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero((value < vmin) | (value > vmax))
    found.append((bad, "outside_limits", [
        {"value": f"{value[i]:g}", "vmin": f"{np.nan_to_num(vmin[i], nan=-np.inf):g}",
         "vmax": f"{np.nan_to_num(vmax[i], nan=np.inf):g}"} for i in bad]))

    units = ind["unit"].fillna("").astype(str).str.strip().str.lower()
    is_days = units.isin(DAY_UNITS).to_numpy()[ic]
    if is_days.any():
        rows = np.flatnonzero(is_days)
        pc, pu = pd.factorize(figures["period"].to_numpy(object)[rows])
        span = np.zeros(len(value), dtype=np.int64)
        span[rows] = np.array([parse_period(p).days for p in pu])[pc]
        over = np.flatnonzero(is_days & (value > span))
        found.append((over, "days_exceed_period", [
            {"value": f"{value[i]:g}", "days": str(span[i]),
             "period": str(figures["period"].iat[i])} for i in over]))

    cum = ind["cumulative"].fillna(False).astype(bool).to_numpy()[ic]
    if cum.any():
        o = sort_order(key, ordv, by_type=True)
        ko, kind, vo = key[o], ordv[o] % 10, value[o]
        same = (ko[1:] == ko[:-1]) & (kind[1:] == kind[:-1])
        fell = np.flatnonzero(same & (vo[1:] < vo[:-1]) & cum[o][1:]) + 1
        found.append((o[fell], "cumulative_fell", [
            {"before": f"{vo[j - 1]:g}", "after": f"{vo[j]:g}"} for j in fell]))

    s = pd.Series(value)
    by_type = key * 4 + ordv % 10  # a series' figures of one period type
    g = s.groupby(by_type)
    n = g.transform("size").to_numpy()
    med = g.transform("median").to_numpy()
    dev = np.abs(value - med)
    mad = pd.Series(dev).groupby(by_type).transform("median").to_numpy() * 1.4826
    far = np.flatnonzero((n >= OUTLIER_MIN_POINTS) & (mad > 0) & (dev > OUTLIER_MADS * mad))
    found.append((far, "outlier", [
        {"value": f"{value[i]:g}", "median": f"{med[i]:g}"} for i in far]))

    rows = [(idx, name, msgs) for idx, name, msgs in found if len(idx)]
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    idx = np.concatenate([r[0] for r in rows])
    out = figures.iloc[idx][["indicator", "area", "period", "value"]].reset_index(drop=True)
    out["check"] = np.concatenate([[name] * len(i) for i, name, _ in rows])
    out["params"] = [p for r in rows for p in r[2]]
    out["message"] = messages(out)
    return out[COLUMNS]


def message(check: str, params: dict[str, str]) -> Text:
    """The text of one warning in the current language (:func:`core.i18n.tr`); a period in
    it is named that language's way (2025年上半年)."""
    if "period" in params:
        params = {**params, "period": shown(params["period"])}
    return tr(MESSAGES[check], **params)


def messages(warnings: pd.DataFrame) -> list[Text]:
    """The texts of ``warnings`` (rows of :func:`check`) in the current language, in order.

    Made from ``check`` and ``params``, not from ``message``, so they follow the language
    the window speaks now, whatever process or language :func:`check` ran in.
    """
    return [message(c, p) for c, p in zip(warnings["check"].tolist(),
                                          warnings["params"].tolist())]
