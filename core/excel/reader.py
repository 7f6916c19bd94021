"""Read the figures table out of a workbook with python-calamine.

Finds the sheet (``Data`` / ``数据`` of an export, ``Entry`` / ``填报`` of an entry workbook, or
any sheet whose header row names an indicator code, area, period and value), the header row
(within the first rows), and returns the rows as columns of fields with each row's Excel row
number and each field's column letter, so problems can say exactly where they are.

Only what a person sees is read: a visible sheet (figures found only on a hidden sheet are
refused, as is a heading the importer reads given to two columns), and a value cell formatted
as a percentage is the percentage shown (a cell showing 98.60 % holds 0.986; it reads as 98.6).
A text longer than an Excel cell can hold is refused. The sheet's size was bounded before
(:func:`core.excel.safety.check_workbook`).
"""
from __future__ import annotations

import gc
import re
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter
from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

from ..errors import EcoError
from ..i18n import tr
from . import Cancelled
from .headers import SHEETS, field_of
from .safety import EXCEL_CELL_CHARS, column_number, sheet_parts

REQUIRED = ("indicator", "area", "period", "value")
HEADER_SCAN = 12


@dataclass
class SheetTable:
    """The figures found in one sheet."""

    sheet: str
    kind: str                      # "data" (an export's Data sheet) or "entry"
    frame: pd.DataFrame            # one column per field, plus ``_row`` (Excel row number)
    headings: dict[str, str] = field(default_factory=dict)  # field -> "E (Value)"


def _candidates(names: list[str]) -> list[str]:
    first = [n for key in ("data", "entry") for n in names
             if n.strip().lower() in {v.lower() for v in SHEETS[key].values()}]
    return first + [n for n in names if n not in first]


def _header(rows: list[list]) -> tuple[int, dict[str, int], list[tuple[int, int]]] | None:
    """The header row, its fields' columns and pairs of columns with the same field."""
    for r, row in enumerate(rows[:HEADER_SCAN]):
        found: dict[str, int] = {}
        twice: list[tuple[int, int]] = []
        for c, cell in enumerate(row):
            f = field_of(cell) if isinstance(cell, str) else None
            if f and f in found:
                twice.append((found[f], c))
            elif f:
                found[f] = c
        if all(k in found for k in REQUIRED):
            return r, found, twice
    return None


# Percent cells ------------------------------------------------------------------------------
_BUILTIN_PERCENT = {9, 10}  # 0% and 0.00%
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # quoted text, escaped characters, [Red]


def _is_percent_format(code: str) -> bool:
    return "%" in _LITERAL.sub("", code)


def _percent_styles(zf: zipfile.ZipFile) -> set[int]:
    """Indices of the cell formats (``s`` of a cell) that show a number as a percentage."""
    from xml.etree import ElementTree

    if "xl/styles.xml" not in zf.namelist():
        return set()
    try:
        root = ElementTree.fromstring(zf.read("xl/styles.xml"))  # no DTD: safety checked
    except ElementTree.ParseError:
        return set()
    local = lambda el: el.tag.rsplit("}", 1)[-1]  # noqa: E731
    percent = set(_BUILTIN_PERCENT)
    for el in root.iter():
        if local(el) == "numFmt" and _is_percent_format(el.get("formatCode", "")):
            percent.add(int(el.get("numFmtId", "-1")))
        elif local(el) == "numFmt":
            percent.discard(int(el.get("numFmtId", "-1")))
    for group in root:
        if local(group) == "cellXfs":
            return {i for i, xf in enumerate(x for x in group if local(x) == "xf")
                    if int(xf.get("numFmtId", "0")) in percent}
    return set()


_TAG = re.compile(rb'<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>')
_ATTR = re.compile(rb'\s(r|s|t)="([^"]*)"')


def percent_cells(path: str | Path, sheet: str) -> set[tuple[int, int]]:
    """The (row, column) of the number cells of ``sheet`` shown as percentages, from 0.

    The parser gives a cell's number, not its format: the format is looked up here, in the
    sheet's XML. Most workbooks (EcoTracker's own among them, which show ``%`` as text) have
    no percent format, and then no sheet is read.
    """
    with zipfile.ZipFile(path) as zf:
        styles = _percent_styles(zf)
        part = next((p.part for p in sheet_parts(zf) if p.name == sheet), None)
        if not styles or part not in zf.namelist():
            return set()
        xml = zf.read(part)
    wanted = {str(i).encode() for i in styles}
    if not re.search(rb'\ss="(?:' + b"|".join(sorted(wanted)) + rb')"', xml):
        return set()  # percent formats defined, none used
    out: set[tuple[int, int]] = set()
    row = col = 0
    for m in _TAG.finditer(xml):
        attrs = dict(_ATTR.findall(m.group(2)))
        ref = re.match(rb"([A-Za-z]*)([0-9]*)$", attrs.get(b"r", b""))
        if m.group(1) == b"row":
            row, col = (int(ref.group(2)) if ref and ref.group(2) else row + 1), 0
            continue
        if ref and ref.group(1):
            col = column_number(ref.group(1))
            row = int(ref.group(2)) if ref.group(2) else row
        else:
            col += 1
        if attrs.get(b"s") in wanted and attrs.get(b"t", b"n") == b"n":
            out.add((row - 1, col - 1))
    return out


