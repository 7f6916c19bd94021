"""Add or edit one figure: area, period, value (editor by kind), qualifier, status, note,
source and reference."""
from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import QLabel, QLineEdit

from core import suspicious, validate
from core.edits import CreateRow, UpdateRow
from core.errors import PeriodError
from core.periods import is_period, parse_period, period_label
from core.present import cell_text, dated_title, unit_text
from core.validate import FIGURE_STATUSES
from core.values import optional_number
from gui.indicator import labels
from gui.value_field import ClassField, ValueField

from ..sources.picker import SourcePicker
from . import remembered
from .common import WARNING_STYLE, FormDialog, combo, same_value, select_data

EDITABLE = ("area", "period", "value", "qualifier", "status", "note", "source", "source_ref")


def area_items(ctx):
    return list(zip(ctx.areas[ctx.name_col], ctx.areas["code"]))


def source_items(ctx, none_label: str):
    items = [(none_label, "")]
    for s in ctx.sources.to_dict("records"):
        items.append((dated_title(s), s["id"]))
    return items


def period_code(text):
    """A typed period as its code (2025年上半年 -> 2025H1), so that an unchanged period shown
    the Chinese way is no change; text that is no period is left for the checks to refuse."""
    text = (text or "").strip() if isinstance(text, str) else text
    return parse_period(text).code if isinstance(text, str) and is_period(text) else text


