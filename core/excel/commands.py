"""``ecotracker export``, ``ecotracker template`` and ``ecotracker import``."""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..i18n import tr
from ..problems import InputError

if TYPE_CHECKING:
    from ..store import Store


def add_subcommands(sub, add_db) -> None:
    """Add the Excel subcommands to the ``ecotracker`` parser (called by :mod:`core.cli`)."""
    p = sub.add_parser("export", help="write the meeting workbook (scorecard, charts, data)")
    add_db(p)
    p.add_argument("-o", "--out", required=True, metavar="FILE.xlsx")
    p.add_argument("--category", metavar="C", help="category code or name")
    p.add_argument("--area", metavar="A", help="area code or Chinese or English name")
    p.add_argument("--from", dest="period_from", metavar="P", help="first period, e.g. 2024H1")
    p.add_argument("--to", dest="period_to", metavar="P", help="last period, e.g. 2025H1")
    p.add_argument("--period", metavar="P", help="review as of this period: its figures, or "
                   "the latest before it marked older; later figures left out")
    p.add_argument("--lang", choices=("en", "zh_CN"), default="en")
    p.add_argument("--force", action="store_true",
                   help="replace an existing file that is not an Excel workbook")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("template", help="write an entry workbook for districts to fill in")
    add_db(p)
    p.add_argument("-o", "--out", required=True, metavar="FILE.xlsx")
    p.add_argument("--period", required=True, metavar="P", help="the period to fill in")
    p.add_argument("--area", metavar="A")
    p.add_argument("--category", metavar="C")
    p.add_argument("--lang", choices=("en", "zh_CN"), default="en")
    p.add_argument("--force", action="store_true",
                   help="replace an existing file that is not an Excel workbook")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("import", help="import figures from an exported or entry workbook, or "
                                      "read them from a report (.txt .md .html .docx .pdf)")
    add_db(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="show the preview, write nothing")
    p.add_argument("--reason", default="", metavar="TEXT",
                   help="why figures of a submitted or reopened half-year change (kept in "
                        "the change log)")
    p.add_argument("--format", choices=("csv", "json"), help="reports: the proposed figures "
                   "and the numbers not placed as rows")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="reports: the report's date when its "
                   "text does not say (default: the file's)")
    p.set_defaults(func=cmd_import)


def _open(args) -> Store:
    from ..store import Store

    return Store.open(getattr(args, "db", None), create=False)


def cmd_export(args: argparse.Namespace) -> int:
    from .export import ExportOptions, export_workbook

    opts = ExportOptions(args.category, args.area, args.period_from, args.period_to, args.lang,
                         as_of=args.period)
    with _open(args) as store:
        r = export_workbook(store, args.out, opts, force=args.force)
    print(tr("{path}: {rows} figures, {charts} charts", path=r.path, rows=r.rows,
             charts=r.charts))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from .template import write_template

    with _open(args) as store:
        n = write_template(store, args.out, args.period, area=args.area,
                           category=args.category, lang=args.lang, force=args.force)
    print(tr("{path}: {n} rows to fill in", path=args.out, n=n))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..reports.text import is_report

    if is_report(args.file):  # a press release, read into proposed figures
        from ..reports.commands import cmd_import_report

        return cmd_import_report(args, _open)
    from .importer import apply_import, read_import

    with _open(args) as store:
        preview = read_import(store, args.file)
        print(preview.summary())
        if not preview.ok:
            raise InputError(preview.plan.problems)
        for w in preview.plan.warnings:  # they pass the rules but look wrong: kept on apply
            print("  " + tr("check   {warning}", warning=w))
        with store.read() as conn:
            from .. import queries

            changes = preview.changes(queries.indicators(conn))
        for r in changes.itertuples(index=False):
            if r.change == "changed":
                print("  " + tr("changed {indicator} / {area} / {period}: {old} -> {new}",
                                indicator=r.indicator, area=r.area, period=r.period,
                                old=r.old, new=r.new))
        new = changes[changes["change"] == "new"]
        for r in new.head(20).itertuples(index=False):
            print("  " + tr("new     {indicator} / {area} / {period}: {new}",
                            indicator=r.indicator, area=r.area, period=r.period, new=r.new))
        if len(new) > 20:
            print("  " + tr("... and {n} more new", n=len(new) - 20))
        if args.dry_run:
            print(tr("dry run: nothing was written"))
            return 0
        if preview.nothing_to_do:
            print(tr("nothing to change"))
            return 0
        done = apply_import(store, preview, reason=args.reason)
    if done.backup:
        print(tr("imported: {created} new, {updated} changed; backup {backup}",
                 created=done.created, updated=done.updated, backup=done.backup))
    else:
        print(tr("imported: {created} new, {updated} changed; PostgreSQL: the server's own "
                 "backups cover this change", created=done.created, updated=done.updated))
    return 0
