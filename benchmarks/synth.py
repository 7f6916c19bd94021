"""A realistic synthetic data set at bureau scale, for benchmarks.

Default size: 300 indicators x the 39 real areas of ``seeds/areas.csv`` x 60 monthly periods
(2021-01 .. 2025-12), about 690,000 figures, plus about 8,500 targets. Deterministic for a
given seed.

What is in it, so that every code path has something to do:

* indicators across the seed categories with a mix of value kinds and directions:
  concentrations (number, lower is better, winter peaks), shares near 100 % (percent 0-100,
  higher), shares near 0 (percent, lower), good-air days (count of days, higher) and
  severe-pollution days (count, lower, many zeros), monthly counts of cases and projects,
  cumulative counts (cells built, stations), volumes, a few water-quality classes I..VI
  (ordinal, lower is better) and a few band indicators (pH 6-9);
* values as random walks with a per-series trend (mostly the good way, about 15 % the bad way)
  and noise; some gaps, some series that start late, a few series missing altogether;
* a few incoherent figures for :mod:`core.coherence` to find: outliers (a value 6-10x its
  series), cumulative counts that fall, good-air days more than the days in the month;
* targets for about two thirds of indicator x area pairs (and for every pair with no figures,
  so "no data" occurs), deadlines 2025, 2026 and 2030, half with an explicit 2020 baseline,
  kinds national assessment / municipal plan / standard, comparators ``>=``, ``<=``,
  ``between`` and ``=``; target ambitions are drawn so that every period status
  (met, close, missed, no data, no target) and every course status (achieved, on track,
  needs acceleration, limited progress, deterioration, no data, no target) occurs.

Use::

    from synth import make_frames, build_database, ensure_database   # from benchmarks/
    frames = make_frames()                     # dict of DataFrames, nothing written
    store = build_database("/tmp/x.sqlite")    # fresh database loaded through core
    path = ensure_database("/tmp/x.sqlite")    # build once, reuse while parameters match

or from a shell::

    python benchmarks/synth.py --db /tmp/ecotracker-synth.sqlite

The frames have the columns of :mod:`core.queries` (without ids and bookkeeping), so
``core.status.scorecard(frames["indicators"], frames["figures"], frames["targets"])`` works
on them directly. ``build_database`` loads them through core's own paths: reference rows as
:func:`core.seed.load_reference` writes them, indicators and targets validated by
:mod:`core.validate` and inserted in bulk with their change-log rows, figures through
:func:`core.loader.plan_figures` and :func:`core.loader.apply_plan`, all in one transaction.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from sqlalchemy import select  # noqa: E402

from core import entities, rules, schema, validate, write  # noqa: E402
from core.loader import apply_plan, plan_figures  # noqa: E402
from core.periods import parse_period, period_ord  # noqa: E402
from core.problems import InputError, Problem  # noqa: E402
from core.seed import read as read_seed, seed_dir  # noqa: E402
from core.store import Store  # noqa: E402
from core.values import CLASS_NAMES  # noqa: E402

GENERATOR_VERSION = 1
"""Bump when the generated data change, so cached databases are rebuilt."""
DEFAULTS = dict(n_indicators=300, n_areas=39, n_periods=60, seed=1)
FIRST_MONTH = "2021-01"
SOURCE_ID = "synth"
USER = "synth"
WHY = "synthetic benchmark data set"
ORIGIN = "benchmarks/synth.py"
STAMP_KEY = "synth_params"

# archetype: value_kind, direction, unit, cumulative, vmin, vmax, decimals, categories
ARCHETYPES = {
    "share_hi": ("percent", "higher", "%", False, 0.0, 100.0, 1, None),
    "conc": ("number", "lower", "µg/m³", False, 0.0, None, 1, ("air", "water", "soil")),
    "class": ("class", "lower", "class", False, None, None, 0, ("water",)),
    "cum": ("count", "higher", "cells", True, 0.0, None, 0,
            ("solid_waste", "vehicles_transport", "ecology", "enforcement_governance", "water")),
    "band": ("number", "band", "pH", False, 0.0, 14.0, 2, ("water", "air")),
    "days_good": ("count", "higher", "days", False, 0.0, None, 0, ("air",)),
    "days_bad": ("count", "lower", "days", False, 0.0, None, 0, ("air",)),
    "flow_hi": ("count", "higher", "cases", False, 0.0, None, 0,
                ("enforcement_governance", "approvals_services", "inspection", "solid_waste",
                 "vehicles_transport", "climate_carbon", "soil")),
    "flow_lo": ("count", "lower", "complaints", False, 0.0, None, 0,
                ("inspection", "enforcement_governance")),
    "share_lo": ("percent", "lower", "%", False, 0.0, 100.0, 1, ("water", "air", "soil")),
    "volume": ("number", "higher", "t", False, 0.0, None, 2,
               ("climate_carbon", "solid_waste", "soil", "ecology", "approvals_services")),
}
# The first indicators take one archetype each (so tiny data sets still cover them all);
# the rest are drawn with these weights.
WEIGHTS = {"share_hi": 0.20, "conc": 0.14, "class": 0.02, "cum": 0.10, "band": 0.02,
           "days_good": 0.04, "days_bad": 0.04, "flow_hi": 0.22, "flow_lo": 0.06,
           "share_lo": 0.06, "volume": 0.10}
NAMES = {
    "share_hi": ("Share of {x} meeting the standard", "{x}达标比例"),
    "conc": ("Average concentration of {x}", "{x}平均浓度"),
    "class": ("Water quality class of {x}", "{x}水质类别"),
    "cum": ("{x} built (cumulative)", "累计建成{x}"),
    "band": ("pH of {x}", "{x}pH值"),
    "days_good": ("Days of good air quality in {x}", "{x}优良天数"),
    "days_bad": ("Days of heavy pollution in {x}", "{x}重污染天数"),
    "flow_hi": ("{x} handled", "{x}办理数"),
    "flow_lo": ("{x} received", "{x}受理数"),
    "share_lo": ("Share of {x} worse than standard", "{x}超标比例"),
    "volume": ("Volume of {x}", "{x}量"),
}


def _reference_frames(n_areas: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    d = seed_dir()
    cats = read_seed(d, "categories.csv")
    cats["sort"] = cats["sort"].astype(int)
    areas = read_seed(d, "areas.csv")
    areas["sort"] = areas["sort"].astype(int)
    areas = areas.sort_values("sort", kind="stable")
    if n_areas > len(areas):
        raise ValueError(f"at most {len(areas)} areas (seeds/areas.csv)")
    areas = areas.iloc[:n_areas].reset_index(drop=True)
    areas["parent"] = areas["parent"].replace("", None)
    sources = pd.DataFrame([{
        "id": SOURCE_ID, "publisher": "EcoTracker benchmarks",
        "title": "Synthetic bureau-scale data set", "date": "",
        "note": "Generated by benchmarks/synth.py; not real data."}])
    return cats, areas, sources


def _indicators(rng, n: int, cats: pd.DataFrame) -> pd.DataFrame:
    names = list(WEIGHTS)
    first = list(ARCHETYPES)[:n]
    p = np.array([WEIGHTS[k] for k in names])
    rest = list(rng.choice(names, size=max(0, n - len(first)), p=p / p.sum()))
    cat_codes = cats["code"].tolist()
    cat_sort = dict(zip(cats["code"], cats["sort"]))
    rows = []
    for i, arch in enumerate(first + rest, start=1):
        kind, direction, unit, cum, vmin, vmax, dec, allowed = ARCHETYPES[arch]
        allowed = [c for c in (allowed or cat_codes) if c in cat_sort] or cat_codes
        cat = allowed[int(rng.integers(len(allowed)))]
        prefix = cat.split("_")[0].upper()[:6]
        en, zh = NAMES[arch]
        row = {
            "code": f"SYN.{prefix}.{arch.upper()}_{i:03d}", "category": cat,
            "name_en": en.format(x=f"series {i}"), "name_zh": zh.format(x=f"合成{i}号"),
            "unit": unit, "value_kind": kind, "direction": direction,
            "band_low": 6.0 if arch == "band" else None,
            "band_high": 9.0 if arch == "band" else None,
            "cumulative": cum, "vmin": vmin, "vmax": vmax, "period_type": "month",
            "decimals": dec, "tolerance": 0.0,
            "definition_en": f"Synthetic indicator {i} ({arch}).",
            "definition_zh": f"合成指标{i}（{arch}）。", "version": 1,
            # what a figure is (schema 7), as core.validate.default_measure makes it
            "measure": "stock" if cum else ("ratio" if kind == "percent" else "flow"),
            "formula": "",
            "category_sort": int(cat_sort[cat]), "synth_arch": arch,
            # typical level of the series, drawn per indicator
            "synth_level": float(_level(rng, arch)),
        }
        row["tolerance"] = _tolerance(arch, row["synth_level"])
        rows.append(row)
    return pd.DataFrame(rows)


def _level(rng, arch: str) -> float:
    lo, hi = {"share_hi": (70, 99.5), "conc": (15, 80), "class": (2, 5), "cum": (1, 40),
              "band": (6.5, 8.5), "days_good": (0.05, 0.4), "days_bad": (0.2, 3),
              "flow_hi": (5, 300), "flow_lo": (5, 200), "share_lo": (1, 20),
              "volume": (1, 5000)}[arch]
    if arch in ("flow_hi", "flow_lo", "volume", "cum"):
        return float(np.exp(rng.uniform(np.log(lo), np.log(hi))))
    return float(rng.uniform(lo, hi))


def _tolerance(arch: str, level: float) -> float:
    if arch in ("share_hi", "share_lo"):
        return 1.0
    if arch in ("days_good", "days_bad"):
        return 1.0
    if arch == "class":
        return 0.0
    if arch == "band":
        return 0.2
    if arch == "cum":
        return float(max(1, round(level * 3)))
    return float(round(max(0.1, 0.03 * level), 1 if level < 100 else 0))


def _series(rng, arch: str, level: float, n_areas: int, months: np.ndarray,
            days: np.ndarray, good_way: np.ndarray) -> np.ndarray:
    """Values (areas x periods) for one indicator; ``good_way`` is +1/-1 per area."""
    A, T = n_areas, len(months)
    t = np.arange(T) / 12.0
    g = rng.uniform(0.02, 0.12, size=(A, 1)) * good_way[:, None]  # annual rate, good way > 0
    walk = np.cumsum(rng.normal(0, rng.uniform(0.005, 0.02), size=(A, T)), axis=1)
    noise = rng.normal(0, 1, size=(A, T)) * rng.uniform(0.01, 0.06, size=(A, 1))
    spread = np.exp(rng.normal(0, 0.3, size=(A, 1)))
    drift = g * t + walk + noise  # positive = better
    if arch == "share_hi":
        short0 = np.clip((100 - level) * spread, 0.2, 60)
        v = 100 - short0 * np.exp(-drift)
        return np.clip(np.round(v, 1), 0, 100)
    if arch == "share_lo":
        v = level * spread * np.exp(-drift)
        return np.clip(np.round(v, 1), 0, 100)
    if arch == "conc":
        season = 0.25 * np.cos(2 * np.pi * (months - 1) / 12.0)
        return np.round(level * spread * np.exp(-drift + season), 1)
    if arch == "days_good":
        bad = np.clip(level * spread * np.exp(-drift), 0.0, 0.9)
        return np.round(days * (1 - bad))
    if arch == "days_bad":
        lam = level * spread * np.exp(-3 * drift) * days / 30.4
        return rng.poisson(lam).astype(float)
    if arch in ("flow_hi", "flow_lo"):
        sign = 1 if arch == "flow_hi" else -1
        return rng.poisson(level * spread * np.exp(sign * drift)).astype(float)
    if arch == "volume":
        return np.round(level * spread * np.exp(drift), 2)
    if arch == "cum":
        rate = level * spread * np.exp(0.5 * drift)
        start = np.round(rng.uniform(0, 200, size=(A, 1)) * level)
        return start + np.cumsum(rng.poisson(rate), axis=1).astype(float)
    if arch == "class":
        r0 = rng.integers(2, 6, size=(A, 1))
        steps = np.floor(g * t * 8 + rng.normal(0, 0.15, size=(A, T)))
        return np.clip(r0 - steps, 1, 6).astype(float)
    if arch == "band":
        centre = level + rng.normal(0, 0.5, size=(A, 1))
        v = centre - 0.4 * drift * np.sign(centre - 7.5) + rng.normal(0, 0.15, size=(A, T))
        return np.clip(np.round(v, 2), 0, 14)
    raise ValueError(arch)


def make_frames(n_indicators: int = 300, n_areas: int = 39, n_periods: int = 60,
                seed: int = 1) -> dict[str, pd.DataFrame]:
    """Generate the data set in memory.

    Returns
    -------
    dict of DataFrame
        ``categories``, ``areas``, ``sources`` (reference rows), ``indicators`` (columns of
        :func:`core.queries.indicators`, plus ``synth_arch`` and ``synth_level``), ``figures``
        (indicator, area, period, period_ord, value as a float, class ranks for class
        indicators, qualifier, status, source, source_ref, note) and ``targets`` (columns of
        :func:`core.queries.targets` without id and bookkeeping).
    """
    rng = np.random.default_rng(seed)
    cats, areas, sources = _reference_frames(n_areas)
    ind = _indicators(rng, n_indicators, cats)
    periods = pd.period_range(FIRST_MONTH, periods=n_periods, freq="M")
    codes = np.array(periods.strftime("%Y-%m"), dtype=object)
    months = np.asarray(periods.month)
    days = np.asarray(periods.days_in_month, dtype=float)
    ords = np.array([period_ord(c) for c in codes], dtype=np.int64)
    A, T = n_areas, n_periods
    area_codes = areas["code"].to_numpy(object)

    parts = {k: [] for k in ("ind", "area", "per", "value")}
    tparts = []
    for i, r in enumerate(ind.itertuples(index=False)):
        arch = r.synth_arch
        good_way = np.where(rng.random(A) < 0.85, 1.0, -1.0)
        v = _series(rng, arch, r.synth_level, A, months, days, good_way)
        present = np.ones((A, T), dtype=bool)
        present &= rng.random((A, T)) >= 0.01  # scattered gaps
        late = rng.random(A) < 0.03  # reporting began 1-2 years late
        present &= ~(late[:, None] & (np.arange(T)[None, :] < rng.integers(12, 25, size=(A, 1))))
        missing = rng.random(A) < 0.008  # a district that never reported this indicator
        missing[0] = False
        present[missing] = False
        v = _incoherent(rng, arch, v, days, present)
        a_idx, p_idx = np.nonzero(present)
        parts["ind"].append(np.full(len(a_idx), i, dtype=np.int32))
        parts["area"].append(a_idx.astype(np.int32))
        parts["per"].append(p_idx.astype(np.int32))
        parts["value"].append(v[a_idx, p_idx])
        tparts.append(_targets_for(rng, r, v, present, missing, codes, area_codes))

    ii = np.concatenate(parts["ind"])
    ai = np.concatenate(parts["area"])
    pi = np.concatenate(parts["per"])
    n = len(ii)
    u = rng.random(n)
    qualifier = np.where(u < 0.002, "about", np.where(u < 0.003, "more_than", ""))
    status = np.where(pi >= T - 2, "provisional", "final")
    note = np.where(rng.random(n) < 0.005, "revised after review", "")
    ind_codes = ind["code"].to_numpy(object)
    cat_of = ind["category"].to_numpy(object)
    figures = pd.DataFrame({
        "indicator": ind_codes[ii], "area": area_codes[ai], "period": codes[pi],
        "period_ord": ords[pi], "value": np.concatenate(parts["value"]).astype(float),
        "qualifier": qualifier.astype(object), "status": status.astype(object),
        "source": SOURCE_ID, "source_ref": "table " + pd.Series(cat_of[ii]).to_numpy(object),
        "note": note.astype(object),
    })
    targets = pd.concat(tparts, ignore_index=True)
    targets["period_ord"] = targets["period"].map(period_ord).astype(np.int64)
    targets = targets[["indicator", "area", "period", "period_ord", "comparator", "value",
                       "value_high", "kind", "baseline_period", "baseline_value", "derived",
                       "derivation", "note", "source", "source_ref"]]
    return {"categories": cats, "areas": areas, "sources": sources, "indicators": ind,
            "figures": figures, "targets": targets}


def _incoherent(rng, arch, v, days, present):
    """A few figures that :mod:`core.coherence` should flag (values stay valid)."""
    v = v.copy()
    A, T = v.shape
    if arch in ("conc", "flow_hi", "flow_lo", "volume"):
        hit = present & (rng.random((A, T)) < 0.0004)
        v[hit] = np.round(v[hit] * rng.uniform(6, 10, size=hit.sum()) + 10, 0)
    elif arch == "cum":
        rows = np.flatnonzero(rng.random(A) < 0.03)
        for a in rows:
            j = int(rng.integers(1, T)) if T > 1 else 0
            if j and present[a, j] and present[a, j - 1]:
                v[a, j] = np.floor(v[a, j - 1] * 0.7)
    elif arch == "days_good":
        hit = present & (rng.random((A, T)) < 0.001)
        v[hit] = (np.broadcast_to(days, (A, T)) + 1)[hit]
    return v


def _period_end(codes) -> np.ndarray:
    ends = {c: np.datetime64(parse_period(c).end) for c in pd.unique(pd.Series(codes))}
    return np.array([ends[c] for c in codes], dtype="datetime64[D]")


def _targets_for(rng, r, v, present, missing, codes, area_codes) -> pd.DataFrame:
    """Targets of one indicator: ambitions drawn relative to each series' own movement."""
    arch, direction = r.synth_arch, r.direction
    A, T = v.shape
    has = present.any(axis=1)
    want = (has & (rng.random(A) < 0.65)) | missing
    idx = np.flatnonzero(want)
    if not len(idx):
        return pd.DataFrame()
    first = np.array([v[a, np.flatnonzero(present[a])[0]] if has[a] else np.nan for a in idx])
    last_j = np.array([np.flatnonzero(present[a])[-1] if has[a] else T - 1 for a in idx])
    last = np.array([v[a, j] if has[a] else np.nan for a, j in zip(idx, last_j)])
    first_j = np.array([np.flatnonzero(present[a])[0] if has[a] else 0 for a in idx])
    m = len(idx)
    deadline = rng.choice(np.array(["2025", "2026", "2030"], dtype=object), size=m,
                          p=[0.4, 0.25, 0.35])
    explicit = rng.random(m) < 0.5
    base_end = np.where(explicit, np.datetime64("2020-12-31"), _period_end(codes[first_j]))
    yo = (_period_end(codes[last_j]) - base_end).astype(float) / 365.25
    yr = (_period_end(deadline) - base_end).astype(float) / 365.25
    # wanted ratio of observed to required growth: met/achieved, close, needs acceleration,
    # limited progress (deterioration comes from series that moved the wrong way)
    band_pick = rng.choice(4, size=m, p=[0.3, 0.15, 0.3, 0.25])
    ratio = np.choose(band_pick, [rng.uniform(1.3, 3.0, m), rng.uniform(0.96, 1.04, m),
                                  rng.uniform(0.65, 0.9, m), rng.uniform(0.2, 0.5, m)])
    x = _target_value(arch, direction, first, last, yo, yr, ratio, r.vmax)
    x = np.where(np.isnan(x), _fallback(arch, r.synth_level), x)
    comparator = np.full(m, {"higher": ">=", "lower": "<=", "band": "between"}[direction],
                         dtype=object)
    high = np.full(m, np.nan)
    if arch == "band":
        tight = rng.random(m) < 0.5
        x = np.where(tight, 6.5, 6.0)
        high = np.where(tight, 8.5, 9.0)
    if arch == "share_hi":
        eq = rng.random(m) < 0.05
        comparator[eq], x[eq] = "=", 100.0
    x = _quantise(arch, x, r.decimals)
    kind = rng.choice(np.array(["national_assessment", "municipal_plan", "standard"],
                               dtype=object), size=m, p=[0.3, 0.5, 0.2])
    bval = np.where(explicit & ~np.isnan(first), first, np.nan)
    bper = np.where(~np.isnan(bval), "2020", None)
    out = pd.DataFrame({
        "indicator": r.code, "area": area_codes[idx], "period": deadline,
        "comparator": comparator, "value": x, "value_high": high, "kind": kind,
        "baseline_period": bper, "baseline_value": bval})
    # some pairs also carry a longer-range, more ambitious plan target for 2030
    extra = (deadline != "2030") & (rng.random(m) < 0.1) & (arch != "band")
    if extra.any():
        x2 = _target_value(arch, direction, first, last, yo, yr * 2, ratio * 0.7, r.vmax)
        x2 = _quantise(arch, np.where(np.isnan(x2), x, x2), r.decimals)
        more = out[extra].assign(period="2030", kind="municipal_plan", value=x2[extra],
                                 comparator=np.where(comparator[extra] == "=", ">=",
                                                     comparator[extra]))
        out = pd.concat([out, more], ignore_index=True)
    out["value_high"] = out["value_high"].astype(float)
    return out.assign(derived=False, derivation="", note="", source=SOURCE_ID,
                      source_ref="synthetic plan")


