"""Blocks of cells as a spreadsheet or a web page puts them on the clipboard, both ways.

Excel, LibreOffice and browsers all copy a selection as tab-separated text: one line per row
(``\\r\\n`` or ``\\n``), a tab between cells, a trailing line break after the last row. A cell
holding a tab, a line break or a double quote is quoted, with its quotes doubled. Reading a
block here knows nothing of figures; :func:`split_qualifier` reads the hedges a published
figure carries ("约 35", "超过3,800", "more than 1,200"), which the value rule then sees
without them. Copying goes the other way: tab-separated text with the headings first, and an
HTML table for a word processor or a mail.
"""
from __future__ import annotations

import html
import re

from .names import normalize
from .values import parse_qualifier

# Hedges before a number, the longest first so that "more than" is not read as "more".
_PREFIXES = ("approximately", "more than", "less than", "at least", "at most", "around",
             "approx.", "approx", "about", "under", "over", "超过", "不足", "低于", "至少",
             "至多", "约", ">=", "<=", ">", "<", "~")
# Hedges after a number (a Chinese report writes "3800个以上", "35左右").
_SUFFIXES = ("左右", "以上")
_NUMBERISH = re.compile(r"[-+]?[\d.,]")


def read_block(text: str) -> list[list[str]]:
    """The rows of cells in a tab-separated block (Excel's, LibreOffice's or a browser's).

    Quoted cells may hold tabs, line breaks and doubled quotes. The line break after the
    last row, which every spreadsheet adds, makes no empty row; ragged rows keep their
    lengths (the caller decides what a missing cell means)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if text == "":
        return []
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_start = True  # at the start of a cell: a quote there opens a quoted cell
    while i < n:
        ch = text[i]
        if at_start and ch == '"':
            close = _closing_quote(text, i + 1)
            if close is not None:
                cell.append(text[i + 1:close].replace('""', '"'))
                i = close + 1
                at_start = False
                continue
        if ch == "\t":
            row.append("".join(cell))
            cell, at_start = [], True
        elif ch == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_start = [], [], True
        else:
            cell.append(ch)
            at_start = False
        i += 1
    row.append("".join(cell))
    rows.append(row)
    return rows


def _closing_quote(text: str, start: int) -> int | None:
    """Where the quote closing a quoted cell that opened before ``start`` is, provided a tab,
    a line break or the end follows it; else None (the quote is part of the text)."""
    i = start
    while True:
        j = text.find('"', i)
        if j < 0:
            return None
        if j + 1 < len(text) and text[j + 1] == '"':
            i = j + 2  # a doubled quote inside the cell
            continue
        if j + 1 == len(text) or text[j + 1] in "\t\n":
            return j
        return None


def split_qualifier(text: object) -> tuple[str, str]:
    """A pasted value's hedge and the value without it: ``("about", "35")`` for ``约35``,
    ``("more_than", "3,800")`` for ``超过 3,800`` or ``3,800以上``, ``("", "35")`` for
    ``35``. Full-width text is read as a desk means it; text without a hedge comes back as
    it is, for the value rule to judge."""
    s = normalize("" if text is None else text)
    low = s.lower()
    for word in _PREFIXES:
        if low.startswith(word) and _NUMBERISH.match(s[len(word):].lstrip()):
            return parse_qualifier(word), s[len(word):].strip()
    for word in _SUFFIXES:
        if s.endswith(word) and s[:-len(word)].strip():
            rest = s[:-len(word)].strip()
            return parse_qualifier(word), rest.rstrip("个").strip()
    return "", s


# ---------------------------------------------------------------------------------------
# copying


def _tsv_cell(text: object) -> str:
    s = "" if text is None else str(text)
    if any(c in s for c in '\t\n\r"'):
        return '"' + s.replace('"', '""') + '"'
    return s


def to_tsv(headers: list[str], rows: list[list[object]]) -> str:
    """Tab-separated text with the headings first, as a spreadsheet pastes it back."""
    lines = ["\t".join(_tsv_cell(h) for h in headers)] if headers else []
    lines += ["\t".join(_tsv_cell(c) for c in row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


def to_html(headers: list[str], rows: list[list[object]],
            right: frozenset[int] = frozenset()) -> str:
    """An HTML table of the same cells (headings as ``th``), for Word and mail; the columns
    in ``right`` (numbers) are right-aligned."""
    def td(i: int, c: object, tag: str = "td") -> str:
        align = ' style="text-align:right"' if i in right and tag == "td" else ""
        return f"<{tag}{align}>{html.escape('' if c is None else str(c))}</{tag}>"

    head = "<tr>" + "".join(td(i, h, "th") for i, h in enumerate(headers)) + "</tr>" \
        if headers else ""
    body = "".join("<tr>" + "".join(td(i, c) for i, c in enumerate(r)) + "</tr>" for r in rows)
    return ('<meta charset="utf-8"><table border="1" cellspacing="0" cellpadding="3" '
            f'style="border-collapse:collapse">{head}{body}</table>')
