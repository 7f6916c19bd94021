"""Pages of the 2024H1 briefing, as LibreOffice renders them, in English and in Chinese.

    .venv/bin/python docs/briefing_shots.py

Seeds a database in a temporary folder, writes ``ecotracker briefing --period 2024H1`` in
both languages, converts each to PDF with LibreOffice (``soffice``) and each page to PNG
with ``pdftoppm``, into ``docs/briefing/briefing_{en,zh_CN}-N.png``.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "briefing"
sys.path.insert(0, str(REPO))


def main() -> int:
    from core.briefing.commands import write_briefing
    from core.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="ecotracker-briefing-"))
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("briefing_*.png"):
        old.unlink()
    with Store.open(str(tmp / "eco.sqlite")) as store:
        for lang in ("en", "zh_CN"):
            pdf = write_briefing(store, "2024H1", tmp / f"briefing_{lang}.pdf", lang=lang)
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf),
                            str(OUT / f"briefing_{lang}")], check=True)
    for p in sorted(OUT.glob("briefing_*.png")):
        print(p.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
