"""The add/edit dialogs after the usability review: no error before the person has done
anything, no value or class chosen for them, the least consequential target kind, the Chinese
unit, and no silent rounding of a value with more decimals than the indicator keeps."""
from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from core import queries
from core.edits import CreateRow
from gui.context import AppContext
from gui.dialogs.common import ERROR_STYLE
from gui.dialogs.figure_dialog import FigureDialog
from gui.dialogs.indicator_dialog import IndicatorDialog
from gui.dialogs.target_dialog import TargetDialog
from tests.gui.conftest import click_ok, edit_now, settle

pytestmark = pytest.mark.gui
ERROR_COLOUR = ERROR_STYLE.split(":")[1].strip(" ;")


@pytest.fixture
def ctx(store, qtbot):
    """A context over a seeded store, on SQLite and PostgreSQL (for dialogs that save)."""
    return AppContext(store)


@pytest.fixture
def lite(sqlite_store, qtbot):
    """A context over a seeded SQLite store (for what the dialogs show)."""
    return AppContext(sqlite_store)


def made(qtbot, dlg):
    qtbot.addWidget(dlg)
    return dlg


def figures(ctx, code):
    with ctx.store.read() as conn:
        return queries.figures(conn, indicators=[code])


def targets(ctx, code):
    with ctx.store.read() as conn:
        return queries.targets(conn, indicators=[code])


def shown_in_red(dlg) -> list[str]:
    return [label.text() for label in dlg.findChildren(QLabel)
            if label.text() and not label.isHidden() and ERROR_COLOUR in label.styleSheet()]


NEW = {
    "figure": lambda c: FigureDialog(c, "AIR.PM25"),
    "class figure": lambda c: FigureDialog(c, "WATER.YANGTZE_MAINSTEM_CLASS"),
    "target": lambda c: TargetDialog(c, "AIR.PM25"),
    "indicator": lambda c: IndicatorDialog(c),
}
REQUIRED = {"figure": ("period", "value"), "class figure": ("period", "value"),
            "target": ("period", "value"), "indicator": ("code", "name_zh")}


# -- 1. nothing red before the person has typed or pressed OK -------------------------------

@pytest.mark.parametrize("which", list(NEW))
def test_a_new_dialog_opens_with_neutral_hints_not_errors(lite, qtbot, which):
    dlg = made(qtbot, NEW[which](lite))
    assert shown_in_red(dlg) == []
    assert all(dlg.problem(name) == "" for name in dlg.fields) and dlg.problem("") == ""
    for name in REQUIRED[which]:
        assert dlg.hint(name), name  # says what to fill in, without blaming
        assert not dlg.errors[name].isHidden()
    text = " ".join(label.text() for label in dlg.findChildren(QLabel))
    assert "malformed" not in text and "ASCII" not in text and "''" not in text


@pytest.mark.parametrize("which", list(NEW))
def test_ok_on_an_empty_dialog_turns_the_hints_red_and_saves_nothing(lite, qtbot, which):
    dlg = made(qtbot, NEW[which](lite))
    hints = {name: dlg.hint(name) for name in REQUIRED[which]}
    n = lite.undo_stack.count()
    click_ok(qtbot, dlg)
    assert dlg.result() != dlg.DialogCode.Accepted and dlg.outcome is None
    assert lite.undo_stack.count() == n
    for name, hint in hints.items():
        assert dlg.problem(name) == hint and dlg.hint(name) == ""
    assert sorted(shown_in_red(dlg)) == sorted(hints.values())


def test_a_field_typed_in_then_emptied_says_so_in_red(lite, qtbot):
    dlg = made(qtbot, TargetDialog(lite, "AIR.PM25"))
    dlg.fields["period"].setText("2030")
    dlg.fields["period"].setText("")
    assert dlg.problem("period") == "Type the deadline period, e.g. 2025 or 2025H2."
    assert dlg.hint("value") == ("Type the target value (or the target in words, or its "
                                 "change on a baseline).")  # not touched: still a hint
    dlg.fields["period"].setText("2030H3")
    assert "2030H3" in dlg.problem("period") and not dlg.ok_button.isEnabled()


def test_an_edit_dialog_opens_without_hints_or_errors(lite, qtbot):
    dlg = made(qtbot, IndicatorDialog(lite, lite.indicator("AIR.PM25")))
    assert shown_in_red(dlg) == [] and dlg.ok_button.isEnabled()
    assert not any(dlg.hint(name) for name in dlg.fields)


def test_a_target_without_baseline_opens_for_editing_without_errors(ctx, qtbot):
    """Rows come from a frame, where a missing baseline is NaN: not 'nan' in the field."""
    code = "SOIL.SAFE_USE_RATE"
    row = targets(ctx, code).iloc[0].to_dict()
    assert pd.isna(row["baseline_period"]) and pd.isna(row["baseline_value"])
    row.update(baseline_period=float("nan"), baseline_value=float("nan"), note=float("nan"))
    dlg = made(qtbot, TargetDialog(ctx, code, row))
    assert shown_in_red(dlg) == [] and dlg.ok_button.isEnabled()
    assert dlg.fields["baseline_period"].text() == dlg.fields["baseline_value"].text() == ""
    n = ctx.undo_stack.count()
    click_ok(qtbot, dlg)  # nothing changed: nothing written
    assert dlg.result() == TargetDialog.DialogCode.Accepted and ctx.undo_stack.count() == n


