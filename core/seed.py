"""The starter data set in ``seeds/``, loaded on first start through the users' load path."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection

from . import context_cache, rows, schema
from .errors import EcoError
from .i18n import tr
from .loader import apply_plan, plan_figures
from .migrations import meta_value, set_meta
from .problems import InputError, Problem
from .store import Store

SEED_USER = "seed"
WHY = "seed data set"


def seed_dir() -> Path:
    """``$ECOTRACKER_SEEDS`` or the ``seeds/`` folder beside the ``core`` package."""
    env = os.environ.get("ECOTRACKER_SEEDS")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "seeds"


def read(directory: Path, name: str) -> pd.DataFrame:
    path = directory / name
    if not path.exists():
        raise EcoError(tr("seed file {path} is missing", path=path))
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _none(v: str):
    return None if v == "" else v


def load_reference(conn: Connection, directory: Path) -> None:
    """Categories, areas and sources (plain rows: they carry no figures of their own)."""
    context_cache.changed(conn)  # the rules' areas and sources: read again after this
    conn.execute(schema.categories.insert(), [
        {"code": r["code"], "sort": int(r["sort"]), "name_zh": r["name_zh"],
         "name_en": r["name_en"]} for r in read(directory, "categories.csv").to_dict("records")])
    areas = read(directory, "areas.csv")
    areas = areas.assign(_top=areas["parent"] != "").sort_values(["_top", "sort"])
    conn.execute(schema.areas.insert(), [
        {"code": r["code"], "parent": _none(r["parent"]), "level": r["level"],
         "sort": int(r["sort"]), "name_zh": r["name_zh"], "name_en": r["name_en"]}
        for r in areas.to_dict("records")])
    conn.execute(schema.sources.insert(), read(directory, "sources.csv").to_dict("records"))


def _each(conn, directory: Path, name: str, entity: str, convert) -> list[Problem]:
    problems = []
    for i, r in enumerate(read(directory, name).to_dict("records"), start=2):
        try:
            rows.insert(conn, entity, convert(r), who=SEED_USER, why=WHY, origin=f"seeds/{name}")
        except EcoError as exc:
            problems.append(Problem(str(exc), name, "", i))
    return problems


def _indicator(r: dict) -> dict:
    """A row of ``indicators.csv`` as :func:`core.validate.indicator_values` takes it (the CSV
    says ``min``/``max`` for the natural limits, the schema ``vmin``/``vmax``)."""
    out = {k: v for k, v in r.items() if k not in ("min", "max")}
    return {**out, "vmin": r.get("min", ""), "vmax": r.get("max", ""),
            "cumulative": r["cumulative"] == "1", "decimals": int(r["decimals"] or 0),
            "tolerance": float(r["tolerance"] or 0)}


def _target(r: dict) -> dict:
    return {**r, "derived": r.get("derived") == "1", "source_ref": r.get("paragraph", "")}


def load_seeds(store: Store, directory: Path | None = None) -> dict | None:
    """Load the seed data set in one transaction; any problem leaves the database untouched.

    The transaction holds the database's setup lock, so desks opening a new database at once
    seed it once: a desk that finds it seeded when its turn comes returns None (someone else
    just seeded it, which is success).
    """
    directory = directory or seed_dir()
    with store.write("seed", setup=True) as conn:
        if meta_value(conn, "seed") == "done":
            return None
        load_reference(conn, directory)
        from .reports.wordings import seed_wordings

        said = seed_wordings(directory / "wordings.csv")  # how reports name each indicator
        problems = _each(conn, directory, "indicators.csv", "indicator",
                         lambda r: {**_indicator(r), "wordings": said.get(r["code"], "")})
        if problems:
            raise InputError(problems)
        figs = read(directory, "figures.csv").rename(columns={"paragraph": "source_ref"})
        figs["_row"] = range(2, len(figs) + 2)
        plan = plan_figures(conn, figs, file="figures.csv", warn=False)
        problems = plan.problems + _each(conn, directory, "targets.csv", "target", _target)
        if problems:
            raise InputError(problems)
        counts = apply_plan(conn, plan, who=SEED_USER, why=WHY, origin="seeds/figures.csv")
        set_meta(conn, "seed", "done")
    return counts
