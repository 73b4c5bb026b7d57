"""The message templates of the errors a GUI user can meet, read from the code.

Every ``SomeError("template", **params)`` call in the modules below is found by
walking their syntax trees, so the translation cannot drift from the code:
tools/translate.py adds each template to the Dutch file (context ``Errors``) and
tests/ui/test_i18n.py fails if one is untranslated or is not a plain literal.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the GUI calls, package exchange included.
SCANNED = (
    "app/errors.py",
    "app/dal",
    "app/services",
    "app/vault",
    "app/domain",
    "app/export",
    # The central system (no GUI, but its data officers read Dutch too).
    "app/central",
    "app/cli/central_commands.py",
    "app/cli/central_ingest_commands.py",
    "app/cli/central_read_commands.py",
)
SKIPPED = ("app/vault/migrations", "app/central/schema/migrations")


@dataclass(frozen=True)
class Found:
    where: str  # path:line
    template: str | None  # None: the message is not a plain literal


def error_names() -> set[str]:
    import app.central.errors
    import app.errors
    import app.export.errors
    import app.services.exchange.package_import
    import app.services.exchange.packages
    import app.services.exchange.receipts
    import app.services.reports.sanitise

    names = set()
    for module in (
        app.central.errors,
        app.errors,
        app.export.errors,
        app.services.reports.sanitise,
        app.services.exchange.packages,
        app.services.exchange.package_import,
        app.services.exchange.receipts,
    ):
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, app.errors.VeldboekError):
                names.add(name)
    names.add("Notice")  # a service's warning: a template with parameters, like an error
    return names


def _files() -> list[Path]:
    out: list[Path] = []
    for entry in SCANNED:
        path = ROOT / entry
        out += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [p for p in out if not any(str(p.relative_to(ROOT)).startswith(s) for s in SKIPPED)]


def _own_message_classes() -> set[str]:
    """Errors that build their message themselves (their call sites pass data)."""
    import app.central.errors
    import app.errors
    import app.export.errors
    import app.services.exchange.package_import
    import app.services.exchange.packages
    import app.services.exchange.receipts
    import app.services.reports.sanitise

    out = set()
    for module in (
        app.central.errors,
        app.errors,
        app.export.errors,
        app.services.reports.sanitise,
        app.services.exchange.packages,
        app.services.exchange.package_import,
        app.services.exchange.receipts,
    ):
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, app.errors.VeldboekError)
                and "__init__" in vars(value)
                and value is not app.errors.VeldboekError
            ):
                out.add(name)
    return out


def find() -> list[Found]:
    names = error_names()
    own = _own_message_classes()
    found: list[Found] = []
    for path in _files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in names or node.func.id in own:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if not node.args:
                continue  # a class with its own fixed message (VaultLocked())
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append(Found(where, first.value))
            else:
                found.append(Found(where, None))
    # Messages built inside the error classes themselves (super().__init__("...")).
    for path in _files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            if cls.name not in names:
                continue
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "__init__"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.append(
                        Found(f"{path.relative_to(ROOT)}:{node.lineno}", node.args[0].value)
                    )
    return found


def templates() -> list[str]:
    """Every template, once, in order of appearance."""
    return list(dict.fromkeys(f.template for f in find() if f.template))


def not_literal() -> list[str]:
    return [f.where for f in find() if f.template is None]


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    for where in not_literal():
        print("not a literal template:", where)
    print(len(templates()), "templates")
