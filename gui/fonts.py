"""A Chinese font for a desk that has none.

A bundle made by ``packaging/build`` carries Noto Sans CJK (SIL Open Font License) in
``resources/fonts``; the repository does not (a developer's machine gets it from
``fonts-noto-cjk``). It is loaded only when no installed font can write Simplified Chinese, so
a desk's own Chinese font (UOS and Kylin ship theirs) is left to do the job, and the 19 MB
file is not read at every start.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def ensure_cjk() -> list[str]:
    """Load the bundled fonts if no installed one writes Chinese; the families loaded."""
    if not FONTS.is_dir() or QFontDatabase.families(
            QFontDatabase.WritingSystem.SimplifiedChinese):
        return []
    loaded: list[str] = []
    for path in sorted(FONTS.glob("*.tt[cf]")) + sorted(FONTS.glob("*.otf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            loaded += QFontDatabase.applicationFontFamilies(font_id)
    return loaded
