"""The ``Data`` sheet: one tidy row per figure, streamed, and safe to re-import.

Values are numbers (class indicators: class names such as ``II``), so a colleague can filter
and sum them; ``Version``, ``Status``, ``Source id`` and ``Source ref`` carry what a safe
re-import needs. Text that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, CR:
:mod:`core.formulas`) is written as a text cell with Excel's quote prefix, never as a formula.
"""
from __future__ import annotations

import zipfile

import numpy as np
import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from .. import present
from ..formulas import FORMULA_START
from ..i18n import tr
from ..values import CLASS_NAMES, CLASS_NAMES_ZH, QUALIFIER_LABELS
from . import Cancelled
from .headers import APPROVAL_WORDS, DATA_COLUMNS, FLAG_WORDS, STATUS_LABELS, heading
from .styles import (_ILLEGAL as _ILLEGAL_CHARS, HEADER_ALIGN, HEADER_FILL, HEADER_FONT,
                     clean_text, print_setup)

WIDTHS = {"indicator": 30, "name": 40, "area": 18, "period": 9, "value": 12, "unit": 10,
          "qualifier": 11, "note": 50, "source_text": 50, "status": 10, "source": 11,
          "source_ref": 11, "version": 8, "followup": 10, "comment": 40, "approval": 12}
TEXT = ("name", "area", "unit", "note", "source_text", "source_ref", "source", "indicator",
        "followup", "comment", "approval")
CHUNK = 5000


def data_frame(figs: pd.DataFrame, indicators: pd.DataFrame, areas: pd.DataFrame,
               sources: pd.DataFrame, lang: str = "en", *, comments: pd.DataFrame | None = None,
               pending: set | None = None) -> pd.DataFrame:
    """The Data sheet as a DataFrame (fields as columns, in sheet order). ``comments``: one
    row per figure key with its comments (:func:`core.comments.joined`); ``pending``: the
    (area, period) not approved yet."""
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
    namer = present.source_namer(sources)
    text = {p: namer(p[0] or None, p[1]) for p in uniq}
    qual = QUALIFIER_LABELS["zh_CN" if zh else "en"]
    status = STATUS_LABELS["zh_CN" if zh else "en"]
    return pd.DataFrame({
        "indicator": figs["indicator"].to_numpy(object),
        "name": figs["indicator"].map(ind[nc]).to_numpy(object),
        "area": figs["area"].map(areas.set_index("code")[nc]).to_numpy(object),
        "period": figs["period"].to_numpy(object),
        "value": value.to_numpy(object),
        "unit": figs["indicator"].map(pd.Series(present.units(ind, lang), index=ind.index))
        .to_numpy(object),
        "qualifier": figs["qualifier"].fillna("").map(lambda q: qual.get(q, q)).to_numpy(object),
        "note": figs["note"].fillna("").to_numpy(object),
        "source_text": pd.Series(pairs.map(text.get)).to_numpy(object),
        "status": figs["status"].map(lambda s: status.get(s, s)).to_numpy(object),
        "source": figs["source"].fillna("").to_numpy(object),
        "source_ref": figs["source_ref"].fillna("").to_numpy(object),
        "version": figs["version"].to_numpy(object),
        **_review_columns(figs, lang, comments, pending),
    }, columns=list(DATA_COLUMNS))


def _review_columns(figs: pd.DataFrame, lang: str, comments: pd.DataFrame | None,
                    pending: set | None) -> dict:
    """Follow-up, comments and approval of every figure, as the sheet says them."""
    key = "zh_CN" if lang.startswith("zh") else "en"
    yes, no = FLAG_WORDS[key]
    n = len(figs)
    follow = (figs["followup"].fillna(False).astype(bool).to_numpy() if "followup" in figs
              else np.zeros(n, dtype=bool))
    text = np.full(n, "", dtype=object)
    if comments is not None and len(comments) and n:
        idx = pd.MultiIndex.from_frame(figs[["indicator", "area", "period"]])
        got = comments.set_index(["indicator", "area", "period"])["comment"].reindex(idx)
        text = got.fillna("").to_numpy(object)
    approved, not_approved = APPROVAL_WORDS[key]
    if pending is None:
        approval = np.full(n, "", dtype=object)
    else:
        waiting = np.fromiter(((a, p) in pending for a, p in zip(figs["area"], figs["period"])),
                              dtype=bool, count=n)
        approval = np.where(waiting, not_approved, approved).astype(object)
    return {"followup": np.where(follow, yes, no).astype(object), "comment": text,
            "approval": approval}


