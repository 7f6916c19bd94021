"""A small synthetic database whose scorecard has every period and course status."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import synth  # noqa: E402

# 12 indicators x 3 areas x 24 months give each of the 5 period and 7 course statuses
SIZE = dict(n_indicators=12, n_areas=3, n_periods=24, seed=3)


def build(path: Path) -> str:
    """Build the database at ``path`` (a fresh SQLite file) and return its path, with one
    qualitative target ("达到国家考核要求") on a series that had none: the status no number
    can give, ``not_judged``."""
    store = synth.build_database(str(path), **SIZE)
    from core import queries, rows

    with store.write() as conn:
        figs, tgs = queries.figures(conn), queries.targets(conn)
        have = set(zip(tgs["indicator"], tgs["area"]))
        bare = sorted({k for k in zip(figs["indicator"], figs["area"]) if k not in have})
        assert len(bare) >= 2, "the synthetic data set has too few series without a target"
        ind, area = bare[0]
        rows.insert(conn, "target", {"indicator": ind, "area": area, "period": "2030",
                                     "comparator": ">=", "value": "", "kind": "municipal_plan",
                                     "qualitative": "达到国家考核要求"}, who="test")
    store.close()
    return str(path)
