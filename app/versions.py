"""Which versions of its dependencies this Veldboek runs on: in a frozen build the
list its build recorded (``build.spec`` writes it), otherwise what is installed
for the ``veldboek`` distribution's own requirements, followed to the end."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Collection
from importlib import metadata
from pathlib import Path

SHIPPED_NAME = "shipped-versions.json"
# What the laptop build (build.spec) leaves out: the central system's database
# driver. A runner's laptop carries no code that talks to a database server.
LAPTOP_BUILD_LEAVES_OUT = ("psycopg",)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_versions() -> dict[str, str]:
    """{distribution: version} of every package the app needs at run time."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return dict(json.loads((Path(frozen) / SHIPPED_NAME).read_text(encoding="utf-8")))
    return installed_runtime_versions()


def installed_runtime_versions(leave_out: Collection[str] = ()) -> dict[str, str]:
    """Walk veldboek's requirements (no extras) and theirs; markers that do not
    apply here (another platform, an extra) are left out, and so is every package
    named in ``leave_out`` with what only it needs."""
    skipped = {_normal(name) for name in leave_out}
    found: dict[str, str] = {}
    pending = [*_requirements("veldboek")]
    while pending:
        name = pending.pop()
        key = _normal(name)
        if key in found or key in skipped:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a marker for another platform, or an optional extra
        found[key] = dist.version
        pending.extend(_requirements(name))
    return dict(sorted(found.items()))


def _requirements(name: str) -> list[str]:
    """Requirement names of ``name`` that apply without extras. Markers are judged
    by the only rule that matters here: requirements behind an extra are skipped;
    the rest are looked up, and absent ones (other platforms) drop out above."""
    try:
        requires = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for line in requires:
        requirement, _, marker = line.partition(";")
        if "extra" in marker:
            continue
        match = _NAME.match(requirement.strip())
        if match:
            names.append(match.group(0))
    return names
