"""Review as of a period: the scorecard read as it stood at the end of a chosen period.

A section chief preparing the half-year meeting asks "where were we at 2025H1?", not "what is
the newest figure of each series?". Read as of ``P``, a row's figure is its figure for ``P``
or, when the series has none, the latest one that ended before ``P`` ended; such a row is
*older* (its figure's period ended before ``P`` began), and the scorecard says so.

Filtering is on period end dates, not on ``period_ord``: the year 2025 starts before 2025H2,
yet its figure is not known as of 2025H1.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .periods import parse_period


def _ends(codes: pd.Series) -> np.ndarray:
    """Period end dates as datetime64 of each code (each distinct code parsed once)."""
    codes = pd.Series(codes, dtype=object)
    uniq = pd.unique(codes.dropna())
    ends = {c: pd.Timestamp(parse_period(c).end) for c in uniq}
    return pd.to_datetime(codes.map(ends)).to_numpy()


def known_at(figures: pd.DataFrame, as_of: str | None) -> pd.DataFrame:
    """The figures whose period ended by the end of ``as_of`` (all of them when None)."""
    if not as_of or figures.empty:
        return figures
    end = np.datetime64(parse_period(as_of).end)
    return figures[_ends(figures["period"]) <= end]


def older(latest_periods: pd.Series, as_of: str | None) -> np.ndarray:
    """True where a row's figure is of a period that ended before ``as_of`` began."""
    n = len(latest_periods)
    if not as_of or not n:
        return np.zeros(n, dtype=bool)
    start = np.datetime64(parse_period(as_of).start)
    ends = _ends(latest_periods)
    with np.errstate(invalid="ignore"):
        return ~pd.isna(ends) & (ends < start)


def choices(periods: pd.Series) -> list[str]:
    """Periods a review can be read as of: the distinct periods of the figures, newest first
    (longer periods of a date before their parts: 2025, 2025H2, ...)."""
    codes = [c for c in pd.unique(pd.Series(periods, dtype=object).dropna()) if c]
    parsed = {}
    for c in codes:
        try:
            parsed[c] = parse_period(c)
        except Exception:  # noqa: BLE001 - a stored code that does not parse is not offered
            continue
    return sorted(parsed, key=lambda c: (parsed[c].end, -parsed[c].sort_key[1]), reverse=True)
