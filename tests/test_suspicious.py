"""Values that pass the rules but look wrong are warned about before they are written."""
from __future__ import annotations

import pandas as pd

from core import edits, suspicious
from core.loader import apply_plan, plan_figures

DISTRICTS = ["wanzhou", "fuling", "yuzhong", "dadukou", "jiangbei", "shapingba", "jiulongpo",
             "nanan"]


def _add(store, rows):
    edits.Batch([edits.CreateRow("figure", dict(zip(("indicator", "area", "period", "value"),
                                                    r))) for r in rows]).apply(store)


def _frame(*rows):
    return pd.DataFrame(rows, columns=["indicator", "area", "period", "value"])


def test_far_from_the_other_districts_of_the_same_period(store):
    _add(store, [("AIR.PM25", a, "2026H1", 30 + i % 3) for i, a in enumerate(DISTRICTS[1:])])
    with store.read() as conn:
        far = suspicious.for_figure(conn, {"indicator": "AIR.PM25", "area": "wanzhou",
                                           "period": "2026H1", "value": 300.0})
        near = suspicious.for_figure(conn, {"indicator": "AIR.PM25", "area": "wanzhou",
                                            "period": "2026H1", "value": 31.0})
    assert far == ["300 is far from what the other districts report for 2026H1 (median 31)"]
    assert near == []


def test_far_from_the_area_own_history(store):
    _add(store, [("AIR.PM25", "banan", f"{y}H{h}", 30 + (y + h) % 2)
                 for y in range(2018, 2022) for h in (1, 2)])
    with store.read() as conn:
        got = suspicious.for_figure(conn, {"indicator": "AIR.PM25", "area": "banan",
                                           "period": "2022H1", "value": 90.0})
    assert got and "far from this series' usual values" in got[0]


def test_a_cumulative_count_below_an_earlier_one(store):
    _add(store, [("WASTE.ZERO_WASTE_CELLS", "banan", "2025H1", 1000)])
    with store.read() as conn:
        got = suspicious.for_figure(conn, {"indicator": "WASTE.ZERO_WASTE_CELLS",
                                           "area": "banan", "period": "2025H2", "value": 500.0})
    assert got == ["a cumulative count fell from 1000 to 500"]


def test_the_import_preview_lists_warnings_and_apply_keeps_the_values(store):
    _add(store, [("AIR.PM25", a, "2026H1", 30 + i % 3) for i, a in enumerate(DISTRICTS[1:])])
    df = _frame(("AIR.PM25", "wanzhou", "2026H1", "300"), ("AIR.PM25", "banan", "2026H1", "31"))
    df["_row"] = [2, 3]
    with store.read() as conn:
        plan = plan_figures(conn, df, file="d.xlsx", sheet="Data", columns={"value": "E"})
    assert plan.ok  # a warning is not a problem: nothing is refused
    assert [(w.row, w.column) for w in plan.warnings] == [(2, "E")]
    assert "far from what the other districts report" in str(plan.warnings[0])
    with store.write() as conn:
        assert apply_plan(conn, plan, who="t", why="import")["created"] == 2
