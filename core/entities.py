"""The kinds of rows EcoTracker keeps, in one registry: table, key, how a row is named, which
columns make it unique, and whether it belongs to an indicator's figures or targets.

Every piece that handles "a row of some kind" (the write path, undo, the change log, the
screens that refresh after a change) asks this registry instead of comparing names.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table

from . import schema
from .i18n import N_, tr


@dataclass(frozen=True)
class Kind:
    """One kind of row."""

    name: str  # as stored in the change log's ``entity`` column
    table: Table
    key: str  # the primary key column
    unique: tuple[str, ...]  # the columns no two rows share
    described: str  # N_ template naming a row by its content
    named: str  # N_ template naming a row by its key alone
    of_indicator: bool  # a row of one indicator's data (figures, targets), not the list itself

    def key_of(self, row: dict):
        return row[self.key]

    def indicator_of(self, row: dict) -> str | None:
        return row.get("indicator") if self.of_indicator else row.get("code")

    def describe(self, row: dict) -> str:
        """Names a row for a person, in the current language: ``figure AIR.PM25 / chongqing
        / 2024H1``."""
        from .periods import shown

        fields = {k: row.get(k) for k in ("indicator", "area", "kind", "title")}
        if row.get("period") is not None:
            fields["period"] = shown(row["period"])
        return tr(self.described, key=row.get(self.key), **fields)

    def name_key(self, key) -> str:
        """Names a row by its key alone (``figure 12``), when its content is not at hand."""
        return tr(self.named, key=key)


FIGURE = Kind("figure", schema.figures, "id", ("indicator", "area", "period"),
              N_("figure {indicator} / {area} / {period}"), N_("figure {key}"), True)
TARGET = Kind("target", schema.targets, "id", ("indicator", "area", "period", "kind"),
              N_("target {indicator} / {area} / {period} ({kind})"), N_("target {key}"), True)
INDICATOR = Kind("indicator", schema.indicators, "code", ("code",),
                 N_("indicator {key}"), N_("indicator {key}"), False)

# schema 6: a half-year's state per area (core/approval.py), a comment on a figure
# (core/comments.py); neither changes the list of indicators
PERIOD = Kind("period", schema.period_states, "id", ("area", "period"),
              N_("half-year {area} / {period}"), N_("period state {key}"), True)
COMMENT = Kind("comment", schema.comments, "id", (),
               N_("comment on {indicator} / {area} / {period}"), N_("comment {key}"), True)
# schema 8: a source (a bulletin, a report), edited through the one write path
SOURCE = Kind("source", schema.sources, "id", ("id",), N_("source {title}"),
              N_("source {key}"), False)

KINDS: dict[str, Kind] = {k.name: k for k in (FIGURE, TARGET, INDICATOR, PERIOD, COMMENT,
                                              SOURCE)}


def kind(name: str) -> Kind:
    return KINDS[name]
