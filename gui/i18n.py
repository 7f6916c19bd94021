"""Languages and remembered settings.

The window speaks English or Simplified Chinese through Qt's translation files:
``resources/translations/ecotracker_zh_CN.qm`` (built from the ``.ts`` beside it by
``resources/translations/update.py``) plus Qt's own ``qtbase_zh_CN.qm`` for stock dialog
buttons. English is the source language and needs no file.

The core's messages (errors, input problems) are translated too, though ``core`` knows nothing
of Qt: while a language other than English is active, :func:`core.i18n.set_translator` gets a
function that looks core templates up in the ``core`` context of the same translation file.

Settings live in ``QSettings("EcoTracker", "EcoTracker")``. When ``ECOTRACKER_SETTINGS_DIR`` is
set (tests, automation, benchmarks) they go to an INI file in that folder instead, so a test run
never touches a person's real settings.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator)

from core import i18n as core_i18n

LANGUAGES = ("en", "zh_CN")
SETTINGS_ENV = "ECOTRACKER_SETTINGS_DIR"
ORG = APP = "EcoTracker"
REPO = Path(__file__).resolve().parent.parent
TRANSLATIONS = REPO / "resources" / "translations"
STYLE_SHEET = REPO / "resources" / "style.qss"

# Each language's own name, shown as is in the language menu (never translated).
LANGUAGE_NAMES = {"en": "English", "zh_CN": "中文"}


def settings() -> QSettings:
    """The application's settings (an INI file under ``$ECOTRACKER_SETTINGS_DIR`` if set)."""
    folder = os.environ.get(SETTINGS_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "EcoTracker.ini"), QSettings.Format.IniFormat)
    return QSettings(ORG, APP)


def system_language() -> str:
    """``zh_CN`` when the system locale is Chinese, else ``en``."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def preferred_language() -> str:
    """The language chosen last time, else the system's."""
    lang = settings().value("language", "", str)
    return lang if lang in LANGUAGES else system_language()


def translate_core(template: str) -> str:
    """A core message template in the application's language (``core`` context)."""
    return QCoreApplication.translate(core_i18n.CONTEXT, template)


def remember_language(lang: str) -> None:
    s = settings()
    s.setValue("language", lang)
    s.sync()


class Translators:
    """Installs and swaps the application's translators.

    Installing a translator makes Qt send ``QEvent.LanguageChange`` to every widget, and each
    widget re-reads its texts in ``changeEvent``.
    """

    def __init__(self) -> None:
        self.lang = "en"
        self._installed: list[QTranslator] = []

    def apply(self, lang: str) -> bool:
        """Switch the application to ``lang``; False if its translation file is missing."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before choosing a language")
        for tr in self._installed:
            app.removeTranslator(tr)
        self._installed.clear()
        ok = True
        if lang != "en":
            own = QTranslator(app)
            ok = own.load(f"ecotracker_{lang}", str(TRANSLATIONS))
            qt = QTranslator(app)
            if qt.load(f"qtbase_{lang}",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._installed.append(qt)
            if ok:
                self._installed.append(own)
            for tr in self._installed:
                app.installTranslator(tr)
        # Core messages made from now on follow; in English they need no lookup at all.
        core_i18n.set_translator(translate_core if lang != "en" and ok else None,
                                 lang if lang != "en" and ok else "en")
        # install/remove already sent QEvent.LanguageChange to every widget
        self.lang = lang
        return ok


_translators: Translators | None = None


def translators() -> Translators:
    global _translators
    if _translators is None:
        _translators = Translators()
    return _translators


def style_sheet() -> str:
    try:
        return STYLE_SHEET.read_text(encoding="utf-8")
    except OSError:
        return ""
