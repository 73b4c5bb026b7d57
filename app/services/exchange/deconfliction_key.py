"""The unit deconfliction key in a vault (docs/package-format.md, 7.5): taken in
from a key package (from the central system into a handler's vault, from the
handler into a runner's), forwarded by a handler to its runners, and shown
(never its secret).

The secret is stored only inside the encrypted vault. A new key replaces the
current one at once (the old is kept, retired, until this vault writes its next
package: ``identity_tokens.forget_retired``), and every source's tokens are
recomputed under it, which needs the passphrase (``identity_recompute``).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.crypto.blind_tokens import TokenParams
from app.domain.enums import PeerRole, Role
from app.domain.scope import Scope
from app.errors import NotFound
from app.export import deconfliction, package
from app.export.deconfliction import KEY_KIND as KEY_KIND
from app.export.deconfliction import DeconflictionKey
from app.export.errors import OlderKey as OlderKey
from app.export.errors import WrongKeySender as WrongKeySender
from app.export.manifest import Manifest
from app.models import TrueIdentity
from app.models.packages import DeconflictionKeyRow, PackageLog, PackagePeer, SourceToken
from app.services.exchange import keys, package_log, token_sends
from app.services.exchange.package_files import write_package_file
from app.services.files import output_paths
from app.services.records import identity_tokens
from app.services.records.identity_recompute import no_key
from app.vault import audit_chain, migrate
from app.vault.vault import Vault

# Who may give a vault its key, by the role the vault's user acts in.
SENDER_FOR = {Role.HANDLER: PeerRole.CENTRAL, Role.RUNNER: PeerRole.HANDLER}


def check_sender(scope: Scope, sender: PackagePeer) -> None:
    if SENDER_FOR.get(scope.role) is not sender.role:
        raise WrongKeySender(
            "A deconfliction key is taken only from the central system (into a handler's "
            "vault) or from the team handler (into a runner's vault); nothing was stored."
        )


@dataclass(frozen=True)
class KeyStored:
    key_id: str
    created_at: str
    replaced: str  # the key_id of the key it retired; "" if none
    new: bool  # False: this vault already held the key


def refuse_older(session: Session, key: DeconflictionKey) -> None:
    """A key older than the current one is refused (one this vault holds is not)."""
    if session.get(DeconflictionKeyRow, key.key_id) is not None:
        return
    current = identity_tokens.current_row(session)
    if current is not None and key.created_at <= current.created_at:
        raise OlderKey(
            "This deconfliction key is older than the one this vault holds; nothing was stored."
        )


def store_key(
    session: Session, scope: Scope, key: DeconflictionKey, sender: PackagePeer
) -> KeyStored:
    """Take ``key`` in, in the import's write transaction; it becomes current."""
    if session.get(DeconflictionKeyRow, key.key_id) is not None:
        return KeyStored(key.key_id, key.created_at, "", new=False)
    refuse_older(session, key)
    current = identity_tokens.current_row(session)
    replaced = ""
    if current is not None:
        current.retired_at, replaced = utc_now(), current.key_id
    session.add(
        DeconflictionKeyRow(
            key_id=key.key_id,
            secret=key.secret,
            memory_kib=key.params.memory_kib,
            iterations=key.params.iterations,
            lanes=key.params.lanes,
            created_at=key.created_at,
            replaces=key.replaces,
            received_at=utc_now(),
            from_peer_id=sender.id,
        )
    )
    session.flush()
    audit_chain.append(
        session,
        scope.actor,
        "deconfliction.key_received",
        record_type="deconfliction_key",
        record_id=key.key_id,
        detail={"replaced": replaced, "sender": sender.fingerprint},
    )
    return KeyStored(key.key_id, key.created_at, replaced, new=True)


# -- forwarding (a handler to its runners) ---------------------------------------------


@dataclass(frozen=True)
class Forwarded:
    runner: str
    package_id: uuid.UUID
    sequence: int
    path: Path


def _held_key(session: Session) -> DeconflictionKey:
    row = identity_tokens.current_row(session)
    if row is None:
        raise no_key()
    return DeconflictionKey(
        row.key_id,
        row.secret,
        TokenParams(row.memory_kib, row.iterations, row.lanes),
        row.created_at,
        row.replaces,
    )


