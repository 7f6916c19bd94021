"""Snapshots read through the driver cursor match what SQLAlchemy rows would give."""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from core import queries, schema


def test_figures_frame_matches_sqlalchemy_rows_on_both_back_ends(store):
    t = schema.figures
    for code in ("AIR.PM25", "WATER.YANGTZE_MAINSTEM_CLASS", "NO.SUCH"):
        with store.read() as conn:
            fast = queries.figures(conn, indicators=[code])
            rows = conn.execute(sa.select(t).where(t.c.indicator == code)
                                .order_by(t.c.area, t.c.period_ord)).mappings().all()
        slow = pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in t.columns])
        assert list(fast.columns) == list(slow.columns)
        assert fast["derived"].dtype == bool and fast["value"].dtype == float
        assert [{**r, "derived": bool(r["derived"])} for r in slow.to_dict("records")] == \
            fast.to_dict("records")


def test_filters_by_area_and_period_bounds(store):
    with store.read() as conn:
        f = queries.figures(conn, areas=["chongqing"], period_from=2024011, period_to=2024011)
        ind = queries.indicators(conn)
    assert set(f["period"]) == {"2024H1"} and set(f["area"]) == {"chongqing"}
    assert ind["vmin"].dtype == float and ind["cumulative"].dtype == bool


def test_one_indicators_figures_in_the_areas_order_on_both_back_ends(store):
    """What a window reads at each selection: the same rows and types as ``figures``, areas
    in the order asked for (areas it does not know last), then by period."""
    with store.read() as conn:
        areas = queries.areas(conn)["code"].tolist()
        for code in ("AIR.PM25", "WATER.YANGTZE_MAINSTEM_CLASS", "NO.SUCH"):
            every = queries.figures(conn, indicators=[code])
            rank = {a: i for i, a in enumerate(reversed(areas[1:]))}  # areas[0] unknown
            mine = queries.indicator_figures(conn, code, rank)
            by_code = queries.indicator_figures(conn, code)
            assert list(mine.columns) == list(every.columns)
            if len(every):  # (an empty ``figures`` frame has no useful dtypes)
                assert dict(mine.dtypes) == dict(every.dtypes)
            else:
                assert mine.empty and mine["value"].dtype == float
            assert by_code.to_dict("records") == every.to_dict("records")
            place = [rank.get(a, len(rank)) for a in mine["area"]]
            keys = list(zip(place, mine["period_ord"]))
            assert keys == sorted(keys) and len(set(keys)) == len(keys)
            assert sorted(mine["id"]) == sorted(every["id"])
            if len(every) > 1:
                assert mine["area"].tolist() != every["area"].tolist() or \
                    len(set(every["area"])) == 1
