"""The scorecard sheet: one row per indicator x area, statuses coloured and worded as in the
window (:mod:`core.vocabulary`)."""
from __future__ import annotations

import pandas as pd
from openpyxl.utils import get_column_letter

from .. import convention, marks, present, vocabulary
from ..rounding import rounded
from ..values import class_name, qualifier_label
from .styles import (CENTER, MID, GRID, HEADER_ALIGN, HEADER_FILL, HEADER_FONT,
                     SUBTITLE, TITLE, WRAP, number_format, print_setup, row_height, status_style,
                     styled_cell, text_lines)

COLUMNS = [  # field, English, Chinese, width
    ("category", "Category", "类别", 16),
    ("indicator", "Indicator", "指标", 42),
    ("area", "Area", "地区", 16),
    ("unit", "Unit", "单位", 10),
    ("latest_period", "Latest period", "最新期间", 10),
    ("qualifier", "Qualifier", "限定词", 10),
    ("latest_value", "Latest value", "最新数值", 12),
    ("target", "Target", "目标", 14),
    ("target_period", "Target period", "目标期间", 10),
    ("gap", "Gap", "差距", 10),
    ("change", "Change", "变化", 10),
    ("period_status", "Period status", "本期状态", 14),
    ("course_status", "Course status", "进度状态", 18),
    ("previous", "A year earlier", "上年同期", 16),  # value (period): core.present
    ("marks", "Marks", "标记", 16),  # provisional, derived, older: core.marks
]
HEADER_ROW = 6
# The latest period of a figure whose half-year is not approved yet is shown with a "*" by
# its cell's format: the cell keeps the period itself (a filter, a formula, an import read it)
PENDING_FORMAT = '@" *"'
TEXTS = {
    "en": {"title": "Environmental indicators: target against actual", "as_of": "As of",
           "filters": "Filters", "generated": "Generated", "none": "none (everything)",
           "category": "category", "area": "area", "from": "from", "to": "to",
           "empty": "No figures match these filters.",
           "pending": "* the half-year of this figure is not approved yet", "marks": "Marks"},
    "zh_CN": {"title": "生态环境指标目标完成情况", "as_of": "截至", "filters": "筛选条件",
              "generated": "生成时间", "none": "无（全部）", "category": "类别", "area": "地区",
              "from": "起", "to": "止", "empty": "没有符合筛选条件的数据。",
              "pending": "* 该数据所属期间尚未审核", "marks": "标记"},
}


def texts(lang: str) -> dict:
    return TEXTS["zh_CN" if lang.startswith("zh") else "en"]


def _cell(ws, value, font=None, fill=None, align=None, fmt=None, border=None):
    if align is None and border is not None:
        align = MID
    return styled_cell(ws, value, font, fill, align, fmt, border)


