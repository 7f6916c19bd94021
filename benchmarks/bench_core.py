"""Core benchmarks on the bureau-scale synthetic data set, each against a baseline in the same run.

(a) Bulk load of ~690,000 figures into a fresh SQLite file through core
    (``plan_figures`` + ``apply_plan``: validation, diff, insert, one change-log row per
    figure, one transaction) against plain ``executemany`` INSERTs of the same final rows into
    the same schema (no validation, no change log): with the ``sqlite3`` module, and with
    SQLAlchemy Core. Each repetition starts from a copy of the same file (reference rows,
    indicators and targets already loaded; not timed).
(b) The full status computation ``core.status.scorecard(indicators, figures, targets)`` on
    frames in memory (as read from the database) against pandas
    ``sort_values + groupby([indicator, area]).last()`` of the same figures. Separately:
    ``core.coherence.check`` and reading the figures with ``core.queries.figures``.

Run from the repository root::

    .venv/bin/python benchmarks/bench_core.py            # full size, writes results/core.json
    .venv/bin/python benchmarks/bench_core.py --quick    # small data set, no JSON, a smoke run

Medians of ``--repeat-load`` (default 3) loads and ``--repeat`` (default 7) computations.
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402
from common import (Timing, git_state, max_rss_bytes, measure, peak_memory,  # noqa: E402
                    print_table, ratio, write_results)
from sqlalchemy import func, select  # noqa: E402

from core import coherence, queries, schema, status  # noqa: E402
from core.loader import apply_plan, plan_figures  # noqa: E402
from core.store import Store  # noqa: E402

FIG_COLS = ["indicator", "area", "period", "period_ord", "value", "qualifier", "status",
            "derived", "derivation", "note", "source", "source_ref", "entered_by",
            "entered_at", "version"]


def make_template(path: Path, frames: dict) -> None:
    """A database with everything but the figures, to copy before each load."""
    store = Store.open(str(path), seed=False, user=synth.USER)
    synth.load_frames(store, frames, figures=False)
    store.close()
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def fresh_copy(template: Path, workdir: Path, name: str) -> Path:
    dst = workdir / name
    remove_db(dst)
    shutil.copyfile(template, dst)
    return dst


def remove_db(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        p.unlink(missing_ok=True)


def baseline_rows(frames: dict) -> pd.DataFrame:
    """The rows core ends up storing, ready for a plain INSERT (prepared outside timing)."""
    f = frames["figures"]
    return f.assign(derived=0, derivation="", entered_by=synth.USER,
                    entered_at="2026-01-01T00:00:00+00:00", version=1)[FIG_COLS]


def load_core(path: Path, fig_input: pd.DataFrame) -> dict:
    store = Store.open(str(path), create=False, seed=False, user=synth.USER)
    try:
        with store.write() as conn:
            plan = plan_figures(conn, fig_input, file="synth")
            if plan.problems:
                raise RuntimeError(f"{len(plan.problems)} problems, first: {plan.problems[0]}")
            return apply_plan(conn, plan, who=synth.USER, why=synth.WHY, origin=synth.ORIGIN)
    finally:
        store.close()


def load_sqlite3(path: Path, rows: pd.DataFrame) -> None:
    """Baseline: the same rows by ``sqlite3`` executemany, same pragmas as core's engine."""
    sql = (f"INSERT INTO figures ({', '.join(FIG_COLS)}) "
           f"VALUES ({', '.join('?' * len(FIG_COLS))})")
    with closing(sqlite3.connect(path, isolation_level=None)) as con:
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):
            con.execute(f"PRAGMA {pragma}")
        con.execute("BEGIN IMMEDIATE")
        con.executemany(sql, rows.itertuples(index=False, name=None))
        con.execute("COMMIT")


def load_sqlalchemy(path: Path, rows: pd.DataFrame) -> None:
    """Baseline: the same rows by SQLAlchemy Core executemany through core's engine."""
    store = Store.open(str(path), create=False, seed=False, user=synth.USER)
    try:
        with store.write() as conn:
            conn.execute(schema.figures.insert(), rows.to_dict("records"))
    finally:
        store.close()


