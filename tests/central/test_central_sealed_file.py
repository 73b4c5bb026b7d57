"""The sealed file kept as evidence, copied into the package's transaction by a
thread while the package is verified (``app.central.sealed_file``): what is kept
is the file that was verified, a refusal leaves nothing (no piece, no open
transaction), and an attempt lost to a race is tried again without waiting on
itself."""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import event, text

from app.central import central_keys, ingest, ingest_checks, ingest_rows, sealed_file, store, teams
from app.central.central_keys import Unlocked
from app.central.errors import RevokedSender
from app.central.place import Place
from app.crypto import age, signing
from app.errors import VeldboekError
from app.export import container, package
from app.export.errors import BadSignature, MalformedPackage
from app.services.exchange import keys as exchange_keys
from tests.central.conftest import PASSPHRASE
from tests.central.test_central_forged import age_public, reseal
from tests.central.test_central_ingest import counts
from tests.helpers.central_fleet import Fleet

WAIT = 30  # seconds: a step that never comes fails the test instead of hanging it


def _change(path: Path, change: str) -> None:
    with path.open("r+b") as handle:
        if change == "grows":
            handle.seek(0, 2)
            handle.write(b"x" * 1600)
        else:
            handle.seek(-1, 2)
            last = handle.read(1)
            handle.seek(-1, 2)
            handle.write(bytes([last[0] ^ 1]))


def _after_the_signature(monkeypatch: pytest.MonkeyPatch, then: Callable[[], None]) -> None:
    """Run ``then`` once the package's signature and sender have been checked."""
    real = ingest_checks.refuse_revoked

    def checked(*args: Any) -> Any:
        done = real(*args)
        then()
        return done

    monkeypatch.setattr(ingest_checks, "refuse_revoked", checked)


def _copies(
    monkeypatch: pytest.MonkeyPatch,
    start: threading.Event | None = None,
    done: threading.Event | None = None,
) -> list[str]:
    """The threads the sealed file was copied in; a copy begins once ``start`` is
    set, and sets ``done`` when it ends."""
    threads: list[str] = []
    real = sealed_file.copy_file

    def copy(*args: Any, **kwargs: Any) -> str:
        threads.append(threading.current_thread().name)
        if start is not None:
            assert start.wait(WAIT)
        try:
            return real(*args, **kwargs)
        finally:
            if done is not None:
                done.set()

    monkeypatch.setattr(sealed_file, "copy_file", copy)
    return threads


def _kept(place: Place) -> tuple[str, int, str]:
    with store.opened(place) as s, s.connect() as conn:
        pid, sha = conn.execute(text("SELECT id, sha256 FROM central.packages")).one()
        pieces = conn.execute(
            text("SELECT data FROM central.package_files WHERE package_id = :p ORDER BY piece"),
            {"p": pid},
        ).scalars()
        kept = hashlib.sha256(b"".join(bytes(p) for p in pieces))
        n = conn.execute(text("SELECT count(*) FROM central.package_files")).scalar_one()
    return sha, int(n), kept.hexdigest()


def _open_transactions(place: Place) -> int:
    """Transactions that still hold a lock on the sealed files' table."""
    with store.opened(place) as s, s.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE relation = "
                    "'central.package_files'::regclass AND pid <> pg_backend_pid()"
                )
            ).scalar_one()
        )


