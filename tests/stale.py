"""A stale edit made for real: another desk changes a figure first (tests of its message)."""
from __future__ import annotations

import pytest

from core import queries, rows
from core.errors import StaleEditError
from core.store import Store


def pm25(store, area="chongqing", period="2024H1") -> dict:
    """The stored row of AIR.PM25 in ``area`` for ``period``."""
    with store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"], areas=[area])
    return f[f["period"] == period].iloc[0].to_dict()


def stale_pm25_edit(store, db_url) -> tuple[dict, StaleEditError]:
    """Another desk sets Chongqing's 2024H1 PM2.5 to 35.0; then ``store`` tries 37.0 from the
    version it had read. Returns the row as read and the error the second write raised."""
    fig = pm25(store)
    other = Store.open(db_url, user="other desk")
    try:
        with other.write() as conn:
            rows.update(conn, "figure", fig["id"], fig["version"], {"value": 35.0},
                        who=other.user, why="typed edit")
        with pytest.raises(StaleEditError) as err:
            with store.write() as conn:
                rows.update(conn, "figure", fig["id"], fig["version"], {"value": 37.0},
                            who=store.user, why="typed edit")
    finally:
        other.close()
    return fig, err.value
