"""Storage on SQLite and PostgreSQL: versions, stale edits, change log, transactions."""
from __future__ import annotations

import multiprocessing as mp

import pytest
import sqlalchemy as sa

from core import changelog, queries, rows, schema
from core.edits import UpdateRow
from core.errors import ConflictError, StaleEditError, ValueParseError
from core.store import Store

from .stale import pm25, stale_pm25_edit


def _log_count(store) -> int:
    with store.read() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(schema.changelog)).scalar()


def test_stale_update_is_refused_naming_figure_and_both_values(store, db_url):
    fig, err = stale_pm25_edit(store, db_url)
    msg = str(err)
    assert "AIR.PM25 / chongqing / 2024H1" in msg
    assert "you entered 37.0, it now holds 35.0" in msg
    assert f"version {fig['version']}" in msg
    assert pm25(store)["value"] == 35.0


def test_every_write_logs_who_when_old_new_why(store):
    before = _log_count(store)
    fig = pm25(store)
    with store.write() as conn:
        old, new = rows.update(conn, "figure", fig["id"], fig["version"], {"value": 36.0,
                               "note": "corrected"}, who="alice", why="typed edit")
    hist = _history(store, fig["id"])
    last = hist.iloc[-1]
    assert (last["action"], last["who"], last["why"]) == ("update", "alice", "typed edit")
    assert last["old"]["value"] == 36.6 and last["new"]["value"] == 36.0
    assert last["new"]["note"] == "corrected" and last["at"]
    assert new["version"] == fig["version"] + 1
    with store.write() as conn:
        rows.delete(conn, "figure", fig["id"], new["version"], who="bob", why="wrong row")
    last = _history(store, fig["id"]).iloc[-1]
    assert (last["action"], last["who"], last["new"]) == ("delete", "bob", None)
    assert _log_count(store) == before + 2


def _history(store, fid):
    with store.read() as conn:
        return changelog.history(conn, "figure", fid)


def test_change_and_log_roll_back_together(store):
    fig, before = pm25(store), _log_count(store)
    with pytest.raises(RuntimeError):
        with store.write() as conn:
            rows.update(conn, "figure", fig["id"], fig["version"], {"value": 1.0},
                        who="x", why="typed edit")
            raise RuntimeError("power cut")
    assert pm25(store)["value"] == fig["value"]
    assert _log_count(store) == before


def test_invalid_values_and_duplicates_are_refused_and_nothing_written(store):
    fig, before = pm25(store), _log_count(store)
    with pytest.raises(ValueParseError):
        UpdateRow("figure", fig["id"], fig["version"], {"value": "abc"}).apply(store)
    with store.read() as conn:
        share = queries.figures(conn, indicators=["WATER.STATE_SECTIONS_EXCELLENT"]).iloc[0]
    with pytest.raises(ValueParseError, match="above the natural maximum 100"):
        UpdateRow("figure", int(share["id"]), int(share["version"]), {"value": 101}).apply(store)
    with pytest.raises(ConflictError, match="already exists"):
        with store.write() as conn:
            rows.insert(conn, "figure", {"indicator": "AIR.PM25", "area": "chongqing",
                                         "period": "2024H1", "value": 30}, who="x")
    assert pm25(store)["value"] == fig["value"] and _log_count(store) == before


def _increment_worker(url: str, fid: int, n: int, q, barrier) -> None:
    """``n`` rounds; in each, both desks read the same version before either writes (the
    barrier), so exactly one of the two writes is refused and retried from the new row."""
    store = Store.open(url, user=mp.current_process().name)
    refused = 0
    for _ in range(n):
        with store.read() as conn:
            cur = rows.fetch(conn, "figure", fid)
        barrier.wait(60)
        while True:
            try:
                with store.write() as conn:
                    rows.update(conn, "figure", fid, cur["version"],
                                {"value": cur["value"] + 1}, who=store.user, why="race")
                break
            except StaleEditError:
                refused += 1
                with store.read() as conn:
                    cur = rows.fetch(conn, "figure", fid)
        barrier.wait(60)  # the round is over for both before the next read
    store.close()
    q.put(refused)


def test_two_processes_never_lose_an_update(store, db_url):
    """Two desks increment the same figure from the same version each round: every stale
    try is refused (one per round) and retried, and no increment is lost."""
    fig, n = pm25(store), 20
    ctx = mp.get_context("spawn")
    q, barrier = ctx.Queue(), ctx.Barrier(2)
    procs = [ctx.Process(target=_increment_worker, args=(db_url, fig["id"], n, q, barrier))
             for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    refused = [q.get(timeout=5) for _ in procs]
    after = pm25(store)
    assert after["value"] == pytest.approx(fig["value"] + 2 * n)
    assert after["version"] == fig["version"] + 2 * n
    hist = _history(store, fig["id"])
    assert (hist["why"] == "race").sum() == 2 * n
    assert sum(refused) == n  # of the two writes from one version, the second is refused


def test_reopening_keeps_data_and_does_not_reseed(db_url):
    s1 = Store.open(db_url)
    assert s1.created
    n = len(_all(s1))
    s1.close()
    s2 = Store.open(db_url)
    assert not s2.created and len(_all(s2)) == n
    s2.close()


def _all(store):
    with store.read() as conn:
        return queries.figures(conn)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_store):
    with sqlite_store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(ConflictError, match="FOREIGN KEY"):
        with sqlite_store.write() as conn:
            conn.execute(schema.figures.insert().values(
                indicator="NO.SUCH", area="chongqing", period="2024", period_ord=2024010,
                value=1.0))


def test_indicator_changes_that_would_invalidate_figures_are_refused(store):
    from core.edits import UpdateRow

    with store.read() as conn:
        ind = rows.fetch(conn, "indicator", "AIR.PM25")
    with pytest.raises(ConflictError, match="value kind cannot become class"):
        UpdateRow("indicator", "AIR.PM25", ind["version"], {"value_kind": "class"}).apply(store)
    with pytest.raises(ConflictError, match="outside the new natural range"):
        UpdateRow("indicator", "AIR.PM25", ind["version"], {"vmax": 35}).apply(store)
    done = UpdateRow("indicator", "AIR.PM25", ind["version"], {"vmax": 500, "unit_zh": "微克"})
    assert done.apply(store).row["vmax"] == 500
