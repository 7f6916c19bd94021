"""Copies of a SQLite database kept beside it, bounded in number, and restoring one.

A copy is made inside the write it protects, once that write holds the database's lock
(:meth:`core.store.Store.write` with ``backup=True``), after ``PRAGMA quick_check`` has found
the file sound: it is then exactly the database before the write, nobody can change the file
while it is copied, and a damaged file is refused instead of written into. A write that does
not commit removes its copy again. Copies are named ``<name>.<UTC time>.<why><suffix>`` in the
``backups`` folder beside the file, carry the database file's own permissions, and only the
newest :data:`KEEP` (or the database's ``backups_keep`` setting) are kept.

A PostgreSQL server's own backups are relied on; nothing here applies to it.
"""
from __future__ import annotations

import errno
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection

from .errors import DatabaseError
from .i18n import tr

#: How many copies are kept when the database does not say (``ecotracker backups --keep N``).
KEEP = 10
KEEP_KEY = "backups_keep"
INFO_KEY = "ecotracker_backup"
_STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class Backup:
    path: Path
    when: datetime
    why: str
    size: int


def folder(db: Path) -> Path:
    return db.parent / "backups"


def made_for(conn: Connection) -> Path | None:
    """The copy made when the write ``conn`` belongs to began, or None."""
    return conn.info.get(INFO_KEY)


def listing(db: Path) -> list[Backup]:
    """The copies of ``db``, newest first (also those of older EcoTracker versions, which
    named them ``<name>.<UTC time>.sqlite``)."""
    pattern = re.compile(re.escape(db.stem) + r"\.(\d{8}T\d{12}Z)(?:\.(\w+))?"
                         + re.escape(db.suffix) + "$")
    out = []
    try:
        entries = list(folder(db).iterdir())
    except OSError:
        return []
    for p in entries:
        m = pattern.match(p.name)
        if not m or not p.is_file():
            continue
        when = datetime.strptime(m.group(1), _STAMP).replace(tzinfo=timezone.utc)
        out.append(Backup(p, when, m.group(2) or "import", p.stat().st_size))
    return sorted(out, key=lambda b: b.when, reverse=True)


def keep(conn: Connection) -> int:
    """How many copies the database keeps."""
    from .migrations import meta_value

    value = meta_value(conn, KEEP_KEY)
    try:
        return max(1, int(value)) if value is not None else KEEP
    except ValueError:
        return KEEP


def check(conn: Connection, db: Path) -> None:
    """Refuse a damaged file: ``PRAGMA quick_check`` must find nothing."""
    from .store import damaged

    try:
        found = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError:
        raise damaged(db) from None
    except Exception as exc:  # SQLAlchemy's wrapper of the same
        if isinstance(getattr(exc, "orig", None), sqlite3.DatabaseError):
            raise damaged(db) from None
        raise
    if found != ["ok"]:
        raise damaged(db)


def make(conn: Connection, db: Path, why: str) -> Path:
    """Check ``db`` and copy it aside; ``conn`` is a write transaction holding its lock.

    Raises
    ------
    DatabaseError
        The file is damaged, or the copy cannot be written (a read-only folder, a full disk):
        then nothing is written to the database either.
    """
    check(conn, db)
    dest_dir = folder(db)
    stamp = datetime.now(timezone.utc).strftime(_STAMP)
    dest = dest_dir / f"{db.stem}.{stamp}.{why}{db.suffix}"
    part = dest_dir / f".{dest.name}.part"
    try:
        mode = db.stat().st_mode & 0o777
        if not dest_dir.exists():
            dest_dir.mkdir()
            dest_dir.chmod(mode | (mode & 0o444) >> 2)  # x wherever r: 0600 -> 0700
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        _copy(db, part)
        os.chmod(part, mode)
        os.replace(part, dest)
    except (OSError, sqlite3.Error) as exc:
        _unlink(part)
        raise _cannot(dest_dir, exc) from None
    conn.info[INFO_KEY] = dest
    prune(db, keep(conn))
    return dest


def _copy(src: Path, dest: Path) -> None:
    """A consistent copy through SQLite's backup API (a file copy of a WAL database is not)."""
    a = sqlite3.connect(f"file:{quote(str(src))}?mode=ro", uri=True)
    b = sqlite3.connect(str(dest))
    try:
        a.backup(b)
        # The copy would be a WAL file like its source, and grow -wal and -shm files of its
        # own wherever it is read; a copy at rest is one file.
        b.execute("PRAGMA journal_mode=DELETE")
    finally:
        b.close()
        a.close()