def _as_shown(v):
    """A number formatted as a percentage as the percentage shown: 0.986 -> 98.6 (by the
    decimal digits, so 0.07 gives 7.0, not 7.000000000000001)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return v
    if isinstance(v, int):
        return v * 100
    return float(Decimal(repr(v)).scaleb(2)) if v == v and abs(v) != float("inf") else v


@contextmanager
def _gc_paused():
    """Hold off Python's cycle collector while a sheet becomes millions of cells.

    Every container made counts towards the next collection, and each full collection walks
    every object alive: at 100,000 rows that was a third of the time spent turning the sheet
    into Python cells and columns. Nothing made here holds a reference cycle, so nothing is
    left for the collector to find later.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _columns(body: list[list], cols: dict[str, int]) -> pd.DataFrame:
    """The wanted columns of ``body`` (rows of cells) as object columns; empty cells as ""."""
    n = len(body)
    width = max(cols.values()) + 1
    if n and not min(map(len, body)) == max(map(len, body)) == width:
        body = [row[:width] + [""] * (width - len(row)) for row in body]
    grid = np.empty((n, width), dtype=object)
    if n:  # one C-level copy of every cell; a column is then a slice of it
        grid[:] = body
    out = {}
    for f, c in cols.items():
        arr = grid[:, c]
        if pd.api.types.infer_dtype(arr, skipna=False) not in ("string", "empty"):
            arr = arr.copy()
            arr[pd.isna(arr)] = ""
        out[f] = pd.Series(arr, dtype=object, copy=False)
    return pd.DataFrame(out, copy=False)


def read_table(path: str | Path, *, cancelled=lambda: False) -> SheetTable:
    """Read the first sheet that holds figures.

    Raises
    ------
    EcoError
        If the workbook cannot be read or no sheet has the required headings.
    Cancelled
        If ``cancelled()`` turned true while the sheets were looked through.
    """
    name = Path(path).name
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise EcoError(tr("{file} cannot be read as a workbook: {reason}", file=name,
                          reason=exc)) from None
    except Exception as exc:  # PasswordError, XmlError, ZipError are separate classes
        raise EcoError(tr("{file} cannot be read as a workbook: {reason}", file=name,
                          reason=exc)) from None
    try:
        visible = {m.name: m.visible == SheetVisibleEnum.Visible for m in wb.sheets_metadata}
        names = _candidates(list(wb.sheet_names))
        hidden = [n for n in names if not visible.get(n, True)]
        for sheet in [n for n in names if n not in hidden] + hidden:
            if cancelled():  # not "no sheet has the columns": the person stopped the search
                raise Cancelled(tr("the import was cancelled; nothing was written"))
            try:
                with _gc_paused():
                    rows = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except Exception as exc:  # noqa: BLE001 - calamine raises several unrelated types
                raise EcoError(tr("{file}, sheet {sheet} cannot be read: {reason}", file=name,
                                  sheet=sheet, reason=exc)) from None
            hit = _header(rows)
            if hit is None:
                continue
            if sheet in hidden:  # what would be imported is not what the person sees
                raise EcoError(tr("{file}: the figures are on the hidden sheet {sheet}; unhide "
                                  "it in Excel, check it and import it again", file=name,
                                  sheet=sheet))
            r, cols, twice = hit
            if twice:
                a, b = twice[0]
                raise EcoError(tr("{file}, sheet {sheet}, row {row}: columns {first} and "
                                  "{second} are both headed {heading}; keep one of them",
                                  file=name, sheet=sheet, row=r + 1,
                                  first=get_column_letter(a + 1),
                                  second=get_column_letter(b + 1), heading=rows[r][b]))
            kind = "entry" if ("last_value" in cols or "range" in cols
                               or sheet in SHEETS["entry"].values()) else "data"
            _percent_as_shown(path, sheet, rows, r, cols["value"])
            with _gc_paused():
                frame = _columns(rows[r + 1:], cols)
            frame["_row"] = np.arange(r + 2, r + 2 + len(frame))
            headings = {f: f"{get_column_letter(c + 1)} ({rows[r][c]})" for f, c in cols.items()}
            _check_lengths(name, sheet, frame, headings)
            return SheetTable(sheet, kind, frame, headings)
    finally:
        wb.close()
    raise EcoError(tr("{file} has no sheet with the columns Indicator code, Area, Period and "
                      "Value (or 指标代码, 地区, 期间, 数值); export a workbook or make a "
                      "template to see the layout", file=name))


def _percent_as_shown(path, sheet: str, rows: list[list], header: int, col: int) -> None:
    """Value cells formatted as percentages become the percentage shown, in place."""
    for r, c in percent_cells(path, sheet):
        if c == col and header < r < len(rows) and c < len(rows[r]):
            rows[r][c] = _as_shown(rows[r][c])


def _check_lengths(file: str, sheet: str, frame: pd.DataFrame, headings: dict) -> None:
    """Refuse a text longer than an Excel cell holds (a hand-made file can carry one)."""
    for f, heading in headings.items():
        col = frame[f]
        if col.dtype != object:  # numbers only: nothing long
            continue
        # the longest text first, in C (map(len) over the distinct strings): almost always
        # short, and then no per-cell Series is made (0.3 s for a 100,000-row sheet)
        texts = [v for v in pd.unique(col.to_numpy(object)) if isinstance(v, str)]
        if not texts or max(map(len, texts)) <= EXCEL_CELL_CHARS:
            continue
        try:
            lengths = col.str.len()
        except AttributeError:  # no text in the column at all
            continue
        i = int(np.flatnonzero((lengths > EXCEL_CELL_CHARS).to_numpy())[0])
        raise EcoError(tr("{file}, sheet {sheet}, row {row}, column {column}: the cell holds "
                          "{n} characters, more than the {limit} an Excel cell can hold; "
                          "shorten it", file=file, sheet=sheet, row=int(frame["_row"].iat[i]),
                          column=heading, n=f"{int(lengths.iat[i]):,}",
                          limit=f"{EXCEL_CELL_CHARS:,}"))
