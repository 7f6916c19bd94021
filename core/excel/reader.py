"""Read the figures table out of a workbook with python-calamine.

Finds the sheet (``Data`` / ``数据`` of an export, ``Entry`` / ``填报`` of an entry workbook, or
any sheet whose header row names an indicator code, area, period and value), the header row
(within the first rows), and returns the rows as columns of fields with each row's Excel row
number and each field's column letter, so problems can say exactly where they are.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter
from python_calamine import CalamineError, CalamineWorkbook

from ..errors import EcoError
from ..i18n import tr
from . import Cancelled
from .headers import SHEETS, field_of

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


def _header(rows: list[list]) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(rows[:HEADER_SCAN]):
        found: dict[str, int] = {}
        for c, cell in enumerate(row):
            f = field_of(cell) if isinstance(cell, str) else None
            if f and f not in found:
                found[f] = c
        if all(k in found for k in REQUIRED):
            return r, found
    return None


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
        for sheet in _candidates(list(wb.sheet_names)):
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
            r, cols = hit
            kind = "entry" if ("last_value" in cols or "range" in cols
                               or sheet in SHEETS["entry"].values()) else "data"
            with _gc_paused():
                frame = _columns(rows[r + 1:], cols)
            frame["_row"] = np.arange(r + 2, r + 2 + len(frame))
            headings = {f: f"{get_column_letter(c + 1)} ({rows[r][c]})" for f, c in cols.items()}
            return SheetTable(sheet, kind, frame, headings)
    finally:
        wb.close()
    raise EcoError(tr("{file} has no sheet with the columns Indicator code, Area, Period and "
                      "Value (or 指标代码, 地区, 期间, 数值); export a workbook or make a "
                      "template to see the layout", file=name))
