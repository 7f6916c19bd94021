"""The one write path against the code before it, in the same run.

A 100,000-row Data sheet (the meeting workbook's, as ``bench_excel.py`` makes it) is imported
(checked, read, planned with the rule set, applied through ``core.write.commit`` with its
change log) into a fresh SQLite database, by this checkout and by an earlier revision of it
(``--base``, the code before "One way in for every change": two roads, its own checks in the
loader), taking turns, each import in a fresh process. The ratio is this checkout's median
over the base's. Target: at most 1.2x.

    .venv/bin/python benchmarks/bench_write_path.py [--base 58cb741] [--figures 100000]
                                                    [--repeat 5]

Writes ``benchmarks/results/write_path.json`` and prints a table.
"""
from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from common import git_state, print_table, ratio, write_results  # noqa: E402

# One timed import, run by the interpreter of this checkout on the code of ``tree``.
ONE_IMPORT = r"""
import json, shutil, sys, time
from pathlib import Path
tree, book, work, n, want = (Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]),
                            int(sys.argv[4]), int(sys.argv[5]))
sys.path[:0] = [str(tree / "benchmarks"), str(tree)]
from bench_excel import frames_for
from synth import load_frames
from core.excel.importer import apply_import, read_import
from core.store import Store
import core
assert Path(core.__file__).resolve().parent == (tree / "core").resolve(), core.__file__
for p in work.glob("fresh.sqlite*"):
    p.unlink()
shutil.rmtree(work / "backups", ignore_errors=True)
s = Store.open(str(work / "fresh.sqlite"), seed=False, user="bench")
load_frames(s, frames_for(want), figures=False)
t = time.perf_counter()
preview = read_import(s, book)
assert preview.ok and len(preview.plan.new) == n, preview.summary()
apply_import(s, preview)
print(json.dumps({"seconds": time.perf_counter() - t}))
"""


def checkout(rev: str, into: Path) -> Path:
    """The files of ``rev`` (``git archive``), not a worktree: nothing left in .git."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True,
                          capture_output=True).stdout
    tarfile.open(fileobj=io.BytesIO(data)).extractall(into, filter="data")
    return into


def one(tree: Path, book: Path, work: Path, n: int, want: int) -> float:
    work.mkdir(exist_ok=True)
    out = subprocess.run([sys.executable, "-c", ONE_IMPORT, str(tree), str(book), str(work),
                          str(n), str(want)], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(work),
                              "ECOTRACKER_DB": "", "PYTHONDONTWRITEBYTECODE": "1"})
    if out.returncode:
        raise SystemExit(f"the import of {tree} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])["seconds"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="58cb741")
    ap.add_argument("--figures", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    from bench_excel import frames_for
    from synth import build_database

    from core import queries
    from core.excel.export import export_workbook

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = checkout(args.base, tmp / "base")
        store = build_database(str(tmp / "full.sqlite"), frames=frames_for(args.figures))
        book = tmp / "export.xlsx"
        export_workbook(store, book)
        with store.read() as conn:
            n = len(queries.figures(conn))
        store.close()
        times: dict[str, list[float]] = {"base": [], "now": []}
        for r in range(args.repeat):  # taking turns, so a slow spell of the machine hits both
            order = [("base", base), ("now", ROOT)]
            for name, tree in order if r % 2 == 0 else order[::-1]:
                times[name].append(one(tree, book, tmp / f"run-{name}", n, args.figures))
                print(f"round {r + 1}: {name} {times[name][-1]:.2f} s", flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    results = {"figures": n, "base": args.base, "code": git_state("core"),
               "seconds": times, "median": med, "ratio": ratio(med["now"], med["base"]),
               "target_ratio": 1.2}
    write_results("write_path", results)
    print_table([["import, this checkout against " + args.base, med["now"], med["base"],
                  results["ratio"], "<= 1.2"]],
                ["job", "now s", "base s", "ratio", "target"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
