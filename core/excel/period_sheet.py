"""The meeting workbook's Periods sheet: the period view of the window on paper, one block per
period (newest first): per area the figures expected, entered, missing, provisional and
needing follow-up, and the state with who submitted and approved it and when."""
from __future__ import annotations

import pandas as pd
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .. import present
from ..periods import period_label
from .styles import (CENTER, GRID, HEADER_ALIGN, HEADER_FILL, HEADER_FONT, MID, SUBTITLE,
                     TITLE, print_setup, styled_cell)

PERIOD_FONT = Font(name="Calibri", size=12, bold=True, color="1F4E3D")
COLUMNS = [  # field, English, Chinese, width
    ("area", "Area", "地区", 18),
    ("expected", "Expected", "应报", 10),
    ("entered", "Entered", "已报", 10),
    ("missing", "Missing", "缺报", 10),
    ("provisional", "Provisional", "初步", 11),
    ("followup", "Needs follow-up", "需跟进", 12),
    ("state", "State", "状态", 12),
    ("submitted", "Submitted", "提交", 30),
    ("approved", "Approved", "审核", 30),
]
STATES = {"en": {"open": "○ open", "submitted": "◐ submitted", "approved": "● approved"},
          "zh_CN": {"open": "○ 未提交", "submitted": "◐ 已提交", "approved": "● 已审核"}}
TEXTS = {"en": {"title": "Periods: submitted and approved", "none": "No period has figures.",
                "reopened": "reopened by {who}: {reason}"},
         "zh_CN": {"title": "各期间提交与审核情况", "none": "没有任何期间的数据。",
                   "reopened": "{who}重新打开：{reason}"}}


def write_period_sheet(ws, tables: list[tuple[str, pd.DataFrame]], areas: pd.DataFrame,
                       lang: str) -> None:
    """Write one block per ``(period, completeness table)`` into a write-only worksheet."""
    key = "zh_CN" if lang.startswith("zh") else "en"
    t, states = TEXTS[key], STATES[key]
    name = areas.set_index("code")[present.name_col(lang)]
    for i, (_, _, _, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    print_setup(ws, footer=t["title"])
    ws.append([styled_cell(ws, t["title"], TITLE)])
    if not tables:
        ws.append([styled_cell(ws, t["none"], SUBTITLE)])
    for period, table in tables:
        ws.append([])
        ws.append([styled_cell(ws, period_label(period, lang), PERIOD_FONT)])
        ws.append([styled_cell(ws, zh if key == "zh_CN" else en, HEADER_FONT, HEADER_FILL,
                               HEADER_ALIGN, border=GRID) for _, en, zh, _ in COLUMNS])
        for r in table.to_dict("records"):
            def step(which: str) -> str | None:
                who, at = r.get(f"{which}_by"), r.get(f"{which}_at")
                return f"{who}, {str(at).replace('T', ' ')[:16]}" if who else None

            state = states.get(r["state"], r["state"])
            if r.get("reason"):
                state += "\n" + t["reopened"].format(who=r["reopened_by"], reason=r["reason"])
            ws.append([styled_cell(ws, name.get(r["area"], r["area"]), align=MID, border=GRID),
                       *(styled_cell(ws, int(r[f]), align=CENTER, border=GRID)
                         for f in ("expected", "entered", "missing", "provisional",
                                   "followup")),
                       styled_cell(ws, state, align=MID, border=GRID),
                       styled_cell(ws, step("submitted"), align=MID, border=GRID),
                       styled_cell(ws, step("approved"), align=MID, border=GRID)])