def _target_value(arch, direction, b, c, yo, yr, ratio, vmax):
    """A target that a series moving from ``b`` to ``c`` in ``yo`` years reaches in ``yr``
    years at ``1 / ratio`` of its pace, in the good direction of the indicator."""
    good = 1.0 if direction == "higher" else -1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        if arch == "share_hi":  # work on the shortfall to 100
            zb, zc = np.log(np.maximum(100 - b, 0.05)), np.log(np.maximum(100 - c, 0.05))
            move = np.abs(zc - zb)
            move = np.where(move < 1e-9, 0.1, move)
            return 100 - np.exp(zb - move * yr / yo / ratio)
        if arch in ("class", "days_bad", "band"):
            move = np.abs(c - b)
            move = np.where(move < 1e-9, 1.0, move)
            return b + good * move * yr / yo / ratio
        zb, zc = np.log(np.maximum(b, 0.5)), np.log(np.maximum(c, 0.5))
        move = np.abs(zc - zb)
        move = np.where(move < 1e-9, 0.05, move)
        return np.exp(zb + good * move * yr / yo / ratio)


def _fallback(arch, level):
    return {"share_hi": 95.0, "share_lo": 5.0, "class": 3.0, "band": 6.0,
            "days_good": 25.0, "days_bad": 1.0}.get(arch, level)


