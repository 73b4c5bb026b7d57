"""A unit for blind-deconfliction tests: a stand-in for the central system (a
vault whose key bundle says "central"), a handler and a runner, each holding the
keys it must have confirmed; and small Argon2id parameters, passed explicitly."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.clock import iso_utc, utc_now
from app.crypto import blind_tokens
from app.crypto.blind_tokens import TokenParams
from app.domain.enums import PeerRole, Role
from app.export import deconfliction, package
from app.export.deconfliction import DeconflictionKey, MatchNotice
from app.export.manifest import Manifest
from app.models.packages import PackagePeer
from app.services.exchange import deconfliction_key, keys
from tests.packages.conftest import Party, introduce, open_party

# The smallest the readers accept: 8 MiB, one pass, one lane (~10 ms a token).
SMALL = TokenParams(memory_kib=8 * 1024, iterations=1, lanes=1)


Tokens = list[tuple[str, str, str]]  # (key_id, kind, token hex)


def new_key(replaces: str = "", params: TokenParams = SMALL) -> DeconflictionKey:
    return deconfliction.new_key(secrets.token_bytes(32), params, iso_utc(utc_now()), replaces)


def tokens(key: DeconflictionKey, *attributes: tuple[str, str]) -> Tokens:
    """The tokens of normalised (kind, value) attributes under ``key``, sorted."""
    found = {
        (key.key_id, kind, blind_tokens.token(key.secret, key.params, kind, value).hex())
        for kind, value in attributes
    }
    return sorted(found)


@dataclass
class Unit:
    central: Party  # writes key packages as the central system would (role central)
    handler: Party
    runner: Party
    outbox: Path

    def parties(self) -> Iterator[Party]:
        yield from (self.central, self.handler, self.runner)


def make_unit(tmp_path: Path) -> Unit:
    central = open_party(tmp_path / "central", "Centraal", Role.HANDLER)
    handler = open_party(tmp_path / "handler", "Havik", Role.HANDLER)
    runner = open_party(tmp_path / "runner", "Valk", Role.RUNNER)
    introduce(handler, central, PeerRole.CENTRAL, "Central")
    introduce(central, handler, PeerRole.HANDLER, "Team handler")
    introduce(handler, runner, PeerRole.RUNNER, "Runner Valk")
    introduce(runner, handler, PeerRole.HANDLER, "Team handler")
    outbox = tmp_path / "usb"
    outbox.mkdir()
    return Unit(central, handler, runner, outbox)


def close(unit: Unit) -> None:
    for party in unit.parties():
        if not party.vault.is_locked:
            party.vault.lock()


def peer(party: Party, name: str) -> PackagePeer:
    with party.vault.read() as session:
        found = session.execute(select(PackagePeer).where(PackagePeer.name == name)).scalar_one()
        session.expunge(found)
        return found


def issue(unit: Unit, key: DeconflictionKey, folder: Path | None = None) -> Path:
    """A key package from "central" to the handler, as central's writer makes it."""
    sent = deconfliction_key.write_key_package(
        unit.central.vault,
        unit.central.scope,
        key,
        peer(unit.central, "Team handler"),
        folder or unit.outbox,
    )
    return sent.path


def notice(
    sender: Party,
    to: PackagePeer,
    matches: list[MatchNotice],
    path: Path,
    after: Path | None = None,
) -> Path:
    """A notice package from ``sender``'s key to ``to``, sealed as the central system
    seals one (app/central); whether it is taken depends on the role the recipient
    confirmed ``sender``'s key for. ``after``: the one package ``sender`` sent ``to``
    before (central numbers keys and notices on one channel)."""
    sequence, previous = 1, ""
    if after is not None:
        sequence, previous = 2, hashlib.sha256(after.read_bytes()).hexdigest()
    own = keys.private_keys(sender.vault)
    manifest = Manifest(
        kind=deconfliction.NOTICE_KIND,
        package_id=uuid.uuid4(),
        created_at=iso_utc(utc_now()),
        schema="central c0003",
        sender=own.fingerprint.hex,
        recipients=(to.fingerprint,),
        sequence=sequence,
        previous=previous,
    )
    body = deconfliction.notice_body(matches)
    path.write_bytes(package.seal(manifest, body, own.signing, [to.recipient_public]))
    return path


def open_match(source: uuid.UUID, other_team: str = "Zuid", kind: str = "phone") -> MatchNotice:
    return MatchNotice(
        match_id=str(uuid.uuid4()), kind=kind, source_id=str(source), other_team=other_team,
        other_source="", opened_at=iso_utc(utc_now()), status="open", decided_at="", why="",
    )  # fmt: skip
