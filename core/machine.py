"""Figures and the scorecard for programs: ``ecotracker figures`` and ``status --format csv|json``.

These carry data, not display strings: a value is the number stored (98.6, 3800, -3.2),
not "98.6%" or "3,800"; a missing one is null in JSON and an empty cell in CSV; unit,
qualifier, comparator and status codes are columns of their own. A water-quality class is
its class name (``II``), as the meeting workbook's Data sheet writes it. Status codes are the
stable ones of :mod:`core.vocabulary` (``limited_progress``), with their words in ``--lang``
beside them. The ``table`` format of ``status`` stays for people (:mod:`core.present`).
"""
from __future__ import annotations

import csv
import json
import math
from typing import IO

import pandas as pd

from . import present, vocabulary
from .formulas import inert
from .values import class_name

FIGURE_COLUMNS = ("indicator", "name", "area", "area_name", "period", "value", "unit",
                  "qualifier", "status", "note", "source")
SCORECARD_COLUMNS = ("indicator", "name", "area", "area_name", "unit", "latest_period",
                     "latest_value", "qualifier", "target_comparator", "target_value",
                     "target_value_high", "target_source", "target_period", "gap", "gap_pct",
                     "change", "period_status", "period_status_text", "course_status",
                     "course_status_text", "warnings", "gap_text", "change_text", "change_pct",
                     "indicative", "target_kind", "target_document", "target_document_date",
                     "target_confidence", "target_qualitative", "target_relative",
                     "target_baseline_period", "from_children", "children_reporting",
                     "indicative_why", "prev_period", "prev_value", "figure_status", "derived",
                     "older")


def number(value, *, computed: bool = False):
    """A stored or computed number as JSON and CSV should carry it: None when missing, an int
    when whole (3800, not 3800.0). ``computed`` values (a gap, a change) lose the float noise
    of their arithmetic (98.6 - 97.3 is 1.2999999999999972)."""
    if value is None:
        return None
    v = float(value)
    if not math.isfinite(v):
        return None
    if computed:
        v = round(v, 10)
    return int(v) if v.is_integer() and abs(v) < 2 ** 53 else v


def _value(v, kind: str, lang: str, *, computed: bool = False):
    if kind == "class" and not computed and pd.notna(v):
        return class_name(v, lang)
    return number(v, computed=computed)


def _text(v) -> str | None:
    return present.cell_text(v) or None


def figure_records(figs: pd.DataFrame, indicators: pd.DataFrame, areas: pd.DataFrame,
                   sources: pd.DataFrame, lang: str = "en") -> list[dict]:
    """One record per figure (:data:`FIGURE_COLUMNS`) with its source named."""
    ind = indicators.set_index("code")
    names, kinds = ind[present.name_col(lang)].to_dict(), ind["value_kind"].to_dict()
    unit = dict(zip(ind.index, present.units(ind, lang)))
    area_names = areas.set_index("code")[present.name_col(lang)].to_dict()
    namer = present.source_namer(sources)
    out = []
    for r in present.records(figs, ("indicator", "area", "period", "value", "qualifier",
                                    "status", "note", "source", "source_ref")):
        code = r["indicator"]
        out.append({
            "indicator": code, "name": names.get(code), "area": r["area"],
            "area_name": area_names.get(r["area"]), "period": r["period"],
            "value": _value(r["value"], kinds.get(code), lang), "unit": unit.get(code) or None,
            "qualifier": _text(r["qualifier"]), "status": _text(r["status"]),
            "note": _text(r["note"]), "source": namer(r["source"], r["source_ref"]) or None,
        })
    return out


def scorecard_records(sc: pd.DataFrame, areas: pd.DataFrame, lang: str = "en") -> list[dict]:
    """One record per scorecard row (:data:`SCORECARD_COLUMNS`); a band indicator judged
    against its band has comparator ``between``, the band as its values and
    ``target_source`` ``band``."""
    area_names = areas.set_index("code")[present.name_col(lang)].to_dict()
    unit = present.units(sc, lang)
    table = present.scorecard_table(sc, areas, lang) if len(sc) else None
    texts = list(zip(table["gap"], table["change"])) if table is not None else []
    out = []
    for i, r in enumerate(present.records(sc)):
        kind = r["value_kind"]
        band = r.get("target_source") == "band"
        out.append({
            "indicator": r["indicator"], "name": r[present.name_col(lang)], "area": r["area"],
            "area_name": area_names.get(r["area"]), "unit": unit[i] or None,
            "latest_period": _text(r["latest_period"]),
            "latest_value": _value(r["latest_value"], kind, lang),
            "qualifier": _text(r["qualifier"]),
            "target_comparator": "between" if band else _text(r["target_comparator"]),
            "target_value": _value(r.get("band_low") if band else r["target_value"], kind,
                                   lang),
            "target_value_high": _value(r.get("band_high") if band else r["target_value_high"],
                                        kind, lang),
            "target_source": _text(r.get("target_source")),
            "target_period": _text(r["target_period"]),
            "gap": _value(r["gap"], kind, lang, computed=True),
            "gap_pct": number(r["gap_pct"], computed=True),
            "change": _value(r["change"], kind, lang, computed=True),
            "period_status": r["period_status"],
            "period_status_text": vocabulary.words(r["period_status"], lang),
            "course_status": r["course_status"],
            "course_status_text": vocabulary.words(r["course_status"], lang),
            "warnings": int(r["warnings"]),
            # the gap and change as the bureau states them (percentage points for shares,
            # % for concentrations, days for day counts: core.convention), and the target's
            # provenance
            "gap_text": texts[i][0] or None, "change_text": texts[i][1] or None,
            "change_pct": number(r.get("change_pct"), computed=True),
            "indicative": _text(r.get("indicative")),
            "target_kind": _text(r.get("target_kind")),
            "target_document": _text(r.get("target_document")),
            "target_document_date": _text(r.get("target_document_date")),
            "target_confidence": _text(r.get("target_confidence")),
            "target_qualitative": _text(r.get("target_qualitative")),
            "target_relative": number(r.get("target_relative")),
            "target_baseline_period": _text(r.get("target_baseline_period")),
            "from_children": _value(r.get("from_children"), kind, lang, computed=True),
            "children_reporting": number(r.get("children_reporting")),
            "indicative_why": present.indicative_reason(r, lang) or None,
            "prev_period": _text(r.get("prev_period")),
            "prev_value": _value(r.get("prev_value"), kind, lang),
            "figure_status": _text(r.get("figure_status")),
            "derived": bool(r.get("figure_derived")) if pd.notna(r.get("figure_derived"))
            else None,
            "older": bool(r.get("older", False)),
        })
    return out


def write_json(records: list[dict], out: IO[str]) -> None:
    out.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")


def write_csv(records: list[dict], columns, out: IO[str]) -> None:
    """CSV with a header; numbers plain (no thousands separators), missing cells empty, and
    text that a spreadsheet would run as a formula made inert (:mod:`core.formulas`).

    Text is always quoted, numbers never: minimal quoting left a carriage return in a note
    bare (the line ends in a newline only), which readers take for the end of a row."""
    w = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    w.writerow(columns)
    for r in records:
        w.writerow(["" if (v := r.get(c)) is None else inert(v) for c in columns])
