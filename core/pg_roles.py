"""The desks of a shared PostgreSQL database, enforced by the server itself.

:func:`install` (run by ``ecotracker init`` as the database's owner, again and again without
harm) makes four group roles, ``<prefix>admin``, ``<prefix>city``, ``<prefix>district`` and
``<prefix>viewer`` (the prefix is the database's name, and its schema's when that is not
``public``, kept in ``meta``; one server can hold several bureaus), and gives them:

- ``SELECT`` on every table: everyone reads everything;
- figures: ``INSERT``/``UPDATE``/``DELETE`` for admin, city and district, under row-level
  security whose ``USING`` and ``WITH CHECK`` let a district write only rows of its areas
  (``desk_areas``), city and admin every area, and the viewer nothing (it has no grant);
- targets, indicators, areas, categories, sources and ``desk_areas``: written by admin only;
  city and district may add a new source (a district workbook cites its own report) but not
  change or delete one;
- the change log: ``INSERT`` only, and two triggers: one sets ``who`` to ``current_user``
  whatever the client sent, one refuses ``UPDATE``, ``DELETE`` and ``TRUNCATE`` to everyone
  but the table's owner; a figure's or target's ``entered_by`` is set the same way.

:func:`add_user`, :func:`users` and :func:`remove_user` are ``ecotracker users``: an admin
desk (or the owner) makes a login role, a member of one group, with its areas. The password
reaches the server only as a SCRAM verifier made here by libpq, never as text.
"""
from __future__ import annotations

import re

from sqlalchemy import Connection, text

from . import access
from .errors import DatabaseError, EcoError
from .i18n import tr

PREFIX_KEY = "role_prefix"
_NAME = re.compile(r"[a-z_][a-z0-9_.\-]{0,62}\Z")
_WRITERS = ("admin", "city", "district")
_ADMIN_TABLES = ("targets", "indicators", "areas", "categories", "sources", "desk_areas")
_ALL_TABLES = ("meta", "categories", "areas", "sources", "indicators", "figures", "targets",
               "changelog", "desk_areas")


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def on_server(conn: Connection, what: str) -> None:
    if conn.dialect.name != "postgresql":
        raise EcoError(tr("{what} works on a PostgreSQL database only: on SQLite the desk is "
                          "the computer's own account and may change everything", what=what))


def prefix(conn: Connection) -> str:
    """The group roles' prefix: kept in ``meta``, else made from the database (and schema)."""
    from .migrations import meta_value

    kept = meta_value(conn, PREFIX_KEY)
    if kept:
        return kept
    db, schema = conn.execute(text("SELECT current_database(), current_schema()")).one()
    made = f"{db}_" if schema == "public" else f"{db}_{schema}_"
    return re.sub(r"[^a-z0-9_]", "_", made.lower())[:50]


def group(conn: Connection, role: str) -> str:
    return prefix(conn) + role


