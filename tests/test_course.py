"""Course status by the growth-ratio method, computed by hand from day counts.

Years are days between period ends / 365.25 (2020 end -> 2022 end is 730 days; 2020 end ->
2025 end is 1,826 days).
"""
from __future__ import annotations

import math

import pytest

from core.status import scorecard
from tests import frames as F

Y2, Y5 = 730 / 365.25, 1826 / 365.25


def course(ind, figs, tgt):
    sc = scorecard(F.indicators(ind), F.figures(*figs), F.targets(tgt))
    return sc.iloc[0]


UP = dict(code="U")
TGT_UP = dict(indicator="U", area="cq", period="2025", comparator=">=", value=200,
              baseline_period="2020", baseline_value=100)


@pytest.mark.parametrize("current,label", [
    (135, "on_track"), (121, "needs_acceleration"), (105, "limited_progress"),
    (95, "deterioration"), (210, "achieved")])
def test_higher_is_better_labels(current, label):
    r = course(UP, [("U", "cq", "2022", current)], TGT_UP)
    assert r["course_status"] == label
    if label != "achieved":
        obs = (current / 100) ** (1 / Y2) - 1
        req = 2 ** (1 / Y5) - 1
        assert r["growth_ratio"] == pytest.approx(obs / req)


def test_needs_acceleration_by_hand():
    r = course(UP, [("U", "cq", "2022", 121)], TGT_UP)
    assert r["growth_observed"] == pytest.approx(0.100072, abs=1e-5)
    assert r["growth_required"] == pytest.approx(0.148721, abs=1e-5)
    assert r["growth_ratio"] == pytest.approx(0.67288, abs=1e-4)


def test_lower_is_better_improving_gives_a_positive_ratio():
    ind = dict(code="PM", direction="lower")
    tgt = dict(indicator="PM", area="cq", period="2025H2", comparator="<=", value=30,
               baseline_period="2023H1", baseline_value=40.9)
    r = course(ind, [("PM", "cq", "2024H1", 36.6)], tgt)
    # 2023-06-30 -> 2024-06-30: 366 days; -> 2025-12-31: 915 days
    obs = (36.6 / 40.9) ** (365.25 / 366) - 1
    req = (30 / 40.9) ** (365.25 / 915) - 1
    assert obs < 0 and req < 0
    assert r["growth_ratio"] == pytest.approx(obs / req) == pytest.approx(0.9017, abs=1e-3)
    assert r["course_status"] == "needs_acceleration"
    worse = course(ind, [("PM", "cq", "2024H1", 42.0)], tgt)
    assert worse["course_status"] == "deterioration"


def test_zero_target_uses_linear_rates():
    ind = dict(code="S", direction="lower")
    tgt = dict(indicator="S", area="cq", period="2025", comparator="<=", value=0,
               baseline_period="2022", baseline_value=4)
    r = course(ind, [("S", "cq", "2023", 2)], tgt)
    obs = (2 - 4) / (365 / 365.25)
    req = (0 - 4) / (1096 / 365.25)
    assert r["growth_ratio"] == pytest.approx(obs / req)
    assert r["course_status"] == "on_track"


def test_share_near_its_limit_is_measured_on_the_shortfall():
    ind = dict(code="W", value_kind="percent", vmin=0, vmax=100)
    tgt = dict(indicator="W", area="cq", period="2025", comparator=">=", value=99,
               baseline_period="2020", baseline_value=90)
    r = course(ind, [("W", "cq", "2022", 95)], tgt)
    obs = (5 / 10) ** (1 / Y2) - 1
    req = (1 / 10) ** (1 / Y5) - 1
    assert r["growth_ratio"] == pytest.approx(obs / req) == pytest.approx(0.7940, abs=1e-3)
    assert r["course_status"] == "needs_acceleration"
    naive = ((95 / 90) ** (1 / Y2) - 1) / ((99 / 90) ** (1 / Y5) - 1)
    assert naive > 0.95  # the raw share would have looked on track


def test_full_share_target_falls_back_to_linear_shortfall():
    ind = dict(code="W", value_kind="percent", vmin=0, vmax=100)
    tgt = dict(indicator="W", area="cq", period="2025", comparator=">=", value=100,
               baseline_period="2020", baseline_value=90)
    r = course(ind, [("W", "cq", "2022", 96)], tgt)
    assert r["growth_ratio"] == pytest.approx(((4 - 10) / Y2) / ((0 - 10) / Y5))
    assert r["course_status"] == "on_track"


def test_ordinal_classes_use_linear_ranks():
    ind = dict(code="Y", value_kind="class", direction="lower")
    tgt = dict(indicator="Y", area="cq", period="2025", comparator="<=", value=2,
               baseline_period="2020", baseline_value=4)
    r = course(ind, [("Y", "cq", "2022", 3)], tgt)
    assert r["growth_ratio"] == pytest.approx((-1 / Y2) / (-2 / Y5))
    assert r["course_status"] == "on_track"


def test_first_figure_is_the_baseline_when_the_target_names_none():
    tgt = {k: v for k, v in TGT_UP.items() if not k.startswith("baseline")}
    r = course(UP, [("U", "cq", "2020", 100), ("U", "cq", "2022", 121)], tgt)
    assert r["baseline_period"] == "2020"
    assert r["course_status"] == "needs_acceleration"


def test_no_baseline_no_course():
    tgt = {k: v for k, v in TGT_UP.items() if not k.startswith("baseline")}
    r = course(UP, [("U", "cq", "2022", 121)], tgt)
    assert r["course_status"] == "no_data" and math.isnan(r["growth_ratio"])


def test_target_equal_to_baseline_and_moving_away_is_deterioration():
    tgt = dict(TGT_UP, value=100)
    assert course(UP, [("U", "cq", "2022", 90)], tgt)["course_status"] == "deterioration"
