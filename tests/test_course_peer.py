"""The course status held against Open SDG's own method, on 25 hand-built cases.

``peer`` below restates, in our words, what sdg-build's ``sdg/ProgressMeasure.py``
(``methodology_2``, commit 6d3d128 of open-sdg/sdg-build) does with a quantitative target:
"target achieved" when the current value is on the target's side; else the compound annual
growth from the base year to now over the growth required from the base year to the target
year, in whole years, thresholds 0.95 / 0.6 / 0; a target of 0 is replaced by 0.001.

Each case gives the label the peer's method gives and EcoTracker's. They agree to four
decimals on the ratio wherever both use the same arithmetic; where EcoTracker differs, it does
so on purpose, and the case says why.
"""
from __future__ import annotations

import math

import numpy as np
import pytest

from core import course

PEER_LABELS = {"on_track": "on_track", "progress_needs_acceleration": "needs_acceleration",
               "limited_progress": "limited_progress", "deterioration": "deterioration",
               "target_achieved": "achieved"}


def peer(base, current, target, t0, t, t_target, direction):
    """(label, ratio) of the peer's method; label "error" where its arithmetic fails
    (division by zero, a complex power of a negative number)."""
    if target == 0:
        target = 0.001
    if (direction == "negative" and current <= target) or (
            direction == "positive" and current >= target):
        return "achieved", None
    try:
        observed = (current / base) ** (1 / (t - t0)) - 1
        required = (target / base) ** (1 / (t_target - t0)) - 1
        ratio = observed / required
        if isinstance(ratio, complex):
            raise TypeError("complex growth")
    except (ZeroDivisionError, TypeError):
        return "error", None
    for bound, label in ((0.95, "on_track"), (0.6, "progress_needs_acceleration"),
                         (0.0, "limited_progress")):
        if ratio >= bound:
            return PEER_LABELS[label], ratio
    return "deterioration", ratio


def ours(base, current, target, comparator, years_obs, years_req, *, kind="number",
         vmax=math.nan):
    """(label, ratio) of EcoTracker's course (core.course, as core.status calls it)."""
    up = comparator == ">="
    met = current >= target if up else current <= target
    short = vmax if (up and kind == "percent"
                     and course.near_limit([target], [0.0], [vmax])[0]) else math.nan
    _, _, ratio = course.growth_ratio([base], [current], [target], [years_obs], [years_req],
                                      shortfall_max=[short], want_up=[up])
    label = course.course_labels(ratio, [met], [True], [True])[0]
    return str(label), (None if np.isnan(ratio[0]) else float(ratio[0]))


