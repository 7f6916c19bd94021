"""core.trend with numbers checked by hand (the arithmetic is in the comments)."""
from __future__ import annotations

import pandas as pd
import pytest

from core import status
from core.periods import period_ord
from core.trend import period_end_x, period_x, project, trend_frame

DAY = 86400.0
JAN1_2024 = 1704067200.0  # 2024-01-01T00:00Z
JAN1_2025 = 1735689600.0


def indicators(**over) -> pd.DataFrame:
    row = dict(code="X", category="air", name_zh="x", name_en="x", unit="µg/m³",
               value_kind="number", direction="lower", band_low=None, band_high=None,
               cumulative=False, vmin=0.0, vmax=None, period_type="year", decimals=1,
               tolerance=0.0, definition_en="", definition_zh="", version=1, category_sort=1)
    row.update(over)
    return pd.DataFrame([row])


def figures(rows) -> pd.DataFrame:
    return pd.DataFrame([dict(id=i + 1, indicator="X", area=a, period=p, period_ord=period_ord(p),
                              value=float(v), qualifier=q, status="final", derived=False,
                              derivation="", note="", source=None, source_ref=ref, version=1)
                         for i, (a, p, v, q, ref) in enumerate(rows)])


TARGET_COLUMNS = ["id", "indicator", "area", "period", "period_ord", "comparator", "value",
                  "value_high", "kind", "baseline_period", "baseline_value", "derived",
                  "derivation", "note", "source", "source_ref", "version"]


def targets(rows) -> pd.DataFrame:
    return pd.DataFrame([dict(id=i + 1, indicator="X", area=a, period=p, period_ord=period_ord(p),
                              comparator=c, value=float(v), value_high=None, kind="municipal_plan",
                              baseline_period=bp, baseline_value=bv, derived=False,
                              derivation="", note="", source=None, source_ref="", version=1)
                         for i, (a, p, c, v, bp, bv) in enumerate(rows)],
                        columns=TARGET_COLUMNS)


def test_x_is_the_middle_day_of_each_period_type():
    # 2024H1 has 182 days (leap year); middle = Jan 1 + 90 days = Mar 31
    assert period_x("2024H1") == JAN1_2024 + 90 * DAY
    # 2024 has 366 days; middle = Jan 1 + 182 days = Jul 1
    assert period_x("2024") == JAN1_2024 + 182 * DAY
    # June 2024: 30 days, middle = Jun 15 = day 166 of the year (152 + 14)
    assert period_x("2024-06") == JAN1_2024 + 166 * DAY
    # 2025H1 ends Jun 30 2025 = Jan 1 + 180 days
    assert period_end_x("2025H1") == JAN1_2025 + 180 * DAY


def test_series_per_area_sorted_on_true_dates():
    figs = figures([("a", "2024", 30, "", "t1"), ("a", "2022", 31, "about", "t2"),
                    ("a", "2023", 35, "", ""), ("b", "2024", 20, "", "")])
    fr = trend_frame(indicators(), figs, targets([]), None, "X")
    assert fr.areas == ["a", "b"]
    a = fr.series_for("a")
    assert a.periods == ["2022", "2023", "2024"]
    assert a.y == [31.0, 35.0, 30.0]
    assert a.qualifiers == ["about", "", ""]
    assert a.sources == ["t2", "", "t1"]
    assert [c for _, c in fr.ticks] == ["2022", "2023", "2024"]
    assert fr.targets == [] and fr.projections == []


def test_a_line_joins_figures_of_the_indicators_period_type_only():
    """Like with like: a half-year indicator that also takes months and years draws its
    half-years as the line; the month and the year are no points of it. An area with no
    half-year at all draws the type of its latest figure."""
    figs = figures([("a", "2024-06", 30, "", ""), ("a", "2024H2", 29, "", ""),
                    ("a", "2024H1", 31, "", ""), ("a", "2023", 35, "", ""),
                    ("b", "2023", 21, "", ""), ("b", "2024", 20, "", "")])
    ind = indicators(period_type="half", period_types="month,half,year")
    fr = trend_frame(ind, figs, targets([]), None, "X")
    assert fr.series_for("a").periods == ["2024H1", "2024H2"]
    assert fr.series_for("a").y == [31.0, 29.0]
    assert fr.series_for("b").periods == ["2023", "2024"]
    # ticks: the periods drawn (2024 is b's), not the month or a's year
    assert [c for _, c in fr.ticks] == ["2023", "2024H1", "2024", "2024H2"]


