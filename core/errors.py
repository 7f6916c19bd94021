"""Errors that carry a message a person can act on.

Messages are made with :func:`core.i18n.tr`, so they are in the language the application
speaks; :attr:`EcoError.english` keeps the English text.
"""
from __future__ import annotations

from .i18n import tr


class EcoError(Exception):
    """Base of every error EcoTracker reports to a person (one clear line).

    ``field`` names the field of a figure, target or indicator the message is about
    (``value``, ``period`` ...), so a form shows it under that field; empty when it is about
    no one field.
    """

    field: str = ""

    def __init__(self, *args: object, field: str = ""):
        super().__init__(*args)
        if field:
            self.field = field

    @property
    def english(self) -> str:
        """The message in English, whatever language ``str(error)`` is in (for logs, and for
        code that recognises a message by its words)."""
        msg = self.args[0] if self.args else ""
        return getattr(msg, "english", None) or str(msg)


class PeriodError(EcoError, ValueError):
    """A period code that does not parse."""


class ValueParseError(EcoError, ValueError):
    """A value that is not a number or not a known class, or outside natural limits."""


class FieldError(ValueParseError):
    """A field of a figure or target that the rules refuse; ``field`` names it."""


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
        if deleted and version is None:
            msg = tr("{what} was deleted by someone else since you loaded it.", what=what)
        elif deleted:
            msg = tr("{what} was deleted by someone else since you loaded it (version "
                     "{version}).", what=what, version=version)
        elif version is None:
            msg = tr("{what} was changed by someone else since you loaded it: you entered "
                     "{mine}, it now holds {theirs}. Reload and edit again.",
                     what=what, mine=mine, theirs=theirs)
        else:
            msg = tr("{what} was changed by someone else since you loaded it (version "
                     "{version}): you entered {mine}, it now holds {theirs}. Reload and edit "
                     "again.", what=what, mine=mine, theirs=theirs, version=version)
        super().__init__(msg)


class ConflictError(EcoError):
    """A row that would duplicate an existing one (same indicator, area and period)."""


class PasswordNeeded(DatabaseError):
    """The server asks for a password, and none was given (or it was not right)."""
