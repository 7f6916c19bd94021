"""Text that a spreadsheet must never take for a formula ("CSV injection", OWASP).

Names, notes and references are typed by people, and a note typed as
``=HYPERLINK("http://…","click")`` would become a live formula when the CSV output or a
workbook is opened: LibreOffice turned 45 such cells of a ``status --format csv`` into
formulas, one sending another cell's content away. A spreadsheet reads a cell as a formula
when it begins with ``=``, ``+``, ``-`` or ``@``; a leading tab or carriage return is
stripped by some importers first, so it counts too.

CSV has no cell types, so such text gets OWASP's remedy, a leading single quote. A workbook
has them: there the text is a string cell with Excel's quote prefix (``core.excel.styles``).
Numbers are never touched: a negative figure stays the number -3.2.
"""
from __future__ import annotations

FORMULA_START = "=+-@\t\r"


def looks_like_formula(value: object) -> bool:
    """True for text a spreadsheet could take for a formula."""
    return isinstance(value, str) and value != "" and value[0] in FORMULA_START


def inert(value):
    """``value`` made safe for a CSV cell: formula-like text gets a leading ``'``; numbers,
    None and other text are returned as they are."""
    return "'" + value if looks_like_formula(value) else value
