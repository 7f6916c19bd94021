"""Excel export and import at 100,000 figures, each against a plain pandas baseline.

Export: the meeting workbook (scorecard, charts, Data) of 100,000 figures against pandas
``DataFrame.to_excel(engine="openpyxl")`` writing the same 100,000 Data rows with no
formatting. Target: at most 0.8x the time, peak memory at most 100 MB.

Import: a 100,000-row Data sheet read, validated, diffed and applied (with change log) into a
fresh SQLite database that has the indicators and areas, against ``pandas.read_excel(
engine="calamine")`` plus a plain ``executemany`` insert of the same rows. Target: at most
1.5x.

    .venv/bin/python benchmarks/bench_excel.py [--figures 100000] [--repeat 3] [--only import]

Writes ``benchmarks/results/excel.json`` and prints a table. With ``--only``, one job is
measured (the workbook to import is still exported once, untimed) and the other job's last
results are kept in the file, with the machine details of the run that measured them.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from common import (RESULTS_DIR, git_state, measure, peak_memory, print_table,  # noqa: E402
                    ratio, write_results)
from synth import build_database, load_frames, make_frames  # noqa: E402

from core.excel.data_sheet import data_frame  # noqa: E402
from core.excel.export import export_workbook  # noqa: E402
from core.excel.headers import DATA_COLUMNS  # noqa: E402
from core.excel.importer import apply_import, read_import  # noqa: E402
from core import queries  # noqa: E402
from core.store import Store  # noqa: E402

PER_INDICATOR = 682_720 / 300  # figures per indicator in synth's default shape


def frames_for(n_figures: int, seed: int = 1) -> dict:
    n_ind = max(1, round(n_figures / PER_INDICATOR))
    frames = make_frames(n_indicators=n_ind, n_areas=39, n_periods=60, seed=seed)
    figs = frames["figures"]
    if len(figs) > n_figures:  # trim to exactly n, whole series kept where possible
        frames["figures"] = figs.iloc[:n_figures].reset_index(drop=True)
    return frames


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--figures", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", choices=["export", "import"],
                    help="measure one job; keep the other's last results")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench-excel-"))
    try:
        return run(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args, tmp: Path) -> int:
    code = git_state("core")  # what is measured: HEAD plus any uncommitted core change
    frames = frames_for(args.figures)
    store = build_database(str(tmp / "full.sqlite"), frames=frames)
    with store.read() as conn:
        n = len(queries.figures(conn))
        frame = data_frame(queries.figures(conn), queries.indicators(conn), queries.areas(conn),
                           queries.sources(conn), "en")
    frame.columns = [DATA_COLUMNS[c][0] for c in frame.columns]
    print(f"{n} figures, {frame.shape[1]} Data columns, {len(frames['indicators'])} indicators")

    out = tmp / "export.xlsx"
    results: dict = {"figures": n, "code": code}
    rows = []
    if args.only != "import":
        results["export"], row = measure_export(args, store, out, frame, tmp)
        rows.append(row)
    else:
        export_workbook(store, out)  # the workbook to import, untimed
    if args.only != "export":
        results["import"], row = measure_import(args, frames, out, n, tmp)
        rows.append(row)
    store.close()
    if args.only:
        results = keep_other(results, "import" if args.only == "export" else "export")
    write_results("excel", results)
    print_table(rows, ["job", "ecotracker s", "baseline s", "ratio", "target", "peak MB",
                       "baseline MB"])
    return 0


def keep_other(results: dict, job: str) -> dict:
    """``results`` with the last stored results of ``job`` (and the machine they came from)."""
    path = RESULTS_DIR / "excel.json"
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return results
    if job in old:
        results[job] = {**old[job], "machine": old[job].get("machine", old.get("machine"))}
    return results


def measure_export(args, store, out: Path, frame: pd.DataFrame, tmp: Path):
    t_export = measure(lambda: export_workbook(store, out), repeat=args.repeat)
    t_pandas = measure(lambda: frame.to_excel(tmp / "pandas.xlsx", sheet_name="Data",
                                              index=False, engine="openpyxl"),
                       repeat=args.repeat)
    mem_export = peak_memory(lambda: export_workbook(store, out))
    mem_pandas = peak_memory(lambda: frame.to_excel(tmp / "pandas.xlsx", sheet_name="Data",
                                                    index=False, engine="openpyxl"))
    mb = 2 ** 20
    res = {"ecotracker": t_export.as_dict() | {"peak_bytes": mem_export},
           "pandas_to_excel": t_pandas.as_dict() | {"peak_bytes": mem_pandas},
           "ratio": ratio(t_export.median, t_pandas.median), "target_ratio": 0.8,
           "peak_mb": round(mem_export / mb, 1), "target_peak_mb": 100,
           "file_bytes": out.stat().st_size}
    return res, ["export (scorecard, charts, Data)", t_export.median, t_pandas.median,
                 res["ratio"], "<= 0.8", round(mem_export / mb, 1), round(mem_pandas / mb, 1)]


def measure_import(args, frames: dict, out: Path, n: int, tmp: Path):
    # Import: the export's Data sheet into a fresh database with indicators and areas.
    def fresh() -> Store:
        path = tmp / "fresh.sqlite"
        for p in tmp.glob("fresh.sqlite*"):
            p.unlink()
        shutil.rmtree(tmp / "backups", ignore_errors=True)
        s = Store.open(str(path), seed=False, user="bench")
        load_frames(s, frames, figures=False)
        return s

    def do_import(s: Store) -> None:
        preview = read_import(s, out)
        assert preview.ok and len(preview.plan.new) == n, preview.summary()
        apply_import(s, preview)
        s.close()

    def fresh_plain():
        path = tmp / "plain.sqlite"
        path.unlink(missing_ok=True)
        con = sqlite3.connect(path)
        con.execute("create table figures (indicator text, area text, period text, value, "
                    "qualifier text, status text, note text, source text, source_ref text, "
                    "version integer)")
        return con

    cols = ["Indicator code", "Area", "Period", "Value", "Qualifier", "Status", "Note",
            "Source id", "Source ref", "Version"]

    def plain(con) -> None:
        df = pd.read_excel(out, sheet_name="Data", engine="calamine")
        con.executemany("insert into figures values (?,?,?,?,?,?,?,?,?,?)",
                        df[cols].astype(object).where(df[cols].notna(), None)
                        .itertuples(index=False, name=None))
        con.commit()
        con.close()

    t_import = measure(do_import, setup=fresh, repeat=args.repeat)
    t_plain = measure(plain, setup=fresh_plain, repeat=args.repeat)
    mem_import = peak_memory(do_import, setup=fresh)
    res = {"ecotracker": t_import.as_dict() | {"peak_bytes": mem_import},
           "pandas_read_excel_plus_executemany": t_plain.as_dict(),
           "ratio": ratio(t_import.median, t_plain.median), "target_ratio": 1.5}
    return res, ["import (check, read, plan, apply)", t_import.median, t_plain.median,
                 res["ratio"], "<= 1.5", round(mem_import / 2 ** 20, 1), ""]


if __name__ == "__main__":
    sys.exit(main())
