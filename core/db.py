"""Where the database is and how to open it.

``--db`` and ``ECOTRACKER_DB`` take a file path (SQLite) or a SQLAlchemy URL. PostgreSQL URLs
without a driver get psycopg 3. With neither, the embedded default is a SQLite file in the
user's data folder. A SQLite URL may end in ``?mode=ro`` to open the file read-only; a file on
a read-only disk is opened read-only by itself.

Waits are short: a desk whose write finds the database locked gives up after
:data:`LOCK_WAIT_S` seconds with a message naming who holds it (:mod:`core.locks`), rather than
freeze; only creating and seeding a new database waits longer, for the desk that is doing it.

SQLAlchemy is imported by the functions that use it: the command line imports this module
for :data:`ENV_VAR` before the window paints, and must not wait for SQLAlchemy there.
"""
from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from .errors import DatabaseError
from .i18n import Text, tr

ENV_VAR = "ECOTRACKER_DB"
APP_NAME = "EcoTracker"

#: How long a write waits for another desk's lock (SQLite busy timeout, PostgreSQL
#: ``lock_timeout``). An edit takes milliseconds; a wait longer than this is someone else's
#: long write, and the person is better told who than left waiting.
LOCK_WAIT_S = 5
#: How long a first start waits for another desk that is creating or seeding the database.
SETUP_WAIT_S = 120
#: A PostgreSQL session left inside a transaction this long (a stopped or hung program) is
#: ended by the server, so it cannot hold its locks over every other desk indefinitely.
IDLE_IN_TRANSACTION_S = 60

# Everything between "://" and the last "@" of a word: user, password and any "@" typed into
# them unescaped. Over-masking a word that is not a URL is the cheaper mistake.
_CREDENTIALS = re.compile(r"(?<=://)[^\s'\"]*(?=@)")

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def mask(text: object) -> str:
    """``text`` with the credentials of every URL in it replaced by ``***``."""
    return _CREDENTIALS.sub("***", str(text))


def default_path() -> Path:
    """The embedded default: ``<user data dir>/EcoTracker/ecotracker.sqlite``."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "ecotracker.sqlite"


def _bad_url(text: str, reason: str) -> DatabaseError:
    return DatabaseError(tr("cannot understand database URL {url}: {reason}",
                            url=repr(mask(text)), reason=reason))


def resolve_url(db: str | os.PathLike | None = None) -> str:
    """Turn a ``--db`` argument (or the environment, or the default) into a SQLAlchemy URL.

    Raises
    ------
    DatabaseError
        For a URL that does not parse (its credentials masked), a port that is not a number
        from 1 to 65535, and an in-memory SQLite database, which would vanish when the
        program ends.
    """
    if db is None or str(db) == "":
        db = os.environ.get(ENV_VAR) or default_path()
    text = str(db)
    if "://" not in text:
        return "sqlite:///" + str(Path(text).expanduser().resolve())
    if text.startswith("postgresql://") or text.startswith("postgres://"):
        text = "postgresql+psycopg://" + text.split("://", 1)[1]
    rest = text.split("://", 1)[1]
    if rest.count("@") > 1:
        raise _bad_url(text, tr("write an @ inside a user name or password as %40"))
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url(text)
    except ArgumentError as exc:
        raise _bad_url(text, mask(exc)) from None
    except ValueError:  # SQLAlchemy's int() of the port, or a broken [IPv6] host
        port = re.search(r"@(?:\[[^\]]*\]|[^/:@?\[]*):([^/?]*)", text)
        if port and not port.group(1).isdigit():
            raise _bad_url(text, tr("the port must be a number from 1 to 65535")) from None
        raise _bad_url(text, tr("its host and port cannot be read")) from None
    if u.port is not None and not 0 < u.port < 65536:
        raise _bad_url(text, tr("the port must be a number from 1 to 65535"))
    if u.get_backend_name() == "sqlite":
        _check_sqlite_url(text, u)
    return text


def _check_sqlite_url(text: str, u) -> None:
    if not u.database or u.database == ":memory:" or u.database.startswith("file::memory:"):
        raise DatabaseError(tr(
            "{url} is an in-memory database, which vanishes when EcoTracker ends: give a file "
            "path or a server URL", url=repr(text)))
    unknown = sorted(set(u.query) - {"mode"})
    if unknown:
        raise _bad_url(text, tr("SQLite takes only ?mode=ro or ?mode=rw, not {keys}",
                                keys=", ".join(unknown)))
    if u.query.get("mode", "rw") not in ("ro", "rw", "rwc"):
        raise _bad_url(text, tr("SQLite takes only ?mode=ro or ?mode=rw, not {keys}",
                                keys="mode=" + str(u.query["mode"])))


def describe_url(url: str) -> str:
    """A short, password-free name of the database for status bars and messages."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return u.database or ":memory:"
    return mask(u.render_as_string(hide_password=True))