@pytest.mark.parametrize("change", ["grows", "changes"])
def test_a_file_changed_after_it_was_verified_is_not_kept_as_evidence(
    change: str,
    noord: tuple[store.Store, Unlocked],
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A writer that still has the file open (a slow copy into a share) changes it
    # after it was verified, before the copy kept as evidence reads it.
    s, keys = noord
    path = tmp_path / "late.age"
    shutil.copyfile(fleet.noord.files[0], path)
    start = threading.Event()
    _copies(monkeypatch, start=start)

    def changed_then_copied() -> None:
        _change(path, change)
        start.set()

    _after_the_signature(monkeypatch, changed_then_copied)
    before = counts(central_place)
    with pytest.raises(MalformedPackage, match="changed while it was read"):
        ingest.ingest_file(s, keys, path)
    assert counts(central_place) == before
    assert _open_transactions(central_place) == 0


def test_the_file_copied_while_it_was_verified_is_what_is_kept(
    noord: tuple[store.Store, Unlocked],
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The copy is made by its own thread while this one verifies; changed after
    # the copy was made, the file kept is still the one verified.
    s, keys = noord
    path = tmp_path / "early.age"
    shutil.copyfile(fleet.noord.files[0], path)
    verified_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    copied = threading.Event()
    threads = _copies(monkeypatch, done=copied)

    def copied_then_changed() -> None:
        assert copied.wait(WAIT)
        _change(path, "changes")

    _after_the_signature(monkeypatch, copied_then_changed)
    stored = ingest.ingest_file(s, keys, path)
    assert stored.sha256 == verified_sha
    assert threads == ["veldboek-evidence"]
    sha, pieces, kept = _kept(central_place)
    assert (sha, kept) == (verified_sha, verified_sha)
    assert pieces == -(-path.stat().st_size // sealed_file.PIECE)


def test_a_package_refused_after_its_copy_began_leaves_nothing(
    noord: tuple[store.Store, Unlocked],
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Signed by Noord's key (so the copy begins), but a record of the body changed
    # after signing: refused once the body is read, and the pieces copied
    # meanwhile go with it.
    s, keys = noord

    def changed(body: dict[str, Any], records: Any) -> Any:
        body["records"][0]["data"]["narrative"] = "changed on its way"
        return records

    path = reseal(central_place, fleet.noord.files[0], fleet.noord, _noord_key(fleet),
                  tmp_path / "changed.age", change=changed)  # fmt: skip
    threads = _copies(monkeypatch)
    before = counts(central_place)
    with pytest.raises(MalformedPackage, match="record in the package"):
        ingest.ingest_file(s, keys, path)
    assert threads == ["veldboek-evidence"]
    assert counts(central_place) == before
    assert _open_transactions(central_place) == 0


def _noord_key(fleet: Fleet) -> bytes:
    return exchange_keys.private_keys(fleet.noord.party.vault).signing


@pytest.mark.parametrize("signer", ["another key", "revoked", "handler"])
def test_nothing_of_a_file_reaches_the_store_before_an_active_runner_signed_it(
    signer: str,
    noord: tuple[store.Store, Unlocked],
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A file naming Noord's registered key but signed by another, or signed by a
    # revoked runner's or a handler's key: verified and refused as before, its
    # bytes never copied to the server.
    s, keys = noord
    path = fleet.noord.files[0]
    if signer == "another key":
        path = reseal(central_place, path, fleet.noord, signing.new_signing_key(),
                      tmp_path / "forged.age")  # fmt: skip
    elif signer == "revoked":
        with s.begin() as conn:
            teams.revoke_key(conn, fleet.noord.bundle.fingerprint.hex, by="officer")
    else:
        with s.begin() as conn:
            conn.execute(
                text("UPDATE central.senders SET role = 'handler' WHERE fingerprint = :f"),
                {"f": fleet.noord.bundle.fingerprint.hex},
            )
    threads = _copies(monkeypatch)
    before = counts(central_place)
    wanted = {"another key": BadSignature, "revoked": RevokedSender, "handler": VeldboekError}
    with pytest.raises(wanted[signer]):
        ingest.ingest_file(s, keys, path)
    assert threads == []
    assert counts(central_place) == before


def test_a_nul_in_the_peeked_manifest_never_goes_into_a_statement(
    noord: tuple[store.Store, Unlocked],
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Anyone can seal a file to the central key: its manifest's sender holding a
    # NUL is refused as malformed, never sent to the server (which would raise a
    # driver error that stops the drop folder's watcher).
    s, keys = noord
    with s.connect() as conn:
        central = central_keys.unlock(conn, PASSPHRASE)
    opened = package.parse(
        package.decrypt(fleet.noord.files[0].read_bytes(), central.receiving_seed)
    )
    manifest = opened.manifest.to_dict()
    manifest["sender"] = "\x00" + manifest["sender"][1:]
    inner = container.build(manifest, opened.body, _noord_key(fleet))
    path = tmp_path / "nul.age"
    path.write_bytes(age.encrypt(inner, [age_public(central_place)]))
    threads = _copies(monkeypatch)
    before = counts(central_place)
    with pytest.raises(MalformedPackage):
        ingest.ingest_file(s, keys, path)
    assert threads == []
    assert counts(central_place) == before


def test_without_a_thread_the_file_is_copied_after_its_row_as_before(
    noord: tuple[store.Store, Unlocked],
    central_place: Place,
    fleet: Fleet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s, keys = noord

    def no_thread(_self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    threads = _copies(monkeypatch)
    monkeypatch.setattr(threading.Thread, "start", no_thread)
    stored = ingest.ingest_file(s, keys, fleet.noord.files[0])
    assert threads == ["MainThread"]
    sha, pieces, kept = _kept(central_place)
    assert kept == sha == stored.sha256
    assert pieces == -(-fleet.noord.files[0].stat().st_size // sealed_file.PIECE)


def test_an_attempt_lost_to_a_race_is_tried_again_without_its_first_transaction(
    noord: tuple[store.Store, Unlocked],
    central_place: Place,
    fleet: Fleet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The first attempt (in the transaction the file was copied into) loses a race
    # after writing its rows; the next writes the same rows in a new transaction,
    # which would wait forever on the first's if that were still open.
    s, keys = noord
    real = ingest_rows.store_package
    attempts: list[bool] = []

    def lost_once(conn: Any, *args: Any) -> Any:
        done = real(conn, *args)
        attempts.append(len(args) == 6 and args[-1] is not None)
        if len(attempts) == 1:
            raise psycopg.errors.SerializationFailure("could not serialize access")
        return done

    monkeypatch.setattr(ingest, "store_package", lost_once)
    s.engine.dispose()  # every connection from here on gives up waiting for a lock

    @event.listens_for(s.engine, "connect")
    def impatient(dbapi: Any, _record: Any) -> None:
        dbapi.autocommit = True
        dbapi.execute("SET lock_timeout = '10s'")
        dbapi.autocommit = False

    stored = ingest.ingest_file(s, keys, fleet.noord.files[0])
    assert attempts == [True, False]
    assert stored.status == "stored"
    sha, pieces, kept = _kept(central_place)
    assert kept == sha == stored.sha256
    assert pieces == -(-fleet.noord.files[0].stat().st_size // sealed_file.PIECE)
    assert _open_transactions(central_place) == 0
