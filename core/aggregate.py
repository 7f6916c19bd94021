"""Up the area hierarchy, where adding up means something.

What a figure is (the indicator's ``measure``) says whether a municipality's figure can be
made from its districts' figures of the same period:

* counts and amounts over the period (``flow``) and at its end (``stock``) **add**;
* a **computed** ratio (good-air-day ratio = good days / valid days) is computed again from
  its inputs' sums, never averaged;
* averages (a concentration) and ratios typed as such **do not add**, and neither do classes.

A parent's figure made so is shown beside the one it reported, and only when every child
reports that period (a sum of some districts is not the city's figure). Published totals are
not forced to equal the sum of their rounded parts (GB/T 8170 rounds each once), so the two
disagree only beyond rounding: more than half a unit of the last kept decimal for each part
and for the total. Such a difference is a coherence warning.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import computed

ADDS = ("flow", "stock")
COLUMNS = ("from_children", "children_reporting", "children_total", "incoherent")


def children_of(areas: pd.DataFrame) -> dict[str, list[str]]:
    """Parent code -> its children's codes."""
    out: dict[str, list[str]] = {}
    for code, parent in zip(areas["code"].tolist(), areas["parent"].tolist()):
        if isinstance(parent, str) and parent:
            out.setdefault(parent, []).append(code)
    return out


def beside(rows: pd.DataFrame, indicators: pd.DataFrame, figures: pd.DataFrame,
           areas: pd.DataFrame) -> pd.DataFrame:
    """Scorecard ``rows`` (columns indicator, area, period, value, decimals) with
    :data:`COLUMNS` added: the parent's figure of its latest period made from its children,
    how many of its children report that period, and whether the two disagree beyond
    rounding."""
    rows = rows.copy()
    rows["from_children"] = np.nan
    rows["children_reporting"] = 0
    rows["children_total"] = 0
    rows["incoherent"] = False
    kids = children_of(areas)
    if not kids or figures.empty or rows.empty:
        return rows
    ind = indicators.set_index("code")
    measure = ind["measure"] if "measure" in ind else pd.Series("flow", index=ind.index)
    formula = ind["formula"].fillna("") if "formula" in ind else pd.Series("", index=ind.index)
    kind = ind["value_kind"]
    adds = set(ind.index[measure.isin(ADDS) & kind.isin(("count", "number"))
                         & (formula == "")])
    made = {c: f for c, f in formula.items() if f and set(computed.inputs(f)) <= adds}
    want = rows[rows["area"].isin(kids.keys()) & rows["period"].notna()
                & rows["indicator"].isin(adds | set(made))]
    if want.empty:
        return rows
    # the children's figures of the periods wanted, of the indicators (and inputs) wanted
    needed = set(want["indicator"]) | {i for c in want["indicator"] if c in made
                                       for i in computed.inputs(made[c])}
    child_of = {k: p for p, ks in kids.items() for k in ks}
    sub = figures[figures["indicator"].isin(needed) & figures["area"].isin(child_of.keys())]
    if sub.empty:
        return rows
    sub = sub.assign(parent=sub["area"].map(child_of))
    sums = sub.groupby(["indicator", "parent", "period"], sort=False)["value"].agg(["sum",
                                                                                    "size"])
    for pos, r in zip(want.index, want.itertuples(index=False)):
        n_kids = len(kids[r.area])
        rows.at[pos, "children_total"] = n_kids
        if r.indicator in made:
            parts = {}
            for i in computed.inputs(made[r.indicator]):
                hit = sums.index.isin([(i, r.area, r.period)])
                if hit.any() and int(sums.loc[(i, r.area, r.period), "size"]) == n_kids:
                    parts[i] = float(sums.loc[(i, r.area, r.period), "sum"])
            frame = pd.DataFrame({"indicator": list(parts), "area": r.area, "period": r.period,
                                  "value": list(parts.values())})
            got = computed.evaluate(made[r.indicator], frame) if parts else pd.Series(dtype=float)
            value = float(got.iloc[0]) if len(got) else np.nan
            reporting = n_kids if parts else 0
        else:
            key = (r.indicator, r.area, r.period)
            if key not in sums.index:
                continue
            reporting = int(sums.loc[key, "size"])
            value = float(sums.loc[key, "sum"]) if reporting == n_kids else np.nan
        rows.at[pos, "children_reporting"] = reporting
        rows.at[pos, "from_children"] = value
        if not np.isnan(value) and pd.notna(r.value):
            slack = 0.5 * 10.0 ** -int(r.decimals) * (n_kids + 1)
            rows.at[pos, "incoherent"] = abs(float(r.value) - value) > slack
    return rows
