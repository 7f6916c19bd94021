"""The wordings reports use for each indicator: kept with the indicator (schema 9), one a line.

An indicator is known by its names in both languages and by its wordings ("days of good air
quality", "优良天数", "state-controlled sections"), which a desk edits in the indicator dialog.
The seed data set's wordings are in ``seeds/wordings.csv``.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from .numbers import fold

MAX_WORDINGS = 200


def clean(text: object) -> str:
    """Wordings as stored: one a line, blanks dropped, each once, at most 200."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    seen = dict.fromkeys(s.strip() for s in str(text).replace("\r", "\n").split("\n"))
    return "\n".join([s for s in seen if s][:MAX_WORDINGS])


def split(text: object) -> list[str]:
    return [s for s in clean(text).split("\n") if s]


def seed_wordings(path: Path) -> dict[str, str]:
    """``seeds/wordings.csv`` as indicator code -> stored wordings."""
    if not path.exists():
        return {}
    by: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            by.setdefault(r["indicator"], []).append(r["wording"])
    return {k: clean("\n".join(v)) for k, v in by.items()}


def phrases(indicators: pd.DataFrame) -> list[tuple[str, str]]:
    """(folded phrase, indicator code) for every name and wording, longest first."""
    out: set[tuple[str, str]] = set()
    words = indicators["wordings"] if "wordings" in indicators else pd.Series("", index=indicators.index)
    for code, en, zh, w in zip(indicators["code"], indicators["name_en"],
                               indicators["name_zh"], words):
        for p in (en, zh, *split(w)):
            f = fold(str(p)).strip()
            if len(f) >= 2:
                out.add((f, str(code)))
    return sorted(out, key=lambda t: (-len(t[0]), t[0], t[1]))
