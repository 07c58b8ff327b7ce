"""Build the PyInstaller bundle from build.spec and run its self-check (slow; CI runs it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_bundle_builds_and_passes_self_check(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    build = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "ERROR", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "build"), str(ROOT / "build.spec")],
        capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert build.returncode == 0, build.stderr[-3000:]
    executable = tmp_path / "dist" / "literacy-app" / "literacy-app"
    assert executable.exists()
    environment = {**os.environ, "LITERACY_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("LITERACY_DB", None)
    outside = tmp_path / "elsewhere"  # run away from the source tree: the bundle must carry its files
    outside.mkdir()
    version = subprocess.run([str(executable), "--version"], capture_output=True, text=True, timeout=120,
                             cwd=outside, env=environment)
    assert version.returncode == 0 and version.stdout.startswith("literacy-app ")
    check = subprocess.run([str(executable), "self-check"], capture_output=True, text=True, timeout=600,
                           cwd=outside, env=environment)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "自己診断は正常に終了しました" in check.stdout and "Traceback" not in check.stderr
    bundled_banks = tmp_path / "dist" / "literacy-app" / "_internal" / "question_banks"
    assert sorted(p.name for p in bundled_banks.glob("*.yaml")) == sorted(
        p.name for p in (ROOT / "question_banks").glob("*.yaml"))
