"""The arrows point down: the core never imports Qt; screens never run SQL or
crypto themselves and reach the data only through services. Imports are read with
ast and resolved to absolute module names (relative ones included), so `from ..vault
import engine` counts as `app.vault.engine`."""

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
)
CORE = ("models", "crypto", "export", "services", "dal", "vault", "domain", "reports")


def module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    return (APP.parent / relative).with_suffix(".py").is_file() or (
        APP.parent / relative / "__init__.py"
    ).is_file()


def imports(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """Absolute names of what ``source`` (the code of ``module``) imports. For
    ``from X import y`` that is ``X.y`` when y is a module, else ``X`` itself."""
    package = module if is_package else module.rpartition(".")[0]
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base_parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                names.append(candidate if _is_module(candidate) else base)
    return names


def _file_imports(path: Path) -> list[str]:
    return imports(
        path.read_text(encoding="utf-8"), module_name(path), is_package=path.name == "__init__.py"
    )


def _top(name: str) -> str:
    return name.split(".")[0]


def _within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def core_violations(names: list[str]) -> list[str]:
    """The core (everything but app.ui and app.cli) never reaches up."""
    return [n for n in names if _top(n) in QT or _within(n, ("app.ui", "app.cli"))]


def crypto_violations(names: list[str]) -> list[str]:
    return [
        n
        for n in names
        if _top(n) in ("sqlalchemy", "sqlcipher3", *QT) or _within(n, ("app.vault",))
    ]


def ui_violations(names: list[str]) -> list[str]:
    return [
        n
        for n in names
        if _top(n) in DB_AND_CRYPTO or (_top(n) == "app" and not _within(n, UI_ALLOWED_APP))
    ]


def modules(package: str) -> list[Path]:
    """The files of ``app.<package>``; "" is app's own modules, except the entry
    point (__main__ starts the CLI, so it sits above everything)."""
    if package:
        return sorted((APP / package).rglob("*.py"))
    return sorted(p for p in APP.glob("*.py") if p.name != "__main__.py")


def _offenders(packages: tuple[str, ...], rule: object) -> list[str]:
    return [
        f"{path.relative_to(APP)}: {name}"
        for package in packages
        for path in modules(package)
        for name in rule(_file_imports(path))  # type: ignore[operator]
    ]


def test_core_never_imports_qt_or_the_layers_above() -> None:
    assert _offenders((*CORE, ""), core_violations) == []


def test_crypto_is_pure() -> None:
    assert _offenders(("crypto",), crypto_violations) == []


def test_ui_never_touches_sql_or_crypto() -> None:
    assert _offenders(("ui",), ui_violations) == []


def test_relative_and_from_app_imports_resolve_to_modules() -> None:
    source = (
        "from . import base\n"
        "from ...services import aliases\n"
        "from .. import errors\n"
        "from app import paths\n"
        "from app.services.views import SourceRow\n"
        "from app import __version__\n"
    )
    assert imports(source, "app.ui.pages.sources") == [
        "app.ui.pages.base",
        "app.services.aliases",
        "app.ui.errors",
        "app.paths",
        "app.services.views",
        "app",
    ]


def test_rules_catch_violations() -> None:
    """The real rules, on a screen and a service that break them in every way."""
    screen = (
        "from sqlalchemy import select\n"
        "import sqlcipher3\n"
        "from app import vault\n"
        "from app import __version__\n"
        "from ...vault import engine\n"
        "from ...models import Source\n"
        "import app.vault.vault\n"
        "from ...services import aliases\n"  # allowed
        "from .. import widgets\n"  # allowed
    )
    flagged = ui_violations(imports(screen, "app.ui.pages.fake"))
    assert flagged == [
        "sqlalchemy",
        "sqlcipher3",
        "app.vault",
        "app",
        "app.vault.engine",
        "app.models",
        "app.vault.vault",
    ]
    service = "import PySide6.QtWidgets\nfrom ..ui import widgets\nfrom app.cli import main\n"
    assert core_violations(imports(service, "app.services.fake")) == [
        "PySide6.QtWidgets",
        "app.ui.widgets",
        "app.cli",
    ]
    crypto = "from ..vault.engine import make_engine\nimport sqlalchemy\n"
    assert crypto_violations(imports(crypto, "app.crypto.fake")) == [
        "app.vault.engine",
        "sqlalchemy",
    ]
