"""The entry workbook a district fills in: one row per indicator x area for one period.

Only the entry columns (value, qualifier, note) are unlocked; each entry cell carries Excel
data validation (a number within the indicator's natural range, whole numbers for counts, a
list for water classes and qualifiers). The last known value sits beside the empty entry cell.
An instructions sheet says, in English and Chinese, how to fill it in and send it back.

Only indicators reported in the workbook's period type get a row (their ``period_types``): a
workbook for 2026Q1 lists the indicators taken by quarter, and when there are none no workbook
is written and the error says so. The Chinese workbook names periods the Chinese way
(``2026年上半年``), in its Period column too: the import reads them back
(:func:`core.periods.parse_period`).
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .. import present, queries
from ..errors import EcoError
from ..i18n import tr
from ..periods import kind_names, parse_period, period_label, period_ord
from ..periods import shown as shown_period
from ..rules import period_types
from ..store import Store
from ..values import CLASS_NAMES, CLASS_NAMES_ZH, QUALIFIER_LABELS, class_name
from . import Cancelled, never, no_progress
from .files import cannot_write, check_destination, part_files, publish
from .headers import ENTRY_COLUMNS, ENTRY_FIELDS, heading, sheet_name
from .styles import (ENTRY_FILL, GRID, HEADER_ALIGN, HEADER_FILL, HEADER_FONT, LOCKED_FILL,
                     SUBTITLE, TITLE, UNLOCKED, WRAP, MID, clean_text, number_format, print_setup,
                     defuse_formulas, row_height, text_lines)

HEADER_ROW = 4
WIDTHS = {"indicator": 36, "name": 40, "area": 16, "period": 9, "unit": 10, "range": 20,
          "last_period": 10, "last_value": 12, "value": 14, "qualifier": 12, "note": 40,
          "comment": 30, "followup": 10, "source_text": 36, "version": 8}
TEXTS = {
    "en": {"title": "Entry workbook: {period}", "hint": "Fill in the yellow cells only (Value, "
           "and if needed Qualifier and Note), then send the workbook back. See the "
           "Instructions sheet.", "any": "any number", "whole": "whole number",
           "classes": "class I–V or worse than V", "bad": "Not allowed",
           "bad_value": "Enter {what}.", "prompt": "Allowed: {what}"},
    "zh_CN": {"title": "数据填报表：{period}", "hint": "只填写黄色单元格（数值，必要时填写限定词和备注），"
              "然后将工作簿发回。详见“填报说明”工作表。", "any": "任意数值", "whole": "整数",
              "classes": "Ⅰ类至Ⅴ类或劣Ⅴ类", "bad": "数值不符合要求",
              "bad_value": "请输入{what}。", "prompt": "允许：{what}"},
}
INSTRUCTIONS = [
    ("How to fill in this workbook", "填报方法"),
    ("1. On the Entry sheet, type this period's figure in the yellow Value column. Leave a row "
     "empty if you have no figure.",
     "1. 在“填报”工作表黄色的“数值”列填写本期数据；没有数据的行请留空。"),
    ("2. Values must be plain numbers in the unit shown (no units or % signs needed). Water "
     "quality classes are chosen from the list (I, II, III, IV, V, worse than V).",
     "2. 数值请按所示单位填写纯数字（无需填写单位或百分号）。水质类别请从下拉列表中选择。"),
    ("3. Qualifier: choose 'more than', 'about' and so on only if the source says so.",
     "3. 限定词：仅在来源材料注明“超过”“约”等时选择。"),
    ("4. Note: where the figure comes from (report, table) and anything the bureau should know.",
     "4. 备注：注明数据出处（报告、表格）及需要说明的情况。"),
    ("5. Do not change the grey columns, rename sheets or insert columns: the bureau's import "
     "checks every row and reports any problem with its row and column.",
     "5. 请勿修改灰色列、重命名工作表或插入列：导入时会逐行检查，并指出问题所在的行和列。"),
    ("6. A blank Note or Qualifier keeps what the bureau already has for that figure.",
     "6. 备注或限定词留空时，保留系统中已有的内容。"),
    ("7. Source: the title of the bulletin or report the figure comes from. A title the bureau "
     "does not have yet is added as a new source when the workbook is imported; a blank Source "
     "keeps the figure's source.",
     "7. 来源：填写数据所依据的通报或报告的标题。系统中尚无的标题将在导入时新建为来源；来源留空时保留原有来源。"),
]


def _texts(lang: str) -> dict:
    return TEXTS["zh_CN" if lang.startswith("zh") else "en"]


def reported_in(ind: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The rows of ``ind`` (indicators) reported in period type ``kind`` (``quarter`` ...)."""
    if ind.empty:
        return ind
    return ind[[kind in period_types(r) for r in present.records(
        ind, ("period_type", "period_types"))]]