def _quantise(arch, x, decimals):
    x = np.asarray(x, float)
    kind, _, _, _, vmin, vmax, _, _ = ARCHETYPES[arch]
    if kind in ("count", "class"):
        x = np.round(x)
    else:
        x = np.round(x, int(decimals))
    if kind == "class":
        return np.clip(x, 1, 6)
    lo = vmin if vmin is not None else -np.inf
    hi = vmax if vmax is not None else np.inf
    return np.clip(x, lo, hi)


# ---------------------------------------------------------------------------------------
# Loading through core


def figure_input(frames: dict) -> pd.DataFrame:
    """The figures as a user's tidy table would give them to :func:`core.loader.plan_figures`:
    class indicators as class names (``II``), everything else as numbers."""
    f = frames["figures"]
    ind = frames["indicators"].set_index("code")
    is_class = (f["indicator"].map(ind["value_kind"]) == "class").to_numpy()
    value = f["value"].astype(object)
    if is_class.any():
        names = np.array(CLASS_NAMES, dtype=object)
        value[is_class] = names[f["value"].to_numpy()[is_class].astype(int) - 1]
    return f.drop(columns=["period_ord"]).assign(value=value)


def _none(v):
    return None if v is None or (isinstance(v, float) and np.isnan(v)) else v


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: _none(v) for k, v in r.items()} for r in df.to_dict("records")]


