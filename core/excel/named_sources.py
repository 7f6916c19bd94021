"""The entry workbook's Source column: a source named in words, made once on import.

A district writes the bulletin its figures come from in the Source column ("2026年上半年全市
生态环境质量通报"). On import each distinct name is looked up among the sources (by id, title,
or "publisher, title", case and width ignored, :func:`core.sources.find_named`); a name that
matches none becomes one new source, whatever the number of rows naming it, checked by the
source rule, and the preview says so. The new sources are written with the figures, in the
same transaction, through the one write path.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import queries, schema
from ..errors import EcoError
from ..problems import Problem
from ..rules import blank
from ..sources import find_named, source_values

COLUMN = "source_text"


def resolve(conn, df: pd.DataFrame, *, file: str = "", sheet: str = "",
            heading: str = "") -> tuple[pd.DataFrame, list[dict], list[Problem]]:
    """``df`` with ``source`` set from its Source column (blank: ``""``, which an entry
    workbook takes as "keep what the figure has"), the new sources to create, and the
    problems of names the source rule refuses."""
    if COLUMN not in df or not len(df):
        return df, [], []
    texts = df[COLUMN].to_numpy(object)
    empty = blank(texts)
    known = queries.sources(conn)
    taken = set(known["id"])
    ids: dict[str, str] = {}
    new: list[dict] = []
    problems: list[Problem] = []
    rows = df["_row"].to_numpy() if "_row" in df else np.arange(len(df)) + 2
    for name in pd.unique(texts[~empty]):
        text = str(name).strip()
        found = find_named(known, text)
        if found is not None:
            ids[name] = found
            continue
        try:
            values = source_values(None, {"title": text})
        except EcoError as exc:
            first = int(rows[np.flatnonzero(texts == name)[0]])
            problems.append(Problem(str(exc), file, sheet, first, heading))
            continue
        values["id"] = _fresh_id(conn, taken)
        taken.add(values["id"])
        ids[name] = values["id"]
        new.append(values)
    out = df.copy()
    out["source"] = [("" if e else ids.get(t, "")) for t, e in zip(texts, empty)]
    return out.drop(columns=[COLUMN]), new, problems


def _fresh_id(conn, taken: set[str]) -> str:
    """``src-import-N``: an id no source has (nor one made earlier in this import)."""
    t = schema.sources
    have = {r[0] for r in conn.execute(t.select().with_only_columns(t.c.id)
                                       .where(t.c.id.like("src-import-%")))} | taken
    n = 1
    while f"src-import-{n}" in have:
        n += 1
    return f"src-import-{n}"
