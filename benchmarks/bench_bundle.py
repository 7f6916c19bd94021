"""The offline bundle against the virtual-environment install, in one run.

    bash packaging/build                      # makes dist/ecotracker and the .deb
    .venv/bin/python benchmarks/bench_bundle.py [--runs 7] [--bundle dist/ecotracker]

Measures the bundle's size on disk and the .deb's, and two cold starts, each from launch to
the moment it is done, taken in turns (bundle, venv, bundle, ...) so a busy moment weighs on
both alike, on the same seeded database:
- the window (offscreen Qt) until the scorecard's rows are painted
  (``ECOTRACKER_EXIT_WHEN_READY``, gui/ready_probe.py, prints a line then and quits);
- ``ecotracker status`` until it has printed the scorecard.
The venv side is ``.venv/bin/ecotracker`` (the README's install). Ratios are bundle / venv.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

from common import print_table, ratio, write_results  # noqa: E402


def _size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*")) if path.is_dir() else \
        path.stat().st_size


def _window(exe: str, db: str, env: dict) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen([exe, "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, text=True)
    for line in proc.stdout:
        if line.startswith("scorecard-rows"):
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError(f"{exe}: no scorecard: {proc.stderr.read()[-2000:]}")
    proc.wait(timeout=60)
    return elapsed


def _status(exe: str, db: str, env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run([exe, "status", "--db", db], env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--bundle", type=Path, default=REPO / "dist" / "ecotracker")
    p.add_argument("--venv", type=Path, default=REPO / ".venv")
    a = p.parse_args(argv)
    bundle_exe = str(a.bundle / "ecotracker")
    venv_exe = str(a.venv / "bin" / "ecotracker")
    for exe in (bundle_exe, venv_exe):
        if not os.access(exe, os.X_OK):
            print(f"bench_bundle: {exe} is missing (bash packaging/build; bash .ci/setup)",
                  file=sys.stderr)
            return 2
    tmp = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    db = str(tmp / "seed.sqlite")
    env = dict(os.environ, HOME=str(tmp), XDG_DATA_HOME=str(tmp / "data"), ECOTRACKER_DB="",
               ECOTRACKER_SETTINGS_DIR=str(tmp / "settings"), QT_QPA_PLATFORM="offscreen",
               ECOTRACKER_EXIT_WHEN_READY="1")
    subprocess.run([venv_exe, "init", "--db", db], env=env, check=True, capture_output=True)
    sides = {"bundle": bundle_exe, "venv": venv_exe}
    for exe in sides.values():  # warm the file cache once, untimed
        _window(exe, db, env)
        _status(exe, db, env)
    runs = {f"{k}_{side}": [] for k in ("window", "status") for side in sides}
    for _ in range(a.runs):
        for side, exe in sides.items():
            runs[f"window_{side}"].append(_window(exe, db, env))
            runs[f"status_{side}"].append(_status(exe, db, env))
    med = {k: statistics.median(v) for k, v in runs.items()}
    debs = sorted(a.bundle.parent.glob("ecotracker_*.deb"), key=lambda p: p.stat().st_mtime)
    sizes = {"bundle_bytes": _size(a.bundle),
             "deb_bytes": debs[-1].stat().st_size if debs else None,
             "venv_bytes": _size(a.venv)}
    out = {**sizes, **{f"{k}_median_s": round(v, 4) for k, v in med.items()},
           "window_ratio": ratio(med["window_bundle"], med["window_venv"]),
           "status_ratio": ratio(med["status_bundle"], med["status_venv"]),
           **{f"{k}_runs_s": [round(x, 4) for x in v] for k, v in runs.items()}}
    mb = 1024 * 1024
    rows = [("bundle on disk (MB)", round(sizes["bundle_bytes"] / mb), "", ""),
            (".deb (MB)", round(sizes["deb_bytes"] / mb) if sizes["deb_bytes"] else "-", "",
             ""),
            ("venv on disk, for comparison (MB)", round(sizes["venv_bytes"] / mb), "", ""),
            ("window to scorecard rows: venv (s)", round(med["window_venv"], 3), "", ""),
            ("window to scorecard rows: bundle (s)", round(med["window_bundle"], 3),
             out["window_ratio"], "bundle / venv"),
            ("`status`: venv (s)", round(med["status_venv"], 3), "", ""),
            ("`status`: bundle (s)", round(med["status_bundle"], 3), out["status_ratio"],
             "bundle / venv")]
    print_table(rows, ["measure", "value", "ratio", "of"])
    write_results("bundle", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
