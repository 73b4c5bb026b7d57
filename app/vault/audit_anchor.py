"""The audit anchor: the audit log's last sequence number and hash, MAC'd under a
key derived from the database key and kept in the header, so that a log rolled
back or edited behind the app's back is noticed at the next unlock."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.orm import Session

from app.crypto.secret import SecretBytes
from app.errors import Notice
from app.vault import audit_chain
from app.vault.header import AuditAnchor, VaultHeader

ReadFn = Callable[[], AbstractContextManager[Session]]


def _anchor_key(db_key: SecretBytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, None, b"veldboek audit anchor v1").derive(db_key.get())


def anchor_now(read: ReadFn, db_key: SecretBytes) -> AuditAnchor:
    """The anchor of the log's end now."""
    with read() as session:
        tail = audit_chain.chain_tail(session)
    mac = audit_chain.anchor_mac(_anchor_key(db_key), tail.seq, tail.hash)
    return AuditAnchor(tail.seq, tail.hash, mac)


def anchor_problem(read: ReadFn, db_key: SecretBytes, anchor: AuditAnchor | None) -> Notice | None:
    """Why the header's anchor does not match the log, or None if it does."""
    if anchor is None:
        return None
    expected = audit_chain.anchor_mac(_anchor_key(db_key), anchor.seq, anchor.hash)
    if expected != anchor.mac:
        return Notice("the audit anchor in the header has been altered")
    with read() as session:
        found = audit_chain.event_hash_at(session, anchor.seq)
    if found is None:
        return Notice("audit events up to {seq} were recorded but are gone", seq=anchor.seq)
    if found != anchor.hash:
        return Notice("audit event {seq} differs from the anchored one", seq=anchor.seq)
    return None


def moved_anchor(current: VaultHeader, anchor: AuditAnchor) -> VaultHeader | None:
    """``current`` with its anchor moved to ``anchor``; None if there is nothing to
    move. The log only grows, so an anchor read under the folder lock is never
    behind one written before."""
    held = current.audit_anchor
    if held == anchor or (held is not None and held.seq > anchor.seq):
        return None
    return current.with_anchor(anchor)
