"""core.scorecard_job: the scorecard as a plain job, here or in a child process."""
from __future__ import annotations

import subprocess

MISSABLE = ("WATER.STATE_SECTIONS_EXCELLENT", "chongqing")


def test_scorecard_job_same_in_thread_and_in_process(store):
    """The full job gives the same scorecard whether it runs here or in a worker process
    (the path large databases take), and the one-indicator job matches its rows."""
    import pandas as pd

    from core.scorecard_job import compute

    here = compute(store, threshold=10**12)
    there = compute(store, threshold=0)
    assert here.n_figures == there.n_figures > 0
    pd.testing.assert_frame_equal(here.frame, there.frame)
    one = compute(store, MISSABLE[0])
    cols = ["indicator", "area", "latest_period", "latest_value", "target_value", "gap",
            "period_status", "course_status"]
    mine = here.frame[here.frame["indicator"] == MISSABLE[0]].reset_index(drop=True)
    pd.testing.assert_frame_equal(one.frame[cols], mine[cols], check_dtype=False)


def test_scorecard_result_crosses_the_process_boundary_in_slices(store, monkeypatch):
    """Written in slices of rows and read back, the result is the same scorecard."""
    import io

    import pandas as pd

    from core import scorecard_job as job

    monkeypatch.setattr(job, "CHUNK_ROWS", 7)
    result = job.compute(store, threshold=10**12)
    assert len(result.frame) > 3 * 7  # several slices
    buf = io.BytesIO()
    job.write_result(result, buf)
    buf.seek(0)
    back = job.read_result(buf)
    pd.testing.assert_frame_equal(back.frame, result.frame)
    assert back.tables.keys() == result.tables.keys()
    for lang, table in result.tables.items():
        pd.testing.assert_frame_equal(back.tables[lang], table)
    assert (back.indicator, back.n_figures, back.n_targets) == (
        result.indicator, result.n_figures, result.n_targets)
    pd.testing.assert_frame_equal(back.warnings, result.warnings)


WATCH = """
import atexit, runpy, sys
def _report():
    qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui'))
    hooked = hasattr(__import__('builtins'), '__feature_import__')
    sys.stderr.write('QT-MODULES:' + ','.join(qt) + ' HOOK:' + str(hooked) + '\\n')
atexit.register(_report)
sys.argv = [{module!r}] + {args!r}
runpy.run_module({module!r}, run_name='__main__', alter_sys=True)
"""


def test_the_child_process_imports_no_qt(sqlite_store, monkeypatch):
    """The full job's child process (the road a bureau-scale database takes) loads neither
    PySide6 nor Shiboken's import hook: its sys.modules is read in the child at exit."""
    import pandas as pd

    from core import scorecard_job as job

    seen = []
    real_run = subprocess.run

    def run(argv, **kwargs):
        exe, dash_m, module, *args = argv
        assert dash_m == "-m"  # the job's own command, wrapped to report the child's modules
        proc = real_run([exe, "-c", WATCH.format(module=module, args=args)], **kwargs)
        seen.append(proc.stderr.decode(errors="replace"))
        return proc

    monkeypatch.setattr(job.subprocess, "run", run)
    there = job.compute(sqlite_store, threshold=0)
    assert len(seen) == 1, "the job did not start its child process"
    report = [ln for ln in seen[0].splitlines() if ln.startswith("QT-MODULES:")]
    assert report == ["QT-MODULES: HOOK:False"], seen[0]
    here = job.compute(sqlite_store, threshold=10**12)
    pd.testing.assert_frame_equal(here.frame, there.frame)


def test_tickets_only_the_latest_job_of_what_it_covers_is_current():
    from core.scorecard_job import Tickets

    t = Tickets()
    a1, b1, a2 = t.issue("A"), t.issue("B"), t.issue("A")
    assert not t.current("A", a1) and t.current("A", a2) and t.current("B", b1)
    full = t.issue(None)  # reads every indicator after the jobs above started
    assert t.current(None, full)
    assert not t.current("A", a2) and not t.current("B", b1)
    a3 = t.issue("A")
    assert t.current("A", a3) and t.current(None, full)
    assert not t.current(None, t.issue(None) - 1)
