"""Targets a review can stand on: the plans' targets seeded with their documents, computed
indicators through the write path, relative and qualitative targets, what a figure is, and
percentage points with GB/T 8170 rounding in every output."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from core import aggregate, computed, convention, edits, present, queries, rows, status, trend
from core.errors import EcoError
from core.periods import period_ord
from core.rounding import fixed, rounded
from core.store import Store

JUDGED = {"met", "close", "missed"}
COURSE_JUDGED = {"achieved", "on_track", "needs_acceleration", "limited_progress",
                 "deterioration"}


def _scorecard(store: Store) -> pd.DataFrame:
    with store.read() as conn:
        areas = queries.areas(conn)
        return status.scorecard(queries.indicators(conn), queries.figures(conn),
                                queries.targets(conn), area_rank=queries.area_rank(areas),
                                areas=areas)


def _row(sc: pd.DataFrame, indicator: str, area: str = "chongqing") -> dict:
    hit = sc[(sc["indicator"] == indicator) & (sc["area"] == area)]
    assert len(hit) == 1, (indicator, area)
    return hit.iloc[0].to_dict()


def test_status_on_a_fresh_database_judges_ten_rows_against_sourced_targets(tmp_path):
    db = tmp_path / "fresh.sqlite"
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "core.cli", *a, "--db", str(db)], capture_output=True,
        text=True, check=True)
    run("init")
    got = json.loads(run("status", "--format", "json").stdout)
    judged = [r for r in got if r["target_source"] == "target" and (
        r["period_status"] in JUDGED or r["course_status"] in COURSE_JUDGED)]
    assert len(judged) >= 10, [(r["indicator"], r["area"]) for r in judged]
    sourced = [r for r in got if r["target_document"]]
    assert len(sourced) >= 8  # judged by a plan's own document number
    # the command line's table reads shares' gaps in percentage points
    table = run("status").stdout
    assert "-3.0 pp" in table and "+1.3 pp" in table and "%" not in table.split("pp")[0][-3:]
    zh = run("status", "--lang", "zh_CN").stdout
    assert "+1.3个百分点" in zh


def test_every_plan_target_carries_its_document_date_kind_and_confidence(sqlite_store):
    with sqlite_store.read() as conn:
        tg = queries.targets(conn)
    planned = tg[tg["kind"].isin(("municipal_plan", "action_plan", "national_binding"))
                 & (tg["document"] != "")]
    assert len(planned) >= 20
    assert (planned["document_date"] != "").all()
    assert set(planned["confidence"]) <= {"H", "M-H", "M"}
    pm = tg[(tg["indicator"] == "AIR.PM25") & (tg["period"] == "2025")]
    assert set(pm["document"]) == {"渝府发〔2024〕15号", "国发〔2023〕24号"}
    words = tg[tg["qualitative"] != ""]
    assert set(words["qualitative"]) == {"达到国家考核要求"} and words["value"].isna().all()


def test_the_good_air_day_ratio_is_computed_and_judged_against_92_6(sqlite_store):
    with sqlite_store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.GOOD_DAYS_RATIO"])
    h1 = figs[figs["period"] == "2024H1"].iloc[0]
    assert h1["computed"] and h1["value"] == pytest.approx(100 * 163 / 182)
    assert set(figs["period"]) == {"2023H1", "2024H1", "2023", "2024"}
    row = _row(_scorecard(sqlite_store), "AIR.GOOD_DAYS_RATIO")
    assert row["target_value"] == 92.6 and row["target_document"] == "渝府发〔2022〕11号"
    assert row["period_status"] == "missed" and row["indicative"] == "half>year"
    table = present.scorecard_table(pd.DataFrame([row]), pd.DataFrame(
        {"code": ["chongqing"], "name_en": ["Chongqing"], "name_zh": ["重庆市"]}), "en")
    assert table["latest"].iat[0] == "89.6%" and table["gap"].iat[0] == "-3.0 pp"
    assert table["period_status"].iat[0] == "missed (indicative)"
    assert "not the mean" in present.indicative_reason({**row, "measure": "average"})


def test_a_computed_figure_is_never_typed_on_any_road(sqlite_store):
    with sqlite_store.write() as conn:
        with pytest.raises(EcoError, match="computed by its formula"):
            rows.insert(conn, "figure", {"indicator": "AIR.GOOD_DAYS_RATIO",
                                         "area": "chongqing", "period": "2025H1",
                                         "value": "90"}, who="t")
        from core.loader import plan_figures

        plan = plan_figures(conn, pd.DataFrame([{
            "indicator": "AIR.GOOD_DAYS_RATIO", "area": "chongqing", "period": "2024H1",
            "value": 95}]), file="x.xlsx", sheet="Data")
    assert plan.problems and "computed by its formula" in plan.problems[0].message
    assert plan.problems[0].row == 2 and plan.problems[0].sheet == "Data"


def test_an_input_change_and_its_undo_carry_the_computed_figure(store):
    def ratio(period="2024H1"):
        with store.read() as conn:
            f = queries.figures(conn, indicators=["AIR.GOOD_DAYS_RATIO"])
        hit = f[f["period"] == period]
        return float(hit["value"].iat[0]) if len(hit) else None

    with store.read() as conn:
        good = queries.figures(conn, indicators=["AIR.GOOD_DAYS"])
    row = good[good["period"] == "2024H1"].iloc[0]
    out = edits.UpdateRow("figure", int(row["id"]), int(row["version"]),
                          {"value": 170}).apply(store)
    assert out.changed.also == ("AIR.GOOD_DAYS_RATIO",)  # screens refresh it too
    assert ratio() == pytest.approx(100 * 170 / 182)
    out.inverse.apply(store)
    assert ratio() == pytest.approx(100 * 163 / 182)
    # valid monitoring days, once given, replace the period's days
    made = edits.CreateRow("figure", {"indicator": "AIR.VALID_DAYS", "area": "chongqing",
                                      "period": "2024H1", "value": 180}).apply(store)
    assert ratio() == pytest.approx(100 * 163 / 180)
    made.inverse.apply(store)  # deleting the input makes the fallback apply again
    assert ratio() == pytest.approx(100 * 163 / 182)
    with store.read() as conn:
        log = pd.read_sql("SELECT why FROM changelog WHERE indicator = 'AIR.GOOD_DAYS_RATIO' "
                          "AND entity = 'figure'",
                          conn)
    assert log["why"].str.startswith("computed by its formula").all()


def test_an_admin_edits_the_formula_like_any_field(store):
    with store.read() as conn:
        ind = queries.indicators(conn).set_index("code").loc["AIR.HEAVY_POLLUTION_RATIO"]
    edits.UpdateRow("indicator", "AIR.HEAVY_POLLUTION_RATIO", int(ind["version"]),
                    {"formula": "1000 * AIR.SEVERE_POLLUTION_DAYS / days + 1"}).apply(store)
    with store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.HEAVY_POLLUTION_RATIO"])
    assert (f["value"] == 1.0).all() and f["computed"].all()
    with store.write() as conn:
        for bad, why in (("AIR.NOPE / days", "unknown indicator"),
                         ("AIR.HEAVY_POLLUTION_RATIO + 1", "itself"),
                         ("__import__('os')", "only")):
            with pytest.raises(EcoError, match=why):
                rows.update(conn, "indicator", "AIR.HEAVY_POLLUTION_RATIO",
                            int(ind["version"]) + 1, {"formula": bad}, who="t")


def test_formula_arithmetic_and_its_fallback():
    figs = pd.DataFrame({"indicator": ["A.N", "A.D", "A.N"], "area": ["x", "x", "y"],
                         "period": ["2024H1", "2024H1", "2023H1"], "value": [9.0, 10.0, 181.0]})
    got = computed.evaluate("100 * A.N / (A.D | days)", figs)
    assert got[("x", "2024H1")] == 90.0 and got[("y", "2023H1")] == 100.0
    assert computed.inputs("100 * A.N / (A.D | days)") == ("A.N", "A.D")
    assert computed.evaluate("A.N / A.D", figs).index.tolist() == [("x", "2024H1")]


def test_relative_targets_become_numbers_once_their_baseline_exists(store):
    sc = _scorecard(store)
    energy = _row(sc, "CARBON.ENERGY_INTENSITY")
    assert energy["period_status"] == "not_judged" and bool(energy["target_needs"])
    assert present.scorecard_target(energy) == "-14% on 2020: needs the 2020 figure"
    for code, value in (("AIR.PM25", 38.0), ("CARBON.ENERGY_INTENSITY", 0.5)):
        edits.CreateRow("figure", {"indicator": code, "area": "chongqing", "period": "2020",
                                   "value": value}).apply(store)
    with store.read() as conn:
        resolved = __import__("core.relative", fromlist=["resolve"]).resolve(
            queries.targets(conn), queries.figures(conn))
    pm = resolved[(resolved["indicator"] == "AIR.PM25") & resolved["relative"].notna()]
    assert pm["value"].iat[0] == pytest.approx(34.2) and not pm["needs"].iat[0]
    energy = _row(_scorecard(store), "CARBON.ENERGY_INTENSITY")
    assert energy["target_value"] == pytest.approx(0.43) and energy["target_kind"] == "action_plan"
    assert present.scorecard_target(energy) == "≤ 0.430 (-14% on 2020)"


def test_a_qualitative_target_is_shown_and_never_judged(sqlite_store):
    co2 = _row(_scorecard(sqlite_store), "CARBON.CO2_INTENSITY")
    assert co2["target_qualitative"] in ("", None) or co2["target_kind"]
    with sqlite_store.write() as conn:  # words are refused with a number beside them
        with pytest.raises(EcoError, match="no value of its own"):
            rows.insert(conn, "target", {"indicator": "ECO.FOREST_COVER", "area": "chongqing",
                                         "period": "2027", "comparator": ">=", "value": "60",
                                         "kind": "municipal_plan", "qualitative": "稳步提升"},
                        who="t")
        rows.insert(conn, "target", {"indicator": "ECO.FOREST_COVER", "area": "chongqing",
                                     "period": "2027", "comparator": ">=", "value": "",
                                     "kind": "action_plan", "qualitative": "稳步提升"}, who="t")
        figs = pd.DataFrame([{"indicator": "ECO.FOREST_COVER", "area": "chongqing",
                              "period": "2024", "value": 55.0, "qualifier": "",
                              "period_ord": period_ord("2024")}])
    sc = _scorecard(sqlite_store)
    forest = _row(sc, "ECO.FOREST_COVER")
    assert forest["target_value"] == 57  # the number outranks the words
    with sqlite_store.read() as conn:
        t = queries.targets(conn, indicators=["ECO.FOREST_COVER"])
    one = status.scorecard(queries_ind(sqlite_store, "ECO.FOREST_COVER"), figs,
                           t[t["qualitative"] != ""])
    assert one["period_status"].iat[0] == "not_judged"
    assert one["course_status"].iat[0] == "not_judged"
    assert present.scorecard_target(one.iloc[0].to_dict()) == "稳步提升"


def queries_ind(store, code):
    with store.read() as conn:
        ind = queries.indicators(conn)
    return ind[ind["code"] == code]


def test_a_stock_is_judged_at_its_deadline(sqlite_store):
    cells = _row(_scorecard(sqlite_store), "WASTE.ZERO_WASTE_CELLS")
    assert cells["target_value"] == 5000 and cells["target_period"] == "2027"
    assert cells["period_status"] == "not_due"  # 3,800 by 2025H1 is no miss of a 2027 target
    assert cells["course_status"] in COURSE_JUDGED
    assert cells["indicative"] == ""


def test_seed_doubts_are_recorded_on_the_figure(sqlite_store):
    with sqlite_store.read() as conn:
        f = queries.figures(conn)
        ind = queries.indicators(conn).set_index("code")
    land = f[f["indicator"] == "SOIL.CLEAN_LAND_SUPPLIED"].iloc[0]
    assert land["status"] == "provisional" and "亩" in land["note"]
    assert ind.at["SOIL.CLEAN_LAND_SUPPLIED", "unit_zh"] == "亩"
    carbon = f[f["indicator"] == "CARBON.MARKET_VOLUME"].iloc[0]
    assert carbon["status"] == "provisional" and "cumulative since" in carbon["note"]
    assert ind.at["CARBON.MARKET_VOLUME_CUMULATIVE", "measure"] == "stock"


def test_the_national_convention_for_changes_and_gaps():
    share, conc, days = (convention.measure_of("percent", "%"),
                         convention.measure_of("number", "µg/m³"),
                         convention.measure_of("count", "days", True))
    assert convention.delta(1.2999999999999972, 1.33, measure=share, decimals=1) == "+1.3 pp"
    assert convention.delta(1.3, None, measure=share, decimals=1, lang="zh_CN") == "+1.3个百分点"
    assert convention.delta(-4.3, -10.51, measure=conc, decimals=1, what="change") == "-10.5%"
    assert convention.delta(5.6, 18.06, measure=conc, decimals=1) == "+5.6"
    assert convention.delta(6, 3.8, measure=days, decimals=0, what="change") == "+6 days"
    assert convention.delta(6, 3.8, measure=days, decimals=0, lang="zh_CN",
                            what="change") == "+6天"
    assert convention.excel_delta(measure=share, decimals=1) == '+#,##0.0" pp";-#,##0.0" pp";#,##0.0" pp"'


def test_gbt_8170_rounds_half_to_even_once():
    assert [fixed(v, 1) for v in (0.25, 0.35, 0.45, 1.25, -0.25)] == [
        "0.2", "0.4", "0.4", "1.2", "-0.2"]
    assert fixed(2.675, 2) == "2.68"  # as written, not the binary 2.67499...
    assert fixed(89.56043956, 1) == "89.6" and fixed(-0.04, 1) == "0.0"
    assert fixed(1234.5, 0) == "1,234" and fixed(1235.5, 0) == "1,236"
    assert rounded(98.6 - 97.3, 1) == 1.3 and rounded(float("nan"), 1) is None


def test_the_workbook_reads_as_the_window_and_the_command_line(store, tmp_path):
    from openpyxl import load_workbook

    from core.excel.export import ExportOptions, export_workbook

    out = tmp_path / "meeting.xlsx"
    export_workbook(store, out, ExportOptions(lang="zh_CN"))
    ws = load_workbook(out).worksheets[0]
    head = [c.value for c in ws[6]]
    col = {h: i for i, h in enumerate(head)}
    found = {}
    for r in ws.iter_rows(min_row=7, values_only=False):
        found[(r[col["指标"]].value.split("\n")[-1], r[col["地区"]].value)] = r
    sections = found[("WATER.STATE_SECTIONS_EXCELLENT", "重庆市")]
    gap = sections[col["差距"]]
    assert gap.value == 1.3 and "个百分点" in gap.number_format
    ratio = found[("AIR.GOOD_DAYS_RATIO", "重庆市")]
    assert ratio[col["本期状态"]].value == "未达标（参考）"
    assert ratio[col["最新数值"]].value == 89.6  # rounded once, GB/T 8170
    pm = found[("AIR.PM25", "重庆市")]
    assert "%" in pm[col["变化"]].number_format  # a concentration changes in %
    sc = _scorecard(store)
    with store.read() as conn:
        table = present.scorecard_table(sc, queries.areas(conn), "zh_CN")
    want = table[(table["indicator"] == "AIR.GOOD_DAYS_RATIO") & (table["area"] == "chongqing")]
    assert want["period_status"].iat[0] == ratio[col["本期状态"]].value
    assert want["target"].iat[0] == ratio[col["目标"]].value


def test_the_plot_draws_every_target_with_its_kind_and_document(sqlite_store):
    with sqlite_store.read() as conn:
        ind, figs, tg = queries.indicators(conn), queries.figures(conn), queries.targets(conn)
    frame = trend.trend_frame(ind, figs, tg, None, "AIR.GOOD_DAYS_RATIO")
    segs = {(s.y, s.kind, s.document, s.applies) for s in frame.targets}
    assert (92.6, "municipal_plan", "渝府发〔2022〕11号", True) in segs
    assert (87.5, "national_binding", "中共中央 国务院关于深入打好污染防治攻坚战的意见", False) in segs
    assert (90.0, "action_plan", "美丽重庆建设行动计划", False) in segs


def test_a_municipal_figure_from_its_districts_beside_the_reported_one(sqlite_store):
    with sqlite_store.read() as conn:
        ind, areas = queries.indicators(conn), queries.areas(conn)
    kids = aggregate.children_of(areas)["chongqing"]
    rows_ = [{"indicator": "ENF.PENALTIES", "area": k, "period": "2024H1", "value": 15.0}
             for k in kids]
    figs = pd.DataFrame(rows_ + [{"indicator": "ENF.PENALTIES", "area": "chongqing",
                                  "period": "2024H1", "value": 576.0},
                                 {"indicator": "AIR.PM25", "area": "chongqing",
                                  "period": "2024H1", "value": 36.6}]
                        + [{"indicator": "AIR.PM25", "area": k, "period": "2024H1",
                            "value": 30.0} for k in kids])
    figs["period_ord"] = period_ord("2024H1")
    figs["qualifier"] = ""
    sc = status.scorecard(ind, figs, pd.DataFrame(columns=queries_targets_columns()),
                          areas=areas)
    pen = _row(sc, "ENF.PENALTIES")
    assert pen["from_children"] == 15.0 * len(kids) and pen["children_reporting"] == len(kids)
    assert pen["incoherent"] and pen["warnings"] >= 1  # 570 against 576: beyond rounding
    assert "由38个区县合计" in present.from_children_text(pen, "zh_CN")
    pm = _row(sc, "AIR.PM25")
    assert pd.isna(pm["from_children"])  # concentrations do not add


def queries_targets_columns():
    from core import schema

    return [c.name for c in schema.targets.columns]
