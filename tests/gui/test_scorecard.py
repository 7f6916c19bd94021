"""The scorecard: colours and labels follow status, filters, sorting, names."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt  # noqa: E402

from core import queries  # noqa: E402
from core.edits import UpdateRow  # noqa: E402
from tests.gui.conftest import edit_now  # noqa: E402

pytestmark = pytest.mark.gui


def col(cid: str) -> int:
    from gui.scorecard import column

    return column(cid)


STATUS_COL, GAP_COL = col("period_status"), col("gap")

BG, FG = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole
MET = ("WATER.DRINKING_SOURCE_COMPLIANCE", "chongqing")
MISSABLE = ("WATER.STATE_SECTIONS_EXCELLENT", "chongqing")  # >= 97.3; 98.6 in the seeds


def cell(model, key, col, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(model.row_of(key), col), role)


def make_missed(window, qtbot):
    store = window.ctx.store
    with store.read() as conn:
        f = queries.figures(conn, indicators=[MISSABLE[0]], areas=[MISSABLE[1]]).iloc[-1]
    window.ctx.edit(UpdateRow("figure", int(f["id"]), int(f["version"]), {"value": 90.0}),
                    "make it missed")
    qtbot.waitUntil(lambda: "missed" in cell(window.scorecard.model, MISSABLE, STATUS_COL),
                    timeout=20000)


def test_colours_and_labels_follow_status(window, qtbot):
    m = window.scorecard.model
    make_missed(window, qtbot)
    met_bg, missed_bg = cell(m, MET, STATUS_COL, BG), cell(m, MISSABLE, STATUS_COL, BG)
    met_fg, missed_fg = cell(m, MET, STATUS_COL, FG), cell(m, MISSABLE, STATUS_COL, FG)
    assert met_bg.color() != missed_bg.color() and met_fg.color() != missed_fg.color()
    # Okabe-Ito: blue tint for met, vermillion tint for missed
    assert met_bg.color().blue() > met_bg.color().red()
    assert missed_bg.color().red() > missed_bg.color().blue()
    # never colour alone: a symbol and a word
    assert cell(m, MET, STATUS_COL) == "✔ met"
    assert cell(m, MISSABLE, STATUS_COL) == "✖ missed"
    assert "missed" in cell(m, MISSABLE, STATUS_COL, Qt.ItemDataRole.AccessibleTextRole)
    assert cell(m, MISSABLE, GAP_COL).startswith("-")  # the gap, signed
    assert cell(m, MISSABLE, GAP_COL, FG).color() == missed_fg.color()


def test_filter_by_status_category_and_area(window, qtbot):
    panel, m = window.scorecard, window.scorecard.model
    make_missed(window, qtbot)
    total = m.rowCount()
    panel.status.setCurrentIndex(panel.status.findData("missed"))
    # the seeded plan targets miss too (PM2.5, the good-air-day ratio): every row shown is one
    missed = [m.key(r) for r in range(m.rowCount())]
    assert MISSABLE in missed and len(missed) == 3
    assert all("missed" in m.data(m.index(r, STATUS_COL)) for r in range(m.rowCount()))
    panel.status.setCurrentIndex(panel.status.findData("met"))
    assert m.rowCount() >= 4
    assert all("met" in m.data(m.index(r, STATUS_COL)) for r in range(m.rowCount()))
    panel.status.setCurrentIndex(0)
    panel.category.setCurrentIndex(panel.category.findData("water"))
    assert 0 < m.rowCount() < total
    assert all(m.key(r)[0].startswith("WATER.") for r in range(m.rowCount()))
    panel.category.setCurrentIndex(0)
    panel.area.setCurrentIndex(panel.area.findData("shapingba"))
    assert m.rowCount() >= 2 and all(m.key(r)[1] == "shapingba" for r in range(m.rowCount()))
    panel.area.setCurrentIndex(0)
    assert m.rowCount() == total


def test_summary_counts_the_rows_the_filters_let_through(window, qtbot):
    from gui.scorecard import STATUS_ROLE

    panel, m = window.scorecard, window.scorecard.model
    make_missed(window, qtbot)
    assert "3 missed" in panel.summary.text()  # this one, PM2.5 and the good-air-day ratio
    panel.category.setCurrentIndex(panel.category.findData("soil"))  # no missed row
    statuses = [m.data(m.index(r, STATUS_COL), STATUS_ROLE) for r in range(m.rowCount())]
    text = panel.summary.text()
    assert "missed" not in text
    met = statuses.count("met")
    assert (f"{met} met" in text) if met else ("met" not in text)
    assert f"{m.rowCount()} row" in text
    panel.category.setCurrentIndex(0)
    assert "3 missed" in panel.summary.text()


def test_sorting_by_status_puts_the_worst_first_and_keeps_selection(window, qtbot):
    panel, m = window.scorecard, window.scorecard.model
    make_missed(window, qtbot)
    panel.table.selectRow(m.row_of(MET))
    panel.table.sortByColumn(STATUS_COL, Qt.SortOrder.AscendingOrder)
    assert MISSABLE in [m.key(r) for r in range(3)]  # among the three missed, first
    selected = panel.table.selectionModel().selectedRows()
    assert selected and m.key(selected[0].row()) == MET
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [m.data(m.index(r, 0)) for r in range(m.rowCount())]
    assert names == sorted(names, key=str.lower)


def test_headers_and_names(window):
    m = window.scorecard.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers[:2] == ["Indicator", "Area"] and "Gap" in headers
    assert cell(m, ("AIR.PM25", "chongqing"), 0) == "PM2.5 average concentration"
    assert window.scorecard.table.objectName() == "scorecardTable"
    assert window.scorecard.table.accessibleName()


def test_model_update_in_place_without_reset(qtbot):
    """The model alone: replacing one indicator's rows is a dataChanged, not a reset."""
    import pandas as pd

    from gui.scorecard import ScorecardModel

    areas = pd.DataFrame({"code": ["a", "b"], "name_en": ["A", "B"], "name_zh": ["甲", "乙"]})
    base = dict(latest_period="2024", latest_value=1.0, qualifier="", target_period="2024",
                target_comparator=">=", target_value=1.0, target_value_high=float("nan"),
                category="c", name_en="X", name_zh="叉", unit="t", value_kind="number",
                decimals=1, gap=0.0, gap_pct=0.0, change=float("nan"), change_pct=float("nan"),
                period_status="met", course_status="achieved", warnings=0)
    frame = pd.DataFrame([{**base, "indicator": "X", "area": "a"},
                          {**base, "indicator": "X", "area": "b"},
                          {**base, "indicator": "Y", "area": "a"}])
    m = ScorecardModel()
    m.set_frame(frame, areas, "en")
    resets, changes = [], []
    m.modelReset.connect(lambda: resets.append(1))
    m.dataChanged.connect(lambda a, b: changes.append((a.row(), b.row())))
    new = frame[frame.indicator == "X"].assign(latest_value=0.5, gap=-0.5,
                                              period_status="missed")
    assert not m.replace_indicator("X", new, pd.Series({"X": 1, "Y": 2}))
    assert not resets and changes == [(0, 1)]
    assert m.data(m.index(0, STATUS_COL)) == "✖ missed"
    assert m.data(m.index(2, STATUS_COL)) == "✔ met"
    # a new area for X: the snapshot is rebuilt (a reset), in indicator order
    more = pd.concat([new, new.iloc[:1].assign(area="c")])
    assert m.replace_indicator("X", more, pd.Series({"X": 1, "Y": 2}))
    assert [m.key(r) for r in range(m.rowCount())] == [("X", "a"), ("X", "b"), ("X", "c"),
                                                      ("Y", "a")]


