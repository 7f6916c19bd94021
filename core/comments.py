"""Comments on a figure (any number: who, when, text) and its follow-up mark.

A comment belongs to a figure by its key (indicator, area, period), so it outlives the
figure's deletion and its undo. Adding one and taking it away are :mod:`core.edits` edits
through :func:`core.write.commit`, undoable like any other; the follow-up mark is a field of
the figure (``followup``), set by an :class:`~core.edits.UpdateRow` (:func:`follow_up`).

Comments and follow-up marks are a reviewer's: they are allowed on the figures of an
approved half-year (:mod:`core.period_lock`), and need no reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Connection, select

from . import rules, schema, write
from .edits import Changed, Edit, Outcome, UpdateRow
from .entities import COMMENT, FIGURE
from .i18n import tr

COLUMNS = ("id", "indicator", "area", "period", "text", "entered_by", "entered_at", "version")


def of_figure(conn: Connection, indicator: str, area: str, period: str) -> pd.DataFrame:
    """The comments of one figure, oldest first."""
    t = schema.comments
    rows = conn.execute(select(*(t.c[c] for c in COLUMNS)).where(
        t.c.indicator == indicator, t.c.area == area, t.c.period == period)
        .order_by(t.c.id)).fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=list(COLUMNS))


def of_indicators(conn: Connection, indicators=None) -> pd.DataFrame:
    """Every comment (of ``indicators`` if given), oldest first."""
    t = schema.comments
    stmt = select(*(t.c[c] for c in COLUMNS)).order_by(t.c.id)
    if indicators is not None:
        stmt = stmt.where(t.c.indicator.in_(list(indicators)))
    return pd.DataFrame([tuple(r) for r in conn.execute(stmt).fetchall()],
                        columns=list(COLUMNS))


def joined(comments: pd.DataFrame) -> pd.DataFrame:
    """One row per figure key with its comments' texts, one a line (the Data sheet's cell)."""
    if comments.empty:
        return pd.DataFrame(columns=["indicator", "area", "period", "comment"])
    return (comments.groupby(["indicator", "area", "period"], sort=False)["text"]
            .agg("\n".join).rename("comment").reset_index())


def _changed(row: dict, action: str) -> Changed:
    return Changed(COMMENT.name, row["id"], row["indicator"], row["area"], row["period"],
                   action, row if action != "delete" else None)


@dataclass
class AddComment(Edit):
    """A comment on the figure ``indicator`` / ``area`` / ``period``; ``key`` restores a
    removed one (undo of a removal)."""

    indicator: str
    area: str
    period: str
    text: str
    key: int | None = None
    why: str = "comment"
    entity: str = field(default=COMMENT.name, init=False)
    action: str = field(default="create", init=False)

    @property
    def subject(self) -> str:
        return COMMENT.describe({"indicator": self.indicator, "area": self.area,
                                 "period": self.period})

    def _apply(self, conn, who: str) -> Outcome:
        row = {"indicator": self.indicator, "area": self.area, "period": self.period,
               "text": rules.comment_text(self.text)}
        if self.key is not None:
            row["id"] = self.key
        written = write.commit(conn, COMMENT, new=pd.DataFrame([row]), who=who, why=self.why)
        key = self.key if self.key is not None else written.ids[0]
        stored = dict(conn.execute(select(schema.comments).where(
            schema.comments.c.id == key)).mappings().one())
        inverse = RemoveComment(key, stored["version"], stored, why=f"undo: {self.why}")
        return Outcome(inverse, _changed(stored, "create"), stored)


@dataclass
class RemoveComment(Edit):
    """Take a comment away (made from ``version``)."""

    key: int
    version: int
    row: dict | None = None
    why: str = "comment"
    entity: str = field(default=COMMENT.name, init=False)
    action: str = field(default="delete", init=False)

    @property
    def subject(self) -> str:
        return COMMENT.describe(self.row) if self.row else COMMENT.name_key(self.key)

    def _apply(self, conn, who: str) -> Outcome:
        t = schema.comments
        old = conn.execute(select(t).where(t.c.id == self.key)).mappings().first()
        if old is None:
            from .errors import StaleEditError

            raise StaleEditError(COMMENT.name_key(self.key), "", "", deleted=True)
        old = dict(old)
        write.commit(conn, COMMENT, gone=pd.DataFrame([old]), who=who, why=self.why,
                     stale=tr("{what} was changed by someone else meanwhile; nothing was "
                              "written", what=COMMENT.describe(old)))
        inverse = AddComment(old["indicator"], old["area"], old["period"], old["text"],
                             key=self.key, why=f"undo: {self.why}")
        return Outcome(inverse, _changed(old, "delete"), None)


def follow_up(figure: dict, on: bool) -> UpdateRow:
    """The edit that sets (or clears) the follow-up mark of ``figure`` (its stored row)."""
    return UpdateRow("figure", figure["id"], int(figure["version"]), {"followup": bool(on)},
                     why="follow-up" if on else "follow-up done",
                     label=FIGURE.describe(figure))


def planned(conn: Connection, good: pd.DataFrame) -> pd.DataFrame:
    """The comments an import would add: each line of a row's comment cell that its figure
    does not have yet (so a workbook exported and imported again adds none)."""
    cols = ["indicator", "area", "period", "text", "_row"]
    if "comment" not in good or good.empty:
        return pd.DataFrame(columns=cols)
    has = good[good["comment"].astype(str).str.strip() != ""]
    if has.empty:
        return pd.DataFrame(columns=cols)
    lines = [(ind, area, period, line, row)
             for ind, area, period, cell, row in zip(
                 has["indicator"], has["area"], has["period"], has["comment"], has["_row"])
             for line in rules.comment_lines(cell)]
    want = pd.DataFrame(lines, columns=cols).drop_duplicates(
        ["indicator", "area", "period", "text"])
    have = of_indicators(conn, pd.unique(want["indicator"]).tolist())[
        ["indicator", "area", "period", "text"]]
    merged = want.merge(have.assign(_have=True), how="left",
                        on=["indicator", "area", "period", "text"])
    return merged[merged["_have"].isna()][cols].reset_index(drop=True)


def add_planned(conn: Connection, frame: pd.DataFrame, *, who: str, why: str,
                origin: str = "") -> int:
    """Write the comments :func:`planned` found (inside the import's transaction)."""
    if frame is None or frame.empty:
        return 0
    write.commit(conn, COMMENT, new=frame[["indicator", "area", "period", "text"]]
                 .reset_index(drop=True), who=who, why=why, origin=origin)
    return len(frame)
