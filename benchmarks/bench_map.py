"""The Map tab: switching indicator redraws the districts (target < 50 ms).

    .venv/bin/python benchmarks/bench_map.py [--db PATH] [--repeat 5]

On the seeded database (or ``--db``, e.g. the bureau-scale ``synth.py`` file, where every
district has figures), each indicator is shown in turn on a 1100 x 760 map: the time from
``set_indicator`` until the canvas has painted (``repaint()``: the frame computed from the
scorecard's rows, brushes made, 38 districts, legend and labels drawn). The baseline, measured
in the same run, is a repaint of the same canvas with nothing changed (the drawing alone).
Uses ``QT_QPA_PLATFORM`` (offscreen when there is no display). Writes
``benchmarks/results/map.json``.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import git_state, print_table, ratio, write_results  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="database (default: a freshly seeded one)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from core import queries, status
    from core.store import Store
    from gui.context import AppContext
    from gui.map import MapView

    app = QApplication.instance() or QApplication([])
    db = args.db or str(Path(tempfile.mkdtemp()) / "eco.sqlite")
    store = Store.open(db)
    ctx = AppContext(store)
    with store.read() as conn:
        ind, figs, tgts = queries.indicators(conn), queries.figures(conn), queries.targets(conn)
    sc = status.scorecard(ind, figs, tgts)
    by = {code: rows for code, rows in sc.groupby("indicator")}
    view = MapView(ctx, lambda code: by.get(code))
    view.resize(1100, 800)
    view.show()
    app.processEvents()
    codes = list(ind["code"])
    for code in codes[:3]:  # warm: the first drawing makes the fonts' caches
        view.set_indicator(code)
        view.canvas.repaint()
    switch, paint = [], []
    for mode in (0, 1):
        view.mode.setCurrentIndex(mode)
        for _ in range(args.repeat):
            for code in codes:
                t0 = time.perf_counter()
                view.set_indicator(code)
                view.canvas.repaint()
                switch.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                view.canvas.repaint()
                paint.append(time.perf_counter() - t0)
    rows = [["switch indicator + paint", f"{statistics.median(switch) * 1e3:.1f}",
             f"{max(switch) * 1e3:.1f}"],
            ["repaint alone (baseline)", f"{statistics.median(paint) * 1e3:.1f}",
             f"{max(paint) * 1e3:.1f}"]]
    print_table(rows, ["step", "median ms", "max ms"])
    print(f"ratio {ratio(statistics.median(switch), statistics.median(paint)):.2f}x; "
          f"{len(codes)} indicators x 2 modes x {args.repeat}")
    write_results("map", {"database": "seeded" if not args.db else Path(args.db).name,
                          "indicators": len(codes), "figures": len(figs),
                          "switch_median_s": round(statistics.median(switch), 5),
                          "switch_max_s": round(max(switch), 5),
                          "repaint_median_s": round(statistics.median(paint), 5),
                          "ratio": ratio(statistics.median(switch), statistics.median(paint)),
                          "target_s": 0.050, "git": git_state("core/districtmap.py", "gui/map")})
    view.close()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
