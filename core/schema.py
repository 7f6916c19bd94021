"""The database schema (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Figures and targets carry a ``version`` for optimistic concurrency: an update names the version
it was made from and is refused when the stored row has moved on. ``period_ord`` is an integer
sort key of the period code (see :func:`core.periods.Period.sort_key`) so SQL can order and pick
the latest period without parsing codes.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, CheckConstraint, Column, Float, ForeignKey, Index, Integer,
                        MetaData, String, Table, Text, UniqueConstraint, false)

SCHEMA_VERSION = 9

metadata = MetaData()
# a target is a number, a change on a baseline, or words (schema 7)
TARGET_HAS_VALUE = "value IS NOT NULL OR relative IS NOT NULL OR qualitative <> ''"

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

categories = Table(
    "categories", metadata,
    Column("code", String(64), primary_key=True),
    Column("sort", Integer, nullable=False, default=0),
    Column("name_zh", Text, nullable=False),
    Column("name_en", Text, nullable=False),
)

areas = Table(
    "areas", metadata,
    Column("code", String(64), primary_key=True),
    Column("parent", String(64), ForeignKey("areas.code"), nullable=True),
    Column("level", String(32), nullable=False),
    Column("sort", Integer, nullable=False, default=0),
    Column("name_zh", Text, nullable=False),
    Column("name_en", Text, nullable=False),
)

sources = Table(
    "sources", metadata,
    Column("id", String(64), primary_key=True),
    Column("publisher", Text, nullable=False, default=""),
    Column("title", Text, nullable=False, default=""),
    Column("date", String(32), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    # schema 8: a bulletin's document number and link; a version, as every edited row has
    Column("doc_number", Text, nullable=False, default=""),
    Column("link", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
)

indicators = Table(
    "indicators", metadata,
    Column("code", String(64), primary_key=True),
    Column("category", String(64), ForeignKey("categories.code"), nullable=False),
    Column("name_zh", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("unit", String(64), nullable=False, default=""),
    Column("unit_zh", String(64), nullable=False, default=""),  # schema 3
    Column("value_kind", String(16), nullable=False),
    Column("direction", String(16), nullable=False),
    Column("band_low", Float),
    Column("band_high", Float),
    Column("cumulative", Boolean, nullable=False, default=False),
    Column("vmin", Float),
    Column("vmax", Float),
    Column("period_type", String(16), nullable=False, default="half"),
    # schema 4: every period type the indicator takes ("month,half,year"; "" = period_type)
    Column("period_types", String(64), nullable=False, default=""),
    Column("day_count", Boolean, nullable=False, default=False),  # schema 4: at most the days
    Column("decimals", Integer, nullable=False, default=0),
    Column("tolerance", Float, nullable=False, default=0.0),
    Column("definition_en", Text, nullable=False, default=""),
    Column("definition_zh", Text, nullable=False, default=""),
    # schema 9: the wordings reports use for it, one a line (core.reports.wordings)
    Column("wordings", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
    # schema 7: a computed indicator's formula over others (core.computed); "" = typed
    Column("formula", Text, nullable=False, default="", server_default=""),
    # schema 7: what a figure is: flow, stock (at the period's end), average, ratio
    Column("measure", String(16), nullable=False, default="flow", server_default="flow"),
    CheckConstraint("value_kind in ('number','percent','count','class')", name="ck_ind_kind"),
    CheckConstraint("direction in ('higher','lower','band')", name="ck_ind_direction"),
)

_entered = (
    lambda: Column("entered_by", Text, nullable=False, default=""),
    lambda: Column("entered_at", String(32), nullable=False, default=""),
    lambda: Column("version", Integer, nullable=False, default=1),
)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator", String(64), ForeignKey("indicators.code"), nullable=False),
    Column("area", String(64), ForeignKey("areas.code"), nullable=False),
    Column("period", String(16), nullable=False),
    Column("period_ord", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("qualifier", String(16), nullable=False, default=""),
    Column("status", String(16), nullable=False, default="final"),
    Column("derived", Boolean, nullable=False, default=False),
    Column("derivation", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("source", String(64), ForeignKey("sources.id"), nullable=True),
    Column("source_ref", Text, nullable=False, default=""),
    # schema 6: the figure needs follow-up (a reviewer's mark); a server default, as the
    # rows a bulk load or psql writes leave it out
    Column("followup", Boolean, nullable=False, default=False, server_default=false()),
    *(make() for make in _entered),
    # schema 7: made by its indicator's formula (core.computed), never typed
    Column("computed", Boolean, nullable=False, default=False, server_default=false()),
    UniqueConstraint("indicator", "area", "period", name="uq_figure"),
    CheckConstraint("status in ('final','provisional')", name="ck_fig_status"),
    sqlite_autoincrement=True,
)
Index("ix_figures_area", figures.c.area)

targets = Table(
    "targets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator", String(64), ForeignKey("indicators.code"), nullable=False),
    Column("area", String(64), ForeignKey("areas.code"), nullable=False),
    Column("period", String(16), nullable=False),
    Column("period_ord", Integer, nullable=False),
    Column("comparator", String(8), nullable=False),
    Column("value", Float),  # schema 7: NULL for a qualitative or a relative target
    Column("value_high", Float),
    Column("kind", String(32), nullable=False),
    Column("baseline_period", String(16)),
    Column("baseline_value", Float),
    Column("derived", Boolean, nullable=False, default=False),
    Column("derivation", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("source", String(64), ForeignKey("sources.id"), nullable=True),
    Column("source_ref", Text, nullable=False, default=""),
    *(make() for make in _entered),
    # schema 7: where a target comes from and what it says when it is not a number
    Column("document", Text, nullable=False, default="", server_default=""),  # 渝府发〔2022〕11号
    Column("document_date", String(32), nullable=False, default="", server_default=""),
    Column("confidence", String(8), nullable=False, default="", server_default=""),  # H, M-H, M, L
    Column("qualitative", Text, nullable=False, default="", server_default=""),  # "达到国家考核要求"
    Column("relative", Float),  # % change on the baseline period's figure (-10 = down 10 %)
    UniqueConstraint("indicator", "area", "period", "kind", name="uq_target"),
    CheckConstraint("comparator in ('>=','<=','=','between')", name="ck_tgt_comparator"),
    CheckConstraint(TARGET_HAS_VALUE, name="ck_tgt_value"),
    sqlite_autoincrement=True,
)

changelog = Table(
    "changelog", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("who", Text, nullable=False),
    Column("entity", String(16), nullable=False),  # figure / target / indicator
    Column("entity_id", String(64), nullable=False),
    Column("action", String(8), nullable=False),  # create / update / delete
    Column("indicator", String(64)),
    Column("area", String(64)),
    Column("period", String(16)),
    Column("old", Text),  # JSON of the row before, null on create
    Column("new", Text),  # JSON of the row after, null on delete
    Column("why", Text, nullable=False, default=""),
    Column("origin", Text, nullable=False, default=""),  # schema 2: file an import came from
    # schema 6: why a figure of a reported half-year was changed
    Column("reason", Text, nullable=False, default="", server_default=""),
    sqlite_autoincrement=True,
)
Index("ix_changelog_entity", changelog.c.entity, changelog.c.entity_id)  # schema 2

# schema 5: the areas of each district desk (a PostgreSQL login role), which row-level
# security on figures reads (core/pg_roles.py); unused on SQLite
desk_areas = Table(
    "desk_areas", metadata,
    Column("desk", String(63), primary_key=True),
    Column("area", String(64), ForeignKey("areas.code"), primary_key=True),
)

# schema 6: a half-year's life per area (core/approval.py) and comments on figures
# (core/comments.py)
period_states = Table(
    "period_states", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("area", String(64), ForeignKey("areas.code"), nullable=False),
    Column("period", String(16), nullable=False),
    Column("state", String(16), nullable=False, default="open"),
    Column("submitted_by", Text, nullable=False, default=""),
    Column("submitted_at", String(32), nullable=False, default=""),
    Column("approved_by", Text, nullable=False, default=""),
    Column("approved_at", String(32), nullable=False, default=""),
    Column("reopened_by", Text, nullable=False, default=""),
    Column("reopened_at", String(32), nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),  # why it was last reopened
    Column("version", Integer, nullable=False, default=1),
    UniqueConstraint("area", "period", name="uq_period_state"),
    CheckConstraint("state in ('open','submitted','approved')", name="ck_period_state"),
    sqlite_autoincrement=True,
)

comments = Table(
    "comments", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # a figure by its key, not its id: a comment outlives the figure's delete and undo
    Column("indicator", String(64), ForeignKey("indicators.code"), nullable=False),
    Column("area", String(64), ForeignKey("areas.code"), nullable=False),
    Column("period", String(16), nullable=False),
    Column("text", Text, nullable=False),
    *(make() for make in _entered),
    sqlite_autoincrement=True,
)
Index("ix_comments_figure", comments.c.indicator, comments.c.area, comments.c.period)

VERSIONED = {"figure": figures, "target": targets, "indicator": indicators, "source": sources}