# name, baseline, now, comparator, target, (base year, now, target year) for the peer,
# (years observed, years required) for EcoTracker, kind, natural max, peer label, our label,
# why we differ ("" where we agree)
STD = (2015, 2020, 2030)
CASES = [
    ("up, on track", 50, 60, ">=", 80, STD, (5, 15), "number", math.nan,
     "on_track", "on_track", ""),
    ("up, limited", 50, 52, ">=", 80, STD, (5, 15), "number", math.nan,
     "limited_progress", "limited_progress", ""),
    ("up, needs acceleration", 50, 55, ">=", 80, STD, (5, 15), "number", math.nan,
     "needs_acceleration", "needs_acceleration", ""),
    ("up, moving away", 50, 45, ">=", 80, STD, (5, 15), "number", math.nan,
     "deterioration", "deterioration", ""),
    ("down, on track", 40, 30, "<=", 20, STD, (5, 15), "number", math.nan,
     "on_track", "on_track", ""),
    ("down, limited", 40, 38, "<=", 20, STD, (5, 15), "number", math.nan,
     "limited_progress", "limited_progress", ""),
    ("down, needs acceleration", 40, 34, "<=", 20, STD, (5, 15), "number", math.nan,
     "needs_acceleration", "needs_acceleration", ""),
    ("down, moving away", 40, 45, "<=", 20, STD, (5, 15), "number", math.nan,
     "deterioration", "deterioration", ""),
    ("up, achieved", 50, 85, ">=", 80, STD, (5, 15), "number", math.nan,
     "achieved", "achieved", ""),
    ("down, achieved", 40, 18, "<=", 20, STD, (5, 15), "number", math.nan,
     "achieved", "achieved", ""),
    ("counts towards 5,000 cells", 3800, 4500, ">=", 5000, STD, (5, 15), "count", math.nan,
     "on_track", "on_track", ""),
    ("large counts", 1000, 1500, ">=", 5000, STD, (5, 15), "count", math.nan,
     "needs_acceleration", "needs_acceleration", ""),
    ("a share far from its limit (20 -> 30 % towards 50 %)", 20, 30, ">=", 50, STD, (5, 15),
     "percent", 100.0, "on_track", "on_track", ""),
    ("a share to 100 %", 95, 98, ">=", 100, STD, (5, 15), "percent", 100.0,
     "on_track", "on_track",
     "same label; measured on the shortfall 5 -> 2 towards 0, linearly (ratio 1.8 by both)"),
    ("tiny progress", 100, 100.5, ">=", 120, STD, (5, 15), "number", math.nan,
     "limited_progress", "limited_progress", ""),
    ("down, moving away (2)", 20, 25, "<=", 15, STD, (5, 15), "number", math.nan,
     "deterioration", "deterioration", ""),
    # the baseline already met the target; the value has since moved the wrong way
    ("baseline 100 met >= 90, now 80", 100, 80, ">=", 90, STD, (5, 15), "number", math.nan,
     "on_track", "deterioration",
     "both growths are negative, so their ratio is positive: oriented by the direction the "
     "target wants, a value that fell from meeting to missing it has deteriorated"),
    ("baseline 30 met <= 35, now 40", 30, 40, "<=", 35, STD, (5, 15), "number", math.nan,
     "on_track", "deterioration", "the same, lower is better"),
    ("baseline 100 met >= 90, now 89", 100, 89, ">=", 90, STD, (5, 15), "number", math.nan,
     "on_track", "deterioration", "the same, just missed"),
    # shares near their natural limit
    ("a share near its limit (90 -> 92 % towards 97.3 %)", 90, 92, ">=", 97.3, STD, (5, 15),
     "percent", 100.0, "needs_acceleration", "limited_progress",
     "near 100 % the share itself barely grows: the shortfall 10 -> 8 has to fall to 2.7"),
    # zeros, negatives, no movement, exact time
    ("target 0 (no heavy-pollution days)", 10, 5, "<=", 0, STD, (5, 15), "count", math.nan,
     "limited_progress", "on_track",
     "the peer puts 0.001 for a target of 0, which makes the required growth depend on that "
     "choice; linear rates are used towards and from zero"),
    ("baseline 0", 0, 5, ">=", 10, STD, (5, 15), "count", math.nan,
     "error", "on_track", "compound growth from 0 is undefined (the peer divides by zero); "
                          "linear rates"),
    ("negative values (a net balance)", -5, -2, ">=", 2, STD, (5, 15), "number", math.nan,
     "error", "on_track", "a fractional power of a negative ratio is complex; linear rates"),
    ("target equal to the baseline, now worse", 90, 85, ">=", 90, STD, (5, 15), "number",
     math.nan, "error", "deterioration",
     "no movement was required (the peer divides by a zero growth); moving away from it is "
     "deterioration"),
    ("half-years: 2023H1 -> 2024H1 towards 2025", 40.9, 36.6, "<=", 31, (2023, 2024, 2025),
     (366 / 365.25, 913 / 365.25), "number", math.nan, "needs_acceleration", "on_track",
     "a 2025 target is due at the end of 2025, 2.5 years after the end of 2023H1; the peer "
     "counts whole years (2) and asks for a faster fall than the deadline needs"),
]


def test_there_are_25_cases():
    assert len(CASES) == 25
    assert len({c[0] for c in CASES}) == 25


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_case_against_the_peer(case):
    (name, b, c, cmp_, x, (t0, t, tt), (yo, yr), kind, vmax, peer_label, our_label,
     why) = case
    got_peer, peer_ratio = peer(b, c, x, t0, t, tt, "positive" if cmp_ == ">=" else "negative")
    got_ours, our_ratio = ours(b, c, x, cmp_, yo, yr, kind=kind, vmax=vmax)
    assert got_peer == peer_label, name
    assert got_ours == our_label, name
    if peer_label != our_label:
        assert why, f"{name}: a difference without its reason"
    elif not why and peer_ratio is not None:
        # the same arithmetic: the ratios agree to four decimals
        assert round(our_ratio, 4) == round(peer_ratio, 4), name


def test_the_issue_s_own_cases_are_deterioration_beside_missed():
    """Baseline 100, now 80, target >= 90 (and 30 -> 40 against <= 35): the period status
    says missed, so the course cannot say on track."""
    label, ratio = ours(100, 80, 90, ">=", 1.0, 3.0)
    assert label == "deterioration" and ratio < 0
    label, ratio = ours(30, 40, 35, "<=", 1.0, 3.0)
    assert label == "deterioration" and ratio < 0


def test_the_shortfall_rule_is_near_the_limit_only():
    assert list(course.near_limit([97.3, 92.6, 90.0, 89.9, 50.0], [0] * 5, [100] * 5)) == [
        True, True, True, False, False]
    assert not course.near_limit([95.0], [0.0], [math.nan])[0]  # no maximum, no shortfall
