"""The full scorecard with computed indicators and aggregation against today's, in one run.

The bureau-scale synthetic data set (``synth.make_frames``: 300 indicators x 39 areas x 60
months) is made in memory by each process. The base revision (``--base``, the code before
"Targets a review can stand on") computes ``status.scorecard`` as the command line called it
then; this checkout computes it as the command line calls it now: with the area hierarchy
(a municipality's figure made from its districts where figures add, a coherence warning
where they disagree) and with ``--computed`` computed indicators (each a ratio of two count
indicators, ``100 * A / (B | days)``, whose figures are added to the data set as the write
path would store them). Each measurement is a median of ``--repeat`` computations in one
fresh process; the processes take turns. Target: at most 1.2x.

    .venv/bin/python benchmarks/bench_targets.py [--base 0e28e1d] [--rounds 3] [--repeat 5]

Writes ``benchmarks/results/targets.json`` and prints a table.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from bench_write_path import checkout  # noqa: E402
from common import git_state, print_table, ratio, write_results  # noqa: E402

ONE_RUN = r"""
import json, statistics, sys, time
from pathlib import Path
tree, now, n_computed, repeat, size = (Path(sys.argv[1]), sys.argv[2] == "now",
                                       int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
sys.path[:0] = [str(tree / "benchmarks"), str(tree)]
import pandas as pd
import synth
from core import queries, status
import core
assert Path(core.__file__).resolve().parent == (tree / "core").resolve(), core.__file__
kw = {} if size == "full" else dict(n_indicators=40, n_areas=6, n_periods=24)
f = synth.make_frames(**kw)
ind, figs, tgts, areas = f["indicators"], f["figures"], f["targets"], f["areas"]
extra = {}
if now:
    from core import computed
    from core.periods import period_ord
    counts = ind[ind["value_kind"] == "count"]["code"].tolist()
    made_ind, made_figs = [], []
    for i in range(min(n_computed, len(counts) // 2)):
        a, b = counts[2 * i], counts[2 * i + 1]
        code = f"SYN.COMPUTED_{i:02d}"
        formula = f"100 * {a} / ({b} | days)"
        row = ind[ind["code"] == a].iloc[0].to_dict()
        row.update(code=code, value_kind="number", unit="%", decimals=1, formula=formula,
                   measure="ratio", cumulative=False)
        made_ind.append(row)
        got = computed.evaluate(formula, figs[figs["indicator"].isin([a, b])])
        one = got.reset_index()
        one.columns = ["area", "period", "value"]
        one["indicator"] = code
        made_figs.append(one)
    ind = pd.concat([ind.assign(formula="", measure="flow"), pd.DataFrame(made_ind)],
                    ignore_index=True)
    new = pd.concat(made_figs, ignore_index=True)
    new["period_ord"] = [period_ord(p) for p in new["period"]]
    new["qualifier"] = ""
    figs = pd.concat([figs, new], ignore_index=True).sort_values(
        ["indicator", "area", "period_ord"], kind="stable").reset_index(drop=True)
    extra = {"areas": areas}
rank = queries.area_rank(areas)
status.scorecard(ind, figs, tgts, area_rank=rank, **extra)  # warm-up
times = []
for _ in range(repeat):
    t = time.perf_counter()
    sc = status.scorecard(ind, figs, tgts, area_rank=rank, **extra)
    times.append(time.perf_counter() - t)
print(json.dumps({"seconds": statistics.median(times), "figures": len(figs),
                  "rows": len(sc)}))
"""


def one(tree: Path, now: bool, n_computed: int, repeat: int, size: str, work: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", ONE_RUN, str(tree), "now" if now else "base",
                          str(n_computed), str(repeat), size], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(work), "ECOTRACKER_DB": "",
                              "PYTHONDONTWRITEBYTECODE": "1"})
    if out.returncode:
        raise SystemExit(f"the scorecard of {tree} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="0e28e1d")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--computed", type=int, default=10)
    ap.add_argument("--quick", action="store_true", help="a small data set, no JSON")
    args = ap.parse_args(argv)
    size = "quick" if args.quick else "full"
    times: dict[str, list[float]] = {"base": [], "now": []}
    info = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = checkout(args.base, tmp / "base")
        for r in range(args.rounds):  # taking turns, so a slow spell hits both
            order = [("base", base, False), ("now", ROOT, True)]
            for name, tree, now in order if r % 2 == 0 else order[::-1]:
                got = one(tree, now, args.computed, args.repeat, size, tmp)
                times[name].append(got["seconds"])
                info[name] = got
                print(f"round {r + 1}: {name} {got['seconds']:.3f} s "
                      f"({got['figures']} figures, {got['rows']} rows)", flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    results = {"base": args.base, "code": git_state("core"), "computed_indicators":
               args.computed, "seconds": times, "median": med, "runs": info,
               "ratio": ratio(med["now"], med["base"]), "target_ratio": 1.2}
    if not args.quick:
        write_results("targets", results)
    print_table([["scorecard with computed indicators and aggregation, against " + args.base,
                  med["now"], med["base"], results["ratio"], "<= 1.2"]],
                ["job", "now s", "base s", "ratio", "target"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
