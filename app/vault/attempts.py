"""Failed unlock attempts, kept beside the vault until the next successful unlock
folds them into the audit log. The file holds only timestamps; the vault database
and header are never touched by a failed attempt.

The wait never exceeds ``MAX_DELAY_SECONDS``, whatever the clock says: a failure
time in the future (the clock was set back) is taken as "now" and written back,
so that the wait runs out instead of lasting until the clock catches up.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path

from app.clock import iso_utc, parse_iso_utc, utc_now
from app.vault.atomic import atomic_write_bytes, read_regular
from app.vault.folder_lock import folder_lock

MAX_DELAY_SECONDS = 60.0
_MAX_KEPT = 1000
_MAX_LOG_BYTES = 64 * 1024  # 1,000 timestamps of 30 bytes fit with room to spare
# Failed attempts are recorded best effort: never wait long for the folder lock.
_LOCK_WAIT_SECONDS = 2.0


def delay_after(failures: int) -> float:
    """No wait after the first mistake, then 1, 2, 4 ... seconds, capped."""
    if failures <= 1:
        return 0.0
    if failures - 2 >= 16:  # 2 ** 16 is far past the cap; no huge powers
        return MAX_DELAY_SECONDS
    return min(MAX_DELAY_SECONDS, 2.0 ** (failures - 2))


def read_failures(path: Path) -> list[datetime]:
    try:
        raw = read_regular(path, _MAX_LOG_BYTES)
    except OSError:
        return []
    if len(raw) > _MAX_LOG_BYTES:
        return []  # not a log this code wrote
    try:
        items = json.loads(raw.decode("utf-8"))
        if not isinstance(items, list):
            return []
        return [parse_iso_utc(str(item)) for item in items][-_MAX_KEPT:]
    except (ValueError, TypeError, OverflowError, UnicodeDecodeError, RecursionError):
        return []  # a damaged log must never stop a correct unlock


def _store(path: Path, failures: list[datetime]) -> bool:
    # Best effort: a full disk must not turn a wrong passphrase into another error.
    try:
        atomic_write_bytes(path, json.dumps([iso_utc(f) for f in failures]).encode())
    except Exception:
        return False
    return True


def record_failure(path: Path) -> list[datetime]:
    """Add a failure now. Under the folder lock, so that two failing processes
    both count and a leftover temporary file of this write is provably stale."""
    try:
        with folder_lock(path.parent, wait=_LOCK_WAIT_SECONDS):
            failures = [*read_failures(path), utc_now()][-_MAX_KEPT:]
            _store(path, failures)
            return failures
    except Exception:
        return [*read_failures(path), utc_now()][-_MAX_KEPT:]


def seconds_until_allowed(path: Path) -> float:
    failures = read_failures(path)
    if not failures:
        return 0.0
    delay = delay_after(len(failures))
    now = utc_now()
    if failures[-1] > now:
        # The clock went back: how long ago the failure was is unknown. Count the
        # wait from now, and remember "now" so that the wait does run out. If that
        # cannot be written, waiting would never end: let the attempt through.
        if not _clamp_future(path, now):
            return 0.0
        return delay
    return min(delay, max(0.0, delay - (now - failures[-1]).total_seconds()))


def _clamp_future(path: Path, now: datetime) -> bool:
    try:
        with folder_lock(path.parent, wait=_LOCK_WAIT_SECONDS):
            failures = read_failures(path)
            return _store(path, [min(moment, now) for moment in failures])
    except Exception:
        return False


def clear(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