def _runners(session: Session, runner: str | None) -> list[PackagePeer]:
    if runner is not None:
        from app.services.exchange.receipts import _runner_peer  # one rule for naming a runner

        return [_runner_peer(session, runner)]
    found = list(
        session.execute(
            select(PackagePeer)
            .where(PackagePeer.role == PeerRole.RUNNER, PackagePeer.active.is_(True))
            .order_by(PackagePeer.name)
        ).scalars()
    )
    if not found:
        raise NotFound("This vault knows no runner's key to send the deconfliction key to.")
    return found


def write_key_package(
    vault: Vault, scope: Scope, key: DeconflictionKey, runner: PackagePeer, folder: Path
) -> Forwarded:
    """One key package for ``runner``, sealed to that runner only and signed by
    this vault, numbered on this vault's channel to that runner."""
    own = keys.private_keys(vault)
    recipients = [runner.fingerprint]
    channel = package_log.channel_key(own.fingerprint.hex, recipients)
    with vault.write() as session:
        sequence, previous = package_log.next_out(session, channel)
        package_id, now = uuid.uuid4(), utc_now()
        manifest = Manifest(
            kind=KEY_KIND,
            package_id=package_id,
            created_at=iso_utc(now),
            schema=migrate.SCHEMA_HEAD,
            sender=own.fingerprint.hex,
            recipients=tuple(recipients),
            sequence=sequence,
            previous=previous,
        )
        sealed = package.seal(
            manifest, deconfliction.key_body(key), own.signing, [runner.recipient_public]
        )
        # Not kept (``sealed`` stays empty): the key must not outlive its rotation
        # in a copy of the package.
        session.add(
            PackageLog(
                id=package_id,
                direction=package_log.OUT,
                kind=KEY_KIND,
                peer_id=runner.id,
                channel=channel,
                counterpart=runner.name,
                sequence=sequence,
                sha256=hashlib.sha256(sealed).hexdigest(),
                previous=previous,
                created_at=now,
                records=0,
            )
        )
        identity_tokens.forget_retired(session, scope.actor)
        audit_chain.append(
            session,
            scope.actor,
            "deconfliction.key_forwarded",
            record_type="deconfliction_key",
            record_id=key.key_id,
            detail={"runner": runner.fingerprint, "package_id": str(package_id)},
        )
    path = write_package_file(vault, package_id, folder, sealed)
    return Forwarded(runner.name, package_id, sequence, path)


def forward(
    vault: Vault, scope: Scope, *, to_dir: Path, runner: str | None = None
) -> list[Forwarded]:
    """The handler's current key, one package per runner (or the one named)."""
    if scope.role is not Role.HANDLER:
        raise WrongKeySender("Only a handler forwards the deconfliction key to runners.")
    folder = output_paths.check_folder(to_dir, vaults=[vault.paths.root])
    with vault.read() as session:
        key = _held_key(session)
        runners = _runners(session, runner)
        for r in runners:
            session.expunge(r)
    return [write_key_package(vault, scope, key, r, folder) for r in runners]


# -- what the vault holds ---------------------------------------------------------------


@dataclass(frozen=True)
class KeyView:
    key_id: str
    created_at: str
    received_at: datetime
    current: bool
    recomputed: bool  # every source's tokens were computed under it
    sources_with_tokens: int


@dataclass(frozen=True)
class KeyStatus:
    keys: list[KeyView]  # the current key first, then retired ones not yet forgotten
    sources_with_identity: int
    # sources whose tokens under the current key have not been sent yet (the next
    # export of everything new carries them: ``token_sends``)
    sources_to_send: int = 0


def status(vault: Vault) -> KeyStatus:
    """Key ids, dates and counts; never a secret or a token."""
    with vault.read() as session:
        rows = session.execute(
            select(DeconflictionKeyRow).order_by(
                DeconflictionKeyRow.retired_at.is_not(None), DeconflictionKeyRow.received_at.desc()
            )
        ).scalars()
        counts = dict(
            session.execute(
                select(
                    SourceToken.key_id, func.count(func.distinct(SourceToken.source_id))
                ).group_by(SourceToken.key_id)
            ).all()
        )
        views = [
            KeyView(
                r.key_id,
                r.created_at,
                r.received_at,
                r.retired_at is None,
                r.recomputed_at is not None,
                counts.get(r.key_id, 0),
            )
            for r in rows
        ]
        identities = session.execute(select(func.count()).select_from(TrueIdentity)).scalar_one()
        to_send = token_sends.waiting_count(session) if views else 0
    return KeyStatus(views, identities, to_send)
