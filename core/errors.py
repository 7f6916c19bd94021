"""Errors that carry a message a person can act on."""
from __future__ import annotations


class EcoError(Exception):
    """Base of every error EcoTracker reports to a person (one clear line)."""


class PeriodError(EcoError, ValueError):
    """A period code that does not parse."""


class ValueParseError(EcoError, ValueError):
    """A value that is not a number or not a known class, or outside natural limits."""


class NotFoundError(EcoError, LookupError):
    """An indicator, area, figure or target that does not exist."""


class DatabaseError(EcoError):
    """A database that cannot be opened, reached, or is of an unknown schema."""


class StaleEditError(EcoError):
    """An edit made from an out-of-date version; someone else changed the row first.

    Attributes
    ----------
    what : str
        Names the row, e.g. ``AIR.PM25 / chongqing / 2024H1``.
    mine, theirs : str
        The value this edit expected and the value now stored (formatted).
    """

    def __init__(self, what: str, mine: str, theirs: str, *, deleted: bool = False,
                 version: int | None = None):
        self.what, self.mine, self.theirs, self.deleted = what, mine, theirs, deleted
        loaded = f" (version {version})" if version is not None else ""
        if deleted:
            msg = f"{what} was deleted by someone else since you loaded it{loaded}."
        else:
            msg = (f"{what} was changed by someone else since you loaded it{loaded}: "
                   f"you entered {mine}, it now holds {theirs}. Reload and edit again.")
        super().__init__(msg)


class ConflictError(EcoError):
    """A row that would duplicate an existing one (same indicator, area and period)."""
