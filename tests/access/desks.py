"""A seeded PostgreSQL schema with the desks installed, and one login role per role.

Login roles are the whole server's: each is named after the test's schema, so the schema's
cleanup in ``tests/conftest.py`` drops them (with the group roles) after the test.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from core import pg_roles, users_cli
from core.store import Store

DISTRICT_AREA = "shapingba"  # the district desk's own area
OTHER_AREA = "hechuan"  # another district's


@dataclass
class Desks:
    owner_url: str
    prefix: str
    urls: dict  # role -> URL connecting as that role's login

    def engine(self, role: str) -> sa.Engine:
        return sa.create_engine(self.urls[role])

    def store(self, role: str) -> Store:
        return Store.open(self.urls[role], create=False)


def as_login(url: str, name: str) -> str:
    return sa.engine.make_url(url).set(username=name).render_as_string(hide_password=False)


def make_desks(owner_url: str) -> Desks:
    """Seed the schema, install the desks and add one login of each role."""
    store = Store.open(owner_url)
    users_cli.install(store)
    urls = {}
    with store.write("users") as conn:
        pre = pg_roles.prefix(conn)
        for role in ("admin", "city", "district", "viewer"):
            name = f"{pre}u_{role}"
            pg_roles.add_user(conn, name, role,
                              [DISTRICT_AREA] if role == "district" else [])
            urls[role] = as_login(owner_url, name)
    store.close()
    return Desks(owner_url, pre, urls)
