"""Item 5 of issue 15: a write behind another desk's long write gives up within seconds and
says who holds the database; a session stopped inside a transaction is ended by the server."""
from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa

from core import queries, rows
from core.errors import DatabaseError
from core.store import Store


@pytest.fixture
def short_waits(monkeypatch):
    import core.db

    assert getattr(core.db, "LOCK_WAIT_S", 30) <= 10  # the default is a few seconds, not 30
    monkeypatch.setattr(core.db, "LOCK_WAIT_S", 1, raising=False)


def _hold(store: Store, what: str, started: threading.Event, release: threading.Event):
    """Another desk's long write: it holds the lock until told to stop."""
    with store.write(what) as conn:
        if store.backend == "postgresql":
            conn.exec_driver_sql("LOCK TABLE figures IN SHARE ROW EXCLUSIVE MODE")  # as imports
        started.set()
        release.wait(30)


def _edit(store: Store) -> None:
    with store.read() as conn:
        f = queries.figures(conn).iloc[0]
    with store.write() as conn:
        rows.update(conn, "figure", int(f["id"]), int(f["version"]), {"note": "mine"},
                    who=store.user, why="edit")


def test_an_edit_behind_an_import_gives_up_soon_and_names_it(db_url, short_waits):
    importer = Store.open(db_url, user="alice")
    desk = Store.open(db_url, user="bob")
    started, release = threading.Event(), threading.Event()
    t = threading.Thread(target=_hold, args=(importer, "import", started, release))
    t.start()
    try:
        assert started.wait(30)
        t0 = time.monotonic()
        with pytest.raises(DatabaseError) as err:
            _edit(desk)
        took = time.monotonic() - t0
    finally:
        release.set()
        t.join(30)
    assert took < 4, f"waited {took:.1f} s"
    text = str(err.value)
    assert "is busy: an import is being written at another desk (alice@" in text, text
    assert "Nothing was written" in text
    _edit(desk)  # once the import is done, the edit goes through
    importer.close()
    desk.close()


def test_a_lock_held_by_some_other_program_is_said_plainly(sqlite_url, short_waits):
    desk = Store.open(sqlite_url)
    other = sa.create_engine("sqlite:///" + sqlite_url).raw_connection()
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError) as err:
            _edit(desk)
    finally:
        other.rollback()
        other.close()
    assert "is busy: another desk or program is writing to it" in str(err.value)
    desk.close()


def test_postgresql_ends_a_session_left_idle_in_a_transaction(pg_url, monkeypatch):
    import core.db

    monkeypatch.setattr(core.db, "IDLE_IN_TRANSACTION_S", 1, raising=False)
    stopped = Store.open(pg_url, user="alice")
    with stopped.read() as conn:
        assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "5s"
    desk = Store.open(pg_url, user="bob")
    with pytest.raises(DatabaseError):
        with stopped.write("import") as conn:
            conn.exec_driver_sql("LOCK TABLE figures IN SHARE ROW EXCLUSIVE MODE")
            time.sleep(2.5)  # a program stopped (Ctrl+Z, a debugger) while holding its lock
            conn.exec_driver_sql("SELECT 1")
    _edit(desk)  # the server ended that session, and its lock with it
    stopped.close()
    desk.close()


def test_the_stopped_desk_is_told_what_happened(pg_url, monkeypatch):
    import core.db

    monkeypatch.setattr(core.db, "IDLE_IN_TRANSACTION_S", 1, raising=False)
    stopped = Store.open(pg_url)
    with pytest.raises(DatabaseError) as err:
        with stopped.write("import") as conn:
            conn.exec_driver_sql("SELECT 1")
            time.sleep(2.5)
            conn.exec_driver_sql("SELECT 1")
    assert "the server ended this desk's connection" in str(err.value)
    stopped.close()


def test_a_second_write_at_the_same_desk_gives_up_too(sqlite_url, short_waits):
    """The window's edit while its own import worker writes: no wait without end either."""
    store = Store.open(sqlite_url)
    started, release = threading.Event(), threading.Event()
    t = threading.Thread(target=_hold, args=(store, "import", started, release))
    t.start()
    try:
        assert started.wait(30)
        t0 = time.monotonic()
        with pytest.raises(DatabaseError) as err:
            _edit(store)
        assert time.monotonic() - t0 < 4
    finally:
        release.set()
        t.join(30)
    assert "an import is still being written at this desk" in str(err.value)
    store.close()
