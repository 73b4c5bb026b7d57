"""dev.py on a machine without venv/ensurepip: one line saying what to install,
no traceback, no half-made .venv left behind."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import venv
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _dev(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    venv_dir = tmp_path / ".venv"
    monkeypatch.setattr(module, "VENV", venv_dir)
    monkeypatch.setattr(module, "BIN", venv_dir / "bin")
    monkeypatch.setattr(module, "PY", venv_dir / "bin" / "python")
    return module


def test_missing_ensurepip_is_one_line_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dev = _dev(tmp_path, monkeypatch)
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "ensurepip" else real(name)
    )
    with pytest.raises(SystemExit) as info:
        dev.ensure_venv("")
    message = str(info.value.code)
    assert "\n" not in message
    assert "sudo apt-get install python3-venv" in message
    assert not (tmp_path / ".venv").exists()


def test_failing_venv_creation_removes_the_half_made_venv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dev = _dev(tmp_path, monkeypatch)

    def half_made(self: venv.EnvBuilder, env_dir: str | Path) -> None:
        (Path(env_dir) / "bin").mkdir(parents=True)
        (Path(env_dir) / "bin" / "python").write_text("")
        raise subprocess.CalledProcessError(1, [sys.executable, "-m", "ensurepip"])

    monkeypatch.setattr(venv.EnvBuilder, "create", half_made)
    with pytest.raises(SystemExit) as info:
        dev.ensure_venv("")
    assert str(info.value.code).startswith(dev.VENV_HINT)
    assert "\n" not in str(info.value.code)
    assert not (tmp_path / ".venv").exists()


def test_postgresql_server_programs_are_found_off_the_path_and_installed_when_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dev = _dev(tmp_path, monkeypatch)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(dev, "SERVER_BINDIRS", str(tmp_path / "pg" / "*" / "bin"))
    assert not dev.have_tool("initdb")
    calls: list[list[str]] = []
    monkeypatch.setattr(
        dev.shutil, "which", lambda cmd: "/usr/bin/apt-get" if cmd == "apt-get" else None
    )
    monkeypatch.setattr(dev.os, "geteuid", lambda: 0)

    def run(cmd: list[str], **_kw: object) -> int:
        calls.append(cmd)
        return 0

    monkeypatch.setattr(dev, "_run", run)
    dev.ensure_test_tools()
    wanted = ["strace", "postgresql", "xvfb", *dev.XCB_LIBS.split(), "xclip"]
    assert ["/usr/bin/apt-get", "install", "-y", "-qq", *wanted] in calls
    # Debian's layout: /usr/lib/postgresql/<major>/bin, not on the PATH.
    (tmp_path / "pg" / "15" / "bin").mkdir(parents=True)
    (tmp_path / "pg" / "15" / "bin" / "initdb").write_text("")
    assert dev.have_tool("initdb")


@pytest.mark.parametrize(
    ("given", "parallel"),
    [
        ([], True),
        (["-p", "no:randomly", "tests/x.py"], True),
        (["-n", "1"], False),
        (["-n3"], False),
        (["--numprocesses=2"], False),
        (["-p", "no:xdist"], False),
        (["-pno:xdist"], False),
    ],
)
def test_the_tests_run_in_parallel_unless_told_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: list[str], parallel: bool
) -> None:
    dev = _dev(tmp_path, monkeypatch)
    args = dev.pytest_args(given)
    assert (args[:1] == ["-n"] and "worksteal" in args) is parallel
    assert args[len(args) - len(given) :] == given  # what was given goes on as given