def test_warnings_cell_says_what_is_incoherent_in_the_window_language(window, qtbot):
    """A cumulative count that falls is counted in the Warnings column, and the cell's
    tooltip says what fell, in English and after a switch in Chinese."""
    from core.edits import CreateRow

    key = ("WASTE.ZERO_WASTE_CELLS", "chongqing")  # 3,800 cells built by 2025H1
    m = window.scorecard.model
    warn_col = col("warnings")
    assert not cell(m, key, warn_col, Qt.ItemDataRole.ToolTipRole)
    assert cell(m, key, warn_col) == ""  # no warnings: blank, not a column of zeros
    window.ctx.edit(CreateRow("figure", dict(
        indicator=key[0], area=key[1], period="2025H2", value=3700.0)), "a fall")
    qtbot.waitUntil(lambda: cell(m, key, warn_col) == "1", timeout=20000)
    assert cell(m, key, warn_col, Qt.ItemDataRole.ToolTipRole) == (
        "2025H2: a cumulative count fell from 3800 to 3700")
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.ctx.lang == "zh_CN" and m.lang == "zh_CN")
    tip = cell(m, key, warn_col, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("2025年下半年: ") and "3800" in tip and "3700" in tip and not tip.isascii()
    window.set_language("en")
    # a full recomputation (F5) keeps the warning, now carried from the scorecard's job
    done = []
    window.scorecard.updated.connect(lambda: done.append(1))
    window.refresh()
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert cell(m, key, warn_col, Qt.ItemDataRole.ToolTipRole) == (
        "2025H2: a cumulative count fell from 3800 to 3700")


def test_rows_swapped_in_by_position_together_or_apart():
    import numpy as np
    import pandas as pd

    from gui.scorecard.snapshot import _swap_rows

    frame = pd.DataFrame({"k": list("abcde"), "v": [1, 2, 3, 4, 5]})
    new = pd.DataFrame({"k": ["B", "C"], "v": [20, 30]}, index=[7, 9])
    out = _swap_rows(frame, np.array([1, 2]), new)
    assert out["k"].tolist() == list("aBCde") and out["v"].tolist() == [1, 20, 30, 4, 5]
    out = _swap_rows(frame, np.array([0, 4]), new)
    assert out["k"].tolist() == list("BbcdC") and list(out.index) == list(range(5))


def test_on_a_small_screen_long_names_leave_room_for_the_statuses(window, qtbot):
    window.resize(1100, 700)
    qtbot.wait(20)
    panel = window.scorecard
    panel.fit_columns()
    width = panel.table.columnWidth(0)
    assert width <= max(200, panel.table.viewport().width() // 3)
    window.resize(1600, 900)
    qtbot.wait(20)
    panel.fit_columns()
    assert panel.table.columnWidth(0) > width  # room enough: the names get it


def test_an_edit_that_adds_an_area_keeps_the_areas_own_order(window, qtbot):
    from core.edits import CreateRow
    from core.queries import area_rank

    m = window.scorecard.model
    window.ctx.edit(CreateRow("figure", dict(indicator="AIR.PM25", area="wanzhou",
                                             period="2025H1", value=30.0)), "new area")
    qtbot.waitUntil(lambda: m.row_of(("AIR.PM25", "wanzhou")) >= 0, timeout=20000)
    areas = [m.key(r)[1] for r in range(m.rowCount()) if m.key(r)[0] == "AIR.PM25"]
    rank = area_rank(window.ctx.areas)
    assert areas == sorted(areas, key=rank.get) == ["chongqing", "wanzhou", "shapingba"]


def test_two_quick_edits_the_later_result_wins_whatever_order_jobs_finish(window, qtbot,
                                                                          monkeypatch):
    """Per-indicator jobs run in a thread pool and may finish out of order: the result of
    the second edit's job, delivered first, must not be overwritten by the first's."""
    from core.scorecard_job import compute
    from gui.scorecard import view as scorecard_view

    panel, m = window.scorecard, window.scorecard.model
    held = []  # (indicator, on_done) of each job the panel started, in order

    real = scorecard_view.workers.start

    def hold(fn, *args, on_done, on_failed, parent=None, **kw):
        if fn is not compute:  # the edits' own writes (gui.ops) go on as usual
            return real(fn, *args, on_done=on_done, on_failed=on_failed, parent=parent, **kw)
        held.append((args[1], on_done))
        return None

    monkeypatch.setattr(scorecard_view.workers, "start", hold)
    store = window.ctx.store
    results = []
    for value in (90.0, 99.5):  # missed, then met (>= 97.3)
        with store.read() as conn:
            f = queries.figures(conn, indicators=[MISSABLE[0]], areas=[MISSABLE[1]]).iloc[-1]
        edit_now(qtbot, window.ctx, UpdateRow("figure", int(f["id"]), int(f["version"]),
                                              {"value": value}), "quick edit")
        results.append(compute(store, MISSABLE[0]))  # what that edit's job would return
    assert [ind for ind, _ in held] == [MISSABLE[0]] * 2
    held[1][1](results[1])  # the later job finishes first ...
    held[0][1](results[0])  # ... then the earlier one
    assert cell(m, MISSABLE, STATUS_COL) == "✔ met"
    # a full recomputation started after a one-indicator job voids that job's result
    panel.refresh()
    assert held[2][0] is None
    held[2][1](compute(store, threshold=10**12))
    held[1][1](results[0])  # an older one-indicator result arriving after the full one
    assert cell(m, MISSABLE, STATUS_COL) == "✔ met"


def test_a_rows_warning_is_in_view_at_the_default_window_size(window, qtbot):
    """At the size a first start opens the window, a row with a coherence warning shows so
    in a cell that is in view (the Warnings column, last, is off screen there), and that
    cell's tooltip says what is incoherent."""
    from core.edits import CreateRow

    assert (window.width(), window.height()) == (1400, 860)  # no settings: the default
    panel, m = window.scorecard, window.scorecard.model
    key = ("WASTE.ZERO_WASTE_CELLS", "chongqing")
    window.ctx.edit(CreateRow("figure", dict(
        indicator=key[0], area=key[1], period="2025H2", value=3700.0)), "a fall")
    qtbot.waitUntil(lambda: cell(m, key, col("warnings")) == "1", timeout=20000)
    qtbot.wait(20)
    header, width = panel.table.horizontalHeader(), panel.table.viewport().width()
    assert width > 0 and panel.sized

    def in_view(c: int) -> bool:
        left = header.sectionViewportPosition(c)
        return not header.isSectionHidden(c) and left >= 0 and \
            left + header.sectionSize(c) <= width

    fell = "2025H2: a cumulative count fell from 3800 to 3700"
    shown = [c for c in range(m.columnCount()) if in_view(c)
             and fell in (cell(m, key, c, Qt.ItemDataRole.ToolTipRole) or "")
             and ("⚠" in cell(m, key, c) or c == col("warnings"))]
    assert shown, [(m.headerData(c, Qt.Orientation.Horizontal), header.visualIndex(c),
                    header.sectionViewportPosition(c), header.sectionSize(c), width)
                   for c in range(m.columnCount())]
    assert all(header.visualIndex(c) < header.visualIndex(col("unit")) for c in shown)
    other = ("AIR.PM25", "chongqing")  # no warning: no mark
    assert "⚠" not in cell(m, other, col("latest"))
