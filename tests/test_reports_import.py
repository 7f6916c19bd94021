"""A report's proposals through the rules and the write path, on both databases."""
from __future__ import annotations

import json

import pandas as pd
import pytest
import sqlalchemy as sa

from core import cli, queries, schema
from core.db import make_engine, resolve_url
from core.problems import InputError
from core.reports.importing import apply_report, read_report, with_rows
from core.store import Store

from .test_reports_reading import HERE, _seed_report


def test_the_seed_report_over_the_seeded_database_changes_nothing(store):
    preview = read_report(store, _seed_report("cq-2024h1"))
    assert preview.ok
    assert len(preview.plan.new) == 0 and len(preview.plan.changed) == 0
    assert preview.plan.unchanged == len(preview.proposals)


def test_applying_a_report_writes_its_figures_with_the_report_as_source_once(store):
    preview = read_report(store, HERE / "unseen_en.txt")
    assert preview.ok, preview.plan.problems
    done = apply_report(store, preview)
    assert done.source_created and done.created == len(preview.proposals)
    with store.read() as conn:
        src = queries.sources(conn).set_index("id").loc[done.source_id]
        figs = queries.figures(conn, indicators=["AIR.PM25"], areas=["jiulongpo"])
        log = conn.execute(sa.select(schema.changelog.c.origin, schema.changelog.c.why)
                           .where(schema.changelog.c.area == "jiulongpo")).all()
    assert src["date"] == "2026-07-08" and "unseen_en.txt" in src["note"]
    assert dict(zip(figs["period"], figs["value"])) == {"2026H1": 33.5, "2025H1": 35.2}
    assert set(figs["source"]) == {done.source_id}
    assert set(figs["source_ref"]) == {"para 5"}
    assert log and all(o == "unseen_en.txt" and w == "report import" for o, w in log)
    with store.read() as conn:
        pm = queries.figures(conn, indicators=["AIR.PM25"], areas=["chongqing"])
    row = pm.set_index("period").loc["2025H1"]
    assert bool(row["derived"]) and "34.2 / (1 - 0.063)" in row["derivation"]
    # the same report again: nothing new, the source is not made twice
    again = read_report(store, HERE / "unseen_en.txt")
    assert again.nothing_to_do
    with store.read() as conn:
        assert (queries.sources(conn)["id"] == done.source_id).sum() == 1


def test_a_corrected_proposal_changes_the_figure_and_a_dropped_one_is_not_written(store):
    preview = read_report(store, HERE / "unseen_en.txt")
    props = [p for p in preview.proposals if p.indicator != "ENF.MAJOR_CASES"]
    for p in props:
        if p.indicator == "ENF.PENALTIES":
            p.value = 613.0
    kept = with_rows(preview, store, props)
    apply_report(store, kept)
    with store.read() as conn:
        figs = queries.figures(conn, indicators=["ENF.PENALTIES", "ENF.MAJOR_CASES"])
    by = {(r.indicator, r.period): r.value for r in figs.itertuples()}
    assert by[("ENF.PENALTIES", "2026H1")] == 613
    assert ("ENF.MAJOR_CASES", "2026H1") not in by


def test_a_value_the_rules_refuse_is_placed_at_its_proposal_and_nothing_is_written(store, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("In the first half of 2026, the proportion of excellent water quality in "
                    "state-controlled sections was 108%. Chongqing issued 12 environmental "
                    "administrative penalties.", encoding="utf-8")
    preview = read_report(store, path)
    assert not preview.ok
    i = next(i for i, p in enumerate(preview.proposals)
             if p.indicator == "WATER.STATE_SECTIONS_EXCELLENT")
    assert "above the natural maximum" in str(preview.problems_of(i)[0].message)
    with pytest.raises(InputError):
        apply_report(store, preview)
    with store.read() as conn:
        assert queries.figures(conn, indicators=["ENF.PENALTIES"],
                               areas=["chongqing"])["period"].tolist() == ["2024H1"]


def test_import_report_on_the_command_line(sqlite_store, capsys, tmp_path):
    db = str(sqlite_store.sqlite_path)
    sqlite_store.close()
    assert cli.main(["import", "--db", db, str(HERE / "unseen_zh.txt"), "--dry-run",
                     "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    figs = [r for r in rows if r["kind"] == "figure"]
    pm = next(r for r in figs if r["indicator"] == "AIR.PM25" and r["period"] == "2025H1")
    assert pm["value"] == 36.6 and pm["derived"] and "35.1 + 1.5 = 36.6" in pm["derivation"]
    assert pm["area"] == "chongqing" and pm["unit"] == "µg/m³" and pm["change"] == "new"
    assert "同比下降1.5微克/立方米" in pm["sentence"]
    assert any(r["kind"] == "not placed" and r["written"] == "74" for r in rows)
    with Store.open(db) as s, s.read() as conn:
        assert "2026H1" not in set(queries.figures(conn)["period"])  # a dry run
    assert cli.main(["import", "--db", db, str(HERE / "unseen_zh.txt")]) == 0
    out = capsys.readouterr().out
    assert "imported: 14 new, 0 changed" in out
    assert cli.main(["import", "--db", db, str(HERE / "unseen_zh.txt"), "--format",
                     "csv", "--dry-run"]) == 0
    head = capsys.readouterr().out.splitlines()[0]
    assert head.startswith('"kind","change","indicator"')


def test_an_unreadable_report_is_one_line_on_the_command_line(sqlite_store, capsys, tmp_path):
    db = str(sqlite_store.sqlite_path)
    sqlite_store.close()
    bad = tmp_path / "r.docx"
    bad.write_bytes(b"nonsense")
    assert cli.main(["import", "--db", db, str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "r.docx is not a Word document" in err


def test_schema_9_adds_wordings_and_fills_the_seed_ones(db_url):
    Store.open(db_url).close()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE indicators DROP COLUMN wordings"))
        conn.execute(schema.meta.update().where(schema.meta.c.key == "schema_version")
                     .values(value="4"))
    engine.dispose()
    with Store.open(db_url) as s, s.read() as conn:
        ind = queries.indicators(conn).set_index("code")
        version = conn.execute(sa.select(schema.meta.c.value)
                               .where(schema.meta.c.key == "schema_version")).scalar()
    assert int(version) == schema.SCHEMA_VERSION
    assert "优良天数" in ind.loc["AIR.GOOD_DAYS", "wordings"].split("\n")
    assert (ind["wordings"] != "").all()


def test_wordings_are_edited_with_the_indicator_and_read_at_once(store, tmp_path):
    from core import rows

    path = tmp_path / "r.txt"
    path.write_text("In the first half of 2026, Chongqing saw 9 blue-sky weekends.",
                    encoding="utf-8")
    assert read_report(store, path).proposals == []
    with store.read() as conn:
        ind = queries.indicators(conn).set_index("code").loc["AIR.GOOD_DAYS"]
    with store.write("edit") as conn:
        rows.update(conn, "indicator", "AIR.GOOD_DAYS", int(ind["version"]),
                    {"wordings": ind["wordings"] + "\nblue-sky weekends\n"}, who="tester")
    got = read_report(store, path).proposals
    assert [(p.indicator, p.value) for p in got] == [("AIR.GOOD_DAYS", 9)]
    with store.read() as conn:
        w = queries.indicators(conn).set_index("code").loc["AIR.GOOD_DAYS", "wordings"]
    assert w.endswith("\nblue-sky weekends")  # one a line, blanks dropped
