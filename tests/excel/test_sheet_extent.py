"""A sheet's extent is measured from its references before any parser lays it out (issue 15.1).

Each workbook here is a few KB; a parser would lay it out as billions of cells.
"""
from __future__ import annotations

import time

import pytest

from core.excel import safety
from core.excel.safety import UnsafeFileError, check_workbook
from tests.faults.builders import figures_rows, sheet_xml, write

ROWS = figures_rows(("AIR.PM25", "chongqing", "2024H1", 30))


def _extent(xml: str, chunk: int = 7) -> tuple[int, int]:
    e = safety._Extent("f.xlsx", "Data")
    data = xml.encode()
    for i in range(0, len(data), chunk):  # small chunks: tags cut at every place
        e.feed(data[i:i + chunk])
    return e.finish()


@pytest.mark.parametrize("extra, expect", [
    ('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', (1_048_576, 16_384)),
    ('<row r="7"><c r="AB7"><v>1</v></c></row>', (7, 28)),
    # a larger row before smaller ones, a cell whose row is not its row element's
    ('<row r="900"><c r="A900"/></row><row r="3"><c r="B3"/></row>', (900, 4)),
    ('<row r="3"><c r="C9000"/></row>', (9000, 4)),
    # leading zeros, a reference that is not the first attribute, cells without one
    ('<row r="3"><c r="D0012"/></row>', (12, 4)),
    ('<row r="3"><c s="1" r="Z3"/></row>', (3, 26)),
    ('<row r="3"><c r="X3"/><c/><c><v>1</v></c></row><row><c/></row>', (4, 26)),
])
def test_the_extent_is_that_of_the_farthest_cell(extra, expect):
    xml = sheet_xml(ROWS, extra=extra)
    assert _extent(xml) == expect
    assert _extent(xml, chunk=1 << 20) == expect


def test_prefixed_tags_and_the_dimension_count():
    xml = ('<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2"><x:c r="C2"/><x:c/></x:row>'
           '</x:sheetData></x:worksheet>')
    assert _extent(xml) == (2, 4)
    assert _extent(sheet_xml(ROWS, dimension="A1:XFD1048576")) == (1_048_576, 16_384)


@pytest.mark.parametrize("extra, dimension, expect", [
    ('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', None,
     "sheet Data claims 1,048,576 × 16,384 cells"),
    ('<row r="99999999"><c r="A99999999"><v>1</v></c></row>', None,
     "beyond Excel's last row or column (99,999,999 × 4 cells)"),
    ("", "A1:XFD1048576", "sheet Data claims 1,048,576 × 16,384 cells"),
])
def test_a_sheet_claiming_too_many_cells_is_refused_at_once(tmp_path, extra, dimension, expect):
    path = write(tmp_path / "far.xlsx", [("Data", sheet_xml(ROWS, extra=extra,
                                                            dimension=dimension))])
    t = time.perf_counter()
    with pytest.raises(UnsafeFileError, match="far.xlsx") as err:
        check_workbook(path)
    assert expect in str(err.value)
    assert time.perf_counter() - t < 1


def test_a_normal_sheet_passes(tmp_path):
    check_workbook(write(tmp_path / "ok.xlsx", [("Data", sheet_xml(ROWS))]))


def test_a_sheet_part_is_measured_whatever_its_case_or_listing(tmp_path):
    far = sheet_xml(ROWS, extra='<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    path = write(tmp_path / "case.xlsx", [("Data", sheet_xml(ROWS))],
                 extra=[("xl/Worksheets/Sheet9.xml", far)])
    with pytest.raises(UnsafeFileError, match="sheet xl/Worksheets/Sheet9.xml claims"):
        check_workbook(path)
