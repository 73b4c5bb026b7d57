"""This vault's signing and receiving keys, and the peers it exchanges packages
with. A peer is added only after its fingerprint was compared (read aloud)."""

from __future__ import annotations

import base64
import binascii
import io
import re
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import segno
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import limits
from app.clock import iso_utc, utc_now
from app.crypto import age, signing
from app.crypto.signing import Fingerprint
from app.domain import names
from app.domain.enums import PeerRole
from app.domain.names import NameKind
from app.domain.scope import Scope
from app.errors import InvalidInput, NotFound
from app.export import canonical
from app.models.packages import KeyPurpose, PackagePeer, VaultKeypair
from app.services.files import output_paths, user_files
from app.vault import audit_chain
from app.vault.audit_chain import SYSTEM
from app.vault.vault import Vault

BUNDLE_FORMAT = "veldboek-key-bundle"
# A bundle's members (docs/package-format.md, section 2): no more, no fewer.
BUNDLE_MEMBERS = frozenset(
    {
        "created_at",
        "format",
        "name",
        "recipient",
        "role",
        "self_signature",
        "signing_key",
        "version",
    }
)
BUNDLE_VERSION = 1
BUNDLE_CONTEXT = b"veldboek key bundle v1\n"
MAX_BUNDLE_BYTES = limits.MAX_KEY_BUNDLE_BYTES


@dataclass(frozen=True)
class KeyBundle:
    """The public half: what is exported, imported and compared."""

    name: str
    role: PeerRole
    signing_public: bytes
    recipient_public: bytes
    created_at: str

    @property
    def fingerprint(self) -> Fingerprint:
        return signing.fingerprint(self.signing_public, self.recipient_public)

    @property
    def recipient(self) -> str:
        return age.encode_recipient(self.recipient_public)


@dataclass(frozen=True)
class PeerView:
    id: uuid.UUID
    name: str
    role: PeerRole
    fingerprint: str
    spoken: str
    added_at: datetime
    active: bool


@dataclass(frozen=True)
class _Private:
    signing: bytes
    receiving_seed: bytes
    fingerprint: Fingerprint


def _ensure(session: Session, actor: Scope | None) -> tuple[VaultKeypair, VaultKeypair]:
    rows = {k.purpose: k for k in session.execute(select(VaultKeypair)).scalars()}
    if KeyPurpose.SIGNING not in rows or KeyPurpose.RECEIVING not in rows:
        sign_private = signing.new_signing_key()
        seed = age.new_identity()
        rows[KeyPurpose.SIGNING] = VaultKeypair(
            purpose=KeyPurpose.SIGNING,
            private=sign_private,
            public=signing.signing_public(sign_private),
        )
        rows[KeyPurpose.RECEIVING] = VaultKeypair(
            purpose=KeyPurpose.RECEIVING, private=seed, public=age.public_key(seed)
        )
        session.add_all(rows.values())
        session.flush()
        fp = signing.fingerprint(rows[KeyPurpose.SIGNING].public, rows[KeyPurpose.RECEIVING].public)
        audit_chain.append(
            session,
            actor.actor if actor else SYSTEM,
            "keys.generated",
            record_type="keys",
            record_id=fp.hex,
        )
    return rows[KeyPurpose.SIGNING], rows[KeyPurpose.RECEIVING]


def own_fingerprint(vault: Vault) -> Fingerprint:
    with vault.write() as session:
        sign, receive = _ensure(session, None)
        return signing.fingerprint(sign.public, receive.public)


def private_keys(vault: Vault) -> _Private:
    """For the package services only: the private halves, from inside the vault."""
    with vault.write() as session:
        sign, receive = _ensure(session, None)
        return _Private(
            sign.private, receive.private, signing.fingerprint(sign.public, receive.public)
        )


def own_bundle(vault: Vault, name: str, role: PeerRole) -> KeyBundle:
    clean = names.clean(name, NameKind.KEY)
    with vault.write() as session:
        sign, receive = _ensure(session, None)
        return KeyBundle(clean, role, sign.public, receive.public, iso_utc(sign.created_at))


def _bundle_doc(bundle: KeyBundle) -> dict[str, Any]:
    return {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "name": bundle.name,
        "role": bundle.role.value,
        "signing_key": base64.b64encode(bundle.signing_public).decode("ascii"),
        "recipient": bundle.recipient,
        "created_at": bundle.created_at,
    }


