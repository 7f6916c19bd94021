"""The change log: one row per create, update and delete, written in the same transaction."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pandas as pd
from sqlalchemy import Connection, select

from . import schema

_BOOKKEEPING = ("entered_at",)


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def to_json(row: dict | None) -> str | None:
    if row is None:
        return None
    clean = {k: v for k, v in row.items() if k not in _BOOKKEEPING}
    return json.dumps(clean, ensure_ascii=False, sort_keys=True, default=str)


def log_entry(entity: str, action: str, old: dict | None, new: dict | None, *, who: str,
              why: str, origin: str = "", at: str | None = None) -> dict:
    """The values of one change-log row (for ``insert`` or a bulk ``executemany``)."""
    ref = new if new is not None else old
    key_col = "code" if entity == "indicator" else "id"
    return {
        "at": at or now_iso(), "who": who, "entity": entity, "entity_id": str(ref[key_col]),
        "action": action,
        "indicator": ref.get("indicator", ref.get("code") if entity == "indicator" else None),
        "area": ref.get("area"), "period": ref.get("period"),
        "old": to_json(old), "new": to_json(new), "why": why, "origin": origin,
    }


def write(conn: Connection, entries: list[dict]) -> None:
    if entries:
        conn.execute(schema.changelog.insert(), entries)


def history(conn: Connection, entity: str, entity_id: str | int) -> pd.DataFrame:
    """Every change of one row, oldest first, with old and new values decoded."""
    t = schema.changelog
    rows = conn.execute(select(t).where(t.c.entity == entity, t.c.entity_id == str(entity_id))
                        .order_by(t.c.id)).mappings().all()
    df = pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in t.columns])
    for col in ("old", "new"):
        df[col] = [json.loads(v) if isinstance(v, str) else None for v in df[col]]
    return df
