"""The Indicator tab's modules, imported while the window idles, a few milliseconds at a time.

Importing pyqtgraph takes ~110 ms, most of it in ``pyqtgraph.Qt``, which reads all ~720 names
of PySide6's QtCore, QtGui and QtWidgets: PySide6 makes each class the first time it is
asked for, so that loop makes hundreds of them. Done in one go, the window would not answer for
that long just after it has shown its data. Here the names are read 40 at a time (under
~10 ms each), one piece per turn of the event loop (:func:`gui.later.later`), so what is
left of the import is ~40 ms. A worker thread is no help: painting calls into Python for
every cell, and each call waits for the importing thread to hand over the GIL.
"""
from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from functools import partial

CHUNK = 40
VIEW_MODULE = "gui.indicator.view"


def _touch(module, names: list[str]) -> None:
    for name in names:
        getattr(module, name, None)


def _import(name: str) -> None:
    importlib.import_module(name)


def pieces() -> list[Callable[[], None]]:
    """The work, in pieces to run one per turn of the event loop; nothing is left to do
    when the view's module is already imported."""
    if VIEW_MODULE in sys.modules:
        return []
    out: list[Callable[[], None]] = []
    if "pyqtgraph" not in sys.modules:
        from PySide6 import QtCore, QtGui, QtWidgets

        for module in (QtCore, QtGui, QtWidgets):
            names = dir(module)
            out += [partial(_touch, module, names[i:i + CHUNK])
                    for i in range(0, len(names), CHUNK)]
        out.append(partial(_import, "pyqtgraph"))
    out.append(partial(_import, VIEW_MODULE))
    return out
