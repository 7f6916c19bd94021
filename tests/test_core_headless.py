"""``core`` never imports Qt: it imports and works with PySide6 and pyqtgraph unavailable."""
from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import core

REPO = Path(__file__).resolve().parent.parent

BLOCKER = r"""
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'gui'):
            raise ImportError('blocked for this test: ' + name)
sys.meta_path.insert(0, Block())
"""


def _core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(core.__path__, "core."))


def test_every_core_module_imports_and_works_without_qt(tmp_path):
    mods = _core_modules()
    assert "core.status" in mods and "core.store" in mods
    script = BLOCKER + f"""
import importlib
for m in {mods!r}:
    importlib.import_module(m)
from core.store import Store
from core import queries, status
s = Store.open({str(tmp_path / 'h.sqlite')!r})
with s.read() as c:
    sc = status.scorecard(queries.indicators(c), queries.figures(c), queries.targets(c))
assert len(sc) > 40
assert not any(k.split('.')[0] in ('PySide6', 'pyqtgraph') for k in sys.modules)
print('ok', len(sc))
"""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ok")


def test_import_linter_contract_holds():
    exe = Path(sys.executable).parent / "lint-imports"
    r = subprocess.run([str(exe)], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "core knows nothing of Qt KEPT" in r.stdout