def write_scorecard_sheet(ws, sc: pd.DataFrame, categories: pd.DataFrame, areas: pd.DataFrame,
                          lang: str, *, as_of: str, filters: str, generated: str,
                          pending: set | None = None) -> None:
    """Write the scorecard (``core.status.scorecard`` output) into a write-only worksheet.
    ``pending``: the (area, period) not approved yet, whose latest period gets a ``*``."""
    t = texts(lang)
    zh = lang.startswith("zh")
    nc = present.name_col(lang)
    ncols = len(COLUMNS)
    last = get_column_letter(ncols)
    for i, (_, _, _, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(len(sc), 1)}"
    print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", footer=t["title"])
    # a print area on every sheet meant for paper (the charts have theirs): the Data sheet,
    # with none, is then left out when the workbook is printed whole
    ws.print_area = f"A1:{last}{HEADER_ROW + max(len(sc), 1)}"
    ws.merged_cells.add(f"A1:{last}1")
    ws.row_dimensions[1].height = 26
    ws.append([_cell(ws, t["title"], TITLE)])
    for key, text in (("as_of", as_of), ("filters", filters), ("generated", generated)):
        ws.append([_cell(ws, t[key], SUBTITLE), _cell(ws, text, SUBTITLE)])
    # the marks' legend (core.marks), and a word on half-years not approved yet
    ws.append([_cell(ws, t["marks"], SUBTITLE), _cell(ws, marks.legend(lang), SUBTITLE)]
              + ([None] * 5 + [_cell(ws, t["pending"], SUBTITLE)] if pending else []))
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.append([_cell(ws, zh_ if zh else en, HEADER_FONT, HEADER_FILL, HEADER_ALIGN, border=GRID)
               for _, en, zh_, _ in COLUMNS])
    if sc.empty:
        ws.append([_cell(ws, t["empty"], SUBTITLE)])
        return
    cat = categories.set_index("code")[nc]
    area = areas.set_index("code")[nc]
    widths = {f: w for f, _, _, w in COLUMNS}
    periods = present.PeriodNames(lang)  # 2025年上半年 in Chinese, once per distinct code
    shown = present.scorecard_table(sc, areas, lang)  # the window's "a year earlier", marks
    previous, row_marks = shown["previous_shown"].tolist(), marks.of_rows(sc)
    row = HEADER_ROW
    for k, r in enumerate(sc.itertuples(index=False)):
        row += 1
        name = f"{getattr(r, nc)}\n{r.indicator}"
        ws.row_dimensions[row].height = row_height(max(
            text_lines(name, widths["indicator"]),
            text_lines(cat.get(r.category, r.category), widths["category"]),
            text_lines(area.get(r.area, r.area), widths["area"])))
        kind, dec = r.value_kind, int(r.decimals)
        fmt = number_format(kind, dec)

        measure = convention.measure_of(kind, r.unit if isinstance(r.unit, str) else "",
                                        bool(getattr(r, "day_count", False) or False))

        def num(v, f=fmt):
            if pd.isna(v):
                return _cell(ws, None, border=GRID)
            if kind == "class":
                return _cell(ws, class_name(v, lang), align=CENTER, border=GRID)
            # rounded here by GB/T 8170: Excel's own formats round half away from zero
            return _cell(ws, rounded(v, dec), fmt=f, border=GRID)

        def signed(v, pct, what):
            got = convention.delta_value(v, pct, measure=measure, decimals=dec, what=what)
            if got is None:
                return _cell(ws, None, border=GRID)
            return _cell(ws, got, fmt=convention.excel_delta(
                measure=measure, decimals=dec, lang=lang, what=what), border=GRID)

        def status(code, words=None):
            fill, font = status_style(code)
            return _cell(ws, (words if words is not None else vocabulary.words(code, lang))
                         or None, font, fill, CENTER, border=GRID)

        ws.append([
            _cell(ws, cat.get(r.category, r.category), align=WRAP, border=GRID),
            _cell(ws, name, align=WRAP, border=GRID),
            _cell(ws, area.get(r.area, r.area), align=WRAP, border=GRID),
            _cell(ws, present.unit_text(r.unit, getattr(r, "unit_zh", ""), lang), align=WRAP,
                  border=GRID),
            _cell(ws, periods(r.latest_period) or None, align=CENTER, border=GRID,
                  fmt=PENDING_FORMAT if pending and (r.area, r.latest_period) in pending
                  else None),
            _cell(ws, qualifier_label(r.qualifier, lang) if isinstance(r.qualifier, str)
                  else None, border=GRID),
            num(r.latest_value),
            _cell(ws, present.scorecard_target(r, lang) or None, align=CENTER, border=GRID),
            _cell(ws, periods(r.target_period) or None, align=CENTER, border=GRID),
            signed(r.gap, r.gap_pct, "gap"),
            signed(r.change, r.change_pct, "change"),
            status(r.period_status, present.period_status_text(r, lang)),
            status(r.course_status),
            _cell(ws, previous[k] or None, align=CENTER, border=GRID),
            _cell(ws, marks.text(row_marks[k], lang) or None, align=WRAP, border=GRID),
        ])



def as_of(sc: pd.DataFrame, lang: str = "en") -> str:
    """The latest period any row of the scorecard is as of, as people read it in ``lang``."""
    from ..periods import period_label, period_sort_key

    periods = [p for p in sc.get("latest_period", pd.Series(dtype=object)).dropna().unique()]
    return period_label(max(periods, key=period_sort_key), lang) if periods else "—"
