"""Period status, gap and change: hand-computed cases for every label and both directions."""
from __future__ import annotations

import math

import pytest

from core.status import scorecard
from tests import frames as F


def one(ind: dict, figs: list[tuple], tgts: list[dict], area="cq"):
    sc = scorecard(F.indicators(ind), F.figures(*figs), F.targets(*tgts))
    row = sc[(sc["indicator"] == ind["code"]) & (sc["area"] == area)]
    assert len(row) == 1
    return row.iloc[0]


SHARE = dict(code="W", value_kind="percent", vmin=0, vmax=100, tolerance=0.5)
PM = dict(code="PM", direction="lower", tolerance=1.0)


@pytest.mark.parametrize("actual,label,gap", [
    (98.6, "met", 1.3), (97.3, "met", 0.0), (97.0, "close", -0.3), (96.8, "close", -0.5),
    (96.0, "missed", -1.3)])
def test_higher_is_better_share(actual, label, gap):
    r = one(SHARE, [("W", "cq", "2024H1", actual)],
            [dict(indicator="W", area="cq", period="2024H1", comparator=">=", value=97.3,
                  kind="national_assessment")])
    assert r["period_status"] == label
    assert r["gap"] == pytest.approx(gap)
    assert r["gap_pct"] == pytest.approx(gap / 97.3 * 100)


@pytest.mark.parametrize("actual,label,gap", [
    (34.5, "met", -0.5), (35.0, "met", 0.0), (35.8, "close", 0.8), (37.0, "missed", 2.0)])
def test_lower_is_better(actual, label, gap):
    r = one(PM, [("PM", "cq", "2024", actual)],
            [dict(indicator="PM", area="cq", period="2024", comparator="<=", value=35)])
    assert r["period_status"] == label
    assert r["gap"] == pytest.approx(gap)


@pytest.mark.parametrize("actual,tol,label", [(1, 0, "met"), (2, 0, "met"), (3, 0, "missed"),
                                               (3, 1, "close"), (6, 1, "missed")])
def test_ordinal_water_classes(actual, tol, label):
    ind = dict(code="Y", value_kind="class", direction="lower", tolerance=tol, unit="class")
    r = one(ind, [("Y", "cq", "2025H1", actual)],
            [dict(indicator="Y", area="cq", period="2025H1", comparator="<=", value=2)])
    assert r["period_status"] == label


@pytest.mark.parametrize("actual,label,gap", [(7.0, "met", 0.0), (9.3, "close", 0.3),
                                               (5.8, "close", -0.2), (10.0, "missed", 1.0)])
def test_band_indicator_without_target_uses_its_band(actual, label, gap):
    ind = dict(code="PH", direction="band", band_low=6.0, band_high=9.0, tolerance=0.5)
    r = one(ind, [("PH", "cq", "2024", actual)], [])
    assert r["period_status"] == label
    assert r["gap"] == pytest.approx(gap)
    assert r["target_source"] == "band"


def test_between_target_and_equal_target():
    ind = dict(code="B", tolerance=1.0)
    r = one(ind, [("B", "cq", "2024", 12)],
            [dict(indicator="B", area="cq", period="2024", comparator="between", value=5,
                  value_high=11)])
    assert (r["period_status"], r["gap"]) == ("close", 1.0)
    r = one(ind, [("B", "cq", "2024", 100)],
            [dict(indicator="B", area="cq", period="2024", comparator="=", value=100)])
    assert r["period_status"] == "met"


def test_no_target_and_no_data():
    figs = [("PM", "cq", "2024", 30.0)]
    tg = [dict(indicator="PM", area="sp", period="2024", comparator="<=", value=35)]
    sc = scorecard(F.indicators(PM), F.figures(*figs), F.targets(*tg))
    by_area = sc.set_index("area")
    assert by_area.loc["cq", "period_status"] == "no_target"
    assert by_area.loc["cq", "course_status"] == "no_target"
    assert by_area.loc["sp", "period_status"] == "no_data"
    assert by_area.loc["sp", "course_status"] == "no_data"
    assert math.isnan(by_area.loc["sp", "gap"])


def test_latest_previous_and_change_use_same_period_type():
    figs = [("PM", "cq", "2023H1", 40.9), ("PM", "cq", "2023", 39.0), ("PM", "cq", "2024H1", 36.6)]
    r = one(dict(PM, period_type="half"), figs, [])
    assert r["latest_period"] == "2024H1" and r["latest_value"] == 36.6
    assert r["prev_period"] == "2023H1"
    assert r["change"] == pytest.approx(-4.3)
    assert r["change_pct"] == pytest.approx(-4.3 / 40.9 * 100)
    assert r["n_figures"] == 3


