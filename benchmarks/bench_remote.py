"""The window as a desk in a district office sees it: PostgreSQL 25 ms away, each way.

    .venv/bin/python benchmarks/bench_remote.py [--runs 3] [--indicators 300] [--delay-ms 25]
                                                [--code PATH]

A synthetic bureau database (``synth.py``; 300 indicators x 39 areas x 60 months by default)
is built in a fresh schema of the PostgreSQL server on 127.0.0.1:5432 (database ``test``,
as the tests use), and dropped at the end. The same measures are then taken twice in the
same run, interleaved: straight to the server (the baseline) and through
:class:`delay_proxy.DelayProxy`, which adds 25 ms to every packet each way (a round trip
costs 50 ms more).

* start: ``ecotracker --db URL`` in a fresh process (as ``bench_gui.py`` times it, Scorecard
  tab remembered) until the scorecard's rows are painted; and the longest stall after that
  until the Indicator tab's view is built;
* a typed edit of a figure (the figure table's ``setData``, as the cell editor commits it)
  of the selected indicator: the longest event-loop stall from the commit until the
  scorecard row shows the new value, plus 0.3 s (the table, plot and history follow), and
  the time until that row is updated; then the same for its undo;
* F5: the time until the scorecard is recomputed, and the longest stall meanwhile.

``--code PATH`` runs another checkout's ``core`` and ``gui`` (e.g. the main branch, for
before-and-after numbers); the benchmark's own helpers stay these. Writes
``benchmarks/results/remote.json``. Only 127.0.0.1 is used. No assertions: this is a report.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

TARGETS = {"stall_s": 0.100, "edit_to_scorecard_s": 1.0}
PG = "postgresql+psycopg://postgres@127.0.0.1:{port}/test"
SETTLE_S = 0.3  # after the scorecard row: the table, plot and history follow


def _url(port: int, schema: str) -> str:
    return PG.format(port=port) + f"?options=-csearch_path%3D{schema}"


def _admin():
    import sqlalchemy as sa

    return sa.create_engine(PG.format(port=5432), isolation_level="AUTOCOMMIT",
                            connect_args={"connect_timeout": 5})


def build(schema: str, n_indicators: int) -> float:
    """The synthetic data set in a new schema, loaded through core; seconds it took."""
    import sqlalchemy as sa

    from synth import build_database

    with _admin().connect() as c:
        c.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    t0 = time.perf_counter()
    build_database(_url(5432, schema), n_indicators=n_indicators).close()
    return time.perf_counter() - t0


def drop(schema: str) -> None:
    import sqlalchemy as sa

    with _admin().connect() as c:
        c.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


def start(url: str, tmp: Path, code: Path, mode: str) -> tuple[float, float, float]:
    """One cold start: seconds to the tree, to the scorecard rows painted, and the longest
    stall after that until the Indicator tab was built."""
    from bench_gui import APP, REMEMBERED, _remember, _run_child

    env = _remember(tmp / f"settings-start-{mode}", REMEMBERED["scorecard"])
    env["PYTHONPATH"] = str(code)
    _, tree, ready, stall = _run_child(APP.format(repo=str(code), db=url), env)
    return tree, ready, stall


def _row_value(sc, key, col) -> str:
    m = sc.model
    r = m.row_of(key)
    return "" if r < 0 else str(m.index(r, col).data())


def actions(url: str, tmp: Path, mode: str, edits: int) -> dict:
    """Typed edits, their undos and F5 in the real window (offscreen) on ``url``."""
    os.environ["ECOTRACKER_SETTINGS_DIR"] = str(tmp / f"settings-actions-{mode}")
    from PySide6.QtWidgets import QApplication

    from bench_gui import StallMonitor, _pump, _spin
    from gui.app import create_window
    from gui.indicator.figure_model import COLUMNS
    from gui.scorecard import column

    app = QApplication.instance() or QApplication([])
    mon = StallMonitor()
    w = create_window(url, lang="en")
    w.resize(1400, 860)
    w.show()
    sc = w.scorecard
    _pump(app, lambda: sc.model.rowCount() > 0 and not sc.busy)
    inds = w.ctx.indicators
    plain = set(inds.loc[(inds["value_kind"] == "number") & ~inds["cumulative"].astype(bool),
                         "code"])
    code = next(sc.model.key(r)[0] for r in range(sc.model.rowCount())
                if sc.model.key(r)[0] in plain)
    w.indicators.select(code)
    view = w.indicator_view
    _pump(app, lambda: view.code == code and view.figures_model.rowCount() > 0)
    _spin(app, 1.0)
    m = view.figures_model
    # the latest figure of the first area: the one its scorecard row shows
    frame = m.frame
    area = frame["area"].iloc[0]
    row = int(frame.index[(frame["area"] == area)].max())
    key, latest_col = (code, area), column("latest")
    value_col = COLUMNS.index("value")
    updated: list[float] = []
    sc.updated.connect(lambda: updated.append(time.perf_counter()))

    out = {k: [] for k in ("edit_stall_s", "edit_to_scorecard_s", "undo_stall_s",
                           "undo_to_scorecard_s", "refresh_s", "refresh_stall_s")}
    for i in range(edits):
        old = float(m.frame.at[row, "value"])
        decimals = int(w.ctx.indicator(code)["decimals"] or 0)
        new = round(old * (0.97 - 0.01 * i), decimals)
        if new == old:
            new = round(old + 10 ** -decimals * (i + 1), decimals)
        shown = _row_value(sc, key, latest_col)
        for label, act in (("edit", lambda: m.setData(m.index(row, value_col), new)),
                           ("undo", w.actions_.undo.trigger)):
            _spin(app, 0.2)
            before = _row_value(sc, key, latest_col)
            updated.clear()
            mon.start()
            t0 = time.perf_counter()
            act()
            _pump(app, lambda: bool(updated) and _row_value(sc, key, latest_col) != before,
                  timeout=30)
            out[f"{label}_to_scorecard_s"].append(updated[-1] - t0)
            _spin(app, SETTLE_S)
            out[f"{label}_stall_s"].append(mon.stop())
        ops = getattr(w.ctx, "ops", None)  # (none in a checkout that writes on this thread)
        _pump(app, lambda: ops is None or not ops.busy)
        assert _row_value(sc, key, latest_col) == shown  # undone

    for _ in range(edits):
        _spin(app, 0.2)
        updated.clear()
        mon.start()
        t0 = time.perf_counter()
        w.refresh()
        _pump(app, lambda: bool(updated) and not sc.busy, timeout=60)
        out["refresh_s"].append(time.perf_counter() - t0)
        _spin(app, SETTLE_S)
        out["refresh_stall_s"].append(mon.stop())
    w.close()
    w.deleteLater()
    _spin(app, 0.2)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=3, help="starts per mode, and edits per run")
    p.add_argument("--indicators", type=int, default=300)
    p.add_argument("--delay-ms", type=float, default=25.0)
    p.add_argument("--code", default=str(REPO), help="checkout whose core and gui to run")
    a = p.parse_args(argv)
    code = Path(a.code).resolve()
    sys.path.insert(0, str(HERE))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import bench_gui  # noqa: F401 - puts this checkout on sys.path: ``code`` goes before it
    from common import print_table, write_results
    from delay_proxy import DelayProxy

    sys.path.insert(0, str(code))

    tmp = Path(tempfile.mkdtemp(prefix="ecotracker-bench-remote-"))
    schema = "bench_remote_" + uuid.uuid4().hex[:10]
    results: dict = {"platform": os.environ["QT_QPA_PLATFORM"], "targets": TARGETS,
                     "delay_ms_each_way": a.delay_ms, "code": str(code),
                     "server": "PostgreSQL on 127.0.0.1:5432, schema of its own, dropped after"}
    try:
        print(f"building {a.indicators} indicators in schema {schema} ...", flush=True)
        results["build_s"] = round(build(schema, a.indicators), 1)
        with DelayProxy(5432, a.delay_ms / 1000, seconds=3600) as proxy:
            urls = {"direct": _url(5432, schema), "remote": _url(proxy.port, schema)}
            runs: dict = {mode: {"start_tree_s": [], "start_ready_s": [],
                                 "start_idle_stall_s": []} for mode in urls}
            for mode, url in urls.items():  # warm the file cache, compile bytecode
                start(url, tmp, code, mode)
            for _ in range(a.runs):  # interleaved: a busy moment weighs on both alike
                for mode, url in urls.items():
                    tree, ready, stall = start(url, tmp, code, mode)
                    runs[mode]["start_tree_s"].append(tree)
                    runs[mode]["start_ready_s"].append(ready)
                    runs[mode]["start_idle_stall_s"].append(stall)
            for mode, url in urls.items():
                print(f"actions, {mode} ...", flush=True)
                runs[mode].update(actions(url, tmp, mode, a.runs))
            results["proxy_connections"] = proxy.accepted
            results["proxy_chunks"] = proxy.chunks
    finally:
        drop(schema)

    summary: dict = {}
    for mode, measures in runs.items():
        summary[mode] = {}
        for k, v in measures.items():
            agg = max if "stall" in k else statistics.median
            summary[mode][k] = round(agg(v), 4)
            summary[mode][k + "_runs"] = [round(x, 4) for x in v]
    results["summary"] = summary
    rows = []
    labels = {"start_tree_s": "start: tree and tabs shown (median)",
              "start_ready_s": "start: scorecard rows painted (median)",
              "start_idle_stall_s": "  longest stall until the Indicator tab is built",
              "edit_to_scorecard_s": "typed edit -> scorecard row (median)",
              "edit_stall_s": "  longest stall",
              "undo_to_scorecard_s": "undo -> scorecard row (median)",
              "undo_stall_s": "  longest stall",
              "refresh_s": "F5: scorecard recomputed (median)",
              "refresh_stall_s": "  longest stall"}
    for k, label in labels.items():
        d, r = summary["direct"][k], summary["remote"][k]
        target = TARGETS["stall_s"] if "stall" in k else TARGETS.get(k)
        verdict = "" if target is None else ("ok" if r < target else "MISSED")
        rows.append((label, d, r, f"{r / d:.2f}x" if d else "", f"< {target}" if target else "",
                     verdict))
    print_table(rows, ["measure", "direct s", f"+{a.delay_ms:g} ms s", "ratio", "target", ""])
    path = write_results("remote", results)
    print(f"\nwritten {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
