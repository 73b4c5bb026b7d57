"""Running ``veldboek`` in-process for the central tests: exit code, stdout, stderr."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

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
