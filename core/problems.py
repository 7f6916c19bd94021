"""Problems found in input, each with where it is: file, sheet, row, column."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import EcoError
from .i18n import tr


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell or row of input.

    ``message`` is made (and translated) where the problem is found; ``where`` and ``str()``
    are put together in the current language each time they are read.
    """

    message: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""

    @property
    def where(self) -> str:
        parts = [p for p in (self.file,
                             tr("sheet {sheet}", sheet=self.sheet) if self.sheet else "",
                             tr("row {row}", row=self.row) if self.row is not None else "",
                             tr("column {column}", column=self.column) if self.column else "")
                 if p]
        out = parts[0] if parts else ""
        for p in parts[1:]:
            out = tr("{first}, {next}", first=out, next=p)
        return out

    def __str__(self) -> str:
        where = self.where
        if not where:
            return str(self.message)
        return str(tr("{where}: {message}", where=where, message=self.message))


class InputError(EcoError):
    """Input that cannot be used; ``problems`` lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem], limit: int = 20):
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:limit])
        more = ("\n  " + tr("... and {n} more", n=len(problems) - limit)
                if len(problems) > limit else "")
        head = tr("{n} problem(s) found; nothing was written:", n=len(problems))
        super().__init__(f"{head}\n{shown}{more}")
