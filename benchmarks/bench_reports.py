"""Reading a report: each seed report (and the Chinese one never seen, as text and as a PDF
made by LibreOffice) read into proposals.

Two timings per report: the reader alone (paragraphs, numbers, wordings, areas, periods, the
year-on-year arithmetic) and ``read_report`` as ``ecotracker import --dry-run`` runs it, with
the plan against a seeded SQLite database (the rules and the diff). The baseline, measured in
the same run, is the least any reader does: the file's bytes read and one regular expression
finding every number in them. Target: a report read in under 1 s.

    .venv/bin/python benchmarks/bench_reports.py [--repeat 7]

Writes ``benchmarks/results/reports.json`` and prints a table.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from common import git_state, measure, print_table, ratio, write_results  # noqa: E402

from core import queries  # noqa: E402
from core.reports.importing import read_report  # noqa: E402
from core.reports.reading import Reader  # noqa: E402
from core.reports.text import paragraphs  # noqa: E402
from core.store import Store  # noqa: E402

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def reports() -> list[Path]:
    shared = [ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds",
              Path("/work/shared/seeds")]
    seeds = next((d for d in shared if d.exists()), None)
    out = sorted(seeds.glob("*.txt")) if seeds else []
    return out + [ROOT / "tests" / "reports" / "unseen_zh.txt",
                  ROOT / "tests" / "reports" / "unseen_zh.pdf"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "eco.sqlite"))
        with store.read() as conn:
            ind, areas = queries.indicators(conn), queries.areas(conn)
        reader = Reader(ind, areas)
        rows, results = [], {}
        for path in reports():
            base = measure(lambda: NUMBER.findall(path.read_bytes().decode("latin-1")),
                           repeat=args.repeat, warmup=1)
            alone = measure(lambda: reader.read(paragraphs(path)), repeat=args.repeat,
                            warmup=1)
            whole = measure(lambda: read_report(store, path), repeat=args.repeat, warmup=1)
            n = len(read_report(store, path).proposals)
            results[path.name] = {"proposals": n, "baseline": base.as_dict(),
                                  "reader": alone.as_dict(), "read_report": whole.as_dict(),
                                  "reader_vs_baseline": ratio(alone.median, base.median)}
            rows.append([path.name, n, f"{base.median * 1e3:.2f}", f"{alone.median * 1e3:.1f}",
                         f"{whole.median * 1e3:.1f}", f"{ratio(alone.median, base.median):.0f}x"])
        store.close()
    print_table(rows, ["report", "proposals", "baseline ms", "reader ms", "read_report ms",
                       "reader / baseline"])
    write_results("reports", {"reports": results, "git": git_state("core/reports")})
    return 0


if __name__ == "__main__":
    sys.exit(main())
