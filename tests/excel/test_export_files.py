"""The files the Excel commands write: their permissions, a destination folder that does not
exist, a failed write, and the import preview's columns at the dialog's default size."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from core import queries
from core.errors import EcoError
from core.excel.export import ExportOptions, export_workbook, gather, write_workbook
from core.excel.template import write_template

from .conftest import find_row

EXE = Path(sys.executable).parent / "ecotracker"
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _export(store, out):
    export_workbook(store, out)


def _template(store, out):
    write_template(store, out, "2025H1")


WRITERS = pytest.mark.parametrize("write", [_export, _template], ids=["export", "template"])


@pytest.fixture
def umask():
    """Set the process umask for one test, restored afterwards."""
    saved = os.umask(0o022)
    try:
        yield os.umask
    finally:
        os.umask(saved)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# permissions ------------------------------------------------------------------------------

@POSIX
@WRITERS
@pytest.mark.parametrize("mask", [0o022, 0o002, 0o027], ids=oct)
def test_a_new_workbook_gets_the_permissions_of_a_new_file(write, mask, umask, sqlite_store,
                                                           tmp_path):
    out = tmp_path / "meeting.xlsx"
    umask(mask)
    write(sqlite_store, out)
    assert mode(out) == 0o666 & ~mask  # as if written directly, not mkstemp's 0600
    openpyxl.load_workbook(out)  # complete
    assert not list(tmp_path.glob("*.part"))


@POSIX
@WRITERS
@pytest.mark.parametrize("kept", [0o664, 0o640, 0o604], ids=oct)
def test_a_replaced_workbook_keeps_the_permissions_it_had(write, kept, umask, sqlite_store,
                                                           tmp_path):
    out = tmp_path / "shared.xlsx"
    openpyxl.Workbook().save(out)  # last month's workbook
    os.chmod(out, kept)
    umask(0o022)
    write(sqlite_store, out)
    assert mode(out) == kept
    openpyxl.load_workbook(out)  # replaced by the complete new workbook


# a destination folder that does not exist ------------------------------------------------

@WRITERS
def test_a_missing_folder_is_refused_by_name_and_not_created(write, store, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    out = work / "nonexistent_dir" / "deeper" / "x.xlsx"
    with pytest.raises(EcoError) as err:
        write(store, out)
    msg = str(err.value)
    assert f"the folder {out.parent} does not exist" in msg, msg
    assert str(out) in msg
    assert listing(work) == []  # no folder made, nothing written


def test_write_workbook_refuses_a_missing_folder_too(sqlite_store, tmp_path):
    with sqlite_store.read() as conn:
        snap = gather(conn, ExportOptions())
    out = tmp_path / "gone" / "x.xlsx"
    with pytest.raises(EcoError, match="does not exist"):
        write_workbook(snap, out)
    assert not (tmp_path / "gone").exists()


@WRITERS
def test_a_file_in_place_of_the_folder_is_refused(write, sqlite_store, tmp_path):
    (tmp_path / "notes.txt").write_text("not a folder")
    out = tmp_path / "notes.txt" / "x.xlsx"
    with pytest.raises(EcoError) as err:
        write(sqlite_store, out)
    assert "is not a folder" in str(err.value) and str(tmp_path / "notes.txt") in str(err.value)
    assert (tmp_path / "notes.txt").read_text() == "not a folder"


@pytest.mark.parametrize("command", [["export"], ["template", "--period", "2025H1"]],
                         ids=["export", "template"])
def test_the_command_refuses_a_missing_folder(command, sqlite_store, tmp_path):
    db = str(tmp_path / "eco.sqlite")
    assert Path(db).exists()
    out = tmp_path / "nonexistent_dir" / "x.xlsx"
    r = subprocess.run([str(EXE), *command, "--db", db, "-o", str(out)], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 2, r.stdout + r.stderr
    assert f"the folder {out.parent} does not exist" in r.stderr, r.stderr
    assert "Saved" not in r.stdout and str(out) not in r.stdout
    assert not out.parent.exists()


# a failed write ---------------------------------------------------------------------------

def test_a_failed_template_leaves_the_old_file_whole(sqlite_store, tmp_path, monkeypatch):
    """The template is written beside its destination and renamed, like the meeting workbook:
    a write that fails half-way leaves the file that was there untouched and no scraps."""
    from openpyxl import Workbook

    work = tmp_path / "work"
    work.mkdir()
    out = work / "entry.xlsx"
    write_template(sqlite_store, out, "2024H1")
    old = out.read_bytes()

    def half_written(self, filename):
        filename.write(b"PK\x03\x04 half a zip")  # the part file being written
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", half_written)
    with pytest.raises(EcoError, match="No space left on device"):
        write_template(sqlite_store, out, "2025H1")
    assert out.read_bytes() == old
    assert listing(work) == ["entry.xlsx"]


# the dialogs ------------------------------------------------------------------------------

@pytest.fixture
def ctx(qtbot, sqlite_store):
    from gui.context import AppContext

    return AppContext(sqlite_store)


@pytest.mark.gui
def test_export_dialog_says_the_folder_does_not_exist(qtbot, ctx, tmp_path):
    from gui.excel.export_dialog import open_export_dialog

    out = tmp_path / "nonexistent_dir" / "x.xlsx"
    dlg = open_export_dialog(ctx, None)
    qtbot.addWidget(dlg)
    dlg.path.setText(str(out))
    dlg.start()
    qtbot.waitUntil(lambda: dlg.job is None, timeout=20000)
    text = dlg.message.text()
    assert dlg.result is None
    assert "Saved" not in text
    assert f"the folder {out.parent} does not exist" in text, text
    assert dlg.message.isVisibleTo(dlg)
    assert not out.parent.exists()


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_import_preview_columns_fit_the_default_dialog(qtbot, sqlite_store, tmp_path, lang):
    """Every preview column, the new value last, is visible without scrolling sideways, even
    with the longest indicator name in the preview."""
    from PySide6.QtCore import Qt

    from gui.context import AppContext
    from gui.excel.import_dialog import open_import_dialog

    ctx = AppContext(sqlite_store, lang=lang)
    with sqlite_store.read() as conn:
        ind = queries.indicators(conn)
        figs = queries.figures(conn)
    ind = ind[ind["code"].isin(figs["indicator"])]
    longest = ind.loc[ind[ctx.name_col].str.len().idxmax(), "code"]
    fig = figs[figs["indicator"] == longest].iloc[0]
    path = tmp_path / "edited.xlsx"
    export_workbook(sqlite_store, path)
    row = find_row(path, longest, fig["period"])
    wb = openpyxl.load_workbook(path)
    v = fig["value"]
    wb["Data"][f"E{row}"] = v - 1 if v >= 1 else v + 1
    wb.save(path)
    dlg = open_import_dialog(ctx, None, path=str(path))
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.preview is not None, timeout=20000)
    assert dlg.model.rowCount() == 1
    table, header = dlg.table, dlg.table.horizontalHeader()
    width = table.viewport().width()
    last = header.count() - 1
    assert dlg.model.headerData(last, Qt.Orientation.Horizontal) == dlg.tr("New value")
    for col in range(header.count()):
        left = header.sectionViewportPosition(col)
        assert 0 <= left and left + header.sectionSize(col) <= width, (col, left, width)
    new_value = dlg.model.index(0, last).data()
    assert header.sectionSize(last) >= table.fontMetrics().horizontalAdvance(new_value)
    assert not table.horizontalScrollBar().isVisible()
