"""The true identity a handover carries, and the key it names as the new runner
(docs/package-format.md, section 7.4): ``package verify`` refuses exactly what
``package import`` refuses, in the same words, and neither keeps anything (issue
17, point 6). The old runner's vault is made to write the faulty packages (signed
as ever), so each one differs from a good handover in that one fault only."""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from app.crypto import sealing
from app.domain.enums import PeerRole, Role
from app.errors import InvalidInput, PackageError
from app.export.errors import ReplayedPackage
from app.models import AuditEvent, Source, TrueIdentity
from app.models.packages import PackageLog, PackagePeer, SourceHandover
from app.services.exchange import handover, handover_identity, keys, package_receive
from app.services.records import identity
from app.services.views import IdentityFields
from tests.helpers import factory
from tests.packages.conftest import PNG, Party, Team, introduce, open_party, rich_debrief

SECRET_NAME = "Johanna Pietersen-Vlug"
GOOD = {
    "full_name": SECRET_NAME,
    "date_of_birth": "1980-02-03",
    "addresses": ["Kade 7"],
    "phone_numbers": ["0612345678"],
    "photo_png": "",
    "notes": "",
}
# Seals itself: (the new runner's receiving public key, info) -> the seal's bytes.
Sealer = Callable[[bytes, bytes], bytes]


def _identity_source(party: Party) -> uuid.UUID:
    rich_debrief(party, "ZWALUW")
    with party.vault.read() as session:
        source_id = session.execute(
            select(Source.id).where(Source.codename == "ZWALUW")
        ).scalar_one()
    identity.record_identity(
        party.vault,
        party.scope,
        source_id,
        IdentityFields(SECRET_NAME, "1980-02-03", ("Kade 7",), ("0612345678",)),
    )
    return source_id


def _hand_over(team: Team, to: str = "Runner Reiger") -> Path:
    return _hand_over_source(team, _identity_source(team.valk), to)


def _hand_over_source(team: Team, source_id: uuid.UUID, to: str = "Runner Reiger") -> Path:
    return handover.hand_over(
        team.valk.vault,
        team.valk.scope,
        source_id,
        passphrase=factory.PASSPHRASE,
        to_runner=to,
        to_dir=team.stick,
    ).path


def _sealing(monkeypatch: pytest.MonkeyPatch, sealer: Sealer) -> None:
    """The old vault seals what ``sealer`` makes instead of the identity it holds."""

    def sealed(*_args: object, recipient_public: bytes, info: bytes, **_kw: object) -> bytes:
        return sealer(recipient_public, info)

    monkeypatch.setattr(identity, "seal_for_handover", sealed)


def _plain(plain: bytes) -> Sealer:
    return lambda public, info: sealing.seal(public, plain, info)


def _json(**changed: object) -> bytes:
    return json.dumps({**GOOD, **changed}).encode()


def _counts(party: Party) -> tuple[int, ...]:
    with party.vault.read() as session:
        return tuple(
            int(session.execute(select(func.count()).select_from(model)).scalar_one())
            for model in (Source, TrueIdentity, SourceHandover, PackageLog)
        )


def _actions(party: Party) -> list[str]:
    with party.vault.read() as session:
        return list(session.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars())


def _refused_alike(party: Party, path: Path) -> str:
    """Verify and import refuse the package with one text; nothing is kept but the
    audit event of each refusal."""
    counts, actions = _counts(party), _actions(party)
    with pytest.raises(PackageError) as verified:
        package_receive.verify_package(party.vault, party.scope, path)
    with pytest.raises(PackageError) as imported:
        package_receive.import_package(party.vault, party.scope, path)
    assert str(verified.value) == str(imported.value)
    assert type(verified.value) is type(imported.value)
    assert _counts(party) == counts
    assert _actions(party) == [*actions, "package.refused", "package.refused"]
    return str(imported.value)


DOES_NOT_OPEN = "does not open with this vault's key; nothing was imported."
MALFORMED = "The true identity in the handover is malformed; nothing was imported."
NOT_A_SEAL = "The true identity in the handover is not a well-formed seal; nothing was imported."


def _another_key(public: bytes, info: bytes) -> bytes:
    return sealing.seal(sealing.generate_keypair().public, _json(), info)


def _another_info(public: bytes, info: bytes) -> bytes:
    return sealing.seal(public, _json(), info[:-64] + os.urandom(64))


