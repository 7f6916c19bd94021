"""Small hand-made frames for status tests (no database)."""
from __future__ import annotations

import pandas as pd

from core.periods import period_ord

IND_DEFAULTS = dict(category="air", name_zh="指标", name_en="Indicator", unit="", value_kind="number",
                    direction="higher", band_low=None, band_high=None, cumulative=False,
                    vmin=None, vmax=None, period_type="year", decimals=1, tolerance=0.0,
                    definition_en="", definition_zh="", version=1, category_sort=1)


def indicators(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame([{**IND_DEFAULTS, **r} for r in rows])


def figures(*rows: tuple) -> pd.DataFrame:
    """rows of (indicator, area, period, value[, qualifier])."""
    recs = []
    for i, r in enumerate(rows, start=1):
        ind, area, per, val = r[:4]
        recs.append(dict(id=i, indicator=ind, area=area, period=per, period_ord=period_ord(per),
                         value=float(val), qualifier=r[4] if len(r) > 4 else "", status="final",
                         derived=False, derivation="", note="", source=None, source_ref="",
                         entered_by="t", entered_at="", version=1))
    cols = ["id", "indicator", "area", "period", "period_ord", "value", "qualifier", "status",
            "derived", "derivation", "note", "source", "source_ref", "entered_by",
            "entered_at", "version"]
    return pd.DataFrame(recs, columns=cols)


def targets(*rows: dict) -> pd.DataFrame:
    base = dict(value_high=None, kind="municipal_plan", baseline_period=None,
                baseline_value=None, derived=False, derivation="", note="", source=None,
                source_ref="", entered_by="t", entered_at="", version=1)
    recs = [{**base, **r, "period_ord": period_ord(r["period"])} for r in rows]
    cols = ["indicator", "area", "period", "period_ord", "comparator", "value", "value_high",
            "kind", "baseline_period", "baseline_value", "derived", "derivation", "note",
            "source", "source_ref", "entered_by", "entered_at", "version"]
    return pd.DataFrame(recs, columns=cols)
