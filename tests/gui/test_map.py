"""The Map tab: the seeded districts drawn, the others as without figures; hover, click."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from core import districtmap

pytestmark = pytest.mark.gui


def _centre(canvas, area: str):
    """A point inside ``area``'s largest outline, in widget pixels."""
    path = max(canvas.paths[area].toSubpathPolygons(), key=lambda p: p.boundingRect().width())
    box = path.boundingRect()
    t = canvas.transform()
    for fx in (0.5, 0.4, 0.6, 0.3, 0.7):
        for fy in (0.5, 0.4, 0.6, 0.3, 0.7):
            p = QPointF(box.left() + fx * box.width(), box.top() + fy * box.height())
            if canvas.paths[area].contains(p):
                return t.map(p).toPoint()
    raise AssertionError(area)


def test_the_map_has_the_38_districts_and_counties():
    shape = districtmap.shape()
    assert len(shape.rings) == 38
    assert "shapingba" in shape.rings and "chongqing" not in shape.rings
    assert districtmap.MAP_FILE.stat().st_size < 400_000


def test_map_tab_shows_the_seeded_districts_and_opens_a_clicked_one(open_window, sqlite_url,
                                                                     qtbot):
    w = open_window(sqlite_url)
    view = w.findChild(type(w.map_view), "mapView")
    w.tabs.setCurrentIndex(2)
    w.indicators.select("AIR.PM25")
    qtbot.waitUntil(lambda: view.canvas.frame is not None and
                    view.canvas.frame.indicator == "AIR.PM25", timeout=10000)
    assert w.tabs.currentIndex() == 2  # the map follows the tree and stays
    frame = view.canvas.frame
    assert not frame.cells["shapingba"].hatched
    assert "31.2 µg/m³" in frame.cells["shapingba"].tooltip
    assert all(frame.cells[a].hatched for a in frame.cells if a != "shapingba")
    assert any(e.hatched and e.words == "no figures" for e in frame.legend)
    # by value: the same district, on the blue ramp
    view.mode.setCurrentIndex(1)
    assert view.canvas.frame.mode == "value"
    assert view.canvas.frame.cells["shapingba"].fill in districtmap.RAMP
    # hover names the figure; a click opens it in the Indicator tab
    pos = _centre(view.canvas, "shapingba")
    assert view.canvas.area_at(pos) == "shapingba"
    qtbot.mouseMove(view.canvas, pos)
    assert view.canvas.hover == "shapingba"
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=pos)
    assert w.tabs.currentIndex() == 1
    iv = w.indicator_view
    assert iv.code == "AIR.PM25"
    row = iv.figure_table.currentIndex().row()
    assert iv.figures_model.frame.iloc[row]["area"] == "shapingba"
    assert iv.figures_model.frame.iloc[row]["period"] == "2025H1"


def test_status_mode_uses_the_scorecards_tones(open_window, sqlite_url, qtbot):
    from core import vocabulary

    w = open_window(sqlite_url)
    w.tabs.setCurrentIndex(2)
    w.indicators.select("WASTE.INDUSTRIAL_SW_UTILISATION_RATE")
    qtbot.waitUntil(lambda: w.map_view.canvas.frame is not None and
                    w.map_view.canvas.frame.indicator.startswith("WASTE.IND"), timeout=10000)
    cell = w.map_view.canvas.frame.cells["hechuan"]
    tones = {t.background for t in vocabulary.TONES.values()} | {districtmap.NO_TARGET}
    assert cell.fill in tones and "more than 95.0%" in cell.tooltip
    assert cell.status == "no_target"  # the seeds set no district targets