def _random_bytes(public: bytes, info: bytes) -> bytes:
    return os.urandom(1500)


@pytest.mark.parametrize("sealer", [_random_bytes, _another_info, _another_key])
def test_a_seal_that_does_not_open_for_the_new_runner_is_refused_by_verify_too(
    team: Team, monkeypatch: pytest.MonkeyPatch, sealer: Sealer
) -> None:
    _sealing(monkeypatch, sealer)
    path = _hand_over(team)
    assert DOES_NOT_OPEN in _refused_alike(team.reiger, path)


PADDING = " " * 120  # a plaintext long enough to be a seal an identity fits in

MALFORMED_PLAINTEXTS = {
    "not JSON": b"not JSON at all" + PADDING.encode(),
    "not UTF-8": _json(notes="\u00e9" + PADDING).replace(b"\\u00e9", b"\xe9"),
    "full_name only": json.dumps({"full_name": "X" + PADDING}).encode(),
    "a member more": _json(x=1),
    "a member twice": _json()[:-1] + b', "notes": "twice"}',
    "a list": json.dumps([GOOD]).encode() + PADDING.encode(),
    "blank full_name": _json(full_name="   "),
    "addresses as text": _json(addresses="Kade 7"),
    "a number for a phone": _json(phone_numbers=[612345678]),
    "date_of_birth null": _json(date_of_birth=None),
    "photo null": _json(photo_png=None),
    "a GIF as photo": _json(photo_png=base64.b64encode(b"GIF89a" + bytes(30)).decode()),
    "photo's base64 unpadded": _json(photo_png=base64.b64encode(PNG + b"\0").decode().rstrip("=")),
    "a lone surrogate": _json(notes="\ud800" + PADDING),
    "NaN": _json()[:-1] + b', "x": NaN}',
}


@pytest.mark.parametrize("plain", MALFORMED_PLAINTEXTS.values(), ids=MALFORMED_PLAINTEXTS.keys())
def test_an_identity_that_opens_but_is_malformed_is_refused_alike(
    team: Team, monkeypatch: pytest.MonkeyPatch, plain: bytes
) -> None:
    assert len(plain) >= handover_identity.SHORTEST_PLAINTEXT
    _sealing(monkeypatch, _plain(plain))
    path = _hand_over(team)
    assert _refused_alike(team.reiger, path) == MALFORMED


TAKEN = {
    "any text as date of birth, as recorded": _json(date_of_birth="gisteren"),
    "no date of birth": _json(date_of_birth=""),
    "a PNG photo": _json(photo_png=base64.b64encode(PNG).decode()),
    "canonical JSON": json.dumps(GOOD, sort_keys=True, separators=(",", ":")).encode(),
    "the shortest": json.dumps(
        dict.fromkeys(GOOD, "") | {"full_name": "X", "addresses": [], "phone_numbers": []},
        separators=(",", ":"),
    ).encode(),
}


@pytest.mark.parametrize("plain", TAKEN.values(), ids=TAKEN.keys())
def test_a_well_formed_identity_is_verified_and_taken_on(
    team: Team, monkeypatch: pytest.MonkeyPatch, plain: bytes
) -> None:
    _sealing(monkeypatch, _plain(plain))
    path = _hand_over(team)
    checked = package_receive.verify_package(team.reiger.vault, team.reiger.scope, path)
    assert checked.handover_identity
    taken = package_receive.import_package(team.reiger.vault, team.reiger.scope, path)
    assert taken.taken_on is not None
    assert taken.taken_on.identity
    revealed = identity.reveal_identity(
        team.reiger.vault,
        team.reiger.scope,
        taken.taken_on.source_id,
        passphrase=factory.PASSPHRASE,
        reason="Taking the source on",
    )
    assert revealed == identity.strict_fields(plain)


def test_the_shortest_seal_holds_the_shortest_identity() -> None:
    shortest = TAKEN["the shortest"]
    assert len(shortest) == handover_identity.SHORTEST_PLAINTEXT
    assert identity.strict_fields(shortest).full_name == "X"
    public = sealing.generate_keypair().public
    assert len(sealing.seal(public, shortest, b"info")) == handover_identity.SHORTEST_SEAL


