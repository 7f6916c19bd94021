"""The database schema (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Figures and targets carry a ``version`` for optimistic concurrency: an update names the version
it was made from and is refused when the stored row has moved on. ``period_ord`` is an integer
sort key of the period code (see :func:`core.periods.Period.sort_key`) so SQL can order and pick
the latest period without parsing codes.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, CheckConstraint, Column, Float, ForeignKey, Index, Integer,
                        MetaData, String, Table, Text, UniqueConstraint)

SCHEMA_VERSION = 8

metadata = MetaData()

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
    Column("version", Integer, nullable=False, default=1),
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
    *(make() for make in _entered),
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
    Column("value", Float, nullable=False),
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
    UniqueConstraint("indicator", "area", "period", "kind", name="uq_target"),
    CheckConstraint("comparator in ('>=','<=','=','between')", name="ck_tgt_comparator"),
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
    sqlite_autoincrement=True,
)
Index("ix_changelog_entity", changelog.c.entity, changelog.c.entity_id)  # schema 2

VERSIONED = {"figure": figures, "target": targets, "indicator": indicators, "source": sources}