def load_reference(conn, frames: dict) -> None:
    """Categories, areas (parents first) and sources, as :func:`core.seed.load_reference`."""
    from core import context_cache

    context_cache.changed(conn)  # the rules' areas and sources: read again after this
    conn.execute(schema.categories.insert(), _records(frames["categories"][
        ["code", "sort", "name_zh", "name_en"]]))
    areas = frames["areas"]
    areas = areas.assign(_top=areas["parent"].notna()).sort_values(["_top", "sort"])
    conn.execute(schema.areas.insert(), _records(areas[
        ["code", "parent", "level", "sort", "name_zh", "name_en"]]))
    conn.execute(schema.sources.insert(), _records(frames["sources"]))


def _bulk_insert(conn, entity: str, rows: list[dict], *, who: str, why: str,
                 origin: str) -> None:
    """Validate each row with core's validator, then write all at once through core's one
    write path (:func:`core.write.commit`), which logs each creation."""
    kind = entities.kind(entity)
    cols = {c.name for c in kind.table.columns}
    keep = [c for c in kind.table.columns.keys()
            if c not in ("id", "version", "entered_by", "entered_at")]
    if entity == "target":  # the rules of a target, on the whole column at once
        checked = rules.check_targets(rules.Context.load(conn), pd.DataFrame(rows))
        if checked.found:
            raise InputError(checked.problems(np.arange(len(rows)) + 2, file=entity))
        frame = checked.frame.assign(period_ord=[period_ord(p) for p in checked.frame["period"]])
        write.commit(conn, kind, new=frame[keep], who=who, why=why, origin=origin)
        return
    problems, clean = [], []
    for i, row in enumerate(rows, start=2):
        try:
            vals = validate.VALIDATORS[entity](conn, row)
        except Exception as exc:  # noqa: BLE001 - report them all at once
            problems.append(Problem(str(exc), entity, "", i))
            continue
        clean.append({k: v for k, v in vals.items() if k in cols and k in keep})
    if problems:
        raise InputError(problems)
    write.commit(conn, kind, new=pd.DataFrame(clean), who=who, why=why, origin=origin)


