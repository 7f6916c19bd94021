"""``ecotracker users add|list|remove``: the desks of a shared PostgreSQL database
(:mod:`core.pg_roles`), and the desks ``ecotracker init`` installs there."""
from __future__ import annotations

import getpass
import sys

from .errors import EcoError
from .i18n import tr


def add_subcommands(sub, add_db) -> None:
    p = sub.add_parser("users", help="the desks of a shared PostgreSQL database (admin only)")
    add_db(p)
    users = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    a = users.add_parser("add", help="make a login role for a person, in one role")
    add_db(a)
    a.add_argument("name", help="the login name (lower-case letters, digits, _ . -)")
    a.add_argument("--role", required=True, choices=("admin", "city", "district", "viewer"))
    a.add_argument("--area", action="append", default=[], metavar="CODE",
                   help="an area a district desk changes the figures of (repeat for more)")
    how = a.add_mutually_exclusive_group()
    how.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input")
    how.add_argument("--no-password", action="store_true",
                     help="no password (the server authenticates the person another way)")
    a.set_defaults(func=cmd_add)
    ls = users.add_parser("list", help="every desk: name, role, areas")
    add_db(ls)
    ls.set_defaults(func=cmd_list)
    r = users.add_parser("remove", help="drop a desk's login role")
    add_db(r)
    r.add_argument("name")
    r.set_defaults(func=cmd_remove)


def _store(args):
    from .store import Store

    return Store.open(getattr(args, "db", None), create=False)


def read_password(args) -> str | None:
    """The new desk's password: from stdin, or asked twice at the terminal (never echoed)."""
    if args.no_password:
        return None
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise EcoError(tr("no password on standard input"))
        return line
    if not sys.stdin.isatty():
        raise EcoError(tr("give the password at a terminal, or with --password-stdin"))
    first = getpass.getpass(tr("password for {name}:", name=args.name) + " ")
    if getpass.getpass(tr("the same password again:") + " ") != first:
        raise EcoError(tr("the two passwords differ; nothing was changed"))
    return first


def cmd_add(args) -> int:
    from . import pg_roles

    with _store(args) as store:
        with store.read() as conn:
            pg_roles.need_admin(conn)  # before asking for a password
        password = read_password(args)
        with store.write("users") as conn:
            pg_roles.add_user(conn, args.name, args.role, args.area, password=password)
    areas = ", ".join(args.area)
    print(tr("{name}: a {role} desk{areas}", name=args.name, role=args.role,
             areas=f" ({areas})" if areas else ""))
    return 0


def cmd_list(args) -> int:
    from . import pg_roles

    with _store(args) as store, store.read() as conn:
        found = pg_roles.users(conn)
    if not found:
        print(tr("no desks yet: add one with 'ecotracker users add NAME --role ROLE'"))
    for u in found:
        print(f"{u['name']:<24} {u['role']:<9} {', '.join(u['areas'])}".rstrip())
    return 0


def cmd_remove(args) -> int:
    from . import pg_roles

    with _store(args) as store, store.write("users") as conn:
        pg_roles.remove_user(conn, args.name)
    print(tr("{name}: removed", name=args.name))
    return 0


def install(store) -> str | None:
    """``ecotracker init`` on PostgreSQL: install the desks' roles and policies (as the
    owner). Returns the line to print, None on SQLite."""
    from . import access, pg_roles

    if store.backend != "postgresql":
        return None
    with store.write("setup", setup=True) as conn:
        if not access.current(conn, fresh=True).owner:
            raise EcoError(tr("only the database's owner installs its desks: run "
                              "'ecotracker init' as the role that owns its tables"))
        pre = pg_roles.install(conn)
    return tr("desks installed: group roles {roles}", roles=", ".join(
        pre + r for r in access.ROLES))
