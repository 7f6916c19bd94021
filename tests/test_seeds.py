"""The seed data set: complete, sourced, bilingual, and loaded through the users' path."""
from __future__ import annotations

import pytest

from core import queries
from core.problems import InputError
from core.seed import read, seed_dir
from core.store import Store

SEEDS = seed_dir()


def test_areas_are_the_municipality_and_its_38_districts_and_counties():
    areas = read(SEEDS, "areas.csv")
    assert len(areas) == 39
    top = areas[areas["parent"] == ""]
    assert list(top["code"]) == ["chongqing"]
    assert (areas.loc[areas["code"] != "chongqing", "parent"] == "chongqing").all()
    assert areas["level"].value_counts().to_dict() == {
        "district": 26, "county": 8, "autonomous_county": 4, "municipality": 1}
    for code in ("shapingba", "hechuan", "qianjiang"):
        assert code in set(areas["code"])
    assert (areas["name_zh"] != "").all() and (areas["name_en"] != "").all()


def test_every_figure_and_target_has_a_source_and_derived_ones_show_their_arithmetic():
    for name in ("figures.csv", "targets.csv"):
        df = read(SEEDS, name)
        assert (df["source"] != "").all() and (df["paragraph"] != "").all(), name
        derived = df[df["derived"] == "1"]
        assert len(derived) and (derived["derivation"] != "").all(), name
        assert (df["note"] != "").all(), name


def test_indicators_are_bilingual_and_cover_the_reports():
    ind = read(SEEDS, "indicators.csv")
    assert (ind["name_zh"] != "").all() and (ind["name_en"] != "").all()
    assert len(read(SEEDS, "figures.csv")) >= 45
    assert set(ind["category"]) >= {"air", "water", "soil", "solid_waste", "climate_carbon",
                                    "vehicles_transport", "enforcement_governance"}


def test_implied_earlier_figures_are_derived_correctly(sqlite_store):
    with sqlite_store.read() as conn:
        f = queries.figures(conn).set_index(["indicator", "area", "period"])
    pm = f.loc[("AIR.PM25", "chongqing", "2023H1")]
    assert pm["value"] == pytest.approx(36.6 + 4.3) and pm["derived"]
    days = f.loc[("AIR.GOOD_DAYS", "chongqing", "2023H1")]
    assert days["value"] == 163 - 6 and days["derived"]
    assert f.loc[("WATER.YANGTZE_MAINSTEM_CLASS", "chongqing", "2024H1"), "value"] == 2
    cells = f.loc[("WASTE.ZERO_WASTE_CELLS", "chongqing", "2025H1")]
    assert (cells["value"], cells["qualifier"]) == (3800, "more_than")


def test_national_assessment_target_behind_the_reported_margin(sqlite_store):
    with sqlite_store.read() as conn:
        t = queries.targets(conn)
    w = t[t["indicator"] == "WATER.STATE_SECTIONS_EXCELLENT"].iloc[0]
    assert (w["comparator"], w["value"], w["kind"]) == (">=", pytest.approx(98.6 - 1.3),
                                                       "national_assessment")


def test_a_broken_seed_file_loads_nothing_and_says_where(tmp_path):
    bad = tmp_path / "seeds"
    bad.mkdir()
    for name in ("categories.csv", "areas.csv", "sources.csv", "indicators.csv", "targets.csv"):
        (bad / name).write_bytes((SEEDS / name).read_bytes())
    figs = read(SEEDS, "figures.csv")
    figs.loc[3, "value"] = "lots"
    figs.loc[5, "period"] = "2024H7"
    figs.to_csv(bad / "figures.csv", index=False)
    from core.seed import load_seeds

    store = Store.open(str(tmp_path / "x.sqlite"), seed=False)
    with pytest.raises(InputError) as err:
        load_seeds(store, bad)
    text = str(err.value)
    assert "figures.csv, row 5, column value: 'lots' is not a number" in text
    assert "figures.csv, row 7, column period" in text and "2024H7" in text
    with store.read() as conn:
        assert len(queries.figures(conn)) == 0 and len(queries.indicators(conn)) == 0
    store.close()


def test_natural_limits_of_the_seed_indicators_reach_the_database(sqlite_store):
    csv = read(SEEDS, "indicators.csv").set_index("code")
    with sqlite_store.read() as conn:
        db = queries.indicators(conn).set_index("code")
    for code, row in csv.iterrows():
        for col, key in (("min", "vmin"), ("max", "vmax")):
            if row[col] != "":
                assert db.loc[code, key] == float(row[col]), (code, col)


def test_a_first_start_that_dies_while_seeding_seeds_again_next_time(tmp_path, monkeypatch):
    import core.seed as seed_mod

    db = str(tmp_path / "first.sqlite")
    real = seed_mod.apply_plan

    def power_cut(*a, **k):
        real(*a, **k)
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(seed_mod, "apply_plan", power_cut)
    with pytest.raises(KeyboardInterrupt):
        Store.open(db)
    monkeypatch.setattr(seed_mod, "apply_plan", real)
    store = Store.open(db)  # schema exists, seed still pending: loaded now, whole
    with store.read() as conn:
        figs = queries.figures(conn)
        assert len(figs[~figs["computed"]]) == len(read(SEEDS, "figures.csv"))
        assert len(queries.indicators(conn)) == len(read(SEEDS, "indicators.csv"))
    store.close()
    again = Store.open(db)  # and never twice
    with again.read() as conn:
        figs = queries.figures(conn)
        assert len(figs[~figs["computed"]]) == len(read(SEEDS, "figures.csv"))
    again.close()


def test_no_seed_stays_empty(tmp_path):
    db = str(tmp_path / "empty.sqlite")
    Store.open(db, seed=False).close()
    s = Store.open(db)
    with s.read() as conn:
        assert len(queries.indicators(conn)) == 0
    s.close()
