"""The one bulk path for users' tidy figures: validate all, report all, write all or nothing."""
from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa

from core import changelog, queries, schema, write
from core.loader import apply_plan, plan_figures


def _df(*rows):
    return pd.DataFrame(rows, columns=["indicator", "area", "period", "value", "qualifier"])


def test_every_problem_is_reported_at_once_with_row_and_column(store):
    df = _df(("AIR.PM25", "chongqing", "2026H1", "30", ""),
             ("AIR.NOPE", "chongqing", "2026H1", "30", ""),
             ("AIR.PM25", "atlantis", "2026H1", "30", ""),
             ("AIR.PM25", "hechuan", "2026H3", "30", ""),
             ("AIR.PM25", "yubei", "2026H1", "thirty", ""),
             ("WATER.STATE_SECTIONS_EXCELLENT", "chongqing", "2026H1", "101", ""),
             ("WATER.YANGTZE_MAINSTEM_CLASS", "chongqing", "2026H1", "VII", ""),
             ("AIR.PM25", "banan", "2026H1", "30", "roughly"),
             ("AIR.GOOD_DAYS", "chongqing", "2026H1", "1.5", ""),
             ("AIR.PM25", "chongqing", "2026H1", "31", ""))
    with store.read() as conn:
        plan = plan_figures(conn, df, file="in.xlsx", sheet="Data",
                            columns={"value": "Value", "area": "Area"})
    got = {(p.row, p.column): p.message for p in plan.problems}
    assert got[(3, "indicator")] == "unknown indicator 'AIR.NOPE'"
    assert got[(4, "Area")] == "unknown area 'atlantis'"
    assert "2026H3" in got[(5, "period")]
    assert got[(6, "Value")] == "'thirty' is not a number"
    assert "above the natural maximum 100" in got[(7, "Value")]
    assert "not a water quality class" in got[(8, "Value")]
    assert "unknown qualifier" in got[(9, "qualifier")]
    assert "not a whole number" in got[(10, "Value")]
    assert "duplicates row 2 with a different value" in got[(11, "Value")]
    assert len(plan.problems) == 9
    assert str(plan.problems[0]).startswith("in.xlsx, sheet Data, row 3, column indicator:")


def test_plan_then_apply_creates_updates_and_logs_the_file(store):
    df = _df(("AIR.PM25", "chongqing", "2024H1", "36.6", ""),   # unchanged
             ("AIR.PM25", "chongqing", "2025H1", "33.0", "about"),  # new
             ("AIR.PM25", "shapingba", "2025H1", "30.5", ""),   # changed 31.2 -> 30.5
             ("AIR.PM25", "shapingba", "2025H1", "30.5", ""))   # identical duplicate: fine
    with store.read() as conn:
        plan = plan_figures(conn, df, file="d.xlsx")
    assert plan.ok and (len(plan.new), len(plan.changed), plan.unchanged) == (1, 1, 1)
    assert plan.changed.iloc[0][["old_value", "value"]].tolist() == [31.2, 30.5]
    with store.write() as conn:
        counts = apply_plan(conn, plan, who="district", why="import", origin="d.xlsx")
    assert counts == {"created": 1, "updated": 1, "unchanged": 1, "indicators": ["AIR.PM25"],
                      "comments": 0}
    with store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"]).set_index(["area", "period"])
        log = conn.execute(sa.select(schema.changelog).where(
            schema.changelog.c.origin == "d.xlsx")).mappings().all()
    assert f.loc[("chongqing", "2025H1"), "qualifier"] == "about"
    assert f.loc[("shapingba", "2025H1"), "version"] == 2
    assert sorted(r["action"] for r in log) == ["create", "update"]
    with store.read() as conn:  # applying the same input again changes nothing
        again = plan_figures(conn, df)
    assert (len(again.new), len(again.changed), again.unchanged) == (0, 0, 3)


def test_an_imported_value_over_a_derived_figure_makes_it_entered(store):
    """PM2.5 Chongqing 2023H1 is derived ("36.6 + 4.3"); a district's sheet that states a
    value for it replaces the arithmetic, as a typed value does. Other rows keep theirs."""
    df = _df(("AIR.PM25", "chongqing", "2023H1", "41.2", ""),   # derived 40.9 -> stated
             ("AIR.PM25", "shapingba", "2025H1", "30.5", ""))   # not derived: changed
    with store.read() as conn:
        before = queries.figures(conn, indicators=["AIR.PM25"]).set_index(["area", "period"])
        plan = plan_figures(conn, df, file="d.xlsx")
    assert bool(before.loc[("chongqing", "2023H1"), "derived"])
    with store.write() as conn:
        apply_plan(conn, plan, who="district", why="import", origin="d.xlsx")
    with store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"]).set_index(["area", "period"])
    row = f.loc[("chongqing", "2023H1")]
    assert (row["value"], bool(row["derived"]), row["derivation"]) == (41.2, False, "")
    assert not bool(f.loc[("shapingba", "2025H1"), "derived"])
    assert f.loc[("shapingba", "2025H1"), "value"] == 30.5


