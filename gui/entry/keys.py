"""Ctrl+V and Ctrl+D over a table of figures (the entry grid and the figure table alike).

Paste reads the clipboard's text as a spreadsheet's block (:func:`core.paste.read_block`)
and lays it over the table from the selection's top-left cell; one cell pasted over a larger
selection fills the selection. Fill down copies the top selected cell of each selected
column into the selected cells below it. Either way the cells go to ``put(cells, text,
why)``, which checks them with the one rule set and writes them as one undo step.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView

from core.entry import CELL_FIELDS, block_cells
from core.paste import read_block

translate = QCoreApplication.translate


def _selected(view: QTableView) -> list[tuple[int, int]]:
    """The selected cells; in a table that selects whole rows (the figure table), the
    selected rows' cells in the current cell's column."""
    sel = view.selectionModel()
    cur = view.currentIndex()
    if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
        rows = sorted({i.row() for i in sel.selectedIndexes()}) if sel else []
        return [(r, cur.column()) for r in rows or [cur.row()]] if cur.isValid() else []
    cells = sorted({(i.row(), i.column()) for i in sel.selectedIndexes()}) if sel else []
    if not cells and cur.isValid():
        cells = [(cur.row(), cur.column())]
    return cells


def paste_into(view: QTableView, text: str, columns: tuple[str, ...], put: Callable):
    """Lay the block ``text`` over ``view`` and hand its cells to ``put``; returns what
    ``put`` returned (None when nothing was pasted)."""
    block = read_block(text)
    picked = _selected(view)
    if not block or not picked:
        return None
    top, left = min(r for r, _ in picked), min(c for _, c in picked)
    n = view.model().rowCount()
    if len(block) == 1 and len(block[0]) == 1 and len(picked) > 1:
        cells = {(r, columns[c]): block[0][0] for r, c in picked
                 if columns[c] in CELL_FIELDS and not view.isRowHidden(r)}
    else:
        cells = block_cells(block, top, left, list(columns), n)
    if not cells:
        return None
    what = translate("EntryGrid", "Paste %1 cells").replace("%1", str(len(cells)))
    return put(cells, what, "paste")


def fill_down(view: QTableView, columns: tuple[str, ...], put: Callable):
    """Copy the top selected cell of each selected column into the selected cells below."""
    picked = _selected(view)
    model = view.model()
    cells = {}
    for c in sorted({c for _, c in picked}):
        if columns[c] not in CELL_FIELDS:
            continue
        rows = sorted(r for r, cc in picked if cc == c)
        if len(rows) < 2:
            continue
        value = model.index(rows[0], c).data(Qt.ItemDataRole.EditRole)
        for r in rows[1:]:
            cells[(r, columns[c])] = value
    if not cells:
        return None
    what = translate("EntryGrid", "Fill down %1 cells").replace("%1", str(len(cells)))
    return put(cells, what, "fill down")


def install_block_keys(view: QTableView, columns: tuple[str, ...], put: Callable
                       ) -> tuple[QAction, QAction]:
    """Ctrl+V (paste) and Ctrl+D (fill down) on ``view``, while it has focus."""
    paste = QAction(view)
    paste.setObjectName(f"{view.objectName()}Paste")
    paste.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
    paste.triggered.connect(lambda _c=False: paste_into(
        view, QGuiApplication.clipboard().text(), columns, put))
    down = QAction(view)
    down.setObjectName(f"{view.objectName()}FillDown")
    down.setShortcut(QKeySequence("Ctrl+D"))
    down.triggered.connect(lambda _c=False: fill_down(view, columns, put))
    for action in (paste, down):
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        view.addAction(action)
    return paste, down
