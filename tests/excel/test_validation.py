"""Every row checked before anything is written; every problem reported with its place."""
from __future__ import annotations

import openpyxl
from sqlalchemy import update

from core import schema
from core.excel.importer import apply_import, read_import
from core.problems import InputError

import pytest

from .conftest import assert_unchanged, find_row, snapshot

HEAD = ["Indicator code", "Indicator", "Area", "Period", "Value", "Unit", "Qualifier", "Note",
        "Source", "Status", "Source id", "Source ref", "Version"]


def _book(path, rows, sheet="Data"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(HEAD)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _row(code, area, period, value, qualifier=None, status=None, source=None):
    return [code, None, area, period, value, None, qualifier, "", None, status, source, "", None]


def test_every_problem_reported_at_once_with_sheet_row_and_column(store, tmp_path):
    with store.write() as conn:  # give a share its natural limits
        conn.execute(update(schema.indicators)
                     .where(schema.indicators.c.code == "WATER.STATE_SECTIONS_EXCELLENT")
                     .values(vmin=0, vmax=100))
    path = _book(tmp_path / "bad.xlsx", [
        _row("NOPE.X", "Chongqing", "2024H1", 1),                           # 2 unknown indicator
        _row("AIR.PM25", "Atlantis", "2024H1", 30),                         # 3 unknown area
        _row("AIR.PM25", "Chongqing", "2024H3", 30),                        # 4 malformed period
        _row("AIR.PM25", "Chongqing", "2019H1", "thirty"),                  # 5 not a number
        _row("WATER.YANGTZE_MAINSTEM_CLASS", "Chongqing", "2019H1", "VII"), # 6 not a class
        _row("WATER.STATE_SECTIONS_EXCELLENT", "Chongqing", "2019", 120),   # 7 out of range
        _row("AIR.PM25", "Wanzhou", "2019H1", 40),                          # 8 duplicate ...
        _row("AIR.PM25", "wanzhou", "2019H1", 41),                          # 9 ... disagrees
        _row("AIR.PM25", "Chongqing", "2019H2", 30, qualifier="roughly"),   # 10 qualifier
        _row("AIR.GOOD_DAYS", "Chongqing", "2019H1", 12.5),                 # 11 not whole
        _row("AIR.PM25", "Chongqing", "2018H1", 30, status="maybe"),        # 12 status
        _row("AIR.PM25", "Chongqing", "2018H2", 30, source="nowhere"),      # 13 source
        _row("AIR.PM25", "Chongqing", "2017H1", 30),                        # 14 fine
    ])
    before = snapshot(store)
    preview = read_import(store, path)
    got = {(p.row, p.column.split(" ")[0]): p.message for p in preview.plan.problems}
    assert all(p.file == "bad.xlsx" and p.sheet == "Data" for p in preview.plan.problems)
    assert "unknown indicator 'NOPE.X'" in got[(2, "A")]
    assert "unknown area 'Atlantis'" in got[(3, "C")]
    assert "malformed period '2024H3'" in got[(4, "D")]
    assert "'thirty' is not a number" in got[(5, "E")]
    assert "'VII' is not a water quality class" in got[(6, "E")]
    assert "120 is above the natural maximum 100" in got[(7, "E")]
    assert "duplicates row 8 with a different value" in got[(9, "E")]
    assert "unknown qualifier 'roughly'" in got[(10, "G")]
    assert "12.5 is not a whole number" in got[(11, "E")]
    assert "status 'maybe'" in got[(12, "J")]
    assert "unknown source 'nowhere'" in got[(13, "K")]
    assert len(got) == 11
    text = str(preview.plan.problems[0])
    assert text.startswith("bad.xlsx, sheet Data, row 2, column A (Indicator code): ")
    assert len(preview.plan.new) == 2  # rows 8 (first of the duplicates) and 14 are fine
    with pytest.raises(InputError) as err:
        apply_import(store, preview)
    assert "11 problem(s) found; nothing was written" in str(err.value)
    assert_unchanged(store, before)


def test_figure_changed_in_the_database_since_export_is_refused(store, exported, tmp_path):
    row = find_row(exported, "AIR.PM25", "2024H1")
    wb = openpyxl.load_workbook(exported)
    wb["Data"][f"E{row}"] = 35.0
    path = tmp_path / "late.xlsx"
    wb.save(path)
    t = schema.figures
    with store.write() as conn:  # a colleague edits the same figure meanwhile
        conn.execute(update(t).where(t.c.indicator == "AIR.PM25", t.c.period == "2024H1",
                                     t.c.area == "chongqing")
                     .values(value=36.0, version=t.c.version + 1))
    before = snapshot(store)
    preview = read_import(store, path)
    assert not preview.ok
    (p,) = preview.plan.problems
    assert (p.sheet, p.row, p.column) == ("Data", row, "M (Version)")
    assert "changed in the database since this workbook was made" in p.message
    assert_unchanged(store, before)


def test_no_sheet_with_figures_is_one_clear_error(store, tmp_path):
    from core.errors import EcoError

    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Age"])
    wb.save(tmp_path / "people.xlsx")
    with pytest.raises(EcoError, match="no sheet with the columns Indicator code"):
        read_import(store, tmp_path / "people.xlsx")


def test_integer_periods_and_blank_rows_are_read_as_typed(sqlite_store, tmp_path):
    path = _book(tmp_path / "typed.xlsx", [
        ["WATER.BEAUTIFUL_RIVERS_LISTED", None, "chongqing", 2019, 3, None, None, None, None,
         None, None, None, None],
        [None] * 13,
    ])
    preview = read_import(sqlite_store, path)
    assert preview.ok, preview.plan.problems
    assert preview.plan.new["period"].tolist() == ["2019"]
