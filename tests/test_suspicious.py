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


def test_the_import_command_says_which_values_to_check(sqlite_store, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    import openpyxl

    _add(sqlite_store, [("AIR.PM25", a, "2026H1", 30 + i % 3)
                        for i, a in enumerate(DISTRICTS[1:])])
    db = str(sqlite_store.sqlite_path)
    sqlite_store.close()
    path = tmp_path / "district.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Indicator code", "Area", "Period", "Value"])
    ws.append(["AIR.PM25", "万州", "2026年上半年", "300"])
    wb.save(path)
    exe = Path(sys.executable).parent / "ecotracker"
    r = subprocess.run([str(exe), "import", str(path), "--dry-run", "--db", db],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert ("check   district.xlsx, sheet Data, row 2, column D (Value): 300 is far from what "
            "the other districts report for 2026H1 (median 31)") in r.stdout


def test_a_nul_in_a_note_is_refused_at_the_preview_with_its_row_and_column(store):
    """A NUL passed PostgreSQL's preview and failed at Apply with no row: the text rule
    refuses it where every other problem is found."""
    df = _frame(("AIR.PM25", "chongqing", "2026H1", "30"))
    df["note"] = ["bad\x00note"]
    df["_row"] = [7]
    with store.read() as conn:
        plan = plan_figures(conn, df, file="d.xlsx", sheet="Data", columns={"note": "H"})
    assert [(p.row, p.column) for p in plan.problems] == [(7, "H")]
    assert "control character" in plan.problems[0].message


def test_a_stale_import_counts_the_figures_changed_meanwhile_not_all(store):
    from sqlalchemy import text

    from core.errors import StaleEditError

    rows = [("AIR.PM25", a, "2024H1", "40") for a in ("chongqing", "shapingba")]
    with store.read() as conn:
        plan = plan_figures(conn, _frame(*rows), file="d.xlsx")
    assert len(plan.changed) == 2
    with store.write() as conn:  # another desk changes one of the two after the preview
        conn.execute(text("UPDATE figures SET version = version + 1 WHERE indicator = "
                          "'AIR.PM25' AND area = 'shapingba' AND period = '2024H1'"))
    import pytest

    with pytest.raises(StaleEditError) as err, store.write() as conn:
        apply_plan(conn, plan, who="t", why="import")
    assert str(err.value).startswith("1 figures were changed by someone else during the import")
