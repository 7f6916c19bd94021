"""Passwords the libpq ways, never printed; SQLite's desk stays the computer's account."""
from __future__ import annotations


import pytest
import sqlalchemy as sa

from core.errors import DatabaseError, PasswordNeeded
from core.store import Store, current_user

SECRET = "s3cret-Pw"


@pytest.mark.parametrize("how", ["url", "env", "pgpass", "argument"])
def test_a_password_is_never_in_an_error(how, tmp_path, monkeypatch):
    url = "postgresql://desk@127.0.0.1:1/eco"  # nothing listens on port 1
    kw = {}
    if how == "url":
        url = f"postgresql://desk:{SECRET}@127.0.0.1:1/eco"
    elif how == "env":
        monkeypatch.setenv("PGPASSWORD", SECRET)
    elif how == "pgpass":
        pgpass = tmp_path / "pgpass"
        pgpass.write_text(f"127.0.0.1:1:eco:desk:{SECRET}\n")
        pgpass.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
    else:
        kw["password"] = SECRET
    with pytest.raises(DatabaseError) as err:
        Store.open(url, create=False, **kw)
    assert SECRET not in str(err.value) and "127.0.0.1" in str(err.value)


def test_a_service_file_names_the_server(pg_url, tmp_path, monkeypatch):
    Store.open(pg_url).close()
    u = sa.engine.make_url(pg_url)
    service = tmp_path / "pg_service.conf"
    service.write_text(f"[bureau]\nhost={u.host}\nport={u.port}\ndbname={u.database}\n"
                       f"user={u.username}\noptions={u.query['options']}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(service))
    with Store.open("postgresql:///?service=bureau", create=False) as store:
        assert store.user == u.username
        with store.read() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM figures")).scalar() > 0


def test_the_servers_password_request_is_recognised(sqlite_store):
    class Refused(Exception):
        sqlstate = "28P01"

    said = sqlite_store.explain(Refused('password authentication failed for user "x"'), "")
    assert isinstance(said, PasswordNeeded) and "asks for a password" in str(said)
    said = sqlite_store.explain(Exception("fe_sendauth: no password supplied"), "")
    assert isinstance(said, PasswordNeeded)


def test_on_sqlite_the_desk_is_the_computers_account(tmp_path):
    from core import access, queries
    from core.edits import UpdateRow

    with Store.open(str(tmp_path / "eco.sqlite")) as store:
        with store.read() as conn:
            assert access.current(conn).owner
            fig = queries.figures(conn).iloc[0]
        UpdateRow("figure", int(fig["id"]), int(fig["version"]), {"note": "x"}).apply(store)
        with store.read() as conn:
            who = conn.execute(sa.text("SELECT who FROM changelog ORDER BY id DESC")).first()[0]
    assert who == current_user()
