"""The few settings needed before a vault is unlocked (so they cannot live in it):
the interface language. Nothing from a vault is ever written here."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from app.paths import config_dir
from app.vault.atomic import atomic_write_bytes

LANGUAGES = ("system", "en", "nl")


@dataclass(frozen=True)
class LocalConfig:
    language: str = "system"


def _path() -> Path:
    return config_dir() / "veldboek.json"


def load() -> LocalConfig:
    try:
        doc = json.loads(_path().read_text(encoding="utf-8"))
        language = doc.get("language", "system")
        return LocalConfig(language if language in LANGUAGES else "system")
    except (OSError, ValueError, AttributeError):
        return LocalConfig()


def save(config: LocalConfig) -> None:
    if config.language not in LANGUAGES:
        raise ValueError("unknown language")
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write_bytes(path, json.dumps(asdict(config)).encode())
