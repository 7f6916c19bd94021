"""Each role against the real server, trying to get round EcoTracker with plain SQL: what a
role may not change stays as it was, whatever it sends."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from .desks import DISTRICT_AREA, OTHER_AREA, make_desks


@pytest.fixture
def desks(pg_url):
    return make_desks(pg_url)


def _one(url, sql, **params):
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            return c.execute(sa.text(sql), params).all()
    finally:
        engine.dispose()


def _try(desks, role, sql, **params):
    """Run ``sql`` as ``role`` and commit; returns (rows changed, SQLSTATE or None)."""
    engine = desks.engine(role)
    try:
        with engine.begin() as c:
            return c.execute(sa.text(sql), params).rowcount, None
    except DBAPIError as exc:
        return 0, exc.orig.sqlstate
    finally:
        engine.dispose()


def _figure(desks, area):
    return _one(desks.owner_url, "SELECT id, value, version FROM figures WHERE area = :a "
                "ORDER BY id LIMIT 1", a=area)[0]


def _snapshot(desks):
    return {t: _one(desks.owner_url, f"SELECT * FROM {t} ORDER BY 1")
            for t in ("figures", "targets", "indicators", "changelog", "areas", "sources")}


NEW_FIGURE = ("INSERT INTO figures (indicator, area, period, period_ord, value, qualifier, "
              "status, derived, derivation, note, source_ref, entered_by, entered_at, version) "
              "SELECT indicator, :area, '2030H1', 20301, 1, '', 'final', false, '', '', '', "
              "'x', '', 1 FROM figures WHERE area = :src LIMIT 1")


@pytest.mark.parametrize("role", ["district", "viewer"])
def test_another_districts_figures_cannot_be_touched(desks, role):
    before = _snapshot(desks)
    fid, value, _ = _figure(desks, OTHER_AREA)
    attempts = [
        ("UPDATE figures SET value = value + 1 WHERE id = :i", {"i": fid}),
        ("UPDATE figures SET value = value + 1 WHERE area = :a", {"a": OTHER_AREA}),
        ("DELETE FROM figures WHERE id = :i", {"i": fid}),
        ("DELETE FROM figures WHERE area <> :own", {"own": DISTRICT_AREA}),
        (NEW_FIGURE, {"area": OTHER_AREA, "src": OTHER_AREA}),
        # moving one of its own figures into another district
        ("UPDATE figures SET area = :a WHERE area = :own", {"a": OTHER_AREA,
                                                            "own": DISTRICT_AREA}),
    ]
    for sql, params in attempts:
        changed, state = _try(desks, role, sql, **params)
        assert changed == 0, sql
        if role == "viewer":
            assert state == "42501", sql
    assert _snapshot(desks) == before


def test_an_rls_insert_is_refused_with_42501(desks):
    assert _try(desks, "district", NEW_FIGURE, area=OTHER_AREA, src=OTHER_AREA) == (0, "42501")


def test_the_district_writes_its_own_figures(desks):
    fid, value, _ = _figure(desks, DISTRICT_AREA)
    assert _try(desks, "district", "UPDATE figures SET value = value + 1 WHERE id = :i",
                i=fid) == (1, None)
    assert _one(desks.owner_url, "SELECT value FROM figures WHERE id = :i", i=fid)[0][0] \
        == value + 1
    assert _try(desks, "district", NEW_FIGURE, area=DISTRICT_AREA, src=DISTRICT_AREA)[1] is None


@pytest.mark.parametrize("role", ["city", "admin"])
def test_city_and_admin_write_every_areas_figures(desks, role):
    fid, value, _ = _figure(desks, OTHER_AREA)
    assert _try(desks, role, "UPDATE figures SET value = value + 1 WHERE id = :i",
                i=fid) == (1, None)


@pytest.mark.parametrize("role", ["city", "district", "viewer"])
def test_targets_indicators_and_areas_are_the_admins(desks, role):
    before = _snapshot(desks)
    attempts = [
        "UPDATE targets SET value = value + 1",
        "DELETE FROM targets",
        "INSERT INTO targets (indicator, area, period, period_ord, comparator, value, kind, "
        "derived, derivation, note, source_ref, entered_by, entered_at, version) "
        "SELECT indicator, area, '2031H1', 20311, '>=', 1, kind, false, '', '', '', '', '', 1 "
        "FROM targets LIMIT 1",
        "UPDATE indicators SET name_en = 'x'",
        "DELETE FROM indicators",
        "INSERT INTO indicators (code, category, name_zh, name_en, unit, unit_zh, value_kind, "
        "direction, cumulative, period_type, period_types, day_count, decimals, tolerance, "
        "definition_en, definition_zh, version) SELECT 'X.NEW', category, 'x', 'x', '', '', "
        "value_kind, direction, false, 'half', 'half', false, 0, 0, '', '', 1 "
        "FROM indicators LIMIT 1",
        "UPDATE areas SET name_en = 'x'",
        "UPDATE sources SET title = 'x'",
        "DELETE FROM sources",
        "INSERT INTO desk_areas (desk, area) VALUES (current_user, 'hechuan')",
        "UPDATE meta SET value = 'x'",
    ]
    for sql in attempts:
        assert _try(desks, role, sql) == (0, "42501"), sql
    assert _snapshot(desks) == before


def test_the_admin_writes_targets_and_indicators(desks):
    assert _try(desks, "admin", "UPDATE targets SET note = 'checked'")[1] is None
    assert _try(desks, "admin", "UPDATE indicators SET definition_en = definition_en")[1] is None


@pytest.mark.parametrize("role", ["admin", "city", "district", "viewer"])
def test_the_change_log_is_append_only(desks, role):
    before = _snapshot(desks)["changelog"]
    assert before
    for sql in ("UPDATE changelog SET who = 'someone else'", "DELETE FROM changelog",
                "TRUNCATE changelog"):
        assert _try(desks, role, sql) == (0, "42501"), sql
    assert _snapshot(desks)["changelog"] == before


@pytest.mark.parametrize("role", ["district", "city", "admin"])
def test_the_change_log_names_the_connected_role_whatever_is_sent(desks, role):
    changed, state = _try(
        desks, role, "INSERT INTO changelog (at, who, entity, entity_id, action, why, origin) "
        "VALUES ('2030-01-01', 'the mayor', 'figure', '1', 'update', 'forged', '')")
    assert state is None
    who = _one(desks.owner_url, "SELECT who FROM changelog WHERE why = 'forged'")
    assert who == [(f"{desks.prefix}u_{role}",)]
    fid, _, _ = _figure(desks, DISTRICT_AREA)
    assert _try(desks, role, "UPDATE figures SET entered_by = 'the mayor' WHERE id = :i",
                i=fid) == (1, None)
    assert _one(desks.owner_url, "SELECT entered_by FROM figures WHERE id = :i", i=fid) \
        == [(f"{desks.prefix}u_{role}",)]


def test_district_and_city_may_add_a_source_but_not_change_one(desks):
    sql = "INSERT INTO sources (id, publisher, title, date, note) VALUES (:i, '', '', '', '')"
    assert _try(desks, "district", sql, i="district-report")[1] is None
    assert _try(desks, "viewer", sql, i="viewer-report") == (0, "42501")
    assert _try(desks, "district", "DELETE FROM sources WHERE id = 'district-report'") \
        == (0, "42501")


def test_everyone_reads_everything(desks):
    owner = _snapshot(desks)
    for role in ("admin", "city", "district", "viewer"):
        for table in ("figures", "targets", "indicators", "changelog", "areas", "sources"):
            assert _one(desks.urls[role], f"SELECT * FROM {table} ORDER BY 1") == owner[table]


def test_init_again_changes_nothing_and_keeps_the_desks(desks):
    from core import pg_roles, users_cli
    from core.store import Store

    with Store.open(desks.owner_url) as store:
        users_cli.install(store)
        with store.read() as conn:
            assert {u["role"] for u in pg_roles.users(conn)} == {"admin", "city", "district",
                                                                 "viewer"}
    fid, _, _ = _figure(desks, OTHER_AREA)
    assert _try(desks, "district", "DELETE FROM figures WHERE id = :i", i=fid) == (0, None)
    assert _try(desks, "viewer", "UPDATE changelog SET why = ''") == (0, "42501")
