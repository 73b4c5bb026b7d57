"""The arrows point down (docs/architecture.md): the import contracts in
pyproject.toml ([tool.importlinter]) hold for the code as it is, and they do catch
an upward import, a screen that reaches past the services, and Qt in the core."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).with_name("lint-imports")


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(root))
    return subprocess.run(
        [str(LINT), "--no-cache", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_code_keeps_every_contract() -> None:
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("app/vault/upward.py", "from app.services import vaults", "only the layers below"),
        ("app/models/upward.py", "import app.dal.keyset", "only the layers below"),
        ("app/ui/peek.py", "from app.dal import scope", "through services only"),
        ("app/cli/peek.py", "import sqlalchemy", "through services only"),
        ("app/services/window.py", "from PySide6 import QtWidgets", "never imports Qt"),
        ("app/crypto/store.py", "import sqlcipher3", "knows no database"),
    ],
)
def test_the_contracts_catch_a_wrong_import(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    shutil.copytree(ROOT / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / module).write_text(f"{line}\n", encoding="utf-8")
    result = lint(tmp_path)
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if " BROKEN" in row]
    assert len(broken) == 1, result.stdout
    assert contract in broken[0], result.stdout
