"""The meeting workbook's charts: only where an indicator has two points or more (the rest in
one compact table), a I–V axis for water classes, no district line in the target's colour,
hollow markers for provisional or derived figures, one font family in every styled cell."""
from __future__ import annotations

import openpyxl
import pytest

from core import queries
from core.edits import UpdateRow
from core.excel.charts import AREA_COLOURS, TARGET_COLOUR
from core.excel.export import ExportOptions, export_workbook


def _colour(s):
    gp = s.graphicalProperties
    if gp is None or gp.line is None or gp.line.solidFill is None:
        return None
    rgb = gp.line.solidFill.srgbClr
    return getattr(rgb, "val", rgb)


@pytest.mark.parametrize("lang,sheet,classes", [("en", "Charts", ["I", "worse than V"]),
                                                ("zh_CN", "趋势图", ["Ⅰ类", "劣Ⅴ类"])])
def test_charts(sqlite_store, tmp_path, lang, sheet, classes):
    with sqlite_store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"], areas=["shapingba"]).iloc[-1]
    UpdateRow("figure", int(f["id"]), int(f["version"]), {"status": "provisional"}).apply(
        sqlite_store)
    path = tmp_path / "m.xlsx"
    export_workbook(sqlite_store, path, ExportOptions(lang=lang))
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    charts = ws._charts
    assert 3 <= len(charts) < 10
    cells = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("◌" in c for c in cells)  # the table of one-figure indicators, with its mark
    for chart in charts:
        names = [s.tx.strRef.f for s in chart.series if s.tx and s.tx.strRef]
        colours = [_colour(s) for s in chart.series]
        for s, c in zip(chart.series, colours):
            if c == TARGET_COLOUR:
                assert s.graphicalProperties.line.prstDash == "dash"
        area_colours = [c for c in colours if c in AREA_COLOURS]
        assert TARGET_COLOUR not in area_colours
        assert names
    data = book.worksheets[3]  # the chart data: class helper lines named by class
    texts = {c.value for row in data.iter_rows() for c in row if isinstance(c.value, str)}
    for name in classes:
        assert f"\u200b{name}" in texts
    hollow = [p for chart in charts for s in chart.series for p in (s.dPt or [])
              if p.marker is not None and p.marker.spPr is not None and p.marker.spPr.noFill]
    assert hollow  # shapingba's provisional PM2.5
    score = book.worksheets[0]
    fonts = {c.font.name for row in score.iter_rows(min_row=6) for c in row
             if c.value is not None}
    assert fonts == {"Calibri"}
