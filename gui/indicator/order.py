"""The order in which screens of one indicator list its figures and targets."""
from __future__ import annotations

import numpy as np
import pandas as pd


def in_area_order(frame: pd.DataFrame, rank: dict[str, int]) -> pd.DataFrame:
    """``frame`` (figures or targets of one indicator) ordered by area, as the areas are
    ordered, then by period; untouched when it already is (as the database reads it)."""
    if len(frame):
        big = len(rank)
        ranks = np.array([rank.get(a, big) for a in frame["area"].tolist()])
        order = np.lexsort((frame["period_ord"].to_numpy(), ranks))
        if (order != np.arange(len(order))).any():
            frame = frame.iloc[order]
    return frame.reset_index(drop=True)
