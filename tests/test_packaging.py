"""The offline desk install's pieces that can be tried without building the bundle:
what the program says it is, how it starts a copy of itself, the .deb's assembly and the
bundled Chinese font. The full build is `bash packaging/build` (README, Installing)."""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core import __version__, child, cli, version

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "packaging"))
import make_deb  # noqa: E402


def test_version_from_build_info(tmp_path, monkeypatch):
    info = tmp_path / "build.json"
    info.write_text(json.dumps({"version": __version__, "commit": "abc1234567",
                                "built": "2026-12-04"}))
    monkeypatch.setattr(version, "BUILD_INFO", info)
    version.build_info.cache_clear()
    try:
        assert version.describe() == f"{__version__} (commit abc1234567, built 2026-12-04)"
    finally:
        version.build_info.cache_clear()


@pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(),
                    reason="not a git checkout")
def test_version_from_checkout_names_the_commit(capsys):
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short=10", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()
    version.build_info.cache_clear()
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"ecotracker {__version__} (commit {head})"


def test_module_command_in_a_checkout_and_in_a_bundle(monkeypatch):
    assert child.module_command("core.scorecard_job", "ann") == [
        sys.executable, "-m", "core.scorecard_job", "ann"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert child.module_command("core.scorecard_job", "ann") == [
        sys.executable, "--run-module", "core.scorecard_job", "ann"]


def test_entry_point_runs_the_scorecard_job_as_a_bundle_would(tmp_path):
    """packaging/entry.py is the bundle's main script: `--run-module` runs the job."""
    from core.scorecard_job import read_result
    from core.store import Store

    db = tmp_path / "x.sqlite"
    Store.open(str(db)).close()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, str(REPO / "packaging" / "entry.py"),
                           "--run-module", "core.scorecard_job", "tester"],
                          input=str(db).encode(), capture_output=True, env=env, check=True)
    result = read_result(io.BytesIO(proc.stdout))
    assert len(result.frame) > 50 and "AIR.PM25" in set(result.frame["indicator"])


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")
def test_deb_installs_under_opt_with_launcher_menu_entry_and_dependencies(tmp_path):
    bundle = tmp_path / "bundle"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "_internal" / "resources" / "build.json").write_text(json.dumps(
        {"version": "9.9.9", "commit": "abc1234567", "built": "2026-12-04"}))
    shutil.copy2(shutil.which("true"), bundle / "ecotracker")  # an ELF linking libc
    deb = make_deb.build(bundle, tmp_path / "out", work=tmp_path / "work")
    assert deb.name.startswith("ecotracker_9.9.9+gitabc1234567_")

    def field(name):
        return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True,
                              text=True, check=True).stdout.strip()

    depends = {d.strip() for d in field("Depends").split(",")}
    assert "libc6" in depends and set(make_deb.ALWAYS) <= depends
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    for path in ("./opt/ecotracker/ecotracker", "./usr/bin/ecotracker",
                 "./usr/share/applications/ecotracker.desktop",
                 "./usr/share/icons/hicolor/scalable/apps/ecotracker.svg"):
        assert path in listing
    assert "root/root" in listing and tmp_path.name not in listing
    assert "Name[zh_CN]=" in make_deb.DESKTOP and "Exec=/opt/ecotracker/ecotracker" in \
        make_deb.DESKTOP


NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.mark.gui
@pytest.mark.skipif(not NOTO.exists(), reason="needs fonts-noto-cjk (bash .ci/setup)")
def test_bundled_cjk_font_is_loaded_only_where_no_installed_font_writes_chinese(tmp_path):
    """On a desk whose fonts cannot write Chinese (fontconfig told to see only DejaVu), the
    bundle's font is loaded; where one can, nothing is loaded."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    os.symlink(NOTO, fonts / NOTO.name)
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu'
                    f'</dir><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    code = ("import sys; from pathlib import Path; from PySide6.QtGui import QGuiApplication;"
            "import gui.fonts as f; app = QGuiApplication([]); f.FONTS = Path(sys.argv[1]);"
            "print(f.ensure_cjk())")

    def loaded(extra):
        env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen", **extra)
        return subprocess.run([sys.executable, "-c", code, str(fonts)], env=env,
                              capture_output=True, text=True, check=True).stdout.strip()

    assert "Noto Sans CJK SC" in loaded({"FONTCONFIG_FILE": str(conf)})
    assert loaded({}) == "[]"
