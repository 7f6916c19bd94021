"""The review in the workbooks: the Data sheet's and the entry workbook's comment and
follow-up columns read back on import, the Approval column and the Periods sheet, the
scorecard's mark of a half-year not approved, and an import into a locked half-year listed in
its preview with sheet, row and column (SQLite and PostgreSQL)."""
from __future__ import annotations

import openpyxl
import pytest

from core import comments, queries
from core.approval import take_step
from core.excel.export import export_workbook
from core.excel.importer import apply_import, read_import
from core.excel.template import write_template
from core.period_lock import ReasonNeeded

from .conftest import data_rows, find_row

P = "2025H1"


def figure(store, indicator="AIR.PM25", area="shapingba", period=P) -> dict:
    with store.read() as conn:
        f = queries.figures(conn, indicators=[indicator], areas=[area])
    return f[f["period"] == period].iloc[0].to_dict()


def column(ws, heading: str) -> int:
    return [c.value for c in ws[1]].index(heading) + 1


def test_comments_and_follow_up_go_out_and_come_back(store, tmp_path):
    from core.edits import Batch

    fig = figure(store)
    Batch([comments.AddComment("AIR.PM25", "shapingba", P, "first look"),
           comments.AddComment("AIR.PM25", "shapingba", P, "asked the district")]).apply(store)
    path = tmp_path / "meeting.xlsx"
    export_workbook(store, path)
    rows = data_rows(path)
    row = next(r for r in rows if r["Indicator code"] == "AIR.PM25" and r["Period"] == P
               and r["Area"] == "Shapingba District")
    assert row["Comments"] == "first look\nasked the district"
    assert row["Approval"] == "not approved" and not row["Follow-up"]
    again = read_import(store, path)  # nothing new: the comments are there already
    assert again.ok and again.nothing_to_do
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    r = find_row(path, "AIR.PM25", P)
    assert ws.cell(r, column(ws, "Area")).value == "Shapingba District"
    ws.cell(r, column(ws, "Follow-up")).value = "yes"
    ws.cell(r, column(ws, "Comments")).value = "first look\nasked the district\nsee table 3"
    wb.save(tmp_path / "edited.xlsx")
    preview = read_import(store, tmp_path / "edited.xlsx")
    assert preview.ok, preview.plan.problems
    assert len(preview.plan.changed) == 1 and list(preview.plan.comments["text"]) == [
        "see table 3"]
    apply_import(store, preview)
    assert figure(store)["followup"] and figure(store)["value"] == fig["value"]
    with store.read() as conn:
        texts = list(comments.of_figure(conn, "AIR.PM25", "shapingba", P)["text"])
    assert texts == ["first look", "asked the district", "see table 3"]


def test_an_entry_workbook_carries_comment_and_follow_up(store, tmp_path):
    path = tmp_path / "entry.xlsx"
    write_template(store, path, "2025H2", area="shapingba")
    wb = openpyxl.load_workbook(path)
    ws = wb["Entry"]
    hr = next(i for i in range(1, 12) if ws.cell(i, 1).value == "Indicator code")
    head = [c.value for c in ws[hr]]
    assert {"Comment", "Follow-up"} <= set(head)
    r = next(i for i in range(hr + 1, ws.max_row + 1) if ws.cell(i, 1).value == "AIR.PM25")
    ws.cell(r, head.index("Value") + 1).value = 30
    ws.cell(r, head.index("Comment") + 1).value = "monitoring station moved"
    ws.cell(r, head.index("Follow-up") + 1).value = "yes"
    wb.save(path)
    preview = read_import(store, path)
    assert preview.ok, preview.plan.problems
    apply_import(store, preview)
    got = figure(store, period="2025H2")
    assert got["value"] == 30 and got["followup"]
    with store.read() as conn:
        assert list(comments.of_figure(conn, "AIR.PM25", "shapingba", "2025H2")["text"]) == [
            "monitoring station moved"]


def test_a_locked_half_year_is_listed_in_the_preview_and_a_reported_one_asks_a_reason(
        store, tmp_path):
    path = tmp_path / "meeting.xlsx"
    export_workbook(store, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    r = find_row(path, "AIR.PM25", P)
    ws.cell(r, column(ws, "Value")).value = 33.3
    wb.save(tmp_path / "edited.xlsx")
    take_step(store, "submit", "shapingba", P)
    preview = read_import(store, tmp_path / "edited.xlsx")
    assert preview.ok and len(preview.plan.warnings) == 1  # reported: a reason is asked
    with pytest.raises(ReasonNeeded):
        apply_import(store, preview)
    take_step(store, "approve", "shapingba", P)
    preview = read_import(store, tmp_path / "edited.xlsx")
    assert not preview.ok
    (p,) = preview.plan.problems
    assert (p.sheet, p.row) == ("Data", r) and "Value" in p.column
    assert "approved by tester" in p.message
    assert figure(store)["value"] == 31.2


def test_periods_sheet_and_the_scorecards_mark(store, tmp_path):
    for area in ("shapingba", "qianjiang", "hechuan"):
        take_step(store, "submit", area, P)
        take_step(store, "approve", area, P)
    take_step(store, "submit", "chongqing", P)
    path = tmp_path / "meeting.xlsx"
    export_workbook(store, path)
    wb = openpyxl.load_workbook(path)
    rows = list(wb["Periods"].iter_rows(values_only=True))
    by_area = {r[0]: r for r in rows if r and r[0] in ("Chongqing", "Shapingba District")}
    assert by_area["Shapingba District"][6] == "● approved"
    assert by_area["Chongqing"][6] == "◐ submitted"
    assert by_area["Shapingba District"][8].startswith("tester, ")
    score = wb["Scorecard"]
    head = [c.value for c in score[6]]
    col = head.index("Latest period") + 1
    marks = {}
    for i in range(7, score.max_row + 1):
        key = (score.cell(i, head.index("Area") + 1).value, score.cell(i, col).value)
        marks[key] = score.cell(i, col).number_format
    assert marks[("Shapingba District", P)] == "General"  # approved: no mark
    assert marks[("Chongqing", P)] == '@" *"'  # submitted only: marked
    data = {(r["Area"], r["Period"], r["Indicator code"]): r["Approval"]
            for r in data_rows(path)}
    assert data[("Shapingba District", P, "AIR.PM25")] == "approved"
