"""Add or edit an indicator's definition."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLineEdit, QPlainTextEdit, QSpinBox

from core import validate
from core.edits import CreateRow, UpdateRow
from core.errors import ValueParseError
from core.present import cell_text
from core.validate import MEASURES, PERIOD_TYPES
from core.values import DIRECTIONS, VALUE_KINDS, parse_value
from gui.indicator import labels

from . import remembered
from .common import FormDialog, combo, same_value, select_data

OPTIONAL_NUMBERS = ("band_low", "band_high", "vmin", "vmax")


class IndicatorDialog(FormDialog):
    def __init__(self, ctx, row: dict | None = None, parent=None):
        super().__init__(ctx, parent, name="indicatorDialog")
        self.row = row
        self.setWindowTitle(self.tr("Edit indicator %1").replace("%1", row["code"]) if row
                            else self.tr("New indicator"))
        code = self.add("code", self.tr("Code:"), QLineEdit())
        code.setPlaceholderText(self.tr("e.g. AIR.PM10"))
        cats = ctx.categories
        self.add("category", self.tr("Category:"),
                 combo(zip(cats[ctx.name_col], cats["code"])))
        self.add("name_zh", self.tr("Name (Chinese):"), QLineEdit())
        self.add("name_en", self.tr("Name (English):"), QLineEdit())
        unit = self.add("unit", self.tr("Unit (English):"), QLineEdit())
        unit.setPlaceholderText(self.tr("e.g. µg/m³ or days"))
        unit_zh = self.add("unit_zh", self.tr("Unit (Chinese):"), QLineEdit())
        unit_zh.setPlaceholderText(self.tr("if empty, the Chinese window shows the English "
                                           "unit"))
        self.add("value_kind", self.tr("Value kind:"),
                 combo([(labels.value_kind(k), k) for k in VALUE_KINDS]))
        self.add("direction", self.tr("Direction:"),
                 combo([(labels.direction(d), d) for d in DIRECTIONS]))
        self.add("band_low", self.tr("Band from:"), QLineEdit())
        self.add("band_high", self.tr("Band to:"), QLineEdit())
        self.add("cumulative", self.tr("Cumulative:"),
                 QCheckBox(self.tr("counts only grow (e.g. cells built so far)")))
        self.add("vmin", self.tr("Natural minimum:"), QLineEdit())
        self.add("vmax", self.tr("Natural maximum:"), QLineEdit())
        self.add("period_type", self.tr("Period type:"),
                 combo([(labels.period_type(p), p) for p in PERIOD_TYPES]))
        select_data(self.fields["period_type"], "half")
        dec = self.add("decimals", self.tr("Decimals:"), QSpinBox())
        dec.setRange(0, 6)
        tol = self.add("tolerance", self.tr("Tolerance (close):"), QDoubleSpinBox())
        tol.setRange(0, 1e9)
        tol.setDecimals(3)
        self.add("measure", self.tr("What a figure is:"),
                 combo([(labels.measure(m), m) for m in MEASURES]))
        formula = self.add("formula", self.tr("Formula:"), QLineEdit())
        formula.setPlaceholderText(self.tr("computed, e.g. 100 * AIR.GOOD_DAYS / "
                                           "(AIR.VALID_DAYS | days); empty: typed"))
        formula.setToolTip(self.tr("A computed indicator's figures are made from its inputs "
                                   "wherever they exist and are never typed. 'days' is the "
                                   "period's days; 'a | b' takes b where a is missing."))
        for key, label in (("definition_en", self.tr("Definition (English):")),
                           ("definition_zh", self.tr("Definition (Chinese):"))):
            box = self.add(key, label, QPlainTextEdit())
            box.setFixedHeight(64)
        words = self.add("wordings", self.tr("Wordings in reports:"), QPlainTextEdit())
        words.setFixedHeight(64)
        words.setPlaceholderText(self.tr("one a line, in either language, e.g. days of good "
                                         "air quality / 优良天数"))
        self.fields["direction"].currentIndexChanged.connect(self._band)
        if row:
            self.load(row)
            code.setReadOnly(True)
            code.setToolTip(self.tr("An indicator's code cannot be changed."))
        self._band()
        self.ready()
        remembered.focus_first_empty(self.fields)  # the code, or the first name left empty

    def load(self, row: dict) -> None:
        f = self.fields
        f["code"].setText(row["code"])
        select_data(f["category"], row["category"])
        for key in ("name_zh", "name_en", "unit", "unit_zh"):
            f[key].setText(cell_text(row.get(key)))
        select_data(f["value_kind"], row["value_kind"])
        select_data(f["direction"], row["direction"])
        for key in OPTIONAL_NUMBERS:
            v = row.get(key)
            f[key].setText("" if v is None or v != v else f"{float(v):g}")
        f["cumulative"].setChecked(bool(row.get("cumulative")))
        select_data(f["period_type"], row.get("period_type") or "half")
        f["decimals"].setValue(int(row.get("decimals") or 0))
        f["tolerance"].setValue(float(row.get("tolerance") or 0))
        select_data(f["measure"], row.get("measure") or "flow")
        f["formula"].setText(cell_text(row.get("formula")))
        f["definition_en"].setPlainText(cell_text(row.get("definition_en")))
        f["definition_zh"].setPlainText(cell_text(row.get("definition_zh")))
        f["wordings"].setPlainText(cell_text(row.get("wordings")))

    def _band(self) -> None:
        band = self.fields["direction"].currentData() == "band"
        for key in ("band_low", "band_high"):
            self.fields[key].setEnabled(band)

    def required(self, values: dict) -> dict[str, str]:
        missing: dict[str, str] = {}
        if not values["code"]:
            missing["code"] = self.tr("Type a code, e.g. AIR.PM10.")
        if not values["name_zh"] and not values["name_en"]:
            missing["name_zh"] = self.tr("Type the name in Chinese, in English or both.")
        if values["direction"] == "band":
            for key, hint in (("band_low", self.tr("Type where the band starts.")),
                              ("band_high", self.tr("Type where the band ends."))):
                if not values[key]:
                    missing[key] = hint
        return missing

    def check(self, values: dict) -> dict[str, str]:
        problems: dict[str, str] = {}
        code = values["code"]
        if self.row is None and code in set(self.ctx.indicators["code"]):
            problems["code"] = self.tr("An indicator with this code already exists.")
        for key in OPTIONAL_NUMBERS:
            if values[key]:
                try:
                    parse_value(values[key], "number")
                except ValueParseError as exc:
                    problems[key] = str(exc)
        return self.core_problems(problems, validate.indicator_values, values)

    def commit(self, values: dict):
        if self.row is None:
            return self.save(CreateRow("indicator", values),
                             self.tr("Add indicator %1").replace("%1", values["code"]))
        clean, refused = self.core_check(validate.indicator_values, values)
        if refused is not None:
            raise refused
        changes = {k: v for k, v in clean.items()
                   if k in values and k != "code" and not same_value(v, self.row.get(k))}
        if not changes:
            return None
        return self.save(UpdateRow("indicator", self.row["code"], int(self.row["version"]),
                                   changes, label=self.row["code"]),
                         self.tr("Edit indicator %1").replace("%1", self.row["code"]))


def new_indicator(ctx, parent) -> str | None:
    """Ask for a new indicator; returns its code, or None if cancelled."""
    dlg = IndicatorDialog(ctx, parent=parent)
    if dlg.exec() == IndicatorDialog.DialogCode.Accepted and dlg.outcome is not None:
        return dlg.outcome.row["code"]
    return None


def edit_indicator(ctx, parent, code: str):
    dlg = IndicatorDialog(ctx, ctx.indicator(code), parent=parent)
    return dlg.outcome if dlg.exec() == IndicatorDialog.DialogCode.Accepted else None
