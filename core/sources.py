"""Sources: the bulletins, reports and tables figures and targets come from.

Every half-year brings new bulletins. A source is its publisher, title, date, and the
document number or link that finds it again; one rule (:func:`source_values`) checks it,
whether it is typed in the source dialog or named in an entry workbook's source column, and
it is written through the one write path (:func:`core.write.commit`, kind
:data:`core.entities.SOURCE`) with its change log, undoably.
"""
from __future__ import annotations

import re
import unicodedata

import pandas as pd
from sqlalchemy import Connection, select

from . import schema
from .errors import ValueParseError
from .i18n import tr
from .rules import MAX_TEXT

FIELDS = ("publisher", "title", "date", "doc_number", "link", "note")
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_LINK = re.compile(r"https?://[^\s]+", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(v: object) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    return unicodedata.normalize("NFC", str(v)).strip()


def source_values(conn: Connection | None, values: dict) -> dict:
    """Check and normalise a source's fields. Raises :class:`ValueParseError` naming the field.

    A source needs a title or a publisher; a date is ``2025``, ``2025-07`` or ``2025-07-10``
    (full-width digits and 2025年7月10日 are read); a link starts with http:// or https://.
    """
    out = {k: _text(values.get(k)) for k in FIELDS}
    for k, v in out.items():
        if _CONTROL.search(v):
            raise ValueParseError(tr("the {field} holds a control character", field=k), field=k)
        if len(v) > MAX_TEXT:
            raise ValueParseError(tr("the {field} is longer than {n} characters", field=k,
                                     n=MAX_TEXT), field=k)
    if not out["title"] and not out["publisher"]:
        raise ValueParseError(tr("a source needs a title or a publisher"), field="title")
    out["date"] = parse_date(out["date"])
    if out["link"] and not _LINK.fullmatch(out["link"]):
        raise ValueParseError(tr("a link starts with http:// or https:// and has no spaces: "
                                 "{link}", link=repr(out["link"])), field="link")
    key = _text(values.get("id"))
    if key:
        out["id"] = key
    elif conn is not None:
        out["id"] = new_id(conn, out)
    return out


def parse_date(text: str) -> str:
    """``2025``, ``2025-07``, ``2025-07-10`` as typed (full-width digits, 2025年7月10日,
    2025/7/10 and 2025.7.10 read too); "" stays ""."""
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return ""
    m = re.fullmatch(r"(\d{4})\s*(?:[年/.\-]\s*(\d{1,2})\s*(?:[月/.\-]\s*(\d{1,2})\s*日?)?月?)?"
                     r"\s*年?", s)
    if m:
        parts = [m.group(1)] + [f"{int(g):02d}" for g in m.groups()[1:] if g]
        s = "-".join(parts)
    if not _DATE.fullmatch(s):
        raise ValueParseError(tr("a source's date is written 2025, 2025-07 or 2025-07-10, not "
                                 "{text}", text=repr(text)), field="date")
    return s


def new_id(conn: Connection, values: dict) -> str:
    """A short stable id for a new source: ``src-2025-07-10``, then ``-2``, ``-3`` ..."""
    date = values.get("date") or ""
    base = f"src-{date}" if date else "src"
    taken = {r[0] for r in conn.execute(select(schema.sources.c.id)
                                        .where(schema.sources.c.id.like(f"{base}%")))}
    if base not in taken and date:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def find_named(sources: pd.DataFrame, name: str) -> str | None:
    """The id of the source ``name`` means: its id, or its title (case and width ignored),
    or ``publisher, title`` as the window names it; None when none does."""
    want = _fold(name)
    if not want or sources.empty:
        return None
    for r in sources.itertuples(index=False):
        for cand in (r.id, r.title, f"{r.publisher}, {r.title}" if r.publisher else r.title):
            if _fold(cand) == want:
                return r.id
    return None


def _fold(s: object) -> str:
    return unicodedata.normalize("NFKC", _text(s)).casefold()
