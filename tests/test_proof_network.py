"""Proof: Veldboek opens no network socket. Every CLI path runs under a Python
audit hook that reports any inet socket being created, bound or connected."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HOOK = """
import socket, sys
def _guard(event, args):
    if event in ("socket.__new__", "socket.bind", "socket.connect", "socket.getaddrinfo",
                 "socket.gethostbyname", "socket.sendto"):
        family = args[1] if event == "socket.__new__" and len(args) > 1 else None
        if event == "socket.__new__" and family == socket.AF_UNIX:
            return
        if event in ("socket.bind", "socket.connect", "socket.sendto"):
            sock = args[0]
            if getattr(sock, "family", None) == socket.AF_UNIX:
                return
        sys.stderr.write(f"NETWORK-ATTEMPT {event}\\n")
        raise RuntimeError("network use is forbidden in Veldboek")
sys.addaudithook(_guard)
"""


@pytest.fixture
def guarded_env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(HOOK)
    repo = str(Path(__file__).resolve().parent.parent)
    return dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(site), repo]),
        VELDBOEK_HOME=str(tmp_path / "home"),
    )


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True, timeout=300
    )


def test_hook_itself_catches_a_socket(guarded_env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket()"],
        env=guarded_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "NETWORK-ATTEMPT" in result.stderr


@pytest.mark.slow
def test_cli_paths_open_no_socket(guarded_env: dict[str, str], tmp_path: Path) -> None:
    pp = tmp_path / "pp"
    pp.write_text("a long enough passphrase\n")
    vault = str(tmp_path / "vault")
    common = ["--vault", vault, "--passphrase-file", str(pp)]
    runs = [
        ["--self-test"],
        ["init", *common, "--kdf-target-ms", "50", "--alias", "Valk"],
        ["demo", *common, "--sources", "5", "--debriefs", "50"],
        ["check", *common],
        ["list", "sources", *common, "--alias", "Valk", "--json"],
        ["list", "debriefs", *common, "--alias", "Valk", "--json"],
        ["search", "cash", *common, "--alias", "Valk", "--json"],
    ]
    for args in runs:
        result = _run(guarded_env, *args)
        assert "NETWORK-ATTEMPT" not in result.stderr, (args, result.stderr)
        assert result.returncode == 0, (args, result.stderr[-1500:])


GUI_CHILD = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import psutil
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.services import aliases, vaults
from app.ui.clipboard import ClipboardGuard
from app.ui.lock import LockController
from app.ui.main_window import MainWindow
from app.ui.session import AppSession
from app.ui.workers import TaskRunner

app = QApplication([])
vault = vaults.unlock(Path(sys.argv[1]), sys.argv[2])
session = AppSession(vault, aliases.resolve_scope(vault, "Valk"))
lock = LockController(ClipboardGuard())
lock.attach(session)
window = MainWindow(session, lock, TaskRunner())
window.show()
for row in range(window.nav.count()):
    window.nav.setCurrentRow(row)
    app.processEvents()
inet = psutil.Process().net_connections(kind="inet")
print("INET", len(inet))
lock.lock("test")
"""


@pytest.mark.slow
def test_gui_opens_no_socket(guarded_env: dict[str, str], tmp_path: Path) -> None:
    from tests import factory

    root = factory.make_vault(tmp_path / "vault")
    env = dict(guarded_env, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", GUI_CHILD, str(root), factory.PASSPHRASE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "NETWORK-ATTEMPT" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    assert "INET 0" in result.stdout
