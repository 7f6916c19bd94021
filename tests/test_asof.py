"""Review as of a period: the figure of that period or the latest before it (marked older),
the same period a year earlier beside it, and the marks of provisional and derived figures."""
from __future__ import annotations

import json

import pandas as pd

from core import asof, marks, present
from core.cli import main
from core.status import scorecard
from tests import frames as F

PM = dict(code="PM", direction="lower", period_type="half")


def _figs():
    f = F.figures(("PM", "cq", "2023H1", 41.0), ("PM", "cq", "2024H1", 37.0),
                  ("PM", "cq", "2025H1", 33.0), ("PM", "dd", "2024H1", 30.0),
                  ("PM", "dd", "2024", 29.0))
    f.loc[2, "status"] = "provisional"  # cq 2025H1
    f.loc[3, "derived"] = True  # dd 2024H1
    return f


def _row(sc, area):
    return sc[sc["area"] == area].iloc[0]


def test_as_of_picks_that_period_and_the_year_before():
    sc = scorecard(F.indicators(PM), _figs(), F.targets(), as_of="2024H1")
    cq = _row(sc, "cq")
    assert (cq["latest_period"], cq["latest_value"]) == ("2024H1", 37.0)
    assert (cq["prev_period"], cq["prev_value"]) == ("2023H1", 41.0)
    assert cq["change"] == -4.0
    assert not cq["older"]
    assert cq["figure_status"] == "final"


def test_the_latest_before_is_marked_older_and_later_years_are_not_known():
    sc = scorecard(F.indicators(PM), _figs(), F.targets(), as_of="2025H1")
    dd = _row(sc, "dd")
    # the year 2024 ends after 2024H1 but before 2025H1 began; dd's line is half-years
    assert dd["latest_period"] == "2024H1" and dd["older"]
    assert marks.of_rows(sc[sc["area"] == "dd"]) == [("older", "derived")]
    cq = _row(sc, "cq")
    assert cq["latest_period"] == "2025H1" and not cq["older"]
    assert marks.of_rows(sc[sc["area"] == "cq"]) == [("provisional",)]
    # as of 2024H1 the 2024 year figure is not yet known
    assert asof.known_at(_figs(), "2024H1")["period"].tolist() == ["2023H1", "2024H1",
                                                                     "2024H1"]


def test_without_a_period_nothing_is_older():
    sc = scorecard(F.indicators(PM), _figs(), F.targets())
    assert not sc["older"].any()
    assert _row(sc, "cq")["latest_period"] == "2025H1"


def test_table_shows_previous_and_marks_in_both_languages():
    sc = scorecard(F.indicators(PM), _figs(), F.targets(), as_of="2025H1")
    areas = pd.DataFrame({"code": ["cq", "dd"], "name_en": ["Chongqing", "D"],
                          "name_zh": ["重庆", "丁"]})
    en = present.scorecard_table(sc, areas, "en").set_index("area")
    zh = present.scorecard_table(sc, areas, "zh_CN").set_index("area")
    assert en.loc["cq", "previous"] == "37.0" and en.loc["cq", "prev_period"] == "2024H1"
    assert zh.loc["cq", "prev_period"] == "2024年上半年"
    assert en.loc["cq", "marks"] == "◌ provisional"
    assert zh.loc["cq", "marks"] == "◌ 初步数"
    assert en.loc["dd", "marks"] == "↶ older period, ≈ derived"
    assert en.loc["dd", "mark_symbols"] == "↶≈"


def test_choices_newest_first():
    assert asof.choices(_figs()["period"]) == ["2025H1", "2024", "2024H1", "2023H1"]


def test_status_command_takes_a_period(sqlite_url, capsys):
    assert main(["init", "--db", sqlite_url]) == 0
    capsys.readouterr()
    assert main(["status", "--db", sqlite_url, "--period", "2025年上半年", "--format",
                 "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    pm = [r for r in rows if r["indicator"] == "AIR.PM25" and r["area"] == "chongqing"][0]
    assert pm["latest_period"] == "2024H1" and pm["older"] is True
    sp = [r for r in rows if r["indicator"] == "AIR.PM25" and r["area"] == "shapingba"][0]
    assert (sp["latest_period"], sp["prev_period"], sp["older"]) == ("2025H1", "2024H1", False)
    assert main(["status", "--db", sqlite_url, "--period", "2024H1"]) == 0
    out = capsys.readouterr().out
    assert "2025H1" not in out and "previous" in out
    assert main(["status", "--db", sqlite_url, "--period", "2025X"]) == 2
    assert "malformed period" in capsys.readouterr().err