def test_compound_projection_lower_is_better():
    # baseline 2020 = 40, latest 2024 = 32.4: 4.0 years between period ends (1461 days)
    # g = (32.4/40) ** (1/4) - 1 = 0.81 ** 0.25 - 1 = -0.0513167
    # deadline 2025: 365 / 365.25 = 0.999316 years after the end of 2024
    # projected = 32.4 * 0.9486833 ** 0.999316 = 32.4 * 0.948718 = 30.7385
    figs = figures([("a", "2020", 40, "", ""), ("a", "2024", 32.4, "", "")])
    tg = targets([("a", "2025", "<=", 30, "2020", 40.0)])
    fr = trend_frame(indicators(), figs, tg, None, "X")
    (seg,) = fr.targets
    assert (seg.y, seg.comparator, seg.period) == (30.0, "<=", "2025")
    assert seg.x0 == period_x("2020") and seg.x1 == period_end_x("2025")
    (proj,) = fr.projections
    assert proj.mode == "compound"
    assert proj.x[0] == period_x("2024") and proj.y[0] == pytest.approx(32.4)
    assert proj.x[-1] == period_end_x("2025")
    assert proj.y[-1] == pytest.approx(30.7385, abs=1e-3)
    assert proj.course_status == "needs_acceleration"  # ratio = -0.0513 / -0.0581 = 0.88
    assert ("2025" in [c for _, c in fr.ticks])


def test_shortfall_projection_for_a_share_near_100():
    # shortfall 100 - 90 = 10 in 2020, 100 - 95 = 5 in 2024: g = 0.5 ** 0.25 - 1 = -0.159104
    # 2026 end is 730 days = 1.998631 years after 2024 end
    # shortfall there = 5 * 0.840896 ** 1.998631 = 5 * 0.707273 = 3.5364 -> 96.4636
    ind = indicators(value_kind="percent", direction="higher", vmin=0.0, vmax=100.0)
    figs = figures([("a", "2020", 90, "", ""), ("a", "2024", 95, "", "")])
    tg = targets([("a", "2026", ">=", 98, "2020", 90.0)])
    (proj,) = trend_frame(ind, figs, tg, None, "X").projections
    assert proj.mode == "compound"
    assert proj.y[-1] == pytest.approx(96.4636, abs=1e-3)
    assert project(95.0, -0.159104, 1.998631, mode="compound", shortfall_max=100.0) == \
        pytest.approx(96.4636, abs=1e-3)


def test_linear_projection_for_classes_and_given_scorecard_rows():
    # class III (3) in 2020, class II (2) in 2024: linear rate (2 - 3) / 4 = -0.25 a year
    # 2026: 2 - 0.25 * 1.998631 = 1.50034; a straight line needs only its two ends
    ind = indicators(value_kind="class", direction="lower", vmin=None, decimals=0)
    figs = figures([("a", "2020", 3, "", ""), ("a", "2024", 2, "", "")])
    tg = targets([("a", "2026", "<=", 1, "2020", 3.0)])
    rows = status.scorecard(ind, figs, tg)
    fr = trend_frame(ind, figs, tg, rows, "X")
    (proj,) = fr.projections
    assert proj.mode == "linear" and len(proj.x) == 2
    assert proj.y == pytest.approx([2.0, 1.50034], abs=1e-4)


def test_projection_is_clipped_to_natural_limits_and_absent_without_course():
    # 10 -> 2 over 4 years, linear rule because the target is 0: rate -2 a year;
    # two years on would be -2, clipped at the natural minimum 0
    figs = figures([("a", "2020", 10, "", ""), ("a", "2024", 2, "", ""), ("b", "2024", 5, "", "")])
    tg = targets([("a", "2026", "<=", 0, "2020", 10.0), ("b", "2026", "<=", 0, None, None)])
    fr = trend_frame(indicators(), figs, tg, None, "X")
    assert {t.area for t in fr.targets} == {"a", "b"}
    (proj,) = fr.projections  # b has one figure, hence no observed course
    assert proj.area == "a" and proj.mode == "linear"
    assert proj.y[-1] == 0.0
    seg_b = next(t for t in fr.targets if t.area == "b")
    assert seg_b.x0 == period_x("2024")  # no baseline: from the area's first figure


def test_unknown_indicator_raises():
    with pytest.raises(KeyError):
        trend_frame(indicators(), figures([]), targets([]), None, "NOPE")


def test_a_band_indicator_shows_its_band_where_an_area_has_no_target():
    ind = indicators(direction="band", band_low=6.0, band_high=9.0, vmax=14.0)
    figs = figures([("a", "2023", 8.5, "", ""), ("a", "2024", 9.4, "", ""),
                    ("b", "2024", 7.0, "", "")])
    tg = targets([("b", "2026", "between", 6.5, None, None)])
    tg["value_high"] = 8.5
    fr = trend_frame(ind, figs, tg, None, "X")
    by_area = {t.area: t for t in fr.targets}
    band = by_area["a"]
    assert (band.comparator, band.y, band.y_high, band.kind) == ("between", 6.0, 9.0, "band")
    assert (band.x0, band.x1) == (fr.series[0].x[0], fr.series[0].x[-1])  # under its line
    assert by_area["b"].kind == "municipal_plan"  # its own target, not the band
    # not for other indicators
    plain = trend_frame(indicators(), figs, targets([]), None, "X")
    assert plain.targets == []
