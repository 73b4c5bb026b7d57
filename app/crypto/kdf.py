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


CALIBRATION_TOLERANCE = 0.2  # accept a measured time within +-20% of the target
_MAX_ROUNDS = 6  # timed corrections after the first estimate


def _timed(memory_kib: int, iterations: int, lanes: int, target: float) -> float:
    """One timing; a reading too slow for the target is taken again and the faster
    kept, since other work on the machine only ever makes Argon2id slower."""
    seconds = _time_once(memory_kib, iterations, lanes)
    if seconds > (1 + CALIBRATION_TOLERANCE) * target:
        seconds = min(seconds, _time_once(memory_kib, iterations, lanes))
    return seconds


def _slope(a: tuple[int, float], b: tuple[int, float], fallback: float) -> float:
    """Seconds per pass between two timings, or ``fallback`` if noise hides it."""
    if a[0] == b[0]:
        return fallback
    slope = (b[1] - a[1]) / (b[0] - a[0])
    return slope if slope > fallback / 4 else fallback


def _cost_model(memory_kib: int, lanes: int) -> tuple[float, float]:
    """(setup, per pass) seconds at this memory: one pass includes a fixed cost
    (allocating and first touching the memory), so time 1 and 3 passes and take
    the difference."""
    one = _time_once(memory_kib, 1, lanes)
    three = _time_once(memory_kib, 3, lanes)
    # On a busy machine the difference can come out tiny or negative; a pass is
    # never cheaper than a twelfth of the three-pass run.
    per_pass = max((three - one) / 2, three / 12, 1e-6)
    return max(0.0, one - per_pass), per_pass


def calibrate(
    target_seconds: float = DEFAULT_TARGET_SECONDS,
    *,
    min_memory_kib: int = MIN_MEMORY_KIB,
    max_memory_kib: int = MAX_CALIBRATED_MEMORY_KIB,
    lanes: int = DEFAULT_LANES,
    progress: Callable[[int, int], None] | None = None,
) -> Calibration:
    """Pick Argon2id costs that take about ``target_seconds`` on this machine.

    Memory is preferred over passes (it is what makes GPU guessing expensive): it
    doubles from ``min_memory_kib`` while three passes at the doubled size still
    fit the target. Passes then fill the budget, from a setup + per-pass cost
    model, and the result is timed and corrected up or down until it lands within
    ``CALIBRATION_TOLERANCE`` (or no whole number of passes gets closer). The
    memory floor wins over the target: on a slow machine one pass may take longer.
    """
    if min_memory_kib < MIN_MEMORY_KIB:
        raise KdfParamsInvalid("memory cost below the 64 MiB floor")
    if target_seconds <= 0:
        raise KdfParamsInvalid("the target time must be positive")
    steps_total = 2 + _MAX_ROUNDS
    step = 0

    def tick(done: bool = False) -> None:
        nonlocal step
        step = steps_total if done else min(step + 1, steps_total - 1)
        if progress is not None:
            progress(step, steps_total)

    memory = min_memory_kib
    setup, per_pass = _cost_model(memory, lanes)
    tick()
    while memory * 2 <= max_memory_kib and 2 * (setup + 3 * per_pass) <= target_seconds:
        memory *= 2
        setup, per_pass = _cost_model(memory, lanes)
    tick()

    def clamp(n: float) -> int:
        return max(1, min(_MAX_ITERATIONS, round(n)))

    iterations = clamp((target_seconds - setup) / per_pass)
    best: tuple[float, int, float] | None = None  # (relative error, passes, seconds)
    previous: tuple[int, float] | None = None
    tried: set[int] = set()
    for _ in range(_MAX_ROUNDS):
        measured = _timed(memory, iterations, lanes, target_seconds)
        tick()
        tried.add(iterations)
        error = abs(measured - target_seconds) / target_seconds
        if best is None or error < best[0]:
            best = (error, iterations, measured)
        if error <= CALIBRATION_TOLERANCE:
            break
        # Secant step: the per-pass cost between the last two timings says how many
        # passes the miss is worth; move at least one, never past the bounds.
        if previous is not None:
            per_pass = _slope(previous, (iterations, measured), per_pass)
        previous = (iterations, measured)
        shift = (target_seconds - measured) / per_pass
        wanted = clamp(iterations + (round(shift) or (1 if shift > 0 else -1)))
        if wanted == iterations or wanted in tried:
            break  # at a bound, or the target lies between two whole pass counts
        iterations = wanted
    assert best is not None
    tick(done=True)
    params = KdfParams(memory, best[1], lanes, os.urandom(SALT_BYTES))
    return Calibration(params, best[2])
