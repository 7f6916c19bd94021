"""The meeting workbook's Map sheet: the same district map as the Map tab and the briefing."""
from __future__ import annotations

import zipfile

import openpyxl

from core.excel.export import ExportOptions, export_workbook


def test_the_workbook_has_the_district_map(sqlite_store, tmp_path):
    out = tmp_path / "m.xlsx"
    export_workbook(sqlite_store, out, ExportOptions(lang="zh_CN"))
    wb = openpyxl.load_workbook(out)
    ws = wb["地图"]
    assert ws["A1"].value.startswith("区县分布示意图：")
    media = [n for n in zipfile.ZipFile(out).namelist() if n.startswith("xl/media/")]
    assert len(media) == 1 and zipfile.ZipFile(out).read(media[0])[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_district_figures_the_sheet_says_so(sqlite_store, tmp_path):
    out = tmp_path / "m.xlsx"
    export_workbook(sqlite_store, out, ExportOptions(area="chongqing"))
    ws = openpyxl.load_workbook(out)["Map"]
    assert "no map" in ws["A1"].value
