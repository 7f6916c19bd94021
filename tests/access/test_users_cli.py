"""``ecotracker users`` and ``ecotracker init`` on the real server, and on SQLite."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
import sqlalchemy as sa

from .desks import as_login, make_desks

EXE = [sys.executable, "-m", "core.cli"]


def run(*args, stdin=None, ok=True):
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    r = subprocess.run([*EXE, *args], capture_output=True, text=True, input=stdin, env=env,
                       timeout=120)
    if ok:
        assert r.returncode == 0, r.stderr
    return r


def test_users_on_sqlite_say_they_need_a_server(tmp_path):
    db = str(tmp_path / "eco.sqlite")
    run("init", "--db", db)
    r = run("users", "list", "--db", db, ok=False)
    assert r.returncode == 2 and "PostgreSQL database only" in r.stderr
    assert "Traceback" not in r.stderr


def test_add_list_remove_with_a_password_never_shown(pg_url):
    desks = make_desks(pg_url)
    name = f"{desks.prefix}wang"
    secret = "Zq9-never-shown"
    r = run("users", "add", name, "--role", "district", "--area", "yubei", "--area", "banan",
            "--password-stdin", "--db", pg_url, stdin=secret + "\n")
    assert secret not in r.stdout + r.stderr
    assert "district desk (yubei, banan)" in r.stdout
    engine = sa.create_engine(pg_url)
    with engine.connect() as c:
        stored = c.execute(sa.text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"),
                           {"n": name}).scalar()
    engine.dispose()
    assert stored.startswith("SCRAM-SHA-256$") and secret not in stored
    listed = run("users", "list", "--db", pg_url).stdout
    assert any(line.split()[:2] == [name, "district"] and "banan, yubei" in line
               for line in listed.splitlines())
    run("users", "remove", name, "--db", pg_url)
    assert name not in run("users", "list", "--db", pg_url).stdout


@pytest.mark.parametrize("role", ["city", "district", "viewer"])
def test_only_an_admin_manages_desks(pg_url, role):
    desks = make_desks(pg_url)
    r = run("users", "add", f"{desks.prefix}x", "--role", "viewer", "--no-password",
            "--db", desks.urls[role], ok=False)
    rule = "viewer desks only read" if role == "viewer" else "only admin desks"
    assert r.returncode == 2 and "not allowed" in r.stderr and rule in r.stderr
    r = run("users", "remove", f"{desks.prefix}u_viewer", "--db", desks.urls[role], ok=False)
    assert rule in r.stderr


def test_an_admin_desk_adds_and_removes_a_desk(pg_url):
    desks = make_desks(pg_url)
    name = f"{desks.prefix}li"
    run("users", "add", name, "--role", "city", "--no-password", "--db", desks.urls["admin"])
    with sa.create_engine(as_login(pg_url, name)).connect() as c:
        assert c.execute(sa.text("SELECT count(*) FROM figures")).scalar() > 0
    run("users", "remove", name, "--db", desks.urls["admin"])


def test_bad_input_is_one_line(pg_url):
    desks = make_desks(pg_url)
    for args, said in (
            (["NotOk!", "--role", "city"], "cannot be a desk's login name"),
            ([f"{desks.prefix}d", "--role", "district"], "needs its areas"),
            ([f"{desks.prefix}d", "--role", "district", "--area", "atlantis"], "no area"),
            ([f"{desks.prefix}u_city", "--role", "city"], "already has a role")):
        r = run("users", "add", *args, "--no-password", "--db", pg_url, ok=False)
        assert said in r.stderr and "Traceback" not in r.stderr, r.stderr
    r = run("users", "add", f"{desks.prefix}e", "--role", "city", "--password-stdin",
            "--db", pg_url, stdin="\n", ok=False)
    assert "no password" in r.stderr


def test_init_as_a_desk_is_refused(pg_url):
    desks = make_desks(pg_url)
    r = run("init", "--db", desks.urls["admin"], ok=False)
    assert "only the database's owner installs its desks" in r.stderr
