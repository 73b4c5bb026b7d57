"""Handing a source over to another runner (issue 17, point 4), with three real
vaults: the old runner, the new runner and the team handler, through the services."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.clock import iso_utc, utc_now
from app.crypto import sealing
from app.domain.enums import PeerRole, RiskLevel, Role
from app.domain.scope import Scope
from app.errors import (
    AccessDenied,
    InvalidInput,
    NoRecipient,
    NotFound,
    PackageError,
    WrongPassphrase,
)
from app.export import package
from app.export.manifest import Manifest, ReceiptEntry
from app.models import AuditEvent, Contact, Debrief, Source, TrueIdentity
from app.models.packages import PackageOrigin, PackagePeer, SourceHandover
from app.services.admin import settings as vault_settings
from app.services.exchange import (
    handover,
    keys,
    package_arrival,
    package_body,
    package_receive,
    packages,
    receipts,
    whole_file,
)
from app.services.records import debriefs, identity, welfare
from app.services.records.debriefs import DebriefContent
from app.services.views import IdentityFields
from tests.helpers import factory
from tests.packages.conftest import HANDLER, Party, introduce, open_party, rich_debrief

NEW_RUNNER = "Specht"
SECRET_NAME = "Johanna Pietersen-Vlug"


@dataclass
class Trio:
    old: Party
    new: Party
    handler: Party
    stick: Path


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[Trio]:
    old = open_party(tmp_path / "old", factory.RUNNER, Role.RUNNER)
    new = open_party(tmp_path / "new", NEW_RUNNER, Role.RUNNER)
    hnd = open_party(tmp_path / "handler", HANDLER, Role.HANDLER)
    introduce(old, hnd, PeerRole.HANDLER, "Team handler")
    introduce(new, hnd, PeerRole.HANDLER, "Team handler")
    introduce(hnd, old, PeerRole.RUNNER, "Runner Valk")
    introduce(hnd, new, PeerRole.RUNNER, "Runner Specht")
    introduce(old, new, PeerRole.RUNNER, "Runner Specht")
    introduce(new, old, PeerRole.RUNNER, "Runner Valk")
    stick = tmp_path / "usb"
    stick.mkdir()
    yield Trio(old, new, hnd, stick)
    for party in (old, new, hnd):
        if not party.vault.is_locked:
            party.vault.lock()


def _with_identity(party: Party, codename: str = "ZWALUW") -> uuid.UUID:
    rich_debrief(party, codename)
    with party.vault.read() as session:
        source_id = session.execute(
            select(Source.id).where(Source.codename == codename)
        ).scalar_one()
    identity.record_identity(
        party.vault,
        party.scope,
        source_id,
        IdentityFields(SECRET_NAME, "1980-02-03", ("Kade 7",), ("0612345678",), b"", ""),
    )
    return source_id


def _source_id(party: Party, codename: str) -> uuid.UUID:
    with party.vault.read() as session:
        return session.execute(select(Source.id).where(Source.codename == codename)).scalar_one()


def _audit_actions(party: Party) -> list[str]:
    with party.vault.read() as session:
        return list(session.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars())


def _count(party: Party, model: type, source_id: uuid.UUID) -> int:
    column = model.id if model is Source else model.source_id  # type: ignore[attr-defined]
    with party.vault.read() as session:
        return int(session.execute(select(func.count()).where(column == source_id)).scalar_one())


def _hand_over(trio: Trio, source_id: uuid.UUID) -> handover.HandoverResult:
    return handover.hand_over(
        trio.old.vault,
        trio.old.scope,
        source_id,
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Specht",
        to_dir=trio.stick,
    )


def test_a_source_travels_whole_to_the_new_runner_and_leaves_after_the_receipt(
    trio: Trio,
) -> None:
    source_id = _with_identity(trio.old)
    # The handler already holds the source from the old runner's earlier package.
    sent = packages.export_package(trio.old.vault, trio.old.scope, to_dir=trio.stick, all_new=True)
    package_receive.import_package(trio.handler.vault, trio.handler.scope, sent.path)
    before = whole_file.whole_file(trio.old.vault, trio.old.scope, source_id)

    result = _hand_over(trio, source_id)
    assert result.identity
    assert result.codename == "ZWALUW"

    # The new runner takes it into their own files, with the identity they can reveal.
    taken = package_receive.import_package(trio.new.vault, trio.new.scope, result.path)
    assert taken.taken_on is not None
    assert taken.taken_on.role == "new runner"
    got = whole_file.whole_file(trio.new.vault, trio.new.scope, source_id)
    for section in (*whole_file.SECTIONS, "debriefs"):
        assert [e["record"] for e in got[section]] == [e["record"] for e in before[section]]
    assert got["registration"]["record"] == before["registration"]["record"]
    revealed = identity.reveal_identity(
        trio.new.vault,
        trio.new.scope,
        source_id,
        passphrase=factory.PASSPHRASE,
        reason="Taking over the source",
    )
    assert revealed.full_name == SECRET_NAME

    # The handler follows: the new runner's key now holds the source there.
    seen = package_receive.import_package(trio.handler.vault, trio.handler.scope, result.path)
    assert seen.taken_on is not None
    assert seen.taken_on.role == "handler"
    with trio.handler.vault.read() as session:
        holder = session.execute(
            select(PackageOrigin.sender).where(
                PackageOrigin.record_type == "source", PackageOrigin.record_id == source_id
            )
        ).scalar_one()
        assert session.execute(select(func.count()).select_from(TrueIdentity)).scalar_one() == 0
    assert holder == keys.own_fingerprint(trio.new.vault).hex

    # Not purged before the new runner's receipt ...
    assert _count(trio.old, Source, source_id) == 1
    assert _count(trio.old, Debrief, source_id) == 1
    made = receipts.create_receipt(
        trio.new.vault, trio.new.scope, runner="Runner Valk", to_dir=trio.stick
    )
    assert (made.packages, made.reviews) == (1, 0)
    took = receipts.import_receipt(trio.old.vault, trio.old.scope, made.path)
    assert took.confirmed == 1
    # ... and gone after it (the default rule: secure_delete), identity and all.
    assert _count(trio.old, Source, source_id) == 0
    assert _count(trio.old, Debrief, source_id) == 0
    assert _count(trio.old, TrueIdentity, source_id) == 0
    shown = handover.handovers(trio.old.vault, trio.old.scope)
    assert [(h.codename, h.direction, h.to_name) for h in shown] == [
        ("ZWALUW", "out", "Runner Specht")
    ]
    assert shown[0].purged_at is not None

    # Audited on all three sides.
    assert {"identity.handed_over", "source.handed_over", "source.purged_after_handover"} <= set(
        _audit_actions(trio.old)
    )
    assert {"identity.received", "source.taken_over", "receipt.issued"} <= set(
        _audit_actions(trio.new)
    )
    assert "source.runner_changed" in _audit_actions(trio.handler)


def test_the_new_runner_carries_on_and_the_handler_takes_it_from_them_only(trio: Trio) -> None:
    source_id = _with_identity(trio.old)
    result = _hand_over(trio, source_id)
    package_receive.import_package(trio.new.vault, trio.new.scope, result.path)
    package_receive.import_package(trio.handler.vault, trio.handler.scope, result.path)
    welfare.assess_risk(
        trio.new.vault,
        trio.new.scope,
        source_id,
        level=RiskLevel.HIGH,
        review_on=date(2027, 1, 1),
        threats="Seen.",
    )
    sent = packages.export_package(trio.new.vault, trio.new.scope, to_dir=trio.stick, all_new=True)
    assert sent.file_records == 1  # only the new assessment: the rest went with the handover
    imported = package_receive.import_package(trio.handler.vault, trio.handler.scope, sent.path)
    assert imported.file_records.new == 1


def test_the_handler_cannot_read_the_identity_in_the_package(trio: Trio) -> None:
    source_id = _with_identity(trio.old)
    result = _hand_over(trio, source_id)
    own = keys.private_keys(trio.handler.vault)
    verified = package_arrival.open_verified(
        trio.handler.vault, result.path, kind="handover", sender_roles=(PeerRole.RUNNER,)
    )
    contents = package_body.contents(verified.opened)
    assert contents.handover is not None
    assert contents.handover["identity"]
    sealed = base64.b64decode(contents.handover["identity"])
    info = identity.handover_info(
        verified.opened.manifest.package_id, source_id, contents.handover["to_runner"]
    )
    with pytest.raises(sealing.SealOpenFailed):
        sealing.open_sealed(sealing.private_from_receiving_seed(own.receiving_seed), sealed, info)
    assert SECRET_NAME.encode() not in bytes(verified.opened.container)


def test_an_unconfirmed_key_is_refused(trio: Trio, tmp_path: Path) -> None:
    source_id = _with_identity(trio.old)
    stranger = open_party(tmp_path / "stranger", "Kraai", Role.RUNNER)
    fingerprint = keys.own_fingerprint(stranger.vault).hex
    with pytest.raises(NotFound, match="compare its fingerprint"):
        handover.hand_over(
            trio.old.vault,
            trio.old.scope,
            source_id,
            passphrase=factory.PASSPHRASE,
            to_runner=fingerprint,
            to_dir=trio.stick,
        )
    peer = next(p for p in keys.list_peers(trio.old.vault) if p.role is PeerRole.HANDLER)
    keys.retire_peer(trio.old.vault, trio.old.scope, peer.id)
    with pytest.raises(NoRecipient, match="handler key is confirmed"):
        _hand_over(trio, source_id)
    assert list(trio.stick.iterdir()) == []
    stranger.vault.lock()


def test_a_handover_is_sealed_to_whom_an_export_is_and_to_the_new_runner(
    trio: Trio, tmp_path: Path
) -> None:
    """One list of recipients (``packages.recipients``): the handlers, and central
    where this vault confirmed its key; a handover adds the new runner, and is never
    made without a handler, though central's key alone still seals an export."""
    source_id = _with_identity(trio.old)
    central = open_party(tmp_path / "central", "Centraal", Role.HANDLER)
    try:
        introduce(trio.old, central, PeerRole.CENTRAL, "Central system")
        plan = packages.plan_export(trio.old.vault, trio.old.scope, all_new=True)
        assert sorted(plan.recipients) == ["Central system", "Team handler"]
        result = _hand_over(trio, source_id)
        assert sorted(result.recipients) == ["Central system", "Runner Specht", "Team handler"]
        peer = next(p for p in keys.list_peers(trio.old.vault) if p.role is PeerRole.HANDLER)
        keys.retire_peer(trio.old.vault, trio.old.scope, peer.id)
        plan = packages.plan_export(trio.old.vault, trio.old.scope, all_new=True)
        assert plan.recipients == ("Central system",)
        other = _with_identity(trio.old, "MEREL")
        with pytest.raises(NoRecipient, match="handler key is confirmed"):
            _hand_over(trio, other)
    finally:
        central.vault.lock()


