"""Rounding as the national standard does it: GB/T 8170 (数值修约规则), half to even.

A value is rounded once, from the number as written (``0.35`` is 0.35, not the binary
0.34999... that ``f"{0.35:.1f}"`` rounds down), to the decimals its indicator keeps; a 5
followed by nothing rounds to the even digit (0.25 -> 0.2, 0.35 -> 0.4). Excel's ``ROUND``
and its number formats round half away from zero (0.25 shows as 0.3), so the workbook is
given the value already rounded here, and shows what the window and the command line show.

Every output that prints a number calls :func:`rounded` or :func:`fixed`: the window's
tables, the meeting workbook, ``ecotracker status``, the briefing.
"""
from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal

# Float arithmetic leaves noise in the last bits (98.6 - 97.3 = 1.2999999999999972): the
# number a person would have written is read from 12 significant digits, then rounded once.
_DIGITS = 12


def _decimal(value: float) -> Decimal:
    return Decimal(f"{float(value):.{_DIGITS}g}")


def rounded(value, decimals: int) -> float | None:
    """``value`` rounded to ``decimals`` places by GB/T 8170; None for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    v = float(value)
    if not math.isfinite(v):
        return None
    step = Decimal(1).scaleb(-max(0, int(decimals)))
    return float(_decimal(v).quantize(step, rounding=ROUND_HALF_EVEN))


def fixed(value, decimals: int, *, signed: bool = False, thousands: bool = True) -> str:
    """``value`` rounded by GB/T 8170 and written with exactly ``decimals`` places
    (``1,234.5``; ``+1.3`` when ``signed``); "" for a missing value. A value that rounds
    to zero is written without a sign (``0.0``, never ``-0.0``)."""
    r = rounded(value, decimals)
    if r is None:
        return ""
    d = max(0, int(decimals))
    if r == 0:
        r = 0.0
    text = f"{abs(r):{',' if thousands else ''}.{d}f}"
    if r < 0:
        return "-" + text
    return ("+" + text) if signed and r > 0 else text
