"""The scorecard as of a period against the latest one, on the bureau-scale frames.

    .venv/bin/python benchmarks/bench_asof.py

Both are measured in the same run (best of 5) and reported as a ratio: reading as of a
period filters the figures on their period end dates first (core.asof), then computes the
same scorecard; it should cost no more than the latest one.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synth import make_frames  # noqa: E402
from core import asof, status  # noqa: E402


def best(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    frames = make_frames()
    ind, figs, tg = frames["indicators"], frames["figures"], frames["targets"]
    period = asof.choices(figs["period"])[len(asof.choices(figs["period"])) // 2]
    latest = best(lambda: status.scorecard(ind, figs, tg))
    as_of = best(lambda: status.scorecard(ind, figs, tg, as_of=period))
    print(f"{len(figs):,} figures; scorecard latest {latest:.3f} s, as of {period} "
          f"{as_of:.3f} s; ratio {as_of / latest:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
