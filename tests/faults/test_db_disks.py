"""Item 11 of issue 15 (the disk edges): a database on a read-only disk or opened with
``?mode=ro`` is read and never written; an import whose backup cannot be written and a full
disk are one clear line, with nothing written. Read-only and full disks are mounts in a
namespace of the test's own (``unshare -m``), gone when it ends."""
from __future__ import annotations

import hashlib
import warnings

import pytest

from core import queries
from core.errors import DatabaseError
from core.store import Store
from tests.faults.db_support import (cli, in_namespace, need_namespace, one_line, seeded_copy,
                                     seeded_figures)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _workbook(db, out) -> None:
    """A meeting workbook of ``db`` with one figure changed: importing it writes one row."""
    import openpyxl

    assert cli("export", "--db", db, "-o", out).returncode == 0
    wb = openpyxl.load_workbook(out)
    ws = wb["Data"]
    col = [c.value for c in ws[1]].index("Value") + 1
    for row in range(2, ws.max_row + 1):
        if isinstance(ws.cell(row, col).value, (int, float)):
            ws.cell(row, col).value += 1
            break
    wb.save(out)


def test_mode_ro_in_the_url_is_honoured(tmp_path):
    db = seeded_copy(tmp_path / "eco.sqlite")
    before = _digest(db)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # SQLAlchemy warned and ignored ?mode=ro
        store = Store.open(f"sqlite:///{db}?mode=ro", create=False)
    assert store.read_only and "?mode=ro" in store.read_only
    with store.read() as conn:
        assert len(queries.figures(conn)) == seeded_figures(tmp_path)
    with pytest.raises(DatabaseError) as err:
        with store.write() as conn:
            conn.exec_driver_sql("DELETE FROM changelog")
    assert "is open read-only" in str(err.value) and "cannot be saved" in str(err.value)
    store.close()
    assert _digest(db) == before


def test_import_into_a_mode_ro_database_is_one_clear_line(tmp_path):
    db = seeded_copy(tmp_path / "eco.sqlite")
    _workbook(db, tmp_path / "e.xlsx")
    before = _digest(db)
    line = one_line(cli("import", "--db", f"sqlite:///{db}?mode=ro", tmp_path / "e.xlsx"))
    assert "is open read-only" in line
    assert _digest(db) == before


def test_a_database_on_a_read_only_disk_is_read_and_refuses_writes(tmp_path):
    need_namespace()
    d = tmp_path / "ro"
    d.mkdir()
    db = seeded_copy(d / "eco.sqlite")
    _workbook(db, tmp_path / "e.xlsx")
    before = _digest(db)
    r = in_namespace(f"""
        mount --bind {d} {d} && mount -o remount,bind,ro {d}
        "$ECO" status --db {db} --format csv > {tmp_path}/status.csv 2> {tmp_path}/status.err
        "$ECO" import --db {db} {tmp_path}/e.xlsx > /dev/null 2> {tmp_path}/import.err || true
    """)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "status.csv").read_text().count("\n") > 40
    note = (tmp_path / "status.err").read_text()
    assert "open read-only" in note and "Traceback" not in note
    err = (tmp_path / "import.err").read_text().strip()
    assert "is open read-only" in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert _digest(db) == before and not list(d.glob("backups"))


def test_an_import_beside_a_read_only_backups_folder_writes_nothing(tmp_path):
    need_namespace()
    db = seeded_copy(tmp_path / "eco.sqlite")
    _workbook(db, tmp_path / "e.xlsx")
    (tmp_path / "backups").mkdir()
    with Store.open(str(db)) as s, s.read() as conn:
        before = queries.figures(conn)["value"].tolist()
    r = in_namespace(f"""
        mount --bind {tmp_path}/backups {tmp_path}/backups
        mount -o remount,bind,ro {tmp_path}/backups
        "$ECO" import --db {db} {tmp_path}/e.xlsx > /dev/null 2> {tmp_path}/import.err || true
    """)
    assert r.returncode == 0, r.stderr
    err = (tmp_path / "import.err").read_text().strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    assert "cannot make a backup in" in err and "nothing was written" in err
    with Store.open(str(db)) as s, s.read() as conn:
        assert queries.figures(conn)["value"].tolist() == before


def test_a_full_disk_says_the_disk_is_full(tmp_path):
    need_namespace()
    seeded_copy(tmp_path / "seed.sqlite")
    _workbook(tmp_path / "seed.sqlite", tmp_path / "e.xlsx")
    m = tmp_path / "small"
    m.mkdir()
    edit = (
        "from core import queries, rows\n"
        "from core.store import Store\n"
        "import subprocess, sys\n"
        f"s = Store.open('{m}/eco.sqlite', create=False)\n"
        "with s.read() as c:\n"
        "    f = queries.figures(c).iloc[0]\n"
        f"subprocess.run('dd if=/dev/zero of={m}/fill bs=4k 2>/dev/null', shell=True)\n"
        "try:\n"
        "    for i in range(100):\n"
        "        with s.write() as conn:\n"
        "            rows.update(conn, 'figure', int(f['id']), int(f['version']) + i,\n"
        "                        {'note': 'x' * 4000 + str(i)}, who='t', why='t')\n"
        "except Exception as e:\n"
        "    print(type(e).__name__, e, file=sys.stderr)\n"
    )
    (tmp_path / "edit.py").write_text(edit)
    r = in_namespace(f"""
        mount -t tmpfs -o size=1m tmpfs {m}
        cp {tmp_path}/seed.sqlite {m}/eco.sqlite
        "$PY" {tmp_path}/edit.py 2> {tmp_path}/edit.err
        rm -f {m}/fill; cp {tmp_path}/seed.sqlite {m}/eco.sqlite
        dd if=/dev/zero of={m}/fill bs=4k 2>/dev/null || true
        "$ECO" import --db {m}/eco.sqlite {tmp_path}/e.xlsx > /dev/null 2> {tmp_path}/import.err || true
    """)
    assert r.returncode == 0, r.stderr
    for name in ("edit.err", "import.err"):
        err = (tmp_path / name).read_text().strip()
        assert "Traceback" not in err and len(err.splitlines()) == 1, err
        assert f"the disk holding {m} is full" in err, err


def test_mode_rw_does_not_create_a_file(tmp_path):
    db = tmp_path / "nothere.sqlite"
    line = one_line(cli("init", "--db", f"sqlite:///{db}?mode=rw"))
    assert "does not exist" in line and not db.exists()
