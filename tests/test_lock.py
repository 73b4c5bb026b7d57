"""The locked dependency set (requirements/*.lock): exact versions and hashes for
everything pyproject.toml asks for, one version of each package in both locks,
and this test venv installed from it (dev.py installs from the lock only)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _lock(name: str) -> dict[str, tuple[str, str | None, int]]:
    """{package: (version, marker, number of hashes)}"""
    pins: dict[str, tuple[str, str | None, int]] = {}
    current = None
    for line in (ROOT / "requirements" / name).read_text().splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            assert current not in pins, f"{name}: {current} pinned twice"
            pins[current] = (match.group(2), match.group(3), 0)
        elif line.strip().startswith("--hash=sha256:") and current is not None:
            version, marker, hashes = pins[current]
            pins[current] = (version, marker, hashes + 1)
        elif line.strip() and not line.lstrip().startswith("#"):
            assert line.startswith(" "), f"{name}: unexpected line {line!r}"
    return pins


def _pyproject_requirements(*extras: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = list(project["dependencies"])
    for extra in extras:
        lines += project["optional-dependencies"][extra]
    build = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    return [Requirement(line) for line in [*lines, *build]]


@pytest.mark.parametrize(
    ("lock", "extras"), [("app.lock", ()), ("dev.lock", ("dev", "build"))], ids=["app", "dev"]
)
def test_every_requirement_is_pinned_with_hashes(lock: str, extras: tuple[str, ...]) -> None:
    pins = _lock(lock)
    for requirement in _pyproject_requirements(*extras):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{lock} lacks {name}: run `python3 dev.py lock`"
        version = pins[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock} pins {name}=={version}, outside {requirement.specifier}: "
            "run `python3 dev.py lock`"
        )
    assert all(hashes > 0 for _, _, hashes in pins.values()), "a pin without a hash"


def test_the_app_lock_is_the_dev_lock_without_the_tools() -> None:
    app, dev = _lock("app.lock"), _lock("dev.lock")
    assert set(app) < set(dev)
    assert {name: app[name][0] for name in app} == {name: dev[name][0] for name in app}


def test_this_venv_was_installed_from_the_lock() -> None:
    for name, (version, marker, _) in _lock("dev.lock").items():
        if marker is not None and not Marker(marker).evaluate():
            continue  # another platform or Python
        assert metadata.version(name) == version, f"{name}: installed differs from dev.lock"
