"""One status vocabulary: the command line and the meeting workbook say and colour every
status code as :mod:`core.vocabulary` defines it (the window: tests/gui/test_status_vocabulary.py).

Before it, the workbook had colours of its own: "met" green where the window was blue,
"limited progress" red where the window was amber.
"""
from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from core import course, present, status, vocabulary
from core.excel.export import ExportOptions, export_workbook
from core.store import Store
from tests import every_status
from tests.test_cli import run

ALL_CODES = sorted(set(vocabulary.PERIOD_CODES) | set(vocabulary.COURSE_CODES))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return every_status.build(tmp_path_factory.mktemp("vocab") / "every.sqlite")


@pytest.fixture(scope="module")
def rows(db):
    """``status --format csv`` rows of the database: codes, and the words the CLI gives."""
    out = run("status", "--db", db, "--format", "csv", "--lang", "zh_CN").stdout
    return list(csv.DictReader(io.StringIO(out)))


def test_every_code_the_core_produces_is_in_the_vocabulary():
    assert vocabulary.PERIOD_CODES == status.PERIOD_LABELS
    assert vocabulary.COURSE_CODES == course.COURSE_LABELS
    assert set(vocabulary.STATUSES) == set(ALL_CODES)
    for code in ALL_CODES:
        s = vocabulary.status(code)
        assert s.en and s.zh and s.tone.symbol and s.tone.foreground, code


def _luminance(hex_colour: str) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


@pytest.mark.parametrize("tone", list(vocabulary.TONES.values()), ids=lambda t: t.code)
def test_status_text_reads_on_its_tint(tone):
    """WCAG AA: 4.5:1 between a cell's text and its background (white when untinted)."""
    fg, bg = _luminance(tone.foreground), _luminance(tone.background or "#FFFFFF")
    assert (max(fg, bg) + 0.05) / (min(fg, bg) + 0.05) >= 4.5


def test_the_fixture_database_has_every_status(rows):
    assert {r["period_status"] for r in rows} == set(vocabulary.PERIOD_CODES)
    assert {r["course_status"] for r in rows} == set(vocabulary.COURSE_CODES)


def test_command_line_words_are_the_vocabulary_words(db, rows):
    for r in rows:
        assert r["period_status_text"] == vocabulary.words(r["period_status"], "zh_CN")
        assert r["course_status_text"] == vocabulary.words(r["course_status"], "zh_CN")
    table = run("status", "--db", db).stdout.splitlines()[1:]
    assert len(table) == len(rows)
    for line, r in zip(table, rows):
        period, course_ = (vocabulary.words(r["period_status"]),
                           vocabulary.words(r["course_status"]))
        assert line.rstrip().endswith(course_) and f" {period} " in line, line


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_workbook_status_cells_are_coloured_and_worded_by_the_vocabulary(db, rows, tmp_path,
                                                                         lang):
    out = tmp_path / f"meeting-{lang}.xlsx"
    with Store.open(db, create=False) as store:
        export_workbook(store, out, ExportOptions(lang=lang))
    ws = openpyxl.load_workbook(out).worksheets[0]
    sheet = list(ws.iter_rows(min_row=7))
    assert len(sheet) == len(rows)
    seen = set()
    for cells, r in zip(sheet, rows):
        assert cells[1].value.endswith("\n" + r["indicator"])  # the same row as the CLI's
        for cell, code in ((cells[11], r["period_status"]), (cells[12], r["course_status"])):
            tone = vocabulary.tone(code)
            words = vocabulary.words(code, lang)
            if cell is cells[11]:  # a half-year against a year says it is indicative
                words = present.period_status_text(
                    {"period_status": code, "indicative": r.get("indicative", "")}, lang)
            assert cell.value == words
            if tone.background:
                assert cell.fill.fill_type == "solid"
                assert cell.fill.fgColor.rgb[-6:] == tone.background.lstrip("#").upper()
            else:
                assert cell.fill.fill_type is None
            assert cell.font.color.rgb[-6:] == tone.foreground.lstrip("#").upper()
            seen.add(code)
    assert seen == set(ALL_CODES)
