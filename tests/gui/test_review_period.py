"""The scorecard as of a period (``scorecardPeriod``), in both languages: that period's figure
or the latest before it marked older, the same period a year earlier beside it, the change,
and provisional or derived figures marked in the Actual cell and the Marks column."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import queries
from core.edits import UpdateRow
from gui.scorecard import column
from tests.gui.conftest import edit_now

pytestmark = pytest.mark.gui

PM_CITY = ("AIR.PM25", "chongqing")  # 2024H1 and 2023H1 in the seeds, no 2025H1
PM_SPB = ("AIR.PM25", "shapingba")  # 2024H1 and 2025H1


def cell(model, key, cid):
    return model.data(model.index(model.row_of(key), column(cid)))


def choose(window, qtbot, code):
    panel = window.scorecard
    combo = panel.findChild(type(panel.period), "scorecardPeriod")
    assert combo is panel.period
    combo.setCurrentIndex(combo.findData(code))
    qtbot.waitUntil(lambda: not panel.busy and panel.model.rowCount() > 0
                    and panel.as_of == (code or None), timeout=20000)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20000)


@pytest.mark.parametrize("lang,older,prev,provisional", [
    ("en", "↶ older period", "34.0 (2024H1)", "◌ provisional"),
    ("zh_CN", "↶ 较早期", "34.0（2024年上半年）", "◌ 初步数")])
def test_as_of_a_period(open_window, sqlite_url, qtbot, lang, older, prev, provisional):
    w = open_window(sqlite_url, lang)
    m = w.scorecard.model
    combo = w.scorecard.period
    assert combo.itemData(0) == "" and combo.findData("2025H1") > 0
    choose(w, qtbot, "2025H1")
    assert cell(m, PM_CITY, "marks") == older
    assert cell(m, PM_SPB, "previous") == prev
    assert cell(m, PM_SPB, "change") == "-8.2%"  # a concentration's change in % (core.convention)
    assert "2025" in cell(m, PM_SPB, "latest_period")
    # mark shapingba's 2025H1 figure provisional: the Actual cell and the Marks column say so
    with w.ctx.store.read() as conn:
        f = queries.figures(conn, indicators=[PM_SPB[0]], areas=[PM_SPB[1]]).iloc[-1]
    assert f["period"] == "2025H1"
    edit_now(qtbot, w.ctx, UpdateRow("figure", int(f["id"]), int(f["version"]),
                                     {"status": "provisional"}))
    qtbot.waitUntil(lambda: cell(m, PM_SPB, "marks") == provisional, timeout=20000)
    assert cell(m, PM_SPB, "latest").endswith("◌")
    # as of 2024H1 the city's figure is of that period: not older; the 2025 figures unknown
    choose(w, qtbot, "2024H1")
    assert cell(m, PM_CITY, "marks") == ""
    assert "2024" in cell(m, PM_SPB, "latest_period") and cell(m, PM_SPB, "marks") == ""
    # back to the latest
    choose(w, qtbot, "")
    assert cell(m, PM_CITY, "marks") == ""
    assert w.scorecard.model.headerData(column("previous"), Qt.Orientation.Horizontal)
