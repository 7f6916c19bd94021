"""A half-year's life: submit, approve bottom-up, reopen with a reason; the lock on every road
and the reason a correction of a reported half-year needs (SQLite and PostgreSQL)."""
from __future__ import annotations

import pandas as pd
import pytest

from core import approval, changelog, queries
from core.approval import StepRefused, take_step
from core.edits import CreateRow, DeleteRow, UpdateRow, with_reason
from core.loader import apply_plan, plan_figures
from core.period_lock import PeriodLocked, ReasonNeeded

P = "2025H1"
DISTRICTS = ("shapingba", "qianjiang", "hechuan")  # the districts with 2025H1 figures


def figure(store, area="shapingba", period=P) -> dict:
    with store.read() as conn:
        df = queries.figures(conn, areas=[area])
    return df[df["period"] == period].iloc[0].to_dict()


def approve_all(store, period=P) -> None:
    for area in (*DISTRICTS, "chongqing"):
        take_step(store, "submit", area, period)
    for area in (*DISTRICTS, "chongqing"):
        take_step(store, "approve", area, period)


def count_figures(store) -> int:
    with store.read() as conn:
        return len(queries.figures(conn))


def test_steps_record_who_and_when_and_go_bottom_up(store):
    done = take_step(store, "submit", "chongqing", P)
    assert done.state == "submitted" and done.row["submitted_by"] == "tester"
    assert done.row["submitted_at"]
    with pytest.raises(StepRefused, match="shapingba"):  # a district with figures is not
        take_step(store, "approve", "chongqing", P)      # approved yet
    with pytest.raises(StepRefused, match="only a submitted"):
        take_step(store, "approve", "shapingba", P)
    for area in DISTRICTS:
        take_step(store, "submit", area, P)
        take_step(store, "approve", area, P)
    done = take_step(store, "approve", "chongqing", P)
    assert done.state == "approved" and done.row["approved_by"] == "tester"
    # a district cannot be reopened under an approved municipality
    with pytest.raises(StepRefused, match="chongqing"):
        take_step(store, "reopen", "shapingba", P, reason="typo")
    with pytest.raises(StepRefused, match="reason"):
        take_step(store, "reopen", "chongqing", P)
    done = take_step(store, "reopen", "chongqing", P, reason="press release corrected")
    assert done.state == "open" and done.row["reason"] == "press release corrected"
    with store.read() as conn:
        log = changelog.history(conn, "period", str(done.row["id"]))
    assert list(log["why"]) == ["submit", "approve", "reopen"]
    assert log["reason"].iloc[-1] == "press release corrected"


def test_an_area_without_figures_below_does_not_hold_the_municipality_up(store):
    """Only the districts that have figures for the period must be approved first."""
    with store.read() as conn:
        reporting = approval.with_figures(conn, P)
    assert set(DISTRICTS) <= reporting and "yuzhong" not in reporting
    approve_all(store)
    with store.read() as conn:
        assert approval.state_of(conn, "chongqing", P)["state"] == "approved"


def test_an_approved_half_year_refuses_every_road_and_names_the_approver(store):
    fig = figure(store)
    approve_all(store)
    before = count_figures(store)
    roads = [
        UpdateRow("figure", fig["id"], fig["version"], {"value": fig["value"] + 1}),
        DeleteRow("figure", fig["id"], fig["version"]),
        CreateRow("figure", dict(indicator="AIR.PM25", area="hechuan", period=P,
                                 value="20")),
    ]
    for edit in roads:
        with pytest.raises(PeriodLocked, match="approved by tester"):
            edit.apply(store)
        with pytest.raises(PeriodLocked):  # a reason does not open it either
            with_reason(edit, "because").apply(store)
    assert count_figures(store) == before and figure(store)["value"] == fig["value"]
    # an import of a changed value: the preview lists the row, with its sheet, row, column
    with store.read() as conn:
        df = pd.DataFrame([{"indicator": fig["indicator"], "area": "shapingba", "period": P,
                            "value": fig["value"] + 1, "_row": 7}])
        plan = plan_figures(conn, df, file="d.xlsx", sheet="Data",
                            columns={"value": "Value"})
    assert not plan.ok
    (problem,) = plan.problems
    assert (problem.sheet, problem.row, problem.column) == ("Data", 7, "Value")
    assert "approved by tester" in problem.message
    with pytest.raises(PeriodLocked):  # and the write path refuses it even so
        with store.write() as conn:
            apply_plan(conn, plan, who="tester", why="import")
    assert figure(store)["value"] == fig["value"]