def nothing_to_fill(period: str) -> str:
    """The message for an entry workbook of a period type no indicator is reported in."""
    p = parse_period(period)
    return tr("no indicator is reported by {kind}, so there is nothing to fill in for "
              "{period}; no workbook was written", kind=kind_names([p.kind]),
              period=shown_period(p))


def _many(value) -> list[str]:
    """One name, a list of names, or none (a dialog's choice of several)."""
    if value is None or value == "":
        return []
    return [value] if isinstance(value, str) else [v for v in value if v]


def _indicators(conn, category) -> pd.DataFrame:
    ind = queries.indicators(conn)
    cats = _many(category)
    if cats:
        ind = ind[ind["category"].isin([queries.resolve_category(conn, c) for c in cats])]
    return ind


def entry_rows(conn, period: str, *, area=None, category=None,
               lang: str = "en") -> pd.DataFrame:
    """One row per indicator x area for ``period`` with the last known value and version.

    ``area`` and ``category``: one name or code, several (a list), or None for all."""
    p = parse_period(period)
    ind = reported_in(_indicators(conn, category), p.kind)
    if ind.empty:
        return pd.DataFrame(columns=["indicator", "area", "period", "value", "version"])
    areas = queries.areas(conn)
    figs = queries.figures(conn, indicators=ind["code"].tolist(), period_to=period_ord(p))
    # the last known value beside the entry cell is of the same period type (like with like)
    figs = figs[figs["period_ord"].to_numpy() % 10 == period_ord(p) % 10]
    if _many(area):
        codes = [queries.resolve_area(conn, a) for a in _many(area)]
        pairs = pd.concat([pd.DataFrame({"indicator": ind["code"], "area": c}) for c in codes])
    else:
        tg = queries.targets(conn, indicators=ind["code"].tolist())
        known = pd.concat([figs[["indicator", "area"]], tg[["indicator", "area"]]])
        pairs = known.drop_duplicates()
        top = areas[areas["level"] == "municipality"]["code"]
        missing = ind[~ind["code"].isin(pairs["indicator"])]["code"]
        if len(top) and len(missing):
            pairs = pd.concat([pairs, pd.DataFrame({"indicator": missing, "area": top.iloc[0]})])
    order_i = {c: i for i, c in enumerate(ind["code"])}
    order_a = {c: i for i, c in enumerate(areas["code"])}
    pairs = pairs.assign(_i=pairs["indicator"].map(order_i), _a=pairs["area"].map(order_a))
    pairs = pairs.sort_values(["_i", "_a"]).drop(columns=["_i", "_a"]).reset_index(drop=True)
    last = figs.sort_values("period_ord").drop_duplicates(["indicator", "area"], keep="last")
    out = pairs.merge(last[["indicator", "area", "period", "value", "version"]],
                      on=["indicator", "area"], how="left")
    out["version"] = out["version"].where(out["period"] == p.code)
    return out.merge(ind, left_on="indicator", right_on="code", suffixes=("", "_ind"))


