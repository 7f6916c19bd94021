"""Schema versions and the steps that bring an older database up to date.

A new database gets the current schema in one go. An existing one records its version in the
``meta`` table; each step below runs in order inside one transaction (both SQLite and
PostgreSQL have transactional DDL), and a SQLite file is copied aside first. Creating and
migrating hold the database's setup lock (:func:`core.db.setup_transaction`), and what was
found before it is looked at again under it: desks starting at once do the work once.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, inspect, select, text

from . import schema
from .db import describe_url, reading, setup_transaction
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


def _step_5(conn: Connection) -> None:
    """Schema 5: the areas of each district desk (read by the figures' row-level security
    that ``ecotracker init`` installs on PostgreSQL)."""
    schema.desk_areas.create(conn)


def _step_6(conn: Connection) -> None:
    """Schema 6: a half-year's life per area (open, submitted, approved), comments and a
    follow-up mark on figures, the reason a reported figure was corrected; on PostgreSQL
    the trigger that refuses writes to an approved area x period."""
    from .period_lock import install_trigger

    schema.period_states.create(conn)
    schema.comments.create(conn)  # (with its index)
    conn.execute(text("ALTER TABLE figures ADD COLUMN followup BOOLEAN NOT NULL "
                      "DEFAULT FALSE"))
    conn.execute(text("ALTER TABLE changelog ADD COLUMN reason TEXT NOT NULL DEFAULT ''"))
    install_trigger(conn)


def _step_7(conn: Connection) -> None:
    """Schema 7: targets a review can stand on, computed indicators, what a figure is.

    A target may have no number (a qualitative one) or one made from a baseline figure (a
    relative one), so its ``value`` may be NULL, and a check says it is one of the three; it
    carries its document, date and confidence. An indicator may be computed by a formula and
    says what its figures are (flow, stock, average, ratio); a figure says it was computed.
    """
    for sql in (
            "ALTER TABLE indicators ADD COLUMN formula TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE indicators ADD COLUMN measure VARCHAR(16) NOT NULL DEFAULT 'flow'",
            "ALTER TABLE figures ADD COLUMN computed BOOLEAN NOT NULL DEFAULT FALSE",
            "ALTER TABLE targets ADD COLUMN document TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE targets ADD COLUMN document_date VARCHAR(32) NOT NULL DEFAULT ''",
            "ALTER TABLE targets ADD COLUMN confidence VARCHAR(8) NOT NULL DEFAULT ''",
            "ALTER TABLE targets ADD COLUMN qualitative TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE targets ADD COLUMN relative FLOAT"):
        conn.execute(text(sql))
    conn.execute(text("UPDATE indicators SET measure = 'stock' WHERE cumulative = TRUE"))
    conn.execute(text("UPDATE indicators SET measure = 'ratio' WHERE value_kind = 'percent'"))
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE targets ALTER COLUMN value DROP NOT NULL"))
        conn.execute(text(f"ALTER TABLE targets ADD CONSTRAINT ck_tgt_value CHECK "
                          f"({schema.TARGET_HAS_VALUE})"))
    else:
        _sqlite_targets_value_nullable(conn)


def _sqlite_targets_value_nullable(conn: Connection) -> None:
    """SQLite cannot drop a NOT NULL: the targets table is made again from its own stored
    definition (whatever columns other steps gave it) with ``value`` nullable and the new
    check, its rows, autoincrement counter, indexes and triggers kept."""
    import re

    sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'table' "
                            "AND name = 'targets'")).scalar()
    made = re.sub(r"(\bvalue\s+FLOAT)\s+NOT NULL", r"\1", sql, count=1, flags=re.I)
    made = made.rstrip().rstrip(")").rstrip() + (
        f", CONSTRAINT ck_tgt_value CHECK ({schema.TARGET_HAS_VALUE}))")
    made = re.sub(r"^CREATE TABLE\s+\"?targets\"?", "CREATE TABLE targets_7", made, flags=re.I)
    extras = [r[0] for r in conn.execute(text(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'targets' AND type IN "
        "('index', 'trigger') AND sql IS NOT NULL"))]
    seq = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'targets'")).scalar()
    conn.execute(text(made))
    conn.execute(text("INSERT INTO targets_7 SELECT * FROM targets"))
    conn.execute(text("DROP TABLE targets"))
    conn.execute(text("ALTER TABLE targets_7 RENAME TO targets"))
    if seq is not None:
        conn.execute(text("UPDATE sqlite_sequence SET seq = :s WHERE name = 'targets'"),
                     {"s": seq})
    for extra in extras:
        conn.execute(text(extra))


def _step_9(conn: Connection) -> None:
    """Schema 9: the wordings reports use for each indicator (one a line), so a press
    release can be read into figures. The seed data set's wordings are filled in for the
    indicators the database has, where it has none yet."""
    conn.execute(text("ALTER TABLE indicators ADD COLUMN wordings TEXT NOT NULL DEFAULT ''"))
    from .reports.wordings import seed_wordings
    from .seed import seed_dir

    rows = [{"c": code, "w": w} for code, w in seed_wordings(seed_dir() / "wordings.csv").items()]
    if rows:
        conn.execute(text("UPDATE indicators SET wordings = :w WHERE code = :c "
                          "AND wordings = ''"), rows)


def _step_8(conn: Connection) -> None:
    """Schema 8: a source's document number and link, and a version for safe edits of it."""
    conn.execute(text("ALTER TABLE sources ADD COLUMN doc_number TEXT NOT NULL DEFAULT ''"))
    conn.execute(text("ALTER TABLE sources ADD COLUMN link TEXT NOT NULL DEFAULT ''"))
    conn.execute(text("ALTER TABLE sources ADD COLUMN version INTEGER NOT NULL DEFAULT 1"))


