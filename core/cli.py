"""The ``ecotracker`` command.

With no subcommand it opens the window. Subcommands work headless: ``init``, ``figures``,
``status``, ``backups``, and (from :mod:`core.excel.commands`) ``export``, ``template`` and
``import``.
Every failure a person can cause ends with one clear line on stderr and a non-zero exit.

pandas, SQLAlchemy and the store are imported by the commands that use them, not here:
``ecotracker`` with no command opens the window, which paints before it needs them.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from .db import ENV_VAR, mask
from .errors import EcoError
from .i18n import tr
from .problems import InputError

if TYPE_CHECKING:
    from .store import Store


class _Version(argparse.Action):
    """``--version``, worked out only when asked for (from a checkout it asks git)."""

    def __call__(self, parser, namespace, values, option_string=None):
        from .version import describe

        print(f"{parser.prog} {describe()}")
        parser.exit()


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                   help=f"SQLite file path or SQLAlchemy URL (default ${ENV_VAR} or the "
                        "embedded database in your data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ecotracker", description="Indicators and targets of an ecology and environment "
        "bureau. With no command, opens the window.")
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="print the version and the commit it was built from")
    _add_db(parser)
    parser.add_argument("--lang", dest="window_lang", choices=("en", "zh_CN"),
                        default=argparse.SUPPRESS,
                        help="the window's language (default: as last chosen, else the "
                             "system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="create (and seed) a database")
    _add_db(p)
    p.add_argument("--no-seed", action="store_true", help="create an empty database")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("figures", help="list figures, one row per figure")
    _add_db(p)
    p.add_argument("--indicator", metavar="CODE")
    p.add_argument("--area", metavar="NAME", help="area code or Chinese or English name")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--lang", choices=("en", "zh_CN"), default="en")
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("status", help="the scorecard: target against actual for every "
                                      "indicator and area")
    _add_db(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--lang", choices=("en", "zh_CN"), default="en")
    p.add_argument("--period", metavar="P", help="review as of this period (2025H1, "
                   "2025年上半年): its figures, or the latest before it, marked older")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("backups", help="list the copies kept of a SQLite database, or restore "
                                       "one")
    _add_db(p)
    p.add_argument("--restore", metavar="N|FILE", help="restore backup N of the list (1 = "
                   "newest) or the named file; the database as it was is kept as a backup")
    p.add_argument("--yes", action="store_true", help="really restore (without it, only say "
                   "what would be replaced)")
    p.add_argument("--keep", type=int, metavar="N", help="keep the newest N backups from now "
                   "on (default 10)")
    p.set_defaults(func=cmd_backups)

    from . import users_cli

    users_cli.add_subcommands(sub, _add_db)

    from .briefing.commands import add_subcommand as add_briefing

    add_briefing(sub, _add_db)
    try:
        from .excel import commands
    except ImportError:  # the Excel commands are optional while being built
        pass
    else:
        commands.add_subcommands(sub, _add_db)
    from . import approval_cli

    approval_cli.add_subcommands(sub, _add_db)
    return parser


def _open(args, create: bool = False) -> Store:
    """Open the database named by ``--db`` or the environment; the embedded default is
    created and seeded on first use, as the window does, while a named one must exist."""
    db = getattr(args, "db", None)
    default = db is None and not os.environ.get(ENV_VAR)
    from .store import Store

    store = Store.open(db, create=create or default)
    if store.read_only:
        print("ecotracker: " + tr("note: {name} is open read-only: {why}", name=store.name,
                                  why=store.read_only), file=sys.stderr)
    return store


def cmd_init(args) -> int:
    from . import queries
    from .db import describe_url, resolve_url
    from .store import Store

    url = resolve_url(getattr(args, "db", None))
    store = Store.open(url, seed=not args.no_seed)
    with store.read() as conn:
        n = len(queries.figures(conn))
    if store.created:
        print(tr("{name}: created, {n} figures", name=describe_url(url), n=n))
    else:
        print(tr("{name}: already exists, {n} figures", name=describe_url(url), n=n))
    from .users_cli import install

    try:
        said = install(store)  # PostgreSQL: the desks' roles, grants and policies
    finally:
        store.close()
    if said:
        print(said)
    return 0


def cmd_figures(args) -> int:
    from . import machine, queries

    store = _open(args, create=False)
    with store.read() as conn:
        ind_codes = [queries.resolve_indicator(conn, args.indicator)] if args.indicator else None
        area_codes = [queries.resolve_area(conn, args.area)] if args.area else None
        figs = queries.figures(conn, indicators=ind_codes, areas=area_codes)
        rows = machine.figure_records(figs, queries.indicators(conn), queries.areas(conn),
                                      queries.sources(conn), args.lang)
    store.close()
    _emit(rows, machine.FIGURE_COLUMNS, args.format)
    return 0


def cmd_status(args) -> int:
    import pandas as pd

    from . import machine, present, queries, status

    from .periods import parse_period

    as_of = parse_period(args.period).code if getattr(args, "period", None) else None
    store = _open(args, create=False)
    with store.read() as conn:
        ind, areas = queries.indicators(conn), queries.areas(conn)
        sc = status.scorecard(ind, queries.figures(conn), queries.targets(conn),
                              area_rank=queries.area_rank(areas), areas=areas, as_of=as_of)
    store.close()
    if args.format != "table":
        _emit(machine.scorecard_records(sc, areas, args.lang), machine.SCORECARD_COLUMNS,
              args.format)
        return 0
    table = present.scorecard_table(sc, areas, args.lang)
    cols = ["indicator", "area", "latest_period", "latest", "target", "gap",
            "period_status", "course_status", *(["prev_period", "previous", "change"]
                                                if as_of else []), "marks"]
    with pd.option_context("display.max_rows", None, "display.max_colwidth", 40,
                           "display.width", 200):
        print(table[cols].to_string(index=False))
    return 0


def cmd_backups(args) -> int:
    """List, restore or bound the backups of a SQLite database (:mod:`core.backups`)."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from . import backups
    from .db import describe_url, resolve_url
    from .errors import DatabaseError
    from .store import Store

    url = resolve_url(getattr(args, "db", None))
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        raise DatabaseError(tr("{name} is on a database server, whose own backups EcoTracker "
                               "relies on: ask its administrator", name=describe_url(url)))
    path = Path(u.database)
    if args.restore:
        chosen = backups.find(path, args.restore)
        when = chosen.when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if not args.yes:
            print(tr("restoring replaces everything in {path} with the backup {backup} of "
                     "{when}: add --yes to do it", path=path, backup=chosen.path.name,
                     when=when))
            return 1
        chosen, before = backups.restore(path, args.restore)
        print(tr("restored {path} from {backup} of {when}; the database as it was is kept "
                 "as {before}", path=path, backup=chosen.path.name, when=when, before=before))
        return 0
    if args.keep is not None:
        if args.keep < 1:
            raise DatabaseError(tr("--keep takes a number of backups from 1 up"))
        from .migrations import set_meta

        with Store.open(str(path), create=False) as store:
            with store.write("settings") as conn:
                set_meta(conn, backups.KEEP_KEY, str(args.keep))
        gone = backups.prune(path, args.keep)
        print(tr("{path}: the newest {n} backups are kept ({gone} removed)", path=path,
                 n=args.keep, gone=len(gone)))
        return 0
    found = backups.listing(path)
    if not found:
        print(tr("{path} has no backups yet", path=path))
    for i, b in enumerate(found, start=1):
        when = b.when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{i:>3}  {when}  {b.why:<10} {b.size / 1e6:>8.1f} MB  {b.path}")
    return 0


def _emit(records: list[dict], columns, fmt: str) -> None:
    """Machine formats (:mod:`core.machine`): numbers as numbers, CSV safe to open."""
    from . import machine

    if fmt == "json":
        machine.write_json(records, sys.stdout)
    else:
        machine.write_csv(records, columns, sys.stdout)


def _no_window(args) -> int:
    print("ecotracker: " + tr("the window is not installed here; the commands work: "
                              "ecotracker status, ecotracker figures (see ecotracker --help)"),
          file=sys.stderr)
    return 2


def main(argv: list[str] | None = None, open_window: Callable | None = None) -> int:
    """Run the command line. ``open_window(db[, lang])`` opens the window when no command is
    given (passed in by :mod:`gui.launcher`, since ``core`` never imports the GUI)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if hasattr(args, "func"):
        func = args.func
    elif open_window is not None:
        def func(a):
            lang = getattr(a, "window_lang", None)
            return open_window(getattr(a, "db", None), *([lang] if lang else []))
    else:
        func = _no_window
    try:
        return func(args)
    except InputError as exc:
        print(f"ecotracker: {mask(exc)}", file=sys.stderr)
        return 1
    except EcoError as exc:
        print(f"ecotracker: error: {mask(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