def write_data_header(ws, frame: pd.DataFrame, lang: str) -> None:
    """Column widths, frozen and filtered header, print set-up and the header row.

    The rows themselves are spliced in by :func:`splice_rows` after openpyxl has saved the
    workbook: openpyxl spends ~0.1 ms per cell serialising XML, which at 100,000 figures is
    most of an export; :func:`splice_rows` writes the same cells in a tenth of the time.
    """
    fields = list(frame.columns)
    for i, f in enumerate(fields, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(f, 12)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{len(frame) + 1}"
    print_setup(ws, title_rows="1:1", footer=ws.title)
    header = []
    for f in fields:
        c = WriteOnlyCell(ws, value=heading(f, lang))
        c.font, c.fill, c.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGN
        header.append(c)
    ws.append(header)


def quote_prefix_style(wb) -> int:
    """Index of a cell format with Excel's quote prefix (text that must stay text)."""
    from openpyxl.styles.cell_style import StyleArray

    sa = StyleArray()
    sa.quotePrefix = 1
    return wb._cell_styles.add(sa)


_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _cells(letter: str, col: np.ndarray, rows: range, quote_style: int) -> list[str]:
    """The ``<c>`` elements of one column for ``rows`` (empty string for an empty cell)."""
    out = []
    append = out.append
    for r, v in zip(rows, col):
        if v is None or v == "":
            append("")
        elif isinstance(v, str):
            if _ILLEGAL_CHARS.search(v):
                v = clean_text(v)
                if not v:  # nothing but control characters
                    append("")
                    continue
            style = f' s="{quote_style}"' if v[0] in FORMULA_START else ""
            keep = ' xml:space="preserve"' if v[0].isspace() or v[-1].isspace() else ""
            append(f'<c r="{letter}{r}"{style} t="inlineStr"><is><t{keep}>'
                   f'{v.translate(_ESC)}</t></is></c>')
        elif isinstance(v, float):
            append("" if v != v else f'<c r="{letter}{r}"><v>{v!r}</v></c>')
        elif isinstance(v, (bool, np.bool_)):
            append(f'<c r="{letter}{r}" t="b"><v>{int(v)}</v></c>')
        else:
            append(f'<c r="{letter}{r}"><v>{v}</v></c>')
    return out


def splice_rows(src: str, dest: str, member: str, frame: pd.DataFrame, quote_style: int, *,
                progress=None, cancelled=lambda: False, offset: int = 0, total: int = 0) -> None:
    """Copy the saved workbook ``src`` to ``dest``, adding ``frame``'s rows to ``member``."""
    letters = [get_column_letter(i + 1) for i in range(frame.shape[1])]
    cols = []
    for f in frame.columns:
        col = frame[f].to_numpy(object)
        if f not in TEXT:
            col = np.where(pd.isna(frame[f]).to_numpy(), None, col)
        cols.append(col)
    n = len(frame)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED,
                                                      compresslevel=3) as zout:
        for info in zin.infolist():
            if info.filename != member:
                zout.writestr(info.filename, zin.read(info.filename))
                continue
            xml = zin.read(info.filename).decode("utf-8")
            cut = xml.index("</sheetData>")
            with zout.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(xml[:cut].encode("utf-8"))
                for start in range(0, n, CHUNK):
                    if cancelled():
                        raise Cancelled(tr("the export was cancelled; nothing was written"))
                    stop = min(start + CHUNK, n)
                    rows = range(start + 2, stop + 2)
                    parts = [_cells(L, c[start:stop], rows, quote_style)
                             for L, c in zip(letters, cols)]
                    fh.write("".join(f'<row r="{r}">{"".join(cells)}</row>'
                                     for r, *cells in zip(rows, *parts)).encode("utf-8"))
                    if progress:
                        progress(offset + stop, total or n)
                fh.write(xml[cut:].encode("utf-8"))
