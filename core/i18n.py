"""Messages for people, in their language, without Qt.

Every message ``core`` shows a person is an English template with named placeholders, marked
with :func:`tr` where the message is made::

    raise PeriodError(tr("malformed period {text}: use 2024, 2024H1, 2024Q2 or 2024-06",
                         text=repr(s)))

:func:`tr` looks the template up through the translator the application installed with
:func:`set_translator` (the window installs Qt's, context ``core``: :mod:`gui.i18n`), then
fills the placeholders, so a translator sees one whole sentence and may move the placeholders
where their language wants them. With no translator installed (the command line, tests) the
English template is used, and the text is exactly what it was before messages were marked.

Translation happens when the message is made, never at import: a template kept in a module
level constant is marked with :func:`N_` (which only marks it) and passed through :func:`tr`
where it is used. ``resources/translations/update.py`` extracts every literal first argument
of ``tr`` and ``N_`` in ``core/`` into the ``core`` context of the ``.ts`` files.

Rules for templates: named placeholders only (``{value}``, not ``{}`` or ``{value:g}``;
format numbers before passing them), literal braces doubled, no leading or trailing blanks
or newlines (put those outside the template).
"""
from __future__ import annotations

from collections.abc import Callable

CONTEXT = "core"

Translator = Callable[[str], str]
_translator: Translator | None = None
_language = "en"


class Text(str):
    """A message in the current language that also keeps its English text.

    ``english`` serves logs and bug reports, and code that has to recognise a message whatever
    language it is shown in (e.g. which form field an error is about).
    """

    english: str

    def __new__(cls, text: str, english: str | None = None) -> Text:
        self = super().__new__(cls, text)
        self.english = text if english is None else english
        return self


def set_translator(fn: Translator | None, language: str | None = None) -> None:
    """Install ``fn(template) -> translated template`` for every later message; None: English.

    ``fn`` returns the template itself (or an empty string) when it has no translation. It
    may be called from worker threads.
    """
    global _translator, _language
    _translator = fn
    _language = language or ("zh_CN" if fn is not None else "en")


def language() -> str:
    """The language messages are made in (``en`` or ``zh_CN``): periods, numbers and names
    put into a message follow it."""
    return _language


def translator() -> Translator | None:
    """The installed translator, or None."""
    return _translator


def tr(template: str, /, **params: object) -> Text:
    """The message ``template`` in the current language with ``params`` filled in.

    A translation that cannot be filled (a translator broke a placeholder) falls back to the
    English message rather than hide what went wrong.
    """
    english = template.format(**params)
    fn = _translator
    if fn is None:
        return Text(english, english)
    try:
        translated = fn(template)
    except Exception:  # a broken translator must not turn one error into another
        translated = ""
    if not translated or translated == template:
        return Text(english, english)
    try:
        return Text(translated.format(**params), english)
    except (KeyError, IndexError, ValueError, AttributeError):
        return Text(english, english)


def N_(template: str) -> str:  # noqa: N802 - the gettext name for "mark, translate later"
    """Mark ``template`` for extraction without translating it (module-level constants)."""
    return template

