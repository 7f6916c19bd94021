"""What the half-year lock costs a bulk import, in the same run.

About 100,000 new figures (``synth.make_frames`` with 50 indicators x 39 areas x 60 months)
are written through :func:`core.loader.apply_plan` and :func:`core.write.commit` into a fresh
SQLite database, three ways, taking turns:

* ``no check``: :func:`core.period_lock.check` replaced by a no-op (the write path as it was);
* ``no states``: the check, with no area x period reported (every desk's usual case);
* ``reported``: the check with 400 area x periods submitted (all touched by the import, so a
  reason is needed and given) and 100 approved ones the import does not touch.

Only the write is timed (planning happens before, outside the span). Ratios are over
``no check``. Target: within 1.05x.

    .venv/bin/python benchmarks/bench_period_lock.py [--indicators 50] [--repeat 5]
                                                     [--pg postgresql://postgres@127.0.0.1/test]

With ``--pg`` the same on PostgreSQL (each run in a fresh schema, dropped after), where the
lock is the server's trigger: ``no check`` there means the trigger dropped as well.

Writes ``benchmarks/results/period_lock.json`` and prints a table.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from common import print_table, ratio, write_results  # noqa: E402


PG: str | None = None  # --pg


def fresh(work: Path, frames: dict, i: int):
    from synth import load_indicators, load_reference

    from core.store import Store

    url = str(work / f"db{i}.sqlite")
    if PG:
        import sqlalchemy as sa

        admin = sa.create_engine(PG, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(sa.text(f"DROP SCHEMA IF EXISTS bench_lock_{i} CASCADE"))
            c.execute(sa.text(f"CREATE SCHEMA bench_lock_{i}"))
        admin.dispose()
        url = sa.engine.make_url(PG).update_query_dict(
            {"options": f"-csearch_path=bench_lock_{i}"}).render_as_string(hide_password=False)
    store = Store.open(url, seed=False, user="bench")
    with store.write() as conn:  # what the figures refer to (targets are not needed here)
        load_reference(conn, frames)
        load_indicators(conn, frames)
    return store


def drop(i: int) -> None:
    if PG:
        import sqlalchemy as sa

        admin = sa.create_engine(PG, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(sa.text(f"DROP SCHEMA IF EXISTS bench_lock_{i} CASCADE"))
        admin.dispose()


def states(store, frames: dict, reported: int, approved_elsewhere: int) -> None:
    """Submitted area x periods the import touches, approved ones it does not."""
    from core import schema

    figs = frames["figures"]
    pairs = figs[["area", "period"]].drop_duplicates().head(reported)
    rows = [{"area": a, "period": p, "state": "submitted", "submitted_by": "bench",
             "submitted_at": "2026-01-01T00:00:00+00:00"} for a, p in pairs.itertuples(index=False)]
    for k in range(approved_elsewhere):  # periods with no figures in the import
        area = figs["area"].iat[k % len(figs)]
        rows.append({"area": area, "period": f"{1990 + k // 2}H{1 + k % 2}",
                     "state": "approved", "approved_by": "bench",
                     "approved_at": "2026-01-01T00:00:00+00:00"})
    blank = {c.name: "" for c in schema.period_states.columns if c.name not in ("id", "version")}
    rows = list({(r["area"], r["period"]): {**blank, **r} for r in rows}.values())
    with store.write() as conn:
        conn.execute(schema.period_states.insert(), rows)


def one(work: Path, frames: dict, i: int, mode: str) -> float:
    from synth import figure_input

    from core import period_lock
    from core.loader import apply_plan, plan_figures

    store = fresh(work, frames, i)
    if mode == "reported":
        states(store, frames, 400, 100)
    with store.read() as conn:
        plan = plan_figures(conn, figure_input(frames), warn=False)
    assert plan.ok, plan.problems[:3]
    saved = period_lock.check
    if mode == "no check":
        period_lock.check = lambda *a, **k: None
        if PG:
            with store.write() as conn:
                conn.exec_driver_sql("DROP TRIGGER figures_period_lock ON figures")
    try:
        t = time.perf_counter()
        with store.write("import") as conn:
            apply_plan(conn, plan, who="bench", why="import",
                       reason="bench" if mode == "reported" else "")
        took = time.perf_counter() - t
    finally:
        period_lock.check = saved
        store.close()
        drop(i)
    return took


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--indicators", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pg", metavar="URL", help="run on this PostgreSQL database instead")
    args = ap.parse_args(argv)
    global PG
    PG = args.pg
    from synth import make_frames

    frames = make_frames(n_indicators=args.indicators, n_areas=39, n_periods=60, seed=1)
    n = len(frames["figures"])
    modes = ("no check", "no states", "reported")
    runs: dict[str, list[float]] = {m: [] for m in modes}
    work = Path(tempfile.mkdtemp(prefix="ecotracker-lock-"))
    try:
        i = 0
        for _ in range(args.repeat):
            for m in modes:  # taking turns: the machine's drift falls on all three
                runs[m].append(one(work, frames, i, m))
                i += 1
                for p in work.glob("*"):
                    shutil.rmtree(p) if p.is_dir() else p.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    med = {m: statistics.median(v) for m, v in runs.items()}
    rows = [(m, n, round(med[m], 3), ratio(med[m], med["no check"])) for m in modes]
    print_table(rows, ["write", "figures", "median s", "ratio"])
    write_results("period_lock_pg" if PG else "period_lock", {"figures": n, "repeat": args.repeat,
                                  **{m: {"median_s": med[m], "runs": runs[m],
                                         "ratio": ratio(med[m], med["no check"])}
                                     for m in modes}})
    return 0


if __name__ == "__main__":
    sys.exit(main())
