"""The ``ecotracker`` command as a person uses it: real subprocesses, real exit codes."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / "ecotracker"


def run(*args, env=None, ok=True):
    full_env = {**os.environ, **(env or {})}
    r = subprocess.run([str(EXE), *args], capture_output=True, text=True, env=full_env,
                       timeout=120)
    if ok:
        assert r.returncode == 0, r.stderr
    return r


@pytest.fixture
def cli_db(db_url):
    run("init", "--db", db_url)
    return db_url


def test_init_creates_and_seeds_then_reports_existing(tmp_path):
    db = str(tmp_path / "a.sqlite")
    assert "created, 73 figures" in run("init", "--db", db).stdout  # 68 seeded, 5 computed
    assert "already exists" in run("init", "--db", db).stdout
    empty = str(tmp_path / "b.sqlite")
    assert "created, 0 figures" in run("init", "--db", empty, "--no-seed").stdout


def test_figures_csv_has_one_row_per_figure_with_source(cli_db):
    out = run("figures", "--db", cli_db, "--indicator", "AIR.PM25").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["period"] for r in rows} >= {"2023H1", "2024H1", "2025H1"}
    assert list(rows[0])[:6] == ["indicator", "name", "area", "area_name", "period", "value"]
    city = [r for r in rows if r["area"] == "chongqing" and r["period"] == "2024H1"][0]
    assert city["value"] == "36.6" and city["unit"] == "µg/m³"
    assert city["name"] == "PM2.5 average concentration" or "PM2.5" in city["name"]
    assert all(r["source"] for r in rows)


def test_figures_by_area_name_in_chinese_as_json(cli_db):
    out = run("figures", "--db", cli_db, "--area", "沙坪坝区", "--format", "json",
              "--lang", "zh_CN").stdout
    rows = json.loads(out)
    assert rows and {r["area"] for r in rows} == {"shapingba"}
    assert rows[0]["area_name"] == "沙坪坝区"


def test_qualifier_is_listed(cli_db):
    rows = json.loads(run("figures", "--db", cli_db, "--indicator", "WASTE.ZERO_WASTE_CELLS",
                          "--format", "json").stdout)
    assert {r["qualifier"] for r in rows} == {"more_than"}


def test_status_lists_every_seeded_indicator_with_both_statuses(cli_db):
    out = run("status", "--db", cli_db, "--format", "json").stdout
    rows = json.loads(out)
    figs = json.loads(run("figures", "--db", cli_db, "--format", "json").stdout)
    listed, with_figures = {r["indicator"] for r in rows}, {f["indicator"] for f in figs}
    assert with_figures <= listed
    # the others are there for their targets (forest cover by 2025 ...), with no data yet
    assert all(r["target_source"] == "target" and r["latest_value"] is None
               for r in rows if r["indicator"] not in with_figures)
    assert all(r["period_status"] and r["course_status"] for r in rows)
    water = [r for r in rows if r["indicator"] == "WATER.STATE_SECTIONS_EXCELLENT"][0]
    assert (water["period_status"], water["target_comparator"], water["target_value"],
            water["gap"]) == ("met", ">=", 97.3, 1.3)
    table = run("status", "--db", cli_db).stdout
    assert "WATER.YANGTZE_MAINSTEM_CLASS" in table and "achieved" in table


def test_environment_variable_names_the_database(tmp_path):
    db = str(tmp_path / "env.sqlite")
    run("init", env={"ECOTRACKER_DB": db})
    assert Path(db).exists()
    assert run("status", "--format", "csv", env={"ECOTRACKER_DB": db}).stdout.count("\n") > 40


@pytest.mark.parametrize("args,needle", [
    (["figures", "--indicator", "NOPE"], "unknown indicator 'NOPE'"),
    (["figures", "--area", "Atlantis"], "unknown area 'Atlantis'"),
])
def test_bad_input_is_one_clear_line_and_non_zero(cli_db, args, needle):
    r = run(*args, "--db", cli_db, ok=False)
    assert r.returncode != 0
    assert needle in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("db,needle", [
    ("/nonexistent/dir/x.sqlite", "does not exist"),
    ("postgresql://nobody@127.0.0.1:1/none", "cannot open database"),
    ("notadialect://x", "cannot"),
])
def test_unreachable_databases_fail_cleanly(db, needle):
    r = run("status", "--db", db, ok=False)
    assert r.returncode != 0 and needle in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_the_embedded_default_is_created_and_seeded_on_first_use(tmp_path):
    env = {"ECOTRACKER_DB": "", "XDG_DATA_HOME": str(tmp_path)}
    out = run("status", "--format", "csv", env=env).stdout
    assert out.count("\n") > 40
    assert (tmp_path / "EcoTracker" / "ecotracker.sqlite").exists()


def test_status_in_chinese_names_periods_the_chinese_way(cli_db):
    zh = run("status", "--db", cli_db, "--lang", "zh_CN").stdout
    assert "2025年上半年" in zh and "2025H1" not in zh
    assert "2025H1" in run("status", "--db", cli_db).stdout


def test_template_for_a_period_type_no_indicator_takes_is_one_line_and_non_zero(cli_db,
                                                                               tmp_path):
    out = tmp_path / "q.xlsx"
    r = run("template", "--db", cli_db, "--out", str(out), "--period", "2026Q1", ok=False)
    assert r.returncode == 2 and not out.exists()
    assert r.stderr.strip().count("\n") == 0
    assert "no indicator is reported by quarter" in r.stderr and "2026Q1" in r.stderr
