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
from openpyxl.chart.label import DataLabel, DataLabelList
from openpyxl.chart.legend import LegendEntry
from openpyxl.chart.marker import DataPoint, Marker
from openpyxl.chart.shapes import GraphicalProperties
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
from ..values import CLASS_NAMES, CLASS_NAMES_ZH, class_name
from .styles import (HEADER_FONT, HEADER_FILL, SUBTITLE, TITLE, clean_text, number_format,
                     print_setup, text_cell)

MAX_AREAS = 8
TARGET_COLOUR = "C00000"
# the areas' lines: Okabe-Ito, less its vermillion (too near the target's red)
AREA_COLOURS = ("0072B2", "E69F00", "009E73", "56B4E9", "CC79A7", "000000", "F0E442",
                "999999")
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
                "empty": "No figures to chart.",
                "singles": "Indicators with one figure so far (no trend to draw; ◌ "
                           "provisional or derived)",
                "single_head": ("Indicator", "", "", "", "Area", "Period", "", "Value", "")},
         "zh_CN": {"title": "趋势：各地区实际值与目标", "target": "目标", "period": "期间",
                   "more": "显示 {total} 个地区中的 {n} 个", "empty": "没有可绘制的数据。",
                   "singles": "目前只有一个数据的指标（无法绘制趋势；◌ 为初步数或推算值）",
                   "single_head": ("指标", "", "", "", "地区", "期间", "", "数值", "")}}


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
        # provisional or derived figures: hollow markers (core.marks), as on the plot
        flags = f.assign(_h=_hollow(f)).pivot_table(index="period", columns="area",
                                                    values="_h", aggfunc="max")
        hollow = flags.reindex(index=wide.index, columns=wide.columns).fillna(0).astype(bool)
        wide.columns = [area_name.get(a, a) for a in wide.columns]
        hollow.columns = list(wide.columns)
        tg = tg_ind.get(ind.code)
        if tg is not None:
            tg = tg[tg["area"].isin(chosen)]
        if tg is not None and len(tg):
            first = next(a for a in chosen if a in set(tg["area"]))
            tv = tg[tg["area"] == first].drop_duplicates("period").set_index("period")["value"]
            wide = wide.reindex(wide.index.union(tv.index))
            wide[f"{t['target']}: {area_name.get(first, first)}"] = tv
        wide = wide.loc[sorted(wide.index, key=period_sort_key)]
        hollow = hollow.reindex(index=wide.index).fillna(False).astype(bool)
        note = t["more"].format(n=len(chosen), total=len(counts)) if len(counts) > len(chosen) else ""
        yield ind, wide, note, hollow


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
    singles = []  # indicators with one point: one compact table, not a chart each
    for ind, wide, note, hollow in _blocks(figs, targets, indicators, areas, lang):
        unit = present.unit_text(ind.unit, getattr(ind, "unit_zh", ""), lang)
        title = f"{getattr(ind, nc)} ({unit})" if unit else str(getattr(ind, nc))
        areas_only = wide[[c for c in wide.columns if not str(c).startswith(t["target"])]]
        if int(areas_only.notna().any(axis=1).sum()) < 2:
            for area, values in areas_only.items():
                for period, v in values.dropna().items():
                    singles.append((title, str(area), period_label(period, lang), v, ind,
                                    bool(hollow.at[period, area])))
            continue
        cls = ind.value_kind == "class"
        if cls:  # helper columns: one constant line per class, labelled on the left
            names = CLASS_NAMES_ZH if lang.startswith("zh") else CLASS_NAMES
            for k, name in enumerate(names, start=1):
                wide[f"\u200b{name}"] = float(k)
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
        if cls:  # a I–V axis: the helper lines' labels name the classes, the numbers hidden
            chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0.5, 6.5
            chart.y_axis.scaling.orientation = "maxMin"  # class I (best) at the top
            chart.y_axis.majorUnit = 1
            chart.y_axis.tickLblPos = "none"
            chart.y_axis.number_format = '""'  # (where tickLblPos is not honoured)
            chart.x_axis.crosses = "max"  # the periods at the bottom, under class 劣V
        chart.layout = Layout(ManualLayout(x=0.02, y=0.12, w=0.96, h=0.62))
        chart.add_data(Reference(data_ws, min_col=2, max_col=1 + wide.shape[1], min_row=hdr,
                                 max_row=last), titles_from_data=True)
        chart.set_categories(Reference(data_ws, min_col=1, min_row=hdr + 1, max_row=last))
        n_areas = 0
        for i, s in enumerate(chart.series):
            s.smooth = False
            s.marker.symbol = "circle"
            s.marker.size = 5
            column = str(wide.columns[i])
            if column.startswith("\u200b"):  # a class line of the I–V axis
                _axis_line(s, column[1:], chart, i)
            elif column.startswith(t["target"]):
                s.graphicalProperties.line.dashStyle = "dash"
                s.graphicalProperties.line.solidFill = TARGET_COLOUR
                s.marker.symbol = "diamond"
                s.marker.graphicalProperties.solidFill = TARGET_COLOUR
                s.marker.graphicalProperties.line.solidFill = TARGET_COLOUR
            else:  # an area: its own colour, never the target's
                colour = AREA_COLOURS[n_areas % len(AREA_COLOURS)]
                n_areas += 1
                s.graphicalProperties.line.solidFill = colour
                s.marker.graphicalProperties.solidFill = colour
                s.marker.graphicalProperties.line.solidFill = colour
                s.dPt = [_hollow_point(j, colour) for j, h in
                         enumerate(hollow[column].tolist() if column in hollow else []) if h]
        r0 = 3 + (n // PER_ROW) * ROWS_PER_CHART
        c0 = (n % PER_ROW) * COLS_PER_CHART
        charts_ws.add_chart(chart, f"{_letter(c0)}{r0}")
        n += 1
    rows = 1
    if n == 0 and not singles:
        charts_ws.append([_c(charts_ws, t["empty"], SUBTITLE)])
    elif n:  # printing scales the chart grid, not just the used cells, to one page wide
        grid_rows = -(-n // PER_ROW)
        rows = 2 + grid_rows * ROWS_PER_CHART
        for r in range(2, rows + 1):  # explicit heights: Calc ignores the default row height
            charts_ws.row_dimensions[r].height = ROW_HEIGHT
            charts_ws.append([])
        for k in range(CHART_ROWS_PER_PAGE, grid_rows, CHART_ROWS_PER_PAGE):
            charts_ws.row_breaks.append(Break(id=2 + k * ROWS_PER_CHART))
    if singles:
        rows = _singles_table(charts_ws, singles, rows, lang)
    if n or singles:
        charts_ws.print_area = f"A1:{_letter(PER_ROW * COLS_PER_CHART)}{rows}"
    data_ws.sheet_state = "hidden"  # the numbers behind the charts; Data has the figures
    return n


def _hollow(f: pd.DataFrame) -> pd.Series:
    out = pd.Series(False, index=f.index)
    if "status" in f:
        out |= f["status"] == "provisional"
    if "derived" in f:
        out |= f["derived"].fillna(False).astype(bool)
    return out.astype(int)


def _hollow_point(idx: int, colour: str) -> DataPoint:
    """A provisional or derived figure's marker: an empty circle ringed in its colour."""
    props = GraphicalProperties(noFill=True)
    props.line.solidFill = colour
    return DataPoint(idx=idx, marker=Marker(symbol="circle", size=6, spPr=props))


def _axis_line(s, name: str, chart, i: int) -> None:
    """A class's constant helper line: invisible, its name at the left end (the axis label),
    out of the legend."""
    s.graphicalProperties.line.noFill = True
    s.marker.symbol = "none"
    off = dict(showCatName=False, showLegendKey=False, showPercent=False,
               showBubbleSize=False)
    # the label is the series' name (the class), at the first point, left of the plot
    s.dLbls = DataLabelList(dLbl=[DataLabel(idx=0, showVal=False, showSerName=True,
                                            dLblPos="l", **off)],
                            showVal=False, showSerName=False, **off)
    chart.legend.legendEntry.append(LegendEntry(idx=i, delete=True))


def _singles_table(ws, singles: list, row: int, lang: str) -> int:
    """The indicators with a single point, as one compact table under the charts; returns
    the last row written."""
    t = _t(lang)
    ws.append([])
    ws.append([_c(ws, t["singles"], SUBTITLE)])
    ws.append([_c(ws, h, HEADER_FONT, HEADER_FILL) for h in t["single_head"]])
    row += 3
    for title, area, period, v, ind, hollow in singles:
        kind = ind.value_kind
        shown = class_name(v, lang) if kind == "class" else float(v)
        cells = [_c(ws, title), None, None, None, _c(ws, area), _c(ws, period), None, shown,
                 _c(ws, "◌" if hollow else "")]
        if kind != "class":
            from openpyxl.cell import WriteOnlyCell

            c = WriteOnlyCell(ws, shown)
            c.number_format = number_format(kind, int(ind.decimals))
            cells[7] = c
        ws.append(cells)
        row += 1
    return row


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
