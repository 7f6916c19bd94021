"""Shared look of the workbooks: fonts, fills, status colours, number formats, print set-up."""
from __future__ import annotations

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.properties import PageSetupProperties

from .. import vocabulary
from ..formulas import looks_like_formula

TITLE = Font(name="Calibri", size=16, bold=True, color="1F4E3D")
SUBTITLE = Font(name="Calibri", size=10, color="595959")
HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="2E6B50")
ENTRY_FILL = PatternFill("solid", fgColor="FFF9E1")
LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="center")
MID = Alignment(vertical="center")
CENTER = Alignment(horizontal="center", vertical="center")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
THIN = Side(style="thin", color="BFBFBF")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNLOCKED = Protection(locked=False)


def _status_style(tone: vocabulary.Tone) -> tuple[PatternFill | None, Font]:
    fill = (PatternFill("solid", fgColor=tone.background.lstrip("#")) if tone.background
            else None)
    # the same family as every other cell: a status cell in another font stood out
    return fill, Font(name="Calibri", color=tone.foreground.lstrip("#"),
                      bold=tone is not vocabulary.NONE)


_TONE_STYLES = {code: _status_style(t) for code, t in vocabulary.TONES.items()}
_ILLEGAL = re.compile(ILLEGAL_CHARACTERS_RE.pattern)


def status_style(code: str | None) -> tuple[PatternFill | None, Font]:
    """(fill, font) of a status cell: the tint and shade of its tone in
    :mod:`core.vocabulary`, as the window colours it."""
    return _TONE_STYLES[vocabulary.tone(code).code]


def number_format(kind: str, decimals: int, *, signed: bool = False) -> str:
    """Excel number format for an indicator's values (percent values are stored as 98.6)."""
    d = max(0, int(decimals or 0))
    body = "#,##0" + ("." + "0" * d if d else "")
    suffix = '"%"' if kind == "percent" else ""
    if signed:
        return f"+{body}{suffix};-{body}{suffix};0{suffix}"
    return body + suffix


def text_cell(ws, value):
    """A write-only cell whose text never becomes a formula: openpyxl makes any string that
    starts with ``=`` one, and a name or note typed as ``=HYPERLINK(...)`` must stay text.
    Such text also gets Excel's quote prefix, as on the Data sheet, so that editing the
    cell in Excel or LibreOffice does not turn it into a formula either."""
    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws, value=clean_text(value) if isinstance(value, str) else value)
    if looks_like_formula(value):
        c.data_type = "s"
        c.quotePrefix = True
    return c


def defuse_formulas(wb) -> None:
    """Make every formula-like text of an ordinary (not write-only) workbook an inert text
    cell with the quote prefix (see :func:`text_cell`); our workbooks write no formulas of
    their own, so any there came from someone's text."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if looks_like_formula(c.value):
                    c.data_type = "s"
                    c.quotePrefix = True


def text_lines(text: object, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (CJK count 2)."""
    if not isinstance(text, str) or not text:
        return 1
    total = 0
    for part in text.split("\n"):
        n = sum(2 if ord(ch) > 0x2E80 else 1 for ch in part)
        total += max(1, -(-int(n * 1.1) // max(int(width), 1)))
    return total


def row_height(lines: int) -> float:
    return 15.0 * max(1, min(lines, 6))


def clean_text(text: str) -> str:
    """Drop control characters that are illegal in XML (openpyxl refuses them)."""
    return _ILLEGAL.sub("", text)


def print_setup(ws, *, title_rows: str | None = None, footer: str = "") -> None:
    """A4 landscape, one page wide, header row repeated, page numbers in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.center.size = 9
    if footer:
        ws.oddFooter.left.text = footer.replace("&", "&&")
        ws.oddFooter.left.size = 9


def styled_cell(ws, value, font=None, fill=None, align=None, fmt=None, border=None):
    """A write-only cell with a style, computed once per combination: openpyxl hashes every
    style object on every assignment, which costs more than writing the cell."""
    from copy import copy

    c = text_cell(ws, value)
    # Style indices belong to one workbook, so the cache lives on it.
    cache = ws.parent.__dict__.setdefault("_ecotracker_styles", {})
    key = (id(font), id(fill), id(align), fmt, id(border), bool(c.quotePrefix))
    style = cache.get(key)
    if style is None:
        if font is not None:
            c.font = font
        if fill is not None:
            c.fill = fill
        if align is not None:
            c.alignment = align
        if fmt is not None:
            c.number_format = fmt
        if border is not None:
            c.border = border
        cache[key] = copy(c._style)
    else:
        c._style = copy(style)
    return c
