"""The meeting workbook as of a period: the As of line, later figures left out, the figure a
year earlier beside each row, and the marks (provisional, derived, older) in both languages."""
from __future__ import annotations

import openpyxl
import pytest

from core.cli import main
from core.excel.export import ExportOptions, export_workbook


def _rows(path, sheet):
    book = openpyxl.load_workbook(path)
    ws = book[sheet] if sheet != "0" else book.worksheets[0]
    head = [c.value for c in ws[6]]
    return ws, [dict(zip(head, (c.value for c in r))) for r in ws.iter_rows(min_row=7)]


@pytest.mark.parametrize("lang,sheet,older,prev,ind,area,asof_cell", [
    ("en", "Scorecard", "↶ older period", "34.0 (2024H1)", "Indicator", "Area", "2025H1"),
    ("zh_CN", "0", "↶ 较早期", "34.0（2024年上半年）", "指标", "地区", "2025年上半年")])
def test_as_of_a_period_with_marks(sqlite_store, tmp_path, lang, sheet, older, prev, ind,
                                   area, asof_cell):
    path = tmp_path / "m.xlsx"
    export_workbook(sqlite_store, path, ExportOptions(lang=lang, as_of="2025H1"))
    ws, rows = _rows(path, sheet)
    assert ws["B2"].value == asof_cell
    assert "◌" in ws["B5"].value and "≈" in ws["B5"].value  # the marks' legend
    marks_col, prev_col = ("Marks", "A year earlier") if lang == "en" else ("标记", "上年同期")
    pm = [r for r in rows if "AIR.PM25" in (r[ind] or "")]
    city = [r for r in pm if r[area] in ("Chongqing", "重庆市")][0]
    spb = [r for r in pm if r is not city][0]
    assert city[marks_col] == older
    assert spb[prev_col] == prev and spb[marks_col] is None
    # the seeds' provisional and derived figures are marked on the scorecard too
    assert any("◌" in (r[marks_col] or "") for r in rows)
    assert any("≈" in (r[marks_col] or "") for r in rows)


def test_export_command_as_of_leaves_later_figures_out(sqlite_url, tmp_path, capsys):
    assert main(["init", "--db", sqlite_url]) == 0
    out = tmp_path / "m.xlsx"
    assert main(["export", "--db", sqlite_url, "-o", str(out), "--period", "2024H1"]) == 0
    ws = openpyxl.load_workbook(out)["Data"]
    head = [c.value for c in ws[1]]
    periods = {r[head.index("Period")] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert "2025H1" not in periods and "2024H1" in periods
    assert openpyxl.load_workbook(out)["Scorecard"]["B2"].value == "2024H1"
