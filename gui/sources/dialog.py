"""One source: publisher, title, date, document number, link, note.

The dialog checks a field as it is typed with the core's own rule
(:func:`core.sources.source_values`, the rule the import uses too) and writes through
:meth:`gui.context.AppContext.edit`, so a new or edited source is one step of undo.

Any screen that wants a new source calls :func:`ask_new_source` with a callback: the dialog
opens window-modal (over a modal dialog too) and the callback gets the new source's id once
it is written.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from core.edits import CreateRow, UpdateRow
from core.errors import EcoError
from core.present import cell_text
from core.sources import FIELDS, source_values

from ..dialogs.common import FormDialog, same_value


class SourceDialog(FormDialog):
    """``row`` None makes a new source; otherwise edits that stored source."""

    def __init__(self, ctx, row: dict | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent, name="sourceDialog")
        self.row = row
        self.setWindowTitle(self.tr("Edit source") if row else self.tr("New source"))
        publisher = self.add("publisher", self.tr("Publisher:"), QLineEdit())
        publisher.setPlaceholderText(self.tr("e.g. Chongqing Ecology and Environment Bureau"))
        title = self.add("title", self.tr("Title:"), QLineEdit())
        title.setPlaceholderText(self.tr("the bulletin's or report's title"))
        date = self.add("date", self.tr("Date:"), QLineEdit())
        date.setPlaceholderText(self.tr("e.g. 2026-07-08, 2026-07 or 2026年7月8日"))
        number = self.add("doc_number", self.tr("Document number:"), QLineEdit())
        number.setPlaceholderText(self.tr("e.g. 渝环〔2026〕12号"))
        link = self.add("link", self.tr("Link:"), QLineEdit())
        link.setPlaceholderText("https://")
        self.add("note", self.tr("Note:"), QLineEdit())
        if row:
            for k in FIELDS:
                self.fields[k].setText(cell_text(row.get(k)))
        self.resize(520, self.sizeHint().height())
        self.ready()
        self.focus_first_empty()

    def focus_first_empty(self) -> None:
        """Focus on the first field still empty (not on OK)."""
        for name in FIELDS:
            if not self.fields[name].text():
                self.fields[name].setFocus()
                return
        self.fields[FIELDS[0]].setFocus()

    def required(self, values: dict) -> dict[str, str]:
        if not values["title"] and not values["publisher"]:
            return {"title": self.tr("Type the title (or the publisher).")}
        return {}

    def check(self, values: dict) -> dict[str, str]:
        try:  # the core's rule, without the database: it needs none but for a new id
            source_values(None, values)
        except EcoError as exc:
            name = exc.field if exc.field in self.fields else ""
            if name not in self.missing:
                return {name: str(exc)}
        return {}

    def commit(self, values: dict):
        if self.row is None:
            return self.save(CreateRow("source", values), self.tr("New source %1").replace(
                "%1", values["title"] or values["publisher"]))
        changes = {k: values[k] for k in FIELDS if not same_value(values[k], self.row.get(k))}
        if not changes:
            return None
        what = values["title"] or values["publisher"]
        return self.save(UpdateRow("source", self.row["id"], int(self.row["version"]), changes,
                                   label=what),
                         self.tr("Edit source %1").replace("%1", what))


def ask_new_source(ctx, parent: QWidget | None,
                   on_created: Callable[[str], None] | None = None) -> SourceDialog:
    """Open the New source dialog (window-modal, not blocking) and return it; once the
    source is written, ``on_created(its id)`` is called (``ctx.sources`` already holds it)."""
    dlg = SourceDialog(ctx, parent=parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if on_created is not None:
        dlg.accepted.connect(lambda: dlg.outcome is not None and on_created(
            dlg.outcome.changed.key))
    dlg.open()
    return dlg
