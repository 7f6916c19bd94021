"""Writes leave the GUI thread: edits, undo and redo run in a worker, one at a time, in the
order they were asked for (gui.ops, gui.undo, AppContext.edit)."""
from __future__ import annotations

import threading
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QTimer

from core import queries
from core.edits import UpdateRow
from core.errors import StaleEditError
from core.store import Store
from gui.context import AppContext
from gui.ops import OpRunner
from tests.gui.conftest import settle

pytestmark = pytest.mark.gui


class Gate:
    """Holds every write of a store until opened; notes the threads the writes ran on."""

    def __init__(self, store: Store, monkeypatch):
        self.open, self.waiting, self.threads = threading.Event(), threading.Event(), []
        real = store.write

        @contextmanager
        def write():
            self.threads.append(threading.current_thread())
            self.waiting.set()
            assert self.open.wait(10), "the write was held on the GUI thread"
            with real() as conn:
                yield conn

        monkeypatch.setattr(store, "write", write)


def value_of(store: Store, fid: int) -> float:
    with store.read() as conn:
        return float(queries.figures(conn, indicators=["AIR.PM25"]).set_index("id")
                     .loc[fid, "value"])


def first_figure(store: Store) -> tuple[int, int, float]:
    with store.read() as conn:
        f = queries.figures(conn, indicators=["AIR.PM25"]).iloc[0]
    return int(f["id"]), int(f["version"]), float(f["value"])


def test_an_edit_is_written_in_a_worker_while_the_window_runs_on(store, qtbot, monkeypatch):
    ctx = AppContext(store)
    fid, version, old = first_figure(store)
    gate = Gate(store, monkeypatch)
    changed, ticks = [], []
    ctx.changed.connect(changed.append)
    ctx.edit(UpdateRow("figure", fid, version, {"value": 29.9}), "edit")  # returns at once
    qtbot.waitUntil(gate.waiting.is_set)
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks))  # the event loop turns while the write is held
    assert ctx.ops.busy and not changed and ctx.undo_stack.count() == 0
    assert value_of(store, fid) == old
    gate.open.set()
    qtbot.waitUntil(lambda: bool(changed))
    assert value_of(store, fid) == 29.9 and ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    settle(qtbot, ctx)
    assert value_of(store, fid) == old
    assert threading.main_thread() not in gate.threads and len(gate.threads) == 2


def test_the_changed_signal_carries_the_row_as_written(store, qtbot):
    ctx = AppContext(store)
    fid, version, _ = first_figure(store)
    seen = []
    ctx.changed.connect(lambda ch: seen.append(ch.row))
    ctx.edit(UpdateRow("figure", fid, version, {"value": 31.0}), "edit")
    settle(qtbot, ctx)
    assert seen[0]["id"] == fid and seen[0]["value"] == 31.0
    assert seen[0]["version"] == version + 1


def test_undo_pressed_while_an_edit_is_on_its_way_undoes_that_edit(store, qtbot, monkeypatch):
    """Ctrl+Z right after typing: the edit has not landed, so its command is not yet on the
    stack; the undo waits for it instead of undoing the edit before."""
    ctx = AppContext(store)
    fid, version, _ = first_figure(store)
    ctx.edit(UpdateRow("figure", fid, version, {"value": 30.0}), "first")
    settle(qtbot, ctx)
    gate = Gate(store, monkeypatch)
    ctx.edit(UpdateRow("figure", fid, version + 1, {"value": 20.0}), "second")
    ctx.undo()  # what the Undo action calls
    qtbot.waitUntil(gate.waiting.is_set)
    assert ctx.undo_stack.count() == 1  # "second" not pushed yet, nothing undone yet
    gate.open.set()
    settle(qtbot, ctx)
    assert value_of(store, fid) == 30.0  # "first" stands, "second" undone
    assert ctx.undo_stack.count() == 2 and ctx.undo_stack.index() == 1
    assert ctx.undo_stack.undoText() == "first" and ctx.undo_stack.redoText() == "second"


def test_the_undo_action_goes_through_the_queue(window, qtbot):
    from PySide6.QtGui import QAction

    ctx = window.ctx
    fid, version, old = first_figure(ctx.store)
    ctx.edit(UpdateRow("figure", fid, version, {"value": 30.0}), "first")
    window.findChild(QAction, "actionUndo").trigger()  # before "first" has landed
    settle(qtbot, ctx)
    assert value_of(ctx.store, fid) == old
    assert ctx.undo_stack.index() == 0 and ctx.undo_stack.redoText() == "first"


