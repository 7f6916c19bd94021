"""The workbooks read back with openpyxl: sheets, charts, print set-up, validation, protection."""
from __future__ import annotations

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import update

from core import schema
from core.excel.export import ExportOptions, export_workbook
from core.excel.importer import read_import
from core.excel.template import write_template


@pytest.fixture
def book(exported):
    return openpyxl.load_workbook(exported)


def test_sheets_in_order_with_charts_on_the_charts_sheet(book):
    assert book.sheetnames == ["Scorecard", "Charts", "Map", "Data", "Chart data", "Periods"]
    assert book.active.title == "Scorecard"
    charts = book["Charts"]._charts
    # a chart where an indicator has at least two points (the rest are one table below)
    assert len(charts) >= 5
    assert all(type(c).__name__ == "LineChart" for c in charts)
    pm = [c for c in charts if "PM2.5" in _title(c)]
    assert pm and len(pm[0].series) >= 1
    anchors = {(c.anchor._from.col, c.anchor._from.row) for c in charts}
    assert len(anchors) == len(charts)  # a grid: no chart on top of another
    assert {col for col, _ in anchors} == {0, 7}
    assert book["Chart data"].sheet_state == "hidden"


def test_a_target_is_its_own_dashed_series(book):
    charts = book["Charts"]._charts
    found = [s for c in charts for s in c.series
             if s.tx and "Target" in str(s.tx.strRef.f if s.tx.strRef else "")
             or (s.graphicalProperties is not None and s.graphicalProperties.line is not None
                 and s.graphicalProperties.line.prstDash == "dash")]
    assert found


def _title(chart) -> str:
    return "".join(r.t for p in chart.title.tx.rich.p for r in (p.r or []))


@pytest.mark.parametrize("sheet", ["Scorecard", "Charts", "Data"])
def test_print_set_up_a4_landscape_one_page_wide_with_page_numbers(book, sheet):
    ws = book[sheet]
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == "9"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text


def test_scorecard_header_frozen_filtered_repeated_and_coloured(book):
    ws = book["Scorecard"]
    assert ws["A1"].value == "Environmental indicators: target against actual"
    assert ws["A2"].value == "As of" and ws["B2"].value == "2025H1"
    assert ws["A3"].value == "Filters" and ws["A4"].value == "Generated"
    head = [c.value for c in ws[6]]
    assert head[:3] == ["Category", "Indicator", "Area"]
    assert {"Latest value", "Target", "Gap", "Change", "Period status",
            "Course status", "Unit", "Latest period"} <= set(head)
    assert ws.freeze_panes == "C7"
    assert ws.auto_filter.ref.startswith("A6:")
    assert ws.print_title_rows == "$6:$6"
    col = {h: i for i, h in enumerate(head)}
    rows = list(ws.iter_rows(min_row=7))
    met = [r for r in rows if r[col["Period status"]].value == "met"]
    # the window's colours (core.vocabulary): a blue tint for met, no fill for no target
    assert met and met[0][col["Period status"]].fill.fgColor.rgb.endswith("D6E9F5")
    grey = [r for r in rows if r[col["Period status"]].value == "no target"]
    assert grey and grey[0][col["Period status"]].fill.fill_type is None
    share = [r for r in rows if "STATE_SECTIONS_EXCELLENT" in r[col["Indicator"]].value][0]
    assert share[col["Latest value"]].value == 98.6
    assert share[col["Latest value"]].number_format == '#,##0.0"%"'
    assert share[col["Gap"]].number_format.startswith("+")
    cls = [r for r in rows if "YANGTZE_MAINSTEM_CLASS" in r[col["Indicator"]].value][0]
    assert cls[col["Latest value"]].value == "II"


