"""An approved area x period is locked; a submitted (or reopened) one takes a reason.

:func:`check` runs in :func:`core.write.commit` before anything is written, for every road a
figure takes (typed edit, dialog, delete, undo, redo, import, seed): a create, update or
delete of a figure in an approved area x period is refused, naming who approved it and when;
one in a submitted area x period, or one reopened after it was reported, needs a reason
(:class:`ReasonNeeded`), which the change log keeps.

A follow-up mark (the ``followup`` field alone) is a reviewer's mark, not a correction: it
needs no reason and is allowed on an approved figure, here and in the trigger.

On PostgreSQL the server makes both checks itself, row by row (:data:`TRIGGER_SQL`, installed
by ``ecotracker init`` and schema step 6), so a desk with psql cannot get round the lock, and
core only hands it the reason; on SQLite :func:`check` reads the states in the transaction.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import Connection, text

from .entities import FIGURE, Kind
from .errors import EcoError
from .i18n import tr
from .periods import shown

#: The SQLSTATEs the trigger raises (a class of our own: not one PostgreSQL uses): a locked
#: area x period, a reported one changed without a reason.
LOCKED_SQLSTATE = "EC423"
REASON_SQLSTATE = "EC428"
#: Fields a change may set on a figure of a reported half-year without a reason.
REVIEW_FIELDS = frozenset({"followup"})
_MAX_NAMED = 5


class PeriodLocked(EcoError):
    """A write to a figure of an approved area x period. ``pairs``: the (area, period,
    approved_by, approved_at) refused."""

    def __init__(self, message, pairs: list[tuple]):
        super().__init__(message)
        self.pairs = pairs


class ReasonNeeded(EcoError):
    """A correction of a figure of a submitted or reopened area x period, made without a
    reason: ask for one and make it again. ``pairs``: the (area, period, state) concerned."""

    def __init__(self, message, pairs: list[tuple]):
        super().__init__(message, field="reason")
        self.pairs = pairs


def reported(conn: Connection) -> pd.DataFrame:
    """The area x periods that are not plainly open: submitted, approved, or reopened after
    being reported (a handful of rows, read once per commit)."""
    rows = conn.execute(text(
        "SELECT area, period, state, submitted_by, submitted_at, approved_by, approved_at, "
        "reopened_at FROM period_states WHERE state <> 'open' OR reopened_at <> ''")).fetchall()
    return pd.DataFrame([tuple(r) for r in rows],
                        columns=["area", "period", "state", "submitted_by", "submitted_at",
                                 "approved_by", "approved_at", "reopened_at"])


def touched(new: pd.DataFrame | None, changed: pd.DataFrame | None,
            gone: pd.DataFrame | None, fields: tuple[str, ...] = ()) -> pd.DataFrame:
    """The distinct (area, period) a commit of figures writes to, with ``review`` True where
    only a follow-up mark changes. An update that moves a figure touches where it was too."""
    parts = []
    for frame in (new, gone):
        if frame is not None and len(frame):
            parts.append(frame[["area", "period"]].assign(review=False))
    if changed is not None and len(changed):
        review = bool(fields) and set(fields) <= REVIEW_FIELDS
        parts.append(changed[["area", "period"]].assign(review=review))
        if "db_area" in changed or "db_period" in changed:
            was = pd.DataFrame({
                "area": changed.get("db_area", changed["area"]).to_numpy(object),
                "period": changed.get("db_period", changed["period"]).to_numpy(object)})
            parts.append(was.assign(review=review))
    if not parts:
        return pd.DataFrame(columns=["area", "period", "review"])
    both = pd.concat(parts, ignore_index=True)
    both = both.groupby(["area", "period"], as_index=False, sort=False)["review"].all()
    return both


def check(conn: Connection, kind: Kind, *, new=None, changed=None, gone=None,
          fields: tuple[str, ...] = (), reason: str = "") -> None:
    """Refuse a commit of figures that would touch a locked area x period, or a reported one
    without ``reason``. Nothing has been written when this raises."""
    if kind is not FIGURE:
        return
    if conn.dialect.name == "postgresql":
        # the server's trigger checks every row against the lock and the reason, inside the
        # writes themselves (no round trip more); it is told the reason, if there is one
        if reason.strip():
            conn.execute(text("SELECT set_config('ecotracker.reason', :r, true)"),
                         {"r": reason.strip()})
        return
    states = reported(conn)
    if states.empty:
        return  # the usual case: no half-year reported yet
    hit = touched(new, changed, gone, fields).merge(states, on=["area", "period"])
    if hit.empty:
        return
    locked = hit[(hit["state"] == "approved") & ~hit["review"]]
    if len(locked):
        raise locked_error([tuple(r) for r in locked[
            ["area", "period", "approved_by", "approved_at"]].itertuples(index=False)])
    if reason.strip():
        return
    need = hit[~hit["review"] & (hit["state"] != "approved")]
    if len(need):
        raise reason_needed([tuple(r) for r in need[["area", "period", "state"]]
                             .itertuples(index=False)])


def reason_needed(pairs: list[tuple]) -> ReasonNeeded:
    """The refusal of a correction of reported area x periods ``(area, period, state)``
    made without a reason."""
    return ReasonNeeded(tr(
        "{pairs} has been reported: a correction needs a reason (give one with --reason, "
        "or in the window's prompt); nothing was written", pairs=_names(pairs)), pairs)


def locked_error(pairs: list[tuple]) -> PeriodLocked:
    """The refusal for figures of approved area x periods ``(area, period, by, at)``."""
    first = pairs[0]
    more = len(pairs) - 1
    if more:
        return PeriodLocked(tr(
            "{area} / {period} was approved by {who} at {when} and is locked (and {n} more "
            "approved half-years); reopen it first: nothing was written", area=first[0],
            period=shown(first[1]), who=first[2], when=first[3], n=more), pairs)
    return PeriodLocked(tr(
        "{area} / {period} was approved by {who} at {when} and is locked; reopen it first: "
        "nothing was written", area=first[0], period=shown(first[1]), who=first[2],
        when=first[3]), pairs)


def _names(pairs: list[tuple]) -> str:
    named = ", ".join(f"{a} / {shown(p)}" for a, p, *_ in pairs[:_MAX_NAMED])
    if len(pairs) > _MAX_NAMED:
        named += " " + tr("(and {n} more)", n=len(pairs) - _MAX_NAMED)
    return named


def row_states(conn: Connection, frame: pd.DataFrame) -> pd.DataFrame:
    """For each row of ``frame`` (``area``, ``period``), its reported state, approver and
    when, or empty strings (an import's preview marks rows by this)."""
    states = reported(conn)
    if states.empty or frame.empty:
        return pd.DataFrame({c: np.full(len(frame), "", dtype=object)
                             for c in ("state", "approved_by", "approved_at")})
    got = frame[["area", "period"]].merge(states, on=["area", "period"], how="left")
    return got[["state", "approved_by", "approved_at"]].fillna("").reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# the server's own lock (PostgreSQL)

# The server checks both rules itself, row by row, so a desk with psql cannot get round the
# lock, and a PostgreSQL desk's write costs no round trip more than before: the reason comes
# as a setting of the transaction (``ecotracker.reason``), sent only with a reason. A refusal
# carries the area, period and who/when in its DETAIL, from which :func:`from_server` makes
# the same translated message as :func:`check`.
TRIGGER_SQL = (
    # one function, its lookups inline: with a second function called per row, a bulk insert
    # of 113,852 figures took 1.65x the insert without the trigger; inline 1.08x
    # (benchmarks/bench_period_lock.py --pg, 3 runs each, a shared machine)
    """
CREATE OR REPLACE FUNCTION ecotracker_period_lock() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    s record;
    a text;
    p text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- a follow-up mark alone is a reviewer's mark, allowed on an approved figure
        IF (to_jsonb(NEW) - 'followup' - 'version' - 'entered_by' - 'entered_at')
           = (to_jsonb(OLD) - 'followup' - 'version' - 'entered_by' - 'entered_at') THEN
            RETURN NEW;
        END IF;
    END IF;
    FOR i IN 1..2 LOOP
        IF i = 1 THEN  -- where the row was
            CONTINUE WHEN TG_OP = 'INSERT';
            a := OLD.area;
            p := OLD.period;
        ELSE  -- where it goes
            EXIT WHEN TG_OP = 'DELETE';
            EXIT WHEN TG_OP = 'UPDATE' AND NEW.area = OLD.area AND NEW.period = OLD.period;
            a := NEW.area;
            p := NEW.period;
        END IF;
        SELECT state, approved_by, approved_at, reopened_at INTO s FROM period_states
         WHERE area = a AND period = p;
        CONTINUE WHEN NOT FOUND;
        IF s.state = 'approved' THEN
            RAISE EXCEPTION USING ERRCODE = '""" + LOCKED_SQLSTATE + """',
                MESSAGE = a || ' / ' || p || ' was approved by ' || s.approved_by || ' at '
                          || s.approved_at || ' and is locked',
                DETAIL = a || E'\t' || p || E'\t' || s.approved_by || E'\t' || s.approved_at;
        END IF;
        IF (s.state = 'submitted' OR s.reopened_at <> '')
           AND coalesce(current_setting('ecotracker.reason', true), '') = '' THEN
            RAISE EXCEPTION USING ERRCODE = '""" + REASON_SQLSTATE + """',
                MESSAGE = a || ' / ' || p || ' has been reported: a correction needs a reason',
                DETAIL = a || E'\t' || p || E'\t' || s.state;
        END IF;
    END LOOP;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$fn$""",
    "DROP FUNCTION IF EXISTS ecotracker_period_check(text, text)",
    "DROP TRIGGER IF EXISTS figures_period_lock ON figures",
    "CREATE TRIGGER figures_period_lock BEFORE INSERT OR UPDATE OR DELETE ON figures "
    "FOR EACH ROW EXECUTE FUNCTION ecotracker_period_lock()",
)


def from_server(orig) -> EcoError | None:
    """The refusal of :data:`TRIGGER_SQL` (a driver error) as :func:`check` makes it: a
    :class:`PeriodLocked` or a :class:`ReasonNeeded`, in the program's language; None for
    any other error."""
    state = getattr(orig, "sqlstate", None)
    if state not in (LOCKED_SQLSTATE, REASON_SQLSTATE):
        return None
    diag = getattr(orig, "diag", None)
    parts = tuple(str(getattr(diag, "message_detail", "") or "").split("\t"))
    if state == LOCKED_SQLSTATE and len(parts) == 4:
        return locked_error([parts])
    if state == REASON_SQLSTATE and len(parts) == 3:
        return reason_needed([parts])
    return EcoError(str(orig).splitlines()[0])


def install_trigger(conn: Connection) -> None:
    """Install the lock trigger on a PostgreSQL database (nothing to do on SQLite, where
    :func:`check` is the lock)."""
    if conn.dialect.name != "postgresql":
        return
    for sql in TRIGGER_SQL:
        conn.exec_driver_sql(sql)


def plan_problems(conn: Connection, plan, *, file: str, sheet: str,
                  column: str) -> tuple[list, list]:
    """An import's rows that would write to a locked area x period (problems: the import
    cannot be applied) and to a reported one (warnings: a reason is asked at Apply), each
    with its sheet, row and column."""
    from .problems import Problem

    locked, reported_ = [], []
    for frame in (plan.new, plan.changed):
        if frame is None or frame.empty or "_row" not in frame:
            continue
        st = row_states(conn, frame)
        if not (st["state"] != "").any():
            continue
        for i in range(len(frame)):
            state, area, period = st.at[i, "state"], frame["area"].iat[i], frame["period"].iat[i]
            if state == "approved":
                locked.append(Problem(tr(
                    "{area} / {period} was approved by {who} at {when} and is locked; reopen "
                    "it before importing this row", area=area, period=shown(period),
                    who=st.at[i, "approved_by"], when=st.at[i, "approved_at"]),
                    file, sheet, int(frame["_row"].iat[i]), column))
            elif state:
                reported_.append(Problem(tr(
                    "{area} / {period} has been reported: a change to it needs a reason, "
                    "asked for when the import is applied", area=area, period=shown(period)),
                    file, sheet, int(frame["_row"].iat[i]), column))
    return locked, reported_
