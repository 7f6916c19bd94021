"""The charts sheet: a native Excel line chart per indicator, laid out in a grid.

Each chart plots the actual values of up to :data:`MAX_AREAS` areas (the municipality first,
then the areas with most figures) as series, and the target of the first charted area that has
targets as a dashed series of its own. Like the window's plot, a line joins the figures of the
indicator's ``period_type`` only (:func:`core.trend.line_figures`). The numbers behind the
charts are on a ``Chart data`` sheet, so the charts stay live Excel charts a colleague can
restyle; its periods are named as people read them in the workbook's language.
"""
from __future__ import annotations

import pandas as pd
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.worksheet.dimensions import SheetFormatProperties
from openpyxl.worksheet.pagebreak import Break
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import (CharacterProperties, Paragraph, ParagraphProperties,
                                   RegularTextRun)

from .. import present
from ..periods import period_label, period_sort_key
from ..trend import line_figures
from .styles import HEADER_FONT, HEADER_FILL, SUBTITLE, TITLE, clean_text, print_setup, text_cell

MAX_AREAS = 8
PER_ROW = 2
# The grid is laid out on columns and rows of fixed size (Excel and Calc differ in their
# defaults), so two charts side by side fit A4 landscape and page breaks fall between charts.
COL_WIDTH = 8.5                # characters: about 1.8 cm
ROW_HEIGHT = 15                # points: 0.53 cm
COLS_PER_CHART = 7             # 12.6 cm
ROWS_PER_CHART = 15            # 7.9 cm
CHART_W, CHART_H = 11.6, 7.3   # cm
CHART_ROWS_PER_PAGE = 2
TEXTS = {"en": {"title": "Trends: actual by area, with target", "target": "Target",
                "period": "Period", "more": "showing {n} of {total} areas",
                "empty": "No figures to chart."},
         "zh_CN": {"title": "趋势：各地区实际值与目标", "target": "目标", "period": "期间",
                   "more": "显示 {total} 个地区中的 {n} 个", "empty": "没有可绘制的数据。"}}


def _t(lang: str) -> dict:
    return TEXTS["zh_CN" if lang.startswith("zh") else "en"]


def _blocks(figs: pd.DataFrame, targets: pd.DataFrame, indicators: pd.DataFrame,
            areas: pd.DataFrame, lang: str):
    """Yield (indicator row, table DataFrame indexed by period, note) per charted indicator."""
    nc = present.name_col(lang)
    area_name = areas.set_index("code")[nc]
    a = areas.set_index("code")
    rank = {c: (lvl != "municipality", srt) for c, lvl, srt in zip(a.index, a["level"], a["sort"])}
    t = _t(lang)
    by_ind = dict(tuple(figs.groupby("indicator", sort=False)))
    tg_ind = dict(tuple(targets.groupby("indicator", sort=False))) if len(targets) else {}
    for ind in indicators.itertuples(index=False):
        f = by_ind.get(ind.code)
        if f is None or f.empty:
            continue
        f = line_figures({"period_type": getattr(ind, "period_type", "")}, f)
        counts = f.groupby("area").size()
        order = sorted(counts.index, key=lambda c: (rank.get(c, (True, 0))[0], -counts[c],
                                                    rank.get(c, (True, 0))[1]))
        chosen = order[:MAX_AREAS]
        f = f[f["area"].isin(chosen)]
        wide = f.pivot_table(index="period", columns="area", values="value", aggfunc="first")
        wide = wide[[a for a in chosen if a in wide.columns]]
        wide.columns = [area_name.get(a, a) for a in wide.columns]
        tg = tg_ind.get(ind.code)
        if tg is not None:
            tg = tg[tg["area"].isin(chosen)]
        if tg is not None and len(tg):
            first = next(a for a in chosen if a in set(tg["area"]))
            tv = tg[tg["area"] == first].drop_duplicates("period").set_index("period")["value"]
            wide = wide.reindex(wide.index.union(tv.index))
            wide[f"{t['target']}: {area_name.get(first, first)}"] = tv
        wide = wide.loc[sorted(wide.index, key=period_sort_key)]
        note = t["more"].format(n=len(chosen), total=len(counts)) if len(counts) > len(chosen) else ""
        yield ind, wide, note