def test_data_sheet_headers_frozen_filtered(book):
    ws = book["Data"]
    head = [c.value for c in ws[1]]
    assert head[:9] == ["Indicator code", "Indicator", "Area", "Period", "Value", "Unit",
                        "Qualifier", "Note", "Source"]
    assert {"Version", "Status", "Source id", "Source ref"} <= set(head)
    assert head[-3:] == ["Follow-up", "Comments", "Approval"]  # schema 6, after the rest
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:P{ws.max_row}"
    values = {r[0]: r[4] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert values["WATER.YANGTZE_MAINSTEM_CLASS"] == "II"


def test_formula_looking_text_stays_text(store, tmp_path):
    hostile = ["=HYPERLINK(\"http://x\",\"click\")", "+1+2", "-3", "@SUM(A1:A2)", "=1+1"]
    t = schema.figures
    with store.write() as conn:
        ids = [r[0] for r in conn.execute(t.select().with_only_columns(t.c.id)
                                          .order_by(t.c.id).limit(len(hostile)))]
        for i, text in zip(ids, hostile):
            conn.execute(update(t).where(t.c.id == i).values(note=text, source_ref=text))
    path = tmp_path / "formulas.xlsx"
    export_workbook(store, path)
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
    notes = [r[7] for r in wb["Data"].iter_rows(min_row=2, values_only=True)]
    assert all(h in notes for h in hostile)
    marked = [c for (c,) in wb["Data"].iter_rows(min_row=2, min_col=8, max_col=8) if c.value in hostile]
    assert marked and all(c.quotePrefix and c.data_type == "s" for c in marked)
    cal = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Data").to_python()
    assert all(h in [r[7] for r in cal] for h in hostile)
    preview = read_import(store, path)
    assert preview.ok and preview.nothing_to_do


def test_filters_restrict_the_export(store, tmp_path):
    path = tmp_path / "f.xlsx"
    export_workbook(store, path, ExportOptions(category="water", area="chongqing",
                                               period_from="2024H1", period_to="2024H2"))
    wb = openpyxl.load_workbook(path)
    rows = list(wb["Data"].iter_rows(min_row=2, values_only=True))
    assert rows and all(r[0].startswith("WATER.") and r[3] == "2024H1" for r in rows)
    assert "water" in wb["Scorecard"]["B3"].value and "2024H2" in wb["Scorecard"]["B3"].value


def test_template_validation_protection_and_instructions(store, tmp_path):
    path = tmp_path / "entry.xlsx"
    write_template(store, path, "2025H1", area="Chongqing")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Entry", "Instructions"]
    ws = wb["Entry"]
    head = [c.value for c in ws[4]]
    col = {h: i + 1 for i, h in enumerate(head)}
    assert {"Last value", "Value", "Qualifier", "Note"} <= set(head)
    assert col["Last value"] + 1 == col["Value"]  # the last value sits beside the entry cell
    assert ws.protection.sheet
    r = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "AIR.PM25")
    assert not ws.cell(r, col["Value"]).protection.locked
    assert not ws.cell(r, col["Note"]).protection.locked
    assert ws.cell(r, col["Indicator code"]).protection.locked
    assert ws.cell(r, col["Last value"]).protection.locked
    dvs = ws.data_validations.dataValidation
    kinds = {dv.type for dv in dvs}
    assert {"list", "whole", "decimal"} <= kinds

    def dv_of(cell):
        return [dv for dv in dvs if cell in dv.sqref]

    cls = next(r for r in range(5, ws.max_row + 1)
               if ws.cell(r, 1).value == "WATER.YANGTZE_MAINSTEM_CLASS")
    (v,) = dv_of(ws.cell(cls, col["Value"]).coordinate)
    assert v.type == "list" and "worse than V" in v.formula1
    share = next(r for r in range(5, ws.max_row + 1)
                 if ws.cell(r, 1).value == "WATER.STATE_SECTIONS_EXCELLENT")
    (v,) = dv_of(ws.cell(share, col["Value"]).coordinate)
    assert (v.type, v.operator, v.formula1, v.formula2) == ("decimal", "between", "0", "100")
    (q,) = dv_of(ws.cell(share, col["Qualifier"]).coordinate)
    assert q.type == "list" and "more than" in q.formula1
    assert all(dv.showErrorMessage for dv in dvs)
    text = " ".join(str(c.value) for row in wb["Instructions"].iter_rows() for c in row)
    assert "yellow" in text and "数值" in text
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$4:$4"


def test_formula_looking_names_and_units_stay_text_on_every_sheet(store, tmp_path):
    """Indicator names and units are typed by staff too: they reach the scorecard, chart and
    entry sheets, which openpyxl would otherwise turn into live formulas."""
    t = schema.indicators
    with store.write() as conn:
        conn.execute(update(t).where(t.c.code == "AIR.PM25").values(
            name_en='=HYPERLINK("http://x","click")', unit="@x", unit_zh="=1+1"))
    for lang in ("en", "zh_CN"):
        out = tmp_path / f"export-{lang}.xlsx"
        export_workbook(store, out, ExportOptions(lang=lang))
        tpl = tmp_path / f"template-{lang}.xlsx"
        write_template(store, tpl, "2025H1", lang=lang)
        for path in (out, tpl):
            wb = openpyxl.load_workbook(path)
            cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
            assert not [c.coordinate for c in cells if c.data_type == "f"], path.name
            texts = [c.value for c in cells if isinstance(c.value, str)]
            assert any("HYPERLINK" in v or v in ("@x", "=1+1") for v in texts), path.name
