"""Packages an attacker touched: every alteration, cut, reordering, replay,
misdirection, forgery and downgrade is refused with a typed error and a reason,
and nothing is imported from a refused package."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest
from cryptography.hazmat.primitives import hpke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text, update

from app.crypto import age
from app.domain.enums import PeerRole, Role
from app.errors import PackageError
from app.export import canonical, container, package
from app.export.errors import (
    BadSignature,
    MalformedPackage,
    NotForThisVault,
    RecipientMismatch,
    ReplayedPackage,
    TamperedPackage,
    UnknownSender,
    UnsupportedVersion,
)
from app.export.manifest import Manifest, ReceiptEntry
from app.models import Compartment, CompartmentMember, Debrief, Source
from app.models.packages import PackagePeer, VaultKeypair
from app.services.admin import aliases
from app.services.exchange import keys, package_receive, packages
from app.services.exchange.package_import import ConflictingRecords
from app.services.records import attachments, debriefs
from app.services.records.debriefs import DebriefContent
from app.vault.vault import Vault
from tests.helpers import factory
from tests.packages.conftest import (
    HANDLER,
    Pair,
    Party,
    debrief_rows,
    introduce,
    open_party,
    rich_debrief,
)


@dataclass
class Scene:
    pair: Pair
    central: Party
    data: bytes  # a valid package, several STREAM chunks long

    @property
    def handler(self) -> Party:
        return self.pair.handler

    def import_(self, data: bytes) -> None:
        package_receive.import_package(self.handler.vault, self.handler.scope, data)


@pytest.fixture(scope="module")
def scene_folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The runner's, the handler's and the central system's vaults, introduced,
    and a valid package from the runner, made once: every test gets its own
    copies of the (locked) folders, so none sees what another imported."""
    root = tmp_path_factory.mktemp("adversarial")
    runner = open_party(root / "runner", factory.RUNNER, Role.RUNNER)
    handler = open_party(root / "handler", HANDLER, Role.HANDLER)
    central = open_party(root / "central", "Centraal", Role.HANDLER)
    introduce(runner, handler, PeerRole.HANDLER, "Team handler")
    introduce(handler, runner, PeerRole.RUNNER, "Runner Valk")
    introduce(runner, central, PeerRole.CENTRAL, "Central system")
    introduce(central, runner, PeerRole.RUNNER, "Runner Valk")
    vault, scope = runner.vault, runner.scope
    source = factory.source(vault, scope, "STORM")
    debrief = factory.debrief(vault, scope, source)
    debriefs.save_draft(
        vault, scope, debrief, DebriefContent(narrative="n " * 40_000, critical_reflection="r")
    )
    # Incompressible bytes, so the package spans several 64 KiB chunks.
    attachments.add_attachment(vault, scope, debrief, "scan.bin", os.urandom(150_000))
    debriefs.submit(vault, scope, debrief)
    outbox = root / "usb"
    outbox.mkdir()
    result = packages.export_package(vault, scope, to_dir=outbox, all_new=True)
    data = result.path.read_bytes()
    for party in (runner, handler, central):
        party.vault.lock()
    return root, data


def _copy(made: Path, tmp_path: Path, name: str, alias: str) -> Party:
    shutil.copytree(made / name, tmp_path / name)
    vault = Vault.open(tmp_path / name, factory.PASSPHRASE)
    return Party(vault, aliases.resolve_scope(vault, alias), tmp_path / name)


@pytest.fixture
def scene(scene_folders: tuple[Path, bytes], tmp_path: Path) -> Iterator[Scene]:
    made, data = scene_folders
    runner = _copy(made, tmp_path, "runner", factory.RUNNER)
    handler = _copy(made, tmp_path, "handler", HANDLER)
    central = _copy(made, tmp_path, "central", "Centraal")
    outbox = tmp_path / "usb"
    outbox.mkdir()
    yield Scene(Pair(runner, handler, outbox), central, data)
    for party in (runner, handler, central):
        if not party.vault.is_locked:
            party.vault.lock()


# Everything an import writes besides the audit log: a refused package adds none of it.
_IMPORTED = (
    "compartment",
    "compartment_member",
    "source",
    "debrief",
    "contact",
    "intelligence_item",
    "subject",
    "addendum",
    "attachment",
    "record_version",
    "package_origin",
    "package_log",
    "imported_audit_event",
    "package_evidence",
    "search_doc",
)


