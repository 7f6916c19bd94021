"""Helpers for the Excel tests: exports, edited copies and database snapshots."""
from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import func, select

from core import queries, schema


def snapshot(store) -> tuple[pd.DataFrame, int]:
    """Every figure and the change-log length: compare before and after a refused import."""
    with store.read() as conn:
        figs = queries.figures(conn).drop(columns=["entered_at"])
        n = conn.execute(select(func.count()).select_from(schema.changelog)).scalar_one()
    return figs, n


def assert_unchanged(store, before) -> None:
    figs, n = snapshot(store)
    pd.testing.assert_frame_equal(figs, before[0])
    assert n == before[1]


@pytest.fixture
def exported(store, tmp_path):
    """An English export of the seeded store."""
    from core.excel.export import export_workbook

    path = tmp_path / "meeting.xlsx"
    export_workbook(store, path)
    return path


def data_rows(path, sheet="Data"):
    """The Data sheet as a list of dicts keyed by heading (openpyxl)."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def find_row(path, indicator, period=None, sheet="Data") -> int:
    """Excel row number of the first Data row of ``indicator`` (and ``period``)."""
    for i, r in enumerate(data_rows(path, sheet), start=2):
        if r["Indicator code"] == indicator and (period is None or r["Period"] == period):
            return i
    raise AssertionError(f"{indicator} {period} not in {path}")
