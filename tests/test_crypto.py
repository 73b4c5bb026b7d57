from __future__ import annotations

import os
import statistics
import time

import pytest

from app.crypto import kdf, sealing
from app.crypto.kdf import MIN_MEMORY_KIB, KdfParams, KdfParamsInvalid, calibrate, derive_kek
from app.crypto.keywrap import UnwrapFailed, unwrap_key, wrap_key
from app.crypto.known_answers import run_known_answer_tests
from app.crypto.secret import SecretBytes


def test_every_known_answer_test_passes() -> None:
    results = run_known_answer_tests()
    assert {r.name for r in results} >= {"AES-256-GCM", "Argon2id", "Ed25519", "X25519"}
    assert all(r.ok for r in results), [r for r in results if not r.ok]


def test_wrapped_key_is_bound_to_its_context() -> None:
    kek, key = os.urandom(32), os.urandom(32)
    wrapped = wrap_key(kek, key, b"vault-1|database")
    assert unwrap_key(kek, wrapped, b"vault-1|database") == key
    with pytest.raises(UnwrapFailed):
        unwrap_key(kek, wrapped, b"vault-1|identity")
    with pytest.raises(UnwrapFailed):
        unwrap_key(os.urandom(32), wrapped, b"vault-1|database")
    flipped = bytes([wrapped.ciphertext[0] ^ 1]) + wrapped.ciphertext[1:]
    with pytest.raises(UnwrapFailed):
        unwrap_key(kek, type(wrapped)(wrapped.nonce, flipped), b"vault-1|database")


def test_device_secret_changes_the_derived_key() -> None:
    params = KdfParams(1024, 1, 1, os.urandom(16))
    plain = derive_kek(b"passphrase", params)
    assert derive_kek(b"passphrase", params) == plain
    assert derive_kek(b"passphrase", params, b"device") != plain
    assert derive_kek(b"passphrase!", params) != plain


def test_kdf_rejects_absurd_parameters() -> None:
    with pytest.raises(KdfParamsInvalid):
        KdfParams(1 << 40, 1, 1, os.urandom(16)).validate()
    with pytest.raises(KdfParamsInvalid):
        KdfParams(65536, 0, 1, os.urandom(16)).validate()
    with pytest.raises(KdfParamsInvalid):
        KdfParams(65536, 1, 1, b"short").validate()


def test_calibration_never_goes_below_64_mib_and_reports_progress() -> None:
    steps: list[tuple[int, int]] = []
    cal = calibrate(0.05, progress=lambda i, n: steps.append((i, n)))
    assert cal.params.memory_kib >= MIN_MEMORY_KIB
    assert cal.params.iterations >= 1
    assert steps
    assert steps[-1][0] == steps[-1][1]
    with pytest.raises(KdfParamsInvalid):
        calibrate(0.05, min_memory_kib=1024)


class FakeArgon2:
    """A machine whose Argon2id costs ``setup + passes * per_pass * bend(passes)``
    seconds per 64 MiB; records every timing the calibration asks for."""

    def __init__(self, setup: float, per_pass: float, bend: float = 0.0) -> None:
        self.setup, self.per_pass, self.bend = setup, per_pass, bend
        self.calls: list[tuple[int, int]] = []

    def seconds(self, memory_kib: int, iterations: int) -> float:
        scale = memory_kib / MIN_MEMORY_KIB
        passes = iterations * (1 + self.bend * iterations)
        return scale * (self.setup + passes * self.per_pass)

    def __call__(self, memory_kib: int, iterations: int, lanes: int) -> float:
        self.calls.append((memory_kib, iterations))
        return self.seconds(memory_kib, iterations)


@pytest.mark.parametrize(
    ("setup", "per_pass", "bend"),
    [
        (0.30, 0.05, 0.0),  # big fixed cost: one timed pass overestimates a pass 7x
        (0.05, 0.04, 0.0),  # cheap: memory should grow first
        (0.10, 0.03, 0.08),  # passes get dearer: the first estimate is too slow
        (0.20, 0.02, -0.01),  # passes get cheaper: the first estimate is too fast
    ],
)
def test_calibration_converges_on_the_target(
    monkeypatch: pytest.MonkeyPatch, setup: float, per_pass: float, bend: float
) -> None:
    fake = FakeArgon2(setup, per_pass, bend)
    monkeypatch.setattr(kdf, "_time_once", fake)
    cal = calibrate(0.7)
    actual = fake.seconds(cal.params.memory_kib, cal.params.iterations)
    assert 0.8 * 0.7 <= actual <= 1.2 * 0.7, (cal, fake.calls)
    assert cal.measured_seconds == pytest.approx(actual)
    assert cal.params.memory_kib >= MIN_MEMORY_KIB
    assert len(fake.calls) <= 16  # calibration itself stays a few seconds


def test_calibration_prefers_memory_and_respects_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap = FakeArgon2(0.01, 0.01)
    monkeypatch.setattr(kdf, "_time_once", cheap)
    assert calibrate(0.7).params.memory_kib == kdf.MAX_CALIBRATED_MEMORY_KIB
    slow = FakeArgon2(1.0, 0.5)  # a slow machine: the 64 MiB floor beats the target
    monkeypatch.setattr(kdf, "_time_once", slow)
    cal = calibrate(0.7)
    assert (cal.params.memory_kib, cal.params.iterations) == (MIN_MEMORY_KIB, 1)


def _median_derive_seconds(params: KdfParams) -> float:
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        derive_kek(b"passphrase", params)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


@pytest.mark.slow
def test_real_calibration_lands_near_a_small_target() -> None:
    target = 0.3
    cal = calibrate(target)
    assert cal.params.memory_kib >= MIN_MEMORY_KIB
    # The chosen costs, as calibration timed them: near the target (the old
    # one-pass estimate landed far below it). Wide band: a shared 2-core machine.
    assert 0.5 * target <= cal.measured_seconds <= 2 * target
    # And that timing is real: derived again, the same costs take about as long.
    # Compared with calibration's own figure, not the target: the machine's load
    # may have changed between the two (seen: 0.23 s timed busy, 0.15 s idle).
    again = _median_derive_seconds(cal.params)
    assert 0.4 * cal.measured_seconds <= again <= 2.5 * cal.measured_seconds


def test_sealed_identity_opens_only_with_the_right_key_and_binding() -> None:
    pair, other = sealing.generate_keypair(), sealing.generate_keypair()
    blob = sealing.seal(pair.public, b"Jan Jansen", b"source-1")
    assert b"Jan Jansen" not in blob
    assert sealing.open_sealed(pair.private, blob, b"source-1") == b"Jan Jansen"
    for private, info in ((other.private, b"source-1"), (pair.private, b"source-2")):
        with pytest.raises(sealing.SealOpenFailed):
            sealing.open_sealed(private, blob, info)


def test_secret_bytes_wipe_and_never_print() -> None:
    secret = SecretBytes(b"\x01" * 32)
    assert "01" not in repr(secret)
    secret.wipe()
    assert secret.wiped
    with pytest.raises(ValueError, match="wiped"):
        secret.get()
