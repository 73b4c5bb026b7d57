"""Failed unlock attempts, kept beside the vault until the next successful unlock
folds them into the audit log. The file holds only timestamps; the vault database
and header are never touched by a failed attempt."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path

from app.clock import iso_utc, parse_iso_utc, utc_now
from app.vault.atomic import atomic_write_bytes

MAX_DELAY_SECONDS = 60.0
_MAX_KEPT = 1000


def delay_after(failures: int) -> float:
    """No wait after the first mistake, then 1, 2, 4 ... seconds, capped."""
    if failures <= 1:
        return 0.0
    return min(MAX_DELAY_SECONDS, 2.0 ** (failures - 2))


def read_failures(path: Path) -> list[datetime]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError:
        return []
    try:
        items = json.loads(raw.decode("utf-8"))
        return [parse_iso_utc(str(item)) for item in items][-_MAX_KEPT:]
    except (ValueError, TypeError, UnicodeDecodeError):
        return []  # a damaged log must never stop a correct unlock


def record_failure(path: Path) -> list[datetime]:
    failures = [*read_failures(path), utc_now()][-_MAX_KEPT:]
    # Best effort: a full disk must not turn a wrong passphrase into another error.
    with contextlib.suppress(Exception):
        atomic_write_bytes(path, json.dumps([iso_utc(f) for f in failures]).encode())
    return failures


def seconds_until_allowed(path: Path) -> float:
    failures = read_failures(path)
    if not failures:
        return 0.0
    wait = delay_after(len(failures)) - (utc_now() - failures[-1]).total_seconds()
    return max(0.0, wait)


def clear(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
