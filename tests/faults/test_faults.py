"""The fault suite: hostile files and destinations, the program run as a person runs it.

Every case is one ``ecotracker`` command in a subprocess with 2 GB of address space and a
60 s timeout (:mod:`tests.faults.conftest`). Each must end in a one-line refusal (or do the
right thing), never a traceback, a hang, a kill or a silently wrong value, and leave the
database as it was. See ``tests/faults/README.md``.
"""
from __future__ import annotations

import os
import signal
import time
import zipfile

import pytest

from tests.faults.builders import (HEADINGS, figures_rows, percent_styles, sheet_xml, write)

from .conftest import db_state, run

GOOD = ("AIR.PM25", "chongqing", "2024H1", 30)
LONG = "n" * 300  # a name longer than any file system allows (255 bytes)


def _sheet(**kw) -> str:
    return sheet_xml(figures_rows(GOOD), **kw)


# (file name, how to make it in a folder, words the refusal must contain)
def _far(p):
    write(p, [("Data", _sheet(extra='<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))])


def _deep(p):
    write(p, [("Data", _sheet(extra='<row r="99999999"><c r="A99999999"><v>1</v></c></row>'))])


def _dimension(p):
    write(p, [("Data", _sheet(dimension="A1:XFD1048576"))])


def _refless(p):  # cells without references, counted on from a far one
    write(p, [("Data", _sheet(extra='<row r="1048576"><c r="XFC1048576"/><c/><c/></row>'))])


def _hidden(p):
    write(p, [("Notes", sheet_xml([["see the other sheet"]])), ("Data", _sheet())],
          states={"Data": "veryHidden"})


def _two_values(p):
    write(p, [("Data", sheet_xml([[*HEADINGS, "Value"], [*GOOD, 31]]))])


def _two_members(p):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        write(p, [("Data", _sheet())], extra=[("xl/worksheets/sheet1.xml", _sheet())])


def _long_note(p):
    write(p, [("Data", sheet_xml([[*HEADINGS, "Note"], [*GOOD, "x" * 1_000_000]]))])


def _bomb(p):
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<sheetData>" + b" " * (200 * 2**20))


def _laughs(p):
    write(p, [("Data", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                       '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet>&b;</worksheet>')])


def _fifo(p):
    os.mkfifo(p)


def _folder(p):
    p.mkdir()


def _bytes(data):
    return lambda p: p.write_bytes(data)


IMPORTS = {
    "a cell at XFD1048576": (_far, ["sheet Data claims 1,048,576 × 16,384 cells"]),
    "a cell at row 99,999,999": (_deep, ["beyond Excel's last row"]),
    "a dimension of the whole grid": (_dimension, ["claims 1,048,576 × 16,384 cells"]),
    "cells without references past the last column": (_refless, ["beyond Excel's last"]),
    "figures only on a very hidden sheet": (_hidden, ["hidden sheet Data"]),
    "two Value columns": (_two_values, ["columns D and E are both headed Value"]),
    "two zip members of one name": (_two_members, ["xl/worksheets/sheet1.xml twice"]),
    "a 1,000,000-character note": (_long_note, ["row 2, column E (Note)", "1,000,000"]),
    "a zip bomb": (_bomb, ["zip bomb"]),
    "an XML entity bomb": (_laughs, ["DOCTYPE or ENTITY"]),
    "a FIFO": (_fifo, ["not a regular file"]),
    "a folder": (_folder, ["not a regular file"]),
    "random bytes": (_bytes(os.urandom(4096)), ["not an Excel workbook"]),
    "an encrypted workbook": (_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048)),
                              ["password-protected"]),
    "a truncated workbook": (lambda p: (_far(p), p.write_bytes(p.read_bytes()[:900])),
                             ["damaged or incomplete"]),
}


@pytest.mark.parametrize("case", list(IMPORTS))
def test_a_hostile_import_is_refused_in_one_line(case, db, tmp_path):
    make, words = IMPORTS[case]
    path = tmp_path / "hostile.xlsx"
    make(path)
    before = db_state(db)
    t = time.monotonic()
    run("import", str(path), "--db", str(db), cwd=tmp_path).refused("hostile.xlsx", *words)
    assert time.monotonic() - t < 30
    assert db_state(db) == before


def test_a_name_too_long_is_one_line_everywhere(db, tmp_path):
    before = db_state(db)
    for args in (["import", str(tmp_path / f"{LONG}.xlsx")],
                 ["import", str(tmp_path / LONG / "x.xlsx")],
                 ["export", "-o", str(tmp_path / f"{LONG}.xlsx")],
                 ["export", "-o", str(tmp_path / LONG / "x.xlsx")],
                 ["template", "--period", "2025H1", "-o", str(tmp_path / f"{LONG}.xlsx")]):
        run(*args, "--db", str(db), cwd=tmp_path).refused("too long")
    assert db_state(db) == before
    assert not [n for n in os.listdir(tmp_path) if n.endswith((".xlsx", ".part"))]


def _destinations(tmp_path, db):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    notes = tmp_path / "notes.xlsx"
    notes.write_text("minutes of the last meeting")
    (tmp_path / "backups").mkdir(exist_ok=True)
    return {"the database": (db, "it is the database"),
            "its -wal": (db.with_name(db.name + "-wal"), "it is the database"),
            "its backups folder": (tmp_path / "backups" / "x.xlsx", "holds the database's backups"),
            "a FIFO": (fifo, "not a regular file"),
            "a device": ("/dev/null", "not a regular file"),
            "a file that is not a workbook": (notes, "is not an Excel workbook")}


@pytest.mark.parametrize("command", [["export"], ["template", "--period", "2025H1"]],
                         ids=["export", "template"])
def test_export_and_template_never_replace_what_they_must_not(command, db, tmp_path):
    before, db_bytes = db_state(db), db.read_bytes()
    for what, (target, words) in _destinations(tmp_path, db).items():
        force = [] if what == "a file that is not a workbook" else ["--force"]
        run(*command, "-o", str(target), "--db", str(db), *force,
            cwd=tmp_path).refused(words)
    assert db_state(db) == before and db.read_bytes() == db_bytes
    assert (tmp_path / "notes.xlsx").read_text() == "minutes of the last meeting"


KILL = """
import os, signal, sys
from core.excel import files
from core.excel.export import export_workbook
from core.store import Store
if sys.argv[3] == "named":
    files.O_TMPFILE = None
def progress(done, total):
    if done >= 2:
        os.kill(os.getpid(), signal.SIGKILL)
export_workbook(Store.open(sys.argv[1], create=False), sys.argv[2], progress=progress)
"""


@pytest.mark.parametrize("how", ["unnamed", "named"])
def test_a_killed_export_leaves_no_part_files(how, db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = run(str(db), str(out / "meeting.xlsx"), how, cwd=tmp_path, python=KILL)
    assert r.code == -signal.SIGKILL, r.err
    if how == "named":  # no unnamed files here: the next export removes the dead one's
        assert run("export", "-o", str(out / "meeting.xlsx"), "--db", str(db),
                   cwd=tmp_path).code == 0
        assert os.listdir(out) == ["meeting.xlsx"]
    else:
        assert os.listdir(out) == []


def test_a_percent_formatted_cell_is_stored_as_the_percentage_shown(db, tmp_path):
    rows = figures_rows(("WATER.STATE_SECTIONS_EXCELLENT", "chongqing", "2025H1", 0.986))
    path = write(tmp_path / "pct.xlsx", [("Data", sheet_xml(rows, styles={(2, 4): 1}))],
                 styles=percent_styles())
    r = run("import", str(path), "--db", str(db), cwd=tmp_path)
    assert r.code == 0, r.err
    assert "1 new" in r.out
    r = run("figures", "--indicator", "WATER.STATE_SECTIONS_EXCELLENT", "--format", "json",
            "--db", str(db), cwd=tmp_path)
    import json

    stored = {f["period"]: f["value"] for f in json.loads(r.out)}
    assert stored["2025H1"] == 98.6, r.out  # not 1.0 (0.986 rounded), as before


def test_a_parser_crash_in_the_reading_process_is_a_message(tmp_path):
    """What the window's import does if a file got past the checks: the parser, asked for a
    grid of 17 billion cells, aborts in its own process, and the caller gets a sentence."""
    path = tmp_path / "far.xlsx"
    _far(path)
    r = run(str(path), cwd=tmp_path, python=(
        "import sys\n"
        "from core.errors import EcoError\n"
        "from core.excel.isolated import run_isolated\n"
        "from tests.faults import crashers\n"
        "try:\n"
        "    run_isolated(crashers.parse_unchecked, sys.argv[1], what='far.xlsx',"
        " limit=2 << 30)\n"
        "except EcoError as e:\n"
        "    print(e)\n"))
    assert r.code == 0, r.err
    assert r.out.startswith("far.xlsx could not be read: the process reading it"), r.out


def test_a_database_name_too_long_is_one_line(tmp_path):
    for args in (["status"], ["init"], ["figures"]):
        run(*args, "--db", str(tmp_path / f"{LONG}.sqlite"), cwd=tmp_path).refused("too long")
