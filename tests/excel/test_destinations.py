"""What ``export -o`` and ``template -o`` may replace, and what a killed write leaves behind
(issue 15.2 and 15.11), and a note too long for an Excel cell (15.11)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from core.errors import EcoError
from core.excel import files
from core.excel.export import export_workbook, fit_cell, was_cut
from core.excel.importer import apply_import, read_import
from core.excel.safety import EXCEL_CELL_CHARS
from core.excel.template import write_template

REPO = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs, kill -9")


def _export(store, out, **kw):
    export_workbook(store, out, **kw)


def _template(store, out, **kw):
    write_template(store, out, "2025H1", **kw)


WRITERS = pytest.mark.parametrize("write", [_export, _template], ids=["export", "template"])


@WRITERS
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_the_database_and_its_companions_are_never_replaced(write, suffix, sqlite_store):
    db = sqlite_store.sqlite_path
    target = db.with_name(db.name + suffix)
    if not target.exists():  # (an existing -shm is mapped by SQLite: never touch it)
        target.write_bytes(b"\0" * 64)
    before = target.read_bytes()
    with pytest.raises(EcoError, match="it is the database"):
        write(sqlite_store, target, force=True)
    assert target.read_bytes() == before
    link = db.parent / "link.xlsx"
    link.symlink_to(target)
    with pytest.raises(EcoError, match="it is the database"):
        write(sqlite_store, link, force=True)


@WRITERS
def test_nothing_is_written_into_the_backups_folder_or_over_a_database(write, sqlite_store):
    backups = sqlite_store.sqlite_path.parent / "backups"
    backups.mkdir()
    with pytest.raises(EcoError, match="holds the database's backups"):
        write(sqlite_store, backups / "x.xlsx")
    other = sqlite_store.sqlite_path.parent / "old.sqlite"
    other.write_bytes(sqlite_store.sqlite_path.read_bytes())
    with pytest.raises(EcoError, match="it is a SQLite database"):
        write(sqlite_store, other, force=True)


@POSIX
@WRITERS
def test_a_fifo_or_a_folder_is_refused_without_waiting(write, sqlite_store, tmp_path):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path):
        with pytest.raises(EcoError, match="it is not a regular file"):
            write(sqlite_store, target, force=True)


@WRITERS
def test_an_existing_file_that_is_not_a_workbook_needs_force(write, sqlite_store, tmp_path):
    notes = tmp_path / "notes.xlsx"
    notes.write_text("minutes of the last meeting")
    with pytest.raises(EcoError, match="exists and is not an Excel workbook"):
        write(sqlite_store, notes)
    assert notes.read_text() == "minutes of the last meeting"
    write(sqlite_store, notes, force=True)
    openpyxl.load_workbook(notes)
    write(sqlite_store, notes)  # a workbook now: replaced without asking
    empty = tmp_path / "empty.xlsx"
    empty.touch()
    write(sqlite_store, empty)  # nothing to lose


def test_the_commands_take_force(sqlite_store, tmp_path):
    notes = tmp_path / "notes.xlsx"
    notes.write_text("minutes")
    db = str(sqlite_store.sqlite_path)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for cmd in (["export"], ["template", "--period", "2025H1"]):
        r = subprocess.run([sys.executable, "-m", "core.cli", *cmd, "--db", db, "-o", str(notes)],
                           capture_output=True, text=True, timeout=120, env=env)
        assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
        assert "--force" in r.stderr and notes.read_text() == "minutes"
        r = subprocess.run([sys.executable, "-m", "core.cli", *cmd, "--db", db, "-o", str(notes),
                            "--force"], capture_output=True, text=True, timeout=120, env=env)
        assert r.returncode == 0, r.stderr
        notes.write_text("minutes")


# a killed write -----------------------------------------------------------------------------
KILLED = """
import os, signal, sys
from core.excel import files
from core.excel.export import export_workbook
from core.store import Store
if sys.argv[3] == "named":
    files.O_TMPFILE = None
def progress(done, total):
    if done >= 2:  # its rows are being spliced into the part file
        os.kill(os.getpid(), signal.SIGKILL)
export_workbook(Store.open(sys.argv[1], create=False), sys.argv[2], progress=progress)
"""


@POSIX
@pytest.mark.parametrize("how", ["unnamed", "named"])
def test_a_killed_export_leaves_nothing_behind(how, sqlite_store, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "meeting.xlsx"
    r = subprocess.run([sys.executable, "-c", KILLED, str(sqlite_store.sqlite_path), str(out),
                        how], capture_output=True, timeout=120,
                       env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert r.returncode == -9, r.stderr
    left = os.listdir(out_dir)
    if how == "unnamed" and files.O_TMPFILE is not None:
        assert left == []  # the part never had a name
    else:  # a file system without unnamed files: the next write removes the dead one's part
        assert left and all(n.startswith(".~ecotracker.") for n in left), left
        export_workbook(sqlite_store, out)
        assert os.listdir(out_dir) == ["meeting.xlsx"]


def test_a_live_writers_part_is_left_alone(tmp_path):
    mine = tmp_path / f".~ecotracker.{files._host()}.{os.getpid()}.abc123.part"
    other_host = tmp_path / ".~ecotracker.000000.1.abc123.part"
    mine.touch()
    other_host.touch()
    files.sweep(tmp_path)
    assert mine.exists() and other_host.exists()


# a note longer than a cell holds --------------------------------------------------------------
def test_a_note_too_long_for_a_cell_is_cut_with_a_mark_and_kept_whole_on_reimport(
        sqlite_store, tmp_path):
    from sqlalchemy import update

    from core import queries, schema

    long_note = "监测 " + "x" * 999_997
    with sqlite_store.write() as conn:
        fid = int(queries.figures(conn)["id"].iloc[0])
        conn.execute(update(schema.figures).where(schema.figures.c.id == fid)
                     .values(note=long_note))
    for lang in ("en", "zh_CN"):
        from core.excel.export import ExportOptions

        out = tmp_path / f"meeting-{lang}.xlsx"
        export_workbook(sqlite_store, out, ExportOptions(lang=lang))
        wb = openpyxl.load_workbook(out, read_only=True)
        from core.excel.headers import sheet_name

        notes = [r[7] for r in wb[sheet_name("data", lang)].iter_rows(min_row=2,
                                                                      values_only=True)]
        cut = [n for n in notes if n and len(n) > 1000]
        assert len(cut) == 1 and len(cut[0]) == EXCEL_CELL_CHARS, len(cut[0])
        assert cut[0].startswith("监测 xxx") and "1,000,000" in cut[0][-60:] and was_cut(cut[0])
        # Re-imported, the cut note stands for the whole one the database has: it is never
        # stored cut. (The rules now keep no text over 32,767 characters, so that note, from
        # before them, is named as a problem and nothing is written.)
        preview = read_import(sqlite_store, out)
        assert [(p.column[0], p.row) for p in preview.plan.problems] == [("H", 2)] or (
            preview.ok and preview.nothing_to_do), preview.summary()
    with sqlite_store.read() as conn:
        assert queries.figures(conn).set_index("id").at[fid, "note"] == long_note


def test_fit_cell_leaves_a_text_that_fits():
    assert fit_cell("x" * EXCEL_CELL_CHARS) == "x" * EXCEL_CELL_CHARS
    assert not was_cut("x" * EXCEL_CELL_CHARS)
    assert len(fit_cell("x" * (EXCEL_CELL_CHARS + 1))) == EXCEL_CELL_CHARS