def test_month_half_year_indicator_compares_half_years_only():
    """Like with like: an indicator of period_type half that also takes months and years.
    Latest is the latest half-year (not the later month or year), its change is against the
    same half a year earlier (2024H1, not the 2024H2 between), the course's fallback baseline
    is the first half-year (not the earlier year)."""
    ind = dict(PM, period_type="half", period_types="month,half,year")
    figs = [("PM", "cq", "2022", 45.0), ("PM", "cq", "2024H1", 38.0),
            ("PM", "cq", "2024H2", 30.0), ("PM", "cq", "2024", 34.0),
            ("PM", "cq", "2025-05", 20.0), ("PM", "cq", "2025H1", 35.0),
            ("PM", "cq", "2025-07", 25.0), ("PM", "cq", "2025", 33.0)]
    tg = [dict(indicator="PM", area="cq", period="2027", comparator="<=", value=30)]
    r = one(ind, figs, tg)
    assert (r["latest_period"], r["latest_value"]) == ("2025H1", 35.0)
    assert (r["prev_period"], r["prev_value"]) == ("2024H1", 38.0)
    assert r["change"] == pytest.approx(-3.0)
    assert (r["baseline_period"], r["baseline_value"]) == ("2024H1", 38.0)
    # 2024H1 -> 2025H1: one year (365 days / 365.25); g = 35/38 - 1 over 0.999316 years
    assert r["growth_observed"] == pytest.approx((35 / 38) ** (365.25 / 365) - 1)
    assert r["n_figures"] == 8


def test_change_is_against_the_same_period_a_year_earlier():
    ind = dict(PM, period_type="half")
    r = one(ind, [("PM", "cq", "2024H1", 40.0), ("PM", "cq", "2024H2", 30.0),
                  ("PM", "cq", "2025H1", 36.0)], [])
    assert (r["prev_period"], r["change"]) == ("2024H1", -4.0)
    r = one(ind, [("PM", "cq", "2024H2", 30.0), ("PM", "cq", "2025H1", 36.0)], [])
    assert r["prev_period"] is None and math.isnan(r["change"])


def test_a_series_without_the_indicators_type_uses_the_type_of_its_latest_figure():
    ind = dict(PM, period_type="half", period_types="half,year")
    r = one(ind, [("PM", "cq", "2023", 40.0), ("PM", "cq", "2024", 36.0)], [])
    assert (r["latest_period"], r["prev_period"], r["change"]) == ("2024", "2023", -4.0)


def test_target_choice_exact_then_next_deadline_then_latest_past():
    figs = [("PM", "cq", "2024", 36.0)]
    tg = [dict(indicator="PM", area="cq", period="2023", comparator="<=", value=50),
          dict(indicator="PM", area="cq", period="2030", comparator="<=", value=25),
          dict(indicator="PM", area="cq", period="2026", comparator="<=", value=33)]
    assert one(PM, figs, tg)["target_period"] == "2026"
    tg.append(dict(indicator="PM", area="cq", period="2024", comparator="<=", value=37))
    assert one(PM, figs, tg)["target_period"] == "2024"
    assert one(PM, figs, tg[:1])["target_period"] == "2023"


def test_national_assessment_target_outranks_plan_of_the_same_period():
    tg = [dict(indicator="W", area="cq", period="2024H1", comparator=">=", value=98,
               kind="municipal_plan"),
          dict(indicator="W", area="cq", period="2024H1", comparator=">=", value=97.3,
               kind="national_assessment")]
    r = one(SHARE, [("W", "cq", "2024H1", 97.5)], tg)
    assert (r["target_kind"], r["period_status"]) == ("national_assessment", "met")


def test_rows_follow_the_areas_own_order_when_given():
    """The municipality first, then the districts as the areas table lists them (by code,
    Chongqing sat among the districts)."""
    import pandas as pd

    from core.periods import period_ord
    from core.status import scorecard

    ind = pd.DataFrame([dict(code="X", category="air", name_en="x", name_zh="x", unit="",
                             unit_zh="", value_kind="number", direction="lower",
                             band_low=None, band_high=None, cumulative=False, vmin=0.0,
                             vmax=None, period_type="year", decimals=1, tolerance=0.0,
                             category_sort=1)])
    figs = pd.DataFrame([dict(indicator="X", area=a, period="2024",
                              period_ord=period_ord("2024"), value=1.0, qualifier="")
                         for a in ("wanzhou", "chongqing", "fuling")])
    tg = pd.DataFrame(columns=["indicator", "area", "period", "period_ord", "comparator",
                               "value", "value_high", "kind", "baseline_period",
                               "baseline_value"])
    assert scorecard(ind, figs, tg)["area"].tolist() == ["chongqing", "fuling", "wanzhou"]
    rank = {"chongqing": 0, "wanzhou": 1, "fuling": 2}
    assert scorecard(ind, figs, tg, area_rank=rank)["area"].tolist() == [
        "chongqing", "wanzhou", "fuling"]


def test_scorecard_order_categories_then_codes_then_the_areas_own_order():
    """One definition of the scorecard's order (the window's edits use it too): category,
    then indicator code, then the areas' own order; what the mappings lack comes last."""
    import pandas as pd

    from core.status import in_scorecard_order

    frame = pd.DataFrame({"indicator": ["B", "A", "C", "A", "Z", "A"],
                          "area": ["x", "y", "x", "x", "x", "new"]}, index=[9, 8, 7, 6, 5, 4])
    out = in_scorecard_order(frame, {"A": 2, "B": 2, "C": 1}, {"y": 0, "x": 1})
    assert list(zip(out["indicator"], out["area"])) == [
        ("C", "x"), ("A", "y"), ("A", "x"), ("A", "new"), ("B", "x"), ("Z", "x")]
    assert list(out.index) == list(range(6))
    by_code = in_scorecard_order(frame, pd.Series({"A": 1, "B": 1, "C": 1, "Z": 1}))
    assert list(zip(by_code["indicator"], by_code["area"]))[:3] == [
        ("A", "new"), ("A", "x"), ("A", "y")]
