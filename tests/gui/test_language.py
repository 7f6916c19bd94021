"""Switching language at runtime re-translates menus, headers, names and statuses."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def window(open_window, sqlite_url):
    return open_window(sqlite_url)


def test_compiled_translation_is_shipped():
    from gui.i18n import TRANSLATIONS

    qm = TRANSLATIONS / "ecotracker_zh_CN.qm"
    assert qm.exists() and qm.stat().st_size > 1000


def test_switching_language_changes_visible_text(window, qtbot):
    m = window.scorecard.model
    key = ("AIR.PM25", "chongqing")
    assert window.menus["file"].title() == "&File"
    assert m.headerData(0, Qt.Orientation.Horizontal) == "Indicator"
    window.findChild(QAction, "actionLanguage_zh_CN").trigger()
    assert window.ctx.lang == "zh_CN"
    assert window.menus["file"].title() == "文件(&F)"
    assert window.menus["view"].title() == "视图(&V)"
    assert m.headerData(0, Qt.Orientation.Horizontal) == "指标"
    assert window.tabs.tabText(0) == "达标情况"
    # the scorecard, tree and indicator view re-read their texts on the next turns of the
    # event loop (short pieces of work rather than one long one)
    qtbot.waitUntil(lambda: m.data(m.index(m.row_of(key), 0)) == "PM2.5平均浓度")
    qtbot.waitUntil(lambda: window.indicators.proxy.index(0, 0).data() == "大气环境")
    assert m.data(m.index(m.row_of(key), 1)) == "重庆市"
    assert window.indicators.proxy.index(0, 0).data() == "大气环境"
    water = ("WATER.DRINKING_SOURCE_COMPLIANCE", "chongqing")
    from gui.scorecard import column

    assert m.data(m.index(m.row_of(water), column("period_status"))) == "✔ 达标"
    assert window.findChild(QAction, "actionRefresh").text() == "刷新(&R)"
    assert "全部" in window.scorecard.category.itemText(0)
    window.findChild(QAction, "actionLanguage_en").trigger()
    assert window.menus["file"].title() == "&File"
    assert m.headerData(0, Qt.Orientation.Horizontal) == "Indicator"
    qtbot.waitUntil(lambda: m.data(m.index(m.row_of(key), 0)) == "PM2.5 average concentration")


def test_language_menu_offers_both(window):
    texts = [a.text() for a in window.menus["language"].actions()]
    assert texts == ["English", "中文"]
    assert window.findChild(QAction, "actionLanguage_en").isChecked()


def test_system_language_is_the_default(monkeypatch, tmp_path):
    from PySide6.QtCore import QLocale

    from gui import i18n

    monkeypatch.setenv("ECOTRACKER_SETTINGS_DIR", str(tmp_path / "s"))
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(
        lambda: QLocale(QLocale.Language.Chinese, QLocale.Country.China)))
    assert i18n.preferred_language() == "zh_CN"
    i18n.remember_language("en")
    assert i18n.preferred_language() == "en"
