"""The left pane: a filter box above the indicator tree."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QLineEdit, QTreeView, QVBoxLayout,
                               QWidget)

from gui.context import AppContext
from gui.later import later
from gui.retranslate import RetranslateOnce

from .model import CODE_ROLE, IndicatorFilter, IndicatorTreeModel


class IndicatorPanel(RetranslateOnce, QWidget):
    """Signal ``indicator_selected(code)``: the person picked an indicator ('' for none)."""

    indicator_selected = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("indicatorPanel")
        self.model = IndicatorTreeModel(self)
        self.proxy = IndicatorFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("indicatorFilter")
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setObjectName("indicatorTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setExpandsOnDoubleClick(True)

        self.no_match = QLabel(self)  # instead of a blank tree when the filter finds nothing
        self.no_match.setObjectName("indicatorFilterEmpty")
        self.no_match.setWordWrap(True)
        self.no_match.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.filter)
        layout.addWidget(self.no_match)
        layout.addWidget(self.tree, 1)

        self.filter.textChanged.connect(self._filter_changed)
        self.filter.installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        # a click on the indicator already current opens it too (from the Scorecard tab)
        self.tree.clicked.connect(lambda idx: self._current_changed(idx, None))
        ctx.language_changed.connect(lambda _lang: later(  # see ScorecardPanel
            self, lambda: self.model.retranslate(ctx.categories, ctx.indicators, ctx.lang)))
        ctx.reloaded.connect(self._on_reloaded)
        ctx.changed.connect(lambda ch: self.rebuild() if ch.structure else None)
        self._shown: tuple | None = None  # the frames the tree was built from
        self.rebuild()
        self.retranslate()

    # contents ------------------------------------------------------------------------------
    def _on_reloaded(self) -> None:
        """F5: rebuild only if another desk changed indicators or categories."""
        old = self._shown
        if old is None or not (old[0].equals(self.ctx.categories)
                               and old[1].equals(self.ctx.indicators)):
            self.rebuild()

    def rebuild(self) -> None:
        """Re-read the categories and indicators (keeps the selection and the filter)."""
        self._shown = (self.ctx.categories, self.ctx.indicators)
        code = self.current_code()
        self.tree.selectionModel().blockSignals(True)
        self.model.rebuild(self.ctx.categories, self.ctx.indicators, self.ctx.lang)
        self.tree.selectionModel().blockSignals(False)
        self.tree.expandAll()
        if code:
            self.select(code, notify=False)

    def set_statuses(self, statuses: dict[str, str], changed_only: bool = False) -> None:
        self.model.set_statuses(statuses, changed_only)

    def current_code(self) -> str:
        idx = self.tree.currentIndex()
        return (idx.data(CODE_ROLE) or "") if idx.isValid() else ""

    def select(self, code: str, *, notify: bool = True) -> bool:
        """Make ``code`` the current indicator (clearing a filter that hides it)."""
        src = self.model.index_of(code)
        if not src.isValid():
            return False
        idx = self.proxy.mapFromSource(src)
        if not idx.isValid():
            self.filter.clear()
            idx = self.proxy.mapFromSource(src)
        sm = self.tree.selectionModel()
        if not notify:
            sm.blockSignals(True)
        sm.setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not notify:
            sm.blockSignals(False)
            self.tree.viewport().update()
        self.tree.scrollTo(idx)
        return True

    def _filter_changed(self, text: str) -> None:
        """Narrow the tree, and nothing else: when the filter hides the current indicator
        Qt makes another row current, which must not open it (the tab stayed, the view
        did not jump to whatever matched first)."""
        sm = self.tree.selectionModel()
        sm.blockSignals(True)
        try:
            self.proxy.set_text(text)
        finally:
            sm.blockSignals(False)
        self.tree.expandAll()
        self._show_no_match()

    def first_match(self):
        """The first indicator the filter lets through (an invalid index if none)."""
        def walk(parent):
            for r in range(self.proxy.rowCount(parent)):
                idx = self.proxy.index(r, 0, parent)
                if idx.data(CODE_ROLE):
                    return idx
                found = walk(idx)
                if found is not None:
                    return found
            return None
        return walk(self.tree.rootIndex()) or self.proxy.index(-1, -1)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        """Enter or Down in the filter goes to the first match (and opens it)."""
        if obj is self.filter and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            idx = self.first_match()
            if idx.isValid():
                already = idx == self.tree.currentIndex()
                self.tree.setFocus()
                self.tree.selectionModel().setCurrentIndex(
                    idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.tree.scrollTo(idx)
                if already:  # opened even when it was current already
                    self._current_changed(idx, None)
            return True
        return super().eventFilter(obj, event)

    def _show_no_match(self) -> None:
        text = self.filter.text().strip()
        none = bool(text) and self.proxy.rowCount() == 0
        if none:
            self.no_match.setText(self.tr("No indicator matches “%1”.").replace("%1", text))
        self.no_match.setVisible(none)

    def _current_changed(self, current, _previous) -> None:
        code = current.data(CODE_ROLE) if current.isValid() else None
        if code:
            self.indicator_selected.emit(code)

    # language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter: code or name, 中文 or English"))
        self.filter.setAccessibleName(self.tr("Filter indicators"))
        self.filter.setToolTip(self.tr("Type part of a code or of a Chinese or English name"))
        self.tree.setAccessibleName(self.tr("Indicators by category"))
        self._show_no_match()
