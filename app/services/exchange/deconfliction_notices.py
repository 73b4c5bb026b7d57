"""A handler's vault takes in the central system's notices of deconfliction
matches (``deconfliction-notice`` packages, signed by a key confirmed with role
central) and shows the open ones on the source's file and the Home page: "possibly
the same person as a source of team X", by which kind of attribute. Never more:
the notice carries no token and no other team's source.

Numbered on central's channel to this vault like every package (a gap or a late
one is taken with a warning, a replay refused); the newest notice of a match
replaces what an older one said. Audited (counts only)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from app.clock import parse_iso_utc, utc_now
from app.dal import deconfliction as dal
from app.domain.enums import PeerRole, Role
from app.domain.scope import Scope
from app.errors import AccessDenied, Notice
from app.export import canonical
from app.export import deconfliction as formats
from app.export.deconfliction import NOTICE_KIND as NOTICE_KIND
from app.export.errors import UnknownSender
from app.models.packages import DeconflictionNotice
from app.services.exchange.package_arrival import (
    Verified,
    arrival_of,
    log_arrival,
    refuse_if_replayed,
)
from app.services.exchange.package_receive import (
    ImportResult,
    PackageCheck,
    checked,
)
from app.vault import audit_chain
from app.vault.vault import Vault


@dataclass(frozen=True)
class NoticeImport:
    package_id: uuid.UUID
    sender: str
    sequence: int
    matches: int
    open: int
    warnings: tuple[Notice, ...] = ()
    kind: str = formats.NOTICE_KIND


def _time(text: str) -> datetime | None:
    return parse_iso_utc(text) if text else None


def _matches(scope: Scope, verified: Verified) -> list[formats.MatchNotice]:
    """The notice's matches, once its signer and its reader are the right ones."""
    if verified.sender.role is not PeerRole.CENTRAL:
        raise UnknownSender(
            "A deconfliction notice comes from the central system's key (role central); "
            "this one is signed by another."
        )
    if scope.role is not Role.HANDLER:
        raise AccessDenied("Deconfliction notices are taken in by a handler.")
    return formats.parse_notice_body(canonical.loads(verified.opened.inner.body_view))


def verify(vault: Vault, scope: Scope, verified: Verified) -> PackageCheck:
    """What ``take_in`` checks, without storing anything (``package verify``)."""
    matches = _matches(scope, verified)
    with vault.read() as session:
        arrival = arrival_of(session, verified)
    return checked(vault, scope, verified, arrival, matches=len(matches))


def imported(vault: Vault, scope: Scope, verified: Verified) -> ImportResult:
    """``take_in`` as ``package_receive.import_package`` reports an import."""
    told = take_in(vault, scope, verified)
    return ImportResult(
        told.package_id, told.sender, told.sequence, 0, 0, 0, 0, 0, told.warnings,
        kind=formats.NOTICE_KIND, notice=told,
    )  # fmt: skip


def take_in(vault: Vault, scope: Scope, verified: Verified) -> NoticeImport:
    """Store a verified notice (``package_arrival.open_verified``)."""
    matches = _matches(scope, verified)
    opened = verified.opened
    m = opened.manifest
    now = utc_now()
    with vault.write() as session:
        arrival = arrival_of(session, verified)
        refuse_if_replayed(arrival)
        for match in matches:
            session.merge(
                DeconflictionNotice(
                    match_id=uuid.UUID(match.match_id),
                    source_id=uuid.UUID(match.source_id),
                    kind=match.kind,
                    other_team=match.other_team,
                    other_source=uuid.UUID(match.other_source) if match.other_source else None,
                    opened_at=parse_iso_utc(match.opened_at),
                    status=match.status,
                    decided_at=_time(match.decided_at),
                    why=match.why,
                    package_id=m.package_id,
                    received_at=now,
                )
            )
        log_arrival(session, verified, records=len(matches))
        still_open = sum(match.status == "open" for match in matches)
        audit_chain.append(
            session,
            scope.actor,
            "deconfliction.notice_imported",
            record_type="package",
            record_id=m.package_id,
            detail={"matches": len(matches), "open": still_open},
        )
    return NoticeImport(
        m.package_id,
        verified.sender.name,
        m.sequence,
        len(matches),
        still_open,
        arrival.warnings,
    )


@dataclass(frozen=True)
class OpenMatch:
    match_id: uuid.UUID
    source_id: uuid.UUID
    codename: str
    kind: str  # name_dob | phone | address
    other_team: str
    other_codename: str | None  # a source of this team the alias can see, else None
    opened_at: datetime
    status: str = "open"  # as the newest notice says (only open ones are listed)

    @property
    def short_id(self) -> str:
        """The match's id as people say it: its first 8 hex digits (central's
        ``deconflict`` lists the whole id, which starts with them)."""
        return self.match_id.hex[:8]


def open_matches(vault: Vault, scope: Scope, source_id: uuid.UUID | None = None) -> list[OpenMatch]:
    """The open matches of the alias's sources, each once; or of one source (a
    match within the team shows on both its sources' files)."""
    with vault.read() as session:
        rows = dal.open_matches(session, scope, source_id)
    return [
        OpenMatch(n.match_id, own, code, n.kind, n.other_team, other, n.opened_at, n.status)
        for n, own, code, other in rows
    ]


KIND_WORDS = {"name_dob": "name and date of birth", "phone": "phone number", "address": "address"}


def sentence(match: OpenMatch) -> str:
    """The English line the command line prints (the GUI translates its own): what
    matched, and which match it is (two matches of one source with one team read
    alike otherwise)."""
    kind = KIND_WORDS[match.kind]
    which = f"(match {match.short_id}, {match.status} since {match.opened_at:%Y-%m-%d})"
    if match.other_codename is not None:
        return f"Possibly the same person as {match.other_codename} (this team): {kind} {which}"
    return f"Possibly the same person as a source of team {match.other_team}: {kind} {which}"
