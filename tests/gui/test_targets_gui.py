"""The window's side of the plans' targets: the plot's hover names each target's kind and
document, and the dialogs edit computed indicators and targets without a number."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.dialogs.indicator_dialog import IndicatorDialog
from gui.dialogs.target_dialog import TargetDialog
from tests.gui.test_dialogs_review import lite, made, shown_in_red, targets  # noqa: F401


@pytest.fixture
def view(lite, qtbot):  # noqa: F811
    from gui.indicator.view import IndicatorView

    v = IndicatorView(lite)
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    return v


def test_the_plot_hover_names_each_target_s_kind_and_document(view, qtbot):
    with qtbot.waitSignal(view.course_ready, timeout=5000):
        view.set_indicator("AIR.GOOD_DAYS_RATIO")
    qtbot.waitUntil(lambda: len(view.plot.frame.targets) == 3, timeout=5000)
    tips = {s.kind: view.plot.segment_tip(s) for s in view.plot.frame.targets}
    assert "渝府发〔2022〕11号 (2022-01-27)" in tips["municipal_plan"]
    assert "municipal plan target" in tips["municipal_plan"]
    assert "judged against this target" in tips["municipal_plan"]
    assert "national binding target" in tips["national_binding"]
    assert "not the target judged against" in tips["action_plan"]
    assert "Confidence: M" in tips["action_plan"]
    seg = next(s for s in view.plot.frame.targets if s.applies)
    vb = view.plot.getPlotItem().getViewBox()
    from PySide6.QtCore import QPointF

    at = QPointF((seg.x0 + seg.x1) / 2, seg.y)
    assert view.plot.target_tip(at, vb.viewPixelSize()) == tips["municipal_plan"]


def test_the_indicator_dialog_shows_and_edits_the_formula(lite, qtbot):  # noqa: F811
    dlg = made(qtbot, IndicatorDialog(lite, lite.indicator("AIR.GOOD_DAYS_RATIO")))
    assert dlg.fields["formula"].text() == "100 * AIR.GOOD_DAYS / (AIR.VALID_DAYS | days)"
    assert dlg.fields["measure"].currentData() == "ratio"
    assert shown_in_red(dlg) == []
    dlg.fields["formula"].setText("100 * AIR.NOPE / days")
    qtbot.waitUntil(lambda: "AIR.NOPE" in (dlg.problem("formula") or ""), timeout=3000)


def test_a_qualitative_target_opens_in_its_dialog_without_errors(lite, qtbot):  # noqa: F811
    row = targets(lite, "CARBON.CO2_INTENSITY")
    row = row[row["qualitative"] != ""].iloc[0].to_dict()
    dlg = made(qtbot, TargetDialog(lite, "CARBON.CO2_INTENSITY", row))
    assert dlg.fields["qualitative"].text() == "达到国家考核要求"
    assert dlg.fields["document"].text() == "渝府发〔2022〕11号"
    assert shown_in_red(dlg) == [] and dlg.ok_button.isEnabled()


def test_the_window_s_scorecard_reads_shares_in_percentage_points(window, qtbot):
    from gui.scorecard import column

    m = window.scorecard.model
    qtbot.waitUntil(lambda: m.row_of(("AIR.GOOD_DAYS_RATIO", "chongqing")) >= 0, timeout=20000)
    row = m.row_of(("WATER.STATE_SECTIONS_EXCELLENT", "chongqing"))
    assert m.data(m.index(row, column("gap"))) == "+1.3 pp"
    ratio = m.row_of(("AIR.GOOD_DAYS_RATIO", "chongqing"))
    assert m.data(m.index(ratio, column("gap"))) == "-3.0 pp"
    assert m.data(m.index(ratio, column("period_status"))).endswith("missed (indicative)")
    tip = m.data(m.index(ratio, column("period_status")), Qt.ItemDataRole.ToolTipRole)
    assert "against an annual target" in tip
    tip = m.data(m.index(ratio, column("target")), Qt.ItemDataRole.ToolTipRole)
    assert "渝府发〔2022〕11号 (2022-01-27)" in tip and "confidence M" in tip
    pm = m.row_of(("AIR.PM25", "shapingba"))
    assert m.data(m.index(pm, column("change"))) == "-8.2%"  # a concentration, in %


def test_a_computed_figure_is_marked_and_not_editable_in_the_figure_table(view, qtbot):
    view.set_indicator("AIR.GOOD_DAYS_RATIO")
    m = view.figure_table.model()
    qtbot.waitUntil(lambda: m.rowCount() == 4)
    from gui.indicator.figure_model import COLUMNS

    value, status = COLUMNS.index("value"), COLUMNS.index("status")
    assert m.index(0, status).data() == "final, computed"
    assert not m.flags(m.index(0, value)) & Qt.ItemFlag.ItemIsEditable
    tip = m.index(0, value).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("100 * AIR.GOOD_DAYS / (AIR.VALID_DAYS | days)")
