"""Periods in workbooks: the Chinese meeting workbook and entry workbook name them the Chinese
way (2025年上半年) where people read them, the Data sheet keeps the code it is imported by, and
an entry workbook lists only the indicators reported in its period's type."""
from __future__ import annotations

import openpyxl
import pytest

from core import queries
from core.errors import EcoError
from core.excel.export import ExportOptions, export_workbook
from core.excel.importer import apply_import, read_import
from core.excel.template import write_template
from core.rules import period_types


def _entry(path, sheet):
    ws = openpyxl.load_workbook(path)[sheet]
    head = [c.value for c in ws[4]]
    return ws, {h: i + 1 for i, h in enumerate(head)}


def test_chinese_meeting_workbook_shows_chinese_periods_and_data_keeps_codes(sqlite_store,
                                                                              tmp_path):
    path = tmp_path / "zh.xlsx"
    export_workbook(sqlite_store, path, ExportOptions(lang="zh_CN", period_from="2024H1"))
    wb = openpyxl.load_workbook(path)
    score = [r for r in wb["目标完成情况"].iter_rows(values_only=True)]
    head = score.index(next(r for r in score if r and r[0] == "类别"))
    col = score[head].index("最新期间")
    latest = {r[col] for r in score[head + 1:] if r[col]}
    assert "2025年上半年" in latest and not any("H" in p for p in latest)
    subtitle = {r[0]: r[1] for r in score[1:head] if r and r[0]}
    assert subtitle["截至"] == "2025年上半年" and "2024年上半年" in subtitle["筛选条件"]
    data = list(wb["数据"].iter_rows(values_only=True))
    assert {r[3] for r in data[1:]} >= {"2024H1", "2025H1"}  # the Data sheet keeps codes
    chart = list(wb["图表数据"].iter_rows(values_only=True))
    cats = {r[0] for r in chart if r and r[0]}
    assert "2025年上半年" in cats and "2025H1" not in cats
    # and it still imports as it was written
    preview = read_import(sqlite_store, path)
    assert preview.ok and preview.nothing_to_do


def test_english_workbook_keeps_codes(sqlite_store, tmp_path):
    path = tmp_path / "en.xlsx"
    export_workbook(sqlite_store, path, ExportOptions(lang="en"))
    score = list(openpyxl.load_workbook(path)["Scorecard"].iter_rows(values_only=True))
    head = score.index(next(r for r in score if r and r[0] == "Category"))
    col = score[head].index("Latest period")
    assert "2025H1" in {r[col] for r in score[head + 1:]}


def test_chinese_entry_workbook_names_its_period_and_imports_back(sqlite_store, tmp_path):
    path = tmp_path / "entry.xlsx"
    write_template(sqlite_store, path, "2025H1", area="重庆市", lang="zh_CN")
    ws, col = _entry(path, "填报")
    assert ws["A1"].value == "数据填报表：2025年上半年"
    rows = {ws.cell(r, col["指标代码"]).value: r for r in range(5, ws.max_row + 1)}
    pm = rows["AIR.PM25"]
    assert ws.cell(pm, col["期间"]).value == "2025年上半年"
    assert ws.cell(pm, col["上期"]).value == "2024年上半年"  # its last known figure
    ws.cell(rows["AIR.ULE_PROJECTS_STEEL"], col["数值"]).value = 125
    filled = tmp_path / "filled.xlsx"
    ws.parent.save(filled)
    with sqlite_store.read() as conn:
        before = queries.figures(conn, indicators=["AIR.ULE_PROJECTS_STEEL"], areas=["chongqing"])
    note = before[before["period"] == "2025H1"]["note"].iloc[0]
    preview = read_import(sqlite_store, filled)
    assert preview.ok, preview.plan.problems
    apply_import(sqlite_store, preview)
    with sqlite_store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.ULE_PROJECTS_STEEL"], areas=["chongqing"])
    hit = figs[figs["period"] == "2025H1"].iloc[0]
    assert hit["value"] == 125
    assert hit["note"] == note  # a blank note keeps the note the database has


def test_entry_workbook_lists_only_indicators_reported_in_its_period_type(sqlite_store,
                                                                         tmp_path):
    with sqlite_store.read() as conn:
        ind = queries.indicators(conn)
    monthly = {r["code"] for r in ind.to_dict("records") if "month" in period_types(r)}
    assert monthly and len(monthly) < len(ind)
    path = tmp_path / "m.xlsx"
    n = write_template(sqlite_store, path, "2025-06", area="chongqing")
    ws, col = _entry(path, "Entry")
    listed = {ws.cell(r, col["Indicator code"]).value for r in range(5, ws.max_row + 1)}
    assert listed == monthly and n == len(monthly)


def test_entry_workbook_for_a_type_no_indicator_takes_is_refused(sqlite_store, tmp_path):
    path = tmp_path / "q.xlsx"
    with pytest.raises(EcoError) as err:
        write_template(sqlite_store, path, "2026Q1")
    assert "no indicator is reported by quarter" in str(err.value)
    assert "2026Q1" in str(err.value) and not path.exists()
