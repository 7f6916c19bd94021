"""The indicator tree: categories, then their indicators, each with a status mark.

A filter proxy matches what a person types against the code and both the Chinese and the English
names, so "PM2.5", "优良" and "air.good" all find what they mean whatever the display language.
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from core import vocabulary

from gui.scorecard import palette

CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # indicator code (None on a category row)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # lower-case code and names in both languages
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 3


class IndicatorTreeModel(QStandardItemModel):
    """Two levels: category rows, indicator rows. ``rebuild`` after the list changes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: dict[str, QStandardItem] = {}
        self._statuses: dict[str, str] = {}
        self.lang = "en"

    def rebuild(self, categories: pd.DataFrame, indicators: pd.DataFrame, lang: str) -> None:
        self.lang = lang
        nc = "name_zh" if lang.startswith("zh") else "name_en"
        self.clear()
        self._items = {}
        root = self.invisibleRootItem()
        by_cat = {c: g for c, g in indicators.groupby("category", sort=False)}
        for cat in categories.itertuples(index=False):
            group = by_cat.get(cat.code)
            if group is None or group.empty:
                continue
            citem = QStandardItem(str(getattr(cat, nc)))
            citem.setEditable(False)
            citem.setSelectable(False)
            citem.setData(None, CODE_ROLE)
            citem.setData(cat.code, CATEGORY_ROLE)
            citem.setData(f"{cat.code} {cat.name_en} {cat.name_zh}".lower(), SEARCH_ROLE)
            for ind in group.itertuples(index=False):
                item = QStandardItem(str(getattr(ind, nc)))
                item.setEditable(False)
                item.setData(ind.code, CODE_ROLE)
                item.setData(cat.code, CATEGORY_ROLE)
                item.setData(f"{ind.code} {ind.name_en} {ind.name_zh}".lower(), SEARCH_ROLE)
                citem.appendRow(item)
                self._items[ind.code] = item
            root.appendRow(citem)
        self.set_statuses(self._statuses)

    def retranslate(self, categories: pd.DataFrame, indicators: pd.DataFrame,
                    lang: str) -> None:
        """Names in ``lang``, in place: no rebuild, so expansion and selection stay."""
        self.lang = lang
        nc = "name_zh" if lang.startswith("zh") else "name_en"
        cat_names = dict(zip(categories["code"], categories[nc]))
        ind_names = dict(zip(indicators["code"], indicators[nc]))
        root = self.invisibleRootItem()
        for r in range(root.rowCount()):
            citem = root.child(r)
            citem.setText(str(cat_names.get(citem.data(CATEGORY_ROLE), citem.text())))
        for code, item in self._items.items():
            item.setText(str(ind_names.get(code, item.text())))
        self.set_statuses(self._statuses)

    def set_statuses(self, statuses: dict[str, str], changed_only: bool = False) -> None:
        """Mark each indicator with its worst period status (shape, colour and tooltip);
        with ``changed_only``, only those whose status differs from the last marks (after
        an edit that is one indicator: every item set costs Qt a repaint and Python time)."""
        before, self._statuses = self._statuses, dict(statuses)
        changed_only = changed_only and bool(before) and bool(statuses)
        for code, item in self._items.items():
            st = statuses.get(code, "no_data" if statuses else "")
            if changed_only and before.get(code, "no_data") == st:
                continue
            item.setData(palette.icon(st), Qt.ItemDataRole.DecorationRole)
            words = vocabulary.words(st, self.lang)
            # the whole name first: the tree is often narrower than it
            item.setToolTip(f"{item.text()}\n{code}\n{words}" if words
                            else f"{item.text()}\n{code}")
            item.setData(f"{item.text()}, {words}" if words else item.text(),
                         Qt.ItemDataRole.AccessibleTextRole)

    def index_of(self, code: str) -> QModelIndex:
        item = self._items.get(code)
        return item.index() if item is not None else QModelIndex()


class IndicatorFilter(QSortFilterProxyModel):
    """Keeps indicators whose code or names contain every word typed (any language)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)  # a matching category shows all its indicators

    def set_text(self, text: str) -> None:
        words = text.lower().split()
        if words == self._words:
            return
        if hasattr(self, "endFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated there
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self._words:
            return True
        idx = self.sourceModel().index(row, 0, parent)
        hay = idx.data(SEARCH_ROLE) or ""
        return all(w in hay for w in self._words)