def test_undo_and_redo_into_a_locked_half_year_are_refused(store):
    fig = figure(store)
    done = UpdateRow("figure", fig["id"], fig["version"], {"value": fig["value"] + 1}).apply(store)
    approve_all(store)
    with pytest.raises(PeriodLocked):
        done.inverse.apply(store)
    take_step(store, "reopen", "chongqing", P, reason="r")
    take_step(store, "reopen", "shapingba", P, reason="r")
    with pytest.raises(ReasonNeeded):  # reopened after it was reported: a reason
        done.inverse.apply(store)
    undone = with_reason(done.inverse, "undo the test's edit").apply(store)
    assert figure(store)["value"] == fig["value"]
    assert undone.inverse.reason == "undo the test's edit"  # redo keeps the reason


def test_a_correction_of_a_submitted_half_year_needs_a_reason_kept_in_the_log(store):
    fig = figure(store)
    take_step(store, "submit", "shapingba", P)
    edit = UpdateRow("figure", fig["id"], fig["version"], {"value": fig["value"] + 1})
    with pytest.raises(ReasonNeeded, match="shapingba"):
        edit.apply(store)
    with_reason(edit, "the district sent a correction").apply(store)
    with store.read() as conn:
        log = changelog.history(conn, "figure", fig["id"])
    assert log["reason"].iloc[-1] == "the district sent a correction"
    # other areas and periods are not concerned
    other = figure(store, "hechuan")
    UpdateRow("figure", other["id"], other["version"], {"note": "n"}).apply(store)


def test_a_follow_up_mark_needs_no_reason_and_is_allowed_when_approved(store):
    from core.comments import follow_up

    approve_all(store)
    fig = figure(store)
    done = follow_up(fig, True).apply(store)
    assert figure(store)["followup"]
    done.inverse.apply(store)
    assert not figure(store)["followup"]


@pytest.fixture
def pg_store(pg_url):
    from core.store import Store

    s = Store.open(pg_url, user="tester")
    yield s
    s.close()


def test_psql_cannot_write_to_an_approved_half_year(pg_store):
    """On PostgreSQL the server refuses it too, whoever writes (SQLite has one writer, the
    program, whose core is the lock there)."""
    import sqlalchemy as sa

    store = pg_store
    fig = figure(store)
    approve_all(store)
    eng = sa.create_engine(store.url)
    raw = [
        ("UPDATE figures SET value = value + 1 WHERE id = :id", {"id": fig["id"]}),
        ("DELETE FROM figures WHERE id = :id", {"id": fig["id"]}),
        ("INSERT INTO figures (indicator, area, period, period_ord, value, qualifier, "
         "status, derived, derivation, note, source_ref, entered_by, entered_at, version) "
         "VALUES ('AIR.PM25', 'hechuan', '2025H1', 1, 1, '', 'final', false, '', '', '', "
         "'psql', '', 1)", {}),
        # moving an open figure into the locked half-year
        ("UPDATE figures SET area = 'shapingba', period = '2025H1' WHERE id = "
         "(SELECT min(id) FROM figures WHERE period = '2024H1')", {}),
    ]
    try:
        for sql, params in raw:
            with pytest.raises(sa.exc.DBAPIError, match="approved by tester"):
                with eng.begin() as conn:
                    conn.execute(sa.text(sql), params)
        with eng.begin() as conn:  # a follow-up mark alone is allowed
            conn.execute(sa.text("UPDATE figures SET followup = true WHERE id = :id"),
                         {"id": fig["id"]})
    finally:
        eng.dispose()
    assert figure(store)["value"] == fig["value"] and figure(store)["followup"]