def bundle_bytes(vault: Vault, bundle: KeyBundle) -> bytes:
    """The bundle as a file: canonical JSON, self-signed to show the sender holds
    the signing key. The fingerprint is what makes it trustworthy, not this."""
    return signed_bundle(bundle, private_keys(vault).signing)


def signed_bundle(bundle: KeyBundle, signing_private: bytes) -> bytes:
    """The bundle file's bytes, self-signed with ``signing_private`` (a vault's, or
    the central system's own: app/central)."""
    doc = _bundle_doc(bundle)
    signature = signing.sign(signing_private, BUNDLE_CONTEXT, canonical.dumps(doc))
    return canonical.dumps({**doc, "self_signature": base64.b64encode(signature).decode("ascii")})


def save_bundle(vault: Vault, bundle: KeyBundle, path: Path, *, overwrite: bool = False) -> Path:
    """Write the bundle file to ``path`` (``keys export``, the Keys tab), guarded by
    ``output_paths``: never into a vault, never over a file unless ``overwrite``."""
    target = output_paths.check_file(path, vaults=[vault.paths.root], overwrite=overwrite)
    data = bundle_bytes(vault, bundle) + b"\n"
    return output_paths.write_file(target, data, vaults=[vault.paths.root], overwrite=overwrite)


def read_bundle_file(path: Path) -> KeyBundle:
    """``read_bundle`` of a file the user chose (refused unread unless a regular file
    within ``limits.MAX_KEY_BUNDLE_BYTES``)."""
    return read_bundle(user_files.read_all(path, user_files.KEY_BUNDLE))


def _base64(text: str) -> bytes:
    """Standard base64 with padding, in the one encoding of its bytes (else ValueError)."""
    data = base64.b64decode(text, validate=True)
    if base64.b64encode(data).decode("ascii") != text:
        raise ValueError("not the one base64 encoding of its bytes")
    return data


