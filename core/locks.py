"""Who holds the database, for the message a desk gets when its write had to give up.

A write that waits longer than :data:`core.db.LOCK_WAIT_S` is refused; the person is told what
is in the way ("an import is being written at another desk") instead of being left frozen.
On PostgreSQL every write names itself in its session's ``application_name``, and the server's
``pg_stat_activity`` and ``pg_locks`` say which session holds a lock. SQLite keeps no such
record, so a long write (import, seed, schema upgrade, restore) leaves a small note beside the
file, ``<file>-writer``, for as long as it holds the lock.
"""
from __future__ import annotations

import getpass
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, text

from .i18n import N_, Text, tr

#: The writes that can hold the lock for longer than an edit, and how another desk hears of
#: them. An edit is not noted: it is over long before anyone gives up waiting.
LONG_WRITES = {
    "import": N_("an import is being written at another desk ({who}, since {since})"),
    "seed": N_("another desk is creating and seeding the database ({who}, since {since})"),
    "schema": N_("another desk is upgrading the database ({who}, since {since})"),
    "restore": N_("a backup is being restored at another desk ({who}, since {since})"),
    "settings": N_("another desk is changing the database's settings ({who}, since {since})"),
}
PREFIX = "EcoTracker "


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def who(user: str | None = None) -> str:
    """``user@host``: the desk, as another desk is told of it."""
    return f"{user or _login()}@{socket.gethostname()}"


def application_name(what: str, user: str | None = None) -> str:
    """The PostgreSQL ``application_name`` of a session doing ``what``."""
    return f"{PREFIX}{what}: {who(user)}"[:63]


# The name a pooled connection's session holds, as this process last set it.
_SESSION_NAME = "ecotracker_application_name"


def name_session(conn, what: str, user: str | None = None) -> None:
    """Name ``conn``'s session for the write it begins (``application_name``), so that
    another desk kept waiting is told who holds the lock and what for.

    Set for the session, not for the transaction, and only when the name differs from the
    one this connection already holds: a desk's edits one after the other cost no round
    trip for it (50 ms each with the server a district office away). Between writes the
    session keeps the last write's name; it holds no lock then, so no one is told it.
    """
    name = application_name(what, user)
    if conn.info.get(_SESSION_NAME) != name:
        conn.exec_driver_sql("SELECT set_config('application_name', %(n)s, false)", {"n": name})
        conn.info[_SESSION_NAME] = name


def session_name_reverts(info: dict) -> None:
    """The write's transaction was rolled back, and the name set in it with it (``info``:
    the connection's ``info``, taken while it was open)."""
    info.pop(_SESSION_NAME, None)


def note_path(db: Path) -> Path:
    return db.with_name(db.name + "-writer")


@contextmanager
def noted(db: Path | None, what: str, user: str | None) -> Iterator[None]:
    """Leave the ``-writer`` note beside a SQLite file while a long write holds its lock."""
    if db is None or what not in LONG_WRITES:
        yield
        return
    path = note_path(db)
    try:
        path.write_text(json.dumps({"what": what, "who": who(user), "pid": os.getpid(),
                                    "since": datetime.now().isoformat(timespec="seconds")}),
                        encoding="utf-8")
    except OSError:  # a note is a courtesy; the write goes on without it
        path = None
    try:
        yield
    finally:
        if path is not None:
            try:
                path.unlink()
            except OSError:
                pass


def _describe(what: str, who_: str, since: str) -> Text | None:
    template = LONG_WRITES.get(what)
    return tr(template, who=who_, since=since) if template else None


def sqlite_holder(db: Path) -> Text:
    """What holds a SQLite file's write lock, as far as anyone can tell."""
    try:
        note = json.loads(note_path(db).read_text(encoding="utf-8"))
        since = datetime.fromisoformat(note["since"]).strftime("%H:%M:%S")
        said = _describe(note["what"], note["who"], since)
        if said:
            return said
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return tr("another desk or program is writing to it")


_PG_HOLDERS = text("""
SELECT a.application_name, a.usename, a.state, a.xact_start
FROM pg_stat_activity a
WHERE a.pid <> pg_backend_pid() AND a.datname = current_database()
  AND a.xact_start IS NOT NULL
  AND EXISTS (SELECT 1 FROM pg_locks l
              WHERE l.pid = a.pid AND l.granted
                AND ((l.locktype = 'advisory' AND l.classid = :setup
                      AND l.objid::int = hashtext(current_schema()))
                     OR (l.locktype = 'relation' AND l.mode <> 'AccessShareLock'
                         AND l.relation IN (SELECT c.oid FROM pg_class c
                                            JOIN pg_namespace n ON n.oid = c.relnamespace
                                            WHERE n.nspname = current_schema()))))
ORDER BY a.xact_start
LIMIT 1
""")


def pg_holder(conn: Connection) -> Text:
    """Which other session holds a lock on this schema's tables (or its setup lock) that
    writers wait for, from the server's own view."""
    from .db import SETUP_LOCK

    row = conn.execute(_PG_HOLDERS, {"setup": SETUP_LOCK}).first()
    if row is None:
        return tr("another desk or program is writing to it")
    app, user, state, start = row
    since = start.astimezone().strftime("%H:%M:%S") if start else "?"
    app = app or ""
    if app.startswith(PREFIX) and ": " in app:
        what, desk = app[len(PREFIX):].split(": ", 1)
        said = _describe(what, desk, since)
        if said:
            return said
        return tr("another desk is writing to it ({who}, since {since})", who=desk,
                  since=since)
    if state == "idle in transaction":
        return tr("a session of {user} ({program}) has held it open in a transaction since "
                  "{since}", user=user or "?", program=app or "?", since=since)
    return tr("a session of {user} ({program}) is writing to it, since {since}",
              user=user or "?", program=app or "?", since=since)
