"""The PyInstaller one-folder build starts and passes its own self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from app.versions import LAPTOP_BUILD_LEAVES_OUT, installed_runtime_versions

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_frozen_build_runs_the_self_test(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "work"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    exe = tmp_path / "dist" / "veldboek" / ("veldboek.exe" if os.name == "nt" else "veldboek")
    result = subprocess.run(
        [str(exe), "--self-test"],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, VELDBOEK_HOME=str(tmp_path / "home")),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "ok   report printed" in result.stdout  # reportlab and PDFium made it in
    # The build recorded what it ships: the locked runtime versions, each one.
    shipped = result.stdout.split("shipped with:\n", 1)[1].split("\n")
    listed = dict(line.split() for line in shipped if line.startswith("  "))
    assert listed == installed_runtime_versions(LAPTOP_BUILD_LEAVES_OUT)
    for name in ("pyside6-essentials", "sqlcipher3", "cryptography", "sqlalchemy"):
        assert listed[name] == metadata.version(name)
    # The laptop app carries no database driver and no central system, and says so.
    assert "psycopg" not in listed
    internal = tmp_path / "dist" / "veldboek" / "_internal"
    assert not [p.name for p in internal.iterdir() if p.name.startswith("psycopg")]
    central = subprocess.run(
        [str(exe), "central", "status", "--data", str(tmp_path / "central")],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, VELDBOEK_HOME=str(tmp_path / "home")),
    )
    assert central.returncode == 1
    assert "The central system is not part of this build" in central.stderr
