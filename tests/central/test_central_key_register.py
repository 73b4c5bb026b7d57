"""The key register: ``central keys list`` (every runner's and handler's key, its
registration, revocation and last package), a revoked key's package refused as
such (``RevokedSender``), and every refusal naming whose key signed it, in
``ingest --json`` and in ``status``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.central import ingest, ingest_checks, store, teams
from app.central.central_keys import Unlocked
from app.central.errors import DatabaseUnavailable, RevokedSender
from app.central.place import Place
from app.central.schema import migrate
from app.clock import utc_now
from app.domain.enums import PeerRole, Role
from app.errors import InvalidInput
from app.services.exchange import keys
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet
from tests.packages.conftest import open_party


def _db(place: Place) -> tuple[str, str]:
    assert place.url is not None
    return ("--db", place.url)


def _ingest(
    capsys: pytest.CaptureFixture[str], place: Place, tmp_path: Path, *files: Path
) -> list[dict]:  # type: ignore[type-arg]
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    done = run(capsys, "central", "ingest", *map(str, files), *_db(place),
               "--passphrase-file", str(passfile), "--json")  # fmt: skip
    return list(json.loads(done.out))


def test_keys_list_shows_every_key_registered_revoked_and_its_last_package(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    db = _db(central_place)
    assert run(capsys, "central", "keys", "list", *db).out.startswith("No runner's")
    fleet.register(central_place, fleet.noord, fleet.zuid)
    noord_fp = fleet.noord.bundle.fingerprint.hex
    listed = json.loads(run(capsys, "central", "keys", "list", *db, "--json").out)
    assert [(k["team"], k["role"], k["short"], k["last_package_at"]) for k in listed] == [
        ("Noord", "runner", noord_fp[:8], None),
        ("Zuid", "runner", fleet.zuid.bundle.fingerprint.hex[:8], None),
    ]
    assert listed[0]["fingerprint"] == noord_fp
    assert listed[0]["revoked_at"] is None
    assert listed[0]["registered_at"].startswith(utc_now().date().isoformat())
    assert [
        r["status"] for r in _ingest(capsys, central_place, tmp_path, fleet.noord.files[0])
    ] == ["stored"]
    revoked = run(capsys, "central", "keys", "revoke", "--fingerprint", noord_fp, *db,
                  "--by", "officer")  # fmt: skip
    assert revoked.code == 0, revoked.err
    [noord] = json.loads(
        run(capsys, "central", "keys", "list", *db, "--team", "noord", "--json").out
    )
    assert noord["last_package_at"] is not None
    assert (noord["active"], noord["revoked_by"]) == (False, "officer")
    assert noord["revoked_at"].startswith(utc_now().date().isoformat())
    text_out = run(capsys, "central", "keys", "list", *db).out
    assert noord_fp in text_out
    assert "REVOKED" in text_out
    assert "last package none" in text_out
    unknown = run(capsys, "central", "keys", "list", *db, "--team", "Oost")
    assert unknown.code == 1
    assert "no team named Oost" in unknown.err
    # keys show: central's own fingerprint, spoken and in hex, then its bundle (issue
    # 19: "keys show|export give the public key bundle and spoken fingerprint").
    shown = run(capsys, "central", "keys", "show", *db)
    assert "Fingerprint (read aloud):" in shown.out
    assert "Fingerprint (hex):" in shown.out
    doc = json.loads(run(capsys, "central", "keys", "show", *db, "--json").out)
    assert doc["bundle"] in shown.out
    assert noord_fp not in shown.out  # central's own key, not a runner's


def test_a_revoked_keys_package_is_refused_as_revoked_and_status_names_the_key(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    db = _db(central_place)
    fleet.register(central_place, fleet.noord)
    fp = fleet.noord.bundle.fingerprint.hex
    assert _ingest(capsys, central_place, tmp_path, fleet.noord.files[0])[0]["status"] == "stored"
    assert run(capsys, "central", "keys", "revoke", "--fingerprint", fp, *db).code == 0
    # Zuid's key is not registered: its refusal names the key as the package names it,
    # never as the verified signer (there is nothing to check its signature with).
    late, stranger = _ingest(
        capsys, central_place, tmp_path, fleet.noord.files[1], fleet.zuid.files[0]
    )
    today = utc_now().date().isoformat()
    assert late["reason"] == "RevokedSender"
    assert f"signed by a key that was revoked on {today}; nothing was stored" in late["message"]
    assert (late["sender"], late["team"]) == (fp[:8], "Noord")
    assert late["sender_name"]
    assert stranger["reason"] == "UnknownSender"
    zuid = fleet.zuid.bundle.fingerprint.hex[:8]
    assert (stranger["sender"], stranger["sender_name"], stranger["team"]) == (zuid, None, None)
    assert stranger["message"].endswith(
        f"It names key {zuid} as its signer, which is not registered here (its signature "
        "could not be checked)."
    )
    assert "signed by" not in stranger["message"].lower()

    state = json.loads(run(capsys, "central", "status", *db, "--json").out)
    assert state["refusals"] == {"RevokedSender": 1, "UnknownSender": 1}
    assert [(r["reason"], r["sender"], r["team"]) for r in state["recent_refusals"]] == [
        ("UnknownSender", zuid, None),
        ("RevokedSender", fp[:8], "Noord"),
    ]
    [channel] = state["channels"]
    assert channel["sender_revoked_at"].startswith(today)
    shown = run(capsys, "central", "status", *db).out
    assert "key REVOKED" in shown
    assert f"It names key {zuid} as its signer" in shown
    assert "RevokedSender" in shown
    assert f"at {channel['last_received']}" in shown
    assert "deconfliction: no deconfliction key yet" in shown


def test_c0017_gives_a_key_revoked_before_it_the_time_and_name_of_its_first_log_entry(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet
) -> None:
    db = _db(central_place)
    fleet.register(central_place, fleet.noord, fleet.zuid)
    noord = fleet.noord.bundle.fingerprint.hex
    # Revoked twice: both are logged, the first one's time and name are kept.
    for by in ("anna", "bert"):
        revoked = run(capsys, "central", "keys", "revoke", "--fingerprint", noord, *db, "--by", by)
        assert revoked.code == 0, revoked.err
    s = store.Store(central_place)
    try:
        migrate.downgrade(s.engine, "c0016_facts_once")
        migrate.upgrade(s.engine)
        with s.connect() as conn:
            logged = conn.execute(
                text("SELECT at, who FROM central.access_log WHERE what LIKE :w ORDER BY id"),
                {"w": f"revoke key {noord}%"},
            ).all()
            rows = conn.execute(
                text("SELECT fingerprint, revoked_at, revoked_by FROM central.senders")
            ).all()
    finally:
        s.close()
    held = {r[0]: (r[1], r[2]) for r in rows}
    assert [who for _at, who in logged] == ["anna", "bert"]
    assert held[noord] == (logged[0][0], "anna")
    assert held[fleet.zuid.bundle.fingerprint.hex] == (None, None)


def test_a_key_revoked_between_verifying_and_storing_its_package_stores_nothing(
    noord: tuple[store.Store, Unlocked], fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    s, keys = noord
    fp = fleet.noord.bundle.fingerprint.hex
    verified = ingest._verified

    def revoked_meanwhile(*args: Any) -> Any:
        done = verified(*args)  # the key read, active, and the signature checked
        with s.begin() as conn:  # the seized laptop's key revoked just then
            teams.revoke_key(conn, fp, by="officer")
        return done

    monkeypatch.setattr(ingest, "_verified", revoked_meanwhile)
    with pytest.raises(RevokedSender) as refused:
        ingest.ingest_file(s, keys, fleet.noord.files[0])
    today = utc_now().date().isoformat()
    said = ingest.refusal(fleet.noord.files[0], refused.value)
    assert f"signed by a key that was revoked on {today}; nothing was stored" in said.message
    assert (said.reason, said.sender, said.team) == ("RevokedSender", fp[:8], "Noord")
    with s.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM central.packages")).scalar_one() == 0


def test_a_revoke_waits_for_a_package_being_stored_under_its_key(
    noord: tuple[store.Store, Unlocked], fleet: Fleet
) -> None:
    """The storing transaction holds its key's row: a revoke meanwhile waits for
    its commit (here: gives up waiting), never slips in unseen."""
    s, _ = noord
    fp = fleet.noord.bundle.fingerprint.hex
    with s.connect() as conn:
        sender = ingest_checks.sender(conn, fp)

    def revoke_now() -> None:
        with s.begin() as revoking:
            revoking.execute(text("SET LOCAL lock_timeout = '200ms'"))
            teams.revoke_key(revoking, fp, by="officer")

    with s.begin() as storing:
        ingest_checks.refuse_revoked_since(storing, sender)
        with pytest.raises(DatabaseUnavailable, match="lock timeout"):
            revoke_now()
    with s.begin() as conn:  # once it is stored, the revoke goes through
        assert teams.revoke_key(conn, fp, by="officer").was_active


def test_a_revoke_holds_only_its_own_keys_row(
    noord: tuple[store.Store, Unlocked], fleet: Fleet, central_place: Place
) -> None:
    """A package of another key being stored does not hold up a revoke (nor a
    revoke another key's packages), whether the key is named in hex or spoken."""
    s, _ = noord
    fleet.register(central_place, fleet.zuid)
    with s.connect() as conn:
        zuid = ingest_checks.sender(conn, fleet.zuid.bundle.fingerprint.hex)
    with s.begin() as storing:
        ingest_checks.refuse_revoked_since(storing, zuid)
        with s.begin() as revoking:
            revoking.execute(text("SET LOCAL lock_timeout = '200ms'"))
            done = teams.revoke_key(revoking, fleet.noord.bundle.fingerprint.spoken, by="officer")
        assert (done.fingerprint, done.team, done.was_active) == (
            fleet.noord.bundle.fingerprint.hex, "Noord", True)  # fmt: skip
    with s.connect() as conn:
        rows = conn.execute(text("SELECT fingerprint, active FROM central.senders")).all()
    active = {str(r[0]): bool(r[1]) for r in rows}
    assert active == {fleet.noord.bundle.fingerprint.hex: False, zuid.fingerprint: True}


def test_a_handlers_key_is_named_as_such_never_as_not_registered(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    """A debriefs package signed by a key registered here as a handler's is refused,
    saying so: in the message, the JSON and ``status``."""
    db = _db(central_place)
    zuid = fleet.zuid
    path = tmp_path / "zuid.veldboek-key"
    # Exported as a handler's (keys export --role handler): a bundle saying runner is
    # refused as a handler's key.
    as_handler = keys.own_bundle(zuid.party.vault, zuid.bundle.name, PeerRole.HANDLER)
    keys.save_bundle(zuid.party.vault, as_handler, path)
    imported = run(capsys, "central", "keys", "import", str(path), *db, "--role", "handler",
                   "--team", "Zuid", "--name", "Reiger",
                   "--fingerprint", zuid.bundle.fingerprint.spoken)  # fmt: skip
    assert imported.code == 0, imported.err
    [refused] = _ingest(capsys, central_place, tmp_path, zuid.files[0])
    short = zuid.bundle.fingerprint.hex[:8]
    assert refused["status"] == "refused"
    assert (refused["sender"], refused["sender_name"], refused["team"]) == (short, "Reiger", "Zuid")
    said = (
        "The package is signed by a key registered here as a handler's, not a runner's: a "
        f"handler sends no debriefs; nothing was stored. Signed by key {short}: Reiger, "
        "registered as team Zuid's handler key, which does not send debriefs."
    )
    assert refused["message"] == said
    assert "not registered" not in refused["message"]
    state = json.loads(run(capsys, "central", "status", *db, "--json").out)
    [(message, sender, team)] = [
        (r["message"], r["sender"], r["team"]) for r in state["recent_refusals"]
    ]
    assert (message, sender, team) == (said, short, "Zuid")
    assert "team Zuid's handler key" in run(capsys, "central", "status", *db).out
    s = store.Store(central_place)
    try:
        with s.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM central.packages")).scalar_one() == 0
    finally:
        s.close()


def test_central_refuses_an_unconfirmed_key_in_a_vaults_words(
    central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    """One check for both (``keys.refuse_unconfirmed``): a fingerprint not read
    out, or a bundle of another role, is refused by central's keys import as by a
    vault's, the fingerprint first; nothing is registered."""
    bundle = fleet.noord.bundle  # a runner's
    another = fleet.zuid.bundle.fingerprint.spoken
    vault = open_party(tmp_path / "vault", "Uil", Role.HANDLER)
    s = store.Store(central_place)
    said = []
    try:
        for role, typed in (
            (PeerRole.RUNNER, another),
            (PeerRole.HANDLER, bundle.fingerprint.spoken),
            (PeerRole.HANDLER, another),
        ):
            with pytest.raises(InvalidInput) as in_vault:
                keys.add_peer(vault.vault, vault.scope, bundle, role=role, confirmed_spoken=typed)
            with s.begin() as conn, pytest.raises(InvalidInput) as in_central:
                teams.register(conn, bundle, role=role, team="Noord", confirmed_spoken=typed,
                               by="t")  # fmt: skip
            assert str(in_central.value) == str(in_vault.value)
            said.append(str(in_central.value))
        with s.begin() as conn:
            assert conn.execute(text("SELECT count(*) FROM central.senders")).scalar_one() == 0
    finally:
        s.close()
        vault.vault.lock()
    assert said == [
        "The fingerprint does not match: the key was not added.",
        "The key bundle is for the role runner, not handler: the key was not added.",
        "The fingerprint does not match: the key was not added.",
    ]
