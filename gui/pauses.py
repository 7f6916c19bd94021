"""Keep Python's garbage collector from freezing the window.

A full collection walks every object the process holds: after pandas, SQLAlchemy, pyqtgraph
and a bureau-scale scorecard are loaded that is ~130,000 objects and 80-100 ms, long enough
to be felt as a stall wherever it happens to fall (a keystroke, a paint). Almost all of
those objects live as long as the program (modules, classes, the loaded snapshots), so once
a large load has settled they are moved out of the collector's sight with
:func:`gc.freeze`; later collections look only at what was made since, a few milliseconds.
Objects that become unreachable are still freed by reference counting as before.
"""
from __future__ import annotations

import gc


def settle() -> None:
    """Call after a large load has been swapped in (the window opened, a scorecard)."""
    gc.freeze()
