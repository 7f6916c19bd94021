"""Exports get names that say what and when, in the last folder used, and offer Open and
Show in folder; the entry workbook dialog remembers the period, in both languages."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from gui.excel.saved_files import default_name, last_folder, remember_folder

pytestmark = pytest.mark.gui


def test_default_names():
    d = date(2026, 12, 4)
    assert default_name("meeting", "2026H1", "zh_CN", d) == "会议-2026H1-2026-12-04.xlsx"
    assert default_name("meeting", "2026H1", "en", d) == "meeting-2026H1-2026-12-04.xlsx"
    assert default_name("entry", None, "en", d) == "entry-2026-12-04.xlsx"


@pytest.mark.parametrize("lang,word", [("en", "meeting"), ("zh_CN", "会议")])
def test_export_dialog_names_opens_and_remembers(qtbot, sqlite_store, tmp_path, lang, word,
                                                 monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from gui.context import AppContext
    from gui.excel.export_dialog import ExportDialog

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    remember_folder(tmp_path / "x.xlsx")
    assert last_folder() == tmp_path
    ctx = AppContext(sqlite_store, lang=lang)
    dlg = ExportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.as_of.setText("2025年上半年")
    today = datetime.now().date().isoformat()
    assert Path(dlg.path.text()) == tmp_path / f"{word}-2025H1-{today}.xlsx"
    assert not dlg.opener.isVisibleTo(dlg)
    dlg.start()
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=20000)
    assert Path(dlg.result.path).exists()
    assert dlg.opener.isVisibleTo(dlg)
    dlg.opener.folder_button.click()
    dlg.opener.open_button.click()
    assert [u.toLocalFile() for u in dlg.opener.opened] == [str(tmp_path), dlg.path.text()]


def test_template_dialog_remembers_the_period(qtbot, sqlite_store, tmp_path):
    from gui.context import AppContext
    from gui.excel.template_dialog import TemplateDialog

    remember_folder(tmp_path / "x.xlsx")
    ctx = AppContext(sqlite_store, lang="zh_CN")
    dlg = TemplateDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.period.setText("2026H1")
    assert Path(dlg.path.text()).name.startswith("填报-2026H1-")
    dlg.start()
    qtbot.waitUntil(lambda: dlg.rows is not None, timeout=20000)
    again = TemplateDialog(ctx)
    qtbot.addWidget(again)
    assert again.period.text() == "2026H1"


def test_entry_workbook_for_several_areas_and_categories(qtbot, sqlite_store, tmp_path):
    import openpyxl

    from gui.context import AppContext
    from gui.excel.template_dialog import TemplateDialog

    ctx = AppContext(sqlite_store)
    dlg = TemplateDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.period.setText("2026H1")
    dlg.path.setText(str(tmp_path / "e.xlsx"))
    dlg.area.set_chosen(["shapingba", "hechuan"])
    dlg.category.set_chosen(["air", "water"])
    dlg.start()
    qtbot.waitUntil(lambda: dlg.rows is not None, timeout=20000)
    ws = openpyxl.load_workbook(tmp_path / "e.xlsx")["Entry"]
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    assert {r[2] for r in rows} == {"Shapingba District", "Hechuan District"}
    assert {r[0].split(".")[0] for r in rows} == {"AIR", "WATER"}
