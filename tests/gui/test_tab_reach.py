"""Every button of the window and of the review's dialogs can be reached with Tab."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

pytestmark = pytest.mark.gui


def _unreachable(widget) -> list[str]:
    return [b.objectName() or b.text() for b in widget.findChildren(QAbstractButton)
            if b.isVisibleTo(widget) and not (b.focusPolicy() & Qt.FocusPolicy.TabFocus)]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_button_takes_tab(open_window, sqlite_url, qtbot, lang):
    w = open_window(sqlite_url, lang)
    w.open_indicator("AIR.PM25")
    qtbot.wait(50)
    assert _unreachable(w) == []
    from gui.sources.list_dialog import SourcesDialog
    from gui.dialogs.figure_dialog import FigureDialog

    for dlg in (SourcesDialog(w.ctx, w), FigureDialog(w.ctx, "AIR.PM25", parent=w)):
        qtbot.addWidget(dlg)
        dlg.show()
        assert _unreachable(dlg) == []
        dlg.close()
