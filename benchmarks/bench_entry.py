"""How fast the entry grid takes a pasted half-year and how fast it opens.

    .venv/bin/python benchmarks/bench_entry.py [--runs 5] [--synth PATH] [--skip-synth]

1. Paste: on the seeded SQLite database, File › Enter figures… for a half-year, every area
   and category: 54 half-year indicators x 39 areas = 2,106 rows (the seed's 55th
   indicator is reported by year only). One column of 2,106 values, valid for each
   indicator's kind, is pasted into the value column, as Ctrl+V does it: the block read,
   every cell checked by the rule set with the entry warnings, the figures written through
   the write path in the worker (one change-log row each), the rows patched and the grid
   repainted. Timed from the paste until the paint pass after the write has landed (target
   < 1 s); the longest event-loop stall during it beside. Baseline, in the same run: the
   same figures for another half-year through the import's road with no window
   (``loader.plan_figures`` + ``apply_plan`` in one transaction). Each run pastes a new
   half-year, so every run creates 2,106 figures.
2. Open: on the bureau-scale synthetic database (``synth.ensure_database``, ~700,000
   figures), the grid for the month 2025-12, every area and category: 300 x 39 = 11,700
   rows. Timed from the action until the grid's rows have been painted (target < 200 ms),
   and until the last figures beside them (read by a second query, after the rows are
   shown) have been painted.

Prints a table and writes ``benchmarks/results/entry.json``. No assertions: a report.
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
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

from bench_gui import PaintWatch, StallMonitor, _pump  # noqa: E402
from common import print_table, ratio, write_results  # noqa: E402

TARGETS = {"paste_s": 1.0, "open_s": 0.200}


def _value(ind: dict, i: int) -> str:
    """A value the rules take for ``ind``, varied a little by ``i`` (text, as pasted)."""
    kind, dec = ind["value_kind"], int(ind.get("decimals") or 0)
    if kind == "class":
        return ("I", "II", "III")[i % 3]
    if kind == "percent":
        return f"{90 + (i % 9) * 0.5:.{dec}f}"
    if kind == "count":
        return f"{100 + i % 50:,}"  # thousands separators on the larger ones
    lo, hi = ind.get("vmin"), ind.get("vmax")
    if hi is not None and hi == hi:  # a bounded number (a pH of 6-9): inside its limits
        lo = lo if lo is not None and lo == lo else 0.0
        return f"{lo + (hi - lo) * (0.4 + (i % 5) * 0.05):.{dec}f}"
    return f"{30 + (i % 13) * 0.7:.{dec}f}"


def _paste_block(win) -> str:
    m = win.model
    ind = {r["code"]: r for r in win.ctx.indicators.to_dict("records")}
    return "\r\n".join(_value(ind[c], i) for i, c in enumerate(m.frame["indicator"])) + "\r\n"


def paste_runs(runs: int, tmp: Path) -> dict:
    os.environ["ECOTRACKER_SETTINGS_DIR"] = str(tmp / "settings-paste")
    from PySide6.QtWidgets import QApplication

    from core import loader
    from core.store import Store
    from gui.context import AppContext
    from gui.entry.keys import paste_into
    from gui.entry.model import COLUMNS
    from gui.entry.window import EntryWindow

    app = QApplication.instance() or QApplication([])
    db = str(tmp / "paste.sqlite")
    store = Store.open(db)
    ctx = AppContext(store)
    win = EntryWindow(ctx)
    win.show()
    out = {"paste_s": [], "paste_stall_s": [], "import_s": []}
    mon = StallMonitor()
    value_col = COLUMNS.index("value")
    for run in range(runs):
        period = f"{2030 + run}H1"
        win.set_choices(period=period, areas=list(ctx.areas["code"]), categories=None)
        _pump(app, lambda p=period: win.model.period == p and win.model.existing is not None)
        n = win.model.rowCount()
        block = _paste_block(win)
        win.grid.setCurrentIndex(win.model.index(0, value_col))
        watch = PaintWatch([win.grid.viewport()], app)
        mon.start()
        t0 = time.perf_counter()
        got = paste_into(win.grid, block, COLUMNS, win.model.put)
        _pump(app, lambda: not ctx.ops.busy and int((win.model.frame["version"] > 0).sum()) == n)
        watch.clear()
        win.grid.viewport().update()
        done = watch.wait(app)
        out["paste_s"].append(done - t0)
        out["paste_stall_s"].append(mon.stop())
        watch.close(app)
        assert not got.refused, list(got.refused.items())[:3]
        # the baseline: the same values for another half-year by the import's road
        frame = win.model.frame[["indicator", "area"]].assign(
            period=f"{2030 + run}H2", value=[v for v in block.split("\r\n") if v])
        t0 = time.perf_counter()
        with store.write() as conn:
            plan = loader.plan_figures(conn, frame, warn=True)
            assert plan.ok, plan.problems[:3]
            loader.apply_plan(conn, plan, who="bench", why="import")
        out["import_s"].append(time.perf_counter() - t0)
    out["cells"] = n
    win.close()
    ctx.close()
    return out


def open_runs(runs: int, db: str, tmp: Path) -> dict:
    os.environ["ECOTRACKER_SETTINGS_DIR"] = str(tmp / "settings-open")
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from gui.context import AppContext
    from gui.i18n import settings
    from gui.entry.window import EntryWindow
    from core.store import Store

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(Store.open(db, create=False, seed=False))
    s = settings()
    s.setValue("entry/period", "2025-12")
    s.setValue("entry/areas", [])
    s.setValue("entry/categories", [])
    s.sync()
    out = {"open_s": [], "open_stall_s": [], "rows": 0}
    mon = StallMonitor()
    for _ in range(runs + 1):  # the first opening imports the module: not counted
        QThreadPool.globalInstance().waitForDone()  # the last run's reads of history
        app.processEvents()
        mon.start()
        t0 = time.perf_counter()
        win = EntryWindow(ctx)
        win.show()
        watch = PaintWatch([win.grid.viewport()], app)
        _pump(app, lambda: win.model.rowCount() > 0)
        watch.clear()
        done = watch.wait(app)
        out["open_s"].append(done - t0)
        _pump(app, lambda: win.model.frame["last_value"].notna().any())
        watch.clear()
        win.grid.viewport().update()
        out.setdefault("last_s", []).append(watch.wait(app) - t0)
        out["open_stall_s"].append(mon.stop())
        out["rows"] = win.model.rowCount()
        watch.close(app)
        win.close()
        win.deleteLater()
        app.processEvents()
    for k in ("open_s", "open_stall_s", "last_s"):
        out[k] = out[k][1:]
    ctx.close()
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--synth", default=str(Path(tempfile.gettempdir()) / "ecotracker-synth.sqlite"),
                   help="the bureau-scale database (built if missing; another checkout's "
                        "newer schema there is refused: give a path of your own)")
    p.add_argument("--skip-synth", action="store_true")
    a = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="bench-entry-"))
    os.environ.setdefault("XDG_DATA_HOME", str(tmp / "data"))
    results: dict = {"targets": TARGETS, "paste": paste_runs(a.runs, tmp)}
    med = statistics.median
    pr = results["paste"]
    rows = [("paste %d cells: check, write, repaint" % pr["cells"], f"{med(pr['paste_s']):.3f} s",
             f"import road: {med(pr['import_s']):.3f} s",
             f"{ratio(med(pr['paste_s']), med(pr['import_s'])):.2f}x",
             f"< 1 s: {'met' if med(pr['paste_s']) < 1 else 'missed'}"),
            ("  longest stall during the paste", f"{med(pr['paste_stall_s']) * 1000:.0f} ms",
             "", "", "")]
    if not a.skip_synth:
        from synth import ensure_database

        db = str(ensure_database(a.synth))
        results["open"] = o = open_runs(a.runs, db, tmp)
        rows.append((f"open the grid, {o['rows']:,} rows (bureau-scale db)",
                     f"{med(o['open_s']) * 1000:.0f} ms", "", "",
                     f"< 200 ms: {'met' if med(o['open_s']) < 0.2 else 'missed'}"))
        rows.append(("  ... with the last figures beside (read second)",
                     f"{med(o['last_s']) * 1000:.0f} ms", "", "", ""))
        rows.append(("  longest stall while it opens", f"{med(o['open_stall_s']) * 1000:.0f} ms",
                     "", "", ""))
    print_table(rows, ["what", "EcoTracker", "baseline", "ratio", "target"])
    print("wrote", write_results("entry", results))


if __name__ == "__main__":
    main()
