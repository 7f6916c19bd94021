"""Helpers of the database fault tests: the command as a person runs it, and a private mount
namespace (``unshare -m``) for read-only and full disks that vanishes with its process."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / "ecotracker"
PY = sys.executable


def cli(*args, env=None, timeout=120) -> subprocess.CompletedProcess:
    """``ecotracker ARGS``; the result's ``stderr`` is checked by :func:`one_line`."""
    return subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def one_line(r: subprocess.CompletedProcess) -> str:
    """A failure a person caused: non-zero, one line on stderr, never a traceback."""
    assert r.returncode != 0, r.stdout
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


def namespace_ok() -> bool:
    if shutil.which("unshare") is None:
        return False
    r = subprocess.run(["unshare", "-m", "sh", "-c",
                        "mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || "
                        "mount -t tmpfs -o size=64k tmpfs /tmp"], capture_output=True)
    return r.returncode == 0


def need_namespace() -> None:
    if not namespace_ok():
        pytest.skip("needs root and unshare -m for a private read-only or full mount")


def in_namespace(script: str, timeout=180) -> subprocess.CompletedProcess:
    """Run ``script`` (sh) in a mount namespace of its own: its mounts vanish with it."""
    env = {**os.environ, "PY": PY, "ECO": str(EXE)}
    return subprocess.run(["unshare", "-m", "sh", "-ec", script], capture_output=True,
                          text=True, env=env, timeout=timeout)


_SEEDED: dict[str, bytes] = {}


def seeded_figures(folder: Path) -> int:
    """How many figures one desk seeding a new database alone ends up with."""
    import sqlite3

    db = seeded_copy(folder / "_count.sqlite")
    with sqlite3.connect(db) as c:
        n = c.execute("SELECT count(*) FROM figures").fetchone()[0]
    db.unlink()
    return n


def seeded_copy(dest: Path) -> Path:
    """A seeded SQLite database at ``dest`` (seeded once per test run, then copied)."""
    if "db" not in _SEEDED:
        from core.store import Store

        tmp = dest.parent / "_seed.sqlite"
        with Store.open(str(tmp)) as s:
            with s.engine.connect() as c:
                c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        _SEEDED["db"] = tmp.read_bytes()
        for p in tmp.parent.glob("_seed.sqlite*"):
            p.unlink()
    dest.write_bytes(_SEEDED["db"])
    return dest
