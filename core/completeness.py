"""How far each area is with one period: figures expected, entered, provisional, needing
follow-up, and the period's state (:mod:`core.approval`).

An area is expected to report, for a period, the indicators it reported in earlier periods
of the same type (a half-year's figures are expected where last half-years had them). The
period view of the window and the Periods sheet of the meeting workbook show this table.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from . import approval, queries
from .periods import parse_period, period_ord

COLUMNS = ["area", "expected", "entered", "missing", "provisional", "followup", "state",
           "submitted_by", "submitted_at", "approved_by", "approved_at", "reopened_by",
           "reopened_at", "reason"]


def table(figs: pd.DataFrame, areas: pd.DataFrame, st: pd.DataFrame,
          period: str) -> pd.DataFrame:
    """The table from frames already read: ``figs`` (figures, any periods), ``areas`` (in
    their order), ``st`` (stored states of ``period``). One row per area that has figures
    expected or entered, or a state, in the areas' order."""
    p = parse_period(period)
    kinds = figs["period"].map(_kind) if len(figs) else pd.Series(dtype=object)
    earlier = (kinds == p.kind) & (figs["period_ord"] < period_ord(p.code))
    same = figs[earlier] if len(figs) else figs
    now = figs[figs["period"] == p.code] if len(figs) else figs
    expected = same.groupby("area")["indicator"].nunique()
    got = now.groupby("area").agg(entered=("indicator", "nunique"),
                                  provisional=("status", lambda s: int((s == "provisional")
                                                                       .sum())),
                                  followup=("followup", lambda s: int(s.astype(bool).sum())))
    before = set(zip(same["area"], same["indicator"]))
    missing = {}
    for area in expected.index:
        have = set(now.loc[now["area"] == area, "indicator"])
        missing[area] = len({i for a, i in before if a == area} - have)
    stated = st.set_index("area") if len(st) else pd.DataFrame()
    rows = []
    for area in areas["code"]:
        if area not in expected.index and area not in got.index and area not in stated.index:
            continue
        s = stated.loc[area].to_dict() if area in stated.index else {}
        rows.append({
            "area": area, "expected": int(expected.get(area, 0)),
            "entered": int(got["entered"].get(area, 0)) if len(got) else 0,
            "missing": int(missing.get(area, 0)),
            "provisional": int(got["provisional"].get(area, 0)) if len(got) else 0,
            "followup": int(got["followup"].get(area, 0)) if len(got) else 0,
            "state": s.get("state", "open"),
            **{c: s.get(c, "") for c in COLUMNS[7:]}})
    return pd.DataFrame(rows, columns=COLUMNS)


def _kind(code: str) -> str | None:
    try:
        return parse_period(code).kind
    except ValueError:
        return None


def read(conn: Connection, period: str) -> pd.DataFrame:
    """:func:`table` read from the database."""
    p = parse_period(period)
    figs = queries.figures(conn, period_to=period_ord(p.code))
    return table(figs, queries.areas(conn), approval.states(conn, p.code), p.code)


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
