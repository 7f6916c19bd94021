"""Why a row changed, as stored in the change log and as a person reads it.

The log keeps a short stable reason in English (``typed edit``, ``import``, ``undo: typed
edit``), so a log written by one desk reads the same for another; the window shows it in its
own language (:func:`shown`). Undoing an undo is a redo: :func:`inverse` turns ``undo: X``
into ``redo: X`` and back, instead of piling up ``undo: undo: typed edit``.
"""
from __future__ import annotations

from .i18n import N_, tr

UNDO, REDO = "undo: ", "redo: "
# the reasons the program itself writes, each one translatable sentence
_KNOWN = {"typed edit": N_("typed edit"), "import": N_("import"),
          "seed data set": N_("seed data set"), "paste": N_("paste")}
_PREFIXED = {UNDO: N_("undo: {reason}"), REDO: N_("redo: {reason}")}


def inverse(why: str) -> str:
    """The reason of the edit that undoes one made for ``why``."""
    if why.startswith(UNDO):
        return REDO + why[len(UNDO):]
    if why.startswith(REDO):
        return UNDO + why[len(REDO):]
    return UNDO + why


def shown(why: object) -> str:
    """``why`` in the current language (a reason typed by a person is shown as it is)."""
    text = "" if why is None else str(why)
    for prefix, template in _PREFIXED.items():
        if text.startswith(prefix):
            return tr(template, reason=shown(text[len(prefix):]))
    known = _KNOWN.get(text)
    return tr(known) if known is not None else text
