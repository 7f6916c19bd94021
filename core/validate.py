"""Checks of one figure, target or indicator before it is written.

Each function returns the normalised values or raises :class:`ValueParseError` saying what is
wrong; callers add where (a dialog field, a workbook cell).
"""
from __future__ import annotations

import math

from sqlalchemy import Connection, select

from . import schema
from .errors import NotFoundError, ValueParseError
from .i18n import tr
from .periods import parse_period, period_ord
from .values import DIRECTIONS, VALUE_KINDS, parse_qualifier, parse_value

FIGURE_STATUSES = ("final", "provisional")
TARGET_KINDS = ("national_assessment", "municipal_plan", "standard", "national_standard")
COMPARATORS = (">=", "<=", "=", "between")
PERIOD_TYPES = ("year", "half", "quarter", "month")


def indicator_row(conn: Connection, code: str) -> dict:
    row = conn.execute(select(schema.indicators)
                       .where(schema.indicators.c.code == code)).mappings().first()
    if row is None:
        raise NotFoundError(tr("unknown indicator {code}", code=repr(code)))
    return dict(row)


def check_area(conn: Connection, code: str) -> None:
    if conn.execute(select(schema.areas.c.code).where(schema.areas.c.code == code)).first() is None:
        raise NotFoundError(tr("unknown area {code}", code=repr(code)))


def check_source(conn: Connection, source: str | None) -> str | None:
    if not source:
        return None
    if conn.execute(select(schema.sources.c.id).where(schema.sources.c.id == source)).first() is None:
        raise NotFoundError(tr("unknown source {source}", source=repr(source)))
    return source


def _text(v: object) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v).strip()


def figure_values(conn: Connection, values: dict) -> dict:
    """Validate and normalise the fields of a figure (complete or partial-merged)."""
    ind = indicator_row(conn, values["indicator"])
    check_area(conn, values["area"])
    period = parse_period(values["period"]).code
    out = dict(values)
    out["period"] = period
    out["period_ord"] = period_ord(period)
    out["value"] = parse_value(values["value"], ind["value_kind"], vmin=ind["vmin"],
                               vmax=ind["vmax"])
    out["qualifier"] = parse_qualifier(values.get("qualifier"))
    status = _text(values.get("status")) or "final"
    if status not in FIGURE_STATUSES:
        raise ValueParseError(tr("status {status} is not final or provisional",
                                 status=repr(status)))
    out["status"] = status
    out["derived"] = bool(values.get("derived") or False)
    for key in ("derivation", "note", "source_ref"):
        out[key] = _text(values.get(key))
    out["source"] = check_source(conn, _text(values.get("source")) or None)
    return out


def target_values(conn: Connection, values: dict) -> dict:
    ind = indicator_row(conn, values["indicator"])
    check_area(conn, values["area"])
    out = dict(values)
    out["period"] = parse_period(values["period"]).code
    out["period_ord"] = period_ord(out["period"])
    comparator = _text(values.get("comparator"))
    if comparator not in COMPARATORS:
        raise ValueParseError(tr("comparator {comparator} is not one of {choices}",
                                 comparator=repr(comparator), choices=", ".join(COMPARATORS)))
    out["comparator"] = comparator
    kind = ind["value_kind"]
    lim = {"vmin": ind["vmin"], "vmax": ind["vmax"]}
    out["value"] = parse_value(values["value"], kind, **lim)
    high = values.get("value_high")
    if comparator == "between":
        if _text(high) == "":
            raise ValueParseError(tr("a 'between' target needs an upper value"))
        out["value_high"] = parse_value(high, kind, **lim)
        if out["value_high"] < out["value"]:
            raise ValueParseError(tr("the upper value of a 'between' target is below its lower "
                                     "value"))
    else:
        out["value_high"] = None
    tkind = _text(values.get("kind"))
    if tkind not in TARGET_KINDS:
        raise ValueParseError(tr("target kind {kind} is not one of {choices}", kind=repr(tkind),
                                 choices=", ".join(TARGET_KINDS)))
    out["kind"] = tkind
    bp = _text(values.get("baseline_period"))
    out["baseline_period"] = parse_period(bp).code if bp else None
    bv = values.get("baseline_value")
    out["baseline_value"] = None if _text(bv) == "" else parse_value(bv, kind, **lim)
    if (out["baseline_period"] is None) != (out["baseline_value"] is None):
        raise ValueParseError(tr("a baseline needs both a period and a value"))
    out["derived"] = bool(values.get("derived") or False)
    for key in ("derivation", "note", "source_ref"):
        out[key] = _text(values.get(key))
    out["source"] = check_source(conn, _text(values.get("source")) or None)
    return out


