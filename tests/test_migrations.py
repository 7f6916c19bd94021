"""An existing schema-1 database is brought to the current schema with its data intact."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from core import queries, schema
from core.db import make_engine, resolve_url
from core.errors import DatabaseError
from core.store import Store


SCHEMA_7 = ("document", "document_date", "confidence", "qualitative", "relative")


def undo_schema_7(conn) -> None:
    """Make the tables look as schema 4 made them: no formula, measure or computed flag, and
    targets whose value is a number (the qualitative and relative ones are dropped)."""
    conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN formula"))
    conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN measure"))
    conn.execute(sa.text("ALTER TABLE figures DROP COLUMN computed"))
    old = sa.MetaData()
    keep = [c for c in schema.targets.columns if c.name not in SCHEMA_7]
    cols = [sa.Column(c.name, c.type, primary_key=c.primary_key,
                      nullable=c.nullable and c.name != "value", default=c.default)
            for c in keep]
    t = sa.Table("targets_old", old, *cols,
                 sa.UniqueConstraint("indicator", "area", "period", "kind"),
                 sqlite_autoincrement=True)
    old.create_all(conn)
    names = ", ".join(c.name for c in keep)
    conn.execute(sa.text(f"INSERT INTO targets_old ({names}) SELECT {names} FROM targets "
                         "WHERE value IS NOT NULL"))
    conn.execute(sa.text("DROP TABLE targets"))
    conn.execute(sa.text("ALTER TABLE targets_old RENAME TO targets"))
    assert t is not None


def undo_schema_5(conn) -> None:
    conn.execute(sa.text("DROP TABLE desk_areas"))


def undo_schema_6(conn) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("DROP TRIGGER figures_period_lock ON figures"))
    conn.execute(sa.text("DROP TABLE period_states"))
    conn.execute(sa.text("DROP TABLE comments"))
    conn.execute(sa.text("ALTER TABLE figures DROP COLUMN followup"))
    conn.execute(sa.text("ALTER TABLE changelog DROP COLUMN reason"))


def back_to_schema_4(conn) -> None:
    """Undo every step after 4 (each step's test then sees all of them run, in order)."""
    conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN wordings"))  # schema 9
    _drop_schema_8(conn)
    undo_schema_7(conn)
    undo_schema_6(conn)
    undo_schema_5(conn)
    conn.execute(schema.meta.update().where(schema.meta.c.key == "schema_version")
                 .values(value="4"))


def _downgrade_to_v1(url: str) -> None:
    """Make the database look like one written by schema 1 (no change-log origin, no index,
    no Chinese units)."""
    engine = make_engine(resolve_url(url))
    with engine.begin() as conn:
        back_to_schema_4(conn)
        conn.execute(sa.text("DROP INDEX ix_changelog_entity"))
        conn.execute(sa.text("ALTER TABLE changelog DROP COLUMN origin"))
        conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN unit_zh"))
        conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN period_types"))
        conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN day_count"))
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
        back_to_schema_4(conn)
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


def test_schema_4_database_gets_the_targets_of_schema_7(db_url):
    """Step 7 on a database of schema 4: targets keep their rows and ids, take a NULL value
    only with words or a relative change (the database itself refuses a bare NULL), and
    indicators learn what their figures are."""
    s = Store.open(db_url)
    with s.read() as conn:
        before = queries.targets(conn)
    s.close()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        back_to_schema_4(conn)
    engine.dispose()
    s = Store.open(db_url)
    with s.read() as conn:
        after = queries.targets(conn)
        ind = queries.indicators(conn).set_index("code")
    numeric = before[before["value"].notna()]
    cols = ["id", "value", "version"]
    assert after[cols].sort_values("id").reset_index(drop=True).equals(
        numeric[cols].sort_values("id").reset_index(drop=True))
    assert (after["document"] == "").all() and after["relative"].isna().all()
    assert ind.at["WASTE.ZERO_WASTE_CELLS", "measure"] == "stock"  # it was cumulative
    assert ind.at["WATER.STATE_SECTIONS_EXCELLENT", "measure"] == "ratio"
    row = after.iloc[0]
    with pytest.raises(sa.exc.IntegrityError):
        with s.engine.begin() as conn:
            conn.execute(schema.targets.update().where(schema.targets.c.id == int(row["id"]))
                         .values(value=None))
    with s.engine.begin() as conn:  # words are a target without a number
        conn.execute(schema.targets.update().where(schema.targets.c.id == int(row["id"]))
                     .values(value=None, qualitative="达到国家考核要求"))
    s.close()


def test_schema_4_gets_the_desks_areas_table(db_url):
    """Schema 5: ``desk_areas`` (a district desk's areas) is added to a schema-4 database."""
    Store.open(db_url).close()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        back_to_schema_4(conn)
    engine.dispose()
    s = Store.open(db_url)
    with s.read() as conn:
        assert sa.inspect(conn).has_table("desk_areas")
        cols = {c["name"] for c in sa.inspect(conn).get_columns("desk_areas")}
    assert cols == {"desk", "area"}


def test_schema_4_database_gets_period_states_comments_and_the_lock(db_url):
    """Step 6 on an older database: its tables and columns, and on PostgreSQL the
    trigger, so an approved half-year is locked there too."""
    s = Store.open(db_url)
    s.close()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        back_to_schema_4(conn)
    engine.dispose()
    s = Store.open(db_url, user="tester")
    with s.read() as conn:
        assert {"period_states", "comments"} <= set(sa.inspect(conn).get_table_names())
        assert not queries.figures(conn)["followup"].any()
        if conn.dialect.name == "postgresql":
            assert conn.execute(sa.text("SELECT count(*) FROM pg_trigger WHERE tgname = "
                                        "'figures_period_lock' AND tgrelid = "
                                        "'figures'::regclass")).scalar() == 1
    s.close()


def test_schema_4_database_gets_the_wordings_of_schema_9(db_url):
    """Step 9: each indicator's report wordings, filled from the seed data set."""
    Store.open(db_url).close()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        back_to_schema_4(conn)
    engine.dispose()
    s = Store.open(db_url)
    with s.read() as conn:
        ind = queries.indicators(conn).set_index("code")
    s.close()
    assert "wordings" in ind.columns
    assert (ind["wordings"] != "").sum() >= 10