def _debrief_of(party: Party, source_id: uuid.UUID, contact_id: uuid.UUID) -> None:
    """A submitted debrief of that contact."""
    draft = debriefs.create_draft(party.vault, party.scope, source_id, contact_id=contact_id)
    content = DebriefContent(narrative="Source did not show.", critical_reflection="None.")
    debriefs.save_draft(party.vault, party.scope, draft, content)
    debriefs.add_item(party.vault, party.scope, draft, factory.graded_item())
    debriefs.submit(party.vault, party.scope, draft)


def test_a_contact_no_debrief_carries_keeps_the_source_until_it_is_debriefed(
    trio: Trio,
) -> None:
    """Contacts travel inside their debriefs: a no-show's contact would reach neither
    the new runner nor the handler, and the old vault purges it after the receipt;
    one with nothing but its day and kind too (it is a record of a meeting). A
    contact whose debrief went out and was purged after the handler's receipt (its
    day, kind and length stay here, the handler holds the rest) does not hold it."""
    source_id = _with_identity(trio.old)
    old = trio.old
    sent = packages.export_package(old.vault, old.scope, to_dir=trio.stick, all_new=True)
    package_receive.import_package(trio.handler.vault, trio.handler.scope, sent.path)
    made = receipts.create_receipt(
        trio.handler.vault, trio.handler.scope, runner="Runner Valk", to_dir=trio.stick
    )
    assert receipts.import_receipt(old.vault, old.scope, made.path).purged == 1
    assert (_count(old, Debrief, source_id), _count(old, Contact, source_id)) == (0, 1)

    written = set(trio.stick.iterdir())
    noted = factory.contact(old.vault, old.scope, source_id, notes="Bron kwam niet opdagen.")
    with pytest.raises(InvalidInput, match=r"a contact without a debrief \(on 2026-11-02\)"):
        _hand_over(trio, source_id)
    bare = factory.contact(
        old.vault,
        old.scope,
        source_id,
        location_codeword="",
        occurred_at=datetime(2026, 11, 9, 20, 0, tzinfo=UTC),
    )
    _debrief_of(old, source_id, noted)
    with pytest.raises(InvalidInput, match=r"a contact without a debrief \(on 2026-11-09\)"):
        _hand_over(trio, source_id)
    assert set(trio.stick.iterdir()) == written

    _debrief_of(old, source_id, bare)
    result = _hand_over(trio, source_id)
    package_receive.import_package(trio.new.vault, trio.new.scope, result.path)
    with trio.new.vault.read() as session:
        taken = set(session.execute(select(Contact.id)).scalars())
    assert {noted, bare} <= taken