def test_the_command_line_takes_the_steps_and_lists_the_period(db_url, capsys):
    from core.cli import main

    assert main(["init", "--db", db_url]) == 0
    assert main(["submit", "--db", db_url, "--area", "沙坪坝", "--period", "2025年上半年"]) == 0
    out = capsys.readouterr().out
    assert "shapingba / 2025H1: submitted by" in out
    assert main(["submit", "--db", db_url, "--area", "chongqing", "--period", P]) == 0
    assert main(["approve", "--db", db_url, "--area", "chongqing", "--period", P]) == 2
    err = capsys.readouterr().err
    assert "ecotracker: error:" in err and "not approved yet" in err
    assert "Traceback" not in err
    assert main(["reopen", "--db", db_url, "--area", "shapingba", "--period", P]) == 2
    assert "needs a reason" in capsys.readouterr().err
    assert main(["periods", "--db", db_url, "--period", P, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith('"area","expected","entered"')
    assert any(line.startswith('"shapingba"') and '"submitted"' in line for line in lines)


def test_psql_cannot_change_a_submitted_half_year_without_a_reason(pg_store):
    """The server asks for the reason too; a transaction that gives one may correct it."""
    import sqlalchemy as sa

    fig = figure(pg_store)
    take_step(pg_store, "submit", "shapingba", P)
    eng = sa.create_engine(pg_store.url)
    try:
        with pytest.raises(sa.exc.DBAPIError, match="needs a reason"):
            with eng.begin() as conn:
                conn.execute(sa.text("UPDATE figures SET value = 1 WHERE id = :id"),
                             {"id": fig["id"]})
        with eng.begin() as conn:
            conn.execute(sa.text("SELECT set_config('ecotracker.reason', 'typo', true)"))
            conn.execute(sa.text("UPDATE figures SET value = 1 WHERE id = :id"),
                         {"id": fig["id"]})
    finally:
        eng.dispose()
    assert figure(pg_store)["value"] == 1


def test_a_refusal_by_the_server_reads_as_cores(pg_store):
    """On PostgreSQL the trigger makes the checks; a desk reads the same translated
    sentence, as the same kind of error, and the window asks for the reason as on SQLite."""
    fig = figure(pg_store)
    take_step(pg_store, "submit", "shapingba", P)
    edit = UpdateRow("figure", fig["id"], fig["version"], {"note": "x"})
    with pytest.raises(ReasonNeeded, match="shapingba / 2025H1 has been reported"):
        edit.apply(pg_store)
    take_step(pg_store, "approve", "shapingba", P)
    with pytest.raises(PeriodLocked, match="approved by tester at .* reopen it first"):
        with_reason(edit, "r").apply(pg_store)


def test_the_period_table_counts_expected_entered_missing_provisional_follow_up(store):
    from core import completeness
    from core.comments import follow_up

    fig = figure(store)  # shapingba PM2.5 2025H1; shapingba reported PM2.5 in 2024H1
    done = UpdateRow("figure", fig["id"], fig["version"], {"status": "provisional"}).apply(store)
    follow_up(done.row, True).apply(store)
    with store.read() as conn:
        t = completeness.read(conn, P).set_index("area")
        figs = queries.figures(conn)
    before = figs[(figs["period_ord"] < figs.loc[figs["period"] == P, "period_ord"].iat[0])
                  & figs["period"].str.contains("H")]
    now = figs[figs["period"] == P]
    for area in ("chongqing", "shapingba"):
        earlier = set(before.loc[before["area"] == area, "indicator"])
        entered = set(now.loc[now["area"] == area, "indicator"])
        assert t.at[area, "expected"] == len(earlier)
        assert t.at[area, "entered"] == len(entered)
        assert t.at[area, "missing"] == len(earlier - entered)
    assert t.at["shapingba", "provisional"] == 1 and t.at["shapingba", "followup"] == 1
    assert t.at["chongqing", "state"] == "open"
    assert "yuzhong" not in t.index  # nothing expected, entered or stated
