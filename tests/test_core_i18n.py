"""The core's messages in the person's language: English without a translator, Chinese with
the zh_CN one, every marked template translated, and the compiled file up to date."""
from __future__ import annotations

import ast
import gc
import importlib.util
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core import i18n, rows
from core.errors import EcoError, PeriodError, StaleEditError, ValueParseError
from core.periods import Period, parse_period
from core.problems import InputError, Problem
from core.store import Store
from core.values import parse_value

from .stale import stale_pm25_edit

REPO = Path(__file__).resolve().parent.parent
TRANSLATIONS = REPO / "resources" / "translations"
TS = TRANSLATIONS / "ecotracker_zh_CN.ts"


def _update_script():
    spec = importlib.util.spec_from_file_location("translations_update",
                                                  TRANSLATIONS / "update.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


TEMPLATES = _update_script().core_templates(REPO / "core")


def ts_messages(context: str = i18n.CONTEXT) -> dict[str, ET.Element]:
    root = ET.parse(TS).getroot()
    ctx = [c for c in root.findall("context") if c.findtext("name") == context]
    assert len(ctx) == 1, f"no single {context!r} context in {TS.name}"
    return {m.findtext("source"): m.find("translation") for m in ctx[0].findall("message")}


def fields(template: str) -> list[tuple[str, str, str | None]]:
    """(name, format spec, conversion) of each placeholder."""
    return sorted((name, spec, conv) for _, name, spec, conv in string.Formatter().parse(template)
                  if name is not None)


@pytest.fixture
def zh():
    """The zh_CN translations of the .ts installed as the core's translator."""
    table = {src: (t.text or "") for src, t in ts_messages().items()}
    i18n.set_translator(lambda s: table.get(s, ""))
    yield table
    i18n.set_translator(None)


def _raises(fn, *args, **kwargs) -> EcoError:
    with pytest.raises(EcoError) as err:
        fn(*args, **kwargs)
    return err.value


# -- English without a translator -----------------------------------------------------------

def test_without_a_translator_messages_are_the_english_ones():
    assert i18n.translator() is None
    assert str(_raises(parse_period, "2024H3")) == (
        "malformed period '2024H3': use 2024, 2024H1, 2024Q2 or 2024-06")
    assert str(_raises(parse_value, 150, "percent", vmin=0, vmax=100)) == (
        "150 is above the natural maximum 100")
    assert str(_raises(parse_value, "thirty", "number")) == "'thirty' is not a number"
    assert str(StaleEditError("figure AIR.PM25 / chongqing / 2024H1", "37.0", "35.0",
                              version=3)) == (
        "figure AIR.PM25 / chongqing / 2024H1 was changed by someone else since you loaded it "
        "(version 3): you entered 37.0, it now holds 35.0. Reload and edit again.")
    p = Problem("'x' is not a number", "in.xlsx", "Data", 3, "value")
    assert str(p) == "in.xlsx, sheet Data, row 3, column value: 'x' is not a number"
    assert str(InputError([p] * 22)).splitlines()[0] == (
        "22 problem(s) found; nothing was written:")
    assert str(InputError([p] * 22)).splitlines()[-1] == "  ... and 2 more"


# -- Chinese with the zh_CN translator ------------------------------------------------------

def test_a_malformed_period_in_chinese_with_its_text(zh):
    err = _raises(parse_period, "2024H3")
    assert isinstance(err, PeriodError)
    assert str(err) == "期间 '2024H3' 格式有误：请写作 2024、2024H1、2024Q2 或 2024-06"
    assert err.english == "malformed period '2024H3': use 2024, 2024H1, 2024Q2 or 2024-06"
    assert str(_raises(parse_period, "2024-13")) == (
        "期间 '2024-13' 格式有误：月份 13 不在 01..12 之间")


def test_values_out_of_range_and_not_numbers_in_chinese(zh):
    err = _raises(parse_value, 150, "percent", vmin=0, vmax=100)
    assert isinstance(err, ValueParseError)
    assert str(err) == "150 高于自然上限 100"
    assert str(_raises(parse_value, -3, "number", vmin=0)) == "-3 低于自然下限 0"
    assert str(_raises(parse_value, "thirty", "number")) == "'thirty' 不是数字"
    assert str(_raises(parse_value, 12.5, "count")) == "12.5 不是整数（此指标为计数指标）"
    assert str(_raises(parse_value, "VII", "class")).startswith("'VII' 不是水质类别")


def test_a_module_level_template_is_translated_when_the_error_is_made(zh):
    # periods._OUTSIDE was built at import, long before this translator was installed
    assert str(_raises(Period, 2024, "half", 3)) == "半年序号 3 超出范围 1..2"
    assert str(_raises(Period, 1800, "year")) == "年份 1800 超出范围 1900..2200"


def test_a_stale_edit_in_chinese_names_the_figure_and_both_values(store, db_url, zh):
    fig, err = stale_pm25_edit(store, db_url)
    msg = str(err)
    assert msg.startswith(f"自您加载（版本 {fig['version']}）以来，")
    assert "AIR.PM25 / chongqing / 2024年上半年" in msg
    assert "您填写的是 37.0，现为 35.0。请重新加载后再编辑。" in msg
    assert "you entered 37.0, it now holds 35.0" in err.english


def test_input_problems_in_chinese(zh):
    p = Problem("'x' 不是数字", "in.xlsx", "Data", 3, "value")
    assert str(p) == "in.xlsx，工作表 Data，第 3 行，列 value：'x' 不是数字"
    text = str(InputError([p] * 22))
    assert text.splitlines()[0] == "发现 22 个问题，未写入任何内容："
    assert text.splitlines()[-1] == "  ……另有 2 个问题"


def test_the_cli_stays_english_without_a_translator(tmp_path, capsys):
    from core.cli import main

    db = str(tmp_path / "cli.sqlite")
    assert main(["init", "--db", db, "--no-seed"]) == 0
    assert capsys.readouterr().out.strip().endswith(": created, 0 figures")
    assert main(["export", "--db", db, "--out", str(tmp_path / "x.xlsx"), "--from",
                 "2024H3"]) == 2
    assert "malformed period '2024H3'" in capsys.readouterr().err


# -- robustness -----------------------------------------------------------------------------

def test_a_broken_translation_or_translator_falls_back_to_english():
    try:
        i18n.set_translator(lambda s: "坏的 {nope}")
        assert str(_raises(parse_period, "x")).startswith("malformed period 'x'")

        def boom(s):
            raise RuntimeError("translator down")

        i18n.set_translator(boom)
        assert str(_raises(parse_value, "y", "number")) == "'y' is not a number"
    finally:
        i18n.set_translator(None)


# -- the catalogue --------------------------------------------------------------------------

def test_templates_are_found_and_follow_the_rules():
    assert len({t for t, _, _ in TEMPLATES}) >= 80
    for template, path, line in TEMPLATES:
        where = f"{path}:{line}: {template!r}"
        for name, spec, conv in fields(template):
            assert name and name.isidentifier(), f"named placeholders only: {where}"
            assert not spec and not conv, f"format the value before passing it: {where}"
        assert template == template.strip(), f"no leading or trailing blanks: {where}"


def test_no_message_is_translated_at_import():
    """``tr`` runs inside functions only: a module-level ``tr`` would freeze English."""
    bad = []
    for path in sorted((REPO / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                inside.update(id(n) for n in ast.walk(node))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "tr" and id(node) not in inside):
                bad.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not bad, "tr() at import time (use N_ and translate where used): " + ", ".join(bad)


def test_every_core_template_has_a_finished_chinese_translation():
    ts = ts_messages()
    problems = []
    for template, path, line in TEMPLATES:
        t = ts.get(template)
        if t is None:
            problems.append(f"not in {TS.name} (run resources/translations/update.py): "
                            f"{path}:{line} {template!r}")
        elif t.get("type") in ("unfinished", "vanished", "obsolete") or not (t.text or "").strip():
            problems.append(f"untranslated: {path}:{line} {template!r}")
        elif fields(t.text) != fields(template):
            problems.append(f"placeholders differ: {template!r} -> {t.text!r}")
    assert not problems, "\n".join(problems)
    stale = set(ts) - {t for t, _, _ in TEMPLATES}
    assert not stale, f"in the .ts but no longer in core (run update.py): {stale}"


def test_the_compiled_qm_holds_every_core_translation():
    from PySide6.QtCore import QTranslator

    qt = QTranslator()
    assert qt.load("ecotracker_zh_CN", str(TRANSLATIONS))
    ts = ts_messages()
    stale = [t for t, _, _ in TEMPLATES if qt.translate(i18n.CONTEXT, t) != ts[t].text]
    assert not stale, f"the .qm is older than the .ts (run update.py): {stale[:5]}"


# -- messages made far from the window: coherence, cancelled jobs, undo, schema ------------

def _coherence_warnings():
    """One warning of each check, made as the scorecard's process makes them: no translator,
    and the frame pickled across the process boundary."""
    import pickle

    from core.coherence import check
    from tests import frames as F

    assert i18n.translator() is None
    ind = F.indicators(dict(code="S", value_kind="percent", vmin=0, vmax=100),
                       dict(code="D", value_kind="count", unit="days"),
                       dict(code="Z", value_kind="count", cumulative=True), dict(code="P"))
    months = [f"2024-{m:02d}" for m in range(1, 13)]
    vals = [35, 36, 34, 35, 37, 36, 35, 34, 36, 350, 35, 36]
    figs = F.figures(("S", "cq", "2024", 100.0), ("S", "cq", "2025", 100.4),
                     ("D", "cq", "2024Q1", 92), ("Z", "cq", "2024H1", 3800),
                     ("Z", "cq", "2024H2", 3700),
                     *[("P", "cq", p, v) for p, v in zip(months, vals)])
    return pickle.loads(pickle.dumps(check(ind, figs)))


COHERENCE_EN = ["100.4 is outside the natural range 0..100",
                "92 days is more than the 91 days in 2024Q1",
                "a cumulative count fell from 3800 to 3700",
                "350 is far from this series' usual values (median 35.5)"]
COHERENCE_ZH = ["100.4 超出自然范围 0..100",
                "92 天超过 2024年第一季度 的总天数 91 天",
                "累计值由 3800 降至 3700",
                "350 远离该序列的常见数值（中位数 35.5）"]


def test_coherence_warnings_in_english_without_a_translator():
    from core.coherence import messages

    w = _coherence_warnings()
    assert list(w["check"]) == ["outside_limits", "days_exceed_period", "cumulative_fell",
                                "outlier"]
    assert list(w["message"]) == COHERENCE_EN
    assert messages(w) == COHERENCE_EN


def test_coherence_warnings_are_shown_in_the_language_of_the_moment(zh):
    """Made in English (the scorecard's process has no translator), shown in Chinese, and in
    English again after a switch back: the text is made from check and params when shown."""
    from core.coherence import message, messages

    i18n.set_translator(None)
    w = _coherence_warnings()
    i18n.set_translator(lambda s: zh.get(s, ""))
    assert messages(w) == COHERENCE_ZH
    # the English words stay; the period is named as the Chinese text names it
    assert [m.english for m in messages(w)] == [
        m.replace("2024Q1", "2024年第一季度") for m in COHERENCE_EN]
    assert message("cumulative_fell", {"before": "5", "after": "4"}) == "累计值由 5 降至 4"
    i18n.set_translator(None)
    assert messages(w) == COHERENCE_EN


def _openpyxl_temp_files() -> set[str]:
    """openpyxl's temporary sheet files that exist now."""
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    return {f for f in ALL_TEMP_FILES if Path(f).exists()}


def _cancel_on(n: int):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= n
    return cancelled


def test_cancelled_jobs_in_english_without_a_translator(sqlite_store, tmp_path):
    from core.excel import Cancelled
    from core.excel.export import export_workbook
    from core.excel.template import write_template

    out = tmp_path / "out.xlsx"
    with pytest.raises(Cancelled) as err:
        export_workbook(sqlite_store, out, cancelled=_cancel_on(1))
    assert str(err.value) == "the export was cancelled; nothing was written"
    with pytest.raises(Cancelled) as err:
        write_template(sqlite_store, out, "2024H1", cancelled=_cancel_on(1))
    assert str(err.value) == "the template was cancelled; nothing was written"
    assert not out.exists()
    # the older style, a job's name (core/excel/importer.py), still reads as before
    assert str(Cancelled("the import")) == "the import was cancelled; nothing was written"
    assert str(Cancelled("the copy")) == "the copy was cancelled; nothing was written"
    assert str(Cancelled()) == "the job was cancelled; nothing was written"


# Cancelled before the sheets, before writing the file, in the Data rows. Between the two,
# openpyxl's unsaved write-only sheets are closed and their temporary files removed; left to
# the garbage collector they reported "I/O operation on closed file", an error here.
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("at", [1, 2, 3])
def test_a_cancelled_export_says_so_in_chinese(sqlite_store, tmp_path, zh, at):
    from core.excel import Cancelled
    from core.excel.export import export_workbook

    out = tmp_path / "out.xlsx"
    before = _openpyxl_temp_files()
    with pytest.raises(Cancelled) as err:
        export_workbook(sqlite_store, out, cancelled=_cancel_on(at))
    assert str(err.value) == "已取消导出，未写入任何内容"
    assert err.value.english == "the export was cancelled; nothing was written"
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    del err
    gc.collect()  # a sheet left open would report its closed file now, in this test
    assert _openpyxl_temp_files() <= before, "temporary sheet files left behind"


def test_cancelled_template_and_import_in_chinese(sqlite_store, tmp_path, zh):
    from core.excel import Cancelled
    from core.excel.template import write_template

    with pytest.raises(Cancelled) as err:
        write_template(sqlite_store, tmp_path / "t.xlsx", "2024H1", cancelled=_cancel_on(1))
    assert str(err.value) == "已取消生成填报工作簿，未写入任何内容"
    assert str(Cancelled("the import")) == "已取消导入，未写入任何内容"  # the older style
    assert Cancelled("the import").english == "the import was cancelled; nothing was written"
    assert str(Cancelled()) == "已取消操作，未写入任何内容"


def _edits():
    from core.edits import Batch, DeleteRow, UpdateRow

    return (UpdateRow("figure", 12, 1, {"value": 1.0}), UpdateRow("target", 3, 1, {}),
            DeleteRow("indicator", "AIR.PM25", 1),
            Batch([UpdateRow("figure", i, 1, {}) for i in range(3)]))


def test_undo_subjects():
    assert [e.subject for e in _edits()] == ["figure 12", "target 3", "indicator AIR.PM25",
                                            "3 rows"]


def test_undo_subjects_in_chinese(zh):
    assert [e.subject for e in _edits()] == ["数据 12", "目标 3", "指标 AIR.PM25", "3 行"]


def test_lookups_and_schema_refusals_in_chinese(store, db_url, zh):
    from core import queries
    from core.db import make_engine, resolve_url
    from core.errors import DatabaseError, NotFoundError
    from core.schema import SCHEMA_VERSION, meta

    with store.read() as conn:
        assert str(_raises(queries.resolve_area, conn, "Atlantis")) == "未知区域 'Atlantis'"
        err = _raises(queries.resolve_indicator, conn, "NOPE")
        assert isinstance(err, NotFoundError) and str(err) == "未知指标 'NOPE'"
        assert err.english == "unknown indicator 'NOPE'"
        assert str(_raises(queries.resolve_category, conn, "moon")) == "未知类别 'moon'"
    store.close()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as conn:
        conn.execute(meta.update().where(meta.c.key == "schema_version")
                     .values(value=str(SCHEMA_VERSION + 1)))
    engine.dispose()
    err = _raises(Store.open, db_url)
    assert isinstance(err, DatabaseError)
    assert str(err) == (f"数据库结构版本为 {SCHEMA_VERSION + 1}，由较新版本的 EcoTracker 创建；"
                        f"本版本只支持结构版本 {SCHEMA_VERSION}：请更新 EcoTracker")
    assert err.english == (f"the database has schema {SCHEMA_VERSION + 1}, made by a newer "
                           f"EcoTracker; this one knows schema {SCHEMA_VERSION}: update "
                           "EcoTracker")


def test_a_foreign_database_is_refused_in_chinese(tmp_path, zh):
    import sqlalchemy as sa

    from core.errors import DatabaseError

    path = tmp_path / "other.sqlite"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE payroll (id INTEGER)"))
    engine.dispose()
    err = _raises(Store.open, str(path))
    assert isinstance(err, DatabaseError)
    assert str(err) == "数据库中已有其他表（payroll）；EcoTracker 需要空数据库或其专用数据库"
    assert err.english == ("the database already holds other tables (payroll); EcoTracker "
                           "needs an empty database or one of its own")


# -- loading, importing and editing rows: the loader, the workbook reader, rows.py ---------

def _bad_rows():
    import pandas as pd

    return pd.DataFrame({
        "indicator": ["AIR.NOPE", None, "AIR.PM25", "AIR.PM25", "AIR.PM25"],
        "area": ["chongqing", "chongqing", "chongqing", "chongqing", "chongqing"],
        "period": ["2020H1", "2020H1", "2020H2", "2020H2", None],
        "value": ["1", "1", "30", "31", "2"],
        "_row": [3, 4, 5, 6, 7],
    })


LOADER_EN = [
    "in.xlsx, sheet Data, row 3, column A (Indicator code): unknown indicator 'AIR.NOPE'",
    "in.xlsx, sheet Data, row 4, column A (Indicator code): unknown indicator (empty)",
    "in.xlsx, sheet Data, row 6, column E (Value): duplicates row 5 with a different value",
    "in.xlsx, sheet Data, row 7, column D (Period): a period is required",
]
LOADER_ZH = [
    "in.xlsx，工作表 Data，第 3 行，列 A (Indicator code)：未知指标 'AIR.NOPE'",
    "in.xlsx，工作表 Data，第 4 行，列 A (Indicator code)：未填写指标",
    "in.xlsx，工作表 Data，第 6 行，列 E (Value)：与第 5 行重复，但数值不同",
    "in.xlsx，工作表 Data，第 7 行，列 D (Period)：须填写期间",
]


def _loader_problems(store) -> list[str]:
    from core.loader import plan_figures

    headings = {"indicator": "A (Indicator code)", "period": "D (Period)", "value": "E (Value)"}
    with store.read() as conn:
        plan = plan_figures(conn, _bad_rows(), file="in.xlsx", sheet="Data", columns=headings)
    return [str(p) for p in plan.problems]


def test_loader_problems_in_english_without_a_translator(sqlite_store):
    assert _loader_problems(sqlite_store) == LOADER_EN


def test_loader_problems_in_chinese_with_sheet_row_and_column(sqlite_store, zh):
    assert _loader_problems(sqlite_store) == LOADER_ZH
    import pandas as pd

    from core.loader import plan_figures

    with sqlite_store.read() as conn:
        from core import queries

        fig = queries.figures(conn, indicators=["AIR.PM25"], areas=["chongqing"]).iloc[0]
        count = queries.indicators(conn).query("value_kind == 'count'")["code"].iloc[0]
        df = pd.DataFrame({"indicator": [fig["indicator"], count, "AIR.PM25"],
                           "area": ["chongqing"] * 3,
                           "period": [fig["period"], "2020H1", "2020H2"],
                           "value": [fig["value"] + 1, 1.5, 30], "status": ["", "", "maybe"],
                           "version": [fig["version"] + 1, None, None]})
        got = {p.row: p.message for p in plan_figures(conn, df).problems}
    assert got[2] == (f"此工作簿生成后，AIR.PM25 / chongqing / {fig['period']} 已在数据库中被修改"
                      f"（此处为版本 {fig['version'] + 1}，数据库中为版本 {fig['version']}）")
    assert got[3] == "1.5 不是整数（此指标为计数指标）"
    assert got[4] == "状态 'maybe' 无效，须为 final（正式）或 provisional（初步）"


def _pm25_2024h1(store) -> dict:
    from core import queries

    with store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"], areas=["chongqing"])
    return f[f["period"] == "2024H1"].iloc[0].to_dict()


def _refused(store, fn) -> EcoError:
    with pytest.raises(EcoError) as err:
        with store.write() as conn:
            fn(conn)
    return err.value


def test_stale_deletes_and_conflicts_from_rows_in_english(sqlite_store):
    fig = _pm25_2024h1(sqlite_store)
    v = fig["version"]
    with sqlite_store.write() as conn:
        rows.update(conn, "figure", fig["id"], v, {"value": 35.0}, who="other desk")
    err = _refused(sqlite_store, lambda c: rows.delete(c, "figure", fig["id"], v, who="me"))
    assert isinstance(err, StaleEditError) and err.deleted is False
    assert str(err) == (f"figure AIR.PM25 / chongqing / 2024H1 was changed by someone else "
                        f"since you loaded it (version {v}): you entered a deletion, it now "
                        "holds 35.0. Reload and edit again.")
    err = _refused(sqlite_store, lambda c: rows.update(c, "figure", 999999, 2, {"value": 1.0},
                                                       who="me"))
    assert str(err) == "figure 999999 was deleted by someone else since you loaded it (version 2)."
    values = {k: fig[k] for k in ("indicator", "area", "period")} | {"value": 1.0}
    err = _refused(sqlite_store, lambda c: rows.insert(c, "figure", values, who="me"))
    assert str(err) == "figure AIR.PM25 / chongqing / 2024H1 already exists; edit it instead"


def test_stale_deletes_and_conflicts_from_rows_in_chinese(sqlite_store, zh):
    fig = _pm25_2024h1(sqlite_store)
    v = fig["version"]
    with sqlite_store.write() as conn:
        rows.update(conn, "figure", fig["id"], v, {"value": 35.0}, who="other desk")
    err = _refused(sqlite_store, lambda c: rows.delete(c, "figure", fig["id"], v, who="me"))
    assert isinstance(err, StaleEditError)
    assert str(err) == (f"自您加载（版本 {v}）以来，数据 AIR.PM25 / chongqing / 2024年上半年 已被他人"
                        "修改：您要将其删除，它现为 35.0。请重新加载后再编辑。")
    assert err.english.endswith("you entered a deletion, it now holds 35.0. Reload and edit "
                                "again.")
    err = _refused(sqlite_store, lambda c: rows.update(c, "figure", 999999, 2, {"value": 1.0},
                                                       who="me"))
    assert str(err) == "自您加载（版本 2）以来，数据 999999 已被他人删除。"
    err = _refused(sqlite_store, lambda c: rows.matching(c, "target", 999999, {"value": 1.0}))
    assert str(err) == "自您加载以来，目标 999999 已被他人删除。"
    values = {k: fig[k] for k in ("indicator", "area", "period")} | {"value": 1.0}
    err = _refused(sqlite_store, lambda c: rows.insert(c, "figure", values, who="me"))
    assert str(err) == "数据 AIR.PM25 / chongqing / 2024年上半年 已存在，请改为编辑现有记录"
    err = _refused(sqlite_store, lambda c: rows.delete(c, "indicator", "AIR.PM25", 1, who="me"))
    assert str(err).startswith("指标 AIR.PM25 仍有 ") and str(err).endswith(" 条数据；请先删除这些数据")
    target = {"indicator": "AIR.PM25", "area": "chongqing", "period": "2025", "kind": "standard"}
    assert rows.describe(target, "target") == "目标 AIR.PM25 / chongqing / 2025年（standard）"


def test_an_import_preview_and_its_refusals_in_chinese(sqlite_store, tmp_path, zh):
    from core.excel.export import export_workbook
    from core.excel.importer import read_import

    path = tmp_path / "meeting.xlsx"
    export_workbook(sqlite_store, path)
    preview = read_import(sqlite_store, path)
    n = preview.rows
    assert preview.summary() == (f"meeting.xlsx，工作表 Data：共 {n} 行；新增 0 条，修改 0 条，"
                                 f"未变 {n} 条，问题 0 个")
    assert preview.summary().english == (f"meeting.xlsx, sheet Data: {n} rows; 0 new, 0 changed, "
                                         f"{n} unchanged, 0 problems")
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "hello"
    wb.save(tmp_path / "other.xlsx")
    err = _raises(read_import, sqlite_store, tmp_path / "other.xlsx")
    assert str(err).startswith("other.xlsx 中没有含“指标代码”“地区”“期间”“数值”列")
