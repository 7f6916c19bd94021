from __future__ import annotations

from core import queries, status


def test_seeded_store_has_scorecard_for_every_seeded_indicator(store):
    with store.read() as conn:
        ind = queries.indicators(conn)
        figs = queries.figures(conn)
        sc = status.scorecard(ind, figs, queries.targets(conn))
    # and for every indicator that only has a target so far (forest cover by 2025 ...)
    with store.read() as conn:
        tg = queries.targets(conn)
    assert set(sc["indicator"]) == set(figs["indicator"]) | set(tg["indicator"])
    assert sc["period_status"].notna().all() and sc["course_status"].notna().all()
