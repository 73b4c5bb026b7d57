"""Packages made to cross teams or to pass another key's signature off: refused
whole, one line each, nothing stored. Built with the app's own sealing code from a
real package's body (``app.export.package.seal``), as an attacker holding a
registered runner's key (or none) could."""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.central import central_keys, store
from app.central.place import Place
from app.crypto import signing
from app.export import package
from app.export.manifest import RecordRef
from app.services.exchange import keys
from app.services.exchange.package_records import record_hash
from tests.central.conftest import PASSPHRASE
from tests.central.test_central_ingest import counts
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet, Runner

Change = Callable[[dict[str, Any], tuple[RecordRef, ...]], tuple[RecordRef, ...]]


def reseal(
    place: Place,
    source: Path,
    sender: Runner,
    signing_key: bytes,
    out: Path,
    *,
    moved: bool = False,
    sequence: int = 1,
    change: Change | None = None,
    schema: str | None = None,
    previous: str | None = None,
    to: bytes | None = None,
) -> Path:
    """``source``'s records, sent again as ``sender``'s package to central alone
    (number ``sequence`` on that channel); ``moved``: the first record put in
    another compartment than its source's (its hash in the manifest made to
    match); ``change``: the body changed in place, the manifest's records as it
    returns them."""
    with store.opened(place) as s, s.connect() as conn:
        central = central_keys.unlock(conn, PASSPHRASE)
    opened = package.parse(package.decrypt(source.read_bytes(), central.receiving_seed))
    records = opened.manifest.records
    if moved:
        data = opened.body["records"][0]["data"]
        data["compartment_id"] = str(uuid.uuid4())
        first = dataclasses.replace(records[0], sha256=record_hash(data))
        records = (first, *records[1:])
    if change is not None:
        records = change(opened.body, records)
    manifest = dataclasses.replace(
        opened.manifest,
        records=records,
        package_id=uuid.uuid4(),
        sender=sender.bundle.fingerprint.hex,
        recipients=(central.fingerprint.hex,),
        sequence=sequence,  # 1: the first on its own channel (to central alone)
        previous=("" if sequence == 1 else "0" * 64) if previous is None else previous,
        schema=opened.manifest.schema if schema is None else schema,
    )
    sealed = package.seal(manifest, opened.body, signing_key, [to or age_public(place)])
    out.write_bytes(sealed)
    return out


def age_public(place: Place) -> bytes:
    with store.opened(place) as s, s.connect() as conn:
        bundle = keys.read_bundle(central_keys.public(conn).bundle)
    return bundle.recipient_public


def test_another_teams_records_and_a_signature_by_another_key_are_refused(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    assert central_place.url is not None
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    args = ("--db", central_place.url, "--passphrase-file", str(passfile), "--json")
    noord_first = fleet.noord.files[0]
    assert run(capsys, "central", "ingest", str(noord_first), *args).code == 0
    before = counts(central_place)

    zuid_key = keys.private_keys(fleet.zuid.party.vault).signing
    # Zuid's runner, with its own valid key, sends Noord's records as its own.
    crossing = reseal(central_place, noord_first, fleet.zuid, zuid_key, tmp_path / "crossing.age")
    # Someone without Zuid's key claims to be Zuid.
    forged = reseal(
        central_place,
        fleet.zuid.files[0],
        fleet.zuid,
        signing.new_signing_key(),
        tmp_path / "forged.age",
    )
    # Noord's runner resends its own records in a new package: not refused (versions kept once).
    own_again = reseal(
        central_place, noord_first, fleet.noord, keys.private_keys(fleet.noord.party.vault).signing,
        tmp_path / "again.age",
    )  # fmt: skip
    # Noord's runner puts a record in a compartment its source is not in.
    moved = reseal(
        central_place, fleet.noord.files[2], fleet.noord,
        keys.private_keys(fleet.noord.party.vault).signing, tmp_path / "moved.age", moved=True,
    )  # fmt: skip
    result = run(capsys, "central", "ingest", str(crossing), str(forged), str(moved), *args)
    assert result.code == 1
    assert [(r["status"], r.get("reason")) for r in json.loads(result.out)] == [
        ("refused", "WrongTeam"),
        ("refused", "BadSignature"),
        ("refused", "MalformedPackage"),
    ]
    assert "another team holds" in result.err
    # The refusal names the runner who crossed (its own team), never the other team.
    crossed = json.loads(result.out)[0]
    zuid_fp = fleet.zuid.bundle.fingerprint.hex
    assert (crossed["sender"], crossed["team"]) == (zuid_fp[:8], "Zuid")
    assert f"Signed by key {zuid_fp[:8]}: " in crossed["message"]
    assert "Noord" not in crossed["message"]
    assert json.loads(result.out)[1]["sender"] is None  # a forged signature names nobody
    assert "compartment does not match" in result.err
    assert len(result.err.strip().splitlines()) == 3
    assert counts(central_place) == before

    again = run(capsys, "central", "ingest", str(own_again), *args)
    assert again.code == 0, again.err
    [stored] = json.loads(again.out)
    assert stored["new_versions"] == 0  # every version was there already
    assert counts(central_place)["debrief_versions"] == before["debrief_versions"]
