"""The Excel dialogs with pytest-qt: file dialogs patched, workers awaited."""
from __future__ import annotations

import time

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from core import queries
from core.excel.export import export_workbook

from .conftest import find_row

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(qtbot, sqlite_store):
    from gui.context import AppContext

    return AppContext(sqlite_store)


def test_export_dialog_writes_the_workbook_in_a_worker(qtbot, ctx, tmp_path, monkeypatch):
    from gui.excel.export_dialog import open_export_dialog

    out = tmp_path / "from dialog"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dlg = open_export_dialog(ctx, None)
    qtbot.addWidget(dlg)
    assert dlg.objectName() == "exportDialog"
    dlg.findChild(type(dlg.path), "exportPath")  # named widgets exist
    dlg.choose_file()
    assert dlg.path.text().endswith("from dialog.xlsx")
    dlg.category.setCurrentIndex(dlg.category.findData("air"))
    dlg.period_from.setText("2024X")
    assert not dlg.export_button.isEnabled()
    dlg.period_from.setText("2024H1")
    assert dlg.export_button.isEnabled()
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=20000)
    wb = openpyxl.load_workbook(tmp_path / "from dialog.xlsx")
    assert wb.sheetnames[0] == "Scorecard"
    assert all(r[0].startswith("AIR.") for r in wb["Data"].iter_rows(min_row=2, values_only=True))
    assert "Saved" in dlg.message.text()


def test_export_dialog_cancel_leaves_no_file(qtbot, ctx, tmp_path, monkeypatch):
    from gui.excel import export_dialog

    out = tmp_path / "never.xlsx"
    dlg = export_dialog.open_export_dialog(ctx, None)
    qtbot.addWidget(dlg)
    dlg.path.setText(str(out))
    real = export_dialog.export_workbook

    def slow(*a, cancelled, **k):  # the person presses Cancel as the job starts
        for _ in range(200):
            if dlg.job is not None:
                break
            time.sleep(0.01)
        dlg.job.cancel()
        return real(*a, cancelled=cancelled, **k)

    monkeypatch.setattr(export_dialog, "export_workbook", slow)
    dlg.start()
    qtbot.waitUntil(lambda: dlg.job is None, timeout=20000)
    assert "Cancelled" in dlg.message.text()
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_import_dialog_previews_then_applies_and_reloads(qtbot, ctx, sqlite_store, tmp_path,
                                                         monkeypatch):
    from gui.excel.import_dialog import open_import_dialog

    path = tmp_path / "edited.xlsx"
    export_workbook(sqlite_store, path)
    row = find_row(path, "AIR.PM25", "2024H1")
    wb = openpyxl.load_workbook(path)
    wb["Data"][f"E{row}"] = 30.5
    wb.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    reloaded = []
    ctx.reloaded.connect(lambda: reloaded.append(1))
    dlg = open_import_dialog(ctx, None)
    qtbot.addWidget(dlg)
    assert dlg.objectName() == "importDialog"
    qtbot.waitUntil(lambda: dlg.preview is not None, timeout=20000)
    table = dlg.findChild(type(dlg.table), "importPreviewTable")
    apply_button = dlg.findChild(type(dlg.apply_button), "importApplyButton")
    model = table.model()
    assert model.rowCount() == 1
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[0] == "changed" and cells[3] == "2024H1" and cells[-1] == "30.5"
    assert "1 changed" in dlg.summary.text()
    assert "Undo" in dlg.note.text()
    assert apply_button.isEnabled()
    qtbot.mouseClick(apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.applied is not None, timeout=20000)
    qtbot.waitUntil(lambda: bool(reloaded))  # the reference data is read again in a worker
    assert "1 changed" in dlg.summary.text() and "Backup" in dlg.summary.text()
    with sqlite_store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"], areas=["chongqing"])
    assert 30.5 in set(figs["value"])
    assert not apply_button.isEnabled()


def test_import_dialog_shows_problems_and_keeps_apply_disabled(qtbot, ctx, tmp_path):
    from gui.excel.import_dialog import open_import_dialog

    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    wb.active.append(["Indicator code", "Area", "Period", "Value"])
    wb.active.append(["AIR.PM25", "Atlantis", "2024H1", 3])
    wb.active.append(["AIR.PM25", "Chongqing", "2030H1", 3])
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    dlg = open_import_dialog(ctx, None, path=str(path))
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.preview is not None, timeout=20000)
    assert not dlg.apply_button.isEnabled()
    assert dlg.problems.isVisibleTo(dlg)
    m = dlg.problems.model()
    assert m.rowCount() == 1
    assert [m.index(0, c).data() for c in range(4)] == ["problem", "Data", "2", "B (Area)"]
    assert "Atlantis" in m.index(0, 4).data()


def test_import_dialog_refuses_a_hostile_file(qtbot, ctx, tmp_path):
    from gui.excel.import_dialog import open_import_dialog

    path = tmp_path / "x.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    dlg = open_import_dialog(ctx, None, path=str(path))
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.job is None, timeout=20000)
    assert "password-protected" in dlg.summary.text()
    assert not dlg.apply_button.isEnabled()


def test_template_dialog_says_when_no_indicator_takes_the_periods_type(qtbot, ctx, tmp_path):
    """As ``ecotracker template``: 2026Q1 when no indicator is reported by quarter is said at
    once and nothing can be written; 2026年上半年 writes the half-year indicators' rows."""
    from gui.excel.template_dialog import open_template_dialog

    dlg = open_template_dialog(ctx, None)
    qtbot.addWidget(dlg)
    assert dlg.objectName() == "templateDialog"
    out = tmp_path / "entry.xlsx"
    dlg.path.setText(str(out))
    dlg.period.setText("2026Q1")
    assert not dlg.write_button.isEnabled()
    assert "no indicator is reported by quarter" in dlg.message.text()
    assert "2026Q1" in dlg.message.text()
    dlg.period.setText("2026年上半年")
    assert dlg.write_button.isEnabled() and dlg.message.text() == ""
    dlg.area.setCurrentIndex(dlg.area.findData("chongqing"))
    qtbot.mouseClick(dlg.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.rows is not None, timeout=20000)
    ws = openpyxl.load_workbook(out)["Entry"]
    assert ws["A1"].value == "Entry workbook: 2026H1"
    assert dlg.rows == ws.max_row - 4 and "Saved" in dlg.message.text()