def indicator_values(conn: Connection, values: dict) -> dict:
    out = dict(values)
    code = _text(values.get("code"))
    if not code or not all(c.isalnum() or c in "._-" for c in code) or not code.isascii():
        raise ValueParseError(tr("indicator code {code} must be ASCII letters, digits, '.', '_' "
                                 "or '-'", code=repr(code)))
    out["code"] = code
    cat = _text(values.get("category"))
    if conn.execute(select(schema.categories.c.code)
                    .where(schema.categories.c.code == cat)).first() is None:
        raise NotFoundError(tr("unknown category {category}", category=repr(cat)))
    out["category"] = cat
    for key in ("name_zh", "name_en"):
        out[key] = _text(values.get(key))
    if not out["name_zh"] and not out["name_en"]:
        raise ValueParseError(tr("an indicator needs a name"))
    out["name_zh"] = out["name_zh"] or out["name_en"]
    out["name_en"] = out["name_en"] or out["name_zh"]
    if values.get("value_kind") not in VALUE_KINDS:
        raise ValueParseError(tr("value kind {kind} is not one of {choices}",
                                 kind=repr(values.get("value_kind")),
                                 choices=", ".join(VALUE_KINDS)))
    if values.get("direction") not in DIRECTIONS:
        raise ValueParseError(tr("direction {direction} is not one of {choices}",
                                 direction=repr(values.get("direction")),
                                 choices=", ".join(DIRECTIONS)))
    if _text(values.get("period_type") or "half") not in PERIOD_TYPES:
        raise ValueParseError(tr("period type {type} is not one of {choices}",
                                 type=repr(values.get("period_type")),
                                 choices=", ".join(PERIOD_TYPES)))
    out["period_type"] = _text(values.get("period_type") or "half")
    for key in ("vmin", "vmax", "band_low", "band_high"):
        v = values.get(key)
        out[key] = None if _text(v) == "" else parse_value(v, "number")
    if out["value_kind"] == "percent":
        out["vmin"] = 0.0 if out["vmin"] is None else out["vmin"]
        out["vmax"] = 100.0 if out["vmax"] is None else out["vmax"]
    if out["vmin"] is not None and out["vmax"] is not None and out["vmin"] > out["vmax"]:
        raise ValueParseError(tr("the natural minimum is above the natural maximum"))
    if out["direction"] == "band" and (out["band_low"] is None or out["band_high"] is None):
        raise ValueParseError(tr("a band indicator needs a lower and an upper bound"))
    out["cumulative"] = bool(values.get("cumulative") or False)
    out["decimals"] = int(values.get("decimals") or 0)
    if not 0 <= out["decimals"] <= 6:
        raise ValueParseError(tr("decimals must be 0..6"))
    out["tolerance"] = float(values.get("tolerance") or 0.0)
    if out["tolerance"] < 0:
        raise ValueParseError(tr("the tolerance cannot be negative"))
    out["unit"] = _text(values.get("unit"))
    out["unit_zh"] = _text(values.get("unit_zh"))
    for key in ("definition_en", "definition_zh"):
        out[key] = _text(values.get(key))
    return out


VALIDATORS = {"figure": figure_values, "target": target_values, "indicator": indicator_values}
