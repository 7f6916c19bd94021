"""The window as a district and a viewer desk on the real server: what the desk may not
change is greyed out, with the rule in the tooltip; the window opens through the password
dialog when the server asks for one."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.errors import PasswordNeeded
from gui.context import AppContext
from gui.indicator.figure_model import COLUMNS
from gui.indicator.view import IndicatorView

from .desks import DISTRICT_AREA, make_desks

pytestmark = pytest.mark.gui
VALUE = COLUMNS.index("value")
EDITABLE = Qt.ItemFlag.ItemIsEditable
TIP, FORE = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole


@pytest.fixture
def desks(pg_url):
    return make_desks(pg_url)


def _view(desks, role, qtbot):
    store = desks.store(role)
    view = IndicatorView(AppContext(store))
    qtbot.addWidget(view)
    view.set_indicator("AIR.PM25")  # figures of chongqing and of shapingba
    return view, store


def test_a_district_desk_edits_only_its_own_areas_cells(desks, qtbot):
    view, store = _view(desks, "district", qtbot)
    m = view.figure_table.model()
    areas = [str(m.row_dict(r)["area"]) for r in range(m.rowCount())]
    assert DISTRICT_AREA in areas and "chongqing" in areas
    for r, area in enumerate(areas):
        cell = m.index(r, VALUE)
        if area == DISTRICT_AREA:
            assert m.flags(cell) & EDITABLE
            assert m.data(cell, FORE) is None
        else:
            assert not m.flags(cell) & EDITABLE
            assert m.data(cell, FORE) is not None  # greyed
            assert "district desks change only the figures of their own areas (shapingba)" \
                in m.data(cell, TIP)
            assert not m.setData(cell, 1.0)  # and refused from code too
    b = view.ui.buttons
    assert b["newFigureButton"].isEnabled()
    for name in ("newTargetButton", "editIndicatorButton"):
        assert not b[name].isEnabled()
        assert "only admin desks change targets" in b[name].toolTip()
    view.close()
    store.close()


def test_a_viewer_desk_changes_nothing(desks, qtbot):
    view, store = _view(desks, "viewer", qtbot)
    m = view.figure_table.model()
    assert not any(m.flags(m.index(r, VALUE)) & EDITABLE for r in range(m.rowCount()))
    for name in ("newFigureButton", "newTargetButton", "editIndicatorButton", "deleteButton"):
        assert not view.ui.buttons[name].isEnabled()
        assert "viewer desks only read" in view.ui.buttons[name].toolTip()
    view.close()
    store.close()


def test_the_admin_desk_has_everything(desks, qtbot):
    view, store = _view(desks, "admin", qtbot)
    m = view.figure_table.model()
    assert all(m.flags(m.index(r, VALUE)) & EDITABLE for r in range(m.rowCount()))
    assert all(b.isEnabled() for n, b in view.ui.buttons.items() if n != "savePlotButton")
    view.close()
    store.close()


def test_the_windows_menu_greys_what_a_district_may_not_do(desks, open_window):
    w = open_window(desks.urls["district"])
    acts = w.actions_.all
    assert not acts["NewIndicator"].isEnabled()
    assert "only admin desks" in acts["NewIndicator"].toolTip()
    assert acts["ImportExcel"].isEnabled()


def test_the_window_asks_for_a_password_when_the_server_wants_one(desks, qtbot,
                                                                  monkeypatch):
    """libpq found no password (no PGPASSWORD, .pgpass or service file): the window asks,
    in a dialog, and connects in a worker with what was typed."""
    from core.store import Store
    from gui import connect

    real_open = Store.open
    tried = []

    def open_needing(db, *, password=None, **kw):
        tried.append(password)
        if password != "right":
            raise PasswordNeeded("the server asks for a password")
        return real_open(db, **kw)

    monkeypatch.setattr(Store, "open", staticmethod(open_needing))
    asked = iter(["wrong", "right"])
    store = connect.open_store(desks.urls["city"], None, ask=lambda parent, why: next(asked))
    assert tried == [None, "wrong", "right"]
    store.close()
    with pytest.raises(PasswordNeeded):  # cancelled
        connect.open_store(desks.urls["city"], None, ask=lambda parent, why: None)


def test_the_password_dialog_hides_what_is_typed(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from gui.connect import PasswordDialog

    dlg = PasswordDialog("db asks for a password")
    qtbot.addWidget(dlg)
    assert dlg.field.echoMode() == QLineEdit.EchoMode.Password
