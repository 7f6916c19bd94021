"""Targets relative to a baseline period ("PM2.5 down 10 % on 2020").

Such a target stores its change in percent (``relative`` = -10) and the baseline period; it
becomes a number only when the figure of that period exists for its indicator and area:
``baseline figure x (1 + relative / 100)``. Until then it is a target that cannot be judged,
and says which figure it needs (:func:`core.present.relative_words`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd



def resolve(targets: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """``targets`` with the value of each relative target worked out from its baseline
    figure, and that figure as its baseline value; ``needs`` is True where the figure is
    missing. Targets without a ``relative`` column come back as they are (``needs`` False)."""
    if "relative" not in targets or targets.empty:
        return targets.assign(needs=False)
    rel = pd.to_numeric(targets["relative"], errors="coerce").to_numpy(float)
    is_rel = ~np.isnan(rel)
    if not is_rel.any():
        return targets.assign(needs=False)
    out = targets.copy()
    base = pd.Series(np.nan, index=out.index)
    if len(figures):
        rows = out.loc[is_rel, ["indicator", "area", "baseline_period"]]
        fig = figures[["indicator", "area", "period", "value"]].rename(
            columns={"period": "baseline_period", "value": "_base"})
        got = rows.reset_index().merge(fig, on=["indicator", "area", "baseline_period"],
                                       how="left").set_index("index")["_base"]
        base.loc[got.index] = got.to_numpy(float)
    b = base.to_numpy(float)
    value = pd.to_numeric(out["value"], errors="coerce").to_numpy(float)
    out["value"] = np.where(is_rel & ~np.isnan(b), b * (1 + rel / 100.0), value)
    bv = pd.to_numeric(out["baseline_value"], errors="coerce").to_numpy(float)
    out["baseline_value"] = np.where(is_rel & ~np.isnan(b), b, bv)
    out["needs"] = is_rel & np.isnan(b)
    return out