def count_rows(path: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(path)) as con:
        return (con.execute("SELECT count(*) FROM figures").fetchone()[0],
                con.execute("SELECT count(*) FROM changelog WHERE entity='figure'").fetchone()[0])


def groupby_last(figs: pd.DataFrame) -> pd.DataFrame:
    return (figs.sort_values(["indicator", "area", "period_ord"])
            .groupby(["indicator", "area"]).last())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--indicators", type=int, default=synth.DEFAULTS["n_indicators"])
    p.add_argument("--areas", type=int, default=synth.DEFAULTS["n_areas"])
    p.add_argument("--periods", type=int, default=synth.DEFAULTS["n_periods"])
    p.add_argument("--seed", type=int, default=synth.DEFAULTS["seed"])
    p.add_argument("--repeat-load", type=int, default=3)
    p.add_argument("--repeat", type=int, default=7)
    p.add_argument("--quick", action="store_true",
                   help="30 indicators x 10 areas x 24 periods, 1 load, no JSON")
    p.add_argument("--no-load", action="store_true", help="skip (a), the slow part")
    p.add_argument("--out", default="core", help="results/<out>.json (default core)")
    p.add_argument("--workdir", help="folder for the database files (default a temp folder)")
    a = p.parse_args(argv)
    if a.quick:
        a.indicators, a.areas, a.periods, a.repeat_load, a.repeat = 30, 10, 24, 1, 3
    params = dict(n_indicators=a.indicators, n_areas=a.areas, n_periods=a.periods, seed=a.seed)

    code = git_state("core")  # what is measured: HEAD plus any uncommitted core change
    workdir = Path(a.workdir or tempfile.mkdtemp(prefix="ecotracker-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    frames = synth.make_frames(**params)
    t_make = time.perf_counter() - t0
    n_fig, n_tgt = len(frames["figures"]), len(frames["targets"])
    print(f"data set: {a.indicators} indicators x {a.areas} areas x {a.periods} months = "
          f"{n_fig:,} figures, {n_tgt:,} targets (generated in {t_make:.1f} s)", flush=True)
    template = workdir / "template.sqlite"
    remove_db(template)
    make_template(template, frames)
    fig_input = synth.figure_input(frames)
    base = baseline_rows(frames)
    results: dict = {"code": code, "params": params, "n_figures": n_fig, "n_targets": n_tgt,
                     "generate_s": round(t_make, 3)}
    table = []

    # (a) bulk load -----------------------------------------------------------------------
    loaded = None
    if not a.no_load:
        core_t, sq_t, sa_t = Timing(), Timing(), Timing()
        for i in range(a.repeat_load):  # interleaved, so background load hits all alike
            for name, t, fn, arg in (("core", core_t, load_core, fig_input),
                                     ("sqlite3", sq_t, load_sqlite3, base),
                                     ("sqlalchemy", sa_t, load_sqlalchemy, base)):
                path = fresh_copy(template, workdir, f"load-{name}.sqlite")
                one = measure(lambda: fn(path, arg), repeat=1)
                t.runs += one.runs
                figs, logs = count_rows(path)
                expect_logs = n_fig if name == "core" else 0
                if figs != n_fig or logs != expect_logs:
                    raise SystemExit(f"{name} load stored {figs} figures, {logs} log rows")
                print(f"  load {i + 1}/{a.repeat_load} {name:<10} {one.runs[0]:8.2f} s",
                      flush=True)
                if name == "core" and i == a.repeat_load - 1:
                    loaded = path
                else:
                    remove_db(path)
        results["load"] = {
            "core": core_t.as_dict(), "baseline_sqlite3_executemany": sq_t.as_dict(),
            "baseline_sqlalchemy_executemany": sa_t.as_dict(),
            "ratio_core_vs_sqlite3": ratio(core_t.median, sq_t.median),
            "ratio_core_vs_sqlalchemy": ratio(core_t.median, sa_t.median),
            "core_rows_per_s": round(n_fig / core_t.median),
            "max_rss_bytes_so_far": max_rss_bytes()}
        table += [
            ["load: core plan_figures+apply_plan", core_t.median, core_t.min,
             ratio(core_t.median, sq_t.median), "vs sqlite3"],
            ["load: sqlite3 executemany (baseline)", sq_t.median, sq_t.min, 1.0, ""],
            ["load: SQLAlchemy executemany", sa_t.median, sa_t.min,
             ratio(sa_t.median, sq_t.median), "vs sqlite3"]]
    if loaded is None:  # computations still need a database to read from
        loaded = workdir / "loaded.sqlite"
        remove_db(loaded)
        synth.build_database(str(loaded), **params, frames=frames).close()

    # (b) reads and computations ----------------------------------------------------------
    store = Store.open(str(loaded), create=False, seed=False)
    with store.read() as conn:
        ind = queries.indicators(conn)
        tgts = queries.targets(conn)
        assert conn.execute(select(func.count()).select_from(schema.figures)).scalar() == n_fig

    def read_figures():
        with store.read() as conn:
            return queries.figures(conn)

    t_read = measure(read_figures, repeat=max(3, a.repeat // 2), warmup=1)
    figs = read_figures()
    t_sc = measure(lambda: status.scorecard(ind, figs, tgts), repeat=a.repeat, warmup=1)
    t_gb = measure(lambda: groupby_last(figs), repeat=a.repeat, warmup=1)
    t_coh = measure(lambda: coherence.check(ind, figs), repeat=a.repeat, warmup=1)
    warn = coherence.check(ind, figs)
    t_sc_nc = measure(lambda: status.scorecard(ind, figs, tgts, warnings=warn),
                      repeat=a.repeat, warmup=1)
    mem = {"scorecard": peak_memory(lambda: status.scorecard(ind, figs, tgts)),
           "groupby_last": peak_memory(lambda: groupby_last(figs)),
           "coherence": peak_memory(lambda: coherence.check(ind, figs)),
           "read_figures": peak_memory(read_figures)}
    sc = status.scorecard(ind, figs, tgts)
    store.close()
    results["status"] = {
        "scorecard": {**t_sc.as_dict(), "peak_bytes": mem["scorecard"]},
        "scorecard_without_coherence": t_sc_nc.as_dict(),
        "baseline_groupby_last": {**t_gb.as_dict(), "peak_bytes": mem["groupby_last"]},
        "ratio_scorecard_vs_groupby_last": ratio(t_sc.median, t_gb.median),
        "target_s": 1.0, "under_target": t_sc.median < 1.0,
        "coherence_check": {**t_coh.as_dict(), "peak_bytes": mem["coherence"]},
        "read_figures": {**t_read.as_dict(), "peak_bytes": mem["read_figures"]},
        "scorecard_rows": len(sc),
        "period_status_counts": sc["period_status"].value_counts().to_dict(),
        "course_status_counts": sc["course_status"].value_counts().to_dict(),
        "coherence_warning_counts": warn["check"].value_counts().to_dict(),
    }
    results["max_rss_bytes"] = max_rss_bytes()
    table += [
        ["scorecard (full, incl. coherence)", t_sc.median, t_sc.min,
         ratio(t_sc.median, t_gb.median), "vs groupby-last"],
        ["scorecard (warnings given)", t_sc_nc.median, t_sc_nc.min,
         ratio(t_sc_nc.median, t_gb.median), "vs groupby-last"],
        ["pandas groupby-last (baseline)", t_gb.median, t_gb.min, 1.0, ""],
        ["coherence.check", t_coh.median, t_coh.min, ratio(t_coh.median, t_gb.median),
         "vs groupby-last"],
        ["queries.figures (read all)", t_read.median, t_read.min, None, ""]]

    print()
    print_table(table, ["step", "median s", "min s", "ratio", "ratio of"])
    print(f"\nscorecard: {len(sc):,} rows; target under 1 s: "
          f"{'met' if t_sc.median < 1.0 else 'NOT met'} ({t_sc.median:.2f} s)")
    print("period status:", results["status"]["period_status_counts"])
    print("course status:", results["status"]["course_status_counts"])
    print("coherence warnings:", results["status"]["coherence_warning_counts"])
    print("peak traced memory (MB):", {k: round(v / 2**20) for k, v in mem.items()},
          f"max RSS {results['max_rss_bytes'] / 2**20:.0f} MB")
    if not a.quick:
        out = write_results(a.out, results)
        print(f"wrote {out}")
    if not a.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
