"""Where the Excel dialogs save: names that say what and when, in the last folder used, and
Open / Show in folder once a file is written.

``会议-2026H1-2026-12-04.xlsx`` (``meeting-2026H1-2026-12-04.xlsx`` in English): what the
workbook is, the period it is for, the day it was made; a desk that exports every half-year
gets files that sort and never overwrite last time's by accident.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ..i18n import settings

KIND_WORDS = {"meeting": {"en": "meeting", "zh_CN": "会议"},
              "entry": {"en": "entry", "zh_CN": "填报"}}
FOLDER_KEY = "excel/last_folder"


def default_name(kind: str, period: str | None, lang: str, today: date | None = None) -> str:
    """``会议-2026H1-2026-12-04.xlsx``: the kind of workbook in ``lang``, the period's code
    (if any) and the day."""
    word = KIND_WORDS[kind]["zh_CN" if lang.startswith("zh") else "en"]
    parts = [word, *([period] if period else []), (today or date.today()).isoformat()]
    return "-".join(parts) + ".xlsx"


def last_folder() -> Path:
    """The folder the last workbook was saved in (the home folder at first)."""
    folder = settings().value(FOLDER_KEY, "", str)
    path = Path(folder) if folder else Path.home()
    return path if path.is_dir() else Path.home()


def remember_folder(path: str | Path) -> None:
    s = settings()
    s.setValue(FOLDER_KEY, str(Path(path).parent))
    s.sync()


def default_path(kind: str, period: str | None, lang: str) -> str:
    return str(last_folder() / default_name(kind, period, lang))


class OpenButtons(QWidget):
    """Open and Show in folder for the file just written (hidden until there is one)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.path: Path | None = None
        self.opened: list[QUrl] = []  # what was asked of the desktop (tests read it)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("openFileButton")
        self.folder_button = QPushButton(self.tr("Show in &folder"), self)
        self.folder_button.setObjectName("showFolderButton")
        self.open_button.clicked.connect(lambda: self._open(self.path))
        self.folder_button.clicked.connect(lambda: self._open(self.path and self.path.parent))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.open_button)
        lay.addWidget(self.folder_button)
        lay.addStretch(1)
        self.hide()

    def show_for(self, path: str | Path) -> None:
        self.path = Path(path)
        remember_folder(self.path)
        self.show()

    def _open(self, path) -> None:
        if path is None:
            return
        url = QUrl.fromLocalFile(str(path))
        self.opened.append(url)
        QDesktopServices.openUrl(url)