def test_the_hints_are_in_chinese_in_the_chinese_window(lite, qtbot):
    from gui.i18n import translators

    assert translators().apply("zh_CN")
    try:
        lite.set_language("zh_CN")
        dlg = made(qtbot, FigureDialog(lite, "AIR.PM25"))
        ind = made(qtbot, IndicatorDialog(lite))
        hints = [dlg.hint("period"), dlg.hint("value"), ind.hint("code"), ind.hint("name_zh")]
        assert all(h and not h.isascii() for h in hints), hints
        assert dlg.fields["value"].placeholderText() == "微克/立方米"
    finally:
        translators().apply("en")
        lite.set_language("en")


# -- 2. a figure's value and a water class start empty and are required --------------------

def test_a_forgotten_figure_value_is_not_saved_as_zero(ctx, qtbot):
    before = len(figures(ctx, "AIR.PM25"))
    dlg = made(qtbot, FigureDialog(ctx, "AIR.PM25"))
    assert dlg.fields["value"].text() == ""
    dlg.fields["period"].setText("2019H1")
    assert dlg.problem("period") == "" and dlg.hint("value") == "Type the value."
    click_ok(qtbot, dlg)
    assert dlg.outcome is None and dlg.problem("value") == "Type the value."
    assert len(figures(ctx, "AIR.PM25")) == before
    QTest.keyClicks(dlg.fields["value"], "52.3")
    assert dlg.problem("value") == "" and dlg.ok_button.isEnabled()
    click_ok(qtbot, dlg)
    assert dlg.result() == FigureDialog.DialogCode.Accepted
    row = figures(ctx, "AIR.PM25").set_index("id").loc[dlg.outcome.row["id"]]
    assert (row["period"], row["value"]) == ("2019H1", 52.3)


def test_a_water_class_is_not_chosen_for_the_person(ctx, qtbot):
    code = "WATER.YANGTZE_MAINSTEM_CLASS"
    dlg = made(qtbot, FigureDialog(ctx, code))
    value = dlg.fields["value"]
    assert value.currentData() is None and value.currentText() == "(choose a class)"
    assert [value.itemText(i) for i in range(1, value.count())] == \
        ["I", "II", "III", "IV", "V", "worse than V"]
    dlg.fields["period"].setText("2019H1")
    click_ok(qtbot, dlg)
    assert dlg.outcome is None and dlg.problem("value") == "Choose the class."
    value.setCurrentIndex(value.findData(2))
    click_ok(qtbot, dlg)
    assert dlg.result() == FigureDialog.DialogCode.Accepted
    assert figures(ctx, code).set_index("id").loc[dlg.outcome.row["id"], "value"] == 2.0


def test_editing_a_class_figure_shows_its_class(lite, qtbot):
    code = "WATER.YANGTZE_MAINSTEM_CLASS"
    row = figures(lite, code).iloc[0].to_dict()
    dlg = made(qtbot, FigureDialog(lite, code, row))
    assert dlg.fields["value"].currentData() == int(row["value"])
    assert dlg.ok_button.isEnabled() and not any(dlg.hint(n) for n in dlg.fields)


# -- 3. the target kind ---------------------------------------------------------------------

def test_a_new_target_defaults_to_the_least_consequential_kind(ctx, qtbot):
    from core.status import KIND_RANK

    dlg = made(qtbot, TargetDialog(ctx, "AIR.PM25"))
    kind = dlg.fields["kind"].currentData()
    assert kind == "national_standard" and KIND_RANK[kind] == max(KIND_RANK.values())
    dlg.fields["period"].setText("2031")
    dlg.fields["value"].setText("20")
    click_ok(qtbot, dlg)
    tid = dlg.outcome.row["id"]
    assert targets(ctx, "AIR.PM25").set_index("id").loc[tid, "kind"] == "national_standard"


def test_editing_a_target_keeps_its_kind(lite, qtbot):
    code = "WATER.YANGTZE_MAINSTEM_CLASS"
    row = targets(lite, code).iloc[0].to_dict()
    assert row["kind"] == "municipal_plan"
    dlg = made(qtbot, TargetDialog(lite, code, row))
    assert dlg.fields["kind"].currentData() == "municipal_plan" and dlg.ok_button.isEnabled()


# -- 4. the Chinese unit --------------------------------------------------------------------

