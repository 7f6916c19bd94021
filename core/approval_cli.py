"""``ecotracker submit``, ``approve``, ``reopen`` and ``periods``: a half-year's life."""
from __future__ import annotations

import argparse
import sys

from .i18n import tr


def add_subcommands(sub, add_db) -> None:
    """Add the approval subcommands to the ``ecotracker`` parser (called by :mod:`core.cli`)."""
    helps = {"submit": "submit an area's figures of a period for approval",
             "approve": "approve a submitted area x period (locks its figures)",
             "reopen": "open an approved or submitted area x period again (needs --reason)"}
    for name, text in helps.items():
        p = sub.add_parser(name, help=text)
        add_db(p)
        p.add_argument("--area", required=True, metavar="A",
                       help="area code or Chinese or English name")
        p.add_argument("--period", required=True, metavar="P", help="e.g. 2025H1")
        p.add_argument("--reason", default="", metavar="TEXT",
                       help="why (required to reopen; kept in the change log)")
        p.set_defaults(func=cmd_step, step=name)

    p = sub.add_parser("periods", help="one period's state per area: figures expected, "
                                       "entered, provisional, needing follow-up")
    add_db(p)
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_periods)


def _open(args):
    from .store import Store

    return Store.open(getattr(args, "db", None), create=False)


def cmd_step(args: argparse.Namespace) -> int:
    from . import approval, queries

    with _open(args) as store:
        with store.read() as conn:
            area = queries.resolve_area(conn, args.area)
        done = approval.take_step(store, args.step, area, args.period, reason=args.reason)
    row = done.row
    who, when = {"submitted": (row["submitted_by"], row["submitted_at"]),
                 "approved": (row["approved_by"], row["approved_at"]),
                 "open": (row["reopened_by"], row["reopened_at"])}[done.state]
    print(tr("{area} / {period}: {state} by {who} at {when}", area=done.area,
             period=done.period, state=approval.state_name(done.state), who=who, when=when))
    return 0


def cmd_periods(args: argparse.Namespace) -> int:
    from . import completeness
    from .cli import _emit
    from .periods import parse_period

    code = parse_period(args.period).code
    with _open(args) as store:
        with store.read() as conn:
            table = completeness.read(conn, code)
    records = table.to_dict("records")
    if args.format != "table":
        _emit(records, completeness.COLUMNS, args.format)
        return 0
    if table.empty:
        print(tr("no area has figures for {period}", period=code))
        return 0
    cols = ["area", "expected", "entered", "missing", "provisional", "followup", "state",
            "submitted_by", "approved_by", "approved_at"]
    sys.stdout.write(table[cols].to_string(index=False) + "\n")
    return 0
