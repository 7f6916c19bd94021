"""Checks of one figure, target or indicator before it is written.

Each function returns the normalised values or raises :class:`ValueParseError` saying what is
wrong; callers add where (a dialog field, a workbook cell).
"""
from __future__ import annotations

import math

import pandas as pd
from sqlalchemy import Connection, select

from . import context_cache, rules, schema
from .errors import NotFoundError, ValueParseError
from .i18n import tr
from .periods import KINDS as PERIOD_TYPES
from .rules import COMPARATORS, FIGURE_STATUSES, TARGET_KINDS  # noqa: F401 - re-exported
from .values import DIRECTIONS, VALUE_KINDS, parse_value


def indicator_row(conn: Connection, code: str) -> dict:
    row = conn.execute(select(schema.indicators)
                       .where(schema.indicators.c.code == code)).mappings().first()
    if row is None:
        raise NotFoundError(tr("unknown indicator {code}", code=repr(code)), field="indicator")
    return dict(row)


def _text(v: object) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v).strip()


def figure_values(conn: Connection, values: dict, ctx: rules.Context | None = None) -> dict:
    """Validate and normalise the fields of one figure (complete or partial-merged): the
    rules of :func:`core.rules.check_figures` on a column of one. Raises
    :class:`~core.errors.FieldError` naming the field."""
    ctx = ctx or context_cache.context(conn)
    frame = pd.DataFrame([{**{k: "" for k in ("qualifier", "status", "note", "source_ref",
                                               "derivation", "source")},
                           "derived": False, **values}])
    out = rules.one(rules.check_figures(ctx, frame))
    out["derived"] = bool(out.get("derived"))
    return out


def target_values(conn: Connection, values: dict, ctx: rules.Context | None = None) -> dict:
    """Validate and normalise the fields of one target (:func:`core.rules.check_targets`)."""
    ctx = ctx or context_cache.context(conn)
    frame = pd.DataFrame([{**{k: "" for k in ("note", "source_ref", "derivation", "source",
                                               "value_high", "baseline_period",
                                               "baseline_value", "comparator", "kind",
                                               "document", "document_date", "confidence",
                                               "qualitative", "relative")},
                           "derived": False, **values}])
    out = rules.one(rules.check_targets(ctx, frame))
    out["derived"] = bool(out.get("derived"))
    return out


def indicator_values(conn: Connection, values: dict) -> dict:
    out = dict(values)
    code = _text(values.get("code"))
    if not code or not all(c.isalnum() or c in "._-" for c in code) or not code.isascii():
        raise ValueParseError(tr("indicator code {code} must be ASCII letters, digits, '.', '_' "
                                 "or '-'", code=repr(code)), field="code")
    out["code"] = code
    cat = _text(values.get("category"))
    if conn.execute(select(schema.categories.c.code)
                    .where(schema.categories.c.code == cat)).first() is None:
        raise NotFoundError(tr("unknown category {category}", category=repr(cat)), field="category")
    out["category"] = cat
    for key in ("name_zh", "name_en"):
        out[key] = _text(values.get(key))
    if not out["name_zh"] and not out["name_en"]:
        raise ValueParseError(tr("an indicator needs a name"), field="name_en")
    out["name_zh"] = out["name_zh"] or out["name_en"]
    out["name_en"] = out["name_en"] or out["name_zh"]
    if values.get("value_kind") not in VALUE_KINDS:
        raise ValueParseError(tr("value kind {kind} is not one of {choices}",
                                 kind=repr(values.get("value_kind")),
                                 choices=", ".join(VALUE_KINDS)), field="value_kind")
    if values.get("direction") not in DIRECTIONS:
        raise ValueParseError(tr("direction {direction} is not one of {choices}",
                                 direction=repr(values.get("direction")),
                                 choices=", ".join(DIRECTIONS)), field="direction")
    if _text(values.get("period_type") or "half") not in PERIOD_TYPES:
        raise ValueParseError(tr("period type {type} is not one of {choices}",
                                 type=repr(values.get("period_type")),
                                 choices=", ".join(PERIOD_TYPES)), field="period_type")
    out["period_type"] = _text(values.get("period_type") or "half")
    listed = [k.strip() for k in _text(values.get("period_types")).split(",") if k.strip()]
    for k in listed:
        if k not in PERIOD_TYPES:
            raise ValueParseError(tr("period type {type} is not one of {choices}",
                                     type=repr(k), choices=", ".join(PERIOD_TYPES)), field="period_types")
    if listed and out["period_type"] not in listed:
        listed.append(out["period_type"])
    out["period_types"] = ",".join(k for k in PERIOD_TYPES if k in listed)
    out["day_count"] = rules.parse_flag(values.get("day_count") or False)
    for key in ("vmin", "vmax", "band_low", "band_high"):
        v = values.get(key)
        try:
            out[key] = None if _text(v) == "" else parse_value(v, "number")
        except ValueParseError as exc:
            raise ValueParseError(str(exc), field=key) from None
    if out["value_kind"] == "percent":
        out["vmin"] = 0.0 if out["vmin"] is None else out["vmin"]
        out["vmax"] = 100.0 if out["vmax"] is None else out["vmax"]
    if out["vmin"] is not None and out["vmax"] is not None and out["vmin"] > out["vmax"]:
        raise ValueParseError(tr("the natural minimum is above the natural maximum"), field="vmin")
    if out["direction"] == "band" and (out["band_low"] is None or out["band_high"] is None):
        raise ValueParseError(tr("a band indicator needs a lower and an upper bound"), field="band_low")
    out["cumulative"] = bool(values.get("cumulative") or False)
    out["decimals"] = int(values.get("decimals") or 0)
    if not 0 <= out["decimals"] <= 6:
        raise ValueParseError(tr("decimals must be 0..6"), field="decimals")
    out["tolerance"] = float(values.get("tolerance") or 0.0)
    if out["tolerance"] < 0:
        raise ValueParseError(tr("the tolerance cannot be negative"), field="tolerance")
    out["unit"] = _text(values.get("unit"))
    out["unit_zh"] = _text(values.get("unit_zh"))
    for key in ("definition_en", "definition_zh"):
        out[key] = _text(values.get(key))
    out["measure"] = _text(values.get("measure")) or default_measure(out)
    if out["measure"] not in MEASURES:
        raise ValueParseError(tr("measure {measure} is not one of {choices}",
                                 measure=repr(out["measure"]), choices=", ".join(MEASURES)),
                              field="measure")
    from .computed import check as check_formula

    known = {c: f for c, f in conn.execute(select(schema.indicators.c.code,
                                                   schema.indicators.c.formula))}
    known.setdefault(code, "")
    out["formula"] = check_formula(_text(values.get("formula")), code, known)
    from .reports.wordings import clean

    out["wordings"] = clean(values.get("wordings"))
    return out


# what a figure is: a flow over the period, a stock at its end, a period average, a ratio
MEASURES = ("flow", "stock", "average", "ratio")


def default_measure(ind: dict) -> str:
    """A cumulative count is a stock, a percentage a ratio, anything else a flow."""
    if ind.get("cumulative"):
        return "stock"
    return "ratio" if ind.get("value_kind") == "percent" else "flow"


def source_values(conn: Connection, values: dict) -> dict:
    from .sources import source_values as check

    return check(conn, values)


VALIDATORS = {"figure": figure_values, "target": target_values, "indicator": indicator_values,
              "source": source_values}
