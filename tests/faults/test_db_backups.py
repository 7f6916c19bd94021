"""Item 7 of issue 15: backups are bounded in number, carry the database's own permissions,
are made only once the write holds the lock (none for a write that fails), and can be listed
and restored (``ecotracker backups``)."""
from __future__ import annotations

import os
import threading

import pytest

from core import queries, rows
from core.errors import DatabaseError, StaleEditError
from core.store import Store
from tests.faults.db_support import cli, one_line, seeded_copy
from tests.faults.test_db_disks import _workbook


def _imports(db, n: int, tmp_path) -> None:
    """``n`` real imports, each changing one figure (so each writes, and backs up)."""
    from core.excel.importer import apply_import, read_import

    for i in range(n):
        book = tmp_path / f"e{i}.xlsx"
        _workbook(db, book)
        with Store.open(str(db), create=False) as s:
            apply_import(s, read_import(s, book))


def _backups(db):
    return sorted((db.parent / "backups").glob(f"{db.stem}.*"))


def test_backups_are_bounded_and_keep_the_database_mode(tmp_path):
    db = seeded_copy(tmp_path / "eco.sqlite")
    os.chmod(db, 0o600)
    assert cli("backups", "--db", db, "--keep", "3").returncode == 0
    _imports(db, 5, tmp_path)
    kept = _backups(db)
    assert len(kept) == 3
    assert {oct(p.stat().st_mode & 0o777) for p in kept} == {"0o600"}
    assert oct((db.parent / "backups").stat().st_mode & 0o777) == "0o700"


def test_the_default_bound_is_ten(tmp_path):
    from core.excel.importer import apply_import, read_import

    db = seeded_copy(tmp_path / "eco.sqlite")
    assert cli("export", "--db", db, "-o", tmp_path / "same.xlsx").returncode == 0
    _workbook(db, tmp_path / "changed.xlsx")
    for name in ("same.xlsx", "changed.xlsx"):  # without versions, so each can follow the other
        _strip_versions(tmp_path / name)
    with Store.open(str(db), create=False) as s:
        for i in range(12):  # back and forth: each import changes one figure
            book = tmp_path / ("changed.xlsx" if i % 2 == 0 else "same.xlsx")
            assert apply_import(s, read_import(s, book)).backup is not None
    assert len(_backups(db)) == 10


def _strip_versions(path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    col = [c.value for c in ws[1]].index("Version") + 1
    for row in range(2, ws.max_row + 1):
        ws.cell(row, col).value = None
    wb.save(path)


def test_a_write_that_fails_leaves_no_backup(tmp_path):
    from core.excel.importer import apply_import, read_import

    db = seeded_copy(tmp_path / "eco.sqlite")
    _workbook(db, tmp_path / "e.xlsx")
    with Store.open(str(db)) as s:
        preview = read_import(s, tmp_path / "e.xlsx")
        with s.read() as conn:  # another desk changes that figure after the preview
            f = queries.figures(conn).set_index("id").loc[int(preview.plan.changed["db_id"].iloc[0])]
        with s.write() as conn:
            rows.update(conn, "figure", int(f.name), int(f["version"]), {"note": "theirs"},
                        who="t", why="t")
        with pytest.raises(StaleEditError):
            apply_import(s, preview)
    assert _backups(db) == []


def test_no_backup_is_made_before_the_lock_is_had(tmp_path, monkeypatch):
    import core.db

    monkeypatch.setattr(core.db, "LOCK_WAIT_S", 1, raising=False)
    db = seeded_copy(tmp_path / "eco.sqlite")
    _workbook(db, tmp_path / "e.xlsx")
    holder, desk = Store.open(str(db)), Store.open(str(db))
    started, release = threading.Event(), threading.Event()

    def hold():
        with holder.write("import"):
            started.set()
            release.wait(30)

    t = threading.Thread(target=hold)
    t.start()
    assert started.wait(30)
    from core.excel.importer import apply_import, read_import

    try:
        with pytest.raises(DatabaseError, match="is busy"):
            apply_import(desk, read_import(desk, tmp_path / "e.xlsx"))
    finally:
        release.set()
        t.join(30)
    assert _backups(db) == []
    holder.close()
    desk.close()


def test_backups_are_listed_and_one_is_restored_after_confirmation(tmp_path):
    db = seeded_copy(tmp_path / "eco.sqlite")
    with Store.open(str(db)) as s, s.read() as conn:
        original = queries.figures(conn)[["id", "value"]]
    _imports(db, 1, tmp_path)
    listing = cli("backups", "--db", db)
    assert listing.returncode == 0 and "  1  " in listing.stdout and "import" in listing.stdout
    asked = cli("backups", "--db", db, "--restore", "1")
    assert asked.returncode == 1 and "add --yes" in asked.stdout
    done = cli("backups", "--db", db, "--restore", "1", "--yes")
    assert done.returncode == 0, done.stderr
    assert "restored" in done.stdout and ".restore." in done.stdout
    with Store.open(str(db)) as s, s.read() as conn:
        after = queries.figures(conn)[["id", "value"]]
    assert after.equals(original)
    assert len(_backups(db)) == 2  # the import's, and the database as it was before restoring


def test_a_damaged_database_is_restored_whole(tmp_path):
    db = seeded_copy(tmp_path / "eco.sqlite")
    _imports(db, 1, tmp_path)
    db.write_bytes(b"\0" * 8192)
    assert "is damaged" in one_line(cli("status", "--db", db))
    done = cli("backups", "--db", db, "--restore", "1", "--yes")
    assert done.returncode == 0, done.stderr
    assert ".damaged." in done.stdout
    assert cli("status", "--db", db).returncode == 0


def test_backups_of_a_server_database_are_the_servers(pg_url):
    assert "own backups" in one_line(cli("backups", "--db", pg_url))


def test_an_unknown_backup_is_one_line(tmp_path):
    db = seeded_copy(tmp_path / "eco.sqlite")
    assert "no backup '7'" in one_line(cli("backups", "--db", db, "--restore", "7", "--yes"))
