"""Add or edit one target: area, deadline period, comparator and value(s), kind, baseline,
source and reference."""
from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from core import validate
from core.edits import CreateRow, UpdateRow
from core.errors import PeriodError, ValueParseError
from core.periods import parse_period, period_label
from core.present import cell_text
from core.rules import STORED
from core.status import KIND_RANK
from core.validate import COMPARATORS, TARGET_KINDS
from core.values import (decimals_problem, format_value, more_decimals, optional_number,
                         parse_value)
from gui.indicator import labels

from ..sources.picker import SourcePicker
from . import remembered
from .common import FormDialog, combo, same_value, select_data
from .figure_dialog import area_items, period_code

EDITABLE = ("area", "period", "comparator", "value", "value_high", "kind", "baseline_period",
            "baseline_value", "note", "source", "source_ref", "qualitative", "relative",
            "document", "document_date", "confidence")
CONFIDENCES = ("", "H", "M-H", "M", "L")  # core.rules.CONFIDENCES
# A new target's kind: the one that weighs least when the scorecard picks among targets
# (core.status.KIND_RANK), never silently the national assessment target that weighs most.
DEFAULT_KIND = max(TARGET_KINDS, key=lambda k: KIND_RANK.get(k, -1))


class TargetDialog(FormDialog):
    """Values are typed as text (``35``, ``97.3%``, ``II``) and parsed by the core."""

    def __init__(self, ctx, indicator: str, row: dict | None = None, parent=None):
        super().__init__(ctx, parent, name="targetDialog")
        self.ind = ctx.indicator(indicator)
        self.row = row
        name = self.ind[ctx.name_col]
        self.setWindowTitle(self.tr("Edit target of %1").replace("%1", name) if row
                            else self.tr("New target of %1").replace("%1", name))
        hint = self.tr("e.g. II or 3") if self.ind["value_kind"] == "class" else ""
        self.add("area", self.tr("Area:"), combo(area_items(ctx)))
        p = self.add("period", self.tr("Deadline period:"), QLineEdit())
        p.setPlaceholderText(self.tr("e.g. 2025 or 2025H2"))
        default_cmp = {"higher": ">=", "lower": "<=", "band": "between"}[self.ind["direction"]]
        self.add("comparator", self.tr("Comparator:"),
                 combo([(labels.comparator(c), c) for c in COMPARATORS]))
        select_data(self.fields["comparator"], default_cmp)
        self.add("value", self.tr("Target value:"), QLineEdit()).setPlaceholderText(hint)
        self.add("value_high", self.tr("Upper value (between):"), QLineEdit())
        self.add("kind", self.tr("Kind:"),
                 combo([(labels.target_kind(k), k) for k in TARGET_KINDS]))
        select_data(self.fields["kind"], DEFAULT_KIND)
        words = self.add("qualitative", self.tr("Target in words:"), QLineEdit())
        words.setPlaceholderText(self.tr("a target without a number, e.g. 达到国家考核要求; "
                                         "never judged"))
        rel = self.add("relative", self.tr("Change on the baseline (%):"), QLineEdit())
        rel.setPlaceholderText(self.tr("e.g. -10 for down 10 % on the baseline period"))
        self.add("baseline_period", self.tr("Baseline period:"), QLineEdit())
        self.add("baseline_value", self.tr("Baseline value:"), QLineEdit())
        self.add("note", self.tr("Note:"), QLineEdit())
        self.add("source", self.tr("Source:"), SourcePicker(ctx, self.tr("(none)")))
        self.add("source_ref", self.tr("Reference:"), QLineEdit())
        doc = self.add("document", self.tr("Document number:"), QLineEdit())
        doc.setPlaceholderText(self.tr("e.g. 渝府发〔2022〕11号"))
        self.add("document_date", self.tr("Document date:"), QLineEdit())
        self.add("confidence", self.tr("Confidence:"),
                 combo([(c or self.tr("(not said)"), c) for c in CONFIDENCES]))
        self.fields["comparator"].currentIndexChanged.connect(self._between)
        if row:
            self.load(row)
        else:
            remembered.restore(self, "target")
        self._between()
        self.ready()
        remembered.focus_first_empty(self.fields)

    def _show(self, v) -> str:
        if v is None or v != v:
            return ""
        kind = self.ind["value_kind"]
        decimals = int(self.ind["decimals"]) if kind != "class" else 0
        if kind != "class" and more_decimals(float(v), decimals):
            return repr(float(v))  # whole, not rounded: saving must not change it unasked
        return format_value(v, kind, decimals).replace(",", "").rstrip("%")

    def load(self, row: dict) -> None:
        f = self.fields
        select_data(f["area"], row["area"])
        f["period"].setText(period_label(row["period"], self.ctx.lang))  # 2025年上半年
        select_data(f["comparator"], row["comparator"])
        f["value"].setText(self._show(row["value"]))
        f["value_high"].setText(self._show(row.get("value_high")))
        select_data(f["kind"], row["kind"])
        bp = cell_text(row.get("baseline_period"))
        f["baseline_period"].setText(period_label(bp, self.ctx.lang) if bp else "")
        f["baseline_value"].setText(self._show(row.get("baseline_value")))
        f["note"].setText(cell_text(row.get("note")))
        select_data(f["source"], cell_text(row.get("source")))
        f["source_ref"].setText(cell_text(row.get("source_ref")))
        for key in ("qualitative", "document", "document_date"):
            f[key].setText(cell_text(row.get(key)))
        rel = row.get("relative")
        f["relative"].setText("" if rel is None or rel != rel else f"{float(rel):g}")
        select_data(f["confidence"], cell_text(row.get("confidence")))

    def _between(self) -> None:
        self.fields["value_high"].setEnabled(self.fields["comparator"].currentData() == "between")

    def values(self) -> dict:
        v = super().values()
        v["indicator"] = self.ind["code"]
        v["period"], v["baseline_period"] = (period_code(v["period"]),
                                             period_code(v["baseline_period"]))
        v["source"] = v["source"] or None
        return v

    def required(self, values: dict) -> dict[str, str]:
        missing: dict[str, str] = {}
        if not values["period"]:
            missing["period"] = self.tr("Type the deadline period, e.g. 2025 or 2025H2.")
        if not values["value"] and not values["qualitative"] and not values["relative"]:
            missing["value"] = self.tr("Type the target value (or the target in words, or "
                                       "its change on a baseline).")
        if values["comparator"] == "between" and not values["value_high"]:
            missing["value_high"] = self.tr("Type the upper value of the range.")
        return missing

    def check(self, values: dict) -> dict[str, str]:
        problems: dict[str, str] = {}
        ind = self.ind
        lim = dict(vmin=optional_number(ind["vmin"]), vmax=optional_number(ind["vmax"]))
        for key in ("period", "baseline_period"):
            if values[key]:
                try:
                    parse_period(values[key])
                except PeriodError as exc:
                    problems[key] = str(exc)
        keys = ["value", "baseline_value"] + (["value_high"] if values["comparator"] == "between"
                                              else [])
        decimals = int(ind["decimals"] or 0)
        for key in keys:
            if values[key]:
                try:
                    v = parse_value(values[key], ind["value_kind"], **lim)
                except ValueParseError as exc:
                    problems[key] = str(exc)
                    continue
                if (ind["value_kind"] != "class" and more_decimals(v, decimals)
                        and not (self.row and v == optional_number(self.row.get(key)))):
                    problems[key] = decimals_problem(values[key], decimals)
        return self.core_problems(problems, validate.target_values, self._with_stored(values))

    def _with_stored(self, values: dict) -> dict:
        """``values`` and, for a stored row, its stored numbers: a value already stored stands
        (the decimals rule), as at the write."""
        if not self.row:
            return values
        return {**values, **{(STORED if k == "value" else f"{STORED}_{k}"): self.row.get(k)
                             for k in ("value", "value_high", "baseline_value") if k in self.row}}

    def commit(self, values: dict):
        what = f"{self.ind['code']} / {self.ctx.area_name(values['area'])} / " \
               f"{period_label(values['period'], self.ctx.lang)}"
        if self.row is None:
            remembered.remember("target", values)  # the next new row opens on this period and area
            return self.save(CreateRow("target", values),
                             self.tr("Add target %1").replace("%1", what))
        clean, refused = self.core_check(validate.target_values, self._with_stored(values))
        if refused is not None:
            raise refused
        changes = {k: clean[k] for k in EDITABLE if not same_value(clean.get(k), self.row.get(k))}
        if not changes:
            return None
        return self.save(UpdateRow("target", int(self.row["id"]), int(self.row["version"]),
                                   changes, label=what),
                         self.tr("Edit target %1").replace("%1", what))


def new_target(ctx, parent, indicator: str):
    dlg = TargetDialog(ctx, indicator, parent=parent)
    return dlg.outcome if dlg.exec() == TargetDialog.DialogCode.Accepted else None


def edit_target(ctx, parent, row: dict):
    dlg = TargetDialog(ctx, row["indicator"], row, parent=parent)
    return dlg.outcome if dlg.exec() == TargetDialog.DialogCode.Accepted else None
