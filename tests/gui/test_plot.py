"""The trend plot draws a core frame: lines, targets, projection, hover text, PNG."""
from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from core.periods import period_ord
from core.trend import trend_frame
from gui.indicator.legend import AreaLegend
from gui.indicator.plot import OKABE_ITO, TrendPlot

pytestmark = pytest.mark.gui


def frame(kind="number"):
    ind = pd.DataFrame([dict(code="X", category="air", name_zh="x", name_en="x", unit="µg/m³",
                             value_kind=kind, direction="lower", band_low=None,
                             band_high=None, cumulative=False, vmin=0.0, vmax=None,
                             period_type="year", decimals=1, tolerance=0.0, version=1,
                             definition_en="", definition_zh="", category_sort=1)])
    rows = [("a", "2020", 4, "about"), ("a", "2024", 3, ""), ("b", "2022H1", 2, "")]
    figs = pd.DataFrame([dict(id=i, indicator="X", area=a, period=p, period_ord=period_ord(p),
                              value=float(v), qualifier=q, status="final", derived=False,
                              derivation="", note="", source=None, source_ref="para 2",
                              version=1) for i, (a, p, v, q) in enumerate(rows)])
    tg = pd.DataFrame([dict(id=1, indicator="X", area="a", period="2026", period_ord=20261,
                            comparator="<=", value=2.0, value_high=None, kind="municipal_plan",
                            baseline_period="2020", baseline_value=4.0, derived=False,
                            derivation="", note="", source=None, source_ref="", version=1)])
    return trend_frame(ind, figs, tg, None, "X")


@pytest.fixture
def plot(qtbot):
    p = TrendPlot()
    qtbot.addWidget(p)
    p.resize(640, 400)
    return p


def test_lines_targets_projection_and_ticks(plot):
    fr = frame()
    plot.show_frame(fr, {"a": "Area A", "b": "Area B"}, "en")
    assert set(plot.lines) == {"a", "b"}
    a = plot.lines["a"]
    assert a.line.pen.color().name().upper() == OKABE_ITO[0].upper()
    assert list(a.line.getData()[1]) == [4.0, 3.0]
    tx, ty = a.target.getData()
    assert list(ty) == [2.0, 2.0] and tx[-1] == fr.targets[0].x1
    px, py = a.projection.getData()
    assert list(py) == fr.projections[0].y and px[0] == fr.series[0].x[-1]
    b = plot.lines["b"]
    assert len(b.target.getData()[0]) == 0  # no target for b
    assert [n for _, n in plot.xaxis.period_ticks] == ["2020", "2022H1", "2024", "2026"]
    # all of it is drawn by one item, lines first, and the view fits all of it
    assert plot.strokes.strokes[:2] == [a.line, b.line]
    x0, x1, y0, y1 = plot.strokes.bounds
    assert x1 == fr.targets[0].x1 and y0 == min([2.0] + fr.projections[0].y)
    # few points: each area's symbols, in its colour
    assert len(plot.points.data) == 3
    # fewer areas next time: the spare slot is kept but draws nothing
    plot.show_frame(trend_frame_one_area(), {}, "en")
    assert list(plot.lines) == ["a"] and not plot.slots[1].line.isVisible()
    assert b.line not in plot.strokes.strokes


def trend_frame_one_area():
    fr = frame()
    fr.series = fr.series[:1]
    return fr


def test_hover_text_and_toggle_from_legend(plot, qtbot):
    plot.show_frame(frame(), {"a": "Area A", "b": "Area B"}, "en")
    tips = [plot.tip(plot.lines["a"], i) for i in range(2)]
    assert tips[0].startswith("Area A, 2020: 4.0 µg/m³")
    assert "Qualifier: about" in tips[0] and "Source: para 2" in tips[0]
    legend = AreaLegend(plot)
    qtbot.addWidget(legend)
    legend.resize(180, 200)
    legend.show()
    legend.refresh()
    item = legend.model_.item(0)
    assert item.text() == "Area A"
    # the list view itself shows the rows (a model filled behind its back shows nothing)
    from PySide6.QtCore import QPoint
    qtbot.waitUntil(lambda: legend.indexAt(QPoint(20, 5)).isValid())
    assert legend.indexAt(QPoint(20, 5)).data() == "Area A"
    item.setCheckState(item.checkState().__class__.Unchecked)
    assert plot.visible_areas() == ["b"]
    assert not plot.lines["a"].target.isVisible()  # its target goes with it
    plot.set_area_visible("a", True)
    assert plot.lines["a"].projection.isVisible()


def test_legend_is_as_wide_as_its_names_and_cuts_only_the_longest(plot, qtbot):
    """At the window's default size the legend was narrower than "Shapingba District" and
    hid it behind a horizontal scroll bar."""
    from gui.indicator.legend import LEGEND_MAX_WIDTH

    longest = "Pengshui Miao and Tujia Autonomous County"
    names = {"a": "Shapingba District", "b": "Chongqing", "c": longest}
    plot.show_frame(frame(), names, "en")
    legend = AreaLegend(plot)
    qtbot.addWidget(legend)
    legend.show()
    legend.refresh()
    fm = legend.fontMetrics()
    assert fm.horizontalAdvance(longest) > LEGEND_MAX_WIDTH  # (an area not drawn counts)
    assert legend.width() == LEGEND_MAX_WIDTH
    assert not legend.horizontalScrollBar().isVisible()
    rect = legend.visualRect(legend.model_.index(0, 0))
    assert fm.horizontalAdvance("Shapingba District") < rect.width()  # shown whole
    assert legend.model_.item(0).toolTip() == "Shapingba District"
    # the next indicator, with other areas of the same database: the width stays put
    plot.show_frame(trend_frame_one_area(), names, "en")
    legend.refresh()
    assert legend.width() == LEGEND_MAX_WIDTH
    # short names only: narrower, and the plot gets the room
    plot.show_frame(frame(), {"a": "A", "b": "B"}, "en")
    legend.refresh()
    assert legend.width() < LEGEND_MAX_WIDTH


