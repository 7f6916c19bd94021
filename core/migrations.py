"""Schema versions and the steps that bring an older database up to date.

A new database gets the current schema in one go. An existing one records its version in the
``meta`` table; each step below runs in order inside one transaction (both SQLite and
PostgreSQL have transactional DDL), and a SQLite file is copied aside before the first step.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, inspect, select, text

from . import schema
from .errors import DatabaseError
from .i18n import tr


def _step_2(conn: Connection) -> None:
    """Schema 2: the change log names the file an import came from, and is indexed by row."""
    conn.execute(text("ALTER TABLE changelog ADD COLUMN origin TEXT NOT NULL DEFAULT ''"))
    conn.execute(text("CREATE INDEX ix_changelog_entity ON changelog (entity, entity_id)"))


def _step_3(conn: Connection) -> None:
    """Schema 3: an indicator's unit in Chinese, shown when the program speaks Chinese."""
    conn.execute(text("ALTER TABLE indicators ADD COLUMN unit_zh VARCHAR(64) NOT NULL DEFAULT ''"))


def _step_4(conn: Connection) -> None:
    """Schema 4: the period types an indicator takes, and whether it counts days of the
    period (then a figure above the period's days is refused). An indicator in days is
    taken to count them."""
    conn.execute(text("ALTER TABLE indicators ADD COLUMN period_types VARCHAR(64) NOT NULL "
                      "DEFAULT ''"))
    conn.execute(text("ALTER TABLE indicators ADD COLUMN day_count BOOLEAN NOT NULL "
                      "DEFAULT FALSE"))
    conn.execute(text("UPDATE indicators SET period_types = period_type"))
    conn.execute(text("UPDATE indicators SET day_count = TRUE WHERE value_kind = 'count' "
                      "AND (unit = 'days' OR unit_zh = '天')"))


STEPS: dict[int, Callable[[Connection], None]] = {2: _step_2, 3: _step_3, 4: _step_4}


def meta_value(conn: Connection, key: str) -> str | None:
    row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).first()
    return row[0] if row else None


def stored_version(conn: Connection) -> int | None:
    """Schema version of the database, or None when it has no EcoTracker tables."""
    if not inspect(conn).has_table("meta"):
        return None
    row = conn.execute(select(schema.meta.c.value)
                       .where(schema.meta.c.key == "schema_version")).first()
    return int(row[0]) if row else None


def ensure_schema(engine, *, backup_dir: Path | None = None, seed_state: str = "none") -> str:
    """Create or migrate the schema. Returns ``"created"``, ``"migrated"`` or ``"current"``.

    A new database records ``seed_state`` in ``meta`` (``pending`` when the seed data set is
    to be loaded); the seed loader sets it to ``done`` in its own transaction, so a first
    start that dies half-way seeds again next time instead of leaving an empty database.
    """
    with engine.connect() as conn:
        version = stored_version(conn)
    if version is None:
        with engine.begin() as conn:
            if inspect(conn).get_table_names():
                names = ", ".join(sorted(inspect(conn).get_table_names())[:5])
                if not inspect(conn).has_table("figures"):
                    raise DatabaseError(tr(
                        "the database already holds other tables ({names}); EcoTracker needs "
                        "an empty database or one of its own", names=names))
            schema.metadata.create_all(conn)
            conn.execute(schema.meta.insert(), [
                {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
                {"key": "seed", "value": seed_state}])
        return "created"
    if version > schema.SCHEMA_VERSION:
        raise DatabaseError(tr(
            "the database has schema {version}, made by a newer EcoTracker; this one knows "
            "schema {known}: update EcoTracker", version=version, known=schema.SCHEMA_VERSION))
    if version == schema.SCHEMA_VERSION:
        return "current"
    if backup_dir is not None:
        _backup_sqlite(engine, backup_dir, version)
    with engine.begin() as conn:
        for step in range(version + 1, schema.SCHEMA_VERSION + 1):
            STEPS[step](conn)
        conn.execute(schema.meta.update().where(schema.meta.c.key == "schema_version")
                     .values(value=str(schema.SCHEMA_VERSION)))
    return "migrated"


def _backup_sqlite(engine, backup_dir: Path, version: int) -> Path | None:
    db = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not db or db == ":memory:":
        return None
    src = Path(db)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dst = backup_dir / f"{src.stem}.schema{version}.{stamp}{src.suffix}"
    dst.parent.mkdir(parents=True, exist_ok=True)
    with engine.connect() as conn:  # fold the WAL into the main file first
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy2(src, dst)
    return dst
