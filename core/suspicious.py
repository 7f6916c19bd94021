"""Warnings about figures before they are written: values a person should look at twice.

A value may pass every rule and still be a slip: far from the area's own history, far from
what the other districts report for the same period (a robust median/MAD score, as DHIS2's
outlier detection has it), or a cumulative count below an earlier one. Such a value is not
refused: the dialog, the figure table and the import preview say why it looks wrong before
anything is written, and the person keeps it with one click.

The checks of the area's own history and of a cumulative count are those of
:mod:`core.coherence` (one definition, also behind the scorecard's warnings); the check
against the other districts is :func:`peer_outliers`, here.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import Connection

from . import coherence, queries
from .i18n import N_, tr
from .periods import period_ord, shown
from .rules import per_unique

PEER_MIN = 6  # districts reporting the same period before a comparison means anything
PEER_MADS = coherence.OUTLIER_MADS
PEER_MESSAGE = N_("{value} is far from what the other districts report for {period} "
                  "(median {median})")
ENTRY_CHECKS = ("outlier", "cumulative_fell")


def peer_outliers(figures: pd.DataFrame, districts: set[str], rows: np.ndarray
                  ) -> list[tuple[int, dict]]:
    """Positions among ``rows`` of ``figures`` whose value is more than :data:`PEER_MADS`
    scaled MADs (1.4826 x MAD) from the median of the districts' values of the same
    indicator and period (where more than :data:`PEER_MIN` districts report it), with the
    message's fields. Grouped once for all rows: an import of 100,000 figures is one pass."""
    is_district = figures["area"].isin(districts).to_numpy()
    d = figures[is_district]
    if d.empty or not len(rows):
        return []
    value = d["value"].to_numpy(float)
    g = pd.Series(value).groupby([d["indicator"].to_numpy(object), d["period"].to_numpy(object)])
    n = g.transform("size").to_numpy()
    med = g.transform("median").to_numpy()
    dev = np.abs(value - med)
    mad = pd.Series(dev).groupby(g.ngroup().to_numpy()).transform("median").to_numpy() * 1.4826
    far = (n > PEER_MIN) & (mad > 0) & (dev > PEER_MADS * mad)
    where = np.flatnonzero(is_district)
    wanted = np.zeros(len(figures), dtype=bool)
    wanted[rows] = True
    per = d["period"].to_numpy(object)
    return [(int(where[j]), {"value": f"{value[j]:g}", "period": shown(per[j]),
                             "median": f"{med[j]:g}"})
            for j in np.flatnonzero(far & wanted[where])]


def warnings(indicators: pd.DataFrame, areas: pd.DataFrame, existing: pd.DataFrame,
             proposed: pd.DataFrame) -> list[tuple[int, str, str]]:
    """Warnings about ``proposed`` figures (columns ``indicator, area, period, value``) set
    among the ``existing`` ones: (position in ``proposed``, check, message), in the language
    of the moment."""
    if proposed.empty:
        return []
    prop = proposed[["indicator", "area", "period", "value"]].reset_index(drop=True)
    ords, _ = per_unique(prop["period"], period_ord)
    prop = prop.assign(period_ord=ords.astype(np.int64), _pos=prop.index)
    keys = ["indicator", "area", "period"]
    have = existing[[*keys, "value", "period_ord"]] if len(existing) else prop.iloc[0:0]
    have = have.merge(prop[keys], on=keys, how="left", indicator=True)
    have = have[have["_merge"] == "left_only"].drop(columns="_merge").assign(_pos=-1)
    both = pd.concat([have, prop], ignore_index=True)
    pos = both["_pos"].to_numpy()
    found: list[tuple[int, str, str]] = []
    warned = coherence.check(indicators, both.drop(columns="_pos"))
    if len(warned):
        at = both.reset_index().merge(warned[[*keys, "check", "params"]], on=keys)
        for p, chk, params in zip(at["_pos"], at["check"], at["params"]):
            if p >= 0 and chk in ENTRY_CHECKS:
                found.append((int(p), chk, coherence.message(chk, params)))
    districts = set(areas.loc[areas["level"] != "municipality", "code"])
    for i, params in peer_outliers(both, districts, np.flatnonzero(pos >= 0)):
        found.append((int(pos[i]), "peer_outlier", tr(PEER_MESSAGE, **params)))
    return sorted(found)


def for_figure(conn: Connection, values: dict) -> list[str]:
    """Warnings about one figure (already checked by the rules) before it is written."""
    ind = values["indicator"]
    existing = queries.figures(conn, indicators=[ind])
    got = warnings(queries.indicators(conn), queries.areas(conn), existing,
                   pd.DataFrame([{k: values[k] for k in ("indicator", "area", "period",
                                                         "value")}]))
    return [m for _, _, m in got]
