"""A small synthetic database whose scorecard has every period and course status."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import synth  # noqa: E402

# 12 indicators x 3 areas x 24 months give each of the 5 period and 7 course statuses
SIZE = dict(n_indicators=12, n_areas=3, n_periods=24, seed=3)


def build(path: Path) -> str:
    """Build the database at ``path`` (a fresh SQLite file) and return its path."""
    synth.build_database(str(path), **SIZE).close()
    return str(path)
