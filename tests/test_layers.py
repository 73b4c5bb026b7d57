"""The arrows point down: the core never imports Qt; screens never run SQL or
crypto themselves and reach the data only through services."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"

QT = ("PySide6", "shiboken6")
DB_AND_CRYPTO = ("sqlalchemy", "sqlcipher3", "cryptography", "sqlite3", "alembic", "keyring")
# What a screen may import from the app: services, view objects, pure domain rules.
UI_ALLOWED_APP = (
    "app.ui",
    "app.services",
    "app.domain",
    "app.errors",
    "app.clock",
    "app.paths",
    "app.models.enums",
    "app.dal.scope",
    "app",
)


def imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def modules(package: str) -> list[Path]:
    return sorted((APP / package).rglob("*.py")) if package else sorted(APP.glob("*.py"))


def _top(name: str) -> str:
    return name.split(".")[0]


def test_core_never_imports_qt() -> None:
    core = ["models", "crypto", "export", "services", "dal", "vault", "domain", "reports", ""]
    offenders = [
        f"{path.relative_to(APP)}: {name}"
        for package in core
        for path in modules(package)
        for name in imports(path)
        if _top(name) in QT
    ]
    assert offenders == []


def test_crypto_is_pure() -> None:
    offenders = [
        f"{path.relative_to(APP)}: {name}"
        for path in modules("crypto")
        for name in imports(path)
        if _top(name) in ("sqlalchemy", "sqlcipher3", *QT) or name.startswith("app.vault")
    ]
    assert offenders == []


def test_ui_never_touches_sql_or_crypto() -> None:
    offenders = []
    for path in modules("ui"):
        for name in imports(path):
            if _top(name) in DB_AND_CRYPTO:
                offenders.append(f"{path.relative_to(APP)}: {name}")
            if _top(name) == "app" and not any(
                name == allowed or name.startswith(allowed + ".") for allowed in UI_ALLOWED_APP
            ):
                offenders.append(f"{path.relative_to(APP)}: {name}")
    assert offenders == []


def test_rule_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from sqlalchemy import select\nimport PySide6.QtWidgets\n")
    assert {_top(n) for n in imports(bad)} == {"sqlalchemy", "PySide6"}