def load_indicators(conn, frames: dict, *, who: str = USER, why: str = WHY,
                    origin: str = ORIGIN) -> None:
    ind = frames["indicators"].drop(columns=["category_sort", "synth_arch", "synth_level"],
                                    errors="ignore")
    _bulk_insert(conn, "indicator", _records(ind), who=who, why=why, origin=origin)


def load_targets(conn, frames: dict, *, who: str = USER, why: str = WHY,
                 origin: str = ORIGIN) -> None:
    _bulk_insert(conn, "target", _records(frames["targets"].drop(columns=["period_ord"])),
                 who=who, why=why, origin=origin)


def load_figures(conn, frames: dict, *, who: str = USER, why: str = WHY,
                 origin: str = ORIGIN) -> dict:
    """Figures through :func:`core.loader.plan_figures` and :func:`core.loader.apply_plan`."""
    plan = plan_figures(conn, figure_input(frames), file=origin)
    if plan.problems:
        raise InputError(plan.problems)
    return apply_plan(conn, plan, who=who, why=why, origin=origin)


def load_frames(store: Store, frames: dict, *, figures: bool = True) -> dict:
    """Load everything in one write transaction; returns the figure counts of apply_plan."""
    with store.write() as conn:
        load_reference(conn, frames)
        load_indicators(conn, frames)
        load_targets(conn, frames)
        counts = load_figures(conn, frames) if figures else {}
    return counts


