"""The figure table's editors: the value by its kind (the one value editor of
:mod:`gui.value_field`, typed text read by the core's rule, or a list of water classes),
qualifier and status from lists."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from core.validate import FIGURE_STATUSES
from gui.value_field import ClassField, ValueField

from . import labels
from .figure_model import COLUMNS

translate = QCoreApplication.translate

def value_editor(parent: QWidget, ind: dict, lang: str) -> QWidget:
    """The editor of one value of indicator ``ind``: the figure dialog's own
    (:mod:`gui.value_field`), which says what is wrong as the person types."""
    if ind.get("value_kind") == "class":
        return ClassField(lang, translate("FigureDelegate", "(choose a class)"), parent)
    return ValueField(ind, parent, explain=True)


class FigureDelegate(QStyledItemDelegate):
    """Picks the editor by column and by the indicator's value kind."""

    def __init__(self, ctx, model, parent=None):
        super().__init__(parent)
        self._ctx, self._model = ctx, model

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        col = COLUMNS[index.column()]
        if col == "value":
            editor = value_editor(parent, self._model._ind, self._ctx.lang)
        elif col == "qualifier":
            editor = QComboBox(parent)
            for label, code in labels.qualifier_choices(self._ctx.lang):
                editor.addItem(label, code)
        elif col == "status":
            editor = QComboBox(parent)
            for code in FIGURE_STATUSES:
                editor.addItem(labels.figure_status(code), code)
        else:
            return super().createEditor(parent, option, index)
        editor.setObjectName(f"{col}Editor")
        editor.setAccessibleName(editor.objectName())
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        col = COLUMNS[index.column()]
        value = index.data(Qt.ItemDataRole.EditRole)
        if col == "value":
            editor.setValue(value)
        elif col in ("qualifier", "status"):
            i = editor.findData(value or "")
            editor.setCurrentIndex(max(i, 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        col = COLUMNS[index.column()]
        if col == "value":
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif col in ("qualifier", "status"):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
