"""File › Briefing…: the periods with figures offered, the document written in a worker."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def test_briefing_dialog_writes_the_document(qtbot, sqlite_store, tmp_path):
    from gui.briefing_dialog import BriefingDialog
    from gui.context import AppContext

    ctx = AppContext(sqlite_store)
    dlg = BriefingDialog(ctx)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.period.count() > 0, timeout=10000)
    assert [dlg.period.itemData(i) for i in range(dlg.period.count())] == ["2025H1", "2024H1", "2023H1"]
    dlg.period.setCurrentIndex(1)
    dlg.lang.setCurrentIndex(1)
    dlg.path.setText(str(tmp_path / "b.docx"))
    assert dlg.write_button.isEnabled()
    qtbot.mouseClick(dlg.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.written is not None, timeout=30000)
    import docx

    assert docx.Document(str(dlg.written)).paragraphs[0].text == "重庆市2024年上半年生态环境状况"


def test_the_file_menu_has_briefing_and_the_view_menu_the_map(open_window, sqlite_url):
    w = open_window(sqlite_url)
    assert w.actions_.briefing in w.menus["file"].actions()
    assert w.actions_.showMap in w.menus["view"].actions()
    assert w.actions_.briefing.isEnabled()
    w.actions_.showMap.trigger()
    assert w.tabs.currentWidget() is w.map_view
