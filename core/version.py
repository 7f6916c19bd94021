"""What EcoTracker says about itself: its version and the commit it was built from.

A bundle built by ``packaging/build`` carries ``resources/build.json`` (version, commit, date of
the build), written once at build time, because an installed program has no repository to ask.
Run from a checkout, the commit comes from git; installed from a wheel without either, only the
version is known.
"""
from __future__ import annotations

import json
import subprocess
from functools import cache
from pathlib import Path

from . import __version__

ROOT = Path(__file__).resolve().parent.parent
BUILD_INFO = ROOT / "resources" / "build.json"


@cache
def build_info() -> dict:
    """``{"version", "commit", "built"}``; commit and built are '' where unknown."""
    info = {"version": __version__, "commit": "", "built": ""}
    try:
        info.update(json.loads(BUILD_INFO.read_text(encoding="utf-8")))
        return info
    except (OSError, ValueError):
        pass
    if (ROOT / ".git").exists():
        try:
            out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=10", "HEAD"],
                                 capture_output=True, text=True, timeout=5)
            if out.returncode == 0:
                info["commit"] = out.stdout.strip()
        except (OSError, subprocess.SubprocessError):
            pass
    return info


def describe() -> str:
    """``0.1.0 (commit 0e28e1d5a1, built 2026-12-04)``, or as much of it as is known."""
    info = build_info()
    extra = [f"commit {info['commit']}"] if info["commit"] else []
    if info["built"]:
        extra.append(f"built {info['built']}")
    return info["version"] + (f" ({', '.join(extra)})" if extra else "")
