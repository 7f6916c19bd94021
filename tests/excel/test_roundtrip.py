"""Export, re-import: no change; one edited cell: exactly one change, logged with the file."""
from __future__ import annotations

import json

import openpyxl
from sqlalchemy import select

from core import queries, schema
from core.excel.export import ExportOptions, export_workbook
from core.excel.importer import apply_import, read_import
from core.excel.template import write_template

from .conftest import assert_unchanged, find_row, snapshot


def test_reimporting_an_unchanged_export_changes_nothing(store, exported):
    before = snapshot(store)
    preview = read_import(store, exported)
    assert preview.ok, preview.plan.problems
    assert preview.counts == {"new": 0, "changed": 0, "unchanged": len(before[0]),
                              "problems": 0}
    done = apply_import(store, preview)
    assert (done.created, done.updated, done.backup) == (0, 0, None)
    assert_unchanged(store, before)


def test_chinese_export_round_trips(store, tmp_path):
    path = tmp_path / "zh.xlsx"
    export_workbook(store, path, ExportOptions(lang="zh_CN"))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:4] == ["目标完成情况", "趋势图", "地图", "数据"]
    assert next(wb["数据"].iter_rows(max_row=1, values_only=True))[:5] == (
        "指标代码", "指标", "地区", "期间", "数值")
    preview = read_import(store, path)
    assert preview.ok and preview.nothing_to_do and preview.plan.unchanged > 0


def test_one_edited_cell_is_exactly_one_change_logged_with_the_file(store, exported, tmp_path):
    row = find_row(exported, "AIR.PM25", "2024H1")
    wb = openpyxl.load_workbook(exported)
    ws = wb["Data"]
    old = ws[f"E{row}"].value
    assert ws[f"A{row}"].value == "AIR.PM25"
    ws[f"E{row}"] = 33.3
    edited = tmp_path / "district return.xlsx"
    wb.save(edited)

    preview = read_import(store, edited)
    assert preview.ok, preview.plan.problems
    assert len(preview.plan.new) == 0 and len(preview.plan.changed) == 1
    ch = preview.plan.changed.iloc[0]
    assert (ch["indicator"], ch["period"], ch["old_value"], ch["value"]) == (
        "AIR.PM25", "2024H1", old, 33.3)
    with store.read() as conn:
        table = preview.changes(queries.indicators(conn))
    assert table[["old", "new"]].values.tolist() == [[f"{old:.1f}", "33.3"]]

    done = apply_import(store, preview)
    assert done.updated == 1 and done.created == 0
    if store.backend == "sqlite":
        assert done.backup is not None and done.backup.exists()
        assert done.backup.parent == store.sqlite_path.parent / "backups"
    with store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.PM25"])
        log = conn.execute(select(schema.changelog).where(
            schema.changelog.c.origin == "district return.xlsx")).mappings().all()
    hit = figs[(figs["area"] == ch["area"]) & (figs["period"] == "2024H1")].iloc[0]
    assert hit["value"] == 33.3 and hit["version"] == 2 and hit["entered_by"] == "tester"
    assert len(log) == 1 and log[0]["why"] == "import" and log[0]["action"] == "update"
    assert json.loads(log[0]["old"])["value"] == old and json.loads(log[0]["new"])["value"] == 33.3
    # The same file again is now stale for that row: the database moved on since.
    again = read_import(store, edited)
    assert again.ok and again.nothing_to_do


def test_entry_workbook_filled_in_imports_new_figures(store, tmp_path):
    path = tmp_path / "entry.xlsx"
    n = write_template(store, path, "2025H1", area="Chongqing")
    assert n > 10
    wb = openpyxl.load_workbook(path)
    ws = wb["Entry"]
    head = [c.value for c in ws[4]]
    col = {h: openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(head)}
    rows = {ws[f"{col['Indicator code']}{r}"].value: r for r in range(5, ws.max_row + 1)}
    ws[f"{col['Value']}{rows['AIR.GOOD_DAYS']}"] = 170
    ws[f"{col['Value']}{rows['WATER.YANGTZE_MAINSTEM_CLASS']}"] = "II"
    ws[f"{col['Qualifier']}{rows['AIR.GOOD_DAYS']}"] = "about"
    filled = tmp_path / "entry filled.xlsx"
    wb.save(filled)
    preview = read_import(store, filled)
    assert preview.kind == "entry" and preview.ok, preview.plan.problems
    new = {r.indicator: r for r in preview.plan.new.itertuples()}
    # 2025H1 class II exists already (unchanged); good days are new
    assert set(new) == {"AIR.GOOD_DAYS"} and preview.plan.unchanged == 1
    assert new["AIR.GOOD_DAYS"].value == 170 and new["AIR.GOOD_DAYS"].qualifier == "about"
    apply_import(store, preview)
    with store.read() as conn:
        figs = queries.figures(conn, indicators=["AIR.GOOD_DAYS"], areas=["chongqing"])
    assert "2025H1" in set(figs["period"])


def test_cli_export_import_dry_run_and_apply(store, tmp_path, capsys):
    from core.cli import main

    out = tmp_path / "cli.xlsx"
    assert main(["export", "--db", store.url, "--out", str(out), "--category", "air",
                 "--from", "2024H1", "--lang", "en"]) == 0
    row = find_row(out, "AIR.GOOD_DAYS", "2024H1")
    wb = openpyxl.load_workbook(out)
    wb["Data"][f"E{row}"] = 165
    wb.save(out)
    before = snapshot(store)
    assert main(["import", str(out), "--db", store.url, "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "1 changed" in text and "AIR.GOOD_DAYS" in text and "163 -> 165" in text
    assert_unchanged(store, before)
    assert main(["import", str(out), "--db", store.url]) == 0
    assert "imported: 0 new, 1 changed" in capsys.readouterr().out
    assert main(["template", "--db", store.url, "--out", str(tmp_path / "t.xlsx"),
                 "--period", "2025H1", "--category", "water"]) == 0
    assert main(["template", "--db", store.url, "--out", str(tmp_path / "t.xlsx"),
                 "--period", "2025H3"]) == 2
    assert "malformed period" in capsys.readouterr().err
