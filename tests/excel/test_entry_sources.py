"""The entry workbook's Source column: an existing source found by its title, a new one made
once however many rows name it, the preview saying so, in both languages."""
from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import func, select

from core import queries, schema
from core.excel.importer import apply_import, read_import
from core.excel.template import write_template

NEW = "2026年上半年全市生态环境质量通报"


def _fill(path, out, lang, values):
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    head = [c.value for c in ws[4]]
    col = {h: openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(head)}
    names = {"en": ("Indicator code", "Value", "Source"), "zh_CN": ("指标代码", "数值", "来源")}
    code_h, value_h, source_h = names[lang]
    rows = {ws[f"{col[code_h]}{r}"].value: r for r in range(5, ws.max_row + 1)}
    for code, (value, source) in values.items():
        ws[f"{col[value_h]}{rows[code]}"] = value
        ws[f"{col[source_h]}{rows[code]}"] = source
    wb.save(out)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_new_source_made_once(store, tmp_path, lang):
    path = tmp_path / "entry.xlsx"
    write_template(store, path, "2026H1", area="Chongqing", lang=lang)
    existing = "Chongqing H1 2025 press conference: zero-waste city, recycling, water and " \
               "air governance"
    filled = tmp_path / "filled.xlsx"
    _fill(path, filled, lang, {"AIR.GOOD_DAYS": (170, NEW), "AIR.PM25": (30.1, NEW),
                               "AIR.EXCELLENT_DAYS": (80, existing.upper()),
                               "AIR.PERF_AB_NEW": (20, None)})
    preview = read_import(store, filled)
    assert preview.ok, preview.plan.problems
    assert [s["title"] for s in preview.new_sources] == [NEW]
    assert f"new source: {NEW}" in preview.summary()
    with store.read() as conn:
        n_src = conn.execute(select(func.count()).select_from(schema.sources)).scalar()
    apply_import(store, preview)
    with store.read() as conn:
        sources = queries.sources(conn)
        figs = queries.figures(conn, areas=["chongqing"]).set_index(["indicator", "period"])
        logged = conn.execute(select(func.count()).select_from(schema.changelog).where(
            schema.changelog.c.entity == "source")).scalar()
    assert len(sources) == n_src + 1 and logged == 1
    new_id = sources[sources["title"] == NEW]["id"].iloc[0]
    assert figs.loc[("AIR.GOOD_DAYS", "2026H1"), "source"] == new_id
    assert figs.loc[("AIR.PM25", "2026H1"), "source"] == new_id
    assert figs.loc[("AIR.EXCELLENT_DAYS", "2026H1"), "source"] == "cq-2025h1"
    assert not isinstance(figs.loc[("AIR.PERF_AB_NEW", "2026H1"), "source"], str)
    # importing the same workbook again makes no second source
    again = read_import(store, filled)
    assert again.new_sources == () and again.nothing_to_do


def test_a_refused_source_name_is_a_problem_with_its_row(store):
    import pandas as pd

    from core.excel.named_sources import resolve

    df = pd.DataFrame({"indicator": ["AIR.PM25"] * 2, "source_text": ["ok", "bad\x07"],
                       "_row": [5, 6]})
    with store.read() as conn:
        out, new, problems = resolve(conn, df, file="e.xlsx", sheet="Entry",
                                     heading="L (Source)")
    assert [s["title"] for s in new] == ["ok"]
    assert len(problems) == 1 and problems[0].row == 6 and problems[0].column == "L (Source)"
    assert "control character" in str(problems[0])
    assert out["source"].tolist() == [new[0]["id"], ""]
