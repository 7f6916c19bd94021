"""How to run one of our modules in a fresh interpreter, from a checkout or from a bundle.

From a checkout or a virtual environment that is ``python -m MODULE``. A bundle made by
PyInstaller has no ``python`` to run: its executable is the program itself, so the module is
asked for with ``--run-module MODULE`` and the entry point (``packaging/entry.py``) runs it
before anything else.
"""
from __future__ import annotations

import sys

RUN_MODULE = "--run-module"


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def module_command(module: str, *args: str) -> list[str]:
    flag = RUN_MODULE if frozen() else "-m"
    return [sys.executable, flag, module, *args]
