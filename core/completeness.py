"""How far each area is with one period: figures expected, entered, provisional, needing
follow-up, and the period's state (:mod:`core.approval`).

An area is expected to report, for a period, the indicators it reported in earlier periods
of the same type (a half-year's figures are expected where last half-years had them). The
period view of the window and the Periods sheet of the meeting workbook show this table.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, text

from . import approval, queries
from .periods import parse_period, period_ord

COLUMNS = ["area", "expected", "entered", "missing", "provisional", "followup", "state",
           "submitted_by", "submitted_at", "approved_by", "approved_at", "reopened_by",
           "reopened_at", "reason"]


# The period codes of each type, as SQL patterns (core.periods' codes: 2024, 2024H1,
# 2024Q1, 2024-01), so the counts are the database's work, not a read of every figure
_PATTERNS = {"year": "____", "half": "____H_", "quarter": "____Q_", "month": "____-__"}


def read(conn: Connection, period: str) -> pd.DataFrame:
    """One row per area that has figures expected or entered for ``period``, or a state,
    in the areas' order (three aggregate queries; a few rows come back)."""
    p = parse_period(period)
    args = {"p": p.code, "o": period_ord(p.code), "pat": _PATTERNS[p.kind]}
    earlier = ("SELECT DISTINCT area, indicator FROM figures "
               "WHERE period_ord < :o AND period LIKE :pat")
    expected = dict(conn.execute(text(
        f"SELECT area, COUNT(*) FROM ({earlier}) e GROUP BY area"), args).fetchall())
    missing = dict(conn.execute(text(
        f"SELECT e.area, COUNT(*) FROM ({earlier}) e LEFT JOIN figures f ON "
        "f.area = e.area AND f.indicator = e.indicator AND f.period = :p "
        "WHERE f.id IS NULL GROUP BY e.area"), args).fetchall())
    now = {r[0]: r[1:] for r in conn.execute(text(
        "SELECT area, COUNT(*), SUM(CASE WHEN status = 'provisional' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN followup THEN 1 ELSE 0 END) FROM figures WHERE period = :p "
        "GROUP BY area"), args).fetchall()}
    st = approval.states(conn, p.code)
    stated = {r["area"]: r for r in st.to_dict("records")}
    rows = []
    for area in queries.areas(conn)["code"]:
        if area not in expected and area not in now and area not in stated:
            continue
        s = stated.get(area, {})
        entered, provisional, followup = now.get(area, (0, 0, 0))
        rows.append({
            "area": area, "expected": int(expected.get(area, 0)), "entered": int(entered),
            "missing": int(missing.get(area, 0)), "provisional": int(provisional or 0),
            "followup": int(followup or 0), "state": s.get("state", "open"),
            **{c: s.get(c, "") for c in COLUMNS[7:]}})
    return pd.DataFrame(rows, columns=COLUMNS)


def periods(conn: Connection) -> list[str]:
    """Every period that has figures or a state, newest first (what the view offers)."""
    got = {r[0]: r[1] for r in conn.exec_driver_sql(
        "SELECT DISTINCT period, period_ord FROM figures")}
    for code in approval.states(conn)["period"]:
        got.setdefault(code, period_ord(code))
    return sorted(got, key=lambda c: -got[c])


def not_approved(conn: Connection) -> set[tuple[str, str]]:
    """The (area, period) pairs that have figures and are not approved: what the scorecard
    and the meeting workbook mark."""
    rows = conn.exec_driver_sql(
        "SELECT DISTINCT f.area, f.period FROM figures f LEFT JOIN period_states s "
        "ON s.area = f.area AND s.period = f.period "
        "WHERE s.state IS NULL OR s.state <> 'approved'")
    return {(r[0], r[1]) for r in rows}


def followed_up(conn: Connection) -> set[tuple[str, str]]:
    """The (indicator, area) pairs with a figure marked for follow-up (the scorecard's
    "needs follow-up" filter)."""
    rows = conn.exec_driver_sql("SELECT DISTINCT indicator, area FROM figures WHERE followup")
    return {(r[0], r[1]) for r in rows}


def review_marks(store, *, progress=None, cancelled=None) -> dict:
    """What the scorecard marks, read at once (runs in a worker): figures needing follow-up
    and area x periods not approved."""
    with store.read() as conn:
        return {"followup": followed_up(conn), "pending": not_approved(conn)}
