"""The store: one open database, with one writer at a time and reads beside it.

Whatever the database refuses comes out as an :class:`~core.errors.EcoError` with one clear
line, for reads as for writes: a lock held too long names who holds it, a damaged SQLite file
says to restore a backup, a full disk says so (SQLite itself often only says "disk I/O error").
"""
from __future__ import annotations

import errno
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from . import db as _db, locks
from .db import (SqliteAccess, describe_url, make_engine, mask, resolve_url, setup_transaction,
                 sqlite_access)
from .errors import ConflictError, DatabaseError, PasswordNeeded
from .i18n import Text, tr
from .migrations import ensure_schema

# SQLite result codes (primary; Python 3.11 gives them as ``sqlite_errorcode``).
_BUSY, _LOCKED, _IOERR, _CORRUPT, _FULL, _NOTADB = 5, 6, 10, 11, 13, 26
#: Less free space than this beside a file whose write failed with an I/O error: the disk is
#: full (SQLite reports a full disk under a WAL file as "disk I/O error").
NEARLY_FULL = 1 << 20


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    text_ = str(orig if orig is not None else exc).strip()
    return mask(text_.splitlines()[0]) if text_ else type(exc).__name__


def current_user() -> str:
    return locks._login()


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def damaged(path: Path) -> DatabaseError:
    """The error for a SQLite file that is not a sound database."""
    return DatabaseError(tr(
        "the database file {path} is damaged: restore it from a backup "
        "(ecotracker backups --db {path})", path=path))


def disk_full(folder: Path) -> DatabaseError:
    return DatabaseError(tr("the disk holding {folder} is full: free some space; nothing was "
                            "written", folder=folder))


