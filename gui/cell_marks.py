"""Cells marked in place: a refused entry (what was typed or pasted, and why it was not
saved) and a warning (saved, but it looks wrong, and why).

A table model keeps one :class:`CellMarks` and asks it in ``data()``: a refused cell shows
the text that was refused on a vermilion ground with the reason as its tooltip; a warned
cell shows its value with ⚠ before it on an amber ground. The colours are the scorecard's
colour-blind-safe tones (:mod:`core.vocabulary`); the symbol and the words carry the meaning
for those who do not see them. Marks are keyed by whatever names a row for the model (a
figure id, a grid row), so they survive a re-sort.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from core.vocabulary import BAD, WARN

REFUSED, WARNED = "refused", "warned"
_GROUND = {REFUSED: QColor(BAD.background), WARNED: QColor(WARN.background)}
_TEXT = {REFUSED: QColor(BAD.foreground), WARNED: QColor(WARN.foreground)}
translate = QCoreApplication.translate


class CellMarks:
    """Marks of cells, ``(row key, column name) -> (kind, text, reason)``."""

    def __init__(self):
        self._marks: dict[tuple[object, str], tuple[str, str, str]] = {}

    def __len__(self) -> int:
        return len(self._marks)

    def __contains__(self, key) -> bool:
        return key in self._marks

    def refuse(self, row, col: str, text: str, why: str) -> None:
        self._marks[(row, col)] = (REFUSED, "" if text is None else str(text), why)

    def warn(self, row, col: str, why: str) -> None:
        self._marks[(row, col)] = (WARNED, "", why)

    def clear(self, row=None, col: str | None = None) -> None:
        """Forget the mark of one cell, of every cell of ``row``, or every mark."""
        if row is None:
            self._marks.clear()
        elif col is not None:
            self._marks.pop((row, col), None)
        else:
            for key in [k for k in self._marks if k[0] == row]:
                del self._marks[key]

    def get(self, row, col: str) -> tuple[str, str, str] | None:
        return self._marks.get((row, col))

    def kind(self, row, col: str) -> str | None:
        mark = self._marks.get((row, col))
        return mark[0] if mark else None

    def items(self):
        return self._marks.items()

    def data(self, row, col: str, role: int, shown):
        """What a marked cell shows for ``role`` (``shown()`` makes its usual text), or
        None where the mark has nothing to say for that role (the model answers)."""
        mark = self._marks.get((row, col))
        if mark is None:
            return None
        kind, text, why = mark
        if role == Qt.ItemDataRole.BackgroundRole:
            return _GROUND[kind]
        if role == Qt.ItemDataRole.ForegroundRole:
            return _TEXT[kind]
        if role == Qt.ItemDataRole.ToolTipRole:
            if kind == REFUSED:
                return translate("CellMarks", "Not saved: %1").replace("%1", why)
            return translate("CellMarks", "Saved, but check it: %1").replace("%1", why)
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == REFUSED:
                return f"✗ {text}"
            return f"⚠ {shown()}"
        return None


MARK_ROLES = frozenset({Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DisplayRole})