def install(conn: Connection) -> str:
    """Make the roles, grants, policies and triggers (the owner, in its transaction).
    Returns the prefix."""
    on_server(conn, "ecotracker init's desks")
    from .migrations import set_meta

    pre = prefix(conn)
    g = {r: ident(pre + r) for r in access.ROLES}
    for r in access.ROLES:
        attrs = "NOLOGIN CREATEROLE" if r == "admin" else "NOLOGIN"
        conn.execute(text(
            f"DO $$ BEGIN CREATE ROLE {g[r]} {attrs}; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$"))
    if int(conn.execute(text("SHOW server_version_num")).scalar_one()) >= 160000:
        for r in ("city", "district", "viewer"):  # so admin desks may grant them
            conn.execute(text(f"GRANT {g[r]} TO {g['admin']} WITH ADMIN TRUE, "
                              "INHERIT FALSE, SET FALSE"))
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    everyone = ", ".join(g.values())
    writers = ", ".join(g[r] for r in _WRITERS)
    run = [f"GRANT USAGE ON SCHEMA {ident(schema)} TO {everyone}",
           f"GRANT SELECT ON {', '.join(_ALL_TABLES)} TO {everyone}",
           f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {', '.join(_ALL_TABLES)} "
           f"FROM {everyone}",
           f"GRANT INSERT, UPDATE, DELETE ON figures TO {writers}",
           f"GRANT INSERT ON changelog TO {writers}",
           f"GRANT INSERT ON sources TO {writers}",
           f"GRANT INSERT, UPDATE, DELETE ON {', '.join(_ADMIN_TABLES)} TO {g['admin']}"]
    for table, to in (("figures", writers), ("changelog", writers), ("targets", g["admin"])):
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"),
                           {"t": table}).scalar_one()
        run.append(f"GRANT USAGE ON SEQUENCE {seq} TO {to}")
    # the desk's areas read once per statement (a hashed subplan), then one lookup per row
    may_write = ("area IN (SELECT d.area FROM desk_areas d WHERE d.desk = current_user) "
                 f"OR pg_has_role({_literal(pre + 'city')}, 'USAGE') "
                 f"OR pg_has_role({_literal(pre + 'admin')}, 'USAGE')")
    run += ["ALTER TABLE figures ENABLE ROW LEVEL SECURITY",
            "DROP POLICY IF EXISTS eco_read ON figures",
            "CREATE POLICY eco_read ON figures FOR SELECT USING (true)",
            "DROP POLICY IF EXISTS eco_write ON figures",
            f"CREATE POLICY eco_write ON figures FOR ALL TO {writers} "
            f"USING ({may_write}) WITH CHECK ({may_write})"]
    run += _changelog_triggers()
    for table in ("figures", "targets"):  # "entered by" is the server's word too
        run += [f"DROP TRIGGER IF EXISTS eco_entered_by ON {table}",
                f"CREATE TRIGGER eco_entered_by BEFORE INSERT OR UPDATE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION eco_entered_by()"]
    for sql in run:
        conn.execute(text(sql))
    set_meta(conn, PREFIX_KEY, pre)
    return pre


def _changelog_triggers() -> list[str]:
    owner_only = (
        "IF NOT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = "
        "TG_RELID), 'USAGE') THEN RAISE EXCEPTION 'the change log is append-only: only its "
        "owner may change or remove its rows' USING ERRCODE = '42501'; END IF;")
    return [
        "CREATE OR REPLACE FUNCTION eco_changelog_who() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN NEW.who := current_user; RETURN NEW; END $$",
        "CREATE OR REPLACE FUNCTION eco_entered_by() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN NEW.entered_by := current_user; RETURN NEW; END $$",
        "DROP TRIGGER IF EXISTS eco_who ON changelog",
        "CREATE TRIGGER eco_who BEFORE INSERT ON changelog FOR EACH ROW "
        "EXECUTE FUNCTION eco_changelog_who()",
        "CREATE OR REPLACE FUNCTION eco_changelog_kept() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {owner_only} IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; "
        "IF TG_OP = 'TRUNCATE' THEN RETURN NULL; END IF; RETURN NEW; END $$",
        "DROP TRIGGER IF EXISTS eco_kept ON changelog",
        "CREATE TRIGGER eco_kept BEFORE UPDATE OR DELETE ON changelog FOR EACH ROW "
        "EXECUTE FUNCTION eco_changelog_kept()",
        "DROP TRIGGER IF EXISTS eco_kept_all ON changelog",
        "CREATE TRIGGER eco_kept_all BEFORE TRUNCATE ON changelog FOR EACH STATEMENT "
        "EXECUTE FUNCTION eco_changelog_kept()",
    ]


def installed(conn: Connection) -> bool:
    from .migrations import meta_value

    return conn.dialect.name == "postgresql" and bool(meta_value(conn, PREFIX_KEY))


def need_admin(conn: Connection) -> access.Access:
    on_server(conn, "ecotracker users")
    if not installed(conn):
        raise EcoError(tr("this database has no desks yet: run 'ecotracker init --db ...' "
                          "as its owner first"))
    return access.require(conn, "users", fresh=True)


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise EcoError(tr("{name} cannot be a desk's login name: use lower-case letters, "
                          "digits, '_', '.' or '-', starting with a letter, at most 63",
                          name=repr(name)))
    return name