class Store:
    """An open EcoTracker database.

    Use :meth:`open`. ``write()`` serialises writers inside this process (and, on SQLite, takes
    the file's write lock at ``BEGIN``); ``read()`` runs beside a writer.

    Attributes
    ----------
    read_only : Text or None
        Why the database is open read-only (``?mode=ro``, a read-only disk), or None. Every
        write is then refused with this reason.
    """

    def __init__(self, url: str, engine: Engine, *, user: str | None = None,
                 read_only: Text | None = None):
        self.url = url
        self.engine = engine
        self.user = user or current_user()
        self.read_only = read_only
        self._write_lock = threading.RLock()
        self._writing: str | None = None  # what this desk's current write is
        self._write_engine = engine.execution_options(ecotracker_write=True)
        self.created = False

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.url.get_backend_name()

    @property
    def name(self) -> str:
        return describe_url(self.url)

    @property
    def sqlite_path(self) -> Path | None:
        if self.backend != "sqlite" or not self.engine.url.database:
            return None
        return Path(self.engine.url.database)

    @classmethod
    def open(cls, db: str | None = None, *, create: bool = True, seed: bool = True,
             user: str | None = None, password: str | None = None) -> Store:
        """Open (and if need be create, migrate and seed) a database.

        Four desks opening a new database at once all succeed: creation and seeding run under
        the database's setup lock, and a desk that finds it already seeded goes on.

        Parameters
        ----------
        db : str, optional
            File path or SQLAlchemy URL; default ``$ECOTRACKER_DB`` or the user's data folder.
        create : bool
            Create the schema in an empty database.
        seed : bool
            Load the seed data set into a database this call created.
        password : str, optional
            A PostgreSQL password asked for by the window (kept in memory only); else libpq
            finds one (``PGPASSWORD``, ``~/.pgpass``, a service file) or needs none.
        """
        url = resolve_url(db)
        from sqlalchemy.engine import make_url

        u = make_url(url)
        access: SqliteAccess | None = None
        if u.get_backend_name() == "sqlite":
            access = sqlite_access(url)
            exists = access.path.exists()
            if not exists and (not create or u.query.get("mode") == "rw"):
                raise DatabaseError(tr("{path} does not exist; run 'ecotracker init' first",
                                       path=u.database))
            if not exists and access.read_only:
                raise DatabaseError(tr("{path} does not exist, and a database opened "
                                       "read-only cannot be created", path=u.database))
            folder = access.path.parent
            if not exists and folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
                raise DatabaseError(tr("cannot create {path}: its folder cannot be written",
                                       path=u.database))
        engine = make_engine(url, access=access, program=locks.application_name("desk", user),
                             password=password)
        store = cls(url, engine, user=user, read_only=access.reason if access else None)
        try:
            with _db.reading(engine) as conn:
                if store.backend == "postgresql":  # the server names every change by this
                    store.user = user or conn.execute(text("SELECT current_user")).scalar()
                else:
                    conn.execute(text("SELECT 1"))
            if not create or store.read_only:
                from .migrations import stored_version

                with _db.reading(engine) as conn:
                    if stored_version(conn) is None:
                        raise DatabaseError(tr(
                            "{name} is not an EcoTracker database; run 'ecotracker init' "
                            "first", name=describe_url(url)))
            outcome = ensure_schema(engine, seed_state="pending" if seed else "none",
                                    read_only=store.read_only)
            from .migrations import meta_value

            with _db.reading(engine) as conn:
                pending = meta_value(conn, "seed") == "pending"
        except DatabaseError:
            engine.dispose()
            raise
        except DBAPIError as exc:
            err = store.explain(exc, tr("cannot open database {name}: {reason}",
                                        name=describe_url(url), reason=_reason(exc)))
            engine.dispose()
            raise err from None
        store.created = outcome == "created"
        if pending and seed and not store.read_only:
            from .seed import load_seeds

            load_seeds(store)
        return store

    def _driver_errors(self) -> tuple[type[BaseException], ...]:
        """SQLAlchemy's wrapped errors, and the driver's own (the fast readers of
        :mod:`core.queries` use the driver's cursor)."""
        dbapi = getattr(self.engine.dialect, "dbapi", None)
        own = getattr(dbapi, "Error", None)
        return (DBAPIError, own) if isinstance(own, type) else (DBAPIError,)

    def explain(self, exc: Exception, fallback: Text) -> DatabaseError:
        """One line for what the database refused: a lock someone holds, a damaged file, a
        full disk, else ``fallback``."""
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        code = _sqlite_code(orig)
        path = self.sqlite_path
        if code in (_BUSY, _LOCKED) and path is not None:
            return DatabaseError(tr("{name} is busy: {holder}. Nothing was written; try again "
                                    "when it is done", name=self.name,
                                    holder=locks.sqlite_holder(path)))
        sqlstate = getattr(orig, "sqlstate", None)
        if sqlstate == "55P03":  # lock_not_available: lock_timeout ran out
            return DatabaseError(tr("{name} is busy: {holder}. Nothing was written; try again "
                                    "when it is done", name=self.name,
                                    holder=self._pg_holder()))
        if sqlstate == "25P03":  # idle_in_transaction_session_timeout
            return DatabaseError(tr("the server ended this desk's connection, left inside a "
                                    "write for over {seconds} s; nothing was written: try again",
                                    seconds=_db.IDLE_IN_TRANSACTION_S))
        if sqlstate == "42501":  # insufficient_privilege: a grant, a row-level policy
            return self._refused(str(orig))
        from .period_lock import from_server

        refused = from_server(orig)  # the half-year lock's trigger: locked, or needs a reason
        if refused is not None:
            return refused
        if sqlstate == "53100":
            return DatabaseError(tr("the database server's disk is full: nothing was written; "
                                    "ask its administrator"))
        said = str(orig)
        if sqlstate == "28P01" or "no password supplied" in said \
                or "password authentication failed" in said:
            return PasswordNeeded(tr("{name} asks for a password: none was given, or it was "
                                     "not right", name=self.name))
        if path is not None and (code in (_CORRUPT, _NOTADB) or "Could not decode" in said
                                 or said == "file is not a database"):
            return damaged(path)
        if path is not None and (code == _FULL or (code == _IOERR and _nearly_full(path))):
            return disk_full(path.parent)
        return DatabaseError(fallback)

    def _refused(self, message: str):
        """A write the server refused to this desk, as not allowed, with the rule."""
        from . import access

        try:
            with self.engine.connect() as conn:
                acc = access.current(conn, fresh=True)
        except DBAPIError:
            acc = access.Access(self.user, "none")
        return access.server_refusal(acc, message)

    def _pg_holder(self) -> Text:
        try:
            with self.engine.connect() as conn:
                return locks.pg_holder(conn)
        except DBAPIError:
            return tr("another desk or program is writing to it")

    @contextmanager
    def write(self, what: str = "edit", *, backup: bool = False,
              setup: bool = False) -> Iterator[Connection]:
        """One write transaction: all of it commits, or none of it.

        Parameters
        ----------
        what : str
            What the write is (``edit``, ``import``, ``seed``, ...): another desk kept waiting
            is told (:mod:`core.locks`).
        backup : bool
            Check a SQLite file (``PRAGMA quick_check``) and copy it aside
            (:mod:`core.backups`) once the write lock is held, before anything is written; the
            copy is removed again if the write does not commit. Its path is
            ``core.backups.made_for(conn)``.
        setup : bool
            Hold the database's setup lock, waiting longer for it (creating, seeding).

        Raises
        ------
        DatabaseError
            The database is read-only, locked too long (naming who holds it), damaged, on a
            full disk, or gone.
        ConflictError
            A row clashes with one another desk just wrote.
        """
        if self.read_only:
            raise DatabaseError(tr("{name} is open read-only ({why}): changes cannot be saved",
                                   name=self.name, why=self.read_only))
        from . import backups

        made: Path | None = None
        held: dict | None = None
        try:
            with self._turn(what, setup), self._begin(setup) as conn, \
                    locks.noted(self.sqlite_path, what, self.user):
                conn.info.pop(backups.INFO_KEY, None)  # the pooled connection's last write
                held = conn.info  # the pooled connection's own (outlives this checkout)
                if self.backend == "postgresql":
                    locks.name_session(conn, what, self.user)
                if backup and self.sqlite_path is not None:
                    made = backups.make(conn, self.sqlite_path, what)
                yield conn
            made = held = None  # committed: the backup stays, and the session's name
        except IntegrityError as exc:
            raise ConflictError(tr("{name} refused the change: {reason}", name=self.name,
                                   reason=_reason(exc))) from None
        except self._driver_errors() as exc:
            raise self.explain(exc, tr("cannot write to {name}: {reason}", name=self.name,
                                       reason=_reason(exc))) from None
        except OSError as exc:  # the -writer note or the backup's folder
            if exc.errno == errno.ENOSPC and self.sqlite_path is not None:
                raise disk_full(self.sqlite_path.parent) from None
            raise DatabaseError(tr("cannot write to {name}: {reason}", name=self.name,
                                   reason=exc)) from None
        finally:
            if made is not None:
                backups.discard(made)
            if held is not None:  # rolled back: so is the name set in it
                locks.session_name_reverts(held)

    @contextmanager
    def _turn(self, what: str, setup: bool) -> Iterator[None]:
        """This desk's own writers one at a time, waiting no longer than for another desk."""
        wait = _db.SETUP_WAIT_S if setup else _db.LOCK_WAIT_S
        if not self._write_lock.acquire(timeout=wait):
            holder = (tr("an import is still being written at this desk")
                      if self._writing == "import" else tr("this desk is still writing to it"))
            raise DatabaseError(tr("{name} is busy: {holder}. Nothing was written; try again "
                                   "when it is done", name=self.name, holder=holder))
        outer, self._writing = self._writing, what
        try:
            yield
        finally:
            self._writing = outer
            self._write_lock.release()

    def _begin(self, setup: bool):
        if setup:
            return setup_transaction(self.engine)
        return self._write_engine.begin()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading; what the database refuses is a :class:`DatabaseError`.

        On PostgreSQL it reads in autocommit (:func:`core.db.reading`): without the BEGIN and
        ROLLBACK around it, two round trips of every read (100 ms with the server a district
        office away)."""
        try:
            with _db.reading(self.engine) as conn:
                yield conn
        except self._driver_errors() as exc:
            raise self.explain(exc, tr("cannot read {name}: {reason}", name=self.name,
                                       reason=_reason(exc))) from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL
    except OSError:
        return False
