"""The widgets of the indicator view and their texts (no behaviour here)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QSplitter,
                               QTableView, QToolButton, QVBoxLayout, QWidget)

from ..table_copy import install_copy
from .delegates import FigureDelegate
from .figure_model import COLUMNS as FIGURE_COLUMNS
from .legend import AreaLegend
from .plot import TrendPlot
from .target_model import COLUMNS as TARGET_COLUMNS

translate = QCoreApplication.translate  # texts share the view's context ("IndicatorView")
FIGURE_WIDTHS = (150, 70, 110, 80, 80, 220, 260, 90, 120)
TARGET_WIDTHS = (150, 80, 110, 170, 110, 240, 200)


def _named(widget, name: str):
    widget.setObjectName(name)
    widget.setAccessibleName(name)
    return widget


def _table(name: str, model, widths, fit: tuple[int, ...] = ()) -> QTableView:
    """A table of ``model``; the columns in ``fit`` (short texts whose width depends on the
    language: a period is 2024H1 or 2024年上半年) also widen to their longest cell."""
    t = _named(QTableView(), name)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    t.verticalHeader().setVisible(False)
    # Fixed row heights: the view never measures rows, so 10,000 figures load instantly.
    t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
    t.horizontalHeader().setStretchLastSection(True)
    for i, w in enumerate(widths):
        t.setColumnWidth(i, w)

    def fit_headers(*_args) -> None:
        """Widen a column whose heading (e.g. "Value (µg/m³)", set per indicator and language)
        no longer fits; never narrow what the person has widened."""
        header = t.horizontalHeader()
        metrics = header.fontMetrics()
        for i in range(model.columnCount()):
            text = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
            need = metrics.horizontalAdvance(text) + 24
            if i in fit:  # the first rows are enough: a column of periods is all alike
                cells = t.fontMetrics()
                shown = (str(model.index(r, i).data() or "") for r in range(min(60,
                                                                              model.rowCount())))
                need = max([need, *(cells.horizontalAdvance(x) + 16 for x in shown)])
            if header.sectionSize(i) < need:
                t.setColumnWidth(i, need)

    model.modelReset.connect(fit_headers)
    model.headerDataChanged.connect(fit_headers)
    fit_headers()
    install_copy(t)  # Ctrl+C: the selection as text and HTML, with the headings
    return t


class IndicatorUi:
    def __init__(self, view):
        self.view = view
        self.title = _named(QLabel(), "indicatorTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # wrapped, like every label over the view: an unbroken long name would otherwise
        # set the window's minimum width and widen it past the screen
        self.title.setWordWrap(True)
        self.details = _named(QLabel(), "indicatorDetails")
        self.details.setWordWrap(True)
        self.definition = _named(QLabel(), "indicatorDefinition")
        self.definition.setWordWrap(True)
        self.definition.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.figure_table = _table("figureTable", view.figures_model, FIGURE_WIDTHS,
                                   fit=(FIGURE_COLUMNS.index("period"),))
        self.figure_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                          | QAbstractItemView.EditTrigger.EditKeyPressed
                                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.delegate = FigureDelegate(view.ctx, view.figures_model, self.figure_table)
        self.figure_table.setItemDelegate(self.delegate)
        self.target_table = _table("targetTable", view.targets_model, TARGET_WIDTHS,
                                   fit=(TARGET_COLUMNS.index("period"),))
        self.target_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view = _table("historyView", view.history_model, (120, 80, 70, 260))
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.plot = TrendPlot()
        self.legend = AreaLegend(self.plot)
        # what the lines and markers other than the areas' mean (the legend lists areas)
        self.plot_key = _named(QLabel(), "plotKey")
        self.plot_key.setWordWrap(True)
        self.plot_key.setStyleSheet("color: #404040;")
        self.plot_key.setMaximumWidth(190)
        self.message = _named(QLabel(), "indicatorMessage")
        self.message.setStyleSheet("color: #B8420F;")  # vermilion, readable for all
        self.message.setWordWrap(True)
        self.source = _named(QLabel(), "figureSource")
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = {}
        self.tips: dict[str, str] = {}  # the buttons' tooltips when they are allowed
        bar = QHBoxLayout()
        for name, slot in (("newFigureButton", view.new_figure),
                           ("newTargetButton", view.new_target),
                           ("editIndicatorButton", view.edit_indicator),
                           ("deleteButton", view.delete_selected),
                           ("savePlotButton", view.save_plot)):
            b = _named(QToolButton(), name)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab, as every button
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[name] = b
        bar.addStretch(1)

        self.figures_label, self.targets_label = QLabel(), QLabel()
        self.history_label = QLabel()
        for label in (self.figures_label, self.targets_label, self.history_label):
            label.setWordWrap(True)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.figures_label)
        lv.addWidget(self.figure_table, 3)
        lv.addWidget(self.message)
        lv.addWidget(self.targets_label)
        lv.addWidget(self.target_table, 1)
        right = _named(QSplitter(Qt.Orientation.Vertical), "indicatorRightSplitter")
        top = QWidget()
        tl = QHBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.plot, 1)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.legend, 1)
        side.addWidget(self.plot_key)
        tl.addLayout(side)
        right.addWidget(top)
        hist = QWidget()
        hv = QVBoxLayout(hist)
        hv.setContentsMargins(0, 0, 0, 0)
        hv.addWidget(self.history_label)
        hv.addWidget(self.source)
        hv.addWidget(self.history_view)
        # the figure's history, and beside it its comments (added by the view)
        self.history_split = _named(QSplitter(Qt.Orientation.Horizontal), "historySplitter")
        self.history_split.addWidget(hist)
        right.addWidget(self.history_split)
        right.setSizes([400, 200])
        self.splitter = _named(QSplitter(Qt.Orientation.Horizontal), "indicatorSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([560, 480])

        outer = QVBoxLayout(view)
        outer.addWidget(self.title)
        outer.addWidget(self.details)
        outer.addWidget(self.definition)
        outer.addLayout(bar)
        outer.addWidget(self.splitter, 1)

    def retranslate(self) -> None:
        texts = {"newFigureButton": translate("IndicatorView", "New figure…"),
                 "newTargetButton": translate("IndicatorView", "New target…"),
                 "editIndicatorButton": translate("IndicatorView", "Edit indicator…"),
                 "deleteButton": translate("IndicatorView", "Delete…"),
                 "savePlotButton": translate("IndicatorView", "Save plot as PNG…")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.tips = {"deleteButton": translate("IndicatorView",
                                               "Delete the selected figures or targets")}
        self.buttons["deleteButton"].setToolTip(self.tips["deleteButton"])
        self.figures_label.setText(translate(
            "IndicatorView", "Figures (double-click a value, qualifier, status or note to edit it)"))
        self.targets_label.setText(translate("IndicatorView", "Targets"))
        self.history_label.setText(
            translate("IndicatorView", "History of the selected figure"))
        self.message.setText("")
        self.plot_key.setText(key_text())


def key_text() -> str:
    """The plot's key beside its legend of areas: the target, the projection, hollow points."""
    return "\n".join((translate("IndicatorView", "– – target, to its deadline"),
                      translate("IndicatorView", "··· projected course"),
                      translate("IndicatorView", "○ hollow: provisional or derived")))


def build(view) -> IndicatorUi:
    return IndicatorUi(view)
