"""Sheet names and column headings, in English and Chinese; the importer accepts either."""
from __future__ import annotations

import re

LANGS = ("en", "zh_CN")

SHEETS = {
    "scorecard": {"en": "Scorecard", "zh_CN": "目标完成情况"},
    "charts": {"en": "Charts", "zh_CN": "趋势图"},
    "map": {"en": "Map", "zh_CN": "地图"},
    "data": {"en": "Data", "zh_CN": "数据"},
    "chart_data": {"en": "Chart data", "zh_CN": "图表数据"},
    "entry": {"en": "Entry", "zh_CN": "填报"},
    "instructions": {"en": "Instructions", "zh_CN": "填报说明"},
    "periods": {"en": "Periods", "zh_CN": "审核进度"},
}

# The Data sheet: field -> (English, Chinese). Order is column order.
DATA_COLUMNS = {
    "indicator": ("Indicator code", "指标代码"),
    "name": ("Indicator", "指标"),
    "area": ("Area", "地区"),
    "period": ("Period", "期间"),
    "value": ("Value", "数值"),
    "unit": ("Unit", "单位"),
    "qualifier": ("Qualifier", "限定词"),
    "note": ("Note", "备注"),
    "source_text": ("Source", "来源"),
    "status": ("Status", "状态"),
    "source": ("Source id", "来源编号"),
    "source_ref": ("Source ref", "来源位置"),
    "version": ("Version", "版本"),
    # schema 6: read back on import (comments one a line; follow-up yes or blank); the
    # approval state is for reading only
    "followup": ("Follow-up", "需跟进"),
    "comment": ("Comments", "评论"),
    "approval": ("Approval", "审核状态"),
}

# The entry workbook's entry sheet. ``value``, ``qualifier`` and ``note`` are the entry columns.
ENTRY_COLUMNS = {
    "indicator": ("Indicator code", "指标代码"),
    "name": ("Indicator", "指标"),
    "area": ("Area", "地区"),
    "period": ("Period", "期间"),
    "unit": ("Unit", "单位"),
    "range": ("Allowed values", "允许范围"),
    "last_period": ("Last period", "上期"),
    "last_value": ("Last value", "上期数值"),
    "value": ("Value", "数值"),
    "qualifier": ("Qualifier", "限定词"),
    "note": ("Note", "备注"),
    "comment": ("Comment", "评论"),
    "followup": ("Follow-up", "需跟进"),
    # the bulletin or report, in words: a name no source has becomes a new source on import
    "source_text": ("Source", "来源"),
    "version": ("Version", "版本"),
}
ENTRY_FIELDS = ("value", "qualifier", "note", "comment", "followup", "source_text")
# what the follow-up column says, and what the approval column says of a figure's half-year
FLAG_WORDS = {"en": ("yes", ""), "zh_CN": ("是", "")}
APPROVAL_WORDS = {"en": ("approved", "not approved"), "zh_CN": ("已审核", "未审核")}

STATUS_LABELS = {"en": {"final": "final", "provisional": "provisional"},
                 "zh_CN": {"final": "正式", "provisional": "初步"}}

_KNOWN: dict[str, str] = {}
for _table in (DATA_COLUMNS, ENTRY_COLUMNS):
    for _field, _names in _table.items():
        for _n in _names:
            _KNOWN.setdefault(_n.strip().lower(), _field)
# Typed variants a district office might use.
_KNOWN.update({"comment": "comment", "follow up": "followup", "跟进": "followup",
               "code": "indicator", "indicator_code": "indicator", "代码": "indicator",
               "区县": "area", "period code": "period", "时期": "period"})


def heading(field: str, lang: str, table: dict = DATA_COLUMNS) -> str:
    en, zh = table[field]
    return zh if lang.startswith("zh") else en


def sheet_name(key: str, lang: str) -> str:
    return SHEETS[key]["zh_CN" if lang.startswith("zh") else "en"]


def field_of(text: object) -> str | None:
    """The field a heading names, in either language (``Value``, ``数值``), or None."""
    if text is None:
        return None
    key = re.sub(r"\s+", " ", str(text)).strip().lower()
    return _KNOWN.get(key)


def status_code(text: object) -> object:
    """``final`` / ``provisional`` for a status label in either language; other text as is."""
    if not isinstance(text, str):
        return text
    s = text.strip()
    for table in STATUS_LABELS.values():
        for code, label in table.items():
            if s == label or s.lower() == code:
                return code
    return s