def _allowed(r, t: dict) -> tuple[str, dict | None]:
    """Text of the allowed values and the DataValidation arguments for one indicator."""
    if r.value_kind == "class":
        return t["classes"], None
    lo, hi = r.vmin, r.vmax
    whole = r.value_kind == "count"
    # Where the database sets no limits, a share is still 0-100 and a count not negative.
    if r.value_kind == "percent":
        lo = 0.0 if pd.isna(lo) else lo
        hi = 100.0 if pd.isna(hi) else hi
    elif whole and pd.isna(lo):
        lo = 0.0
    kind = "whole" if whole else "decimal"
    fmt = lambda v: f"{v:g}"  # noqa: E731
    if pd.notna(lo) and pd.notna(hi):
        return f"{fmt(lo)} – {fmt(hi)}", dict(type=kind, operator="between", formula1=fmt(lo),
                                             formula2=fmt(hi))
    if pd.notna(lo):
        return f"≥ {fmt(lo)}", dict(type=kind, operator="greaterThanOrEqual", formula1=fmt(lo))
    if pd.notna(hi):
        return f"≤ {fmt(hi)}", dict(type=kind, operator="lessThanOrEqual", formula1=fmt(hi))
    return t["whole" if whole else "any"], dict(type=kind, operator="between",
                                                 formula1="-1E+15", formula2="1E+15")


