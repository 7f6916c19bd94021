"""Beside a figure's history: its comments (who, when, text), a box to add one, and its
follow-up mark. Both are edits through ``AppContext.edit`` (:mod:`core.comments`), undoable
like any other; comments are read in a worker when another figure is selected."""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from core import comments
from core.edits import Changed
from core.entities import COMMENT, FIGURE
from core.errors import EcoError
from gui import workers

from .figure_model import local_time

_Index = QModelIndex | QPersistentModelIndex


class CommentModel(QAbstractTableModel):
    """The comments of one figure, oldest first."""

    COLUMNS = ("text", "entered_by", "entered_at")  # the text first: it takes the room

    def __init__(self, parent=None):
        super().__init__(parent)
        self.frame = pd.DataFrame(columns=list(comments.COLUMNS))

    def set_frame(self, frame: pd.DataFrame | None) -> None:
        self.beginResetModel()
        self.frame = (frame if frame is not None
                      else pd.DataFrame(columns=list(comments.COLUMNS))).reset_index(drop=True)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Comment"), self.tr("Who"), self.tr("When"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        col = self.COLUMNS[index.column()]
        value = self.frame.iloc[index.row()][col]
        return local_time(value) if col == "entered_at" else str(value or "")


class CommentsPane(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("commentsPane")
        self.figure: dict | None = None
        self._gen, self._job = 0, None
        self.model = CommentModel(self)
        # narrow when the window is: the pane never sets the indicator view's width
        self.setMinimumWidth(140)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("commentTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("commentEdit")
        self.edit.setMinimumWidth(40)
        self.add = QPushButton(self)
        self.add.setObjectName("addCommentButton")
        self.follow = QCheckBox(self)
        self.follow.setObjectName("followUpCheck")
        self.message = QLabel(self)
        self.message.setObjectName("commentMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.follow)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.add.clicked.connect(self.add_comment)
        self.edit.returnPressed.connect(self.add_comment)
        self.follow.clicked.connect(self.set_follow_up)
        ctx.changed.connect(self._on_changed)
        self.retranslate()
        self.show_figure(None)

    def show_figure(self, figure: dict | None) -> None:
        """Show ``figure``'s comments and mark (its stored row; None: no figure selected)."""
        same = (figure is not None and self.figure is not None
                and figure.get("id") == self.figure.get("id"))
        self.figure = figure
        for w in (self.edit, self.add, self.follow):
            w.setEnabled(figure is not None)
        self.follow.setChecked(bool(figure and figure.get("followup")))
        if not same:
            self.message.setText("")
        self._read()

    def _read(self) -> None:
        self._gen += 1
        fig = self.figure
        if fig is None:
            self.model.set_frame(None)
            return
        gen, store = self._gen, self.ctx.store
        key = (fig["indicator"], fig["area"], fig["period"])

        def read(*, progress, cancelled):
            with store.read() as conn:
                return comments.of_figure(conn, *key)

        self._job = workers.start(read, on_done=lambda df: self._got(gen, df),
                                  on_failed=lambda exc: self.message.setText(str(exc)),
                                  parent=self)

    def _got(self, gen: int, df: pd.DataFrame) -> None:
        if gen == self._gen:
            self.model.set_frame(df)
            self.table.resizeRowsToContents()

    def add_comment(self) -> None:
        fig, text = self.figure, self.edit.text()
        if fig is None:
            return
        edit = comments.AddComment(fig["indicator"], fig["area"], fig["period"], text)
        self.ctx.edit(edit, self.tr("Comment on %1").replace("%1", edit.subject),
                      on_done=lambda _o: self.edit.clear(), on_failed=self._refused)

    def set_follow_up(self, on: bool) -> None:
        fig = self.figure
        if fig is None:
            return
        edit = comments.follow_up(fig, on)
        text = (self.tr("Mark %1 for follow-up") if on
                else self.tr("Clear the follow-up mark of %1")).replace("%1", edit.subject)
        self.ctx.edit(edit, text, on_failed=self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.message.setText(str(exc) if isinstance(exc, EcoError) else repr(exc))
        self.follow.setChecked(bool(self.figure and self.figure.get("followup")))

    def _on_changed(self, ch: Changed) -> None:
        fig = self.figure
        if fig is None:
            return
        if ch.kind is COMMENT and (ch.indicator, ch.area, ch.period) == (
                fig["indicator"], fig["area"], fig["period"]):
            self._read()
        elif ch.kind is FIGURE and ch.key == fig.get("id") and ch.row is not None:
            self.figure = dict(ch.row)
            self.follow.setChecked(bool(ch.row.get("followup")))

    def retranslate(self) -> None:
        self.label.setText(self.tr("Comments on the selected figure"))
        self.edit.setPlaceholderText(self.tr("Add a comment…"))
        self.edit.setAccessibleName(self.tr("New comment"))
        self.add.setText(self.tr("Add comment"))
        self.follow.setText(self.tr("Needs follow-up"))
        self.follow.setToolTip(self.tr("Mark the figure for follow-up; the scorecard can "
                                       "show only such figures"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
