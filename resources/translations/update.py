"""Re-extract the window's strings and rebuild the compiled translations.

    .venv/bin/python resources/translations/update.py

Runs ``pyside6-lupdate`` over every ``gui/**/*.py`` into ``ecotracker_<lang>.ts`` (existing
translations are kept; strings no longer in the code are dropped) and ``pyside6-lrelease`` to
``ecotracker_<lang>.qm``, which is committed so a checkout runs without Qt's tools.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
LANGS = ("zh_CN",)


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (pip install pyside6)")
    return found


def main() -> int:
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "gui").rglob("*.py"))
    for lang in LANGS:
        ts = HERE / f"ecotracker_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                        *sources, "-ts", str(ts.relative_to(REPO))], cwd=REPO, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], cwd=REPO, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