def test_a_bare_contact_from_before_a_purge_named_its_contact_does_not_hold_it(
    trio: Trio,
) -> None:
    """A vault purged before its purges named their contacts: a contact with no
    details recorded before such a purge is taken for one it left bare, as then;
    one recorded after it holds the handover."""
    source_id = _with_identity(trio.old)
    old = trio.old
    factory.contact(old.vault, old.scope, source_id, location_codeword="")
    with old.vault.read() as session:
        compartment = session.execute(
            select(Source.compartment_id).where(Source.id == source_id)
        ).scalar_one()
    old.vault.audit(
        old.scope.actor,
        "debrief.purged",
        record_type="debrief",
        record_id=uuid.uuid4(),
        compartment_id=compartment,
        detail={"package": uuid.uuid4().hex, "rule": "secure_delete"},
    )
    later = factory.contact(old.vault, old.scope, source_id, location_codeword="")
    with pytest.raises(InvalidInput, match="a contact without a debrief"):
        _hand_over(trio, source_id)
    _debrief_of(old, source_id, later)
    assert _hand_over(trio, source_id).codename == "ZWALUW"


def test_a_wrong_passphrase_is_refused_and_audited(trio: Trio) -> None:
    source_id = _with_identity(trio.old)

    with pytest.raises(WrongPassphrase):
        handover.hand_over(
            trio.old.vault,
            trio.old.scope,
            source_id,
            passphrase="not the passphrase at all",
            to_runner="Runner Specht",
            to_dir=trio.stick,
        )
    assert "source.handover_refused" in _audit_actions(trio.old)
    assert list(trio.stick.iterdir()) == []