def add_user(conn: Connection, name: str, role: str, areas=(), *,
             password: str | None = None) -> None:
    """Make the login role ``name``, a member of ``role``'s group, with its areas."""
    acc = need_admin(conn)
    check_name(name)
    if role not in access.ROLES:
        raise EcoError(tr("{role} is not a role: use admin, city, district or viewer",
                          role=repr(role)))
    areas = list(dict.fromkeys(areas))
    if role == "district" and not areas:
        raise EcoError(tr("a district desk needs its areas: add --area CODE"))
    if areas and role != "district":
        raise EcoError(tr("only district desks have areas; a {role} desk sees and changes "
                          "every area as its role allows", role=role))
    known = {r[0] for r in conn.execute(text("SELECT code FROM areas"))}
    unknown = [a for a in areas if a not in known]
    if unknown:
        raise EcoError(tr("no area {area}: use the area codes of 'ecotracker status'",
                          area=", ".join(unknown)))
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
        raise EcoError(tr("the server already has a role named {name}: choose another name, "
                          "or remove it first", name=name))
    pw = ""
    if password is not None:
        if not password:
            raise EcoError(tr("the password is empty"))
        pw = " PASSWORD " + _literal(_verifier(conn, name, password))
    with _as_admin(conn, acc):
        conn.execute(text(f"CREATE ROLE {ident(name)} LOGIN{pw}".replace(":", r"\:")))
        conn.execute(text(f"GRANT {ident(group(conn, role))} TO {ident(name)}"))
    for a in areas:
        conn.execute(text("INSERT INTO desk_areas (desk, area) VALUES (:d, :a)"),
                     {"d": name, "a": a})


def _verifier(conn: Connection, name: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, made by libpq on this machine."""
    raw = conn.connection.driver_connection
    try:
        made = raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    except Exception as exc:  # noqa: BLE001 - an old libpq
        raise DatabaseError(tr("cannot encrypt the password here: {reason}",
                               reason=type(exc).__name__)) from None
    return made.decode()


class _as_admin:
    """Inside the transaction, act as the admin group (whose CREATEROLE a member may use),
    unless the owner is acting."""

    def __init__(self, conn: Connection, acc: access.Access):
        self.conn, self.acc = conn, acc

    def __enter__(self):
        if not self.acc.owner:
            self.conn.execute(text(f"SET LOCAL ROLE {ident(group(self.conn, 'admin'))}"))

    def __exit__(self, *exc):
        if not self.acc.owner and exc[0] is None:
            self.conn.execute(text("RESET ROLE"))


def users(conn: Connection) -> list[dict]:
    """Every desk of this database: name, role, areas."""
    on_server(conn, "ecotracker users")
    if not installed(conn):
        return []
    pre = prefix(conn)
    rows = conn.execute(text(
        "SELECT m.rolname, g.rolname FROM pg_auth_members am "
        "JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member "
        "WHERE g.rolname = ANY(:groups) AND m.rolcanlogin ORDER BY m.rolname"),
        {"groups": [pre + r for r in access.ROLES]}).all()
    areas: dict[str, list[str]] = {}
    for desk, area in conn.execute(text("SELECT desk, area FROM desk_areas ORDER BY desk, area")):
        areas.setdefault(desk, []).append(area)
    out: dict[str, dict] = {}
    for name, grp in rows:
        role = grp[len(pre):]
        have = out.get(name)
        if have is None or access.ROLES.index(role) < access.ROLES.index(have["role"]):
            out[name] = {"name": name, "role": role, "areas": areas.get(name, [])}
    return list(out.values())


def remove_user(conn: Connection, name: str) -> None:
    """Drop the login role ``name`` (one of this database's desks) and its areas."""
    acc = need_admin(conn)
    if name not in {u["name"] for u in users(conn)}:
        raise EcoError(tr("{name} is not a desk of this database", name=name))
    if name == acc.user:
        raise EcoError(tr("a desk cannot remove itself"))
    conn.execute(text("DELETE FROM desk_areas WHERE desk = :d"), {"d": name})
    with _as_admin(conn, acc):
        conn.execute(text("SAVEPOINT eco_drop"))
        try:
            conn.execute(text(f"DROP ROLE {ident(name)}"))
        except Exception as exc:  # noqa: BLE001 - the server says why
            conn.execute(text("ROLLBACK TO SAVEPOINT eco_drop"))
            reason = str(getattr(exc, "orig", exc)).splitlines()[0]
            raise EcoError(tr("cannot remove {name}: {reason}", name=name,
                              reason=reason)) from None
