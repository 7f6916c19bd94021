"""Blocks pasted from Excel, LibreOffice and web pages, read and checked by the core."""
from __future__ import annotations

import pandas as pd

from core import entry, paste, rules
from core.figure_block import PutFigures
from core import queries

EXCEL = "36.6\t约 35\r\n１，２００\t\r\n\"two\nlines\"\t\"a \"\"quoted\"\" note\"\r\n"
LIBRE = "29.4\n超过3,800\n30.1\n"


def test_excel_block_with_quotes_and_line_breaks():
    assert paste.read_block(EXCEL) == [["36.6", "约 35"], ["１，２００", ""],
                                       ["two\nlines", 'a "quoted" note']]
    assert paste.read_block(LIBRE) == [["29.4"], ["超过3,800"], ["30.1"]]
    assert paste.read_block("") == []
    assert paste.read_block('5"\t6\n') == [['5"', "6"]]  # a quote inside is text


def test_hedges_read_as_qualifiers():
    s = paste.split_qualifier
    assert s("约35") == ("about", "35")
    assert s("超过 3,800") == ("more_than", "3,800")
    assert s("3,800个以上") == ("more_than", "3,800")
    assert s("about 1,200") == ("about", "1,200")
    assert s("More than 98.6%") == ("more_than", "98.6%")
    assert s("35左右") == ("about", "35")
    assert s("-4.3") == ("", "-4.3")
    assert s("over") == ("", "over")  # no number after it: left for the value rule


def test_copy_is_tsv_and_html_with_headers():
    tsv = paste.to_tsv(["Area", "Note"], [["渝中区", "a\tb"], ["x", 'say "hi"']])
    assert tsv == 'Area\tNote\r\n渝中区\t"a\tb"\r\nx\t"say ""hi"""\r\n'
    assert paste.read_block(tsv) == [["Area", "Note"], ["渝中区", "a\tb"], ["x", 'say "hi"']]
    html = paste.to_html(["Area", "Value"], [["<b>", "1"]], right=frozenset({1}))
    assert "<th>Area</th>" in html and "&lt;b&gt;" in html
    assert '<td style="text-align:right">1</td>' in html


def _grid(store, period="2026H1", areas=None):
    with store.read() as conn:
        ind, ar = queries.indicators(conn), queries.areas(conn)
        ctx = rules.Context.load(conn)
        frame = entry.entry_frame(conn, period, indicators=ind, areas=ar, area_codes=areas)
    return ctx, ar, frame


def test_grid_rows_take_only_indicators_of_the_period_type(store):
    ctx, ar, frame = _grid(store, "2026年上半年", areas=["chongqing", "yuzhong"])
    assert set(frame["period"]) == {"2026H1"}
    assert set(frame["area"]) == {"chongqing", "yuzhong"}
    pm = frame[(frame["indicator"] == "AIR.PM25") & (frame["area"] == "chongqing")].iloc[0]
    assert pm["last_period"] == "2024H1" and pm["last_value"] == 36.6 and pm["version"] == 0 and pd.isna(pm["value"])
    _, _, year = _grid(store, "2025")
    takes_year = {c for c in ctx.indicators["code"]
                  if "year" in rules.period_types(ctx.indicators.loc[c])}
    assert set(year["indicator"]) == takes_year


def test_pasted_cells_checked_written_as_one_step_and_undone(store):
    ctx, ar, frame = _grid(store, areas=["chongqing", "yuzhong", "jiangbei"])
    rows = frame.index[frame["indicator"] == "AIR.PM25"].tolist()
    good = frame.index[frame["indicator"] == "AIR.GOOD_DAYS"].tolist()
    cells = {(rows[0], "value"): "约 ２９．４", (rows[1], "value"): "thirty",
             (rows[2], "value"): "31.2", (rows[2], "note"): "bad\x00note",
             (good[0], "value"): "200", (good[1], "note"): "no value here"}
    got = entry.check_cells(ctx, frame, cells)
    assert set(got.refused) == {(rows[1], "value"), (rows[2], "note"), (good[0], "value"),
                                (good[1], "note")}
    assert "not a number" in got.refused[(rows[1], "value")]
    assert "181" in got.refused[(good[0], "value")]  # more days than the half-year has
    assert sorted(got.put["area"]) == ["chongqing", "jiangbei"]
    outcome = PutFigures(got.put).apply(store)
    with store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"]).set_index(["area", "period"])
    assert figs.loc[("chongqing", "2026H1"), "value"] == 29.4
    assert figs.loc[("chongqing", "2026H1"), "qualifier"] == "about"
    assert ("yuzhong", "2026H1") not in figs.index
    assert figs.loc[("jiangbei", "2026H1"), "note"] == ""
    assert outcome.changed.concerns("AIR.PM25") and len(outcome.changed.frame) == 2
    back = outcome.inverse.apply(store)  # undo: the two new figures are gone
    with store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"])
    assert "2026H1" not in set(figs["period"])
    back.inverse.apply(store)  # redo
    with store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"])
    assert (figs["period"] == "2026H1").sum() == 2


def test_paste_over_existing_figures_updates_and_undo_restores(store):
    ctx, ar, frame = _grid(store, "2025H1", areas=["shapingba"])
    r = frame.index[frame["indicator"] == "AIR.PM25"][0]
    old = frame.at[r, "value"]
    assert old == 31.2 and frame.at[r, "version"] == 1
    got = entry.check_cells(ctx, frame, {(r, "value"): "超过 40", (r, "note"): "pasted"})
    assert not got.refused and len(got.put) == 1
    out = PutFigures(got.put).apply(store)
    with store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"], areas=["shapingba"])
    row = f[f["period"] == "2025H1"].iloc[0]
    assert (row["value"], row["qualifier"], row["note"]) == (40.0, "more_than", "pasted")
    out.inverse.apply(store)
    with store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"], areas=["shapingba"])
    row = f[f["period"] == "2025H1"].iloc[0]
    assert row["value"] == old and row["note"] != "pasted"


def test_a_block_made_from_an_old_version_is_refused_whole(store):
    import pytest
    from core.errors import StaleEditError

    ctx, ar, frame = _grid(store, "2025H1", areas=["shapingba"])
    r = frame.index[frame["indicator"] == "AIR.PM25"][0]
    got = entry.check_cells(ctx, frame, {(r, "value"): "41"})
    PutFigures(got.put).apply(store)  # another desk, from the same snapshot, goes first
    again = entry.check_cells(ctx, frame, {(r, "value"): "42"})
    with pytest.raises(StaleEditError):
        PutFigures(again.put).apply(store)
