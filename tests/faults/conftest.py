"""The fault suite's runner: every hostile case in a subprocess, bounded in memory and time.

``run(*args)`` runs ``python -m core.cli ARGS`` (the program as a person runs it) with its
address space limited to :data:`MEMORY` and killed after :data:`TIMEOUT` seconds, in a fresh
data folder, and returns what it did. A case fails if the program hangs, is killed, prints a
traceback, or says more than one line when it refuses.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MEMORY = 2_000_000_000  # bytes of address space for each run
TIMEOUT = 60            # seconds for each run (a refusal takes ~2 s on a busy 2-core machine)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="rlimits, FIFOs and signals")


def _limit() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@dataclass
class Ran:
    code: int
    out: str
    err: str

    def refused(self, *words: str) -> str:
        """Assert a clean refusal (exit 1 or 2, one line, no traceback) naming ``words``."""
        assert self.code in (1, 2), (self.code, self.err[-2000:])
        assert "Traceback" not in self.err and self.err.startswith("ecotracker: "), self.err
        assert self.err.count("\n") == 1, self.err
        for w in words:
            assert w in self.err, (w, self.err)
        return self.err


def run(*args: str, cwd: Path, timeout: float = TIMEOUT, python: str | None = None) -> Ran:
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_DATA_HOME=str(cwd / "data"),
               ECOTRACKER_DB="", QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, *(["-c", python] if python else ["-m", "core.cli"]), *args]
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                           timeout=timeout, preexec_fn=_limit)
    except subprocess.TimeoutExpired:
        pytest.fail(f"hung for {timeout} s: {' '.join(args)}")
    return Ran(p.returncode, p.stdout, p.stderr)


def db_state(db: Path) -> tuple[int, int, int]:
    """Figures, their values' sum and change-log rows: equal before and after a refusal."""
    with sqlite3.connect(db) as c:
        return (c.execute("select count(*) from figures").fetchone()[0],
                c.execute("select total(value) from figures").fetchone()[0],
                c.execute("select count(*) from changelog").fetchone()[0])


@pytest.fixture(scope="session")
def seeded(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults-seed")
    db = folder / "eco.sqlite"
    r = run("init", "--db", str(db), cwd=folder)
    assert r.code == 0, r.err
    return db


@pytest.fixture
def db(seeded, tmp_path) -> Path:
    """A seeded database of this case's own."""
    out = tmp_path / "eco.sqlite"
    shutil.copyfile(seeded, out)
    return out
