"""A half-year's life per area: open -> submitted -> approved, and reopened with a reason.

Each area x period has at most one row in ``period_states`` (none: open), with who did each
step and when. Every step is written through :func:`core.write.commit` (kind ``period``), so
the change log keeps it, with the reason of a reopening. Approval goes bottom-up, as in
DHIS2: an area is approved only once every area below it that has figures for the period is
approved, and an area below an approved one cannot be reopened.

An approved area x period is locked (:mod:`core.period_lock`).

Who may take a step is asked of :func:`may`; on SQLite, and as the database's owner, everyone
may. The roles of a shared database (admin, city, district, viewer) answer it there.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, select, text

from . import schema, write
from .changelog import now_iso
from .entities import PERIOD
from .errors import EcoError, NotFoundError
from .i18n import N_, tr
from .periods import parse_period, shown

STATES = ("open", "submitted", "approved")
STATE_NAMES = {"open": N_("open"), "submitted": N_("submitted"), "approved": N_("approved")}
STEPS = ("submit", "approve", "reopen")


class StepRefused(EcoError):
    """A step that the area x period's state, or the areas below it, do not allow."""


def may(conn: Connection, who: str, step: str, area: str) -> bool:
    """Whether ``who`` may take ``step`` (submit, approve, reopen) for ``area``.

    Everyone may here: on SQLite there is one desk, and the database's owner may do
    everything. The shared database's roles (district: submit its own areas; city: submit
    and approve; admin: also reopen) are to answer this from the server's grants.
    """
    return True


@dataclass(frozen=True)
class Stepped:
    """What a step wrote: the area x period's row as it now is."""

    area: str
    period: str
    state: str
    row: dict


def state_name(state: str) -> str:
    return tr(STATE_NAMES.get(state, state))


def state_of(conn: Connection, area: str, period: str) -> dict:
    """The area x period's row (a plain open one, without ``id``, when none is stored)."""
    t = schema.period_states
    row = conn.execute(select(t).where(t.c.area == area, t.c.period == period)) \
        .mappings().first()
    if row is not None:
        return dict(row)
    return {"id": None, "area": area, "period": period, "state": "open", "submitted_by": "",
            "submitted_at": "", "approved_by": "", "approved_at": "", "reopened_by": "",
            "reopened_at": "", "reason": "", "version": 0}


def states(conn: Connection, period: str | None = None) -> pd.DataFrame:
    """Stored states (of one period, if given)."""
    t = schema.period_states
    stmt = select(t).order_by(t.c.period, t.c.area)
    if period is not None:
        stmt = stmt.where(t.c.period == period)
    return pd.DataFrame([dict(r) for r in conn.execute(stmt).mappings()],
                        columns=[c.name for c in t.columns])


def _areas(conn: Connection) -> pd.DataFrame:
    a = schema.areas
    return pd.DataFrame([tuple(r) for r in conn.execute(select(a.c.code, a.c.parent))],
                        columns=["code", "parent"])


def below(areas: pd.DataFrame, area: str) -> list[str]:
    """Every area under ``area`` in the hierarchy (children, their children ...)."""
    out, frontier = [], [area]
    kids = areas.groupby("parent")["code"].apply(list).to_dict()
    while frontier:
        nxt = [c for p in frontier for c in kids.get(p, [])]
        out += nxt
        frontier = nxt
    return out


def above(areas: pd.DataFrame, area: str) -> list[str]:
    parent = dict(zip(areas["code"], areas["parent"]))
    out, at = [], parent.get(area)
    while at is not None and at == at and at not in out:
        out.append(at)
        at = parent.get(at)
    return out


def with_figures(conn: Connection, period: str) -> set[str]:
    rows = conn.execute(text("SELECT DISTINCT area FROM figures WHERE period = :p"),
                        {"p": period})
    return {r[0] for r in rows}


