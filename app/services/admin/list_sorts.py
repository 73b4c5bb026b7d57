"""How the user last sorted each list (column and direction), kept beside the
language in the local settings folder so the lists come back as they were left.

Only list names and column numbers are written (``{"debriefsTable": [2, true]}``):
nothing from a vault. A file that cannot be read or written loses only this
preference; the lists then keep their order for the rest of the session.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.paths import config_dir
from app.vault.atomic import atomic_write_bytes

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")
MAX_LISTS = 100

# The session's sorts per settings folder, also when the file cannot be written.
_session: dict[Path, dict[str, tuple[int, bool]]] = {}


def _path() -> Path:
    return config_dir() / "list-sorts.json"


def _read(path: Path) -> dict[str, tuple[int, bool]]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(doc, dict):
        return {}
    out: dict[str, tuple[int, bool]] = {}
    for name, value in list(doc.items())[:MAX_LISTS]:
        if (
            isinstance(name, str)
            and _NAME.fullmatch(name)
            and isinstance(value, list)
            and len(value) == 2
            and isinstance(value[0], int)
            and not isinstance(value[0], bool)
            and 0 <= value[0] < 100
            and isinstance(value[1], bool)
        ):
            out[name] = (value[0], value[1])
    return out


def _sorts() -> dict[str, tuple[int, bool]]:
    path = _path()
    if path not in _session:
        _session[path] = _read(path)
    return _session[path]


def get(name: str) -> tuple[int, bool] | None:
    """(column, descending) the list ``name`` was last sorted by, if any."""
    return _sorts().get(name)


def remember(name: str, column: int, descending: bool) -> None:
    if not _NAME.fullmatch(name) or not 0 <= column < 100:
        raise ValueError("a list name and a column number")
    sorts = _sorts()
    if sorts.get(name) == (column, descending):
        return
    sorts[name] = (column, descending)
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_bytes(path, json.dumps({k: list(v) for k, v in sorts.items()}).encode())
    except OSError:
        pass  # kept for this session only
