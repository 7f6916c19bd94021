"""``ecotracker import REPORT`` for press releases: the proposals printed, then applied."""
from __future__ import annotations

import argparse
import sys
from datetime import date

from ..i18n import tr
from ..problems import InputError
from ..values import format_value
from .importing import ReportPreview, apply_report, read_report

COLUMNS = ("kind", "change", "indicator", "name", "area", "period", "value", "unit",
           "qualifier", "derived", "derivation", "old_value", "problem", "paragraph",
           "written", "sentence")


def changes_by_row(preview: ReportPreview) -> dict[int, tuple[str, object]]:
    """Proposal number (1-based) -> (new | changed | unchanged | refused, old value)."""
    out: dict[int, tuple[str, object]] = {}
    for r in preview.plan.new.get("_row", []):
        out[int(r)] = ("new", None)
    ch = preview.plan.changed
    for r, old in zip(ch.get("_row", []), ch.get("old_value", [])):
        out[int(r)] = ("changed", old)
    for p in preview.plan.problems:
        if p.row is not None:
            out[int(p.row)] = ("refused", None)
    return out


def records(preview: ReportPreview, indicators, lang: str = "en") -> list[dict]:
    """Every proposal and every number not placed, as rows for ``--format csv|json``."""
    from ..machine import number

    ind = indicators.set_index("code")
    state = changes_by_row(preview)
    out = []
    for i, p in enumerate(preview.proposals, start=1):
        row = ind.loc[p.indicator] if p.indicator in ind.index else None
        change, old = state.get(i, ("unchanged", None))
        out.append({
            "kind": "figure", "change": change, "indicator": p.indicator,
            "name": None if row is None else row["name_zh" if lang == "zh_CN" else "name_en"],
            "area": p.area, "period": p.period,
            "value": p.value if isinstance(p.value, str) else number(p.value),
            "unit": None if row is None else (row["unit"] or None),
            "qualifier": p.qualifier or None, "derived": p.derived,
            "derivation": p.derivation or None,
            "old_value": None if old is None else number(old),
            "problem": "; ".join(str(q.message) for q in preview.problems_of(i - 1)) or None,
            "paragraph": p.paragraph, "written": p.written or None, "sentence": p.sentence})
    for u in preview.reading.unplaced:
        out.append({"kind": "not placed", "change": None, "indicator": None, "name": None,
                    "area": u.area or None, "period": u.period or None, "value": None,
                    "unit": None, "qualifier": None, "derived": False, "derivation": None,
                    "old_value": None, "problem": str(u.reason), "paragraph": u.paragraph,
                    "written": u.written, "sentence": u.sentence})
    return out


def _print_text(preview: ReportPreview, indicators) -> None:
    ind = indicators.set_index("code")
    state = changes_by_row(preview)
    r = preview.reading
    print(preview.summary())
    print("  " + tr("report period {period}, date {date}",
                    period=r.period.code if r.period else "?",
                    date=r.date.isoformat() if r.date else "?"))
    for i, p in enumerate(preview.proposals, start=1):
        row = ind.loc[p.indicator]
        shown = format_value(p.value if not isinstance(p.value, str) else
                             float(_rank(p.value)), row["value_kind"], int(row["decimals"]),
                             qualifier=p.qualifier)
        change, _ = state.get(i, ("unchanged", None))
        line = tr("{change} {indicator} / {area} / {period}: {value} {unit}",
                  change=f"{tr(change):<9}", indicator=p.indicator, area=p.area,
                  period=p.period, value=shown,
                  unit="" if row["value_kind"] in ("percent", "class") else row["unit"] or ""
                  ).rstrip()
        if p.derived:
            line += "  " + tr("derived: {how}", how=p.derivation)
        print("  " + line)
        print("      " + tr("para {n}: {text}", n=p.paragraph,
                            text=_excerpt(p.sentence, p.span)))
        for q in preview.problems_of(i - 1):
            print("      " + tr("refused: {message}", message=q.message))
    if r.unplaced:
        print(tr("numbers not placed:"))
    for u in r.unplaced:
        print("  " + tr("para {n}: {written} ({why})", n=u.paragraph, written=u.written,
                        why=u.reason))


def _rank(name: str) -> int:
    from ..values import class_rank

    return class_rank(name)


def _excerpt(sentence: str, span: tuple[int, int], width: int = 90) -> str:
    a, b = span
    if len(sentence) <= width:
        return sentence
    lo = max(0, a - width // 2)
    hi = min(len(sentence), lo + width)
    return ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")


def cmd_import_report(args: argparse.Namespace, open_store) -> int:
    from .. import machine, queries

    given = None
    if getattr(args, "date", None):
        try:
            given = date.fromisoformat(args.date)
        except ValueError:
            raise InputError(tr("--date takes a date such as 2025-07-10, not {text}",
                                text=repr(args.date))) from None
    with open_store(args) as store:
        preview = read_report(store, args.file, given_date=given)
        with store.read() as conn:
            indicators = queries.indicators(conn)
        fmt = getattr(args, "format", None)
        if fmt:
            rows = records(preview, indicators, getattr(args, "lang", "en"))
            if fmt == "json":
                machine.write_json(rows, sys.stdout)
            else:
                machine.write_csv(rows, COLUMNS, sys.stdout)
        else:
            _print_text(preview, indicators)
        if args.dry_run:
            if not fmt:
                print(tr("dry run: nothing was written"))
            return 0
        if not preview.ok:
            raise InputError(preview.plan.problems)
        if preview.nothing_to_do:
            print(tr("nothing to change"), file=sys.stderr if fmt else sys.stdout)
            return 0
        done = apply_report(store, preview)
    msg = tr("imported: {created} new, {updated} changed; source {source}",
             created=done.created, updated=done.updated, source=done.source_id)
    print(msg, file=sys.stderr if fmt else sys.stdout)
    return 0