def _stamp(params: dict) -> str:
    return json.dumps({**params, "generator": GENERATOR_VERSION}, sort_keys=True)


def build_database(db: str, *, n_indicators: int = 300, n_areas: int = 39,
                   n_periods: int = 60, seed: int = 1, frames: dict | None = None) -> Store:
    """Create a fresh database at ``db`` (path or URL; it must be empty or absent) and load the
    synthetic data set through core. Returns the open :class:`core.store.Store`."""
    params = dict(n_indicators=n_indicators, n_areas=n_areas, n_periods=n_periods, seed=seed)
    frames = frames if frames is not None else make_frames(**params)
    store = Store.open(db, seed=False, user=USER)
    if not store.created:
        store.close()
        raise ValueError(f"{db} already holds a database; build_database needs a fresh one")
    load_frames(store, frames)
    with store.write() as conn:
        conn.execute(schema.meta.insert().values(key=STAMP_KEY, value=_stamp(params)))
    return store


def stored_stamp(path: str | os.PathLike) -> str | None:
    """The parameter stamp of a database built here, or None."""
    if not Path(path).exists():
        return None
    try:
        store = Store.open(str(path), create=False, seed=False)
    except Exception:  # noqa: BLE001 - not ours, or not a database at all
        return None
    try:
        with store.read() as conn:
            row = conn.execute(select(schema.meta.c.value)
                               .where(schema.meta.c.key == STAMP_KEY)).first()
        return row[0] if row else None
    finally:
        store.close()