@dataclass(frozen=True)
class SqliteAccess:
    """How a SQLite file can be opened.

    ``read_only`` with ``reason`` saying why (asked for with ``?mode=ro``, or a file or folder
    that cannot be written). ``immutable``: the folder cannot hold the ``-shm`` file a WAL
    database needs even to be read, so the file is read as unchanging (a read-only disk).
    """

    path: Path
    read_only: bool = False
    reason: Text | None = None
    immutable: bool = False

    def uri(self) -> str:
        mode = "ro" if self.read_only else "rwc"
        return (f"file:{quote(str(self.path))}?mode={mode}"
                + ("&immutable=1" if self.immutable else ""))


def sqlite_access(url: str) -> SqliteAccess:
    """Whether the SQLite file of ``url`` is to be opened read-only, and why."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    path = Path(u.database)
    folder = path.parent
    try:
        path.exists()
    except OSError as exc:  # a name too long for the file system, say
        raise DatabaseError(tr("cannot open database {name}: {reason}", name=path,
                               reason=exc.strerror or str(exc))) from None
    if u.query.get("mode") == "ro":
        reason = tr("opened read-only as its URL asks (?mode=ro)")
    elif path.exists() and not os.access(path, os.W_OK):
        reason = tr("the file {path} cannot be written", path=path)
    elif path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        reason = tr("its folder {folder} cannot be written (a read-only disk?)", folder=folder)
    else:
        return SqliteAccess(path)
    immutable = (not os.access(folder, os.W_OK)
                 and not Path(str(path) + "-shm").exists())
    return SqliteAccess(path, True, reason, immutable)


def make_engine(url: str, *, access: SqliteAccess | None = None,
                program: str | None = None, password: str | None = None) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and ``BEGIN IMMEDIATE`` for writers,
    PostgreSQL short lock and idle-in-transaction timeouts.

    ``program`` names the connections on a PostgreSQL server (``application_name``), so
    another desk kept waiting can be told who holds the database.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    u = make_url(url)
    program = program or f"{APP_NAME} {socket.gethostname()}"
    if u.get_backend_name() == "sqlite":
        access = access or sqlite_access(url)
        if not access.read_only and not access.path.parent.exists():
            try:
                access.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(tr("cannot create folder {folder}: {reason}",
                                       folder=access.path.parent, reason=exc)) from None
        import sqlite3

        uri = access.uri()
        engine = create_engine(u.set(query={}), creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=LOCK_WAIT_S, check_same_thread=False))
        _sqlite_setup(engine, access.read_only)
        return engine
    try:
        args = _pg_args(u, program)
        if password is not None and u.get_backend_name() == "postgresql":
            args["password"] = password  # in memory only, never in the URL or a message
        engine = create_engine(url, connect_args=args)
    except Exception as exc:  # unknown dialect, missing driver
        raise DatabaseError(tr("cannot open database {name}: {reason}", name=describe_url(url),
                               reason=mask(exc))) from None
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


def _libpq_options(u) -> str:
    """The ``options`` libpq would take from the environment or the service file (ours,
    given explicitly, replace them): ``PGOPTIONS``, else the named service's ``options``."""
    service = u.query.get("service") or os.environ.get("PGSERVICE")
    if service:
        import configparser

        files = [os.environ.get("PGSERVICEFILE") or Path.home() / ".pg_service.conf",
                 Path(os.environ.get("PGSYSCONFDIR", "/etc/postgresql-common"))
                 / "pg_service.conf"]
        for path in files:
            conf = configparser.ConfigParser(interpolation=None)
            try:
                conf.read(path, encoding="utf-8")
            except (OSError, configparser.Error):
                continue
            if conf.has_section(str(service)):  # the first file naming it is libpq's
                said = conf.get(str(service), "options", fallback=None)
                if said is not None:
                    return said
                break
    return os.environ.get("PGOPTIONS", "")


