"""Run a job in a child process, so that a crash there is a message and not the end of the caller.

The window reads and checks a workbook this way (:func:`read_import_isolated`): whatever a
hostile or unforeseen file does to the parser (abort, run out of memory, be killed by the
kernel), the window survives and says so. The child is started with ``spawn`` (a fresh
interpreter: forking a process that runs Qt threads is unsafe), its address space is limited
(:func:`memory_limit`), and progress and the result come back through a pipe. Cancelling kills
the child: it writes nothing, so there is nothing to undo.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from pathlib import Path

from ..errors import EcoError
from ..i18n import tr
from . import Cancelled, never, no_progress

POLL = 0.1  # seconds between looks at ``cancelled()`` while the child works


def memory_limit() -> int:
    """Bytes of address space a child may use: half the machine's memory, 3-16 GiB.

    Address space, not resident memory: the interpreter, numpy's and Qt's libraries and each
    thread's stack reserve ~1 GB before a byte is read. A whole bureau's export (680,000 rows)
    needs ~2 GB on top.
    """
    try:
        ram = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        ram = 8 << 30
    return int(min(max(ram // 2, 3 << 30), 16 << 30))


def _child(conn, fn, args, init, limit) -> None:
    """The child's body: set its limit, run ``fn`` and send back what became of it."""
    if limit:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):  # Windows, or a hard limit already lower
            pass
    if init is not None:
        init[0](*init[1:])

    def progress(done: int, total: int) -> None:
        conn.send(("progress", (int(done), int(total))))

    try:
        result = fn(*args, progress=progress)
    except EcoError as exc:
        conn.send(("error", exc))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as exc:  # noqa: BLE001 - anything else is reported, not raised
        conn.send(("failed", f"{type(exc).__name__}: {exc}".strip()))
    else:
        conn.send(("done", result))
    conn.close()


def _ended(what: str, code: int | None, limit: int | None) -> EcoError:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        if -code == getattr(signal, "SIGKILL", 9):  # the kernel's out-of-memory killer
            return EcoError(tr("{what} could not be read: the process reading it was stopped "
                               "(killed, most likely for lack of memory); nothing was written",
                               what=what))
        return EcoError(tr("{what} could not be read: the process reading it crashed "
                           "({signal}); nothing was written", what=what, signal=name))
    return EcoError(tr("{what} could not be read: the process reading it ended unexpectedly "
                       "(exit code {code}); nothing was written", what=what, code=code))


def run_isolated(fn: Callable, *args, what: str, progress=no_progress, cancelled=never,
                 init: tuple | None = None, limit: int | None = None):
    """``fn(*args, progress=...)`` in a child process; its result, or its error raised here.

    ``fn`` and ``args`` must pickle (``fn`` a module-level function). ``init`` is
    ``(function, *arguments)`` called in the child first (e.g. to install a translator).
    ``what`` names the job in messages (a file's name).

    Raises
    ------
    EcoError
        The child's own error, or one saying it crashed, was killed or ran out of memory.
    Cancelled
        If ``cancelled()`` turned true; the child is killed.
    """
    limit = memory_limit() if limit is None else limit
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, fn, args, init, limit), daemon=True,
                       name="ecotracker-read")
    try:
        proc.start()
    except OSError as exc:
        raise EcoError(tr("{what} could not be read: no process could be started to read "
                          "it ({reason})", what=what, reason=exc.strerror or exc)) from None
    send.close()  # the child holds the other end: when it dies, recv() sees the end
    try:
        while True:
            if cancelled():
                raise Cancelled(tr("the import was cancelled; nothing was written"))
            if not receive.poll(POLL):
                if not proc.is_alive() and not receive.poll(0):
                    break
                continue
            try:
                kind, payload = receive.recv()
            except (EOFError, OSError):
                break
            if kind == "progress":
                progress(*payload)
            elif kind == "done":
                return payload
            elif kind == "error":
                raise payload
            elif kind == "memory":
                raise EcoError(tr("{what} could not be read: it needs more than the {size} GB "
                                  "of memory a workbook may take to read; split it into "
                                  "smaller workbooks", what=what,
                                  size=f"{limit / 2**30:.0f}"))
            else:
                raise EcoError(tr("{what} could not be read: {reason}", what=what,
                                  reason=payload))
        proc.join(5)
        raise _ended(what, proc.exitcode, limit)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        receive.close()


def _read_import(url: str, user: str, path: str, *, progress):
    from ..store import Store
    from .importer import read_import

    store = Store.open(url, create=False, user=user)
    try:
        return read_import(store, path, progress=progress)
    finally:
        store.close()


def read_import_isolated(store, path: str | Path, *, progress=no_progress, cancelled=never,
                         init: tuple | None = None, limit: int | None = None):
    """:func:`core.excel.importer.read_import` in a child process (see :func:`run_isolated`):
    the same :class:`~core.excel.importer.Preview`, or the same errors, and a message instead
    of a crash."""
    return run_isolated(_read_import, store.url, store.user, str(path), what=Path(path).name,
                        progress=progress, cancelled=cancelled, init=init, limit=limit)
