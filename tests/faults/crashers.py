"""Jobs that crash in the ways a parser can, for :func:`core.excel.isolated.run_isolated`.

Module-level functions, so that a spawned child can import them.
"""
from __future__ import annotations

import os
import signal


def abort(*, progress):
    progress(1, 2)
    os.abort()  # as a Rust panic in the parser ends the process


def killed(*, progress):
    os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer does


def greedy(*, progress):
    return bytearray(64 << 30)  # more than the address space allowed


def hang(*, progress):
    import time

    while True:
        time.sleep(1)


def answer(x, *, progress):
    progress(1, 1)
    return x * 2


def parse_unchecked(path, *, progress):
    """The parser on a file the safety checks were skipped for (a sheet of billions of
    cells): it asks for more memory than the child may have and aborts."""
    from core.excel.reader import read_table

    return read_table(path)
