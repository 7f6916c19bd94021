from __future__ import annotations

from core.coherence import check
from core.status import scorecard
from tests import frames as F


def _checks(ind, *figs):
    w = check(F.indicators(ind), F.figures(*figs))
    return list(zip(w["period"], w["check"]))


def test_a_cumulative_count_that_falls():
    ind = dict(code="Z", value_kind="count", cumulative=True)
    got = _checks(ind, ("Z", "cq", "2024H1", 1600), ("Z", "cq", "2025H1", 3800),
                  ("Z", "cq", "2025H2", 3700))
    assert got == [("2025H2", "cumulative_fell")]
    assert _checks(dict(ind, cumulative=False), ("Z", "cq", "2024H1", 1600),
                   ("Z", "cq", "2025H1", 1500)) == []


def test_good_air_days_beyond_the_days_of_the_period():
    ind = dict(code="D", value_kind="count", unit="days")
    got = _checks(ind, ("D", "cq", "2024H1", 182), ("D", "cq", "2025H1", 182),
                  ("D", "cq", "2024Q1", 92))
    assert got == [("2025H1", "days_exceed_period"), ("2024Q1", "days_exceed_period")]


def test_a_share_over_100():
    ind = dict(code="S", value_kind="percent", vmin=0, vmax=100)
    got = _checks(ind, ("S", "cq", "2024", 100.0), ("S", "cq", "2025", 100.4))
    assert got == [("2025", "outside_limits")]


def test_a_value_far_outside_the_series():
    ind = dict(code="P")
    months = [f"2024-{m:02d}" for m in range(1, 13)]
    vals = [35, 36, 34, 35, 37, 36, 35, 34, 36, 350, 35, 36]
    got = _checks(ind, *[("P", "cq", p, v) for p, v in zip(months, vals)])
    assert got == [("2024-10", "outlier")]
    # too short a series is never flagged
    assert _checks(ind, *[("P", "cq", p, v) for p, v in zip(months[:5], [1, 1, 1, 1, 90])]) == []


def test_far_from_history_compares_like_with_like():
    """Good-air days by month (about 27) and by half-year (about 160): a half-year is no
    outlier among months, but a month far from the other months still is."""
    ind = dict(code="G", value_kind="count", unit="days", period_type="half",
               period_types="month,half")
    months = [(f"2024-{m:02d}", 26 + m % 3) for m in range(1, 13)]
    halves = [("2023H1", 158), ("2023H2", 162), ("2024H1", 160), ("2024H2", 161)]
    figs = [("G", "cq", p, v) for p, v in months + halves]
    assert _checks(ind, *figs) == []
    figs[4] = ("G", "cq", "2024-05", 3)
    assert _checks(ind, *figs) == [("2024-05", "outlier")]


def test_scorecard_counts_warnings_per_row():
    ind = dict(code="Z", value_kind="count", cumulative=True)
    sc = scorecard(F.indicators(ind), F.figures(("Z", "cq", "2024", 5), ("Z", "cq", "2025", 4),
                                                ("Z", "sp", "2025", 4)), F.targets())
    assert dict(zip(sc["area"], sc["warnings"])) == {"cq": 1, "sp": 0}
