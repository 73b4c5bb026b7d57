"""Proof: Veldboek opens no network socket. Every CLI path runs under a Python
audit hook that reports any inet socket being created, bound or connected; the
real GUI entry point also runs under strace, which sees every socket the process
and its threads create, whatever library (Qt, C code) asks for it."""

from __future__ import annotations

import os
import re
import shutil
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
from app.services.admin import aliases, vaults
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
    from tests.helpers import factory

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


# Drives the real entry point (`veldboek gui --vault PATH`, i.e. app.cli.main ->
# app.ui.main.run) the way a user would: types the passphrase into the unlock
# dialog, visits every page, searches, then quits through the window.
GUI_ENTRY_CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.cli import main
from app.ui.main_window import MainWindow
from app.ui.unlock_dialog import UnlockDialog

vault, passphrase = sys.argv[1], sys.argv[2]
app = QApplication(["veldboek"])
state = {"typed": False, "visited": False, "ticks": 0}

def visible(kind):
    return next((w for w in app.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)

def drive():
    state["ticks"] += 1
    if state["ticks"] > 1200:  # 60 s
        print("TIMEOUT", flush=True)
        app.exit(3)
        return
    dialog, window = visible(UnlockDialog), visible(MainWindow)
    if dialog is not None and not state["typed"]:
        dialog.passphrase.setText(passphrase)
        dialog.unlock_button.click()
        state["typed"] = True
    elif window is not None and not state["visited"]:
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            app.processEvents()
        state["visited"] = True
        print("VISITED", window.nav.count(), flush=True)
        window.quit_requested.emit()
        return
    QTimer.singleShot(50, drive)

QTimer.singleShot(0, drive)
code = main(["gui", "--vault", vault])
print("EXIT", code, flush=True)
# A marker for the test: a local socket from another thread must show in the
# trace, proving strace followed every thread to the end.
import socket, threading
marker = threading.Thread(target=lambda: socket.socket(socket.AF_UNIX).close())
marker.start()
marker.join()
sys.exit(code)
"""

INET_SOCKET = re.compile(r"\bsocket\((?:AF|PF)_INET6?\b")
INET_CONNECT = re.compile(r"\bconnect\(\d+, \{sa_family=(?:AF|PF)_INET6?\b")


def _strace() -> str:
    path = shutil.which("strace")
    if path is None:
        pytest.fail(
            "strace is not installed; it proves the GUI opens no socket. Install it with: "
            "sudo apt-get install -y strace (dev.py test does this when run as root)."
        )
    return path


def _traced(env: dict[str, str], tmp_path: Path, *argv: str) -> tuple[int, str, str, str, str]:
    """Run argv under `strace -f` (every thread and child), return (exit code,
    stdout, stderr, the inet socket/connect lines of the trace, the whole trace)."""
    trace = tmp_path / "strace.txt"
    result = subprocess.run(
        [
            _strace(),
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect",
            "-e",
            "signal=none",
            "-o",
            str(trace),
            *argv,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    lines = trace.read_text(errors="replace").splitlines()
    inet = [line for line in lines if INET_SOCKET.search(line) or INET_CONNECT.search(line)]
    return result.returncode, result.stdout, result.stderr, "\n".join(inet), "\n".join(lines)


def test_strace_sees_an_inet_socket(tmp_path: Path) -> None:
    code = "import socket; socket.socket(socket.AF_UNIX).close(); socket.socket().close()"
    rc, _out, err, inet, _trace = _traced(dict(os.environ), tmp_path, sys.executable, "-c", code)
    assert rc == 0, err
    assert "AF_INET" in inet  # the inet socket is seen...
    assert "AF_UNIX" not in inet  # ...and a local one is not counted


@pytest.mark.slow
def test_gui_entry_point_under_strace_opens_no_inet_socket(
    guarded_env: dict[str, str], tmp_path: Path
) -> None:
    from app.services.demo_data import generator as demo
    from app.vault.vault import Vault
    from tests.helpers import factory

    root = factory.make_vault(tmp_path / "vault")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        demo.generate(vault, sources=4, debriefs=40, today=None)
    env = dict(guarded_env, QT_QPA_PLATFORM="offscreen")
    rc, out, err, inet, trace = _traced(
        env, tmp_path, sys.executable, "-c", GUI_ENTRY_CHILD, str(root), factory.PASSPHRASE
    )
    assert rc == 0, (out, err[-2000:])
    assert "VISITED" in out  # it did unlock and show every page
    assert "EXIT 0" in out
    assert "NETWORK-ATTEMPT" not in err
    assert "socket(AF_UNIX" in trace  # the child's own marker: the trace is live
    assert inet == ""
