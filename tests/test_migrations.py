"""An existing schema-1 database is brought to the current schema with its data intact."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from core import queries, schema
from core.db import make_engine, resolve_url
from core.errors import DatabaseError
from core.store import Store


def _downgrade_to_v1(url: str) -> None:
    """Make the database look like one written by schema 1 (no change-log origin, no index,
    no Chinese units)."""
    engine = make_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.execute(sa.text("DROP INDEX ix_changelog_entity"))
        conn.execute(sa.text("ALTER TABLE changelog DROP COLUMN origin"))
        conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN unit_zh"))
        conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN period_types"))
        conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN day_count"))
        _drop_schema_8(conn)
        conn.execute(schema.meta.update().where(schema.meta.c.key == "schema_version")
                     .values(value="1"))
    engine.dispose()


def _drop_schema_8(conn) -> None:
    for col in ("doc_number", "link", "version"):
        conn.execute(sa.text(f"ALTER TABLE sources DROP COLUMN {col}"))


def test_schema_4_sources_get_a_document_number_link_and_version(db_url):
    s = Store.open(db_url)
    with s.read() as conn:
        before = queries.sources(conn)
    s.close()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        _drop_schema_8(conn)
        conn.execute(schema.meta.update().where(schema.meta.c.key == "schema_version")
                     .values(value="4"))
    engine.dispose()
    s = Store.open(db_url)
    with s.read() as conn:
        after = queries.sources(conn)
        version = conn.execute(sa.select(schema.meta.c.value)
                               .where(schema.meta.c.key == "schema_version")).scalar()
    s.close()
    assert int(version) == schema.SCHEMA_VERSION >= 8
    assert after["id"].tolist() == before["id"].tolist()
    assert after["title"].tolist() == before["title"].tolist()
    assert (after["doc_number"] == "").all() and (after["link"] == "").all()
    assert (after["version"] == 1).all()


def test_schema_1_database_is_migrated_in_place(db_url, tmp_path):
    s = Store.open(db_url)
    with s.read() as conn:
        before = queries.figures(conn)
    s.close()
    _downgrade_to_v1(db_url)
    engine = make_engine(resolve_url(db_url))
    with engine.connect() as conn:
        cols = {c["name"] for c in sa.inspect(conn).get_columns("changelog")}
    engine.dispose()
    assert "origin" not in cols

    s = Store.open(db_url)
    with s.read() as conn:
        after = queries.figures(conn)
        version = conn.execute(sa.select(schema.meta.c.value)
                               .where(schema.meta.c.key == "schema_version")).scalar()
        cols = {c["name"] for c in sa.inspect(conn).get_columns("changelog")}
        idx = {i["name"] for i in sa.inspect(conn).get_indexes("changelog")}
    assert int(version) == schema.SCHEMA_VERSION
    assert "origin" in cols and "ix_changelog_entity" in idx
    with s.read() as conn:
        assert (queries.indicators(conn)["unit_zh"] == "").all()  # added, empty until edited
    assert after[["id", "value", "version"]].equals(before[["id", "value", "version"]])
    assert not s.created
    if s.sqlite_path:  # the file was copied aside before migrating
        backups = list((s.sqlite_path.parent / "backups").glob("*.schema1.*"))
        assert len(backups) == 1
    s.close()


def test_a_newer_schema_is_refused_clearly(db_url):
    Store.open(db_url).close()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        conn.execute(schema.meta.update().values(value=str(schema.SCHEMA_VERSION + 1)))
    engine.dispose()
    with pytest.raises(DatabaseError, match="newer EcoTracker"):
        Store.open(db_url)


def test_a_foreign_database_is_not_touched(tmp_path):
    path = tmp_path / "other.sqlite"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE payroll (id INTEGER)"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="other tables"):
        Store.open(str(path))
