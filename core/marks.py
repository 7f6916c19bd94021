"""Marks of a figure a reader must notice at once: provisional, derived, older.

The Data sheet always had a status column; a meeting reads the scorecard and the charts. The
same marks, with the same symbol and words, go on the scorecard in the window, in the meeting
workbook and on ``ecotracker status``; the plot draws such a point hollow.

Words in both languages live here (as in :mod:`core.vocabulary`): the workbook and the command
line are asked for a language whatever language the window speaks.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Mark:
    code: str
    symbol: str
    en: str
    zh: str

    def words(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


PROVISIONAL = Mark("provisional", "◌", "provisional", "初步数")
DERIVED = Mark("derived", "≈", "derived", "推算值")
OLDER = Mark("older", "↶", "older period", "较早期")
MARKS = {m.code: m for m in (OLDER, PROVISIONAL, DERIVED)}


def of_rows(frame: pd.DataFrame) -> list[tuple[str, ...]]:
    """The mark codes of each scorecard row (``older``, ``figure_status``, ``figure_derived``
    columns of :func:`core.status.scorecard`), in the order of :data:`MARKS`."""
    n = len(frame)

    def col(name, test):
        if name not in frame:
            return np.zeros(n, dtype=bool)
        return np.asarray([bool(test(v)) for v in frame[name].tolist()], dtype=bool)

    flags = [col("older", lambda v: v is True or v == 1),
             col("figure_status", lambda v: v == "provisional"),
             col("figure_derived", lambda v: v is True or (not pd.isna(v) and v == 1))]
    codes = list(MARKS)
    return [tuple(c for c, f in zip(codes, row) if f) for row in zip(*flags)] if n else []


def symbols(codes: tuple[str, ...]) -> str:
    """The symbols of ``codes`` put after a value: ``98.6 ◌``."""
    return "".join(MARKS[c].symbol for c in codes if c in MARKS)


def text(codes: tuple[str, ...], lang: str = "en") -> str:
    """``◌ provisional, ≈ derived`` in ``lang``."""
    sep = "，" if lang.startswith("zh") else ", "
    return sep.join(f"{MARKS[c].symbol} {MARKS[c].words(lang)}" for c in codes if c in MARKS)


def legend(lang: str = "en") -> str:
    """One line explaining every mark, for a sheet's or a table's foot."""
    sep = "；" if lang.startswith("zh") else "; "
    return sep.join(f"{m.symbol} {m.words(lang)}" for m in MARKS.values())
