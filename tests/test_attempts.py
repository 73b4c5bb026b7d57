"""The wait after failed unlocks (issue 15, point 5): never above the documented cap
(attempts.MAX_DELAY_SECONDS), whatever the clock or the failure log says, and it
runs out: a clock set back cannot lock the user out."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.errors import UnlockThrottled, WrongPassphrase
from app.services.admin import vaults
from app.vault import attempts
from app.vault.attempts import MAX_DELAY_SECONDS
from app.vault.vault import Vault
from tests.helpers import factory

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = NOW
        monkeypatch.setattr(attempts, "utc_now", lambda: self.now)

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _write(path: Path, moments: list[datetime]) -> None:
    path.write_text(json.dumps([m.isoformat().replace("+00:00", "Z") for m in moments]))


@pytest.mark.parametrize("ahead", [timedelta(seconds=90), timedelta(days=1), timedelta(days=9000)])
@pytest.mark.parametrize("count", [2, 5, 30, 1000])
def test_failures_in_the_future_wait_at_most_the_cap_and_the_wait_runs_out(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, ahead: timedelta, count: int
) -> None:
    clock = Clock(monkeypatch)
    log = vault_dir / "unlock-failures.json"
    _write(log, [NOW + ahead] * count)  # recorded before the clock was set back
    wait = vaults.seconds_until_retry(vault_dir)
    assert 0 < wait <= MAX_DELAY_SECONDS
    assert wait == attempts.delay_after(count)
    with pytest.raises(UnlockThrottled) as info:
        Vault.open(vault_dir, factory.PASSPHRASE)
    assert info.value.seconds <= MAX_DELAY_SECONDS
    assert str(info.value) == f"Too many failed attempts: wait {round(wait)} s before trying again."
    # Counting down from now, as for any failure: it runs out, and the right
    # passphrase then opens (and clears the log).
    clock.advance(wait / 2)
    assert 0 < vaults.seconds_until_retry(vault_dir) <= wait / 2 + 0.001
    clock.advance(wait / 2 + 0.001)
    assert vaults.seconds_until_retry(vault_dir) == 0
    Vault.open(vault_dir, factory.PASSPHRASE).lock()
    assert not log.exists()


def test_the_wait_stays_capped_when_the_future_cannot_be_written_back(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the log cannot be rewritten, a wait counted from 'now' would never run
    out: the attempt is let through (a log that cannot be written does not throttle
    new failures either)."""
    Clock(monkeypatch)
    _write(vault_dir / "unlock-failures.json", [NOW + timedelta(days=1)] * 5)
    monkeypatch.setattr(attempts, "_store", lambda _path, _failures: False)
    assert vaults.seconds_until_retry(vault_dir) == 0


@pytest.mark.parametrize(
    "back", [timedelta(seconds=61), timedelta(days=400), timedelta(days=700_000)]
)
def test_failures_long_ago_do_not_wait(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, back: timedelta
) -> None:
    Clock(monkeypatch)
    _write(vault_dir / "unlock-failures.json", [NOW - back] * 20)
    assert vaults.seconds_until_retry(vault_dir) == 0


def test_a_recent_failure_counts_down_from_its_moment(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Clock(monkeypatch)
    _write(vault_dir / "unlock-failures.json", [NOW - timedelta(seconds=3)] * 4)  # 4 s wait
    assert vaults.seconds_until_retry(vault_dir) == pytest.approx(1.0)


GARBAGE = {
    "not json": b"\x00\xffnot json",
    "not a list": b'{"at": "2026-12-06T12:00:00Z"}',
    "a number": b"1e999",
    "not dates": b'["yesterday", "soon"]',
    "numbers": b"[1, 2, 3]",
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "year 9999": b'["9999-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z"]',
    "year 1": b'["0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"]',
    "no time zone": b'["2026-12-07T12:00:00", "2026-12-07T12:00:00"]',
    "not utf-8": '["2026-12-06T12:00:00Z"]'.encode("utf-16"),
    "empty": b"",
}


@pytest.mark.parametrize("content", list(GARBAGE))
def test_a_garbled_failure_log_never_makes_a_long_wait(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    clock = Clock(monkeypatch)
    (vault_dir / "unlock-failures.json").write_bytes(GARBAGE[content])
    assert 0 <= vaults.seconds_until_retry(vault_dir) <= MAX_DELAY_SECONDS
    clock.advance(MAX_DELAY_SECONDS)
    Vault.open(vault_dir, factory.PASSPHRASE).lock()  # a damaged log never keeps one out


def test_the_message_after_many_wrong_passphrases_stays_within_the_cap(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock(monkeypatch)
    _write(vault_dir / "unlock-failures.json", [NOW - timedelta(hours=1)] * 999)
    with pytest.raises(WrongPassphrase, match=r"Wait 60 s before the next attempt"):
        Vault.open(vault_dir, "not the passphrase at all")
    assert vaults.seconds_until_retry(vault_dir) == MAX_DELAY_SECONDS
    clock.advance(MAX_DELAY_SECONDS)
    assert vaults.seconds_until_retry(vault_dir) == 0
