"""The indicator view: selecting fills table, targets and plot; history; language."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView

from core import queries
from core.edits import CreateRow
from gui.context import AppContext
from gui.indicator.view import IndicatorView
from tests.gui.conftest import edit_now

pytestmark = pytest.mark.gui


@pytest.fixture
def view(store, qtbot):  # qtbot after store: the view closes before its database goes
    ctx = AppContext(store)
    v = IndicatorView(ctx)
    qtbot.addWidget(v)
    v.resize(1200, 800)
    return v


def add_figure(qtbot, ctx, area, period, value, ind="AIR.PM25"):
    return edit_now(qtbot, ctx, CreateRow("figure", dict(indicator=ind, area=area,
                                                         period=period, value=value)), "add")


def test_names_and_interface(view):
    assert view.objectName() == "indicatorView"
    for name, kind in (("figureTable", QTableView), ("targetTable", QTableView),
                       ("historyView", QTableView)):
        w = view.findChild(kind, name)
        assert w is not None and w.accessibleName() == name
    assert view.plot.objectName() == "trendPlot"
    assert view.plot.accessibleName() == "trendPlot"


def test_selecting_fills_table_and_plots_one_line_per_area(view, qtbot):
    ctx = view.ctx
    add_figure(qtbot, ctx, "yuzhong", "2024H1", 33.0)
    add_figure(qtbot, ctx, "yuzhong", "2025H1", 31.5)
    view.set_indicator("AIR.PM25")
    with ctx.store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"])
    m = view.figure_table.model()
    assert m.rowCount() == len(figs)
    assert set(view.plot.lines) == set(figs["area"])  # one line per area with data
    assert len(view.plot.lines) >= 2
    # formatted values, area names in the current language
    col = {c: i for i, c in enumerate(("area", "period", "value"))}
    texts = {(m.index(r, col["area"]).data(), m.index(r, col["period"]).data(),
              m.index(r, col["value"]).data()) for r in range(m.rowCount())}
    assert ("Yuzhong District", "2025H1", "31.5") in texts
    assert "PM2.5" in view.ui.title.text() and "µg/m³" in view.ui.details.text()
    view.set_indicator(None)
    assert m.rowCount() == 0 and view.plot.lines == {}


def test_a_derived_figure_says_so_in_the_table(view):
    """PM2.5 2023H1 is not stated in the report: it is 2024H1 plus the stated fall."""
    from PySide6.QtCore import Qt

    from gui.indicator.figure_model import COLUMNS

    view.set_indicator("AIR.PM25")
    m = view.figure_table.model()
    status, value = COLUMNS.index("status"), COLUMNS.index("value")
    rows = {m.index(r, 1).data(): r for r in range(m.rowCount())
            if m.index(r, 0).data() == "Chongqing"}
    derived, stated = rows["2023H1"], rows["2024H1"]
    assert m.index(derived, status).data() == "final, derived"
    tip = m.index(derived, value).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Derived, not stated in the source: 36.6 + 4.3")
    assert m.index(stated, status).data() == "final"


def test_class_indicator_and_targets(view, qtbot):
    with qtbot.waitSignal(view.course_ready, timeout=5000):
        view.set_indicator("WATER.YANGTZE_MAINSTEM_CLASS")
    m = view.figure_table.model()
    values = {m.index(r, 2).data() for r in range(m.rowCount())}
    assert values == {"II"}
    t = view.target_table.model()
    assert t.rowCount() == 3  # the two reports' and the Beautiful Chongqing plan's for 2027
    assert t.index(0, 2).data() == "≤ II"
    assert view.plot.frame.targets  # drawn as segments to their deadline
    ticks = view.plot.getPlotItem().getAxis("left")._tickLevels
    assert (1, "I") in ticks[0] and (6, "worse than V") in ticks[0]
    assert view.plot.getPlotItem().getViewBox().yInverted()


def test_history_and_source_of_selected_figure(view, qtbot):
    ctx = view.ctx
    view.set_indicator("AIR.PM25")
    m = view.figure_table.model()
    view.figure_table.selectRow(1)
    qtbot.waitUntil(lambda: view.history_view.model().rowCount() >= 1)  # seed loader's create
    view.figure_table.selectRow(0)
    qtbot.waitUntil(lambda: view.history_view.model().rowCount() >= 1)
    assert view.ui.source.text().startswith("Source:")
    before = view.history_view.model().rowCount()
    assert m.setData(m.index(0, 5), "checked twice")  # the note
    qtbot.waitUntil(lambda: view.history_view.model().rowCount() == before + 1)
    change = view.history_view.model().index(0, 3).data()
    assert "note" in change and "checked twice" in change
    assert ctx.undo_stack.count() == 1


def test_language_switch_reformats(view, qtbot):
    view.set_indicator("WATER.YANGTZE_MAINSTEM_CLASS")
    m = view.figure_table.model()
    assert m.index(0, 0).data() == "Chongqing"
    view.ctx.set_language("zh_CN")  # re-read on the next turn of the event loop
    qtbot.waitUntil(lambda: m.index(0, 0).data() == "重庆市")
    assert m.index(0, 2).data() == "Ⅱ类"
    assert "长江" in view.ui.title.text()


def test_refresh_only_for_own_indicator(view, qtbot, monkeypatch):
    view.set_indicator("AIR.PM25")
    loads = []
    monkeypatch.setattr(view, "_load", lambda *a, **k: loads.append(a or k))
    add_figure(qtbot, view.ctx, "yuzhong", "2024H1", 2.0, ind="AIR.SEVERE_POLLUTION_DAYS")
    assert loads == []
    add_figure(qtbot, view.ctx, "yuzhong", "2024H1", 33.0)
    assert len(loads) == 1


def test_target_without_baseline_shows_nothing_there(view, qtbot):
    view.set_indicator("WATER.YANGTZE_MAINSTEM_CLASS")
    t = view.target_table.model()
    qtbot.waitUntil(lambda: t.rowCount() == 3)  # filled a turn after the figures and plot
    baselines = [t.index(r, 4).data() for r in range(t.rowCount())]
    assert baselines == ["", "II (2024H1)", ""]
    lo, hi = view.plot.getPlotItem().getViewBox().viewRange()[1]
    assert lo <= 1 and hi >= 6  # all classes I .. worse than V on the axis


def test_without_a_scorecard_a_worker_draws_the_course_each_time(view, qtbot):
    """A view on its own has no scorecard rows: each drawing of the lines gets its targets
    from a worker, also when the same indicator is shown again with unchanged targets."""
    code = "WATER.YANGTZE_MAINSTEM_CLASS"
    for _ in range(2):
        with qtbot.waitSignal(view.course_ready, timeout=5000):
            view.set_indicator(code)
        assert view.plot.frame.targets
        assert view.plot.lines["chongqing"].target.isVisible()


@pytest.mark.parametrize("how", ["edit", "another desk and F5"])
def test_without_a_scorecard_the_plot_follows_a_changed_target(view, qtbot, how):
    from core import rows
    from core.edits import UpdateRow

    code = "WATER.YANGTZE_MAINSTEM_CLASS"
    with qtbot.waitSignal(view.course_ready, timeout=5000):
        view.set_indicator(code)
    seg = view.plot.frame.targets[0]
    assert seg.applies  # the one judged against is drawn first, the others after it
    with view.ctx.store.read() as conn:
        tgts = queries.targets(conn, indicators=[code])
    t = tgts[tgts["period"] == seg.period].iloc[0]
    assert float(t["value"]) != 1.0
    if how == "edit":
        view.ctx.edit(UpdateRow("target", int(t["id"]), int(t["version"]), {"value": 1.0}),
                      "edit target")
    else:
        with view.ctx.store.write() as conn:
            rows.update(conn, "target", int(t["id"]), int(t["version"]), {"value": 1.0},
                        who="other desk", why="test")
        view.ctx.reload()
    qtbot.waitUntil(lambda: [s.y for s in view.plot.frame.targets if s.applies] == [1.0],
                    timeout=5000)
    assert view.plot.lines[seg.area].target.getData()[1].tolist()[:2] == [1.0, 1.0]
