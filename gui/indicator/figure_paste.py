"""Paste (Ctrl+V) and fill down (Ctrl+D) in the indicator view's figure table.

The block lands on the figures shown, from the selection's top-left cell: value, qualifier,
status and note columns are taken (area, period, source and who entered it are not typed
here), checked by the one rule set, refused cells marked in place, the rest written as one
undo step (:class:`gui.entry.cells.BlockEntry`). Warnings are judged against the figures the
table holds: every area and period of the indicator.
"""
from __future__ import annotations

from ..entry.cells import BlockEntry
from ..entry.keys import install_block_keys
from .figure_model import COLUMNS

# the table's columns as figure fields; the others are not pasted into
PASTE_COLUMNS = tuple(c if c in ("value", "qualifier", "status", "note") else f"_{c}"
                      for c in COLUMNS)


def install(view) -> BlockEntry:
    """Give ``view``'s figure table Ctrl+V and Ctrl+D; returns the entry that writes."""
    model = view.figures_model
    entry = BlockEntry(view.ctx, lambda: model.frame, model.figure_id, model.marks,
                       lambda: model.frame.assign(indicator=view.code) if len(model.frame)
                       else None, view)

    def marked(rows) -> None:
        rows = list(rows)
        if rows:
            model.dataChanged.emit(model.index(min(rows), 0),
                                   model.index(max(rows), len(COLUMNS) - 1))

    entry.marked.connect(marked)
    entry.failed.connect(view._report)
    install_block_keys(view.figure_table, PASTE_COLUMNS, entry.put)
    return entry
