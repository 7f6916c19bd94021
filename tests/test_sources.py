"""Sources through the one write path: created, edited, deleted, undone and redone, with
their change log, on both databases; one rule for the dialog and the import."""
from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import select

from core import queries, schema
from core.edits import CreateRow, DeleteRow, UpdateRow
from core.errors import ConflictError, ValueParseError
from core.sources import find_named, parse_date, source_values

NEW = {"publisher": "重庆市生态环境局", "title": "2026年上半年全市生态环境质量通报",
       "date": "2026年7月8日", "doc_number": "渝环〔2026〕12号",
       "link": "https://sthjj.cq.gov.cn/x.html"}


def _sources(store) -> pd.DataFrame:
    with store.read() as conn:
        return queries.sources(conn).set_index("id")


def _log(store, key) -> list[tuple]:
    t = schema.changelog
    with store.read() as conn:
        return [tuple(r) for r in conn.execute(select(t.c.action, t.c.why).where(
            t.c.entity == "source", t.c.entity_id == key).order_by(t.c.id))]


def test_create_edit_undo_redo_delete(store):
    out = CreateRow("source", dict(NEW)).apply(store)
    key = out.changed.key
    assert key == "src-2026-07-08" and out.changed.reference and not out.changed.structure
    row = _sources(store).loc[key]
    assert row["date"] == "2026-07-08" and row["doc_number"] == "渝环〔2026〕12号"
    assert row["version"] == 1
    edit = UpdateRow("source", key, 1, {"title": "2026年上半年通报（修订）"})
    undo = edit.apply(store).inverse
    assert _sources(store).loc[key, "title"] == "2026年上半年通报（修订）"
    redo = undo.apply(store).inverse
    assert _sources(store).loc[key, "title"] == NEW["title"]
    redo.apply(store)
    assert _sources(store).loc[key, "title"] == "2026年上半年通报（修订）"
    assert [a for a, _ in _log(store, key)] == ["create", "update", "update", "update"]
    # a second source of the same day gets its own id
    assert CreateRow("source", dict(NEW)).apply(store).changed.key == "src-2026-07-08-2"
    gone = DeleteRow("source", key, int(_sources(store).loc[key, "version"])).apply(store)
    assert key not in _sources(store).index
    gone.inverse.apply(store)
    assert key in _sources(store).index


def test_a_source_in_use_is_not_deleted(store):
    row = _sources(store).loc["cq-2024h1"]
    with pytest.raises(ConflictError, match="source of"):
        DeleteRow("source", "cq-2024h1", int(row["version"])).apply(store)


@pytest.mark.parametrize("values,field", [
    ({"title": "", "publisher": ""}, "title"),
    ({"title": "x", "date": "July 2026"}, "date"),
    ({"title": "x", "date": "2026-13"}, "date"),
    ({"title": "x", "link": "sthjj.cq.gov.cn"}, "link"),
    ({"title": "x\x07"}, "title")])
def test_refused_with_the_field(values, field):
    with pytest.raises(ValueParseError) as err:
        source_values(None, values)
    assert err.value.field == field


def test_dates_as_desks_type_them():
    assert parse_date("２０２６年７月８日") == "2026-07-08"
    assert parse_date("2026/7") == "2026-07"
    assert parse_date("2026") == "2026"
    assert parse_date("2026-07-08") == "2026-07-08"


def test_find_named():
    df = pd.DataFrame({"id": ["a"], "publisher": ["Bureau"], "title": ["H1 Report"]})
    assert find_named(df, "ｈ1 report") == "a"
    assert find_named(df, "Bureau, H1 Report") == "a"
    assert find_named(df, "a") == "a"
    assert find_named(df, "other") is None
