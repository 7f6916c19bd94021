"""Cells typed, pasted or filled down over a table of figures, checked and written as one step.

Shared by the entry grid and the indicator view's figure table. The cells are read by the one
rule set (:func:`core.entry.check_cells`, in the GUI thread: a block of 2,090 cells is a few
pandas passes); refused cells are marked in place and written nowhere; the rest go to the
database as one :class:`core.figure_block.PutFigures` through :meth:`AppContext.edit`, in the
worker, as one step of undo; values that pass but look wrong are marked as warnings.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from PySide6.QtCore import QObject, Signal

from core import rules
from core.entry import Cells, check_cells
from core.figure_block import PutFigures
from core.names import area_keys

from ..cell_marks import CellMarks


def rules_context(ctx) -> rules.Context:
    """The rules' look-ups from the reference data the window already holds (no read)."""
    return rules.Context(ctx.indicators.set_index("code", drop=False), area_keys(ctx.areas),
                         set(ctx.sources["id"]) if len(ctx.sources) else set())


class BlockEntry(QObject):
    """Checks and writes cells over the rows of ``frame_of()``.

    ``key_of(row)`` names a row for the marks (a grid row, a figure id); ``existing_of()``
    gives the figures to judge warnings against (None: no warnings). Signals ``marked(rows)``
    when marks changed on those rows, ``failed(exc)`` when the core refused the write.
    """

    marked = Signal(object)
    failed = Signal(object)
    written = Signal(object)  # the Outcome

    def __init__(self, ctx, frame_of: Callable[[], pd.DataFrame], key_of: Callable[[int], object],
                 marks: CellMarks, existing_of: Callable[[], pd.DataFrame | None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.ctx, self.marks = ctx, marks
        self._frame_of, self._key_of, self._existing_of = frame_of, key_of, existing_of
        self._rules: tuple | None = None

    def _context(self) -> rules.Context:
        ref = (self.ctx.indicators, self.ctx.areas, self.ctx.sources)
        if self._rules is None or any(a is not b for a, b in zip(self._rules[0], ref)):
            self._rules = (ref, rules_context(self.ctx))
        return self._rules[1]

    def put(self, cells: dict[tuple[int, str], object], text: str, why: str = "typed edit"
            ) -> Cells:
        """Check ``cells`` ((row, field) -> text or value), mark what is refused or looks
        wrong, and write the rest as one undo step named ``text``."""
        existing = self._existing_of()
        got = check_cells(self._context(), self._frame_of(), cells, existing=existing,
                          areas=self.ctx.areas if existing is not None else None)
        rows = sorted({r for r, _ in cells})
        for r, f in cells:
            self.marks.clear(self._key_of(r), f)
        for (r, f), why_not in got.refused.items():
            self.marks.refuse(self._key_of(r), f, _typed(cells[(r, f)]), why_not)
        for (r, f), why_odd in got.warned.items():
            self.marks.warn(self._key_of(r), f, why_odd)
        self.marked.emit(rows)
        if len(got.put):
            self.ctx.edit(PutFigures(got.put, why=why, label=text), text,
                          on_done=self.written.emit, on_failed=self.failed.emit)
        return got


def _typed(v) -> str:
    return "" if v is None else str(v)
