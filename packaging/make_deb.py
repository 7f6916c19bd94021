"""Wrap the bundle in a .deb: ``python packaging/make_deb.py dist/ecotracker dist``.

The package installs the bundle under /opt/ecotracker, puts ``ecotracker`` on the PATH
(/usr/bin/ecotracker, a two-line script: the bundle finds its files beside its real
executable), adds a desktop entry named in English and Chinese with its icon, and depends on
the system libraries the bundle's Qt loads, found by asking ``ldd`` which libraries outside
the bundle its binaries need and ``dpkg -S`` which packages hold them. dpkg's own triggers
refresh the menu and the icon cache; removing the package leaves nothing of it behind (the
bundle writes nothing under /opt), only each user's own data and settings.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NAME = "ecotracker"
PREFIX = Path("opt") / NAME
# always needed, though no bundled binary links them: Qt's xcb plugin opens the cursor and
# keyboard libraries at run time, and a desktop entry wants a font configuration
ALWAYS = ["libxcb-cursor0", "libxkbcommon-x11-0", "libfontconfig1", "libegl1", "libgl1"]

LAUNCHER = """#!/bin/sh
exec /opt/ecotracker/ecotracker "$@"
"""

DESKTOP = """[Desktop Entry]
Type=Application
Name=EcoTracker
Name[zh_CN]=生态环境指标
GenericName=Environmental indicators and targets
GenericName[zh_CN]=生态环境指标与目标
Comment=Enter figures, review target against actual, export workbooks for meetings
Comment[zh_CN]=录入数据、对照目标审查、导出会议工作簿
Exec=/opt/ecotracker/ecotracker
Icon=ecotracker
Terminal=false
Categories=Office;Science;
Keywords=environment;indicators;targets;Excel;生态;环境;指标;
"""


def _elf_files(root: Path):
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    yield path


def system_packages(bundle: Path) -> list[str]:
    """The Debian packages holding the libraries the bundle links but does not carry."""
    inside = {p.name for p in bundle.rglob("*.so*")}
    outside: set[str] = set()
    for elf in _elf_files(bundle):
        out = subprocess.run(["ldd", str(elf)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            m = re.match(r"\s*(\S+) => (/\S+)", line)
            if m and m.group(1) not in inside and not m.group(2).startswith(str(bundle)):
                outside.add(os.path.realpath(m.group(2)))
    packages: set[str] = set()
    for lib in sorted(outside):
        out = subprocess.run(["dpkg", "-S", lib], capture_output=True, text=True)
        if out.returncode != 0:  # /usr/lib vs /lib under merged-usr: ask for the other path
            alt = lib[4:] if lib.startswith("/usr/") else "/usr" + lib
            out = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True)
        if out.returncode == 0:
            packages.add(out.stdout.split(":", 1)[0].strip())
        else:
            print(f"make_deb: no package holds {lib}; not declared", file=sys.stderr)
    return sorted(packages | set(ALWAYS))


def _arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def build(bundle: Path, out_dir: Path, work: Path = REPO / "build" / "deb") -> Path:
    info = json.loads((bundle / "_internal" / "resources" / "build.json").read_text())
    version = info["version"]
    if info.get("commit") and info["commit"] != "unknown":
        version += "+git" + info["commit"].replace("-dirty", ".dirty")
    root = work / NAME
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    launcher = root / "usr" / "bin" / NAME
    launcher.write_text(LAUNCHER)
    launcher.chmod(0o755)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{NAME}.desktop").write_text(DESKTOP, encoding="utf-8")
    icons = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(REPO / "resources" / "ecotracker.svg", icons / f"{NAME}.svg")
    doc = root / "usr" / "share" / "doc" / NAME
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "EcoTracker: MIT License.\nBundled: CPython (PSF License), Qt and PySide6 (LGPLv3), "
        "Noto Sans CJK (SIL Open Font License 1.1) and the Python packages listed in\n"
        "/opt/ecotracker/_internal (each *.dist-info holds its licence).\n", encoding="utf-8")
    for path in root.rglob("*"):  # a desk's IT expects root-owned, world-readable files
        mode = path.lstat().st_mode
        if not path.is_symlink():
            path.chmod((mode | 0o644 | (0o111 if mode & 0o111 or path.is_dir() else 0)) & 0o755)
    size_kb = sum(p.lstat().st_size for p in root.rglob("*")) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(
        f"Package: {NAME}\nVersion: {version}\nArchitecture: {_arch()}\n"
        f"Maintainer: EcoTracker <ecotracker@localhost>\nInstalled-Size: {size_kb}\n"
        f"Depends: {', '.join(system_packages(bundle))}\nSection: science\nPriority: optional\n"
        "Description: indicators and targets of an ecology and environment bureau\n"
        " Desktop data entry, target-versus-actual review and Excel workbooks for meetings,\n"
        " self-contained (its own Python and Qt) for desks without internet.\n",
        encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{NAME}_{version}_{_arch()}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    return deb


if __name__ == "__main__":
    print(f"make_deb: {build(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())}")