def test_a_tampered_or_replayed_handover_is_refused_and_imports_nothing(trio: Trio) -> None:
    source_id = _with_identity(trio.old)
    result = _hand_over(trio, source_id)
    data = bytearray(result.path.read_bytes())
    data[len(data) // 2] ^= 1
    with pytest.raises(PackageError):
        package_receive.import_package(trio.new.vault, trio.new.scope, bytes(data))
    assert _count(trio.new, Source, source_id) == 0
    package_receive.import_package(trio.new.vault, trio.new.scope, result.path)
    with pytest.raises(PackageError, match="already imported"):
        package_receive.import_package(trio.new.vault, trio.new.scope, result.path)
    assert _count(trio.new, TrueIdentity, source_id) == 1


def test_only_the_new_runners_receipt_purges(trio: Trio) -> None:
    source_id = _with_identity(trio.old)
    result = _hand_over(trio, source_id)
    package_receive.import_package(trio.handler.vault, trio.handler.scope, result.path)
    # The handler cannot confirm a handover (its receipts name debriefs packages only) ...
    with pytest.raises(InvalidInput):
        receipts.create_receipt(
            trio.handler.vault, trio.handler.scope, runner="Runner Valk", to_dir=trio.stick
        )
    assert _count(trio.old, Source, source_id) == 1
    # ... and the source cannot go out again in a package of debriefs meanwhile.
    with pytest.raises(packages.NothingToExport):
        packages.export_package(trio.old.vault, trio.old.scope, to_dir=trio.stick, all_new=True)
    with pytest.raises(InvalidInput, match="already handed over"):
        _hand_over(trio, source_id)


def test_keep_rule_leaves_the_source_marked_as_handed_over(trio: Trio) -> None:
    source_id = _with_identity(trio.old)
    settings = vault_settings.load(trio.old.vault)
    vault_settings.save(
        trio.old.vault, trio.old.scope.actor, replace(settings, retention_after_receipt="keep")
    )
    result = _hand_over(trio, source_id)
    package_receive.import_package(trio.new.vault, trio.new.scope, result.path)
    made = receipts.create_receipt(
        trio.new.vault, trio.new.scope, runner="Runner Valk", to_dir=trio.stick
    )
    receipts.import_receipt(trio.old.vault, trio.old.scope, made.path)
    assert _count(trio.old, Source, source_id) == 1
    [row] = handover.handovers(trio.old.vault, trio.old.scope)
    assert row.confirmed_at is not None
    assert row.purged_at is None


def test_the_handover_is_for_a_runner_and_a_handler_imports_it_as_handler(trio: Trio) -> None:
    source_id = _with_identity(trio.old)
    result = _hand_over(trio, source_id)
    as_handler = Scope(trio.new.scope.alias_id, trio.new.scope.alias_name, Role.HANDLER)
    with pytest.raises(AccessDenied):
        package_receive.import_package(trio.new.vault, as_handler, result.path)
    assert _count(trio.new, Source, source_id) == 0
    with trio.handler.vault.read() as session:
        assert session.execute(select(func.count()).select_from(SourceHandover)).scalar_one() == 0


def test_a_handler_who_has_not_confirmed_the_new_runner_takes_the_handover_once_it_has(
    trio: Trio,
) -> None:
    """A handler's vault never holds a source for a runner's key no one there
    confirmed (a retired one here; an unknown one alike): refused, nothing kept,
    the same file taken once the key is confirmed (test_handover_identity)."""
    source_id = _with_identity(trio.old)
    peer = next(p for p in keys.list_peers(trio.handler.vault) if p.name == "Runner Specht")
    keys.retire_peer(trio.handler.vault, trio.handler.scope, peer.id)
    result = _hand_over(trio, source_id)
    for check in (package_receive.verify_package, package_receive.import_package):
        with pytest.raises(PackageError, match="has not confirmed: import the new runner's key"):
            check(trio.handler.vault, trio.handler.scope, result.path)
    assert _count(trio.handler, Source, source_id) == 0
    introduce(trio.handler, trio.new, PeerRole.RUNNER, "Runner Specht")
    seen = package_receive.import_package(trio.handler.vault, trio.handler.scope, result.path)
    assert seen.warnings == ()
    confirmed = package_receive.import_package(trio.new.vault, trio.new.scope, result.path)
    assert confirmed.warnings == ()


def test_an_identity_sealed_to_another_key_is_refused_and_nothing_is_taken_on(
    trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    source_id = _with_identity(trio.old)
    real = identity.seal_for_handover
    with trio.old.vault.read() as session:
        handler_key = session.execute(
            select(PackagePeer.recipient_public).where(PackagePeer.role == PeerRole.HANDLER)
        ).scalar_one()

    def to_the_handler(*args: object, **kwargs: object) -> bytes:
        kwargs["recipient_public"] = handler_key
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(identity, "seal_for_handover", to_the_handler)
    result = _hand_over(trio, source_id)
    with pytest.raises(PackageError, match="does not open"):
        package_receive.import_package(trio.new.vault, trio.new.scope, result.path)
    assert _count(trio.new, Source, source_id) == 0
    with trio.new.vault.read() as session:
        assert session.execute(select(func.count()).select_from(SourceHandover)).scalar_one() == 0


def test_a_handlers_receipt_cannot_confirm_a_handover(trio: Trio) -> None:
    """Only the new runner's receipt lets the old vault purge: one the handler signs
    (it was a recipient, so it knows the file's hash) is refused whole."""
    source_id = _with_identity(trio.old)
    result = _hand_over(trio, source_id)
    handler_keys = keys.private_keys(trio.handler.vault)
    old_fp = keys.own_fingerprint(trio.old.vault).hex
    with trio.handler.vault.read() as session:
        old_public = session.execute(
            select(PackagePeer.recipient_public).where(PackagePeer.fingerprint == old_fp)
        ).scalar_one()
    forged = package.seal(
        Manifest(
            kind="receipt",
            package_id=uuid.uuid4(),
            created_at=iso_utc(utc_now()),
            schema="0014_handover",
            sender=handler_keys.fingerprint.hex,
            recipients=(old_fp,),
            sequence=1,
            previous="",
            receipts=(
                ReceiptEntry(
                    result.package_id, hashlib.sha256(result.path.read_bytes()).hexdigest()
                ),
            ),
        ),
        {"reviews": []},
        handler_keys.signing,
        [old_public],
    )
    with pytest.raises(PackageError, match="confirmed only by the runner"):
        receipts.import_receipt(trio.old.vault, trio.old.scope, forged)
    assert _count(trio.old, Source, source_id) == 1
    assert _count(trio.old, TrueIdentity, source_id) == 1


def test_a_source_handed_back_is_taken_on_again_and_goes_out_again(trio: Trio) -> None:
    source_id = _with_identity(trio.old)
    there = _hand_over(trio, source_id)
    package_receive.import_package(trio.new.vault, trio.new.scope, there.path)
    package_receive.import_package(trio.handler.vault, trio.handler.scope, there.path)
    made = receipts.create_receipt(
        trio.new.vault, trio.new.scope, runner="Runner Valk", to_dir=trio.stick
    )
    receipts.import_receipt(trio.old.vault, trio.old.scope, made.path)
    assert _count(trio.old, Source, source_id) == 0
    back = handover.hand_over(
        trio.new.vault,
        trio.new.scope,
        source_id,
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Valk",
        to_dir=trio.stick,
    )
    taken = package_receive.import_package(trio.old.vault, trio.old.scope, back.path)
    assert taken.taken_on is not None
    assert _count(trio.old, TrueIdentity, source_id) == 1
    package_receive.import_package(trio.handler.vault, trio.handler.scope, back.path)
    with trio.handler.vault.read() as session:
        holder = session.execute(
            select(PackageOrigin.sender).where(
                PackageOrigin.record_type == "source", PackageOrigin.record_id == source_id
            )
        ).scalar_one()
    assert holder == keys.own_fingerprint(trio.old.vault).hex
    welfare.assess_risk(
        trio.old.vault, trio.old.scope, source_id, level=RiskLevel.LOW, review_on=date(2027, 2, 1)
    )
    sent = packages.export_package(trio.old.vault, trio.old.scope, to_dir=trio.stick, all_new=True)
    assert sent.file_records == 1
    imported = package_receive.import_package(trio.handler.vault, trio.handler.scope, sent.path)
    assert imported.file_records.new == 1


def test_a_source_handed_back_before_the_receipt_waits_for_it(trio: Trio) -> None:
    # The new runner hands the source back before the old runner took in their
    # receipt: the old vault still holds it as its own, so it says to take the
    # receipt in first (verify as import), and takes the source back after.
    source_id = _with_identity(trio.old)
    there = _hand_over(trio, source_id)
    package_receive.import_package(trio.new.vault, trio.new.scope, there.path)
    back = handover.hand_over(
        trio.new.vault,
        trio.new.scope,
        source_id,
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Valk",
        to_dir=trio.stick,
    )
    for check in (package_receive.verify_package, package_receive.import_package):
        with pytest.raises(PackageError, match="take in that receipt first"):
            check(trio.old.vault, trio.old.scope, back.path)
    made = receipts.create_receipt(
        trio.new.vault, trio.new.scope, runner="Runner Valk", to_dir=trio.stick
    )
    receipts.import_receipt(trio.old.vault, trio.old.scope, made.path)
    taken = package_receive.import_package(trio.old.vault, trio.old.scope, back.path)
    assert taken.taken_on is not None
    assert _count(trio.old, TrueIdentity, source_id) == 1


def _purge_audits(party: Party) -> list[dict[str, object]]:
    with party.vault.read() as session:
        return [
            json.loads(detail)
            for detail in session.execute(
                select(AuditEvent.detail).where(AuditEvent.action == "source.purged_after_handover")
            ).scalars()
        ]


@pytest.mark.parametrize("debriefs", [0, 2])
def test_the_receipt_says_how_many_debriefs_left_with_the_source(trio: Trio, debriefs: int) -> None:
    """The count the receipt reports is the number of debriefs deleted, and the
    audit of the source's purge says the same (once not: 3 for 2, 1 for none)."""
    if debriefs:
        _with_identity(trio.old, "BERK")
        source_id = _source_id(trio.old, "BERK")
        extra = factory.debrief(trio.old.vault, trio.old.scope, source_id, submit=True)
        assert extra
    else:
        source_id = factory.source(trio.old.vault, trio.old.scope, "ESPEN")
    assert _count(trio.old, Debrief, source_id) == debriefs
    result = _hand_over(trio, source_id)
    package_receive.import_package(trio.new.vault, trio.new.scope, result.path)
    made = receipts.create_receipt(
        trio.new.vault, trio.new.scope, runner="Runner Valk", to_dir=trio.stick
    )
    took = receipts.import_receipt(trio.old.vault, trio.old.scope, made.path)
    assert (took.purged, took.sources_purged) == (debriefs, 1)
    assert _count(trio.old, Source, source_id) == 0
    [audit] = _purge_audits(trio.old)
    assert audit["debriefs"] == debriefs
