from __future__ import annotations

import os

import pytest

from app.crypto import sealing
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
