"""Passphrase key derivation with Argon2id, and calibration of its cost."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

MIB = 1024  # Argon2 memory cost is expressed in KiB
MIN_MEMORY_KIB = 64 * MIB
MAX_CALIBRATED_MEMORY_KIB = 256 * MIB
DEFAULT_TARGET_SECONDS = 0.7
DEFAULT_LANES = 4
SALT_BYTES = 16
KEY_BYTES = 32

# Bounds accepted when reading a header, so that a tampered header cannot make
# unlock allocate absurd memory or spin for hours.
_MAX_MEMORY_KIB = 4 * 1024 * MIB
_MAX_ITERATIONS = 64
_MAX_LANES = 16


class KdfParamsInvalid(ValueError):
    pass


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def validate(self) -> None:
        if not 8 * self.lanes <= self.memory_kib <= _MAX_MEMORY_KIB:
            raise KdfParamsInvalid("memory cost out of range")
        if not 1 <= self.iterations <= _MAX_ITERATIONS:
            raise KdfParamsInvalid("iteration count out of range")
        if not 1 <= self.lanes <= _MAX_LANES:
            raise KdfParamsInvalid("lane count out of range")
        if not 16 <= len(self.salt) <= 64:
            raise KdfParamsInvalid("salt length out of range")

    def with_new_salt(self) -> KdfParams:
        return KdfParams(self.memory_kib, self.iterations, self.lanes, os.urandom(SALT_BYTES))


def derive_kek(passphrase: bytes, params: KdfParams, device_secret: bytes | None = None) -> bytes:
    """Derive the key-encryption key. The device secret, when present, is Argon2's
    'secret' input (RFC 9106 section 3.1), so both factors are needed."""
    params.validate()
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
        secret=device_secret,
    )
    return kdf.derive(passphrase)


def _time_once(memory_kib: int, iterations: int, lanes: int) -> float:
    start = time.perf_counter()
    Argon2id(
        salt=os.urandom(SALT_BYTES),
        length=KEY_BYTES,
        iterations=iterations,
        lanes=lanes,
        memory_cost=memory_kib,
    ).derive(b"calibration")
    return time.perf_counter() - start


@dataclass(frozen=True)
class Calibration:
    params: KdfParams
    measured_seconds: float


def calibrate(
    target_seconds: float = DEFAULT_TARGET_SECONDS,
    *,
    min_memory_kib: int = MIN_MEMORY_KIB,
    max_memory_kib: int = MAX_CALIBRATED_MEMORY_KIB,
    lanes: int = DEFAULT_LANES,
    progress: Callable[[int, int], None] | None = None,
) -> Calibration:
    """Pick Argon2id costs that take about ``target_seconds`` on this machine.

    Memory is preferred over iterations (it is what makes GPU guessing expensive),
    doubling from ``min_memory_kib`` while at least three passes still fit the
    target; the remaining time budget goes into more passes.
    """
    if min_memory_kib < MIN_MEMORY_KIB:
        raise KdfParamsInvalid("memory cost below the 64 MiB floor")
    steps_total = 4
    step = 0

    def tick() -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(min(step, steps_total), steps_total)

    memory = min_memory_kib
    per_pass = _time_once(memory, 1, lanes)
    tick()
    while memory * 2 <= max_memory_kib and per_pass * 2 * 3 <= target_seconds:
        memory *= 2
        per_pass = _time_once(memory, 1, lanes)
    tick()
    iterations = max(1, min(_MAX_ITERATIONS, round(target_seconds / max(per_pass, 1e-6))))
    measured = _time_once(memory, iterations, lanes)
    tick()
    # One correction step: per-pass cost is not perfectly linear (allocation, caches).
    if measured > 1.3 * target_seconds and iterations > 1:
        iterations = max(1, round(iterations * target_seconds / measured))
        measured = _time_once(memory, iterations, lanes)
    tick()
    params = KdfParams(memory, iterations, lanes, os.urandom(SALT_BYTES))
    return Calibration(params, measured)