def read_bundle(data: bytes) -> KeyBundle:
    """A bundle file: its canonical JSON, with or without the one line feed
    ``save_bundle`` ends it with; nothing else before or after it."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise InvalidInput("This file is too large to be a key bundle.")
    try:
        doc = canonical.loads(data.removesuffix(b"\n"))
        if not isinstance(doc, dict) or doc.get("format") != BUNDLE_FORMAT:
            raise InvalidInput("This file is not a Veldboek key bundle.")
        if doc.get("version") != BUNDLE_VERSION:
            raise InvalidInput("This key bundle has a version this Veldboek does not read.")
        if not doc.keys() <= BUNDLE_MEMBERS:
            # Signed or not: the signature shows who holds the key, not what the rest means.
            raise InvalidInput(
                "The key bundle holds members this Veldboek does not know: the key was not added."
            )
        if not all(type(doc[k]) is str for k in BUNDLE_MEMBERS - {"version"}):
            raise TypeError("a bundle member is not text")
        signature = _base64(doc.pop("self_signature"))
        bundle = KeyBundle(
            name=doc["name"],
            role=PeerRole(doc["role"]),
            signing_public=_base64(doc["signing_key"]),
            recipient_public=age.decode_recipient(doc["recipient"]),
            created_at=doc["created_at"],
        )
    except InvalidInput:
        raise
    except (KeyError, ValueError, TypeError, binascii.Error) as exc:
        raise InvalidInput("The key bundle is damaged or incomplete.") from exc
    except Exception as exc:  # canonical/age parse errors
        raise InvalidInput("The key bundle is damaged or incomplete.") from exc
    if not signing.verify(bundle.signing_public, BUNDLE_CONTEXT, canonical.dumps(doc), signature):
        raise InvalidInput("The key bundle's self-signature does not verify; it was altered.")
    # The name is what the key is shown as until the user gives another: the same
    # rule as a typed one (the bundle may come from anyone).
    return replace(bundle, name=names.clean(bundle.name, NameKind.KEY))


def normalise_spoken(text: str) -> str:
    return re.sub(r"\D", "", text)


_KEY_ID = re.compile(r"[0-9a-f]{64}")


def confirms(fp: Fingerprint, confirmed: str) -> bool:
    """Does what a person typed confirm ``fp``? Either the spoken fingerprint (its 50
    digits, however grouped) or the key id (the 64 hex digits ``keys show`` prints,
    either case, spaces and colons allowed), in full."""
    compact = re.sub(r"[\s:]", "", confirmed).lower()
    if _KEY_ID.fullmatch(compact):
        return compact == fp.hex
    return normalise_spoken(confirmed) == normalise_spoken(fp.spoken)


def refuse_unconfirmed(bundle: KeyBundle, role: PeerRole, confirmed: str) -> None:
    """A key is taken (into a vault, or by the central system) only as what its
    owner read out (``confirms``), and only as the role its bundle says: a slip of
    the role would make a runner's key a handler's for good. The fingerprint first:
    a bundle that is not the one read out is not worth taking with another role."""
    if not confirms(bundle.fingerprint, confirmed):
        raise InvalidInput("The fingerprint does not match: the key was not added.")
    if bundle.role is not role:
        raise InvalidInput(
            "The key bundle is for the role {found}, not {wanted}: the key was not added.",
            found=bundle.role.value,
            wanted=role.value,
        )


def add_peer(
    vault: Vault,
    scope: Scope,
    bundle: KeyBundle,
    *,
    role: PeerRole,
    confirmed_spoken: str,
    name: str | None = None,
) -> PeerView:
    """Add a handler, the central system or a runner, once the person has read
    out the fingerprint and it matched (``confirmed_spoken``: the spoken digits or
    the key id). The bundle says what its owner is; it must be what the person
    adding it says (``role``)."""
    peer_name = names.clean(name or bundle.name, NameKind.KEY)
    fp = bundle.fingerprint
    refuse_unconfirmed(bundle, role, confirmed_spoken)
    own = own_fingerprint(vault)
    if fp.hex == own.hex:
        raise InvalidInput("That is this vault's own key.")
    with vault.write() as session:
        existing = session.execute(
            select(PackagePeer).where(PackagePeer.fingerprint == fp.hex)
        ).scalar_one_or_none()
        if existing is not None:
            existing.active = True
            existing.role = role
            peer = existing
        else:
            _refuse_a_name_in_use(session, peer_name)
            peer = PackagePeer(
                name=peer_name,
                role=role,
                signing_public=bundle.signing_public,
                recipient_public=bundle.recipient_public,
                fingerprint=fp.hex,
                spoken=fp.spoken,
                added_at=utc_now(),
                added_by_alias_id=scope.alias_id,
            )
            session.add(peer)
            session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "keys.peer_added",
            record_type="peer",
            record_id=peer.id,
            detail={"role": role.value, "fingerprint": fp.hex},
        )
        return _view(peer)


def _refuse_a_name_in_use(session: Session, name: str) -> None:
    """Each key this vault knows goes by a name of its own (whatever its case):
    packages, receipts and lists show a sender by it, and two runners both shown
    as "Valk" could not be told apart. The fingerprint stays the key's identity; a
    retired key's name may be given again (a runner's new key after a lost laptop)."""
    wanted = names.key(name)
    active = select(PackagePeer.name).where(PackagePeer.active.is_(True))
    for other in session.execute(active).scalars():
        if names.key(other) == wanted:
            raise InvalidInput(
                "This vault already knows a key named {name}; give this one another "
                "name (--name, or the name field).",
                name=other,
            )


def _view(peer: PackagePeer) -> PeerView:
    return PeerView(
        peer.id, peer.name, peer.role, peer.fingerprint, peer.spoken, peer.added_at, peer.active
    )


def list_peers(vault: Vault) -> list[PeerView]:
    with vault.read() as session:
        rows = session.execute(select(PackagePeer).order_by(PackagePeer.name)).scalars()
        return [_view(p) for p in rows]


def retire_peer(vault: Vault, scope: Scope, peer_id: uuid.UUID) -> None:
    with vault.write() as session:
        peer = session.get(PackagePeer, peer_id)
        if peer is None:
            raise NotFound("No such peer.")
        peer.active = False
        audit_chain.append(
            session, scope.actor, "keys.peer_retired", record_type="peer", record_id=peer.id
        )


def fingerprint_qr_png(fp: Fingerprint, scale: int = 6) -> bytes:
    """A QR code of the spoken fingerprint, to compare with a phone camera."""
    out = io.BytesIO()
    segno.make(f"VELDBOEK-FP:{normalise_spoken(fp.spoken)}", error="m").save(
        out, kind="png", scale=scale, border=2
    )
    return out.getvalue()
