"""The ``ecotracker`` entry point: commands run headless; with no command, the window opens.

Qt is imported only when the window is wanted, so ``ecotracker status`` works on a server.
"""
from __future__ import annotations

import sys

from core import cli


def _open_window(db: str | None, lang: str | None = None) -> int:
    from gui.app import main as gui_main

    return gui_main(db, lang=lang)


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, open_window=_open_window)


if __name__ == "__main__":
    sys.exit(main())
