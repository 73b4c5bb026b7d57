"""The laptop app never loads the central system or psycopg: the GUI imports
neither, and the command line loads psycopg only for a ``central`` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _loaded(code: str) -> list[str]:
    probe = (
        f"{code}\nimport sys\nprint(sorted(m for m in sys.modules "
        "if m.split('.')[0] == 'psycopg' or m.startswith('app.central')))"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", probe],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return list(json.loads(out.replace("'", '"')))


def test_the_gui_never_imports_the_central_system() -> None:
    assert _loaded("import app.ui.main") == []


def test_the_command_line_loads_psycopg_only_for_central_commands() -> None:
    loaded = _loaded("from app.cli import main\nmain(['package', 'inspect', '/nonexistent'])")
    assert not [m for m in loaded if m.startswith("psycopg")]
