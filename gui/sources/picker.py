"""A source field: the list of sources and a New source… button beside it.

Behaves as the combo it holds for a form (:class:`gui.dialogs.common.FormDialog` reads its
``value()``, listens to ``currentIndexChanged``, and selects with ``findData`` /
``setCurrentIndex``); a source made with the button is selected at once.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from core.present import dated_title

from .dialog import ask_new_source


class SourcePicker(QWidget):
    currentIndexChanged = Signal(int)

    def __init__(self, ctx, none_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.none_label = none_label
        self.combo = QComboBox(self)
        self.combo.setObjectName("sourceCombo")
        self.combo.currentIndexChanged.connect(self.currentIndexChanged)
        self.new_button = QPushButton(self.tr("New source…"), self)
        self.new_button.setObjectName("newSourceButton")
        self.new_button.setToolTip(self.tr("Add a bulletin or report that is not in the list"))
        self.new_button.clicked.connect(self.new_source)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo, 1)
        lay.addWidget(self.new_button)
        self.setFocusProxy(self.combo)
        self.dialog = None
        self.fill()

    def fill(self, select: str | None = None) -> None:
        """(Re)list the sources as ``ctx.sources`` holds them, keeping or making a choice."""
        keep = select if select is not None else self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.none_label, "")
        for s in self.ctx.sources.to_dict("records"):
            self.combo.addItem(dated_title(s), s["id"])
        self.combo.setCurrentIndex(max(0, self.combo.findData(keep or "")))
        self.combo.blockSignals(False)
        if select is not None:
            self.currentIndexChanged.emit(self.combo.currentIndex())

    def new_source(self) -> None:
        self.dialog = ask_new_source(self.ctx, self.window(), self.fill)

    # what a form asks of a combo --------------------------------------------------------
    def value(self):
        return self.combo.currentData()

    def currentData(self):  # noqa: N802 - Qt's name
        return self.combo.currentData()

    def findData(self, data) -> int:  # noqa: N802
        return self.combo.findData(data)

    def setCurrentIndex(self, i: int) -> None:  # noqa: N802
        self.combo.setCurrentIndex(i)

    def currentIndex(self) -> int:  # noqa: N802
        return self.combo.currentIndex()
