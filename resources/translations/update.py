"""Re-extract the program's strings and rebuild the compiled translations.

    .venv/bin/python resources/translations/update.py

Runs ``pyside6-lupdate`` over every ``gui/**/*.py`` plus the core's message templates into
``ecotracker_<lang>.ts`` (existing translations are kept; strings no longer in the code are
dropped) and ``pyside6-lrelease`` to ``ecotracker_<lang>.qm``, which is committed so a checkout
runs without Qt's tools.

The core never imports Qt, so lupdate cannot see its messages. They are the literal first
arguments of ``tr(...)`` and ``N_(...)`` calls in ``core/`` (:mod:`core.i18n`); this script
finds them with an AST scan and hands lupdate a generated file that says
``QCoreApplication.translate("core", template)`` for each, so they land in the ``core``
context, which :mod:`gui.i18n` looks them up in.
"""
from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
LANGS = ("zh_CN",)
CORE_CONTEXT = "core"  # core.i18n.CONTEXT, not imported: this script runs without the venv
MARKERS = ("tr", "N_")


def _marker(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in MARKERS
    # i18n.tr(...), core.i18n.tr(...)
    return (isinstance(func, ast.Attribute) and func.attr in MARKERS
            and isinstance(func.value, (ast.Name, ast.Attribute))
            and (getattr(func.value, "id", None) == "i18n"
                 or getattr(func.value, "attr", None) == "i18n"))


def core_templates(root: Path = REPO / "core") -> list[tuple[str, str, int]]:
    """Every ``(template, file, line)`` marked with ``tr``/``N_`` in ``root``, in file order.

    A marker call whose first argument is not a literal string is skipped: it translates a
    template marked elsewhere (with ``N_``).
    """
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and _marker(node.func) and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.append((node.args[0].value, str(path.relative_to(root.parent)),
                              node.lineno))
    found.sort(key=lambda t: (t[1], t[2]))
    return found


def core_stub(templates: list[str]) -> str:
    """Python source lupdate reads: one ``translate("core", ...)`` per distinct template."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    seen = set()
    for t in templates:
        if t not in seen:
            seen.add(t)
            lines.append(f"QCoreApplication.translate({json.dumps(CORE_CONTEXT)}, "
                         f"{json.dumps(t, ensure_ascii=False)})")
    return "\n".join(lines) + "\n"


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (pip install pyside6)")
    return found


def main() -> int:
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "gui").rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        stub = Path(tmp) / "core_messages.py"
        stub.write_text(core_stub([t for t, _, _ in core_templates()]), encoding="utf-8")
        for lang in LANGS:
            ts = HERE / f"ecotracker_{lang}.ts"
            subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                            *sources, str(stub), "-ts", str(ts.relative_to(REPO))],
                           cwd=REPO, check=True)
            subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm",
                            str(ts.with_suffix(".qm"))], cwd=REPO, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
