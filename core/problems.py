"""Problems found in input, each with where it is: file, sheet, row, column."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import EcoError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell or row of input."""

    message: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""

    @property
    def where(self) -> str:
        parts = [p for p in (self.file, f"sheet {self.sheet}" if self.sheet else "",
                             f"row {self.row}" if self.row is not None else "",
                             f"column {self.column}" if self.column else "") if p]
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(EcoError):
    """Input that cannot be used; ``problems`` lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem], limit: int = 20):
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:limit])
        more = f"\n  ... and {len(problems) - limit} more" if len(problems) > limit else ""
        super().__init__(f"{len(problems)} problem(s) found; nothing was written:\n{shown}{more}")