# Step numbers are given out ahead to work done side by side, so a number may be unused for a
# while: the steps that exist run in order, and schema.SCHEMA_VERSION is the highest of them.
STEPS: dict[int, Callable[[Connection], None]] = {2: _step_2, 3: _step_3, 4: _step_4,
                                                  5: _step_5, 6: _step_6, 7: _step_7,
                                                  8: _step_8, 9: _step_9}


def meta_value(conn: Connection, key: str) -> str | None:
    row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).first()
    return row[0] if row else None


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Set one ``meta`` row (in the caller's transaction)."""
    done = schema.meta.update().where(schema.meta.c.key == key).values(value=value)
    if conn.execute(done).rowcount == 0:
        conn.execute(schema.meta.insert().values(key=key, value=value))


def stored_version(conn: Connection) -> int | None:
    """Schema version of the database, or None when it has no EcoTracker tables.

    Raises
    ------
    DatabaseError
        If the ``meta`` table records a version that is not a number: not EcoTracker's.
    """
    if not inspect(conn).has_table("meta"):
        return None
    row = conn.execute(select(schema.meta.c.value)
                       .where(schema.meta.c.key == "schema_version")).first()
    if row is None:
        return None
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise DatabaseError(tr(
            "{name} is not an EcoTracker database: its schema version is {version}",
            name=describe_url(conn.engine.url.render_as_string(hide_password=True)),
            version=repr(row[0]))) from None


def ensure_schema(engine, *, seed_state: str = "none", read_only: str | None = None,
                  backup: bool = True) -> str:
    """Create or migrate the schema. Returns ``"created"``, ``"migrated"`` or ``"current"``.

    A new database records ``seed_state`` in ``meta`` (``pending`` when the seed data set is
    to be loaded); the seed loader sets it to ``done`` in its own transaction, so a first
    start that dies half-way seeds again next time instead of leaving an empty database.
    A SQLite file is copied to its ``backups`` folder (:mod:`core.backups`) before it is
    migrated, unless ``backup`` is False (a scratch copy being brought up to date).
    """
    with reading(engine) as conn:
        version = stored_version(conn)
    if version is not None and version > schema.SCHEMA_VERSION:
        raise _newer(version)
    if version == schema.SCHEMA_VERSION:
        return "current"
    if read_only:
        raise DatabaseError(tr(
            "the database has schema {version} and needs upgrading to schema {known}, but it "
            "is open read-only ({why})", version=version,
            known=schema.SCHEMA_VERSION, why=read_only))
    with setup_transaction(engine) as conn:
        version = stored_version(conn)  # again, under the lock: another desk may have done it
        if version is None:
            _create(conn, seed_state)
            return "created"
        if version > schema.SCHEMA_VERSION:
            raise _newer(version)
        if version == schema.SCHEMA_VERSION:
            return "current"
        db = engine.url.database
        if backup and engine.url.get_backend_name() == "sqlite" and db:
            from .backups import make

            make(conn, Path(db), f"schema{version}")
        for step in sorted(s for s in STEPS if version < s <= schema.SCHEMA_VERSION):
            STEPS[step](conn)
        set_meta(conn, "schema_version", str(schema.SCHEMA_VERSION))
    return "migrated"


def _newer(version: int) -> DatabaseError:
    return DatabaseError(tr(
        "the database has schema {version}, made by a newer EcoTracker; this one knows "
        "schema {known}: update EcoTracker", version=version, known=schema.SCHEMA_VERSION))


def _create(conn: Connection, seed_state: str) -> None:
    names = inspect(conn).get_table_names()
    if names and not inspect(conn).has_table("figures"):
        raise DatabaseError(tr(
            "the database already holds other tables ({names}); EcoTracker needs "
            "an empty database or one of its own", names=", ".join(sorted(names)[:5])))
    schema.metadata.create_all(conn)
    from .period_lock import install_trigger

    install_trigger(conn)
    conn.execute(schema.meta.insert(), [
        {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
        {"key": "seed", "value": seed_state}])
