"""Excel for meetings, both ways: the meeting workbook out, entry workbooks back in.

:mod:`.export` writes the meeting workbook (scorecard, charts, ``Data``), :mod:`.template` the
entry workbook for districts, :mod:`.importer` reads either back with a preview
(:class:`core.loader.Plan`) before anything is written. :mod:`.safety` refuses hostile files
before any parser sees them. No Qt here: long functions take ``progress(done, total)`` and
``cancelled() -> bool``.
"""
from __future__ import annotations

from ..errors import EcoError


class Cancelled(EcoError):
    """The person cancelled a long Excel job; nothing was written."""

    def __init__(self, what: str = "the job"):
        super().__init__(f"{what} was cancelled; nothing was written")


def no_progress(done: int, total: int) -> None:
    """Default ``progress`` callback."""


def never() -> bool:
    """Default ``cancelled`` callback."""
    return False
