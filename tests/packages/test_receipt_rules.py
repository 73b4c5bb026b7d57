"""Where the format document decides what it used to leave open about receipts
(section 11, section 6): when a review applies, that a return of an approved
debrief keeps it from the purge, how reviews and a receipt's manifest must look."""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.clock import iso_utc, utc_now
from app.crypto import age
from app.domain.enums import DebriefStatus, PeerRole
from app.export import container, package
from app.export.errors import MalformedPackage
from app.export.manifest import Manifest, ReceiptEntry
from app.models.packages import PackageLog
from app.services.exchange import keys, packages, receipts
from app.services.records import debriefs
from app.vault import migrate
from tests.packages.conftest import Pair, debrief_rows, submitted_debriefs
from tests.packages.test_receipts import _rule, _send


class Reviewer:
    """Receipts signed with the handler's key, numbered in their own channel: what
    the handler, or the central system, sends."""

    def __init__(self, pair: Pair) -> None:
        self.pair = pair
        self.sequence = 0
        self.previous = ""

    def receipt(
        self,
        sent: packages.ExportResult,
        reviews: list[dict[str, Any]],
        **manifest: Any,
    ) -> bytes:
        pair = self.pair
        with pair.runner.vault.read() as session:
            log = session.get(PackageLog, sent.package_id)
            assert log is not None
            entry = ReceiptEntry(sent.package_id, log.sha256)
        own = keys.private_keys(pair.handler.vault)
        self.sequence += 1
        doc = Manifest(
            kind="receipt",
            package_id=uuid.uuid4(),
            created_at=iso_utc(utc_now()),
            schema=migrate.SCHEMA_HEAD,
            sender=own.fingerprint.hex,
            recipients=(keys.own_fingerprint(pair.runner.vault).hex,),
            sequence=self.sequence,
            previous=self.previous,
            receipts=(entry,),
        )
        runner = keys.own_bundle(pair.runner.vault, "x", PeerRole.RUNNER).recipient_public
        if manifest:
            sealer = age.prepare([runner], min_stanzas=package.RECIPIENT_SLOTS)
            signed = {
                **doc.to_dict(),
                **manifest,
                "header_sha256": hashlib.sha256(sealer.header_text).hexdigest(),
            }
            data = sealer.seal(container.build(signed, {"reviews": reviews}, own.signing))
        else:
            data = package.seal(doc, {"reviews": reviews}, own.signing, [runner])
        self.previous = hashlib.sha256(data).hexdigest()
        return data


def _review(debrief_id: uuid.UUID, status: str, at: str, comment: str = "") -> dict[str, Any]:
    return {
        "debrief_id": str(debrief_id),
        "status": status,
        "reviewer": "Havik",
        "comment": comment,
        "reviewed_at": at,
    }


def _approved_and_kept(pair: Pair) -> tuple[uuid.UUID, packages.ExportResult, Reviewer, Any]:
    """A debrief the runner holds as approved and that went out again as such:
    changed (an addendum) after package 1 went out, approved by a receipt for
    package 1 (so not purged: it changed), then sent again in package 2."""
    _rule(pair.runner, "delete")
    (debrief_id,) = submitted_debriefs(pair.runner, 1)
    first = _send(pair)
    debriefs.add_addendum(pair.runner.vault, pair.runner.scope, debrief_id, "Later: van seen.")
    reviewer = Reviewer(pair)
    approved_at = utc_now() + timedelta(seconds=1)
    result = receipts.import_receipt(
        pair.runner.vault,
        pair.runner.scope,
        reviewer.receipt(first, [_review(debrief_id, "approved", iso_utc(approved_at))]),
    )
    assert (result.reviews_applied, result.purged) == (1, 0)
    view = debriefs.get_debrief(pair.runner.vault, pair.runner.scope, debrief_id)
    assert view.status is DebriefStatus.APPROVED
    second = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    assert second.debriefs == 1
    return debrief_id, second, reviewer, approved_at


