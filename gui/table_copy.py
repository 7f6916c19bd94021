"""Ctrl+C in every table: the selection as tab-separated text with its headings, and as an
HTML table (for Word and mail), both on the clipboard at once.

One piece for all tables (the entry grid, figures, targets, history, scorecard): what a cell
shows is what is copied (its display text, in the window's language), the columns a table
hides are left out, and a number column stays right-aligned in the HTML. The text itself is
made by :mod:`core.paste`, which reads such blocks back when they are pasted.
"""
from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView

from core.paste import to_html, to_tsv

_RIGHT = Qt.AlignmentFlag.AlignRight


def selection_block(view: QTableView) -> tuple[list[str], list[list[str]], frozenset[int]]:
    """The selected cells of ``view`` as (headings, rows, right-aligned columns): the rows
    and columns that hold a selected cell, in the order shown; unselected cells inside that
    rectangle are empty. Nothing selected: the current cell."""
    model = view.model()
    sel = view.selectionModel()
    indexes = sel.selectedIndexes() if sel is not None else []
    if not indexes and view.currentIndex().isValid():
        indexes = [view.currentIndex()]
    header = view.horizontalHeader()
    cols = sorted({i.column() for i in indexes if not view.isColumnHidden(i.column())},
                  key=header.visualIndex)
    rows = sorted({i.row() for i in indexes if not view.isRowHidden(i.row())})
    picked = {(i.row(), i.column()) for i in indexes}
    headings = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in cols]
    out, right = [], set()
    for r in rows:
        line = []
        for j, c in enumerate(cols):
            if (r, c) not in picked:
                line.append("")
                continue
            index = model.index(r, c)
            line.append(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
            align = index.data(Qt.ItemDataRole.TextAlignmentRole)
            if align is not None and int(align) & _RIGHT.value:
                right.add(j)
        out.append(line)
    return headings, out, frozenset(right)


def copy_selection(view: QTableView) -> QMimeData | None:
    """Put the selection of ``view`` on the clipboard (text and HTML); returns what was put
    there, or None when nothing is selected."""
    headings, rows, right = selection_block(view)
    if not rows:
        return None
    mime = QMimeData()
    mime.setText(to_tsv(headings, rows))
    mime.setHtml(to_html(headings, rows, right))
    QGuiApplication.clipboard().setMimeData(mime)
    return mime


def install_copy(view: QTableView) -> QAction:
    """Give ``view`` Ctrl+C (and Edit › Copy's standard key) that copies its selection.

    The action belongs to the table and works while it has focus, so the same keys in a
    line editor elsewhere still copy text."""
    if view.selectionMode() == QAbstractItemView.SelectionMode.NoSelection:
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    action = QAction(view)
    action.setObjectName(f"{view.objectName() or 'table'}Copy")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: copy_selection(view))
    view.addAction(action)
    return action
