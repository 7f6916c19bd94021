"""The scorecard computation as a plain job for :func:`gui.workers.start` (no Qt here).

A full job reads every figure and target and runs :func:`core.status.scorecard`; after an edit
the job for one indicator reads only that indicator's rows, so the window recomputes what the
edit can have changed and nothing else.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from core import queries, status
from core.store import Store


@dataclass(frozen=True)
class ScorecardResult:
    frame: pd.DataFrame  # core.status.scorecard output
    indicator: str | None  # None: the whole scorecard; else only this indicator's rows
    n_figures: int
    n_targets: int


def compute(store: Store, indicator: str | None = None, *,
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> ScorecardResult | None:
    """Scorecard of the whole database, or of one indicator; None if cancelled."""
    only = [indicator] if indicator else None
    if progress:
        progress(0, 3)
    with store.read() as conn:
        ind = queries.indicators(conn)
        figs = queries.figures(conn, indicators=only)
        if cancelled and cancelled():
            return None
        if progress:
            progress(1, 3)
        tgs = queries.targets(conn, indicators=only)
    if indicator:
        ind = ind[ind["code"] == indicator]
    if cancelled and cancelled():
        return None
    if progress:
        progress(2, 3)
    frame = status.scorecard(ind, figs, tgs)
    if progress:
        progress(3, 3)
    return ScorecardResult(frame, indicator, len(figs), len(tgs))
