"""The ``Data`` sheet: one tidy row per figure, streamed, and safe to re-import.

Values are numbers (class indicators: class names such as ``II``), so a colleague can filter
and sum them; ``Version``, ``Status``, ``Source id`` and ``Source ref`` carry what a safe
re-import needs. Text that starts like a formula (``=``, ``+``, ``-``, ``@``) is written as a
text cell with Excel's quote prefix, never as a formula.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from .. import present
from ..values import CLASS_NAMES, CLASS_NAMES_ZH, QUALIFIER_LABELS
from . import Cancelled
from .headers import DATA_COLUMNS, STATUS_LABELS, heading
from .styles import (HEADER_ALIGN, HEADER_FILL, HEADER_FONT, clean_text, looks_like_formula,
                     print_setup)

WIDTHS = {"indicator": 30, "name": 40, "area": 18, "period": 9, "value": 12, "unit": 10,
          "qualifier": 11, "note": 50, "source_text": 50, "status": 10, "source": 11,
          "source_ref": 11, "version": 8}
TEXT = ("name", "area", "unit", "note", "source_text", "source_ref", "source", "indicator")
CHUNK = 5000


def data_frame(figs: pd.DataFrame, indicators: pd.DataFrame, areas: pd.DataFrame,
               sources: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The Data sheet as a DataFrame (fields as columns, in sheet order)."""
    ind = indicators.set_index("code")
    nc = present.name_col(lang)
    zh = lang.startswith("zh")
    kind = figs["indicator"].map(ind["value_kind"])
    value = figs["value"].astype(object)
    is_class = (kind == "class").to_numpy()
    if is_class.any():
        names = np.array(CLASS_NAMES_ZH if zh else CLASS_NAMES, dtype=object)
        ranks = figs["value"].to_numpy(float)[is_class].round().astype(int).clip(1, 6)
        value[is_class] = names[ranks - 1]
    pairs = pd.MultiIndex.from_arrays([figs["source"].fillna(""), figs["source_ref"].fillna("")])
    uniq = pairs.unique()
    text = {p: present.source_text(p[0] or None, p[1], sources) for p in uniq}
    qual = QUALIFIER_LABELS["zh_CN" if zh else "en"]
    status = STATUS_LABELS["zh_CN" if zh else "en"]
    return pd.DataFrame({
        "indicator": figs["indicator"].to_numpy(object),
        "name": figs["indicator"].map(ind[nc]).to_numpy(object),
        "area": figs["area"].map(areas.set_index("code")[nc]).to_numpy(object),
        "period": figs["period"].to_numpy(object),
        "value": value.to_numpy(object),
        "unit": figs["indicator"].map(ind["unit"]).to_numpy(object),
        "qualifier": figs["qualifier"].fillna("").map(lambda q: qual.get(q, q)).to_numpy(object),
        "note": figs["note"].fillna("").to_numpy(object),
        "source_text": pd.Series(pairs.map(text.get)).to_numpy(object),
        "status": figs["status"].map(lambda s: status.get(s, s)).to_numpy(object),
        "source": figs["source"].fillna("").to_numpy(object),
        "source_ref": figs["source_ref"].fillna("").to_numpy(object),
        "version": figs["version"].to_numpy(object),
    }, columns=list(DATA_COLUMNS))


def _protect_text(ws, col: np.ndarray) -> np.ndarray:
    """Clean illegal characters and turn formula-looking strings into text cells."""
    s = pd.Series(col, dtype=object)
    is_str = s.map(type).eq(str)
    if not is_str.any():
        return col
    st = s[is_str]
    dirty = st.str.contains(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", regex=True)
    if dirty.any():
        s.loc[dirty[dirty].index] = st[dirty].map(clean_text)
    risky = s[is_str].str.match(r"^[=+\-@]")
    for i in risky[risky].index:
        s.at[i] = text_cell(ws, s.at[i])
    s[s.eq("")] = None
    return s.to_numpy(object)


def text_cell(ws, text: str) -> WriteOnlyCell:
    """A cell that holds ``text`` as text even when it starts with ``=``."""
    cell = WriteOnlyCell(ws, value=None)
    cell._value = text
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True
    return cell


def write_data_sheet(ws, frame: pd.DataFrame, lang: str, *, progress=None,
                     cancelled=lambda: False, offset: int = 0, total: int = 0) -> None:
    """Stream ``frame`` (from :func:`data_frame`) into a write-only worksheet."""
    fields = list(frame.columns)
    for i, f in enumerate(fields, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(f, 12)
    n = len(frame)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{n + 1}"
    print_setup(ws, title_rows="1:1", footer=ws.title)
    header = []
    for f in fields:
        c = WriteOnlyCell(ws, value=heading(f, lang))
        c.font, c.fill, c.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGN
        header.append(c)
    ws.append(header)
    cols = []
    for f in fields:
        col = frame[f].to_numpy(object)
        if f in TEXT:
            col = _protect_text(ws, col)
        elif f == "value":
            col = np.where(pd.isna(frame[f]).to_numpy(), None, col)
        cols.append(col)
    append = ws.append
    for start in range(0, n, CHUNK):
        if cancelled():
            raise Cancelled("the export")
        for row in zip(*(c[start:start + CHUNK] for c in cols)):
            append(row)
        if progress:
            progress(offset + min(start + CHUNK, n), total or n)