class FigureDialog(FormDialog):
    """``row`` None adds a figure of ``indicator``; otherwise edits that stored row."""

    def __init__(self, ctx, indicator: str, row: dict | None = None, *, area: str | None = None,
                 existing: pd.DataFrame | None = None, parent=None):
        super().__init__(ctx, parent, name="figureDialog")
        self.ind = ctx.indicator(indicator)
        self.row = row
        self.taken = set()
        if existing is not None and len(existing):
            keep = existing if row is None else existing[existing["id"] != row["id"]]
            self.taken = set(zip(keep["area"], keep["period"]))
        name = self.ind[ctx.name_col]
        self.setWindowTitle(self.tr("Edit figure of %1").replace("%1", name) if row
                            else self.tr("New figure of %1").replace("%1", name))
        lang = ctx.lang
        self.add("area", self.tr("Area:"), combo(area_items(ctx)))
        period = self.add("period", self.tr("Period:"), QLineEdit())
        period.setPlaceholderText(self.tr("e.g. 2025, 2025H1, 2025Q2 or 2025-06"))  # or 2025年上半年
        if self.ind["value_kind"] == "class":
            self.add("value", self.tr("Value:"), ClassField(lang, self.tr("(choose a class)")))
        else:
            value = self.add("value", self.tr("Value:"), ValueField(self.ind))
            value.setPlaceholderText("%" if self.ind["value_kind"] == "percent" else
                                     unit_text(self.ind["unit"], self.ind.get("unit_zh"), lang))
        self.add("qualifier", self.tr("Qualifier:"), combo(labels.qualifier_choices(lang)))
        self.add("status", self.tr("Status:"),
                 combo([(labels.figure_status(s), s) for s in FIGURE_STATUSES]))
        self.add("note", self.tr("Note:"), QLineEdit())
        self.add("source", self.tr("Source:"), SourcePicker(ctx, self.tr("(none)")))
        ref = self.add("source_ref", self.tr("Reference:"), QLineEdit())
        ref.setPlaceholderText(self.tr("e.g. table 3, para 4"))
        # a value that passes the rules but looks wrong (core.suspicious): said before it is
        # written; OK keeps it
        self.warning = QLabel()
        self.warning.setObjectName("valueWarning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.layout().insertWidget(1, self.warning)
        if row:
            self.load(row)
        else:
            remembered.restore(self, "figure", area_given=area is not None)
            if area:
                select_data(self.fields["area"], area)
        self.ready()
        remembered.focus_first_empty(self.fields)

    def load(self, row: dict) -> None:
        f = self.fields
        select_data(f["area"], row["area"])
        f["period"].setText(period_label(row["period"], self.ctx.lang))  # 2025年上半年
        f["value"].setValue(row["value"])
        select_data(f["qualifier"], cell_text(row.get("qualifier")))
        select_data(f["status"], cell_text(row.get("status")) or "final")
        f["note"].setText(cell_text(row.get("note")))
        select_data(f["source"], cell_text(row.get("source")))
        f["source_ref"].setText(cell_text(row.get("source_ref")))

    def values(self) -> dict:
        v = super().values()
        v["value"] = self.fields["value"].value()
        v["indicator"] = self.ind["code"]
        v["period"] = period_code(v["period"])
        v["source"] = v["source"] or None
        return v

    def required(self, values: dict) -> dict[str, str]:
        missing: dict[str, str] = {}
        if not values["period"]:
            missing["period"] = self.tr("Type the period, e.g. 2025H1.")
        if values["value"] is None:
            missing["value"] = (self.tr("Choose the class.") if self.ind["value_kind"] == "class"
                                else self.tr("Type the value."))
        return missing

    def check(self, values: dict) -> dict[str, str]:
        problems: dict[str, str] = {}
        if values["period"]:
            try:
                code = parse_period(values["period"]).code
            except PeriodError as exc:
                problems["period"] = str(exc)
            else:
                if (values["area"], code) in self.taken:
                    problems["period"] = self.tr("This area already has a figure for %1; "
                                                 "edit that one instead.").replace(
                        "%1", period_label(code, self.ctx.lang))
        if values["value"] is not None:
            problem = self._value_problem(values["value"])
            if problem:
                problems["value"] = problem
        problems = self.core_problems(problems, validate.figure_values, values)
        self._warn(None if problems or self.missing
                   else self.checked_extra(validate.figure_values, values))
        return problems

    def also_read(self, conn, clean: dict) -> list[str]:
        """(In the worker, with the core's check:) why the value looks wrong, if it does."""
        return suspicious.for_figure(conn, clean)

    def _warn(self, found: list[str] | None) -> None:
        """Say why a value that passes the rules looks wrong (far from this area's history,
        from the other districts, or a cumulative count going down); the reads behind it
        come with the core's check of the form, from a worker."""
        text = "\n".join(found or [])
        if text:
            text = self.tr("Check this value: %1. OK keeps it as it is.").replace("%1", text)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def _value_problem(self, value) -> str:
        """What is wrong with a typed value (the value editor's own word on it). A stored
        value being edited is taken as it is."""
        field = self.fields["value"]
        if not isinstance(field, ValueField):
            return ""
        if self.row and value == optional_number(self.row.get("value")):
            return ""
        return field.problem(field.text())

    def commit(self, values: dict):
        what = f"{self.ind['code']} / {self.ctx.area_name(values['area'])} / " \
               f"{period_label(values['period'], self.ctx.lang)}"
        if self.row is None:
            remembered.remember("figure", values)  # the next new row opens on this period and area
            return self.save(CreateRow("figure", values),
                             self.tr("Add figure %1").replace("%1", what))
        changes = {k: values[k] for k in EDITABLE if not same_value(values[k], self.row.get(k))}
        if not changes:
            return None
        return self.save(UpdateRow("figure", int(self.row["id"]), int(self.row["version"]),
                                   changes, label=what),
                         self.tr("Edit figure %1").replace("%1", what))


def new_figure(ctx, parent, indicator: str, *, area: str | None = None,
               existing: pd.DataFrame | None = None):
    """Ask for a new figure of ``indicator``; returns the edit's Outcome or None."""
    dlg = FigureDialog(ctx, indicator, area=area, existing=existing, parent=parent)
    return dlg.outcome if dlg.exec() == FigureDialog.DialogCode.Accepted else None


def edit_figure(ctx, parent, row: dict, *, existing: pd.DataFrame | None = None):
    dlg = FigureDialog(ctx, row["indicator"], row, existing=existing, parent=parent)
    return dlg.outcome if dlg.exec() == FigureDialog.DialogCode.Accepted else None
