"""Excel for meetings, both ways: the meeting workbook out, entry workbooks back in.

:mod:`.export` writes the meeting workbook (scorecard, charts, ``Data``), :mod:`.template` the
entry workbook for districts, :mod:`.importer` reads either back with a preview
(:class:`core.loader.Plan`) before anything is written. :mod:`.safety` refuses hostile files
before any parser sees them. No Qt here: long functions take ``progress(done, total)`` and
``cancelled() -> bool``.
"""
from __future__ import annotations

from ..errors import EcoError
from ..i18n import N_, Text, tr

# The old call style names the job (``Cancelled("the import")``); each name has its own
# whole sentence, so a translator never sees "{what} was cancelled".
_CANCELLED = {
    "the job": N_("the job was cancelled; nothing was written"),
    "the export": N_("the export was cancelled; nothing was written"),
    "the template": N_("the template was cancelled; nothing was written"),
    "the import": N_("the import was cancelled; nothing was written"),
}


class Cancelled(EcoError):
    """The person cancelled a long Excel job; nothing was written.

    Give the whole sentence for the job, made with :func:`core.i18n.tr` where it is raised::

        raise Cancelled(tr("the export was cancelled; nothing was written"))

    The older style, the job's name alone (``Cancelled("the import")``), still works: a name
    in :data:`_CANCELLED` gives that job's sentence in the current language, any other name
    the English sentence built from it, as before.
    """

    def __init__(self, message: str | None = None):
        if message is None:
            message = tr(_CANCELLED["the job"])
        elif not isinstance(message, Text):  # a job's name (the older style)
            template = _CANCELLED.get(message)
            message = tr(template) if template else f"{message} was cancelled; nothing was written"
        super().__init__(message)


def no_progress(done: int, total: int) -> None:
    """Default ``progress`` callback."""


def never() -> bool:
    """Default ``cancelled`` callback."""
    return False
