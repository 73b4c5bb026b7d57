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
