"""Vaults that exchange packages: a runner's and its team handler's, each holding
the other's confirmed key bundle, and helpers to fill them."""

from __future__ import annotations

import contextlib
import uuid
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.enums import ContactKind, PaymentKind, PeerRole, Role, SubjectKind
from app.domain.scope import Scope
from app.models import Debrief
from app.services.admin import aliases
from app.services.exchange import keys
from app.services.records import attachments, contacts, debriefs, tasking
from app.services.records.contacts import ContactDraft
from app.services.records.debriefs import DebriefContent
from app.vault.vault import Vault
from tests.helpers import factory

HANDLER = "Havik"


def _png() -> bytes:
    """A valid 1x1 PNG: what a photo of a document looks like to the app."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00\x20\x40\x80")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()


@dataclass
class Party:
    vault: Vault
    scope: Scope
    path: Path


@dataclass
class Pair:
    runner: Party
    handler: Party
    outbox: Path


def introduce(a: Party, b: Party, role_of_b: PeerRole, name: str) -> None:
    """``a`` confirms ``b``'s key, as after reading the fingerprint aloud."""
    bundle = keys.read_bundle(keys.bundle_bytes(b.vault, keys.own_bundle(b.vault, name, role_of_b)))
    keys.add_peer(
        a.vault, a.scope, bundle, role=role_of_b, confirmed_spoken=bundle.fingerprint.spoken
    )


def open_party(root: Path, alias: str, role: Role) -> Party:
    factory.make_vault(root, alias=alias, role=role)
    vault = Vault.open(root, factory.PASSPHRASE)
    return Party(vault, aliases.resolve_scope(vault, alias), root)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    runner = open_party(tmp_path / "runner", factory.RUNNER, Role.RUNNER)
    handler = open_party(tmp_path / "handler", HANDLER, Role.HANDLER)
    introduce(runner, handler, PeerRole.HANDLER, "Team handler")
    introduce(handler, runner, PeerRole.RUNNER, "Runner Valk")
    outbox = tmp_path / "usb"
    outbox.mkdir()
    yield Pair(runner, handler, outbox)
    for party in (runner, handler):
        if not party.vault.is_locked:
            party.vault.lock()


@dataclass
class Team:
    """Two runners, Valk and Reiger, who know each other's keys, and their handler."""

    valk: Party
    reiger: Party
    handler: Party
    stick: Path


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    valk = open_party(tmp_path / "valk", factory.RUNNER, Role.RUNNER)
    reiger = open_party(tmp_path / "reiger", "Reiger", Role.RUNNER)
    hnd = open_party(tmp_path / "handler", HANDLER, Role.HANDLER)
    for runner, name in ((valk, "Runner Valk"), (reiger, "Runner Reiger")):
        introduce(runner, hnd, PeerRole.HANDLER, "Team handler")
        introduce(hnd, runner, PeerRole.RUNNER, name)
    introduce(valk, reiger, PeerRole.RUNNER, "Runner Reiger")
    introduce(reiger, valk, PeerRole.RUNNER, "Runner Valk")
    stick = tmp_path / "usb"
    stick.mkdir()
    yield Team(valk, reiger, hnd, stick)
    for party in (valk, reiger, hnd):
        if not party.vault.is_locked:
            party.vault.lock()


def submitted_debriefs(party: Party, count: int, codename: str = "MEREL") -> list[uuid.UUID]:
    source = factory.source(party.vault, party.scope, codename)
    return [
        factory.debrief(
            party.vault, party.scope, source, narrative=f"Meeting {n} narrative.", submit=True
        )
        for n in range(count)
    ]


def rich_debrief(party: Party, codename: str = "ZWALUW", *, marker: str = "") -> uuid.UUID:
    """A submitted debrief with everything a package carries: a contact with its
    attendees, graded items with subjects, a tasking, a witnessed payment and a file."""
    vault, scope = party.vault, party.scope
    witness = aliases.add_alias(vault, f"Uil-{uuid.uuid4().hex[:6]}", role=None, can_act=False)
    source = factory.source(vault, scope, codename)
    contact = contacts.record_contact(
        vault,
        scope,
        source,
        ContactDraft(
            kind=ContactKind.MEETING,
            occurred_at=datetime(2026, 11, 20, 19, 30, tzinfo=UTC),
            duration_minutes=45,
            location_codeword="KADE-7",
            reconnaissance_notes="Route checked twice.",
            safety_notes="No counter-surveillance seen.",
            attendee_ids=(scope.alias_id, witness),
        ),
    )
    debrief = debriefs.create_draft(vault, scope, source, contact_id=contact)
    debriefs.save_draft(
        vault,
        scope,
        debrief,
        DebriefContent(
            narrative=f"Source describes a shipment at the harbour. {marker}".strip(),
            welfare_observations="Tired but calm.",
            security_observations="Worried about a new associate.",
            runner_assessment="Consistent with earlier reporting.",
            critical_reflection="Source may overstate his own role.",
        ),
    )
    debriefs.add_item(vault, scope, debrief, factory.graded_item())
    debriefs.add_item(
        vault,
        scope,
        debrief,
        factory.graded_item(
            "A blue van is used for the transport.",
            sanitised_text="A van is reportedly used.",
            handling_code="C",
            handling_conditions="Not to be used as evidence.",
            subjects=((SubjectKind.VEHICLE, "blauwe bestelbus"),),
        ),
    )
    tasking.add_tasking(
        vault, scope, source, "Find out when the next shipment is due.", debrief_id=debrief
    )
    tasking.record_payment(
        vault,
        scope,
        source,
        kind=PaymentKind.EXPENSE,
        amount_cents=2500,
        reason="Travel costs",
        occurred_on=date(2026, 11, 20),
        witness_alias_id=witness,
        debrief_id=debrief,
    )
    attachments.add_attachment(vault, scope, debrief, "foto.png", PNG)
    debriefs.submit(vault, scope, debrief)
    return debrief


def debrief_rows(party: Party) -> int:
    """Every debrief row in the vault, whatever any alias may see."""
    with party.vault.read() as session:
        return int(session.execute(select(func.count()).select_from(Debrief)).scalar_one())


def row_bytes(row: Sequence[object]) -> list[bytes]:
    """A table row's bytes values, and what zlib makes of those it opens (the
    containers a vault keeps compressed), for scans that look for a marker."""
    out = []
    for value in row:
        if isinstance(value, bytes):
            out.append(value)
            with contextlib.suppress(zlib.error):
                out.append(zlib.decompress(value))
    return out
