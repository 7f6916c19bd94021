"""Add or edit one figure: area, period, value (editor by kind), qualifier, status, note,
source and reference."""
from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import QLineEdit

from core import validate
from core.edits import CreateRow, UpdateRow
from core.errors import PeriodError
from core.periods import parse_period
from core.validate import FIGURE_STATUSES
from gui.indicator import labels
from gui.indicator.delegates import editor_value, set_editor_value, value_editor

from .common import FormDialog, combo, select_data

EDITABLE = ("area", "period", "value", "qualifier", "status", "note", "source", "source_ref")


def area_items(ctx):
    return list(zip(ctx.areas[ctx.name_col], ctx.areas["code"]))


def source_items(ctx, none_label: str):
    items = [(none_label, "")]
    for s in ctx.sources.to_dict("records"):
        items.append((f"{s['title']} ({s['date']})", s["id"]))
    return items


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
        period.setPlaceholderText(self.tr("e.g. 2025, 2025H1, 2025Q2 or 2025-06"))
        self.add("value", self.tr("Value:"), value_editor(self, self.ind, lang))
        self.add("qualifier", self.tr("Qualifier:"), combo(labels.qualifier_choices(lang)))
        self.add("status", self.tr("Status:"),
                 combo([(labels.figure_status(s), s) for s in FIGURE_STATUSES]))
        self.add("note", self.tr("Note:"), QLineEdit())
        self.add("source", self.tr("Source:"), combo(source_items(ctx, self.tr("(none)"))))
        ref = self.add("source_ref", self.tr("Reference:"), QLineEdit())
        ref.setPlaceholderText(self.tr("e.g. table 3, para 4"))
        if row:
            self.load(row)
        elif area:
            select_data(self.fields["area"], area)
        self.ready()

    def load(self, row: dict) -> None:
        f = self.fields
        select_data(f["area"], row["area"])
        f["period"].setText(str(row["period"]))
        set_editor_value(f["value"], row["value"])
        select_data(f["qualifier"], row.get("qualifier") or "")
        select_data(f["status"], row.get("status") or "final")
        f["note"].setText(str(row.get("note") or ""))
        select_data(f["source"], row.get("source") or "")
        f["source_ref"].setText(str(row.get("source_ref") or ""))

    def values(self) -> dict:
        v = super().values()
        v["value"] = editor_value(self.fields["value"])
        v["indicator"] = self.ind["code"]
        v["source"] = v["source"] or None
        return v

    def check(self, values: dict) -> dict[str, str]:
        problems: dict[str, str] = {}
        if not values["period"]:
            problems["period"] = self.tr("Type the period, e.g. 2025H1.")
        else:
            try:
                code = parse_period(values["period"]).code
            except PeriodError as exc:
                problems["period"] = str(exc)
            else:
                if (values["area"], code) in self.taken:
                    problems["period"] = self.tr("This area already has a figure for %1; "
                                                 "edit that one instead.").replace("%1", code)
        return self.core_problems(problems, validate.figure_values, values)

    def commit(self, values: dict):
        what = f"{self.ind['code']} / {self.ctx.area_name(values['area'])} / " \
               f"{parse_period(values['period']).code}"
        if self.row is None:
            return self.ctx.edit(CreateRow("figure", values),
                                 self.tr("Add figure %1").replace("%1", what))
        changes = {k: values[k] for k in EDITABLE if values[k] != self.row.get(k)}
        if not changes:
            return None
        return self.ctx.edit(UpdateRow("figure", int(self.row["id"]), int(self.row["version"]),
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
