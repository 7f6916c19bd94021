"""Item 6 of issue 15: a damaged SQLite file is one clear line ("damaged: restore it from a
backup"), never a traceback; an import checks the file before its backup and write and refuses
a damaged one; a schema version that is not a number is "not an EcoTracker database"."""
from __future__ import annotations

import random
import sqlite3

import pytest

from core import queries, status
from core.errors import EcoError
from core.store import Store
from tests.faults.db_support import cli, one_line, seeded_copy

PAGE = 4096


def _damage(path, seed: int) -> None:
    """Overwrite a few runs of bytes at places chosen by ``seed`` (the header spared half the
    time, so that both 'not a database' and damage found only later are exercised)."""
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    start = 0 if seed % 2 else PAGE
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(start, len(data) - 64)
        n = rng.choice([8, 64, 512, PAGE])
        data[at:at + n] = bytes(rng.randrange(256) for _ in range(min(n, len(data) - at)))
    path.write_bytes(bytes(data))


def _use(db) -> None:
    """What the window and the commands do first: open, read every table, score."""
    with Store.open(str(db), create=False) as s, s.read() as conn:
        ind, areas = queries.indicators(conn), queries.areas(conn)
        status.scorecard(ind, queries.figures(conn), queries.targets(conn),
                         area_rank=queries.area_rank(areas))
        queries.sources(conn)


@pytest.mark.parametrize("seed", range(40))
def test_a_damaged_file_is_an_error_a_person_can_act_on(tmp_path, seed):
    db = seeded_copy(tmp_path / "eco.sqlite")
    _damage(db, seed)
    try:
        _use(db)
    except EcoError as exc:
        assert "\n" not in str(exc)
    # anything else (sqlite3.DatabaseError, a KeyError from a garbled row) fails the test


def _corrupt_index(db) -> None:
    """Damage that reading figures does not meet but quick_check finds: an index page."""
    c = sqlite3.connect(db)
    root = c.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_changelog_entity'"
                     ).fetchone()[0]
    c.close()
    data = bytearray(db.read_bytes())
    at = (root - 1) * PAGE
    data[at + 8:at + PAGE] = bytes(range(256)) * ((PAGE - 8) // 256) + bytes((PAGE - 8) % 256)
    db.write_bytes(bytes(data))


def test_an_import_into_a_damaged_file_is_refused_before_its_backup(tmp_path):
    from tests.faults.test_db_disks import _workbook

    db = seeded_copy(tmp_path / "eco.sqlite")
    _workbook(db, tmp_path / "e.xlsx")
    _corrupt_index(db)
    before = db.read_bytes()
    line = one_line(cli("import", "--db", db, tmp_path / "e.xlsx"))
    assert f"the database file {db} is damaged: restore it from a backup" in line
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("backups/*"))  # no copy of a damaged file among the good


def test_a_file_that_is_not_a_database_says_damaged(tmp_path):
    db = tmp_path / "eco.sqlite"
    db.write_bytes(b"this is a spreadsheet, honestly" * 500)
    line = one_line(cli("status", "--db", db))
    assert "is damaged: restore it from a backup" in line


def test_a_non_numeric_schema_version_is_not_an_ecotracker_database(tmp_path):
    db = seeded_copy(tmp_path / "eco.sqlite")
    c = sqlite3.connect(db)
    c.execute("UPDATE meta SET value = 'three' WHERE key = 'schema_version'")
    c.commit()
    c.close()
    line = one_line(cli("status", "--db", db))
    assert "is not an EcoTracker database" in line and "'three'" in line
