"""Passphrase rules, a strength hint for the first-run wizard, and the bytes a
passphrase stands for when a key is derived from it."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from app.errors import PassphraseRejected

MIN_LENGTH = 12

_COMMON = (
    "password",
    "wachtwoord",
    "welkom",
    "qwerty",
    "azerty",
    "123456",
    "letmein",
    "veldboek",
    "politie",
    "geheim",
    "secret",
    "admin",
    "iloveyou",
    "monkey",
    "dragon",
    "football",
)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_LENGTH:
        raise PassphraseRejected("The passphrase must have at least {n} characters.", n=MIN_LENGTH)
    if passphrase.strip() != passphrase:
        raise PassphraseRejected("The passphrase must not start or end with a space.")


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (very weak) .. 4 (strong)
    bits: float


def estimate_strength(passphrase: str) -> Strength:
    """A rough entropy estimate: character-class pool per character, discounting
    repeats, runs and common words. Deliberately conservative; it only guides."""
    if not passphrase:
        return Strength(0, 0.0)
    pool = 0
    if re.search(r"[a-z]", passphrase):
        pool += 26
    if re.search(r"[A-Z]", passphrase):
        pool += 26
    if re.search(r"[0-9]", passphrase):
        pool += 10
    if re.search(r"[^a-zA-Z0-9]", passphrase):
        pool += 33
    effective = len(set(passphrase)) + 0.5 * (len(passphrase) - len(set(passphrase)))
    lowered = passphrase.lower()
    for word in _COMMON:
        if word in lowered:
            effective -= len(word) - 1
    for run in re.findall(r"(?:0123|1234|2345|3456|4567|5678|6789|abcd|bcde|cdef)", lowered):
        effective -= len(run) - 1
    bits = max(0.0, effective) * math.log2(max(pool, 2))
    score = 0 if bits < 40 else 1 if bits < 55 else 2 if bits < 70 else 3 if bits < 90 else 4
    if len(passphrase) < MIN_LENGTH:
        score = 0
    return Strength(score, round(bits, 1))


def passphrase_bytes(passphrase: str) -> bytes:
    """NFC-normalise so that the same passphrase typed on another OS or keyboard
    layout (composed vs decomposed accents) derives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")
