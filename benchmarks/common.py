"""Small helpers shared by the benchmark scripts: timing, peak memory, tables, JSON results.

Run benchmark scripts from the repository root (``python benchmarks/bench_core.py``); a
script's own folder is on ``sys.path``, so ``from common import ...`` and
``from synth import ensure_database`` work in all of them.

Typical use::

    from common import measure, peak_memory, print_table, write_results

    t = measure(lambda: scorecard(ind, figs, tgts), repeat=7)
    print(t.median, t.runs)
    mem = peak_memory(lambda: scorecard(ind, figs, tgts))      # bytes, one extra run
    write_results("core", {"scorecard": t.as_dict() | {"peak_bytes": mem}})

Timings are wall-clock (``time.perf_counter``), reported as the median of the runs; a
``setup`` callable runs before each run outside the timed span and its result is passed
to the timed function. Peak memory is measured in a separate, untimed run under
``tracemalloc`` (which also sees numpy's buffers), because tracing slows the code it traces.
"""
from __future__ import annotations

import gc
import json
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass
class Timing:
    """Wall-clock seconds of each run; ``median`` is what we report."""

    runs: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def min(self) -> float:
        return min(self.runs)

    @property
    def max(self) -> float:
        return max(self.runs)

    def as_dict(self) -> dict:
        return {"median_s": round(self.median, 4), "min_s": round(self.min, 4),
                "max_s": round(self.max, 4), "runs_s": [round(r, 4) for r in self.runs],
                "n": len(self.runs)}


def measure(fn: Callable, *, repeat: int = 5, warmup: int = 0,
            setup: Callable | None = None, teardown: Callable | None = None) -> Timing:
    """Time ``fn`` ``repeat`` times (after ``warmup`` untimed runs).

    ``setup()`` runs before each run, untimed; if given, its result is passed as ``fn``'s
    only argument. ``teardown(result_of_setup)`` runs after each run, untimed. A garbage
    collection runs before each timed run so one run's garbage is not charged to the next.
    """
    t = Timing()
    for i in range(warmup + repeat):
        arg = setup() if setup else None
        gc.collect()
        start = time.perf_counter()
        fn(arg) if setup else fn()
        elapsed = time.perf_counter() - start
        if teardown:
            teardown(arg)
        if i >= warmup:
            t.runs.append(elapsed)
    return t


def peak_memory(fn: Callable, *, setup: Callable | None = None) -> int:
    """Peak bytes allocated (Python objects and numpy buffers) during one run of ``fn``,
    above what was allocated when it started."""
    arg = setup() if setup else None
    gc.collect()
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        fn(arg) if setup else fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return max(0, peak - base)


def max_rss_bytes() -> int:
    """High-water mark of this process's resident memory so far (Linux, macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def ratio(a: float, b: float) -> float:
    """``a / b`` rounded for reports (how many times slower ``a`` is than ``b``)."""
    return round(a / b, 2) if b else float("inf")


def machine_info() -> dict:
    """What the numbers were measured on."""
    info = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "python": platform.python_version(), "implementation": platform.python_implementation(),
            "platform": platform.platform(), "machine": platform.machine(),
            "cpu_count": os.cpu_count(), "processor": _cpu_model(),
            "load_average": _loadavg()}
    for mod in ("pandas", "numpy", "sqlalchemy", "openpyxl", "PySide6", "pyqtgraph"):
        m = sys.modules.get(mod)
        if m is not None:
            info[mod] = getattr(m, "__version__", "?")
    import sqlite3

    info["sqlite"] = sqlite3.sqlite_version
    return info


def git_state(*paths: str) -> dict:
    """Commit of the working tree and which of ``paths`` (default all) differ from it.

    Call it when a benchmark starts: the code measured is what was on disk then, which in a
    shared working tree may include someone's uncommitted change.
    """
    import subprocess

    root = Path(__file__).resolve().parent.parent

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                              timeout=30).stdout.rstrip("\n")

    try:
        dirty = git("status", "--porcelain", "--", *paths).splitlines()
        return {"commit": git("rev-parse", "--short", "HEAD"),
                "uncommitted": [line[3:] for line in dirty]}
    except (OSError, subprocess.SubprocessError):
        return {}


def _loadavg() -> list[float] | None:
    """1, 5 and 15 minute load averages: other work on the machine skews timings."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def print_table(rows: Sequence[Sequence], headers: Sequence[str]) -> None:
    """A plain fixed-width table on stdout (numbers right-aligned)."""
    cells = [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    print("  ".join(str(h).ljust(w) for h, w in zip(headers, widths)))
    print("  ".join("-" * w for w in widths))
    for r, raw in zip(cells, rows):
        print("  ".join(c.rjust(w) if isinstance(v, (int, float)) else c.ljust(w)
                        for c, v, w in zip(r, raw, widths)))


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 100 else f"{v:,.1f}"
    if isinstance(v, int):
        return f"{v:,}"
    return "" if v is None else str(v)


def write_results(name: str, results: dict, *, directory: Path | None = None) -> Path:
    """Write ``results/<name>.json`` with ``machine`` info added; returns the path."""
    directory = directory or RESULTS_DIR
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.json"
    payload = {"benchmark": name, "machine": machine_info(), **results}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=_json) + "\n",
                    encoding="utf-8")
    return path


def _json(v):
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    if hasattr(v, "tolist"):
        return v.tolist()
    return str(v)
