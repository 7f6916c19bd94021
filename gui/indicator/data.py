"""One indicator's figures, read fast enough for a 50 ms selection.

:func:`core.queries.figures` returns exactly this frame, but builds SQLAlchemy rows and then a
DataFrame from them: for the ~2,300 figures of one indicator on the bureau-scale database that
costs ~40 ms of CPU, most of the budget. The same columns read through the driver's cursor (as
``gui/scorecard/job.py`` does) cost ~18 ms, nearly all of it SQLite fetching rows by index.
``tests/gui/test_indicator_view.py`` checks that both give the same frame on SQLite and
PostgreSQL. This belongs in ``core.queries`` (a faster ``_frame``); reported to its owner.
"""
from __future__ import annotations

import pandas as pd

from core import schema
from core.store import Store

COLUMNS = [c.name for c in schema.figures.columns]


def figures(store: Store, code: str) -> pd.DataFrame:
    """Figures of indicator ``code`` as :func:`core.queries.figures` gives them (same
    columns and values; rows in the index's order rather than sorted)."""
    mark = "?" if store.backend == "sqlite" else "%s"
    sql = f"SELECT {', '.join(COLUMNS)} FROM figures WHERE indicator = {mark}"
    with store.read() as conn:
        cursor = conn.connection.driver_connection.cursor()
        try:
            cursor.execute(sql, (code,))
            rows = cursor.fetchall()
        finally:
            cursor.close()
    df = pd.DataFrame.from_records(rows, columns=COLUMNS)
    df["derived"] = df["derived"].astype(bool)
    return df  # in index order; the figure model sorts by area order and period
