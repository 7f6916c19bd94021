"""The half-year's steps by role on the real server: a district submits its own area only,
the city approves, only an admin reopens; comments by the desks that write figures."""
from __future__ import annotations

import pytest

from core.approval import StepRefused, take_step
from core.comments import AddComment

from .desks import DISTRICT_AREA, OTHER_AREA, make_desks

P = "2025H1"


@pytest.fixture
def desks(pg_url):
    return make_desks(pg_url)


def test_steps_by_role(desks):
    with desks.store("district") as store:
        with pytest.raises(StepRefused, match="own areas"):
            take_step(store, "submit", OTHER_AREA, P)
        done = take_step(store, "submit", DISTRICT_AREA, P)
        assert done.state == "submitted" and done.row["submitted_by"].endswith("u_district")
        with pytest.raises(StepRefused, match="city and admin"):
            take_step(store, "approve", DISTRICT_AREA, P)
        AddComment("AIR.PM25", DISTRICT_AREA, P, "our monitoring table").apply(store)
    with desks.store("city") as store:
        assert take_step(store, "approve", DISTRICT_AREA, P).state == "approved"
        with pytest.raises(StepRefused, match="admin"):
            take_step(store, "reopen", DISTRICT_AREA, P, reason="typo")
    with desks.store("viewer") as store:
        with pytest.raises(StepRefused):
            take_step(store, "submit", OTHER_AREA, P)
    with desks.store("admin") as store:
        assert take_step(store, "reopen", DISTRICT_AREA, P, reason="typo").state == "open"