def _pg_args(u, program: str) -> dict:
    if u.get_backend_name() == "postgresql":
        # The timeouts go with the connection's startup message, as the server's ``-c``
        # options: no statement (and no round trip) after connecting. Options the URL
        # itself gives (a search_path) are kept.
        given = u.query.get("options") or _libpq_options(u)
        given = " ".join(given) if isinstance(given, tuple) else given
        timeouts = (f"-c lock_timeout={LOCK_WAIT_S}s "
                    f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_S}s")
        return {"connect_timeout": 10, "application_name": program[:63],
                "options": f"{given} {timeouts}".strip()}
    return {}


@contextmanager
def reading(engine: Engine):
    """A connection for reads only: on PostgreSQL in autocommit, so that no BEGIN and
    ROLLBACK go to the server around them (each statement still sees what was committed
    when it began, as inside a READ COMMITTED transaction)."""
    with engine.connect() as conn:
        if engine.url.get_backend_name() == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT")
        yield conn


def _sqlite_setup(engine: Engine, read_only: bool) -> None:
    from sqlalchemy import event

    # pysqlite's own transaction handling defers BEGIN and cannot take the write lock up front;
    # two desks upgrading a read lock at once would deadlock. We issue BEGIN ourselves, and
    # writers (execution option ``ecotracker_write``) take the lock at once with IMMEDIATE.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # First, so that the pragmas below wait for a desk that is creating the file too.
        cur.execute(f"PRAGMA busy_timeout={LOCK_WAIT_S * 1000}")
        cur.execute("PRAGMA foreign_keys=ON")
        if read_only:
            cur.execute("PRAGMA query_only=ON")
        else:
            try:
                cur.execute("PRAGMA journal_mode=WAL")
            except UnicodeDecodeError:  # a damaged header makes the answer garbage
                import sqlite3

                raise sqlite3.DatabaseError("file is not a database") from None
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get("ecotracker_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


#: The PostgreSQL advisory lock (with the schema's hash) under which a database is created,
#: migrated and seeded; on SQLite ``BEGIN IMMEDIATE`` serves.
SETUP_LOCK = 0x6563_6F74  # "ecot"


@contextmanager
def setup_transaction(engine: Engine) -> Iterator:
    """A write transaction that holds the database's setup lock, waiting up to
    :data:`SETUP_WAIT_S` for a desk that holds it: four desks opening a new database at once
    create and seed it one after another, and each finds what the one before did."""
    from sqlalchemy import text

    with engine.connect() as conn:
        if engine.url.get_backend_name() == "sqlite":
            raw = conn.connection.driver_connection  # a pragma here must not begin a transaction
            raw.execute(f"PRAGMA busy_timeout={SETUP_WAIT_S * 1000}")
            try:
                with conn.execution_options(ecotracker_write=True).begin():
                    yield conn
            finally:
                raw.execute(f"PRAGMA busy_timeout={LOCK_WAIT_S * 1000}")
            return
        with conn.begin():
            lock_setup(conn, wait=True)
            yield conn


def lock_setup(conn, *, wait: bool = True) -> None:
    """Inside a PostgreSQL transaction, take the setup lock (released at its end)."""
    from sqlalchemy import text

    if conn.engine.url.get_backend_name() != "postgresql":
        return
    if wait:
        conn.execute(text("SELECT set_config('lock_timeout', :t, true)"),
                     {"t": f"{SETUP_WAIT_S}s"})
    conn.execute(text("SELECT pg_advisory_xact_lock(:k, hashtext(current_schema()))"),
                 {"k": SETUP_LOCK})
