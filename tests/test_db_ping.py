"""A pooled PostgreSQL connection is pinged only after lying idle: one round trip less for
every read and write (core.db._ping_when_idle), and a connection the server dropped while
idle is still replaced before use."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from core import db
from core.store import Store

from .conftest import _pg_admin_engine


@pytest.fixture
def pg_store(pg_url):
    s = Store.open(pg_url, user="tester")
    yield s
    s.close()


def _pings(store: Store, monkeypatch) -> list[int]:
    calls: list[int] = []
    real = store.engine.dialect.do_ping
    monkeypatch.setattr(store.engine.dialect, "do_ping",
                        lambda conn: (calls.append(1), real(conn))[1])
    return calls


def test_a_connection_just_used_is_not_pinged_again(pg_store, monkeypatch):
    pings = _pings(pg_store, monkeypatch)
    for _ in range(3):
        with pg_store.read() as conn:
            assert conn.execute(sa.text("SELECT 1")).scalar() == 1
    assert pings == []


def test_an_idle_connection_the_server_dropped_is_replaced(pg_store, monkeypatch):
    monkeypatch.setattr(db, "PING_AFTER_S", 0.0)  # every connection counts as idle
    pings = _pings(pg_store, monkeypatch)
    with pg_store.read() as conn:
        pid = conn.execute(sa.text("SELECT pg_backend_pid()")).scalar()
    admin = _pg_admin_engine()
    try:
        with admin.connect() as c:
            c.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        admin.dispose()
    with pg_store.read() as conn:
        assert conn.execute(sa.text("SELECT pg_backend_pid()")).scalar() != pid
    assert pings  # the dead one was pinged, found gone and replaced
