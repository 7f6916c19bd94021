"""Item 9 and part of 11 of issue 15: a URL's password is never printed; a bad port, and an
in-memory database that would vanish, are one clear line."""
from __future__ import annotations

import pytest

from tests.faults.db_support import cli, one_line

SECRET = "s3cr3tpw"
URLS = [
    f"postgresql://alice:{SECRET}@127.0.0.1:abc/eco",
    f"postgresql://alice:{SECRET}@127.0.0.1:99999/eco",
    f"postgresql://alice:{SECRET}@127.0.0.1:-1/eco",
    f"postgresql://alice:{SECRET[:4]}@{SECRET[4:]}@127.0.0.1:5432/eco",
    f"postgresql://alice:{SECRET}@127.0.0.1:1/eco",
    f"postgresql+nope://alice:{SECRET}@127.0.0.1/eco",
    f"mysql://alice:{SECRET}@127.0.0.1/eco",
    f"postgresql://alice:{SECRET}@127.0.0.1:1/eco?sslmode=bogus",
    f"postgres://alice:{SECRET}@[::1/eco",
]


@pytest.mark.parametrize("url", URLS)
def test_a_malformed_or_unreachable_url_never_shows_its_password(url):
    r = cli("status", "--db", url)
    line = one_line(r)
    assert SECRET not in r.stderr + r.stdout
    assert SECRET[:4] not in line and SECRET[4:] not in line
    assert line.startswith("ecotracker: error:")


def test_a_bad_port_says_so():
    line = one_line(cli("figures", "--db", f"postgresql://alice:{SECRET}@127.0.0.1:abc/eco"))
    assert "port must be a number from 1 to 65535" in line


def test_mask_hides_everything_between_the_scheme_and_the_last_at():
    from core.db import mask

    assert (mask("cannot open postgresql://u:p@ss@host/db: refused")
            == "cannot open postgresql://***@host/db: refused")
    assert mask("sqlite:////tmp/a.sqlite") == "sqlite:////tmp/a.sqlite"


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_init_refuses_an_in_memory_database_that_would_vanish(url):
    line = one_line(cli("init", "--db", url))
    assert "in-memory database" in line and "vanishes" in line
