"""Long work off the GUI thread.

A job is a plain function ``fn(progress, cancelled)`` from :mod:`core` (``progress(done, total)``
and ``cancelled() -> bool``). It runs on ``QThreadPool``; its result, error and progress come
back to the GUI thread by queued signals. A progress dialog appears only if the job takes
longer than half a second, so quick jobs never flash one.
"""
from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 500


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)  # the exception


class Job(QRunnable):
    """One background job; keep a reference until ``done`` or ``failed`` arrives."""

    def __init__(self, fn: Callable, *args, **kwargs):
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = _Signals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        self.signals.progress.emit(int(done), int(total))

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(*self.args, progress=self._progress, cancelled=self.cancelled,
                             **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            exc.__traceback_text__ = traceback.format_exc()
            outcome, signal = exc, "failed"
        else:
            outcome, signal = result, "done"
        if shiboken6.isValid(self.signals):  # the application may be shutting down
            getattr(self.signals, signal).emit(outcome)


_running: set[Job] = set()


def start(fn: Callable, *args, on_done: Callable[[object], None],
          on_failed: Callable[[BaseException], None], parent: QWidget | None = None,
          label: str = "", cancellable: bool = True, pool: QThreadPool | None = None,
          **kwargs) -> Job:
    """Run ``fn(*args, progress=..., cancelled=..., **kwargs)`` in the thread pool.

    With a ``parent`` and a ``label``, a modal progress dialog shows after half a second.
    With a ``parent``, ``on_done`` and ``on_failed`` are not called once it has been deleted
    (a window closed while its job ran).
    """
    job = Job(fn, *args, **kwargs)
    dialog = None
    if parent is not None and label:
        cancel = QCoreApplication.translate("workers", "Cancel") if cancellable else ""
        dialog = QProgressDialog(label, cancel, 0, 0, parent)
        dialog.setObjectName("progressDialog")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(job.cancel)

        def _on_progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total > 0 else 0)

        job.signals.progress.connect(_on_progress)

    def _finish() -> None:
        _running.discard(job)
        if dialog is not None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

    def _alive() -> bool:  # the window that asked may have closed meanwhile
        return parent is None or shiboken6.isValid(parent)

    job.signals.done.connect(lambda result: (_finish(), _alive() and on_done(result)))
    job.signals.failed.connect(lambda exc: (_finish(), _alive() and on_failed(exc)))
    _running.add(job)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
