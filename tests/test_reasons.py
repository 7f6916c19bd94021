"""Undo of an undo is a redo in the change log, and reasons read in the window's language."""
from __future__ import annotations

from sqlalchemy import select

from core import i18n, queries, reasons, schema
from core.edits import UpdateRow


def test_inverse_toggles():
    assert reasons.inverse("typed edit") == "undo: typed edit"
    assert reasons.inverse("undo: typed edit") == "redo: typed edit"
    assert reasons.inverse("redo: typed edit") == "undo: typed edit"


def test_undo_redo_undo_logs_undo_redo_undo(sqlite_store):
    with sqlite_store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"], areas=["chongqing"]).iloc[-1]
    undo = UpdateRow("figure", int(f["id"]), int(f["version"]), {"value": 35.0}).apply(
        sqlite_store).inverse
    redo = undo.apply(sqlite_store).inverse
    redo.apply(sqlite_store).inverse.apply(sqlite_store)
    t = schema.changelog
    with sqlite_store.read() as conn:
        whys = [r[0] for r in conn.execute(select(t.c.why).where(
            t.c.entity == "figure", t.c.entity_id == str(int(f["id"]))).order_by(t.c.id))]
    assert whys[-4:] == ["typed edit", "undo: typed edit", "redo: typed edit",
                         "undo: typed edit"]


def test_shown_in_chinese():
    table = {"typed edit": "手工录入", "undo: {reason}": "撤销：{reason}",
             "redo: {reason}": "重做：{reason}", "import": "导入"}
    i18n.set_translator(lambda t: table.get(t, ""), "zh_CN")
    try:
        assert reasons.shown("redo: typed edit") == "重做：手工录入"
        assert reasons.shown("undo: import") == "撤销：导入"
        assert reasons.shown("checked against the bulletin") == "checked against the bulletin"
    finally:
        i18n.set_translator(None)
    assert reasons.shown("undo: typed edit") == "undo: typed edit"