def write_chart_sheets(charts_ws, data_ws, figs: pd.DataFrame, targets: pd.DataFrame,
                       indicators: pd.DataFrame, areas: pd.DataFrame, lang: str) -> int:
    """Write chart data to ``data_ws`` and one line chart per indicator onto ``charts_ws``.

    Both are write-only worksheets. Returns the number of charts.
    """
    t = _t(lang)
    nc = present.name_col(lang)
    for i in range(PER_ROW * COLS_PER_CHART):
        charts_ws.column_dimensions[_letter(i)].width = COL_WIDTH
    charts_ws.sheet_format = SheetFormatProperties(defaultRowHeight=ROW_HEIGHT, customHeight=True)
    # In write-only mode the sheet's properties go out with its first row: set them first.
    print_setup(charts_ws, footer=t["title"])
    charts_ws.print_options.horizontalCentered = False
    charts_ws.append([_c(charts_ws, t["title"], TITLE)])
    data_ws.column_dimensions["A"].width = 12
    row = 1
    n = 0
    for ind, wide, note in _blocks(figs, targets, indicators, areas, lang):
        unit = present.unit_text(ind.unit, getattr(ind, "unit_zh", ""), lang)
        title = f"{getattr(ind, nc)} ({unit})" if unit else str(getattr(ind, nc))
        data_ws.append([_c(data_ws, f"{ind.code}: {title}", SUBTITLE)])
        hdr = row + 1
        data_ws.append([_c(data_ws, t["period"], HEADER_FONT, HEADER_FILL)]
                       + [_c(data_ws, str(c), HEADER_FONT, HEADER_FILL) for c in wide.columns])
        for period, vals in wide.iterrows():  # the category axis: periods as people read them
            data_ws.append([period_label(period, lang)]
                           + [None if pd.isna(v) else float(v) for v in vals])
        data_ws.append([])
        last = hdr + len(wide)
        row = last + 2

        chart = LineChart()
        chart.title = _title(clean_text(title + (f" — {note}" if note else "")))
        chart.width, chart.height = CHART_W, CHART_H
        chart.display_blanks = "span"
        chart.legend.position = "b"
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        chart.x_axis.number_format = "@"
        if ind.value_kind == "class":
            chart.y_axis.scaling.min, chart.y_axis.scaling.max = 1, 6
            chart.y_axis.scaling.orientation = "maxMin"  # class I (best) at the top
        chart.layout = Layout(ManualLayout(x=0.02, y=0.12, w=0.96, h=0.62))
        chart.add_data(Reference(data_ws, min_col=2, max_col=1 + wide.shape[1], min_row=hdr,
                                 max_row=last), titles_from_data=True)
        chart.set_categories(Reference(data_ws, min_col=1, min_row=hdr + 1, max_row=last))
        for i, s in enumerate(chart.series):
            s.smooth = False
            s.marker.symbol = "circle"
            s.marker.size = 5
            if str(wide.columns[i]).startswith(t["target"]):
                s.graphicalProperties.line.dashStyle = "dash"
                s.graphicalProperties.line.solidFill = "C00000"
                s.marker.symbol = "diamond"
                s.marker.graphicalProperties.solidFill = "C00000"
                s.marker.graphicalProperties.line.solidFill = "C00000"
        r0 = 3 + (n // PER_ROW) * ROWS_PER_CHART
        c0 = (n % PER_ROW) * COLS_PER_CHART
        charts_ws.add_chart(chart, f"{_letter(c0)}{r0}")
        n += 1
    if n == 0:
        charts_ws.append([_c(charts_ws, t["empty"], SUBTITLE)])
    else:  # printing scales the chart grid, not just the used cells, to one page wide
        grid_rows = -(-n // PER_ROW)
        rows = 2 + grid_rows * ROWS_PER_CHART
        for r in range(2, rows + 1):  # explicit heights: Calc ignores the default row height
            charts_ws.row_dimensions[r].height = ROW_HEIGHT
            charts_ws.append([])
        for k in range(CHART_ROWS_PER_PAGE, grid_rows, CHART_ROWS_PER_PAGE):
            charts_ws.row_breaks.append(Break(id=2 + k * ROWS_PER_CHART))
        charts_ws.print_area = f"A1:{_letter(PER_ROW * COLS_PER_CHART)}{rows}"
    data_ws.sheet_state = "hidden"  # the numbers behind the charts; Data has the figures
    return n


def _title(text: str) -> Title:
    """A chart title at 11 pt (Excel and Calc default to a large 18 pt one)."""
    cp = CharacterProperties(sz=1100, b=True)
    para = Paragraph(pPr=ParagraphProperties(defRPr=cp), r=[RegularTextRun(rPr=cp, t=text)])
    return Title(tx=Text(rich=RichText(p=[para])), overlay=False)


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def _c(ws, value, font=None, fill=None):
    c = text_cell(ws, value)
    if font is not None:
        c.font = font
    if fill is not None:
        c.fill = fill
    return c
