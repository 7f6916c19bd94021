"""The store: one open database, with one writer at a time and reads beside it."""
from __future__ import annotations

import getpass
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from .db import describe_url, make_engine, resolve_url
from .errors import ConflictError, DatabaseError
from .i18n import tr
from .migrations import ensure_schema


def _reason(exc: DBAPIError) -> str:
    text = str(exc.orig if exc.orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


class Store:
    """An open EcoTracker database.

    Use :meth:`open`. ``write()`` serialises writers inside this process (and, on SQLite, takes
    the file's write lock at ``BEGIN``); ``read()`` runs beside a writer.
    """

    def __init__(self, url: str, engine: Engine, *, user: str | None = None):
        self.url = url
        self.engine = engine
        self.user = user or current_user()
        self._write_lock = threading.RLock()
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
             user: str | None = None) -> Store:
        """Open (and if need be create, migrate and seed) a database.

        Parameters
        ----------
        db : str, optional
            File path or SQLAlchemy URL; default ``$ECOTRACKER_DB`` or the user's data folder.
        create : bool
            Create the schema in an empty database.
        seed : bool
            Load the seed data set into a database this call created.
        """
        url = resolve_url(db)
        from sqlalchemy.engine import make_url

        u = make_url(url)
        if (not create and u.get_backend_name() == "sqlite" and u.database
                and u.database != ":memory:" and not Path(u.database).exists()):
            raise DatabaseError(tr("{path} does not exist; run 'ecotracker init' first",
                                   path=u.database))
        engine = make_engine(url)
        store = cls(url, engine, user=user)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            if not create:
                from .migrations import stored_version

                with engine.connect() as conn:
                    if stored_version(conn) is None:
                        raise DatabaseError(tr(
                            "{name} is not an EcoTracker database; run 'ecotracker init' "
                            "first", name=describe_url(url)))
            backup_dir = store.sqlite_path.parent / "backups" if store.sqlite_path else None
            outcome = ensure_schema(engine, backup_dir=backup_dir,
                                    seed_state="pending" if seed else "none")
            from .migrations import meta_value

            with engine.connect() as conn:
                pending = meta_value(conn, "seed") == "pending"
        except DatabaseError:
            engine.dispose()
            raise
        except (OperationalError, DBAPIError) as exc:
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise DatabaseError(tr("cannot open database {name}: {reason}", name=describe_url(url),
                                   reason=reason)) from None
        store.created = outcome == "created"
        if pending and seed:
            from .seed import load_seeds

            load_seeds(store)
        return store

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: all of it commits, or none of it.

        What the database itself refuses comes out as an :class:`EcoError` with one clear
        line: a row that clashes with one another desk just wrote as :class:`ConflictError`,
        a database that is locked too long or gone as :class:`DatabaseError`.
        """
        try:
            with self._write_lock, self._write_engine.begin() as conn:
                yield conn
        except IntegrityError as exc:
            raise ConflictError(tr("{name} refused the change: {reason}", name=self.name,
                                   reason=_reason(exc))) from None
        except DBAPIError as exc:
            raise DatabaseError(tr("cannot write to {name}: {reason}", name=self.name,
                                   reason=_reason(exc))) from None

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