def test_a_version_older_than_the_database_is_a_problem(store):
    df = _df(("AIR.PM25", "shapingba", "2025H1", "29", "")).assign(version=[0])
    with store.read() as conn:
        plan = plan_figures(conn, df, file="old.xlsx", sheet="Data")
    assert len(plan.problems) == 1
    assert "changed in the database since this workbook was made" in plan.problems[0].message
    assert len(plan.changed) == 0


def _created_log(store, origin):
    with store.read() as conn:
        figs = queries.figures(conn).set_index("id")
        log = conn.execute(sa.select(schema.changelog).where(
            schema.changelog.c.origin == origin).order_by(schema.changelog.c.id)).mappings().all()
    return figs, log


def test_each_new_figure_gets_one_create_log_row_naming_the_file_and_its_exact_value(store):
    # not in key order, and one value that 15 significant digits would not give back exactly
    df = _df(("AIR.PM25", "chongqing", "2026H1", 0.1 + 0.2, ""),
             ("AIR.PM25", "banan", "2026H1", "30", "about"),
             ("AIR.GOOD_DAYS", "chongqing", "2026H1", "170", ""))
    with store.read() as conn:
        plan = plan_figures(conn, df, file="new.xlsx")
    with store.write() as conn:
        assert apply_plan(conn, plan, who="district", why="import", origin="new.xlsx")[
            "created"] == 3
    figs, log = _created_log(store, "new.xlsx")
    # the good-air-day ratio follows its input, logged as computed, from the same file
    made = [e for e in log if e["why"].startswith("computed")]
    assert [figs.loc[int(e["entity_id"])]["indicator"] for e in made] == ["AIR.GOOD_DAYS_RATIO"]
    log = [e for e in log if e not in made]
    assert len(log) == 3
    for entry in log:
        fig = figs.loc[int(entry["entity_id"])]
        assert (entry["entity"], entry["action"], entry["who"], entry["why"]) == (
            "figure", "create", "district", "import")
        assert (entry["indicator"], entry["area"], entry["period"]) == (
            fig["indicator"], fig["area"], fig["period"])
        assert entry["old"] is None and json.loads(entry["new"]) == {"value": fig["value"]}
    assert 0.1 + 0.2 in {json.loads(e["new"])["value"] for e in log}
    with store.read() as conn:  # the history of a created figure shows its value
        hist = changelog.history(conn, "figure", log[0]["entity_id"])
    assert list(hist["action"]) == ["create"] and "value" in hist["new"].iloc[0]


def test_other_databases_get_the_same_create_log_rows_from_python(store, monkeypatch):
    monkeypatch.setattr(write, "_CREATE_JSON", {})
    df = _df(("AIR.PM25", "chongqing", "2026H1", "30.5", ""),
             ("AIR.PM25", "banan", "2026H1", "29", ""))
    with store.read() as conn:
        plan = plan_figures(conn, df, file="py.xlsx")
    with store.write() as conn:
        apply_plan(conn, plan, who="district", why="import", origin="py.xlsx")
    figs, log = _created_log(store, "py.xlsx")
    assert sorted((e["indicator"], e["area"], json.loads(e["new"])["value"]) for e in log) == [
        ("AIR.PM25", "banan", 29.0), ("AIR.PM25", "chongqing", 30.5)]
    assert all(figs.loc[int(e["entity_id"]), "area"] == e["area"] for e in log)


def test_a_user_name_that_needs_quoting_is_stored_as_it_is(store):
    # constant columns go into the INSERT as literals only when they need no escaping
    who = "o'neil \\ 100% -- x"
    df = _df(("AIR.PM25", "chongqing", "2026H1", "30", ""))
    with store.read() as conn:
        plan = plan_figures(conn, df, file="q.xlsx")
    with store.write() as conn:
        apply_plan(conn, plan, who=who, why="import", origin="q.xlsx")
    figs, log = _created_log(store, "q.xlsx")
    fig = figs.loc[int(log[0]["entity_id"])]
    assert fig["entered_by"] == who == log[0]["who"] and fig["version"] == 1
    assert fig["status"] == "final" and not fig["derived"] and fig["note"] == ""