def _cannot(where: Path, exc: BaseException) -> DatabaseError:
    full = (getattr(exc, "errno", None) == errno.ENOSPC
            or getattr(exc, "sqlite_errorcode", None) == 13)  # SQLITE_FULL
    if full:
        return DatabaseError(tr("the disk holding {folder} is full: no backup could be made, "
                                "so nothing was written", folder=where))
    reason = getattr(exc, "strerror", None) or str(exc)
    return DatabaseError(tr("cannot make a backup in {folder} ({reason}), so nothing was "
                            "written", folder=where, reason=reason))


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def discard(path: Path) -> None:
    """Remove a copy whose write did not commit."""
    _unlink(path)


def prune(db: Path, keep_n: int) -> list[Path]:
    """Remove all but the newest ``keep_n`` copies; returns the removed ones."""
    gone = [b.path for b in listing(db)[keep_n:]]
    for p in gone:
        _unlink(p)
    return gone


def find(db: Path, name: str) -> Backup:
    """A copy by its number in :func:`listing` (1 = newest) or its file name."""
    found = listing(db)
    if name.isdigit() and 1 <= int(name) <= len(found):
        return found[int(name) - 1]
    for b in found:
        if b.path.name == name or str(b.path) == name:
            return b
    raise DatabaseError(tr("no backup {name} of {path}: 'ecotracker backups' lists them",
                           name=repr(name), path=db))


def _version_of(path: Path) -> int | None:
    """The schema version of a sound EcoTracker file, else None."""
    try:
        c = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
        try:
            if [r[0] for r in c.execute("PRAGMA quick_check")] != ["ok"]:
                return None
            row = c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            c.close()
        return int(row[0]) if row else None
    except (sqlite3.Error, ValueError, TypeError):
        return None


def restore(db: Path, name: str, *, user: str | None = None) -> tuple[Backup, Path]:
    """Put the contents of backup ``name`` back into ``db``, in one write transaction.

    The database as it was is first copied aside (a ``restore`` backup, or, for a damaged
    file, a byte copy named ``damaged``), so a restore can itself be undone. An older backup
    is brought up to the current schema first. A damaged file that cannot be written into is
    replaced whole; other desks then have to reopen it.

    Returns the backup restored and the copy of the database as it was.
    """
    from . import schema
    from .db import make_engine
    from .migrations import ensure_schema
    from .store import Store

    chosen = find(db, name)
    version = _version_of(chosen.path)
    if version is None or version > schema.SCHEMA_VERSION:
        raise DatabaseError(tr("the backup {path} is damaged or not one this EcoTracker can "
                               "restore", path=chosen.path))
    work = folder(db) / f".restoring.{datetime.now(timezone.utc).strftime(_STAMP)}.part"
    try:
        _copy(chosen.path, work)
        engine = make_engine("sqlite:///" + str(work))
        try:
            ensure_schema(engine, backup=False)
        finally:
            engine.dispose()
        try:
            store = Store.open(str(db), create=False, user=user)
        except DatabaseError:
            if _version_of(db) is not None:
                raise
            return chosen, _replace_damaged(db, work)
        with store:
            with store.write("restore", backup=True) as conn:
                before = made_for(conn)
                _copy_rows(work, conn, schema.metadata.sorted_tables)
        return chosen, before
    except (OSError, sqlite3.Error) as exc:
        raise _cannot(folder(db), exc) from None
    finally:
        for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
            _unlink(leftover)


def _copy_rows(src: Path, conn: Connection, tables) -> None:
    """Replace every row of ``tables`` in the write ``conn`` by those of file ``src``."""
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    for t in reversed(tables):
        conn.execute(t.delete())
    source = sqlite3.connect(f"file:{quote(str(src))}?mode=ro", uri=True)
    try:
        for t in tables:
            cols = [c.name for c in t.columns]
            names = ", ".join(f'"{c}"' for c in cols)
            insert = f'INSERT INTO "{t.name}" ({names}) VALUES ({", ".join("?" * len(cols))})'
            cur = source.execute(f'SELECT {names} FROM "{t.name}"')
            while chunk := cur.fetchmany(5000):
                conn.exec_driver_sql(insert, chunk)
    finally:
        source.close()


def _replace_damaged(db: Path, work: Path) -> Path:
    stamp = datetime.now(timezone.utc).strftime(_STAMP)
    aside = folder(db) / f"{db.stem}.{stamp}.damaged{db.suffix}"
    mode = db.stat().st_mode & 0o777
    with open(db, "rb") as a, open(aside, "wb") as b:
        while block := a.read(1 << 20):
            b.write(block)
    os.chmod(aside, mode)
    os.chmod(work, mode)
    for companion in ("-wal", "-shm"):
        _unlink(Path(str(db) + companion))
    os.replace(work, db)
    return aside