def test_a_refused_undo_leaves_the_stack_and_is_reported(store, db_url, qtbot):
    ctx = AppContext(store)
    fid, version, _ = first_figure(store)
    errors = []
    ctx.error.connect(errors.append)
    ctx.edit(UpdateRow("figure", fid, version, {"value": 30.0}), "mine")
    settle(qtbot, ctx)
    other = Store.open(db_url, user="other desk")
    try:
        UpdateRow("figure", fid, version + 1, {"value": 41.0}).apply(other)
    finally:
        other.close()
    ctx.undo_stack.undo()
    settle(qtbot, ctx)
    assert len(errors) == 1 and isinstance(errors[0], StaleEditError)
    assert ctx.undo_stack.count() == 0  # nothing left that redo could wrongly apply
    assert value_of(store, fid) == 41.0


def test_closing_waits_for_the_writes_on_their_way(store, db_url, qtbot):
    ctx = AppContext(store)
    fid, version, _ = first_figure(store)
    ctx.edit(UpdateRow("figure", fid, version, {"value": 33.3}), "edit")
    ctx.close()
    assert not ctx.ops.busy and ctx.undo_stack.count() == 1
    again = Store.open(db_url)
    try:
        assert value_of(again, fid) == 33.3
    finally:
        again.close()


def test_operations_run_in_order_and_a_step_goes_before_what_follows_it(sqlite_store, qtbot):
    runner = OpRunner(sqlite_store)
    log: list[str] = []

    def op(name):
        return lambda store: (log.append(f"run {name}"), name)[1]

    def done(result):
        log.append(f"done {result}")

    runner.run(op("a"), on_done=done, on_failed=None)
    # queued behind "a"; what it queues runs before "c", queued after it
    runner.when_done(lambda: (log.append("step"),
                              runner.run(op("b"), on_done=done, on_failed=None)))
    runner.run(op("c"), on_done=done, on_failed=None)
    qtbot.waitUntil(lambda: not runner.busy)
    assert log == ["run a", "done a", "step", "run b", "done b", "run c", "done c"]


def test_a_failed_operation_reports_and_the_queue_goes_on(sqlite_store, qtbot):
    runner = OpRunner(sqlite_store)
    got = []

    def boom(store):
        raise ValueError("no")

    runner.run(boom, on_done=got.append, on_failed=lambda exc: got.append(str(exc)))
    runner.run(lambda store: 2, on_done=got.append, on_failed=got.append)
    qtbot.waitUntil(lambda: not runner.busy)
    assert got == ["no", 2]


class GuiThreadReads:
    """Notes every store.read() / store.write() opened on the GUI thread."""

    def __init__(self, store: Store, monkeypatch):
        self.calls: list[str] = []
        self.on = False
        for name in ("read", "write"):
            real = getattr(store, name)

            @contextmanager
            def wrapped(*a, _real=real, _name=name, **k):
                if self.on and threading.current_thread() is threading.main_thread():
                    import traceback

                    self.calls.append(_name + "".join(traceback.format_stack(limit=6)))
                with _real(*a, **k) as conn:
                    yield conn

            monkeypatch.setattr(store, name, wrapped)


def test_edits_undo_redo_delete_dialog_and_f5_make_no_round_trip_on_the_gui_thread(
        window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from gui.dialogs.figure_dialog import FigureDialog
    from gui.indicator.figure_model import COLUMNS
    from tests.gui.conftest import click_ok

    ctx = window.ctx
    assert window.indicators.select("AIR.PM25")
    view = window.indicator_view
    qtbot.waitUntil(lambda: view.code == "AIR.PM25" and view.figures_model.rowCount() > 0)
    settle(qtbot, ctx)
    m = view.figures_model
    gui = GuiThreadReads(ctx.store, monkeypatch)
    gui.on = True
    assert m.setData(m.index(0, COLUMNS.index("value")), 29.9)  # typed edit
    settle(qtbot, ctx)
    ctx.undo()
    settle(qtbot, ctx)
    ctx.redo()
    settle(qtbot, ctx)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.figure_table.selectRow(0)
    view.delete_selected()
    settle(qtbot, ctx)
    ctx.undo()
    settle(qtbot, ctx)
    window.refresh()  # F5
    settle(qtbot, ctx)
    qtbot.wait(100)  # what F5 leaves for later turns of the event loop
    assert gui.calls == []

    # a dialog: the core's check as the fields are typed, OK and the write
    dlg = FigureDialog(ctx, "AIR.PM25", existing=m.frame)
    qtbot.addWidget(dlg)
    dlg.fields["period"].setText("2019H1")
    dlg.fields["value"].setValue(52.3)
    dlg.fields["note"].setText("from the archive")
    click_ok(qtbot, dlg)
    assert dlg.outcome is not None
    qtbot.waitUntil(lambda: m.row_of(dlg.outcome.row["id"]) >= 0)
    assert gui.calls == []
