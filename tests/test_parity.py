"""One table of inputs through every road a figure takes into the database: a typed edit of a
figure's value, the figure dialog's new figure, a workbook import and the seed loader. Each
road must give the same verdict and store the same value, on SQLite and on PostgreSQL."""
from __future__ import annotations

import shutil

import openpyxl
import pandas as pd
import pytest
import sqlalchemy as sa

from core import edits, queries, validate
from core.errors import EcoError
from core.excel.importer import apply_import, read_import
from core.seed import load_seeds, seed_dir
from core.store import Store

# indicator, area as typed, period as typed, value as typed -> stored (area, period, value),
# or None where every road must refuse it
CASES = [
    ("ENF.PENALTIES", "chongqing", "2026H1", "1e99", None),            # a count too large
    ("ENF.PENALTIES", "chongqing", "2026H1", "1_000", None),           # Python's 1_000
    ("AIR.PM25", "chongqing", "2026H1", "35%", None),                  # % for a plain number
    ("AIR.PM25", "chongqing", "2026H1", " 3 5 ", None),                # blanks inside
    ("AIR.PM25", "沙坪坝", "2026H1", "29.4", ("shapingba", "2026H1", 29.4)),  # short name
    ("AIR.GOOD_DAYS", "chongqing", "2026H1", "200", None),             # 181 days in 2026H1
    ("AIR.GOOD_DAYS", "chongqing", "2026H1", "163", ("chongqing", "2026H1", 163.0)),
    ("AIR.PM25", "chongqing", "2026年上半年", "２９．４", ("chongqing", "2026H1", 29.4)),
    ("ENF.PENALTIES", "重庆市", "2026年上半年", "１，２００", ("chongqing", "2026H1", 1200.0)),
    ("AIR.PM25", "chongqing", "2026年第一季度", "30", None),            # PM2.5 takes no quarter
    ("AIR.PM25", "chongqing", "2026年6月", "30", ("chongqing", "2026-06", 30.0)),  # a month
    ("ENF.PENALTIES", "chongqing", "2026-06", "3", None),              # half-year only
    ("ENF.PENALTIES", "chongqing", "2026H1", "-3", None),              # a negative count
    ("AIR.PM25", "chongqing", "2026H1", "12,5", None),                 # a decimal comma
    ("AIR.PM25", "chongqing", "2026H1", "1,2,3", None),                # misplaced separators
    ("AIR.PM25", "chongqing", "2026H1", "inf", None),
    ("WATER.STATE_SECTIONS_EXCELLENT", "chongqing", "2026H1", "98.6%",
     ("chongqing", "2026H1", 98.6)),
    ("WATER.STATE_SECTIONS_EXCELLENT", "chongqing", "2026H1", "101", None),
    ("AIR.PM25", "chongqing", "2026H1", "38.25", None),                # PM2.5 keeps 1 decimal
    ("AIR.PM25", "chongqing", "2026H1", "３８．２５", None),             # full-width, the same
    ("AIR.PM25", "chongqing", "2026H1", "38.20", ("chongqing", "2026H1", 38.2)),  # = 38.2
    ("ENF.PENALTIES", "chongqing", "2026H1", "12.0", ("chongqing", "2026H1", 12.0)),
]


def _stored(store, indicator, area, period):
    with store.read() as conn:
        f = queries.figures(conn, indicators=[indicator])
    hit = f[(f["area"] == area) & (f["period"] == period)]
    return None if hit.empty else float(hit.iloc[0]["value"])


def _typed(store, ind, area, period, text):
    """A typed edit: the value cell of an existing figure typed over."""
    with store.read() as conn:
        try:  # the row's own area and period, as the table holds them
            clean = validate.figure_values(conn, {"indicator": ind, "area": area,
                                                  "period": period, "value": "1"})
        except EcoError:
            clean = None
    if clean is None:  # not a row the table can hold: its key is refused already
        return "refused"
    first = edits.CreateRow("figure", {k: clean[k] for k in ("indicator", "area", "period")}
                            | {"value": 1}).apply(store)
    try:
        edits.UpdateRow("figure", first.row["id"], first.row["version"],
                        {"value": text}).apply(store)
    except EcoError:
        return "refused"
    return _stored(store, ind, clean["area"], clean["period"])


def _dialog(store, ind, area, period, text):
    """The figure dialog's new figure: its validator, then the edit it commits."""
    values = {"indicator": ind, "area": area, "period": period, "value": text}
    with store.read() as conn:
        try:
            clean = validate.figure_values(conn, values)
        except EcoError:
            return "refused"
    edits.CreateRow("figure", values).apply(store)
    return _stored(store, ind, clean["area"], clean["period"])


HEAD = ["Indicator code", "Indicator", "Area", "Period", "Value", "Unit", "Qualifier", "Note",
        "Source", "Status", "Source id", "Source ref", "Version"]


def _imported(store, tmp_path, ind, area, period, text):
    path = tmp_path / "district.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(HEAD)
    ws.append([ind, None, area, period, text, None, None, "", None, None, None, "", None])
    wb.save(path)
    preview = read_import(store, path)
    if preview.plan.problems:
        return "refused"
    apply_import(store, preview)
    got = preview.plan.new
    return _stored(store, ind, got.iloc[0]["area"], got.iloc[0]["period"])


def _seeded(db_url, tmp_path, ind, area, period, text):
    """The seed loader on a copy of the seeds with this one figure added."""
    seeds = tmp_path / "seeds"
    shutil.copytree(seed_dir(), seeds)
    figs = pd.read_csv(seeds / "figures.csv", dtype=str, keep_default_na=False)
    row = {c: "" for c in figs.columns} | {"indicator": ind, "area": area, "period": period,
                                           "value": text}
    pd.concat([figs, pd.DataFrame([row])]).to_csv(seeds / "figures.csv", index=False)
    store = Store.open(db_url, user="tester", seed=False)
    try:
        try:
            load_seeds(store, seeds)
        except EcoError:
            return "refused"
        with store.read() as conn:
            area_code = queries.resolve_area(conn, area)
            period_code = validate.figure_values(conn, {"indicator": ind, "area": area,
                                                        "period": period,
                                                        "value": text})["period"]
        return _stored(store, ind, area_code, period_code)
    finally:
        store.close()


@pytest.fixture
def second_url(db_url, tmp_path):
    """A second, empty database of the same kind, for the seed loader's road."""
    if "://" not in db_url:
        yield str(tmp_path / "seeded.sqlite")
        return
    from tests.conftest import pg_schema

    with pg_schema() as url:
        yield url


@pytest.mark.parametrize("ind,area,period,text,want", CASES,
                         ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in CASES])
def test_every_road_gives_the_same_verdict_and_value(db_url, second_url, tmp_path, ind, area,
                                                     period, text, want):
    expect = "refused" if want is None else want[2]
    got = {}
    for road in ("typed", "dialog", "import"):
        store = Store.open(db_url, user="tester") if not got else store
        with store.write() as conn:  # each road starts from the seeded state
            conn.execute(sa.text("DELETE FROM figures WHERE period LIKE :p"), {"p": "2026%"})
        got[road] = {"typed": _typed, "dialog": _dialog}.get(
            road, lambda *a: _imported(store, tmp_path, *a[1:]))(store, ind, area, period, text)
        if want is not None:
            assert _stored(store, ind, want[0], want[1]) == pytest.approx(want[2]), road
    store.close()
    got["seed"] = _seeded(second_url, tmp_path, ind, area, period, text)
    assert got == {road: (pytest.approx(expect) if want else expect) for road in got}
