"""The Chinese window names periods the Chinese way (2025年上半年), the English one by code
(2025H1): figure and target tables, history, scorecard, plot axis and tooltips."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import queries, status
from gui.context import AppContext
from gui.indicator.view import IndicatorView

pytestmark = pytest.mark.gui


@pytest.fixture
def view(sqlite_store, qtbot):
    ctx = AppContext(sqlite_store)
    v = IndicatorView(ctx)
    qtbot.addWidget(v)
    v.resize(1200, 800)
    return v


def _column(model, n_cols, col):
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_figure_and_target_tables_and_plot_name_periods_in_the_window_language(view, qtbot):
    from gui.indicator.figure_model import COLUMNS as FIG
    from gui.indicator.plot import MIN_TICK_PX
    from gui.indicator.target_model import COLUMNS as TGT

    with qtbot.waitSignal(view.course_ready, timeout=5000):
        view.set_indicator("WATER.YANGTZE_MAINSTEM_CLASS")
    figs, tgts = view.figure_table.model(), view.target_table.model()
    assert "2024H1" in _column(figs, len(FIG), FIG.index("period"))
    assert "2025H1" in _column(tgts, len(TGT), TGT.index("period"))
    assert "2024H1" in [t for _, t in view.plot.xaxis.period_ticks]
    view.ctx.set_language("zh_CN")
    qtbot.waitUntil(lambda: "2024年上半年" in _column(figs, len(FIG), FIG.index("period")))
    assert "2024H1" not in _column(figs, len(FIG), FIG.index("period"))
    assert "2025年上半年" in _column(tgts, len(TGT), TGT.index("period"))
    assert "2024年上半年" in figs.describe(0) or "2025年上半年" in figs.describe(0)
    qtbot.waitUntil(lambda: "2024年上半年" in [t for _, t in view.plot.xaxis.period_ticks])
    assert not any("H" in t for _, t in view.plot.xaxis.period_ticks)
    # labels wider than 2025H1 are kept a label's width apart
    assert view.plot.xaxis.min_gap_px > MIN_TICK_PX
    slot = view.plot.lines["chongqing"]
    assert "年上半年" in view.plot.tip(slot, 0)


def test_history_names_a_changed_period_in_the_window_language(view):
    from gui.indicator.history import HistoryModel

    h = HistoryModel(view.ctx)
    h.set_history(None, {"value_kind": "number", "decimals": 1})
    row = {"old": {"value": 1.0, "period": "2024H1"}, "new": {"value": 1.0, "period": "2024H2"}}
    assert h.change_text(row) == "period: 2024H1 → 2024H2"
    view.ctx.set_language("zh_CN")
    assert h.change_text(row) == "period: 2024年上半年 → 2024年下半年"


def test_scorecard_period_columns_in_chinese_sort_on_dates(sqlite_store, qtbot):
    from gui.scorecard.model import ScorecardModel, column

    with sqlite_store.read() as conn:
        ind, areas = queries.indicators(conn), queries.areas(conn)
        sc = status.scorecard(ind, queries.figures(conn), queries.targets(conn))
    m = ScorecardModel()
    m.set_frame(sc, areas, "zh_CN")
    c = column("latest_period")
    shown = {m.index(r, c).data() for r in range(m.rowCount())}
    assert "2025年上半年" in shown and not any("H" in (p or "") for p in shown)
    m.sort(c, Qt.SortOrder.AscendingOrder)
    texts = [m.index(r, c).data() for r in range(m.rowCount())]
    # 2024年 heads 2024年上半年 (a year before its halves), then 2025年上半年: dates, not text
    firsts = list(dict.fromkeys(t for t in texts if t))
    assert firsts.index("2024年") < firsts.index("2024年上半年") < firsts.index("2025年上半年")
    m.retranslate("en", areas)
    assert "2025H1" in {m.index(r, c).data() for r in range(m.rowCount())}
