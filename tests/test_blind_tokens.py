"""The blind token construction (app/crypto/blind_tokens.py): what it is made of,
and that without the key a token cannot be matched to a guessed identity."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app.crypto import blind_tokens
from app.crypto.blind_tokens import BadTokenParams, TokenParams
from app.domain import identity_normal

SMALL = TokenParams(memory_kib=8192, iterations=1, lanes=1)
K = bytes(range(32))
OTHER = bytes(range(1, 33))


def test_the_construction_spelled_out() -> None:
    value = "jan van der berg|1980-12-31"
    salt = hmac.new(K, b"veldboek deconfliction salt v1\nname_dob", hashlib.sha256).digest()[:16]
    inner = Argon2id(salt=salt, length=32, iterations=1, lanes=1, memory_cost=8192).derive(
        value.encode()
    )
    expected = hmac.new(
        K, b"veldboek deconfliction token v1\nname_dob\n" + inner, hashlib.sha256
    ).digest()
    assert blind_tokens.token(K, SMALL, "name_dob", value) == expected
    assert (
        blind_tokens.key_id(K)
        == hashlib.sha256(b"veldboek deconfliction key id v1\n" + K).digest()[:16].hex()
    )


def test_same_identity_in_other_spellings_gives_the_same_token() -> None:
    tokens = {
        blind_tokens.token(K, SMALL, "name_dob", str(identity_normal.name_dob(name, day)))
        for name, day in (
            ("Jan van der Berg", "1980-12-31"),
            ("Berg, Jan van der", "31-12-1980"),
            ("JAN VAN DER BERG", "31/12/1980"),
        )
    }
    assert len(tokens) == 1


def test_without_the_key_a_guess_never_matches() -> None:
    """Someone holding the tokens but not the key (a stolen central database) can
    compute anything from a guessed identity except the token: not a plain hash,
    not the Argon2id output, not the token under any other key."""
    value = "jan van der berg|1980-12-31"
    token = blind_tokens.token(K, SMALL, "name_dob", value)
    guesses = {
        hashlib.sha256(value.encode()).digest(),
        hashlib.sha256(b"name_dob\n" + value.encode()).digest(),
        hmac.new(b"", value.encode(), hashlib.sha256).digest(),
        Argon2id(salt=b"\0" * 16, length=32, iterations=1, lanes=1, memory_cost=8192).derive(
            value.encode()
        ),
        blind_tokens.token(OTHER, SMALL, "name_dob", value),
        blind_tokens.token(bytes(32), SMALL, "name_dob", value),
    }
    assert token not in guesses


def test_same_identity_under_another_key_does_not_match() -> None:
    value = "31612345678"
    assert blind_tokens.token(K, SMALL, "phone", value) != blind_tokens.token(
        OTHER, SMALL, "phone", value
    )
    assert blind_tokens.key_id(K) != blind_tokens.key_id(OTHER)


def test_the_kind_is_bound_in_and_parameters_count() -> None:
    value = "1234AB|12|A"
    by_kind = {blind_tokens.token(K, SMALL, kind, value) for kind in blind_tokens.KINDS}
    assert len(by_kind) == 3
    slower = TokenParams(memory_kib=8192, iterations=2, lanes=1)
    assert blind_tokens.token(K, SMALL, "address", value) != blind_tokens.token(
        K, slower, "address", value
    )


@pytest.mark.parametrize(
    "params",
    [
        {"memory_kib": 8191, "iterations": 1, "lanes": 1},
        {"memory_kib": 1024 * 1024 + 1, "iterations": 1, "lanes": 1},
        {"memory_kib": 8192, "iterations": 0, "lanes": 1},
        {"memory_kib": 8192, "iterations": 11, "lanes": 1},
        {"memory_kib": 8192, "iterations": 1, "lanes": 5},
        {"memory_kib": 8192, "iterations": 1, "lanes": 0},
        {"memory_kib": 8192.0, "iterations": 1, "lanes": 1},
        {"memory_kib": 8192, "iterations": True, "lanes": 1},
        {"memory_kib": 8192, "iterations": 1},
        {"memory_kib": 8192, "iterations": 1, "lanes": 1, "salt": 1},
    ],
)
def test_parameters_out_of_bounds_are_refused(params: dict[str, object]) -> None:
    with pytest.raises(BadTokenParams):
        TokenParams.from_dict(params)


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        blind_tokens.token(b"short", SMALL, "phone", "31612345678")
    with pytest.raises(ValueError, match="kind"):
        blind_tokens.token(K, SMALL, "email", "a@b")
    with pytest.raises(ValueError, match="empty"):
        blind_tokens.token(K, SMALL, "phone", "")
