"""Taking in a deconfliction key package (docs/package-format.md, 7.5): checked
like every package by ``package_receive`` (decrypted, signer and addressing,
channel), then its body read strictly and the key stored, and every source's
tokens recomputed when the passphrase is at hand."""

from __future__ import annotations

from app.domain.scope import Scope
from app.errors import WrongPassphrase
from app.export.deconfliction import parse_key_body
from app.services.exchange import deconfliction_key
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
from app.services.records.identity_recompute import recompute
from app.vault import audit_chain
from app.vault.vault import Vault


def verify(vault: Vault, scope: Scope, verified: Verified) -> PackageCheck:
    """What ``take_in`` checks, without storing anything (``package verify``): the
    key's id is told, never its secret."""
    key = parse_key_body(verified.opened.inner.body_bytes)
    with vault.read() as session:
        arrival = arrival_of(session, verified)
        deconfliction_key.refuse_older(session, key)
    return checked(vault, scope, verified, arrival, key_id=key.key_id)


def take_in(vault: Vault, scope: Scope, verified: Verified, passphrase: str | None) -> ImportResult:
    """Store the key (the package itself is not kept: the key must go once it is
    replaced), then recompute the tokens if the passphrase is at hand."""
    key = parse_key_body(verified.opened.inner.body_bytes)
    m = verified.opened.manifest
    if passphrase is not None and not vault.verify_passphrase(passphrase):
        raise WrongPassphrase("Wrong passphrase.")  # before anything is stored
    with vault.write() as session:
        arrival = arrival_of(session, verified)
        refuse_if_replayed(arrival)
        stored = deconfliction_key.store_key(session, scope, key, verified.sender)
        log_arrival(session, verified, records=0)
        audit_chain.append(
            session,
            scope.actor,
            "package.imported",
            record_type="package",
            record_id=m.package_id,
            detail={
                "sender": m.sender,
                "sequence": m.sequence,
                "arrival": arrival.status,
                "version": m.version,
            },
        )
    verified.opened.release()
    recomputed = None
    if passphrase is not None and stored.new:
        recomputed = recompute(vault, scope, passphrase=passphrase)
    return ImportResult(
        m.package_id,
        verified.sender.name,
        m.sequence,
        0,
        0,
        0,
        0,
        0,
        arrival.warnings,
        kind=m.kind,
        key=stored,
        recomputed=recomputed,
    )
