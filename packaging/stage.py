"""Stage what the bundle carries beside the code: ``build.json`` and the CJK font.

``python packaging/stage.py build/stage`` (run by packaging/build). build.json records the
version, the commit the bundle is built from (with ``-dirty`` if the checkout had uncommitted
changes) and the build date, for ``ecotracker --version`` and Help › About.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Noto Sans CJK (SIL Open Font License 1.1), as Debian's fonts-noto-cjk installs it.
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_LICENSE = Path("/usr/share/doc/fonts-noto-cjk/copyright")


def _git(*args: str) -> str:
    out = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else ""


def build_info() -> dict:
    sys.path.insert(0, str(REPO))
    from core import __version__

    commit = _git("rev-parse", "--short=10", "HEAD")
    if commit and _git("status", "--porcelain", "--untracked-files=no"):
        commit += "-dirty"
    return {"version": __version__, "commit": commit or "unknown",
            "built": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")}


def main(stage: Path) -> int:
    stage.mkdir(parents=True, exist_ok=True)
    (stage / "build.json").write_text(json.dumps(build_info()), encoding="utf-8")
    fonts = stage / "fonts"
    fonts.mkdir(exist_ok=True)
    if not FONT.exists():
        print(f"stage: {FONT} is missing: install fonts-noto-cjk (bash .ci/setup does)",
              file=sys.stderr)
        return 1
    shutil.copy2(FONT, fonts / FONT.name)
    if FONT_LICENSE.exists():
        shutil.copy2(FONT_LICENSE, fonts / "NotoSansCJK-LICENSE.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
