"""A typed edit's round trips to the server, and the rules' context kept between writes.

With PostgreSQL a district office away each round trip costs 50 ms
(``benchmarks/bench_remote.py``); these tests hold the count of one typed edit where
``benchmarks/round_trips.py`` measured it, and check that the context the rules keep
(:mod:`core.context_cache`) is read again whenever the indicators change.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from core import context_cache, queries
from core.edits import CreateRow, UpdateRow
from core.errors import EcoError
from core.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from round_trips import Counter, typed_edit  # noqa: E402


@pytest.fixture
def pg_store(pg_url):
    s = Store.open(pg_url, user="tester")
    yield s
    s.close()


def _kinds(counter) -> list[str]:
    return [what for what, _ in counter.trips]


def _reads_kept_rows(counter) -> list[str]:
    """Statements reading what the rules keep (indicators, areas, sources)."""
    return [sql for _, sql in counter.trips
            if any(f"FROM {t}" in sql for t in ("indicators", "areas", "sources"))]


def test_a_typed_edit_and_its_undo_are_five_round_trips_each(pg_store):
    typed_edit(pg_store).apply(pg_store)  # the store's first write reads the rules' context
    edit = typed_edit(pg_store)
    with Counter() as c:
        outcome = edit.apply(pg_store)
    # BEGIN, the row as it stands, UPDATE ... RETURNING (the version check in its WHERE; the
    # row comes back; the server's trigger checks its half-year's lock), the change log, COMMIT
    assert _kinds(c) == ["begin", "execute", "execute", "execute", "commit"], c.trips
    assert c.trips[2][1].startswith("UPDATE figures")
    assert not _reads_kept_rows(c)
    assert outcome.row["value"] == pytest.approx(edit.changes["value"])
    assert outcome.row["version"] == edit.version + 1
    with Counter() as c:
        outcome.inverse.apply(pg_store)
    assert len(c) == 5 and not _reads_kept_rows(c), c.trips


def test_the_row_written_is_the_row_stored(store):
    edit = typed_edit(store)
    outcome = edit.apply(store)
    with store.read() as conn:
        stored = conn.execute(text("SELECT * FROM figures WHERE id = :i"),
                              {"i": edit.key}).mappings().one()
    assert {k: outcome.row[k] for k in stored} == dict(stored)
    created = CreateRow("figure", {**{k: v for k, v in outcome.row.items()
                                      if k not in ("id", "version", "entered_by", "entered_at")},
                                   "period": "2031H1", "period_ord": None}).apply(store)
    with store.read() as conn:
        stored = conn.execute(text("SELECT * FROM figures WHERE id = :i"),
                              {"i": created.row["id"]}).mappings().one()
    assert {k: created.row[k] for k in stored} == dict(stored)


LIMIT = 150.0  # above every PM2.5 figure of the seeds


def _limit_edit(store, code: str):
    with store.read() as conn:
        ind = queries.indicators(conn).set_index("code").loc[code]
    return UpdateRow("indicator", code, int(ind["version"]), {"vmax": LIMIT})


def _figure_of(store, code: str):
    with store.read() as conn:
        figs = queries.figures(conn, indicators=[code])
    return figs.iloc[0]


def test_the_rules_see_an_indicator_change_at_the_next_write(store):
    fig = _figure_of(store, "AIR.PM25")
    UpdateRow("figure", int(fig["id"]), int(fig["version"]), {"value": 140.0}).apply(store)
    _limit_edit(store, "AIR.PM25").apply(store)  # the natural maximum is now 150
    fig = _figure_of(store, "AIR.PM25")
    with pytest.raises(EcoError, match="above the natural maximum 150"):
        UpdateRow("figure", int(fig["id"]), int(fig["version"]), {"value": 170.0}).apply(store)


def test_an_indicator_change_rolled_back_is_not_kept(store):
    fig = _figure_of(store, "AIR.PM25")
    with pytest.raises(RuntimeError):
        with store.write() as conn:
            _limit_edit(store, "AIR.PM25")._apply(conn, "tester")
            # inside the write the rules see its own change ...
            assert context_cache.context(conn).indicators.at["AIR.PM25", "vmax"] == LIMIT
            raise RuntimeError("abandoned")
    # ... and after its rollback, the stored indicator again
    UpdateRow("figure", int(fig["id"]), int(fig["version"]), {"value": 170.0}).apply(store)


def test_another_desks_indicator_change_is_seen_after_forget(store, db_url):
    fig = _figure_of(store, "AIR.PM25")
    UpdateRow("figure", int(fig["id"]), int(fig["version"]), {"value": 140.0}).apply(store)
    with Store.open(db_url, user="other") as other:
        _limit_edit(other, "AIR.PM25").apply(other)
    context_cache.forget(store.engine)  # what F5 does
    fig = _figure_of(store, "AIR.PM25")
    with pytest.raises(EcoError, match="above the natural maximum 150"):
        UpdateRow("figure", int(fig["id"]), int(fig["version"]), {"value": 170.0}).apply(store)
