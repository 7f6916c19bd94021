"""Item 8 of issue 15: four desks opening a new database at the same moment all succeed; it
is created and seeded once ("someone else just seeded it" is success)."""
from __future__ import annotations

import multiprocessing as mp

import pytest

from tests.faults.db_support import seeded_figures


def _open(url: str, barrier, out) -> None:
    from core import queries
    from core.store import Store

    barrier.wait(60)
    try:
        with Store.open(url, user="desk") as s, s.read() as conn:
            out.put(("ok", s.created, len(queries.figures(conn))))
    except Exception as exc:  # noqa: BLE001 - the test reports what a desk saw
        out.put(("error", type(exc).__name__, str(exc)))


@pytest.mark.parametrize("desks", [4])
def test_desks_opening_a_new_database_at_once_all_succeed(db_url, desks, tmp_path):
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(desks), ctx.Queue()
    procs = [ctx.Process(target=_open, args=(db_url, barrier, out)) for _ in range(desks)]
    for p in procs:
        p.start()
    seen = [out.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(60)
    assert [s[0] for s in seen] == ["ok"] * desks, seen
    assert sum(1 for s in seen if s[1]) == 1  # one desk created it
    assert {s[2] for s in seen} == {seeded_figures(tmp_path)}  # every desk sees it seeded once