def write_template(store: Store, out: str | Path, period: str, *, area=None,
                   category=None, lang: str = "en", force: bool = False,
                   progress=no_progress, cancelled=never) -> int:
    """Write the entry workbook for ``period``; returns the number of entry rows.

    Like the meeting workbook, it is written beside ``out`` and renamed when complete, a
    folder that does not exist is refused (not created), and so is a destination that must
    not be replaced (:func:`core.excel.files.check_destination`; ``force`` replaces an
    existing file that is not a workbook).
    """
    check_destination(out, database=store.sqlite_path, force=force)
    progress(0, 2)
    p = parse_period(period)
    with store.read() as conn:
        rows = entry_rows(conn, period, area=area, category=category, lang=lang)
        areas = queries.areas(conn)
        any_type = len(_indicators(conn, category)) if rows.empty else 0
    if any_type:  # indicators there are, but none reported in this period's type
        raise EcoError(nothing_to_fill(period), field="period")
    if rows.empty:
        raise EcoError(tr("no indicators match; nothing to put in an entry workbook"))
    if cancelled():
        raise Cancelled(tr("the template was cancelled; nothing was written"))
    t = _texts(lang)
    zh = lang.startswith("zh")
    shown = period_label(p, lang)  # 2026年上半年 in the Chinese workbook
    last_shown = present.PeriodNames(lang)
    nc = present.name_col(lang)
    area_name = areas.set_index("code")[nc]
    fields = list(ENTRY_COLUMNS)
    col = {f: i + 1 for i, f in enumerate(fields)}
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name("entry", lang)
    ws["A1"] = t["title"].format(period=shown)
    ws["A1"].font = TITLE
    ws["A2"] = t["hint"]
    ws["A2"].font = SUBTITLE
    for f in fields:
        c = ws.cell(HEADER_ROW, col[f], heading(f, lang, ENTRY_COLUMNS))
        c.font, c.fill, c.alignment, c.border = HEADER_FONT, HEADER_FILL, HEADER_ALIGN, GRID
        ws.column_dimensions[get_column_letter(col[f])].width = WIDTHS[f]
    ws.row_dimensions[HEADER_ROW].height = 30
    groups: dict[tuple, list[str]] = {}
    class_cells, qual_cells, flag_cells = [], [], []
    for i, r in enumerate(rows.itertuples(index=False), start=HEADER_ROW + 1):
        allowed, dv = _allowed(r, t)
        last = None
        if pd.notna(r.value):
            last = class_name(r.value, lang) if r.value_kind == "class" else float(r.value)
        values = {"indicator": r.indicator, "name": clean_text(str(getattr(r, nc))),
                  "area": area_name.get(r.area, r.area), "period": shown,
                  "unit": present.unit_text(r.unit, getattr(r, "unit_zh", ""), lang),
                  "range": allowed, "last_period": last_shown(r.period) or None,
                  "last_value": last, "value": None, "qualifier": None, "note": None,
                  "comment": None, "followup": None, "source_text": None,
                  "version": int(r.version) if pd.notna(r.version) else None}
        fmt = number_format(r.value_kind, int(r.decimals))
        ws.row_dimensions[i].height = row_height(max(
            text_lines(values[f], WIDTHS[f]) for f in ("name", "unit", "range")))
        for f in fields:
            c = ws.cell(i, col[f], values[f])
            c.border = GRID
            if f in ENTRY_FIELDS:
                c.protection, c.fill = UNLOCKED, ENTRY_FILL
            else:
                c.fill = LOCKED_FILL
            if f in ("value", "last_value") and r.value_kind != "class":
                c.number_format = fmt
            c.alignment = (WRAP if f in ("name", "note", "comment", "unit", "range",
                                         "source_text") else MID)
        ref = f"{get_column_letter(col['value'])}{i}"
        if dv is None:
            class_cells.append(ref)
        else:
            groups.setdefault(tuple(sorted(dv.items())), []).append(ref)
        qual_cells.append(f"{get_column_letter(col['qualifier'])}{i}")
        flag_cells.append(f"{get_column_letter(col['followup'])}{i}")
    last_row = HEADER_ROW + len(rows)

    def validation(cells, **kw):
        what = kw.pop("what")
        v = DataValidation(allow_blank=True, showErrorMessage=True, showInputMessage=True,
                           errorTitle=t["bad"], error=t["bad_value"].format(what=what),
                           promptTitle=heading("value", lang, ENTRY_COLUMNS),
                           prompt=t["prompt"].format(what=what), **kw)
        for ref in cells:
            v.add(ref)
        ws.add_data_validation(v)

    for key, cells in groups.items():
        kw = dict(key)
        what = _allowed_text(kw, t)
        validation(cells, what=what, **kw)
    names = CLASS_NAMES_ZH if zh else CLASS_NAMES
    if class_cells:
        validation(class_cells, what=t["classes"], type="list",
                   formula1='"' + ",".join(names) + '"')
    quals = [v for k, v in QUALIFIER_LABELS["zh_CN" if zh else "en"].items() if k]
    validation(qual_cells, what=", ".join(quals), type="list", formula1='"' + ",".join(quals) + '"')
    flags = ["是", "否"] if zh else ["yes", "no"]  # (the importer takes either language)
    validation(flag_cells, what=", ".join(flags), type="list",
               formula1='"' + ",".join(flags) + '"')
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(fields))}{last_row}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False   # let people widen columns
    ws.protection.formatRows = False
    ws.protection.autoFilter = False      # and filter to their area
    ws.protection.sort = True
    print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", footer=t["title"].format(period=shown))
    progress(1, 2)
    _instructions(wb.create_sheet(sheet_name("instructions", lang)), shown, lang)
    wb.properties.title = t["title"].format(period=shown)
    wb.properties.creator = "EcoTracker"
    wb.properties.created = datetime.now(timezone.utc).replace(tzinfo=None)
    try:
        defuse_formulas(wb)
        with part_files(out) as (part,):
            wb.save(part)
            publish(part, out)
    except OSError as exc:
        raise cannot_write(out, exc) from None
    progress(2, 2)
    return len(rows)


def _allowed_text(kw: dict, t: dict) -> str:
    op, a, b = kw.get("operator"), kw.get("formula1"), kw.get("formula2")
    if op == "between" and a == "-1E+15":
        return t["whole" if kw["type"] == "whole" else "any"]
    if op == "between":
        return f"{a} – {b}"
    return f"≥ {a}" if op == "greaterThanOrEqual" else f"≤ {a}"


def _instructions(ws, period: str, lang: str) -> None:
    ws.column_dimensions["A"].width = 90
    ws.column_dimensions["B"].width = 60
    ws["A1"] = f"EcoTracker — {period}"
    ws["A1"].font = TITLE
    for i, (en, zh) in enumerate(INSTRUCTIONS, start=3):
        a, b = ws.cell(i, 1, en), ws.cell(i, 2, zh)
        a.alignment = b.alignment = WRAP
        if i == 3:
            a.font = b.font = HEADER_FONT
            a.fill = b.fill = HEADER_FILL
    print_setup(ws)
