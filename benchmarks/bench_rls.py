"""A district desk's import under row-level security against the same import by the owner.

A fresh schema on the PostgreSQL server gets the desks (``core.pg_roles.install``, as
``ecotracker init`` does) and a synthetic bureau's indicators; a district desk is given every
area of the data (so every row passes its policy: the cost measured is the checking, not
refusals). Then 100,000 new figures are imported, planned and applied as ``ecotracker import``
does after reading the workbook (``core.loader.plan_figures`` + ``apply_plan`` in one write,
through ``core.write.commit`` with its change log), by the owner (who bypasses row-level
security) and by the district desk (grants, the figures' ``USING``/``WITH CHECK`` policy, the
change log's trigger, the core's own check), taking turns; the figures and their log rows are
removed between runs. The ratio is the district's median over the owner's. Target: at most
1.3x.

    .venv/bin/python benchmarks/bench_rls.py [--pg URL] [--figures 100000] [--repeat 3]

Writes ``benchmarks/results/rls.json``. The schema and its roles are dropped afterwards.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import sqlalchemy as sa  # noqa: E402

from common import git_state, print_table, ratio, write_results  # noqa: E402
from synth import figure_input, load_frames, make_frames  # noqa: E402

from core import pg_roles  # noqa: E402
from core.loader import apply_plan, plan_figures  # noqa: E402
from core.store import Store  # noqa: E402

PG = os.environ.get("ECOTRACKER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def one(url: str, rows) -> float:
    store = Store.open(url, create=False)
    try:
        t0 = time.perf_counter()
        with store.write("import") as conn:
            plan = plan_figures(conn, rows, file="bench.xlsx", warn=False)
            assert not plan.problems, plan.problems[:3]
            apply_plan(conn, plan, who=store.user, why="import", origin="bench.xlsx")
        return time.perf_counter() - t0
    finally:
        store.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pg", default=PG)
    ap.add_argument("--figures", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    state = git_state()
    schema = "bench_" + uuid.uuid4().hex[:10]
    admin = sa.create_engine(args.pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    base = sa.engine.make_url(args.pg).update_query_dict({"options": f"-csearch_path={schema}"})
    owner_url = base.render_as_string(hide_password=False)
    try:
        frames = make_frames(n_indicators=300, n_areas=39, n_periods=60, seed=1)
        rows = figure_input(frames).head(args.figures).reset_index(drop=True)
        store = Store.open(owner_url, seed=False, user="bench")
        load_frames(store, frames, figures=False)
        with store.write("setup", setup=True) as conn:
            pre = pg_roles.install(conn)
        desk = f"{pre}bench_district"
        with store.write("users") as conn:
            pg_roles.add_user(conn, desk, "district",
                              sorted(set(rows["area"].astype(str))))
        store.close()
        district_url = base.set(username=desk).render_as_string(hide_password=False)
        owner = sa.create_engine(owner_url)

        def clear():
            with owner.begin() as c:
                c.execute(sa.text("DELETE FROM figures"))
                c.execute(sa.text("ALTER TABLE changelog DISABLE TRIGGER eco_kept"))
                c.execute(sa.text("DELETE FROM changelog WHERE entity = 'figure'"))
                c.execute(sa.text("ALTER TABLE changelog ENABLE TRIGGER eco_kept"))
                c.execute(sa.text("ANALYZE figures"))

        runs = {"owner": [], "district": []}
        one(owner_url, rows.head(1000))  # warm the server's caches
        clear()
        for _ in range(args.repeat):
            for who, url in (("owner", owner_url), ("district", district_url)):
                runs[who].append(one(url, rows))
                with owner.connect() as c:
                    n = c.execute(sa.text("SELECT count(*) FROM figures")).scalar()
                    logged = c.execute(sa.text("SELECT count(DISTINCT who) FROM changelog "
                                               "WHERE entity = 'figure'")).scalar()
                assert n == len(rows) and logged == 1, (n, logged)
                clear()
        owner.dispose()
    finally:
        with admin.connect() as c:
            c.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
            for (role,) in c.execute(sa.text("SELECT rolname FROM pg_roles WHERE rolname LIKE "
                                             ":n ORDER BY rolcanlogin DESC"),
                                     {"n": f"%{schema}%"}).all():
                c.execute(sa.text(f'DROP ROLE "{role}"'))
        admin.dispose()
    med = {k: sorted(v)[len(v) // 2] for k, v in runs.items()}
    r = ratio(med["district"], med["owner"])
    print_table([(k, len(rows), med[k], ", ".join(f"{x:.2f}" for x in runs[k]))
                 for k in runs] + [("district / owner", "", r, "target <= 1.3")],
                ["who", "figures", "median s", "runs s"])
    write_results("rls", {"figures": len(rows), "owner_s": runs["owner"],
                          "district_s": runs["district"], "ratio": r, "git": state})
    return 0


if __name__ == "__main__":
    sys.exit(main())
