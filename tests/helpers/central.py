"""Running ``veldboek`` in-process for the central tests: exit code, stdout, stderr."""

from __future__ import annotations

import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.cli import main


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Result:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def typed_at_a_terminal(monkeypatch: pytest.MonkeyPatch, passphrase: str) -> list[str]:
    """Standard input a terminal, where ``passphrase`` is typed when asked; the
    prompts asked, in order."""
    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return passphrase

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", typed)
    return asked


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def init_listening(
    capsys: pytest.CaptureFixture[str], data: Path, passfile: Path
) -> tuple[Result, int]:
    """``central init`` of an embedded cluster listening on 127.0.0.1 (TLS), a
    cheap KDF; the result and the port. The caller stops it."""
    port = free_port()
    made = run(
        capsys, "central", "init", "--data", str(data), "--passphrase-file", str(passfile),
        "--kdf-target-ms", "1", "--listen", "127.0.0.1", "--port", str(port),
    )  # fmt: skip
    assert made.code == 0, made.err
    return made, port


def scalar(s: Any, sql: str) -> Any:
    """One value read from the central store ``s`` (a ``store.Store``)."""
    with s.connect() as conn:
        return conn.execute(text(sql)).scalar_one()
