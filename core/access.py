"""Who is connected, and what they may change: the one permission check.

On PostgreSQL set up by ``ecotracker init`` (:mod:`core.pg_roles`), each person connects as a
login role that is a member of one of the group roles of :data:`ROLES`; a district desk's
areas are rows of ``desk_areas``. The server enforces all of it (grants, row-level security);
this module says the same rules again before anything is written, so a desk is told at once,
with the rule, instead of by a refused transaction, and the window can grey out what it may
not change.

Everywhere else (SQLite, or a PostgreSQL database without the roles installed) the desk is
the database's owner and may change everything.

:func:`require` is the one function a write calls (:func:`core.write.commit` does, for every
row it writes); :func:`current` says who is connected, for screens and previews.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from .errors import EcoError
from .i18n import N_, tr

ROLES = ("admin", "city", "district", "viewer")  # strongest first
#: What each role may do. ``figure`` means the figures of the role's areas (every area for
#: city and admin); the others are whole tables or actions.
MAY: dict[str, frozenset[str]] = {
    "admin": frozenset({"figure", "target", "indicator", "area", "source", "new_source",
                        "users", "submit", "approve", "reopen"}),
    "city": frozenset({"figure", "new_source", "submit", "approve"}),
    "district": frozenset({"figure", "new_source", "submit"}),
    "viewer": frozenset(),
}
#: The rule that refuses an action, by action (shown with every refusal).
RULES = {
    "read_only": N_("viewer desks only read"),
    "own_areas": N_("district desks change only the figures of their own areas ({areas})"),
    "no_areas": N_("a district desk changes only the figures of its own areas, and this one "
                   "has none: ask an admin to give it its areas"),
    "admin_only": N_("only admin desks change targets, indicators, areas, sources and desks"),
    "approve": N_("only city and admin desks approve a half-year"),
    "reopen": N_("only admin desks reopen an approved half-year"),
    "no_role": N_("this login is not an EcoTracker desk of this database (not a member of "
                  "its admin, city, district or viewer role)"),
}
_ACTION_NAMES = {
    "figure": N_("figures"), "target": N_("targets"), "indicator": N_("indicators"),
    "area": N_("areas"), "source": N_("sources"), "new_source": N_("sources"),
    "users": N_("desks"), "submit": N_("submissions"), "approve": N_("approvals"),
    "reopen": N_("reopening"),
}
#: How long a connection's answer to "who am I" is kept (roles change seldom; the server
#: enforces them at once whatever this module believes).
CACHE_S = 30.0
_INFO_KEY = "ecotracker_access"


class NotAllowedError(EcoError):
    """A change the connected role may not make; ``rule`` is the sentence of the rule."""

    def __init__(self, message, rule: str = ""):
        super().__init__(message)
        self.rule = rule


@dataclass(frozen=True)
class Access:
    """Who is connected. ``role`` None: the database's owner (or SQLite): everything."""

    user: str
    role: str | None = None
    areas: frozenset[str] = field(default_factory=frozenset)
    prefix: str = ""

    @property
    def owner(self) -> bool:
        return self.role is None

    @property
    def label(self) -> str:
        """``wang (district: yuzhong, jiangbei)`` for the status bar."""
        if self.owner:
            return self.user
        if self.role == "district":
            return f"{self.user} ({self.role}: {', '.join(sorted(self.areas)) or '-'})"
        return f"{self.user} ({self.role})"

    def may(self, action: str, area: str | None = None) -> bool:
        return self.refusal(action, area) is None

    def refusal(self, action: str, area: str | None = None) -> str | None:
        """None if allowed, else the rule that refuses it (a sentence, translated)."""
        if self.owner:
            return None
        if self.role not in MAY:
            return tr(RULES["no_role"])
        if action not in MAY[self.role]:
            if self.role == "viewer":
                return tr(RULES["read_only"])
            if action in ("approve", "reopen"):
                return tr(RULES[action])
            return tr(RULES["admin_only"])
        if action == "figure" and self.role == "district" and area is not None \
                and area not in self.areas:
            if not self.areas:
                return tr(RULES["no_areas"])
            return tr(RULES["own_areas"], areas=", ".join(sorted(self.areas)))
        return None


OWNER = Access("")


def not_allowed(acc: Access, action: str, what: str, rule: str) -> NotAllowedError:
    role = acc.role or "-"
    return NotAllowedError(tr("not allowed: {user} ({role}) may not change {what}: {rule}",
                              user=acc.user, role=role, what=what, rule=rule), rule)


