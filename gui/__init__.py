"""EcoTracker's Qt window: a thin layer over :mod:`core` services.

This package's own import does not load Qt (``gui.launcher`` runs headless commands too);
:mod:`gui.app` loads it and then calls :func:`plain_import`.
"""
from __future__ import annotations

import builtins


def plain_import() -> bool:
    """Take Shiboken's ``__feature__`` hook off ``builtins.__import__``; True if it was on.

    Importing PySide6 puts ``__feature_import__`` in front of the import so that
    ``from __feature__ import snake_case`` can work. After each import that hook reads the
    new module's source to see whether it mentions PySide6, which made pandas and
    SQLAlchemy import about 40 % slower once Qt was loaded (measured: 320 ms instead of
    220 ms). EcoTracker uses no ``__feature__`` options, so the import the hook wraps,
    which Shiboken keeps as ``builtins.__orig_import__``, is put back in its place. (In
    PySide6 6.11 that is Shiboken's lazy-loading import, which Qt's own modules need and
    which costs other imports nothing measurable.) Any other replacement of the import (a
    debugger's, a test tool's) is left alone.
    """
    feature = getattr(builtins, "__feature_import__", None)
    orig = getattr(builtins, "__orig_import__", None)
    if feature is None or orig is None or builtins.__import__ is not feature:
        return False
    builtins.__import__ = orig
    return True


plain_import()  # for a process that loaded Qt before it imported this package