def test_legend_shows_all_or_only_one_area_for_the_next_indicators_too(plot, qtbot):
    names = {"a": "Area A", "b": "Area B", "c": "Area C"}  # c: not in this indicator
    plot.show_frame(frame(), names, "en")
    legend = AreaLegend(plot)
    qtbot.addWidget(legend)
    legend.refresh()
    legend.show_only("b")
    assert plot.visible_areas() == ["b"] and plot.hidden == {"a", "c"}
    assert [legend.model_.item(i).checkState() == Qt.CheckState.Checked
            for i in range(2)] == [False, True]
    # an area hidden on another indicator (c) comes back with "show all"
    legend.show_all()
    assert plot.hidden == set() and plot.visible_areas() == ["a", "b"]
    assert all(legend.model_.item(i).checkState() == Qt.CheckState.Checked
               for i in range(2))


def test_an_indicator_without_figures_shows_a_note_not_the_last_scale(plot):
    plot.show_frame(frame(), {"a": "Area A", "b": "Area B"}, "en")
    empty = frame()
    empty.series = []
    plot.show_frame(empty, {}, "en")
    vb = plot.plotItem.getViewBox()
    (x0, x1), (y0, y1) = vb.viewRange()
    assert (x0, x1, y0, y1) == (0, 1, 0, 1)  # not the last indicator's range
    assert plot._empty.scene() is not None and plot._empty.textItem.toPlainText()
    x0_, x1_ = vb.viewRange()[0]
    assert plot.xaxis.tickValues(x0_, x1_, 600) == []  # no raw time stamps
    assert plot.plotItem.getAxis("left")._tickLevels == [[]]  # no made-up scale


def test_class_axis_inverted(plot):
    plot.show_frame(frame("class"), {}, "zh_CN")
    assert plot.getPlotItem().getViewBox().yInverted()
    plot.show_frame(frame("number"), {}, "en")
    assert not plot.getPlotItem().getViewBox().yInverted()


def test_save_png_is_a_landscape_picture_of_what_is_shown(plot, tmp_path):
    """For a meeting: 16:9 whatever the on-screen plot's shape (it was portrait when the
    plot pane was tall), titled, without the areas the person hid."""
    from PySide6.QtGui import QImage

    from gui.indicator.png import SIZE, save_png, slide

    plot.resize(300, 700)  # a tall, narrow pane
    plot.show_frame(frame(), {"a": "Area A", "b": "Area B"}, "en")
    plot.set_area_visible("b", False)
    width = plot.width()
    copy = slide(plot, "PM2.5 (AIR.PM25)", "en")
    try:
        assert "PM2.5 (AIR.PM25)" in copy.plotItem.titleLabel.text
        # the areas shown, then what the dashed and dotted lines mean
        assert [label.text for _sample, label in copy.legend.items] == [
            "Area A", "target, to its deadline", "projected course"]
    finally:
        copy.deleteLater()
    out = tmp_path / "trend.png"
    save_png(plot, str(out), "PM2.5 (AIR.PM25)", "en")
    img = QImage(str(out))
    assert (img.width(), img.height()) == SIZE  # pixels, whatever the screen's scale
    assert plot.hidden == {"b"} and plot.width() == width  # the shown plot is left alone
    with pytest.raises(OSError):
        save_png(plot, str(tmp_path / "no such folder" / "x.png"), "", "en")


def test_empty(plot):
    plot.show_frame(None, {}, "en")
    assert plot.lines == {}


def test_hovering_a_point_shows_its_tooltip(plot, qtbot):
    from PySide6.QtCore import QPointF

    plot.show()
    qtbot.waitExposed(plot)
    fr = frame()
    plot.show_frame(fr, {"a": "Area A", "b": "Area B"}, "en")
    plot.plotItem.getViewBox().autoRange()
    vb = plot.plotItem.getViewBox()
    a = fr.series_for("a")
    plot._hover(vb.mapViewToScene(QPointF(a.x[1], a.y[1])))
    assert plot._tip_text.startswith("Area A, 2024: 3.0")
    far = vb.mapViewToScene(QPointF((a.x[0] + a.x[1]) / 2, 100.0))
    plot._hover(far)
    assert plot._tip_text == ""


def test_period_labels_never_crowd_where_the_periods_do(qtbot):
    """Monthly figures in the first third of the axis and a deadline far to the right: every
    label kept is at least MIN_TICK_PX from the next, and the far deadline keeps its label."""
    from gui.indicator.plot import MIN_TICK_PX, PeriodAxis

    axis = PeriodAxis(orientation="bottom")
    months = [(float(i), f"m{i}") for i in range(60)]
    axis.set_period_ticks(months + [(180.0, "2030")])
    size = 600
    (_, kept), = axis.tickValues(0.0, 180.0, size)
    px = [x * size / 180.0 for x in kept]
    assert all(b - a >= MIN_TICK_PX for a, b in zip(px, px[1:]))
    assert kept[0] == 0.0 and kept[-1] == 180.0
    assert len(kept) > 2