def ensure_database(path: str | os.PathLike, *, n_indicators: int = 300, n_areas: int = 39,
                    n_periods: int = 60, seed: int = 1, force: bool = False) -> Path:
    """Path of a SQLite file holding the data set for these parameters, built if need be.

    An existing file is reused when its stamp matches (parameters and
    :data:`GENERATOR_VERSION`); otherwise it is rebuilt in a temporary file beside it and
    moved into place, so a reader never sees a half-built database.
    """
    path = Path(path).expanduser().resolve()
    params = dict(n_indicators=n_indicators, n_areas=n_areas, n_periods=n_periods, seed=seed)
    if not force and stored_stamp(path) == _stamp(params):
        return path
    tmp = path.with_name(f".{path.name}.{os.getpid()}.building")
    for p in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm"))):
        p.unlink(missing_ok=True)
    build_database(str(tmp), **params).close()
    with closing(sqlite3.connect(tmp)) as raw:  # fold the WAL into the file before moving it
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for s in ("-wal", "-shm"):
        Path(str(path) + s).unlink(missing_ok=True)
        Path(str(tmp) + s).unlink(missing_ok=True)
    os.replace(tmp, path)
    return path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build the synthetic bureau-scale database.")
    p.add_argument("--db", required=True, help="SQLite file to create (reused if it matches)")
    p.add_argument("--indicators", type=int, default=DEFAULTS["n_indicators"])
    p.add_argument("--areas", type=int, default=DEFAULTS["n_areas"])
    p.add_argument("--periods", type=int, default=DEFAULTS["n_periods"])
    p.add_argument("--seed", type=int, default=DEFAULTS["seed"])
    p.add_argument("--force", action="store_true", help="rebuild even if the file matches")
    a = p.parse_args(argv)
    t0 = time.perf_counter()
    path = ensure_database(a.db, n_indicators=a.indicators, n_areas=a.areas,
                           n_periods=a.periods, seed=a.seed, force=a.force)
    print(f"{path} ready ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
