"""Undo and redo of core edits without Qt: an inverse chain on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from core import queries
from core.edits import CreateRow, DeleteRow, UpdateRow
from core.errors import StaleEditError
from core.store import Store

NEW = dict(indicator="AIR.PM25", area="chongqing", period="2030H1", value="25.5",
           qualifier="about", status="provisional", note="typed in a test")


def fig(store: Store, fid: int):
    with store.read() as conn:
        df = queries.figures(conn, indicators=["AIR.PM25"])
    hit = df[df["id"] == fid]
    return None if hit.empty else hit.iloc[0].to_dict()


def test_one_edit_undo_redo_many_times(store):
    created = CreateRow("figure", dict(NEW)).apply(store)
    fid = created.row["id"]
    step = created
    for expect in (None, 25.5, None, 25.5):  # undo, redo, undo, redo
        step = step.inverse.apply(store)
        row = fig(store, fid)
        assert (row["value"] if row else None) == expect
    upd = UpdateRow("figure", fid, step.row["version"], {"value": 24.0, "note": "x"}).apply(store)
    step = upd
    for expect in (25.5, 24.0, 25.5, 24.0):
        step = step.inverse.apply(store)
        assert fig(store, fid)["value"] == expect
    assert fig(store, fid)["note"] == "x"


def test_a_value_typed_over_a_derived_figure_makes_it_entered_and_undo_restores(store):
    """PM2.5 2023H1 in the seeds is derived ("36.6 + 4.3"); after a person typed 38.2 over
    it, it was still marked derived, with the old arithmetic."""
    with store.read() as conn:
        df = queries.figures(conn, indicators=["AIR.PM25"])
    row = df[df["derived"]].iloc[0].to_dict()
    assert row["derivation"]
    upd = UpdateRow("figure", int(row["id"]), int(row["version"]), {"value": 38.2}).apply(store)
    now = fig(store, int(row["id"]))
    assert (now["value"], bool(now["derived"]), now["derivation"]) == (38.2, False, "")
    back = upd.inverse.apply(store)
    now = fig(store, int(row["id"]))
    assert (now["value"], bool(now["derived"]), now["derivation"]) == (
        row["value"], True, row["derivation"])
    back.inverse.apply(store)  # redo
    now = fig(store, int(row["id"]))
    assert (now["value"], bool(now["derived"]), now["derivation"]) == (38.2, False, "")
    # the same value as text changes nothing; a new value with its own arithmetic keeps it
    UpdateRow("figure", int(now["id"]), int(now["version"]), {"derived": True,
              "derivation": "36.6 + 1.6"}).apply(store)
    now = fig(store, int(row["id"]))
    UpdateRow("figure", int(now["id"]), int(now["version"]), {"value": "38.2"}).apply(store)
    now = fig(store, int(row["id"]))
    assert bool(now["derived"]) and now["derivation"] == "36.6 + 1.6"
    UpdateRow("figure", int(now["id"]), int(now["version"]),
              {"value": 38.7, "derivation": "36.6 + 2.1"}).apply(store)
    now = fig(store, int(row["id"]))
    assert (bool(now["derived"]), now["derivation"]) == (True, "36.6 + 2.1")
    # a note edited on a derived figure leaves it derived
    UpdateRow("figure", int(now["id"]), int(now["version"]), {"derived": True,
              "derivation": "36.6 + 4.3"}).apply(store)
    now = fig(store, int(row["id"]))
    UpdateRow("figure", int(now["id"]), int(now["version"]), {"note": "checked"}).apply(store)
    assert bool(fig(store, int(row["id"]))["derived"])


def test_create_update_undo_undo_redo_redo(store):
    created = CreateRow("figure", dict(NEW)).apply(store)
    fid = created.row["id"]
    assert created.changed.indicator == "AIR.PM25" and created.changed.action == "create"
    assert fig(store, fid)["value"] == 25.5

    updated = UpdateRow("figure", fid, created.row["version"], {"value": 24.0}).apply(store)
    assert fig(store, fid)["value"] == 24.0 and fig(store, fid)["version"] == 2

    undo_update = updated.inverse.apply(store)  # back to 25.5
    assert fig(store, fid)["value"] == 25.5
    undo_create = created.inverse.apply(store)  # gone
    assert fig(store, fid) is None

    redo_create = undo_create.inverse.apply(store)  # same id again
    row = fig(store, fid)
    assert row is not None and row["value"] == 25.5 and row["qualifier"] == "about"
    redo_update = undo_update.inverse.apply(store)
    assert fig(store, fid)["value"] == 24.0

    # and once more round the loop: versions stay exact
    again = redo_update.inverse.apply(store)
    assert fig(store, fid)["value"] == 25.5
    again.inverse.apply(store)
    assert fig(store, fid)["value"] == 24.0
    assert redo_create.changed.key == fid


def test_delete_and_undo_restore_the_same_row(store):
    with store.read() as conn:
        before = queries.figures(conn, indicators=["AIR.PM25"]).iloc[0].to_dict()
    out = DeleteRow("figure", before["id"], before["version"]).apply(store)
    assert fig(store, before["id"]) is None
    out.inverse.apply(store)
    after = fig(store, before["id"])
    for k in ("id", "area", "period", "value", "qualifier", "note", "source", "source_ref"):
        assert after[k] == before[k], k


def test_stale_undo_is_refused_and_keeps_the_other_value(store, db_url):
    created = CreateRow("figure", dict(NEW)).apply(store)
    fid = created.row["id"]
    other = Store.open(db_url, user="other desk")
    try:
        UpdateRow("figure", fid, 1, {"value": 20.0}).apply(other)
    finally:
        other.close()
    with pytest.raises(StaleEditError):
        created.inverse.apply(store)  # the delete was made from version 1
    assert fig(store, fid)["value"] == 20.0


def test_target_and_indicator_chains(store):
    t = CreateRow("target", dict(indicator="AIR.PM25", area="chongqing", period="2030",
                                 comparator="<=", value=25, kind="municipal_plan")).apply(store)
    t.inverse.apply(store)
    with store.read() as conn:
        assert queries.targets(conn, indicators=["AIR.PM25"]).query("period == '2030'").empty

    ind = CreateRow("indicator", dict(code="TEST.X", category="air", name_en="Test",
                                      value_kind="count", direction="higher")).apply(store)
    assert ind.changed.structure
    back = ind.inverse.apply(store)
    with store.read() as conn:
        assert "TEST.X" not in set(queries.indicators(conn)["code"])
    back.inverse.apply(store)
    with store.read() as conn:
        assert "TEST.X" in set(queries.indicators(conn)["code"])


def test_undo_after_another_desk_changed_the_same_field_is_refused(store, db_url):
    """Undo checks content: it never overwrites what another desk wrote since."""
    from core.store import Store

    created = CreateRow("figure", dict(NEW)).apply(store)
    fid = created.row["id"]
    updated = UpdateRow("figure", fid, created.row["version"], {"value": 24.0}).apply(store)
    other = Store.open(db_url, user="other desk")
    try:
        UpdateRow("figure", fid, updated.row["version"], {"value": 23.0}).apply(other)
    finally:
        other.close()
    with pytest.raises(StaleEditError, match="23.0"):
        updated.inverse.apply(store)
    assert fig(store, fid)["value"] == 23.0


def test_undo_keeps_another_desks_change_to_other_fields(store, db_url):
    from core.store import Store

    created = CreateRow("figure", dict(NEW)).apply(store)
    fid = created.row["id"]
    updated = UpdateRow("figure", fid, created.row["version"], {"value": 24.0}).apply(store)
    other = Store.open(db_url, user="other desk")
    try:
        UpdateRow("figure", fid, updated.row["version"], {"note": "checked"}).apply(other)
    finally:
        other.close()
    updated.inverse.apply(store)
    row = fig(store, fid)
    assert (row["value"], row["note"]) == (25.5, "checked")


def test_a_batch_is_one_transaction_and_one_undo(store, db_url):
    from core.edits import Batch

    with store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"])
    rows_ = [r for r in figs.to_dict("records")]
    deletes = [DeleteRow("figure", int(r["id"]), int(r["version"]), r) for r in rows_]
    # a stale row in the middle: the whole batch is refused and nothing is deleted
    other = Store.open(db_url, user="other desk")
    try:
        mid = rows_[1]
        UpdateRow("figure", int(mid["id"]), int(mid["version"]), {"note": "x"}).apply(other)
    finally:
        other.close()
    with pytest.raises(StaleEditError):
        Batch(deletes).apply(store)
    with store.read() as conn:
        assert len(queries.figures(conn, indicators=["AIR.PM25"])) == len(rows_)
    deletes[1] = DeleteRow("figure", int(mid["id"]), int(mid["version"]) + 1, mid)
    done = Batch(deletes).apply(store)
    with store.read() as conn:
        assert queries.figures(conn, indicators=["AIR.PM25"]).empty
    done.inverse.apply(store)  # one undo brings every row back, ids intact
    with store.read() as conn:
        back = queries.figures(conn, indicators=["AIR.PM25"])
    assert sorted(back["id"]) == sorted(figs["id"])
