"""The program as each role on the real server: core refuses, before writing, what the role
may not change, with the rule; what the server refuses is said the same way, never as
"changed by someone else"; the import preview lists the rows the role may not write."""
from __future__ import annotations

import openpyxl
import pytest
import sqlalchemy as sa

from core import access, queries
from core.access import NotAllowedError
from core.edits import CreateRow, DeleteRow, UpdateRow
from core.errors import StaleEditError

from .desks import DISTRICT_AREA, OTHER_AREA, make_desks

OWN_RULE = "district desks change only the figures of their own areas (shapingba)"


@pytest.fixture
def desks(pg_url):
    return make_desks(pg_url)


def _fig(store, area, indicator=None):
    with store.read() as conn:
        figs = queries.figures(conn, areas=[area])
    if indicator:
        figs = figs[figs["indicator"] == indicator]
    return figs.iloc[0].to_dict()


def _log_len(desks):
    engine = sa.create_engine(desks.owner_url)
    with engine.connect() as c:
        n = c.execute(sa.text("SELECT count(*) FROM changelog")).scalar()
    engine.dispose()
    return n


def _owner_sql(desks, sql, **params):
    engine = sa.create_engine(desks.owner_url)
    with engine.begin() as c:
        c.execute(sa.text(sql), params)
    engine.dispose()


def test_who_is_connected(desks):
    for role in ("admin", "city", "district", "viewer"):
        with desks.store(role) as store, store.read() as conn:
            acc = access.current(conn)
        assert acc.role == role and acc.user == f"{desks.prefix}u_{role}"
        assert store.user == acc.user  # what the window shows and the rows are stamped with
    with desks.store("district") as store, store.read() as conn:
        assert access.current(conn).areas == {DISTRICT_AREA}


def test_a_district_edits_its_own_figure_and_the_log_names_it(desks):
    with desks.store("district") as store:
        fig = _fig(store, DISTRICT_AREA)
        UpdateRow("figure", fig["id"], fig["version"], {"value": fig["value"] + 1}).apply(store)
        with store.read() as conn:
            log = conn.execute(sa.text("SELECT who FROM changelog WHERE entity_id = :i "
                                       "ORDER BY id DESC LIMIT 1"), {"i": str(fig["id"])})
            assert log.scalar() == f"{desks.prefix}u_district"


@pytest.mark.parametrize("edit", ["update", "delete", "create"])
def test_another_districts_figure_is_refused_with_the_rule(desks, edit):
    before = _log_len(desks)
    with desks.store("district") as store:
        fig = _fig(store, OTHER_AREA)
        made = {
            "update": UpdateRow("figure", fig["id"], fig["version"], {"value": 1}),
            "delete": DeleteRow("figure", fig["id"], fig["version"]),
            "create": CreateRow("figure", {**{k: fig[k] for k in ("indicator", "area")},
                                           "period": "2030H1", "value": 1}),
        }[edit]
        with pytest.raises(NotAllowedError) as err:
            made.apply(store)
    assert OWN_RULE in str(err.value) and "hechuan" in str(err.value)
    assert err.value.rule == OWN_RULE
    assert _log_len(desks) == before


@pytest.mark.parametrize("role", ["city", "district", "viewer"])
def test_targets_and_indicators_are_refused_to_all_but_admin(desks, role):
    with desks.store(role) as store:
        with store.read() as conn:
            tgt = queries.targets(conn).iloc[0].to_dict()
            ind = queries.indicators(conn).iloc[0].to_dict()
        for edit in (UpdateRow("target", tgt["id"], tgt["version"], {"note": "x"}),
                     UpdateRow("indicator", ind["code"], ind["version"], {"name_en": "x"})):
            with pytest.raises(NotAllowedError, match="only admin desks change targets"
                               if role != "viewer" else "viewer desks only read"):
                edit.apply(store)


def test_the_admin_changes_a_target(desks):
    with desks.store("admin") as store:
        with store.read() as conn:
            tgt = queries.targets(conn).iloc[0].to_dict()
        UpdateRow("target", tgt["id"], tgt["version"], {"note": "checked"}).apply(store)


def test_a_refusal_by_the_server_is_not_allowed_never_stale(desks):
    """The desk's connection still believes it has its area (core keeps that a while); the
    admin has taken it away meanwhile: the server refuses, and the desk is told why."""
    with desks.store("district") as store:
        fig = _fig(store, DISTRICT_AREA)
        UpdateRow("figure", fig["id"], fig["version"], {"value": 40}).apply(store)
        _owner_sql(desks, "DELETE FROM desk_areas")
        fig = _fig(store, DISTRICT_AREA)
        # an update the server's policy hides the row from (0 rows changed)
        with pytest.raises(NotAllowedError) as err:
            UpdateRow("figure", fig["id"], fig["version"], {"value": 41}).apply(store)
        assert not isinstance(err.value, StaleEditError)
        assert "has none" in str(err.value)
        # an insert the server's WITH CHECK refuses (SQLSTATE 42501)
        _owner_sql(desks, "INSERT INTO desk_areas VALUES (:d, :a)",
                   d=f"{desks.prefix}u_district", a=DISTRICT_AREA)
        with store.read() as conn:
            conn.execute(sa.text("SELECT 1"))
        with store.write() as conn:
            access.current(conn, fresh=True)  # believes shapingba again
        _owner_sql(desks, "DELETE FROM desk_areas")
        with pytest.raises(NotAllowedError) as err:
            CreateRow("figure", {"indicator": fig["indicator"], "area": DISTRICT_AREA,
                                 "period": "2030H1", "value": 1}).apply(store)
        assert "not allowed" in str(err.value) and "changed by someone" not in str(err.value)


def test_a_viewer_is_told_it_only_reads(desks):
    with desks.store("viewer") as store:
        fig = _fig(store, DISTRICT_AREA)
        with pytest.raises(NotAllowedError, match="viewer desks only read"):
            UpdateRow("figure", fig["id"], fig["version"], {"value": 1}).apply(store)


def test_the_import_preview_lists_every_row_the_district_may_not_write(desks, tmp_path):
    from core.excel.importer import apply_import, read_import

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Indicator code", "Area", "Period", "Value"])
    ws.append(["AIR.PM25", DISTRICT_AREA, "2024H1", 33])  # its own: allowed
    ws.append(["CARBON.RECYCLED_AL_ENERGY", OTHER_AREA, "2025H1", 105])  # changed
    ws.append(["AIR.PM25", OTHER_AREA, "2025H1", 30])  # new
    ws.append(["AIR.PM25", "chongqing", "2025H1", 30])
    path = tmp_path / "district.xlsx"
    wb.save(path)
    with desks.store("district") as store:
        preview = read_import(store, path)
        refused = [p for p in preview.plan.problems if "not allowed" in str(p.message)]
        assert [(p.sheet, p.row, p.column) for p in refused] == [
            ("Data", 3, "B (Area)"), ("Data", 4, "B (Area)"), ("Data", 5, "B (Area)")]
        assert all(OWN_RULE in str(p) for p in refused)
        assert "Data" in str(refused[0]) and "row 3" in str(refused[0])
        assert not preview.ok
        with pytest.raises(Exception, match="not allowed"):
            apply_import(store, preview)
    with desks.store("city") as store:
        assert read_import(store, path).ok
