"""The import dialog's preview of a report: each proposed figure beside its sentence, to keep,
correct or drop before anything is written, and the numbers the reader could not place.

The proposals are a snapshot the person edits (nothing of it is in the database yet, so there
is nothing to undo); each edit is checked again against the rules in a worker
(:func:`core.reports.importing.with_rows`), and Apply writes the kept rows through
:func:`core.reports.importing.apply_report`.
"""
from __future__ import annotations

import copy
from functools import partial

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from core.periods import period_label
from core.present import PeriodNames
from core.reports.importing import apply_report, read_report, with_rows
from core.reports.reading import Proposal

from .frame_model import FrameModel

KEEP, INDICATOR, AREA, PERIOD, VALUE, CHANGE, DERIVED, SENTENCE = range(8)
EDITABLE = {AREA: "area", PERIOD: "period", VALUE: "value"}


def _read(store, path: str, *, progress, cancelled):
    return read_report(store, path)


def _recheck(store, preview, proposals, *, progress, cancelled):
    return with_rows(preview, store, proposals)


def _apply(store, preview, proposals, *, progress, cancelled):
    return apply_report(store, with_rows(preview, store, proposals))


class ProposalModel(QAbstractTableModel):
    """Proposals with a Keep check box; area, period and value editable in place."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Proposal] = []
        self.keep: list[bool] = []
        self.state: list[str] = []
        self.problems: list[str] = []
        self.on_edit = lambda: None

    def headers(self) -> list[str]:
        return [self.tr("Keep"), self.tr("Indicator"), self.tr("Area"), self.tr("Period"),
                self.tr("Value"), self.tr("Change"), self.tr("Derived"), self.tr("Sentence")]

    def set_preview(self, preview, keep: list[bool] | None = None) -> None:
        self.beginResetModel()
        if keep is None:
            self.rows = [copy.copy(p) for p in preview.proposals]
            self.keep = [True] * len(self.rows)
        self.set_state(preview)
        self.endResetModel()

    def set_state(self, preview) -> None:
        """Statuses (new, changed, unchanged, refused) from a check of the kept rows."""
        kept = [i for i, k in enumerate(self.keep) if k]
        state = ["dropped"] * len(self.rows)
        problems = [""] * len(self.rows)
        new = set(preview.plan.new.get("_row", []))
        changed = set(preview.plan.changed.get("_row", []))
        for j, i in enumerate(kept, start=1):
            state[i] = "new" if j in new else "changed" if j in changed else "unchanged"
            msgs = [str(p.message) for p in preview.plan.problems if p.row == j]
            if msgs:
                state[i], problems[i] = "refused", "; ".join(msgs)
        self.state, self.problems = state, problems
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, CHANGE))

    def kept(self) -> list[Proposal]:
        return [p for p, k in zip(self.rows, self.keep) if k]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 8

    def _state_text(self, s: str) -> str:
        return {"new": self.tr("new"), "changed": self.tr("changed"),
                "unchanged": self.tr("unchanged"), "refused": self.tr("refused"),
                "dropped": self.tr("dropped")}.get(s, s)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p, col = self.rows[index.row()], index.column()
        if col == KEEP:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if self.keep[index.row()] else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.EditRole and col in EDITABLE:
            return str(getattr(p, EDITABLE[col]) if col != VALUE else _value(p.value))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == INDICATOR:
            return self.ctx.indicator_name(p.indicator)
        if col == AREA:
            return self.ctx.area_name(p.area)
        if col == PERIOD:
            return PeriodNames(self.ctx.lang).all(pd.Series([p.period]))[0]
        if col == VALUE:
            q = {"more_than": ">", "about": "~", "less_than": "<", "at_least": "≥",
                 "at_most": "≤"}.get(p.qualifier, "")
            return q + _value(p.value)
        if col == CHANGE:
            s = self._state_text(self.state[index.row()])
            problem = self.problems[index.row()]
            return f"{s}: {problem}" if problem and role == Qt.ItemDataRole.ToolTipRole else s
        if col == DERIVED:
            return p.derivation
        if col == SENTENCE:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("paragraph %1: %2").replace("%1", str(p.paragraph)) \
                    .replace("%2", p.sentence)
            a, b = p.span
            if b <= a:
                return p.sentence
            lo = max(0, a - 50)  # the number in view, with the words before it
            return ("…" if lo else "") + p.sentence[lo:a] + "【" + p.sentence[a:b] + "】" + \
                p.sentence[b:]
        return None

    def flags(self, index):
        f = super().flags(index)
        if index.column() == KEEP:
            return f | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in EDITABLE:
            return f | Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid():
            return False
        i, col = index.row(), index.column()
        if col == KEEP and role == Qt.ItemDataRole.CheckStateRole:
            self.keep[i] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif col in EDITABLE and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if not text:
                return False
            setattr(self.rows[i], EDITABLE[col], text)
            self.rows[i].derived, self.rows[i].derivation = False, ""  # a person's figure now
        else:
            return False
        self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
        self.on_edit()
        return True

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return str(section + 1)


def _value(v) -> str:
    return v if isinstance(v, str) else f"{v:.10g}"


class ReportPane(QWidget):
    """The proposals and the numbers not placed, inside the import dialog."""

    def __init__(self, dialog, parent=None):
        super().__init__(parent)
        self.dialog = dialog
        self.ctx = dialog.ctx
        self.preview = None
        self.model = ProposalModel(self.ctx, self)
        self.model.on_edit = self.recheck
        self.table = QTableView(self, objectName="reportProposalsTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Proposed figures"))
        self.unplaced_label = QLabel(self.tr("Numbers not placed (not imported):"), self)
        self.unplaced = QTableView(self, objectName="reportUnplacedTable")
        self.unplaced_model = FrameModel(self.unplaced)
        self.unplaced.setModel(self.unplaced_model)
        self.unplaced.horizontalHeader().setStretchLastSection(True)
        self.unplaced.verticalHeader().setVisible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 3)
        lay.addWidget(self.unplaced_label)
        lay.addWidget(self.unplaced, 1)

    def load(self, path: str) -> None:
        self.preview = None
        self.dialog.summary.setText(self.tr("Reading the report…"))
        self.dialog._run(partial(_read, self.ctx.store, path), self._read_done)

    def _read_done(self, preview) -> None:
        self.dialog._finish()
        self.preview = preview
        self.model.set_preview(preview)
        self.table.resizeColumnsToContents()
        for col, width in ((INDICATOR, 260), (DERIVED, 160)):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), width))
        lost = pd.DataFrame([(u.paragraph, u.written, str(u.reason), u.sentence)
                             for u in preview.reading.unplaced],
                            columns=["para", "written", "why", "sentence"])
        self.unplaced_model.set_frame(lost, [self.tr("Paragraph"), self.tr("Number"),
                                             self.tr("Why"), self.tr("Sentence")])
        self.unplaced.resizeColumnsToContents()
        self._summarise()

    def _summarise(self) -> None:
        st = self.model.state
        n = {k: st.count(k) for k in ("new", "changed", "unchanged", "refused", "dropped")}
        r = self.preview.reading
        self.dialog.summary.setText(self.tr(
            "{file}: {n} figures proposed for {period}: {new} new, {changed} changed, "
            "{unchanged} unchanged, {refused} refused, {dropped} dropped; {lost} numbers not "
            "placed. Untick a row to drop it; double-click an area, period or value to "
            "correct it.").format(
                file=self.preview.file, n=len(st),
                period=period_label(r.period.code, self.ctx.lang) if r.period else "?",
                lost=len(r.unplaced), **n))
        self.dialog.apply_button.setEnabled(
            n["refused"] == 0 and (n["new"] + n["changed"]) > 0 and self.dialog.job is None)

    def recheck(self) -> None:
        if self.preview is None or self.dialog.job is not None:
            return
        self.dialog.apply_button.setEnabled(False)
        self.dialog._run(partial(_recheck, self.ctx.store, self.preview, self.model.kept()),
                         self._rechecked)

    def _rechecked(self, preview) -> None:
        self.dialog._finish()
        self.model.set_state(preview)
        self._summarise()

    def apply(self) -> None:
        self.dialog.apply_button.setEnabled(False)
        self.dialog.summary.setText(self.tr("Writing the figures…"))
        self.dialog._run(partial(_apply, self.ctx.store, self.preview, self.model.kept()),
                         self._applied)

    def _applied(self, done) -> None:
        self.dialog._finish()
        self.dialog.applied = done
        text = self.tr("Imported: {created} new, {updated} changed, with the report as their "
                       "source.").format(created=done.created, updated=done.updated)
        self.dialog.summary.setText(text)
        self.preview = None
        self.ctx.reload()
