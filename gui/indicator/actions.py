"""What the indicator view's buttons and the window's actions do: dialogs and deletes.

Every change goes through :meth:`AppContext.edit` (one undo step each; a multi-row delete is
one undo macro). Mixed into :class:`gui.indicator.view.IndicatorView`.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.edits import Batch, DeleteRow
from core.errors import EcoError, StaleEditError

# The view's context, so translations made while this code lived in view.py still apply.
translate = QCoreApplication.translate


class IndicatorActions:
    """Needs ``ctx``, ``code``, the models, tables and ``plot`` of the view."""

    def _report(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):  # the view closed while the write was on its way
            return
        if isinstance(exc, StaleEditError):
            self._on_stale(exc)
        elif isinstance(exc, EcoError):
            QMessageBox.warning(self, translate("IndicatorView", "Not saved"), str(exc))
        else:
            self.ctx.error.emit(exc)

    def new_figure(self) -> None:
        if self.code is None:
            return
        from gui.dialogs.figure_dialog import new_figure

        rows_ = self.selected_figure_rows()
        area = self.figures_model.row_dict(rows_[0])["area"] if rows_ else None
        out = new_figure(self.ctx, self, self.code, area=area, existing=self.figures_model.frame)
        if out is not None:
            self.select_when_shown(out.row["id"])

    def new_target(self) -> None:
        if self.code is None:
            return
        from gui.dialogs.target_dialog import new_target

        new_target(self.ctx, self, self.code)

    def edit_indicator(self) -> None:
        if self.code is None:
            return
        from gui.dialogs.indicator_dialog import edit_indicator

        edit_indicator(self.ctx, self, self.code)

    def edit_figure(self, row: int) -> None:
        from gui.dialogs.figure_dialog import edit_figure

        edit_figure(self.ctx, self, self.figures_model.row_dict(row),
                    existing=self.figures_model.frame)

    def edit_target(self, row: int) -> None:
        from gui.dialogs.target_dialog import edit_target

        if row >= 0:
            edit_target(self.ctx, self, self.targets_model.row_dict(row))

    def _on_figure_double(self, index) -> None:
        if not (self.figures_model.flags(index) & Qt.ItemFlag.ItemIsEditable):
            self.edit_figure(index.row())

    def delete_selected(self) -> None:
        """Delete the selected targets (if the target table has focus) or figures."""
        on_targets = self.target_table.hasFocus() or (
            not self.selected_figure_rows() and self.selected_target_rows())
        model = self.targets_model if on_targets else self.figures_model
        picked = self.selected_target_rows() if on_targets else self.selected_figure_rows()
        if not picked:
            return
        entity = "target" if on_targets else "figure"
        names = [model.describe(r) for r in picked]
        if len(names) > 1:
            question = translate("IndicatorView", "Delete these %1 rows?").replace(
                "%1", str(len(names))) + "\n\n" + "\n".join(names[:10])
        elif on_targets:
            question = translate("IndicatorView", "Delete the target %1?").replace("%1", names[0])
        else:
            question = translate("IndicatorView", "Delete the figure %1?").replace("%1", names[0])
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        if QMessageBox.question(self, translate("IndicatorView", "Delete"), question,
                                yes | no, no) != yes:
            return
        deletes = [DeleteRow(entity, int(row["id"]), int(row["version"]), row)
                   for row in (model.row_dict(r) for r in picked)]
        if len(deletes) == 1:  # one transaction and one undo step either way
            edit = deletes[0]
            text = (translate("IndicatorView", "Delete target %1") if on_targets
                    else translate("IndicatorView", "Delete figure %1")).replace("%1", names[0])
        else:
            edit = Batch(deletes)
            text = translate("IndicatorView", "Delete %1 rows").replace("%1", str(len(deletes)))
        self.ctx.edit(edit, text, on_failed=self._report)

    def save_plot(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("IndicatorView", "Save plot as PNG"), f"{self.code or 'trend'}.png",
            translate("IndicatorView", "PNG images (*.png)"))
        if path:
            from .png import save_png

            try:
                save_png(self.plot, path, self.ui.title.text(), self.ctx.lang)
            except OSError:
                self.status_message.emit(
                    translate("IndicatorView", "Could not save %1").replace("%1", path))
                return
            self.status_message.emit(translate("IndicatorView", "Saved %1").replace("%1", path))
