"""Another desk writes one of the import's new figures between the preview and the apply."""
from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import func, select

from core import queries, rows, schema
from core.errors import ConflictError
from core.excel.importer import apply_import, read_import
from core.excel.template import write_template
from core.store import Store

MESSAGE = ("someone added some of these figures since the preview; nothing was written: "
           "preview the import again")


def filled_entry_workbook(store, tmp_path, values: dict) -> str:
    """An entry workbook for Chongqing, 2025H1, with ``values`` (indicator -> value) typed."""
    path = tmp_path / "entry.xlsx"
    write_template(store, path, "2025H1", area="Chongqing")
    wb = openpyxl.load_workbook(path)
    ws = wb["Entry"]
    head = [c.value for c in ws[4]]
    col = {h: openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(head)}
    at = {ws[f"{col['Indicator code']}{r}"].value: r for r in range(5, ws.max_row + 1)}
    for code, value in values.items():
        ws[f"{col['Value']}{at[code]}"] = value
    filled = tmp_path / "district return.xlsx"
    wb.save(filled)
    return filled


def _figures(store, code: str):
    with store.read() as conn:
        f = queries.figures(conn, indicators=[code], areas=["chongqing"])
    return f[f["period"] == "2025H1"]


def _logged_from(store, origin: str) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(schema.changelog)
                            .where(schema.changelog.c.origin == origin)).scalar_one()


def test_a_figure_added_by_another_desk_after_the_preview_is_a_clear_conflict(
        store, db_url, tmp_path):
    path = filled_entry_workbook(store, tmp_path, {"AIR.GOOD_DAYS": 170, "AIR.PM25": 31.5})
    preview = read_import(store, path)
    assert preview.ok, preview.plan.problems
    assert set(preview.plan.new["indicator"]) >= {"AIR.GOOD_DAYS", "AIR.PM25"}
    assert _figures(store, "AIR.GOOD_DAYS").empty and _figures(store, "AIR.PM25").empty

    other = Store.open(db_url, user="other desk")
    try:
        with other.write() as conn:
            rows.insert(conn, "figure", {"indicator": "AIR.GOOD_DAYS", "area": "chongqing",
                                         "period": "2025H1", "value": 168},
                        who=other.user, why="typed edit")
    finally:
        other.close()

    with pytest.raises(ConflictError) as err:
        apply_import(store, preview)
    assert str(err.value) == MESSAGE
    assert err.value.english == MESSAGE
    # Nothing of the import was written; the other desk's figure stands.
    assert _figures(store, "AIR.PM25").empty
    good = _figures(store, "AIR.GOOD_DAYS")
    assert good["value"].tolist() == [168] and good["entered_by"].tolist() == ["other desk"]
    assert _logged_from(store, path.name) == 0
    # Previewed again, the file shows the figure as a change to the other desk's value.
    again = read_import(store, path)
    assert again.ok
    assert "AIR.GOOD_DAYS" in set(again.plan.changed["indicator"])
    assert "AIR.GOOD_DAYS" not in set(again.plan.new["indicator"])


def test_other_refusals_keep_their_own_message(store, tmp_path, monkeypatch):
    """A refusal that is not another desk's figure (nothing of the plan exists yet) is not
    blamed on one."""
    import core.excel.importer as importer

    path = filled_entry_workbook(store, tmp_path, {"AIR.PM25": 31.5})
    preview = read_import(store, path)

    def refuse(conn, plan, **kw):
        raise ConflictError("the database refused the change: CHECK constraint failed")

    monkeypatch.setattr(importer, "apply_plan", refuse)
    with pytest.raises(ConflictError) as err:
        apply_import(store, preview)
    assert str(err.value) == "the database refused the change: CHECK constraint failed"
