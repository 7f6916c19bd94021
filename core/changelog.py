"""The change log: one row per create, update and delete, written in the same transaction."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pandas as pd
from sqlalchemy import Connection, select

from . import schema

# What a log row's payload leaves out: its own columns hold the key, the indicator, area and
# period, who and when (core/write.py makes every payload).
LOG_OMITS = ("id", "code", "indicator", "area", "period", "period_ord", "version",
             "entered_by", "entered_at", "_row")


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def history(conn: Connection, entity: str, entity_id: str | int) -> pd.DataFrame:
    """Every change of one row, oldest first, with old and new values decoded."""
    t = schema.changelog
    rows = conn.execute(select(t).where(t.c.entity == entity, t.c.entity_id == str(entity_id))
                        .order_by(t.c.id)).mappings().all()
    df = pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in t.columns])
    for col in ("old", "new"):
        df[col] = [json.loads(v) if isinstance(v, str) else None for v in df[col]]
    return df
