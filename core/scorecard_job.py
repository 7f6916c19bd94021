"""The scorecard computation as a plain job (``progress`` and ``cancelled`` callables), run by
the window in a worker (:func:`gui.workers.start`).

A full job reads every figure and target and runs :func:`core.status.scorecard`; after an edit
the job for one indicator reads only that indicator's rows, so the window recomputes what the
edit can have changed and nothing else.

Two things keep a bureau-scale database (~700,000 figures) from freezing the window:

* only the six columns the scorecard uses are read, through the driver's cursor: building
  SQLAlchemy rows and a DataFrame of every column costs several times more than the
  computation itself;
* above :data:`PROCESS_THRESHOLD` figures the full job runs in a separate process. A thread
  is not enough there: pandas and the database driver hold Python's GIL for seconds at a time
  on frames that size, and the GUI thread would stall with it. The worker thread only waits
  for the process (without the GIL) and receives a small result.
"""
from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy import func, select

from core import asof, coherence, present, queries, schema, status
from core.child import module_command
from core.store import Store

PROCESS_THRESHOLD = 50_000  # figures; below this a thread is quicker than starting a process
LANGUAGES = ("en", "zh_CN")
FIGURE_COLUMNS = ["indicator", "area", "period", "period_ord", "value", "qualifier", "status",
                  "derived"]
WARNING_COLUMNS = ["indicator", "area", "period", "check", "params"]


@dataclass(frozen=True)
class ScorecardResult:
    frame: pd.DataFrame  # core.status.scorecard output
    indicator: str | None  # None: the whole scorecard; else only this indicator's rows
    n_figures: int
    n_targets: int
    tables: dict  # language -> core.present.scorecard_table of frame
    # core.coherence.check rows (indicator, area, period, check, params): their texts are
    # made when shown, in the window's language then
    warnings: pd.DataFrame | None = None
    as_of: str | None = None  # the period the scorecard was read as of (None: the latest)
    periods: tuple = ()  # a full job: the periods of the figures, newest first (core.asof)


class Tickets:
    """Which scorecard results may still be shown: only the latest asked for.

    Jobs run in a thread pool and may finish in any order: two quick edits to one indicator
    left the older row on screen in 4 of 30 trials. Each job gets a ticket when it starts;
    its result is shown only if no later job covers the same rows. A full job covers every
    indicator, so it also voids the tickets of one-indicator jobs started before it.

    States per key (an indicator code, or None for the full scorecard): no job asked for,
    or the ticket of the latest job asked for.
    """

    def __init__(self) -> None:
        self._last = 0
        self._full: int | None = None
        self._of: dict[str, int] = {}

    def issue(self, indicator: str | None) -> int:
        """The ticket of a job started now (for ``indicator``, or None: all of them)."""
        self._last += 1
        if indicator is None:
            self._full = self._last
            self._of.clear()  # its result holds every indicator as read after this moment
        else:
            self._of[indicator] = self._last
        return self._last

    def current(self, indicator: str | None, ticket: int) -> bool:
        """Whether the result of job ``ticket`` is still the latest for what it covers."""
        if indicator is None:
            return ticket == self._full
        return self._of.get(indicator) == ticket


def read_figures(store: Store, indicator: str | None = None, conn=None) -> pd.DataFrame:
    """The columns of the figures the scorecard needs (all, or one indicator's); on
    ``conn`` if given (one connection for all of a job's reads: each checkout and
    transaction is round trips to the server, 50 ms each to a distant one)."""
    if conn is None:
        with store.read() as conn:
            return read_figures(store, indicator, conn)
    sql = f"SELECT {', '.join(FIGURE_COLUMNS)} FROM figures"
    cursor = conn.connection.driver_connection.cursor()
    try:
        if indicator is None:
            cursor.execute(sql)
        else:  # both drivers here (sqlite3, psycopg) take a qmark / format placeholder
            mark = "?" if store.backend == "sqlite" else "%s"
            cursor.execute(f"{sql} WHERE indicator = {mark}", (indicator,))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    df = pd.DataFrame.from_records(rows, columns=FIGURE_COLUMNS)
    df["value"] = df["value"].astype(float)
    df["period_ord"] = df["period_ord"].astype("int64")
    df["qualifier"] = df["qualifier"].fillna("")
    return df


def count_figures(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(schema.figures)).scalar())


def compute(store: Store, indicator: str | None = None, *,
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None,
            threshold: int | None = None,
            reference: tuple[pd.DataFrame, pd.DataFrame] | None = None,
            as_of: str | None = None) -> ScorecardResult | None:
    """Scorecard of the whole database, or of one indicator; None if cancelled.

    ``reference``: the indicators and areas as the caller holds them (the window's), so
    that one indicator's job reads only its figures and targets. ``as_of``: a period code,
    the scorecard as it stood then (:mod:`core.asof`)."""
    limit = PROCESS_THRESHOLD if threshold is None else threshold
    if indicator is None and count_figures(store) >= limit:
        return _in_process(store, as_of)
    return _compute(store, indicator, progress, cancelled, reference, as_of)