def _loose_base64(monkeypatch: pytest.MonkeyPatch) -> None:
    """The old vault writes the seal's base64 with a padding bit set: the same bytes
    to a lenient decoder, another text."""
    notes = ""
    overhead = handover_identity.ENC_BYTES + handover_identity.TAG_BYTES
    while (overhead + len(_json(notes=notes))) % 3 != 1:  # base64 ending in "=="
        notes += "x"
    _sealing(monkeypatch, _plain(_json(notes=notes)))
    real = handover._manifest_and_body

    def loose(*args: object) -> object:
        manifest, body = real(*args)  # type: ignore[arg-type]
        sealed = args[-1]
        assert isinstance(sealed, bytes)
        good = base64.b64encode(sealed)
        alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        assert good.endswith(b"==")
        bad = good[:-3] + bytes([alphabet[alphabet.index(good[-3]) | 1]]) + b"=="
        assert bad != good
        assert base64.b64decode(bad) == sealed
        return manifest, [bytes(part).replace(good, bad) for part in body]

    monkeypatch.setattr(handover, "_manifest_and_body", loose)


@pytest.mark.parametrize("fault", ["too short", "loose base64", "not base64"])
def test_a_malformed_seal_is_refused_by_the_handler_and_the_new_runner_alike(
    team: Team, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    """What a vault without the seal's key can check, both check, first."""
    if fault == "too short":
        # As long as a seal whose plaintext is one byte short of any identity.
        size = handover_identity.SHORTEST_SEAL - 1
        _sealing(monkeypatch, lambda public, info: os.urandom(size))
    elif fault == "loose base64":
        _loose_base64(monkeypatch)
    else:
        _sealing(monkeypatch, lambda public, info: b"garbage")
        real = handover._manifest_and_body

        def not_base64(*args: object) -> object:
            manifest, body = real(*args)  # type: ignore[arg-type]
            good = base64.b64encode(b"garbage")
            return manifest, [bytes(p).replace(good, b"garbage!" * 200) for p in body]

        monkeypatch.setattr(handover, "_manifest_and_body", not_base64)
    path = _hand_over(team)
    assert _refused_alike(team.handler, path) == NOT_A_SEAL
    assert _refused_alike(team.reiger, path) == NOT_A_SEAL


def test_no_identity_passes_the_handler_and_the_new_runner(team: Team) -> None:
    source_id = _identity_source(team.valk)
    with team.valk.vault.write() as session:
        session.execute(delete(TrueIdentity).where(TrueIdentity.source_id == source_id))
    path = handover.hand_over(
        team.valk.vault,
        team.valk.scope,
        source_id,
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Reiger",
        to_dir=team.stick,
    ).path
    for party in (team.handler, team.reiger):
        assert not package_receive.verify_package(party.vault, party.scope, path).handover_identity
        package_receive.import_package(party.vault, party.scope, path)


def test_the_old_vault_never_writes_an_identity_the_new_runner_refuses(team: Team) -> None:
    source_id = _identity_source(team.valk)
    not_png = IdentityFields("Jan Smit", photo_png=b"GIF89a" + bytes(30))
    with pytest.raises(InvalidInput, match="not a PNG image"):
        identity.record_identity(team.valk.vault, team.valk.scope, source_id, not_png)
    # One recorded before that rule: refused before anything is written.
    with team.valk.vault.write() as session:
        row = session.execute(
            select(TrueIdentity).where(TrueIdentity.source_id == source_id)
        ).scalar_one()
        row.sealed = identity.seal_identity(team.valk.vault, source_id, not_png)
    with pytest.raises(InvalidInput, match="cannot be handed over"):
        handover.hand_over(
            team.valk.vault,
            team.valk.scope,
            source_id,
            passphrase=factory.PASSPHRASE,
            to_runner="Runner Reiger",
            to_dir=team.stick,
        )
    assert list(team.stick.iterdir()) == []
    with team.valk.vault.read() as session:
        assert session.execute(select(func.count()).select_from(SourceHandover)).scalar_one() == 0


def _record_with_notes(party: Party, source_id: uuid.UUID, notes: int) -> IdentityFields:
    fields = IdentityFields(SECRET_NAME, notes="n" * notes)
    identity.record_identity(party.vault, party.scope, source_id, fields)
    return fields


def test_the_old_vault_refuses_an_identity_too_large_for_its_readers(team: Team) -> None:
    source_id = _identity_source(team.valk)
    # The longest notes whose seal is at most MAX_CHARS base64 characters (3 bytes
    # to 4): the seal of an identity with no notes tells its other bytes.
    bare = identity.seal_identity(team.valk.vault, source_id, IdentityFields(SECRET_NAME))
    longest = handover_identity.MAX_CHARS // 4 * 3 - len(bare)
    _record_with_notes(team.valk, source_id, longest + 1)
    counts, actions = _counts(team.valk), _actions(team.valk)
    with pytest.raises(InvalidInput, match="too large to hand over") as refused:
        _hand_over_source(team, source_id)
    assert f"its notes ({longest + 1} characters)" in str(refused.value)
    assert SECRET_NAME not in str(refused.value)
    # Nothing written: no file, no log, no handover row, no audit event; the
    # source stays this runner's to change.
    assert list(team.stick.iterdir()) == []
    assert (_counts(team.valk), _actions(team.valk)) == (counts, actions)
    fits = _record_with_notes(team.valk, source_id, longest)
    path = _hand_over_source(team, source_id)
    taken = package_receive.import_package(team.reiger.vault, team.reiger.scope, path)
    assert taken.taken_on is not None
    assert taken.taken_on.identity
    revealed = identity.reveal_identity(
        team.reiger.vault,
        team.reiger.scope,
        taken.taken_on.source_id,
        passphrase=factory.PASSPHRASE,
        reason="Taking the source on",
    )
    assert revealed.notes == fits.notes


ANOTHER_ROLE = (
    "The handover hands the source to a key this vault holds as another role's "
    "(central's or a handler's), not a runner's; nothing was imported."
)
NOT_CONFIRMED = (
    "The handover hands the source to a runner whose key this vault has not confirmed: "
    "import the new runner's key and compare its fingerprint first, then import this "
    "package again; nothing was imported."
)


@pytest.mark.parametrize("role", [PeerRole.CENTRAL, PeerRole.HANDLER])
def test_a_handover_to_a_key_the_handler_holds_in_another_role_is_refused(
    team: Team, tmp_path: Path, role: PeerRole
) -> None:
    """The old runner's vault took the key for a runner's; the handler's knows it as
    central's (or another handler's): it never follows such a key as a runner."""
    other = open_party(tmp_path / "other", "Kraai", Role.RUNNER)
    introduce(team.valk, other, PeerRole.RUNNER, "Runner Kraai")
    introduce(team.handler, other, role, f"Kraai as {role.value}")
    path = _hand_over(team, to="Runner Kraai")
    assert _refused_alike(team.handler, path) == ANOTHER_ROLE
    other.vault.lock()


def test_a_handover_to_a_key_the_handler_has_not_confirmed_waits_for_that_key(
    team: Team, tmp_path: Path
) -> None:
    """Unknown, or retired: refused, so the handler never holds a source for a key
    no one there confirmed; the same file is taken once the key is confirmed."""
    other = open_party(tmp_path / "other", "Kraai", Role.RUNNER)
    introduce(team.valk, other, PeerRole.RUNNER, "Runner Kraai")
    path = _hand_over(team, to="Runner Kraai")
    assert _refused_alike(team.handler, path) == NOT_CONFIRMED
    introduce(team.handler, other, PeerRole.RUNNER, "Runner Kraai")
    peer = next(p for p in keys.list_peers(team.handler.vault) if p.name == "Runner Kraai")
    keys.retire_peer(team.handler.vault, team.handler.scope, peer.id)
    assert _refused_alike(team.handler, path) == NOT_CONFIRMED
    introduce(team.handler, other, PeerRole.RUNNER, "Runner Kraai")
    assert package_receive.verify_package(team.handler.vault, team.handler.scope, path)
    taken = package_receive.import_package(team.handler.vault, team.handler.scope, path)
    assert taken.taken_on is not None
    assert taken.warnings == ()
    with team.handler.vault.read() as session:
        [row] = session.execute(select(SourceHandover)).scalars()
        assert row.to_name == "Runner Kraai"
        assert (
            row.to_runner
            == session.execute(
                select(PackagePeer.fingerprint).where(PackagePeer.name == "Runner Kraai")
            ).scalar_one()
        )
    # The same file again, the key retired since: a replay, to verify and import alike.
    keys.retire_peer(team.handler.vault, team.handler.scope, peer.id)
    again = package_receive.verify_package(team.handler.vault, team.handler.scope, path)
    assert again.status == "already imported"
    with pytest.raises(ReplayedPackage, match="already imported"):
        package_receive.import_package(team.handler.vault, team.handler.scope, path)
    other.vault.lock()
