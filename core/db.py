"""Where the database is and how to open it.

``--db`` and ``ECOTRACKER_DB`` take a file path (SQLite) or a SQLAlchemy URL. PostgreSQL URLs
without a driver get psycopg 3. With neither, the embedded default is a SQLite file in the
user's data folder.

SQLAlchemy is imported by the functions that use it: the command line imports this module
for :data:`ENV_VAR` before the window paints, and must not wait for SQLAlchemy there.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DatabaseError
from .i18n import tr

ENV_VAR = "ECOTRACKER_DB"
APP_NAME = "EcoTracker"

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def default_path() -> Path:
    """The embedded default: ``<user data dir>/EcoTracker/ecotracker.sqlite``."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "ecotracker.sqlite"


def resolve_url(db: str | os.PathLike | None = None) -> str:
    """Turn a ``--db`` argument (or the environment, or the default) into a SQLAlchemy URL."""
    if db is None or str(db) == "":
        db = os.environ.get(ENV_VAR) or default_path()
    text = str(db)
    if "://" not in text:
        return "sqlite:///" + str(Path(text).expanduser().resolve())
    if text.startswith("postgresql://") or text.startswith("postgres://"):
        text = "postgresql+psycopg://" + text.split("://", 1)[1]
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(text)
    except ArgumentError as exc:
        raise DatabaseError(tr("cannot understand database URL {url}: {reason}",
                               url=repr(text), reason=exc)) from None
    return text


def describe_url(url: str) -> str:
    """A short, password-free name of the database for status bars and messages."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return u.database or ":memory:"
    return u.render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and ``BEGIN IMMEDIATE`` for writers."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            path = Path(u.database)
            if not path.parent.exists():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseError(tr("cannot create folder {folder}: {reason}",
                                           folder=path.parent, reason=exc)) from None
        engine = create_engine(url, connect_args={"timeout": 30})
        _sqlite_setup(engine)
        return engine
    try:
        engine = create_engine(url, connect_args=_pg_args(u))
    except Exception as exc:  # unknown dialect, missing driver
        raise DatabaseError(tr("cannot open database {name}: {reason}", name=describe_url(url),
                               reason=exc)) from None
    _ping_when_idle(engine)
    return engine


# A pooled connection is pinged before use only if it has lain idle this long: SQLAlchemy's
# ``pool_pre_ping`` pings at every checkout, one more round trip to the server for every
# read and write (50 ms each to a server a district office away: bench_remote.py). One just
# returned to the pool is as alive as it was then.
PING_AFTER_S = 10.0


def _ping_when_idle(engine: Engine) -> None:
    import time

    from sqlalchemy import event
    from sqlalchemy.exc import DisconnectionError

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn, record):
        record.info["ecotracker_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn, record, _proxy):
        since = record.info.get("ecotracker_idle_since")
        if since is None or time.monotonic() - since < PING_AFTER_S:
            return  # just made, or just used
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:  # gone (server restarted, network dropped): the pool
            raise DisconnectionError() from exc  # makes a new connection and tries again


def _pg_args(u) -> dict:
    if u.get_backend_name() == "postgresql":
        return {"connect_timeout": 10}
    return {}


def _sqlite_setup(engine: Engine) -> None:
    from sqlalchemy import event

    # pysqlite's own transaction handling defers BEGIN and cannot take the write lock up front;
    # two desks upgrading a read lock at once would deadlock. We issue BEGIN ourselves, and
    # writers (execution option ``ecotracker_write``) take the lock at once with IMMEDIATE.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get("ecotracker_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
