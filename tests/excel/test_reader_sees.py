"""The reader reads what a person sees (issue 15.4 percent cells, 15.10 hidden sheets and
duplicate headings, 15.11 a text too long for a cell)."""
from __future__ import annotations

import pytest

from core.errors import EcoError
from core.excel.importer import read_import
from core.excel.reader import read_table
from core.excel.safety import UnsafeFileError, check_workbook
from tests.faults.builders import HEADINGS, figures_rows, percent_styles, sheet_xml, write

from .conftest import assert_unchanged, snapshot


def test_a_percent_formatted_cell_reads_as_the_percentage_shown(tmp_path):
    rows = figures_rows(("AIR.GOOD_DAYS_RATIO", "chongqing", "2024H1", 0.986),
                        ("AIR.GOOD_DAYS_RATIO", "wanzhou", "2024H1", 0.07),
                        ("AIR.GOOD_DAYS_RATIO", "fuling", "2024H1", 0.5),
                        ("AIR.GOOD_DAYS_RATIO", "yubei", "2024H1", 98.6))
    styles = {(2, 4): 1, (3, 4): 2, (4, 4): 3}  # 0.00%, custom 0.0%, literal "%" text
    path = write(tmp_path / "pct.xlsx", [("Data", sheet_xml(rows, styles=styles))],
                 styles=percent_styles())
    check_workbook(path)
    values = read_table(path).frame["value"].tolist()
    assert values == [98.6, 7.0, 0.5, 98.6]


def test_a_hidden_data_sheet_does_not_win_over_the_visible_entry_sheet(tmp_path):
    visible = figures_rows(("AIR.PM25", "chongqing", "2024H1", 30))
    hidden = figures_rows(("AIR.PM25", "chongqing", "2024H1", 99))
    for state in ("hidden", "veryHidden"):
        path = write(tmp_path / f"{state}.xlsx", [("Entry", sheet_xml(visible)),
                                                   ("Data", sheet_xml(hidden))],
                     states={"Data": state})
        t = read_table(path)
        assert (t.sheet, t.frame["value"].tolist()) == ("Entry", [30])


def test_figures_only_on_a_hidden_sheet_are_refused(store, tmp_path):
    before = snapshot(store)
    path = write(tmp_path / "h.xlsx", [("Notes", sheet_xml([["hello"]])),
                                        ("Data", sheet_xml(figures_rows(
                                            ("AIR.PM25", "chongqing", "2024H1", 99))))],
                 states={"Data": "hidden"})
    with pytest.raises(EcoError, match="h.xlsx: the figures are on the hidden sheet Data"):
        read_import(store, path)
    assert_unchanged(store, before)


def test_two_columns_with_one_heading_are_refused(tmp_path):
    rows = [[*HEADINGS, "Value"], ["AIR.PM25", "chongqing", "2024H1", 30, 31]]
    path = write(tmp_path / "two.xlsx", [("Data", sheet_xml(rows))])
    with pytest.raises(EcoError) as err:
        read_table(path)
    assert str(err.value) == ("two.xlsx, sheet Data, row 1: columns D and E are both headed "
                              "Value; keep one of them")


def test_two_members_of_one_name_are_refused(tmp_path):
    rows = figures_rows(("AIR.PM25", "chongqing", "2024H1", 30))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it writes
        path = write(tmp_path / "dup.xlsx", [("Data", sheet_xml(rows))],
                     extra=[("xl/worksheets/sheet1.xml", sheet_xml(figures_rows(
                         ("AIR.PM25", "chongqing", "2024H1", 99))))])
    with pytest.raises(UnsafeFileError, match="dup.xlsx contains the part "
                                              "xl/worksheets/sheet1.xml twice"):
        check_workbook(path)


def test_a_text_longer_than_a_cell_holds_is_refused(tmp_path):
    rows = [[*HEADINGS, "Note"], ["AIR.PM25", "chongqing", "2024H1", 30, "x" * 1_000_000]]
    path = write(tmp_path / "long.xlsx", [("Data", sheet_xml(rows))])
    with pytest.raises(EcoError) as err:
        read_table(path)
    assert str(err.value) == ("long.xlsx, sheet Data, row 2, column E (Note): the cell holds "
                              "1,000,000 characters, more than the 32,767 an Excel cell can "
                              "hold; shorten it")