def test_a_return_of_an_approved_debrief_applies_and_keeps_it_from_the_purge(pair: Pair) -> None:
    debrief_id, second, reviewer, approved_at = _approved_and_kept(pair)
    returned_at = iso_utc(approved_at + timedelta(minutes=5))
    data = reviewer.receipt(second, [_review(debrief_id, "returned", returned_at, "Who is X?")])
    result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    assert (result.confirmed, result.reviews_applied, result.purged) == (1, 1, 0)
    view = debriefs.get_debrief(pair.runner.vault, pair.runner.scope, debrief_id)
    assert (view.status, view.review_comment) == (DebriefStatus.RETURNED, "Who is X?")


def test_a_review_older_than_the_one_held_does_not_apply(pair: Pair) -> None:
    debrief_id, second, reviewer, approved_at = _approved_and_kept(pair)
    stale = iso_utc(approved_at - timedelta(seconds=30))
    data = reviewer.receipt(second, [_review(debrief_id, "returned", stale, "Old news.")])
    result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    # It changes nothing and keeps nothing: the approved debrief is purged.
    assert (result.reviews_applied, result.purged) == (0, 1)
    assert debrief_rows(pair.runner) == 0


def test_a_review_of_an_earlier_submission_does_not_apply(pair: Pair) -> None:
    _rule(pair.runner, "keep")
    (debrief_id,) = submitted_debriefs(pair.runner, 1)
    sent = _send(pair)
    before = iso_utc(utc_now() - timedelta(days=1))  # before the submission
    data = Reviewer(pair).receipt(sent, [_review(debrief_id, "returned", before, "No.")])
    result = receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    assert result.reviews_applied == 0
    view = debriefs.get_debrief(pair.runner.vault, pair.runner.scope, debrief_id)
    assert view.status is DebriefStatus.SUBMITTED


@pytest.mark.parametrize(
    "change",
    [
        {"debrief_id": str.upper},
        {"reviewed_at": lambda at: at.replace(".000000Z", "Z").replace(at[19:], "Z")},
        {"reviewed_at": lambda at: at[:10]},
        {"status": lambda _s: "draft"},
        {"comment": lambda _c: "x" * 20_001},
    ],
    ids=["upper-case id", "time without fraction", "a day for a time", "a draft", "too long"],
)
def test_a_review_not_as_declared_is_refused(pair: Pair, change: dict[str, Any]) -> None:
    (debrief_id,) = submitted_debriefs(pair.runner, 1)
    sent = _send(pair)
    review = _review(debrief_id, "approved", iso_utc(utc_now()))
    ((key, how),) = change.items()
    review[key] = how(review[key])
    data = Reviewer(pair).receipt(sent, [review])
    with pytest.raises(MalformedPackage, match="review in the receipt is malformed"):
        receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    assert debrief_rows(pair.runner) == 1


def test_reviews_out_of_the_order_they_were_made_are_refused(pair: Pair) -> None:
    first, second = submitted_debriefs(pair.runner, 2)
    sent = _send(pair)
    now = utc_now()
    reviews = [
        _review(first, "approved", iso_utc(now + timedelta(minutes=2))),
        _review(second, "approved", iso_utc(now + timedelta(minutes=1))),
    ]
    with pytest.raises(MalformedPackage, match="not in the order"):
        receipts.import_receipt(
            pair.runner.vault, pair.runner.scope, Reviewer(pair).receipt(sent, reviews)
        )
    assert debrief_rows(pair.runner) == 2


@pytest.mark.parametrize(
    "manifest",
    [
        {
            "records": [
                {"type": "debrief", "id": str(uuid.uuid4()), "version": 1, "sha256": "a" * 64}
            ]
        },
        {"audit_events": 1},
    ],
    ids=["records", "audit events"],
)
def test_a_receipt_carrying_records_or_events_is_refused(
    pair: Pair, manifest: dict[str, Any]
) -> None:
    submitted_debriefs(pair.runner, 1)
    sent = _send(pair)
    data = Reviewer(pair).receipt(sent, [], **manifest)
    with pytest.raises(MalformedPackage, match="A receipt carries records or audit events"):
        receipts.import_receipt(pair.runner.vault, pair.runner.scope, data)
    with pair.runner.vault.read() as session:
        log = session.execute(
            select(PackageLog).where(PackageLog.id == sent.package_id)
        ).scalar_one()
        assert log.confirmed_at is None