def _compute(store: Store, indicator: str | None, progress=None,
             cancelled=None, reference=None, as_of=None) -> ScorecardResult | None:
    if progress:
        progress(0, 3)
    with store.read() as conn:  # one connection: fewer round trips
        if store.backend == "postgresql":  # nor BEGIN and ROLLBACK: two more
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        figs = read_figures(store, indicator, conn)
        if cancelled and cancelled():
            return None
        if progress:
            progress(1, 3)
        tgs = queries.targets(conn, indicators=[indicator] if indicator else None)
        if reference is None:
            ind, areas = queries.indicators(conn), queries.areas(conn)
        else:
            ind, areas = reference
    if indicator:
        ind = ind[ind["code"] == indicator]
    if cancelled and cancelled():
        return None
    if progress:
        progress(2, 3)
    # the warnings are kept for the window's tooltips: computed once, on keys made once
    periods = tuple(asof.choices(figs["period"])) if indicator is None else ()
    if as_of:  # the warnings too as they stood then
        figs = asof.known_at(figs, as_of).reset_index(drop=True)
    keys = status.series_keys(figs) if len(figs) else None
    warnings = coherence.check(ind, figs, keys=keys)
    frame = status.scorecard(ind, figs, tgs, warnings=warnings, keys=keys,
                             area_rank=queries.area_rank(areas), areas=areas, as_of=as_of)
    # formatted here, off the GUI thread, in both languages: switching is then instant
    tables = {lang: present.scorecard_table(frame, areas, lang) for lang in LANGUAGES}
    if progress:
        progress(3, 3)
    return ScorecardResult(frame, indicator, len(figs), len(tgs), tables,
                           warnings[WARNING_COLUMNS].reset_index(drop=True), as_of, periods)


# the separate process ----------------------------------------------------------------------
def _in_process(store: Store, as_of: str | None = None) -> ScorecardResult | None:
    """Run the full job in a fresh interpreter (``python -m core.scorecard_job``).

    A plain subprocess rather than multiprocessing: spawn would re-import the caller's main
    script in the child, and fork is unsafe in a process that runs Qt threads. The module
    lives in ``core`` so that the child imports no Qt at all (as ``gui.scorecard.job`` its
    package's ``__init__`` loaded PySide6 and Shiboken's import hook in every child).
    """
    repo = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (repo, os.environ.get("PYTHONPATH", "")) if p))
    # below normal priority: on a machine with few cores the window keeps the CPU it needs
    flags = getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)  # Windows; else os.nice
    proc = subprocess.run(module_command("core.scorecard_job", store.user,
                                         *([as_of] if as_of else [])),
                          input=store.url.encode(), capture_output=True, env=env, cwd=repo,
                          creationflags=flags)
    if proc.returncode != 0:
        lines = proc.stderr.decode(errors="replace").strip().splitlines()
        raise RuntimeError(lines[-1] if lines else f"scorecard process exit {proc.returncode}")
    return read_result(io.BytesIO(proc.stdout))


# The result crosses the process boundary in slices of rows. Unpickling holds the GIL for
# the whole of one ``pickle.load`` call: the full scorecard with its two formatted tables in
# one piece is 50-100 ms during which the GUI thread cannot run; a slice is about 2 ms.
CHUNK_ROWS = 1000


def write_result(result: ScorecardResult, out) -> None:
    frames = {"frame": result.frame, **{f"table:{k}": v for k, v in result.tables.items()}}
    if result.warnings is not None:
        frames["warnings"] = result.warnings
    parts = {name: max(1, -(-len(df) // CHUNK_ROWS)) for name, df in frames.items()}
    pickle.dump({"indicator": result.indicator, "n_figures": result.n_figures,
                 "as_of": result.as_of, "periods": result.periods,
                 "n_targets": result.n_targets, "parts": parts}, out,
                protocol=pickle.HIGHEST_PROTOCOL)
    for name, df in frames.items():
        for i in range(parts[name]):
            pickle.dump(df.iloc[i * CHUNK_ROWS:(i + 1) * CHUNK_ROWS], out,
                        protocol=pickle.HIGHEST_PROTOCOL)


def read_result(stream) -> ScorecardResult:
    head = pickle.load(stream)
    frames = {}
    for name, n in head["parts"].items():
        chunks = [pickle.load(stream) for _ in range(n)]  # the GIL is free between slices
        frames[name] = chunks[0] if n == 1 else pd.concat(chunks)
    tables = {k.split(":", 1)[1]: v for k, v in frames.items() if k.startswith("table:")}
    return ScorecardResult(frames["frame"], head["indicator"], head["n_figures"],
                           head["n_targets"], tables, frames.get("warnings"), head.get("as_of"),
                           head.get("periods", ()))


def _main(user: str, as_of: str | None = None) -> int:
    if hasattr(os, "nice"):
        os.nice(10)  # a background job: the window's process comes first
    url = sys.stdin.read().strip()  # not on the command line: a URL may hold a password
    store = Store.open(url, create=False, user=user)
    try:
        result = _compute(store, None, as_of=as_of)
    finally:
        store.close()
    write_result(result, sys.stdout.buffer)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    from core import scorecard_job as _job  # one module, not a second copy as __main__

    sys.exit(_job._main(sys.argv[1] if len(sys.argv) > 1 else "unknown",
                        sys.argv[2] if len(sys.argv) > 2 else None))