def step(conn: Connection, step_: str, area: str, period: str, *, who: str,
         reason: str = "") -> Stepped:
    """Take ``step_`` (submit, approve, reopen) for ``area`` x ``period`` in the caller's
    write transaction. Reopening needs ``reason``.

    Raises
    ------
    StepRefused
        The state does not allow the step (approve before submit, reopen of an open one),
        an area below is not approved yet, an area above is approved, a reopening has no
        reason, or ``who`` may not.
    """
    if step_ not in STEPS:
        raise StepRefused(tr("unknown step {step}", step=repr(step_)))
    period = parse_period(period).code
    areas = _areas(conn)
    if area not in set(areas["code"]):
        raise NotFoundError(tr("unknown area {code}", code=repr(area)), field="area")
    if not may(conn, who, step_, area):
        raise StepRefused(tr("{who} may not {step} {area} / {period}", who=who, step=step_,
                             area=area, period=shown(period)))
    old = state_of(conn, area, period)
    where = dict(area=area, period=shown(period))
    at = now_iso()
    if step_ == "submit":
        if old["state"] != "open":
            raise StepRefused(tr("{area} / {period} is already {state}", **where,
                                 state=state_name(old["state"])))
        change = {"state": "submitted", "submitted_by": who, "submitted_at": at}
    elif step_ == "approve":
        if old["state"] != "submitted":
            raise StepRefused(tr("{area} / {period} is {state}: only a submitted half-year "
                                 "can be approved", **where, state=state_name(old["state"])))
        pending = _not_approved_below(conn, areas, area, period)
        if pending:
            raise StepRefused(tr(
                "{area} / {period} can be approved only after the areas below it that have "
                "figures for it: {pending} not approved yet", **where,
                pending=", ".join(pending)))
        change = {"state": "approved", "approved_by": who, "approved_at": at}
    else:
        if not reason.strip():
            raise StepRefused(tr("reopening {area} / {period} needs a reason (--reason)",
                                 **where), field="reason")
        if old["state"] == "open":
            raise StepRefused(tr("{area} / {period} is open already", **where))
        up = [a for a in above(areas, area)
              if state_of(conn, a, period)["state"] == "approved"]
        if up:
            raise StepRefused(tr("{up} / {period} above it is approved: reopen that first",
                                 up=up[0], period=shown(period)))
        change = {"state": "open", "reopened_by": who, "reopened_at": at,
                  "reason": reason.strip(), "approved_by": "", "approved_at": ""}
    why = step_
    if old["id"] is None:
        row = {k: v for k, v in {**old, **change}.items() if k not in ("id", "version")}
        written = write.commit(conn, PERIOD, new=pd.DataFrame([row]), who=who, why=why,
                               reason=reason.strip())
        key = written.ids[0]
    else:
        fields = tuple(change)
        ch = pd.DataFrame([{**change, **{f"db_{f}": old[f] for f in fields},
                            "db_id": old["id"], "db_version": old["version"],
                            "area": area, "period": period}])
        write.commit(conn, PERIOD, changed=ch, fields=fields, who=who, why=why,
                     reason=reason.strip(),
                     stale=tr("{area} / {period} was changed by someone else meanwhile; "
                              "nothing was written: look again", **where))
        key = old["id"]
    t = schema.period_states
    now = dict(conn.execute(select(t).where(t.c.id == key)).mappings().one())
    return Stepped(area, period, now["state"], now)


def _not_approved_below(conn: Connection, areas: pd.DataFrame, area: str,
                        period: str) -> list[str]:
    under = below(areas, area)
    if not under:
        return []
    reporting = with_figures(conn, period)
    st = states(conn, period)
    approved = set(st.loc[st["state"] == "approved", "area"])
    return [a for a in under if a in reporting and a not in approved]


def take_step(store, step_: str, area: str, period: str, *, reason: str = "") -> Stepped:
    """:func:`step` in a write transaction of its own, as ``store``'s user."""
    with store.write(step_) as conn:
        return step(conn, step_, area, period, who=store.user, reason=reason)
