"""The benchmark data generator builds a valid database through core (tiny size, no timing)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import synth  # noqa: E402

from core import changelog, coherence, queries, status  # noqa: E402

TINY = dict(n_indicators=5, n_areas=3, n_periods=6, seed=3)


def test_frames_are_deterministic_and_cover_the_kinds():
    a, b = synth.make_frames(**TINY), synth.make_frames(**TINY)
    assert a["figures"].equals(b["figures"]) and a["targets"].equals(b["targets"])
    ind = a["indicators"]
    assert len(ind) == 5 and len(a["areas"]) == 3
    assert set(ind["value_kind"]) == {"number", "percent", "count", "class"}
    assert set(ind["direction"]) == {"higher", "lower", "band"}
    assert ind["cumulative"].any()
    figs = a["figures"]
    assert figs["period"].min() == "2021-01" and figs["period"].max() == "2021-06"
    assert len(figs) <= 5 * 3 * 6 and not figs.duplicated(["indicator", "area", "period"]).any()
    pct = figs["indicator"].map(ind.set_index("code")["value_kind"]) == "percent"
    assert figs.loc[pct, "value"].between(0, 100).all()


def test_tiny_database_loads_through_core_and_scores(tmp_path):
    frames = synth.make_frames(**TINY)
    store = synth.build_database(str(tmp_path / "synth.sqlite"), **TINY, frames=frames)
    try:
        with store.read() as conn:
            ind, figs, tgts = (queries.indicators(conn), queries.figures(conn),
                               queries.targets(conn))
            log = changelog.history(conn, "figure", int(figs["id"].iloc[0]))
        assert len(ind) == 5 and len(figs) == len(frames["figures"])
        assert len(tgts) == len(frames["targets"])
        assert list(log["action"]) == ["create"] and log["who"].iloc[0] == synth.USER
        sc = status.scorecard(ind, figs, tgts)
        assert set(sc["indicator"]) == set(figs["indicator"])
        assert sc["period_status"].isin(status.PERIOD_LABELS).all()
        assert sc["course_status"].notna().all()
        # the frames in memory give the same scorecard as the database
        mem = status.scorecard(frames["indicators"], frames["figures"], frames["targets"])
        assert list(mem["period_status"]) == list(sc["period_status"])
        assert isinstance(coherence.check(ind, figs), type(sc))
    finally:
        store.close()


def test_ensure_database_reuses_a_matching_file(tmp_path):
    path = tmp_path / "cache.sqlite"
    assert synth.ensure_database(path, **TINY) == path.resolve()
    stamp = path.stat().st_mtime_ns
    synth.ensure_database(path, **TINY)
    assert path.stat().st_mtime_ns == stamp
    synth.ensure_database(path, **{**TINY, "n_periods": 7})
    assert synth.stored_stamp(path) != synth._stamp(TINY)
    with pytest.raises(ValueError):
        synth.build_database(str(path), **TINY)