def _imported_rows(party: Party) -> dict[str, int]:
    with party.vault.read() as session:
        return {
            t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in _IMPORTED
        }


def _refused(scene: Scene, data: bytes) -> PackageError:
    before = _imported_rows(scene.handler)
    with pytest.raises(PackageError) as caught:
        scene.import_(data)
    assert _imported_rows(scene.handler) == before
    message = str(caught.value)
    assert message
    assert "\n" not in message
    assert "STORM" not in message
    return caught.value


def _flip(data: bytes, pos: int, bit: int = 0) -> bytes:
    out = bytearray(data)
    out[pos] ^= 1 << bit
    return bytes(out)


def _regions(data: bytes) -> dict[str, int]:
    header = age.parse_header(data)
    text = data[: header.length]
    stanza_at = [i for i in range(len(text)) if text.startswith(b"\n-> ", i)]
    payload = header.length + age.NONCE_BYTES
    step = age.CHUNK + age.TAG
    chunks = -(-(len(data) - payload) // step)
    assert chunks >= 3
    regions = {
        "version line": 3,
        "MAC line": header.length - 5,
        "nonce": header.length + 3,
        "first chunk": payload + 10,
        "first chunk tag": payload + step - 2,
        "middle chunk": payload + step + 100,
        "last chunk": len(data) - 30,
        "last byte": len(data) - 1,
    }
    for n, at in enumerate(stanza_at):
        regions[f"stanza {n} arguments"] = at + 25
        regions[f"stanza {n} body"] = text.index(b"\n", at + 1) + 5
    return regions


def test_a_bit_flip_in_every_region_is_refused(scene: Scene) -> None:
    for name, pos in _regions(scene.data).items():
        error = _refused(scene, _flip(scene.data, pos))
        assert isinstance(
            error, TamperedPackage | MalformedPackage | NotForThisVault | UnsupportedVersion
        ), name


def test_a_bit_flip_anywhere_is_refused(scene: Scene) -> None:
    # A sweep across the whole file, a few hundred positions apart.
    for pos in range(0, len(scene.data), max(1, len(scene.data) // 150)):
        _refused(scene, _flip(scene.data, pos, pos % 8))


def test_cut_at_and_between_chunk_boundaries_is_refused(scene: Scene) -> None:
    header = age.parse_header(scene.data)
    payload = header.length + age.NONCE_BYTES
    step = age.CHUNK + age.TAG
    cuts = [header.length - 1, header.length, payload - 1, payload, payload + 1]
    for n in (1, 2):
        cuts += [payload + n * step - 1, payload + n * step, payload + n * step + 1]
        cuts.append(payload + n * step - step // 2)
    cuts.append(len(scene.data) - 1)
    for cut in cuts:
        error = _refused(scene, scene.data[:cut])
        assert isinstance(error, TamperedPackage | MalformedPackage), cut


def test_reordered_or_duplicated_chunks_are_refused(scene: Scene) -> None:
    header = age.parse_header(scene.data)
    payload = header.length + age.NONCE_BYTES
    step = age.CHUNK + age.TAG
    head = scene.data[:payload]
    first = scene.data[payload : payload + step]
    second = scene.data[payload + step : payload + 2 * step]
    rest = scene.data[payload + 2 * step :]
    for shuffled in (second + first + rest, first + first + second + rest, first + rest):
        assert isinstance(_refused(scene, head + shuffled), TamperedPackage)


def test_a_replayed_package_is_refused(scene: Scene) -> None:
    scene.import_(scene.data)
    assert isinstance(_refused(scene, scene.data), ReplayedPackage)


def test_a_vault_that_is_not_a_recipient_cannot_open_it(scene: Scene, tmp_path: Path) -> None:
    stranger = open_party(tmp_path / "stranger", "Sperwer", Role.HANDLER)
    introduce(stranger, scene.pair.runner, PeerRole.RUNNER, "Runner Valk")
    with pytest.raises(NotForThisVault):
        package_receive.import_package(stranger.vault, stranger.scope, scene.data)
    assert debrief_rows(stranger) == 0
    stranger.vault.lock()


def test_an_unknown_signer_is_refused(scene: Scene) -> None:
    # The central system can open the package, but forget the runner's key there.
    peer = next(p for p in keys.list_peers(scene.central.vault) if p.role is PeerRole.RUNNER)
    keys.retire_peer(scene.central.vault, scene.central.scope, peer.id)
    for check in (package_receive.verify_package, package_receive.import_package):
        with pytest.raises(UnknownSender) as refused:
            check(scene.central.vault, scene.central.scope, scene.data)
        # Named as retired: "import and compare the key first" would mislead.
        assert "a key this vault retired" in str(refused.value)
    assert debrief_rows(scene.central) == 0


def _reseal(
    scene: Scene, manifest_doc: dict[str, Any], body: dict[str, Any], signing: bytes
) -> bytes:
    """A package with the given manifest fields, signed with ``signing`` and
    sealed to the handler and the central system (what an insider could make)."""
    recipients = [
        keys.own_bundle(p.vault, "x", PeerRole.HANDLER).recipient_public
        for p in (scene.handler, scene.central)
    ]
    sealer = age.prepare(recipients, min_stanzas=package.RECIPIENT_SLOTS)
    header_sha256 = hashlib.sha256(sealer.header_text).hexdigest()
    return sealer.seal(
        container.build({**manifest_doc, "header_sha256": header_sha256}, body, signing)
    )


def _opened(scene: Scene) -> package.Opened:
    seed = keys.private_keys(scene.handler.vault).receiving_seed
    return package.open_package(scene.data, seed)


def _manifest_doc(opened: package.Opened) -> dict[str, Any]:
    doc = dict(opened.inner.manifest)
    doc.pop("body_sha256")
    doc.pop("body_length")
    return doc


def test_another_runners_key_cannot_sign_for_this_runner(scene: Scene, tmp_path: Path) -> None:
    other = open_party(tmp_path / "other-runner", "Kievit", Role.RUNNER)
    introduce(scene.handler, other, PeerRole.RUNNER, "Runner Kievit")
    opened = _opened(scene)
    forged = _reseal(
        scene, _manifest_doc(opened), opened.body, keys.private_keys(other.vault).signing
    )
    assert isinstance(_refused(scene, forged), BadSignature)
    other.vault.lock()


def test_a_key_confirmed_for_another_role_cannot_send_debriefs(scene: Scene) -> None:
    # The handler knows the central system only as a recipient-side peer, never a runner.
    introduce(scene.handler, scene.central, PeerRole.CENTRAL, "Central system")
    opened = _opened(scene)
    central_keys = keys.private_keys(scene.central.vault)
    doc = {**_manifest_doc(opened), "sender": central_keys.fingerprint.hex}
    forged = _reseal(scene, doc, opened.body, central_keys.signing)
    assert isinstance(_refused(scene, forged), UnknownSender)


def test_a_downgraded_version_is_refused(scene: Scene) -> None:
    opened = _opened(scene)
    runner_signing = keys.private_keys(scene.pair.runner.vault).signing
    old = _reseal(scene, {**_manifest_doc(opened), "version": 0}, opened.body, runner_signing)
    assert isinstance(_refused(scene, old), UnsupportedVersion)
    inner = bytearray(container.build(_manifest_doc(opened), opened.body, runner_signing))
    inner[4] = 0  # the container's own version byte
    recipients = [keys.own_bundle(scene.handler.vault, "x", PeerRole.HANDLER).recipient_public]
    sealed = age.encrypt(bytes(inner), recipients, min_stanzas=4)
    assert isinstance(_refused(scene, sealed), UnsupportedVersion)
    version_line = scene.data.replace(b"age-encryption.org/v1", b"age-encryption.org/v0", 1)
    assert isinstance(_refused(scene, version_line), UnsupportedVersion)


def test_a_stripped_recipient_is_noticed(scene: Scene) -> None:
    # The handler, a legitimate recipient, removes another stanza and re-MACs the
    # header with the file key it can unwrap.
    seed = keys.private_keys(scene.handler.vault).receiving_seed
    header = age.parse_header(scene.data)
    file_key = age.unwrap_file_key(header, seed)
    ml, x = age._expand(seed)
    own = [
        s
        for s in header.stanzas
        if age._open_stanza(s, hpke.MLKEM768X25519PrivateKey(ml, x), x) is not None
    ]
    kept = [s for s in header.stanzas if s is not header.stanzas[0] or s in own][
        : len(header.stanzas) - 1
    ]
    assert own[0] in kept
    text = age.VERSION_LINE + b"\n" + b"".join(s.encode() for s in kept) + b"---"
    mac = age.b64encode(age._mac(file_key, text)).encode()
    stripped = text + b" " + mac + b"\n" + scene.data[header.length :]
    assert isinstance(_refused(scene, stripped), RecipientMismatch)


def test_a_recipient_slot_swapped_for_a_decoy_is_noticed(scene: Scene) -> None:
    # The handler, a legitimate recipient, replaces the central system's stanza
    # with a decoy and re-MACs the header: as many stanzas as before, so only the
    # header hash signed in the manifest can tell.
    seed = keys.private_keys(scene.handler.vault).receiving_seed
    header = age.parse_header(scene.data)
    file_key = age.unwrap_file_key(header, seed)
    ml, x = age._expand(seed)
    own = hpke.MLKEM768X25519PrivateKey(ml, x)
    central_seed = keys.private_keys(scene.central.vault).receiving_seed
    c_ml, c_x = age._expand(central_seed)
    central = hpke.MLKEM768X25519PrivateKey(c_ml, c_x)
    swapped = [
        age.decoy_stanza() if age._open_stanza(s, central, c_x) is not None else s
        for s in header.stanzas
    ]
    assert len(swapped) == len(header.stanzas)
    assert any(age._open_stanza(s, own, x) is not None for s in swapped)
    text = age.VERSION_LINE + b"\n" + b"".join(s.encode() for s in swapped) + b"---"
    mac = age.b64encode(age._mac(file_key, text)).encode()
    forged = text + b" " + mac + b"\n" + scene.data[header.length :]
    assert forged != scene.data
    refused = _refused(scene, forged)
    assert isinstance(refused, RecipientMismatch)
    assert "changed after it was signed" in str(refused)


def test_a_package_resealed_to_a_third_party_is_refused(scene: Scene, tmp_path: Path) -> None:
    third = open_party(tmp_path / "third", "Gaai", Role.HANDLER)
    introduce(third, scene.pair.runner, PeerRole.RUNNER, "Runner Valk")
    plain = age.decrypt(scene.data, keys.private_keys(scene.handler.vault).receiving_seed)
    resealed = age.encrypt(
        bytes(plain), [keys.own_bundle(third.vault, "x", PeerRole.HANDLER).recipient_public]
    )
    with pytest.raises(RecipientMismatch):
        package_receive.import_package(third.vault, third.scope, resealed)
    assert debrief_rows(third) == 0
    third.vault.lock()


def test_a_tampered_body_behind_a_valid_signature_is_refused(scene: Scene) -> None:
    # Change a record but keep the runner's manifest: the body no longer matches it.
    opened = _opened(scene)
    body = dict(opened.body)
    record = dict(body["records"][0])
    record["data"] = {**record["data"], "narrative": "rewritten"}
    body["records"] = [record]
    inner = opened.inner
    body_bytes = canonical.dumps(body)
    forged_inner = (
        container.MAGIC
        + bytes([container.CONTAINER_VERSION])
        + len(inner.manifest_bytes).to_bytes(4, "big")
        + inner.manifest_bytes
        + inner.signature
        + len(body_bytes).to_bytes(4, "big")
        + body_bytes
    )
    forged_inner = _padded(forged_inner)
    recipients = [keys.own_bundle(scene.handler.vault, "x", PeerRole.HANDLER).recipient_public]
    forged = age.encrypt(forged_inner, recipients, min_stanzas=4)
    refused = _refused(scene, forged)
    assert isinstance(refused, MalformedPackage)
    assert "does not match its manifest" in str(refused)


def _padded(inner: bytes) -> bytes:
    """A hand-made container with the zero padding a writer adds."""
    return inner + bytes(container.padme(len(inner)) - len(inner))


def _sealed_to_handler(scene: Scene, inner: bytes) -> bytes:
    recipients = [keys.own_bundle(scene.handler.vault, "x", PeerRole.HANDLER).recipient_public]
    return age.encrypt(inner, recipients, min_stanzas=package.RECIPIENT_SLOTS)


def test_a_flipped_signature_is_refused(scene: Scene) -> None:
    opened = _opened(scene)
    runner_signing = keys.private_keys(scene.pair.runner.vault).signing
    inner = bytearray(container.build(_manifest_doc(opened), opened.body, runner_signing))
    signature_at = 9 + int.from_bytes(inner[5:9], "big")
    inner[signature_at + 17] ^= 0x04
    assert isinstance(_refused(scene, _sealed_to_handler(scene, bytes(inner))), BadSignature)


def test_a_changed_manifest_under_the_old_signature_is_refused(scene: Scene) -> None:
    inner = _opened(scene).inner
    manifest = canonical.loads(inner.manifest_bytes)
    manifest_bytes = canonical.dumps({**manifest, "schema": manifest["schema"] + "-forged"})
    forged = b"".join(
        (
            container.MAGIC,
            bytes([container.CONTAINER_VERSION]),
            len(manifest_bytes).to_bytes(4, "big"),
            manifest_bytes,
            inner.signature,  # the runner's signature over the original manifest
            len(inner.body_bytes).to_bytes(4, "big"),
            inner.body_bytes,
        )
    )
    refused = _refused(scene, _sealed_to_handler(scene, _padded(forged)))
    assert isinstance(refused, BadSignature)


def test_data_hidden_in_the_padding_is_refused(scene: Scene) -> None:
    opened = _opened(scene)
    runner_signing = keys.private_keys(scene.pair.runner.vault).signing
    inner = bytearray(container.build(_manifest_doc(opened), opened.body, runner_signing))
    assert inner[-1] == 0
    inner[-1] = 1
    refused = _refused(scene, _sealed_to_handler(scene, bytes(inner)))
    assert isinstance(refused, MalformedPackage)
    assert "other than zeros after its body" in str(refused)


def test_an_audit_event_that_does_not_match_its_hash_is_refused_by_verify_and_import(
    scene: Scene,
) -> None:
    # Signed with the runner's own key (a damaged or doctored runner vault): the
    # signature holds, the event's own hash does not.
    opened = _opened(scene)
    body = dict(opened.body)
    events = [dict(e) for e in body["audit"]]
    events[0]["detail"] = '{"edited":true}'
    body["audit"] = events
    runner_signing = keys.private_keys(scene.pair.runner.vault).signing
    forged = _reseal(scene, _manifest_doc(opened), body, runner_signing)
    with pytest.raises(MalformedPackage, match="does not match its hash"):
        package_receive.verify_package(scene.handler.vault, scene.handler.scope, forged)
    refused = _refused(scene, forged)
    assert isinstance(refused, MalformedPackage)
    assert "audit event" in str(refused)


# -- fuzzing the reader ----------------------------------------------------------------

_FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_FUZZ
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["flip", "insert", "delete", "zero"]),
            st.floats(0, 1, exclude_max=True),
            st.integers(0, 255),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_fuzzed_packages_are_refused_with_a_typed_error(
    scene: Scene, edits: list[tuple[str, float, int]]
) -> None:
    data = bytearray(scene.data)
    for op, where, value in edits:
        pos = int(where * len(data))
        if op == "flip":
            data[pos] ^= value or 1
        elif op == "insert":
            data[pos:pos] = bytes([value])
        elif op == "delete":
            del data[pos]
        else:
            data[pos : pos + 64] = bytes(len(data[pos : pos + 64]))
    if bytes(data) == scene.data:
        return
    _refused(scene, bytes(data))  # a typed error, one line, and nothing imported


def _read(scene: Scene, data: bytes) -> None:
    """The reader without the database: open, check signer and addressing."""
    opened = package.open_package(data, keys.private_keys(scene.handler.vault).receiving_seed)
    runner = keys.own_bundle(scene.pair.runner.vault, "x", PeerRole.RUNNER)
    opened.inner.verify(runner.signing_public)
    package.check_recipients(opened, keys.own_fingerprint(scene.handler.vault).hex)


@_FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_refused_with_a_typed_error(scene: Scene, data: bytes) -> None:
    seed = keys.private_keys(scene.handler.vault).receiving_seed
    with pytest.raises(PackageError):
        package.open_package(data, seed)
    with pytest.raises(PackageError):
        package.inspect(data)


@settings(max_examples=300, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=512),
        st.builds(
            lambda head, tail: container.MAGIC + bytes([container.CONTAINER_VERSION]) + head + tail,
            st.binary(max_size=8),
            st.binary(max_size=256),
        ),
    )
)
def test_the_container_parser_never_fails_untyped(data: bytes) -> None:
    with pytest.raises(PackageError):
        container.parse(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(doc=st.dictionaries(st.text(max_size=12), json_values, max_size=14))
def test_the_manifest_parser_never_fails_untyped(doc: dict[str, Any]) -> None:
    from app.export.manifest import Manifest

    base = {"format": "veldboek-package", "version": 1}
    for candidate in (doc, {**base, **doc}):
        try:
            Manifest.from_dict(candidate)
        except (MalformedPackage, UnsupportedVersion):
            continue
        raise AssertionError("a random manifest was accepted")


def test_inspect_tells_nothing_about_sender_recipients_or_content(scene: Scene) -> None:
    facts = package.inspect(scene.data)
    assert facts["format"] == "age-encryption.org/v1"
    assert facts["recipient_type"] == ["mlkem768x25519"]
    assert facts["recipient_slots"] == 4  # two real recipients, padded to four
    text = repr(facts)
    for secret in (
        keys.own_fingerprint(scene.pair.runner.vault).hex,
        keys.own_fingerprint(scene.handler.vault).hex,
        "STORM",
        HANDLER,
    ):
        assert secret not in text
    assert set(facts) == {
        "format",
        "recipient_type",
        "recipient_slots",
        "size_bytes",
        "payload_bytes",
        "chunks",
    }
    assert hashlib.sha256(scene.data).hexdigest() not in text
    package_id = str(_opened(scene).manifest.package_id)
    assert package_id not in text  # the id is inside the sealed part only


def test_the_stanza_count_tells_only_a_band_of_recipient_counts() -> None:
    assert [package.slots(n) for n in (1, 2, 4, 5, 8, 9, 17)] == [4, 4, 4, 8, 8, 16, 32]
    seeds = [age.new_identity() for _ in range(5)]
    manifest = Manifest(
        kind="receipt",
        package_id=uuid.uuid4(),
        created_at="2026-12-01T10:00:00.000000Z",
        schema="test",
        sender="ab" * 32,
        recipients=("cd" * 32,),
        sequence=1,
        previous="",
        receipts=(ReceiptEntry(uuid.uuid4(), "ef" * 32),),
    )
    sealed = package.seal(
        manifest, {"reviews": []}, os.urandom(32), [age.public_key(s) for s in seeds]
    )
    assert package.inspect(sealed)["recipient_slots"] == 8
    for seed in seeds:  # every recipient still opens it
        assert package.open_package(sealed, seed).manifest.package_id == manifest.package_id


def test_the_reader_accepts_the_untouched_package(scene: Scene) -> None:
    # The fuzz tests' baseline: without an edit, no error, and the records arrive.
    _read(scene, scene.data)
    before = _imported_rows(scene.handler)
    scene.import_(scene.data)
    assert _imported_rows(scene.handler)["debrief"] > before["debrief"]


def test_another_runner_cannot_overwrite_records_it_did_not_send(
    pair: Pair, tmp_path: Path
) -> None:
    # Runner B holds a copy of runner A's records (same ids) under its own keys:
    # its package must not change what the handler holds from A.
    vault, scope = pair.runner.vault, pair.runner.scope
    source = factory.source(vault, scope, "EIGEN")
    factory.debrief(vault, scope, source, narrative="What A reported.", submit=True)
    vault.lock()
    copy = tmp_path / "runner-b"
    shutil.copytree(pair.runner.path, copy)
    pair.runner.vault = Vault.open(pair.runner.path, factory.PASSPHRASE)
    a = packages.export_package(pair.runner.vault, scope, to_dir=pair.outbox, all_new=True)
    package_receive.import_package(pair.handler.vault, pair.handler.scope, a.path.read_bytes())

    b_vault = Vault.open(copy, factory.PASSPHRASE)
    with b_vault.write() as session:  # new keys: B is another runner
        session.execute(delete(VaultKeypair))
        session.execute(delete(PackagePeer))
    b = Party(b_vault, aliases.resolve_scope(b_vault, factory.RUNNER), copy)
    introduce(b, pair.handler, PeerRole.HANDLER, "Team handler")
    introduce(pair.handler, b, PeerRole.RUNNER, "Runner B")
    (debrief_id,) = [d.id for d in debriefs.list_debriefs(b_vault, b.scope).rows]
    debriefs.add_addendum(b_vault, b.scope, debrief_id, "Forged addendum.")
    out = tmp_path / "b-out"
    out.mkdir()
    forged = packages.export_package(b_vault, b.scope, to_dir=out, all_new=True)
    for check in (package_receive.verify_package, package_receive.import_package):
        with pytest.raises(ConflictingRecords):  # verify refuses it as import does
            check(pair.handler.vault, pair.handler.scope, forged.path.read_bytes())
    view = debriefs.get_debrief(pair.handler.vault, pair.handler.scope, debrief_id)
    assert view.addenda == ()
    assert view.narrative == "What A reported."
    b_vault.lock()


def test_a_package_cannot_touch_records_made_in_the_handlers_vault(pair: Pair) -> None:
    # The handler's own source file, and a runner's package claiming its ids.
    h = pair.handler
    own_source = factory.source(h.vault, h.scope, "EIGENBEHEER")
    with h.vault.read() as session:
        comp = session.execute(
            select(Source.compartment_id).where(Source.id == own_source)
        ).scalar_one()
    vault, scope = pair.runner.vault, pair.runner.scope
    source = factory.source(vault, scope, "LOKAAL")
    factory.debrief(vault, scope, source, submit=True)
    with vault.write() as session:  # the runner's record now claims the handler's ids
        session.add(Compartment(id=comp, name="Taken over"))
        session.flush()
        session.add(CompartmentMember(compartment_id=comp, alias_id=scope.alias_id))
        session.execute(update(Source).where(Source.id == source).values(compartment_id=comp))
        session.execute(update(Debrief).values(compartment_id=comp))
    result = packages.export_package(vault, scope, to_dir=pair.outbox, all_new=True)
    before = debrief_rows(h)
    for check in (package_receive.verify_package, package_receive.import_package):
        with pytest.raises(ConflictingRecords):  # verify refuses it as import does
            check(h.vault, h.scope, result.path.read_bytes())
    assert debrief_rows(h) == before


def test_a_compartment_name_the_handler_uses_is_kept_apart(pair: Pair) -> None:
    rich_debrief(pair.runner, "ZWALUW")
    with pair.runner.vault.read() as session:
        theirs = session.execute(
            select(Compartment.id, Compartment.name)
            .join(Source, Source.compartment_id == Compartment.id)
            .where(Source.codename == "ZWALUW")
        ).one()
    h = pair.handler
    with h.vault.write() as session:
        session.add(Compartment(name=theirs.name))
    result = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    package_receive.import_package(h.vault, h.scope, result.path.read_bytes())
    with h.vault.read() as session:
        names = dict(session.execute(select(Compartment.id, Compartment.name)).all())
        members = set(
            session.execute(
                select(CompartmentMember.compartment_id).where(
                    CompartmentMember.alias_id == h.scope.alias_id
                )
            ).scalars()
        )
    assert names[theirs.id] == f"{theirs.name} ({theirs.id.hex[-6:]})"  # the random end
    assert sorted(names.values()).count(theirs.name) == 1  # the handler's own, unchanged
    assert theirs.id in members  # the importing handler joins the runner's compartment


def test_a_source_listed_twice_is_refused(scene: Scene) -> None:
    # Signed by the runner itself: the second entry would have slipped a codename
    # past the check against the handler's own sources.
    factory.source(scene.handler.vault, scene.handler.scope, "ZWALUW")
    opened = _opened(scene)
    body = dict(opened.body)
    (entry,) = body["sources"]
    body["sources"] = [{**entry, "codename": "ZWALUW"}, entry]
    signing = keys.private_keys(scene.pair.runner.vault).signing
    forged = _reseal(scene, _manifest_doc(opened), body, signing)
    refused = _refused(scene, forged)
    assert isinstance(refused, MalformedPackage)
    assert "lists a source twice" in str(refused)


def _signed_by_runner(scene: Scene, doc: dict[str, Any], body: bytes) -> bytes:
    """A package whose body is ``body`` as it is, signed with the runner's own key
    and sealed to the handler and the central system."""
    recipients = [
        keys.own_bundle(p.vault, "x", PeerRole.HANDLER).recipient_public
        for p in (scene.handler, scene.central)
    ]
    sealer = age.prepare(recipients, min_stanzas=package.RECIPIENT_SLOTS)
    doc = {**doc, "header_sha256": hashlib.sha256(sealer.header_text).hexdigest()}
    signing = keys.private_keys(scene.pair.runner.vault).signing
    return sealer.seal(container.build_parts(doc, [body], signing))


def _with_fraction(body: dict[str, Any], where: str) -> dict[str, Any]:
    """``body`` with one whole number (or text) made a fraction, in part ``where``."""
    body = {**body}
    entry = {**body["records"][-1]}  # the debrief (a source's file comes first)
    data = {**entry["data"]}
    if where == "entry version":
        entry["version"] = 1.0  # equal to 1: only its type gives it away
    elif where == "record field":
        data["items"] = [{**data["items"][0], "position": 1.0}]
    elif where == "record text":
        data["narrative"] = 0.5
    elif where == "record's file":
        data["attachments"] = [{**data["attachments"][0], "size": 150_000.0}]
    elif where == "source":
        body["sources"] = [{**body["sources"][0], "kind": 2.5}]
    elif where == "audit event":
        body["audit"] = [{**body["audit"][0], "seq": 1.0}, *body["audit"][1:]]
    elif where == "file":
        body["attachments"] = [{**body["attachments"][0], "sha256": 0.25}]
    entry["data"] = data
    body["records"] = [*body["records"][:-1], entry]
    return body


@pytest.mark.parametrize(
    "where",
    [
        "entry version",
        "record field",
        "record text",
        "record's file",
        "source",
        "audit event",
        "file",
    ],
)
def test_a_fraction_anywhere_in_the_body_is_refused(scene: Scene, where: str) -> None:
    # Signed by the runner, with every hash made over the fraction, so nothing but
    # the type of the value can refuse it (the body is parsed without a float walk).
    opened = _opened(scene)
    body = _with_fraction(opened.body, where)
    doc = _manifest_doc(opened)
    record_bytes = orjson.dumps(body["records"][-1]["data"], option=orjson.OPT_SORT_KEYS)
    doc["records"] = [
        *doc["records"][:-1],
        {**doc["records"][-1], "sha256": hashlib.sha256(record_bytes).hexdigest()},
    ]
    # canonical.dumps would refuse the fraction
    forged = _signed_by_runner(scene, doc, orjson.dumps(body, option=orjson.OPT_SORT_KEYS))
    assert isinstance(_refused(scene, forged), MalformedPackage)
    with pytest.raises(MalformedPackage):
        package_receive.verify_package(scene.handler.vault, scene.handler.scope, forged)


def _non_canonical(opened: package.Opened, where: str) -> bytes:
    """The body (canonical) written another way that parses to the same value, or
    with a key twice, in part ``where``."""
    body = opened.inner.body_bytes
    audit = body.index(b',"audit":[') + len(b',"audit":[')
    narrative = body.index(b'"narrative":"n') + len(b'"narrative":"')
    sources = body.index(b',"sources":[{') + len(b',"sources":[{')
    if where == "space in the audit events":
        return body[:audit] + b" " + body[audit:]
    if where == "escaped letter in a record":
        return body[:narrative] + rb"\u006e" + body[narrative + 1 :]  # the same "n"
    if where == "record entry keys out of order":
        entry = opened.body["records"][-1]
        data = canonical.dumps(entry["data"])
        tail = b'"id":"%b","type":"debrief","version":%d' % (
            entry["id"].encode(),
            entry["version"],
        )
        in_order = b'{"data":' + data + b"," + tail + b"}"
        assert body.count(in_order) == 1
        return body.replace(in_order, b"{" + tail + b',"data":' + data + b"}")
    if where == "a source key twice":
        return body[:sources] + b'"codename":"OTHER",' + body[sources:]
    if where == "a space after the body":
        return body + b" "
    raise AssertionError(where)


@pytest.mark.parametrize(
    "where",
    [
        "space in the audit events",
        "escaped letter in a record",
        "record entry keys out of order",
        "a source key twice",
        "a space after the body",
    ],
)
def test_a_body_that_is_not_canonical_is_refused(scene: Scene, where: str) -> None:
    # Signed by the runner and parsing to valid records with the manifest's hashes:
    # only the bytes themselves are wrong, and only the canonical walk can tell.
    opened = _opened(scene)
    body = _non_canonical(opened, where)
    assert body != opened.inner.body_bytes
    forged = _signed_by_runner(scene, _manifest_doc(opened), body)
    refused = _refused(scene, forged)
    assert isinstance(refused, MalformedPackage)
    assert "canonical" in str(refused) or where == "a source key twice"
    with pytest.raises(MalformedPackage):
        package_receive.verify_package(scene.handler.vault, scene.handler.scope, forged)


@pytest.mark.parametrize("part", ["attachments", "audit", "sources"])
def test_a_body_nested_too_deep_is_refused(scene: Scene, part: str) -> None:
    # orjson parses 1,024 levels but encodes only 255: the canonical check must
    # refuse such a body with a typed error, not fail inside the encoder.
    opened = _opened(scene)
    body = dict(opened.body)
    deep: list[Any] = []
    for _ in range(300):
        deep = [deep]
    body[part] = deep
    raw = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    forged = _signed_by_runner(scene, _manifest_doc(opened), raw)
    assert isinstance(_refused(scene, forged), MalformedPackage)
    with pytest.raises(MalformedPackage):
        package_receive.verify_package(scene.handler.vault, scene.handler.scope, forged)