def test_the_chinese_unit_is_entered_and_edited_with_undo(ctx, qtbot):
    dlg = made(qtbot, IndicatorDialog(ctx))
    f = dlg.fields
    f["code"].setText("AIR.PM10")
    f["name_en"].setText("PM10 average concentration")
    f["name_zh"].setText("PM10平均浓度")
    f["unit"].setText("µg/m³")
    f["unit_zh"].setText("微克/立方米")
    click_ok(qtbot, dlg)
    assert dlg.result() == IndicatorDialog.DialogCode.Accepted
    ind = ctx.indicator("AIR.PM10")
    assert (ind["unit"], ind["unit_zh"]) == ("µg/m³", "微克/立方米")

    edit = made(qtbot, IndicatorDialog(ctx, ctx.indicator("AIR.PM10")))
    assert edit.fields["unit_zh"].text() == "微克/立方米"
    edit.fields["unit_zh"].setText("毫克/立方米")
    click_ok(qtbot, edit)
    assert edit.result() == IndicatorDialog.DialogCode.Accepted
    ind = ctx.indicator("AIR.PM10")
    assert (ind["unit"], ind["unit_zh"]) == ("µg/m³", "毫克/立方米")
    ctx.undo_stack.undo()
    settle(qtbot, ctx)
    assert ctx.indicator("AIR.PM10")["unit_zh"] == "微克/立方米"


def test_the_chinese_unit_of_a_seeded_indicator_is_shown_for_editing(lite, qtbot):
    dlg = made(qtbot, IndicatorDialog(lite, lite.indicator("AIR.PM25")))
    assert (dlg.fields["unit"].text(), dlg.fields["unit_zh"].text()) == ("µg/m³", "微克/立方米")


# -- 5. more decimals than the indicator keeps ----------------------------------------------

def test_a_figure_with_more_decimals_than_kept_is_refused_not_rounded(ctx, qtbot):
    assert int(ctx.indicator("AIR.PM25")["decimals"]) == 1
    before = len(figures(ctx, "AIR.PM25"))
    dlg = made(qtbot, FigureDialog(ctx, "AIR.PM25"))
    dlg.fields["period"].setText("2019H1")
    value = dlg.fields["value"]
    QTest.keyClicks(value, "38.25")
    assert value.text() == "38.25"  # every key kept, none dropped
    assert not dlg.ok_button.isEnabled()
    assert dlg.problem("value") == ("38.25 has more decimals than this indicator keeps (1): "
                                    "type the value rounded as it should be saved.")
    QTest.keyClick(value, Qt.Key.Key_Return)
    assert dlg.outcome is None and len(figures(ctx, "AIR.PM25")) == before
    QTest.keyClick(value, Qt.Key.Key_Backspace)
    QTest.keyClick(value, Qt.Key.Key_Backspace)
    QTest.keyClicks(value, "3")
    click_ok(qtbot, dlg)
    assert figures(ctx, "AIR.PM25").set_index("id").loc[dlg.outcome.row["id"], "value"] == 38.3


def test_a_target_with_more_decimals_than_kept_is_refused(lite, qtbot):
    dlg = made(qtbot, TargetDialog(lite, "AIR.PM25"))
    dlg.fields["period"].setText("2030")
    dlg.fields["value"].setText("24.75")
    assert not dlg.ok_button.isEnabled() and "keeps (1)" in dlg.problem("value")
    dlg.fields["value"].setText("24.8")
    assert dlg.ok_button.isEnabled()


def _stored_with_more_decimals(ctx, entity: str, row: dict, value: float) -> dict:
    """``row`` given ``value`` straight in the database, as psql or an older version would."""
    from sqlalchemy import update

    from core import schema

    table = schema.figures if entity == "figure" else schema.targets
    with ctx.store.write() as conn:
        conn.execute(update(table).where(table.c.id == int(row["id"])).values(value=value))
    return dict(row, value=value)


def test_a_stored_value_with_more_decimals_survives_an_edit_of_another_field(ctx, qtbot):
    """A figure or target stored with more decimals (by an older EcoTracker, or by psql: the
    rule set now refuses them on every road) is shown whole and saved unchanged."""
    fig = _stored_with_more_decimals(ctx, "figure", edit_now(qtbot, ctx, CreateRow("figure", {
        "indicator": "AIR.PM25", "area": "chongqing", "period": "2019H1", "value": 38.2}),
        "import").row, 38.25)
    dlg = made(qtbot, FigureDialog(ctx, "AIR.PM25", fig))
    assert dlg.fields["value"].text() == "38.25" and dlg.problem("value") == ""
    dlg.fields["note"].setText("checked")
    click_ok(qtbot, dlg)
    stored = figures(ctx, "AIR.PM25").set_index("id").loc[fig["id"]]
    assert (stored["value"], stored["note"]) == (38.25, "checked")

    tgt = _stored_with_more_decimals(ctx, "target", edit_now(qtbot, ctx, CreateRow("target", {
        "indicator": "AIR.PM25", "area": "chongqing", "period": "2032", "comparator": "<=",
        "value": 24.7, "kind": "municipal_plan"}), "import").row, 24.75)
    edit = made(qtbot, TargetDialog(ctx, "AIR.PM25", tgt))
    assert edit.fields["value"].text() == "24.75" and edit.problem("value") == ""
    edit.fields["note"].setText("checked")
    click_ok(qtbot, edit)
    stored = targets(ctx, "AIR.PM25").set_index("id").loc[tgt["id"]]
    assert (stored["value"], stored["note"]) == (24.75, "checked")