def require(conn: Connection, action: str, areas=(), *, what: str = "",
            fresh: bool = False) -> Access:
    """Refuse, with the rule, an ``action`` the connected role may not take on ``areas``.

    ``action`` is one of the keys of :data:`MAY`'s sets (``figure``, ``target``, ``approve``,
    ...); ``areas`` the areas of the rows it touches (for figures, submissions and approvals);
    ``what`` names them for the message. Returns who is connected.

    Raises
    ------
    NotAllowedError
        Naming the desk, its role, what it may not change and the rule.
    """
    acc = current(conn, fresh=fresh)
    if acc.owner:
        return acc
    bad = [a for a in dict.fromkeys(str(a) for a in areas) if not acc.may(action, a)]
    rule = acc.refusal(action, bad[0] if bad else None)
    if rule is None:
        return acc
    if not what:
        what = tr(_ACTION_NAMES.get(action, action))
        if bad and action == "figure":
            what = tr("figures of {areas}", areas=", ".join(bad[:5]))
    raise not_allowed(acc, action, what, rule)


def current(conn: Connection, *, fresh: bool = False) -> Access:
    """Who is connected on ``conn`` (kept on the connection for :data:`CACHE_S`)."""
    if conn.dialect.name != "postgresql":
        return OWNER
    info = conn.info
    kept = info.get(_INFO_KEY)
    if kept is not None and not fresh and time.monotonic() - kept[0] < CACHE_S:
        return kept[1]
    acc = _read(conn)
    info[_INFO_KEY] = (time.monotonic(), acc)
    return acc


def forget(conn: Connection) -> None:
    """Drop what is kept of who is connected (after users change)."""
    conn.info.pop(_INFO_KEY, None)


def _read(conn: Connection) -> Access:
    row = conn.execute(text(
        "SELECT current_user, "
        "(SELECT value FROM meta WHERE key = 'role_prefix'), "
        "pg_has_role(current_user, c.relowner, 'USAGE') "
        "FROM pg_class c WHERE c.oid = to_regclass('figures')")).first()
    if row is None:  # no tables yet: whoever creates them owns them
        return OWNER
    user, prefix, owner = row
    if owner or prefix is None:
        return Access(user, prefix=prefix or "")
    groups = {r: f"{prefix}{r}" for r in ROLES}
    got = conn.execute(text(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(:names) "
        "AND pg_has_role(current_user, oid, 'USAGE')"), {"names": list(groups.values())})
    held = {r[0] for r in got}
    role = next((r for r in ROLES if groups[r] in held), "none")
    areas = frozenset(r[0] for r in conn.execute(
        text("SELECT area FROM desk_areas WHERE desk = current_user")))
    return Access(user, role, areas, prefix)


# What the server names in a refusal (SQLSTATE 42501), and the action it stands for.
_REFUSED_TABLE = re.compile(r'(?:table|relation) "?([a-z_]+)"?')
_TABLE_ACTION = {"figures": "figure", "targets": "target", "indicators": "indicator",
                 "areas": "area", "categories": "indicator", "sources": "source",
                 "desk_areas": "users", "changelog": "changelog"}


def server_refusal(acc: Access, message: str) -> NotAllowedError:
    """The error for a write the server refused with SQLSTATE 42501 (a grant it lacks, a row
    its row-level security does not let it write, the change log kept), with the rule."""
    m = _REFUSED_TABLE.search(message)
    table = m.group(1) if m else ""
    action = _TABLE_ACTION.get(table, "")
    if action == "changelog" or "append-only" in message:
        return not_allowed(acc, "changelog", tr("the change log"), tr(
            "the change log is append-only: only the database's owner may change or remove "
            "its rows"))
    rule = acc.refusal(action) if action else None
    if rule is None and action == "figure" and acc.role == "district":
        rule = tr(RULES["own_areas"], areas=", ".join(sorted(acc.areas)) or "-")
    if rule is None:
        rule = tr("the server's grants and row-level security for this desk ({reason})",
                  reason=message.splitlines()[0] if message else "permission denied")
    what = tr(_ACTION_NAMES.get(action, "")) if action else tr("this data")
    return not_allowed(acc, action, what, rule)


def refused_rows(acc: Access, frame, action: str = "figure"):
    """The rows of ``frame`` (with an ``area`` column) that ``acc`` may not write, as
    ``(position, rule)`` pairs: what an import's preview lists before Apply."""
    if acc.owner or frame is None or not len(frame):
        return []
    rules = {a: acc.refusal(action, a) for a in frame["area"].astype(str).unique()}
    refused = {a: r for a, r in rules.items() if r is not None}
    if not refused:
        return []
    areas = frame["area"].astype(str).to_numpy()
    return [(i, refused[a]) for i, a in enumerate(areas) if a in refused]
