"""The central system's key pair: the same types as a vault's (Ed25519 signing,
age mlkem768x25519 receiving), the private halves sealed under the passphrase
with a calibrated Argon2id key (AES-256-GCM, bound to the central id and the
purpose), kept in the database beside the public bundle vaults import."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.central.errors import CentralError, CentralNotFound
from app.clock import iso_utc, utc_now
from app.crypto import age, signing
from app.crypto.kdf import KdfParams, KdfParamsInvalid, derive_kek
from app.crypto.keywrap import NONCE_BYTES, UnwrapFailed, WrappedKey, unwrap_key, wrap_key
from app.crypto.signing import Fingerprint
from app.domain.enums import PeerRole
from app.errors import WrongPassphrase
from app.services.exchange.keys import KeyBundle, signed_bundle
from app.vault.vault import passphrase_bytes

_CONTEXT = b"veldboek central key v1\n"
SIGNING, RECEIVING = "signing", "receiving"


@dataclass(frozen=True)
class PublicKeys:
    central_id: uuid.UUID
    fingerprint: Fingerprint
    bundle: bytes


@dataclass(frozen=True)
class Unlocked:
    """The private halves, for ingest (decrypting) and receipts (signing)."""

    signing: bytes
    receiving_seed: bytes
    fingerprint: Fingerprint
    # The passphrase's key and the central id: seal and open the unit's
    # deconfliction keys (``seal_secret``) without a second Argon2id run.
    kek: bytes = b""
    central_id: uuid.UUID | None = None

    def __repr__(self) -> str:  # never print key material
        return f"Unlocked(<hidden>, {self.fingerprint.hex[:8]})"


def _context(central_id: uuid.UUID, purpose: str) -> bytes:
    return _CONTEXT + central_id.bytes + purpose.encode("ascii")


def _sealed(w: WrappedKey) -> bytes:
    return w.nonce + w.ciphertext


def _kdf_doc(p: KdfParams) -> dict[str, Any]:
    return {
        "algorithm": "argon2id",
        "memory_kib": p.memory_kib,
        "iterations": p.iterations,
        "lanes": p.lanes,
        "salt": base64.b64encode(p.salt).decode("ascii"),
    }


def _kdf_params(doc: Any) -> KdfParams:
    try:
        params = KdfParams(
            int(doc["memory_kib"]),
            int(doc["iterations"]),
            int(doc["lanes"]),
            base64.b64decode(doc["salt"], validate=True),
        )
        params.validate()
    except (KeyError, TypeError, ValueError, KdfParamsInvalid):
        raise CentralError("The central system's key record is damaged.") from None
    return params


def create(conn: Connection, passphrase: str, kdf: KdfParams, *, name: str) -> PublicKeys:
    """Make the key pair and store it (sealed). Refused if one is there already."""
    if conn.execute(text("SELECT 1 FROM central.keys")).first() is not None:
        raise CentralError(
            "This database already holds a central system's keys; nothing was changed."
        )
    central_id = uuid.uuid4()
    sign_private = signing.new_signing_key()
    seed = age.new_identity()
    sign_public, recipient_public = signing.signing_public(sign_private), age.public_key(seed)
    fp = signing.fingerprint(sign_public, recipient_public)
    bundle = KeyBundle(name, PeerRole.CENTRAL, sign_public, recipient_public, iso_utc(utc_now()))
    kek = derive_kek(passphrase_bytes(passphrase), kdf)
    bundle_file = signed_bundle(bundle, sign_private) + b"\n"
    conn.execute(
        text(
            "INSERT INTO central.keys (id, central_id, signing_public, recipient_public, "
            "fingerprint, spoken, bundle, kdf, sealed_signing, sealed_receiving) VALUES "
            "(1, :cid, :sp, :rp, :fp, :spoken, :bundle, CAST(:kdf AS jsonb), :ss, :sr)"
        ),
        {
            "cid": central_id,
            "sp": sign_public,
            "rp": recipient_public,
            "fp": fp.hex,
            "spoken": fp.spoken,
            "bundle": bundle_file,
            "kdf": json.dumps(_kdf_doc(kdf)),
            "ss": _sealed(wrap_key(kek, sign_private, _context(central_id, SIGNING))),
            "sr": _sealed(wrap_key(kek, seed, _context(central_id, RECEIVING))),
        },
    )
    return PublicKeys(central_id, fp, bundle_file)


def _row(conn: Connection) -> Any:
    row = conn.execute(
        text(
            "SELECT central_id, signing_public, recipient_public, fingerprint, spoken, bundle, "
            "kdf, sealed_signing, sealed_receiving FROM central.keys WHERE id = 1"
        )
    ).first()
    if row is None:
        raise CentralNotFound(
            "This database holds no central system (run `veldboek central init`)."
        )
    return row


def public(conn: Connection) -> PublicKeys:
    row = _row(conn)
    fp = signing.fingerprint(bytes(row.signing_public), bytes(row.recipient_public))
    if fp.hex != row.fingerprint:
        raise CentralError("The central system's key record is damaged.")
    return PublicKeys(row.central_id, fp, bytes(row.bundle))


def _unwrap(kek: bytes, sealed: bytes, context: bytes) -> bytes:
    return unwrap_key(kek, WrappedKey(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]), context)


def unlock(conn: Connection, passphrase: str) -> Unlocked:
    row = _row(conn)
    kek = derive_kek(passphrase_bytes(passphrase), _kdf_params(row.kdf))
    try:
        sign_private = _unwrap(kek, bytes(row.sealed_signing), _context(row.central_id, SIGNING))
        seed = _unwrap(kek, bytes(row.sealed_receiving), _context(row.central_id, RECEIVING))
    except UnwrapFailed:
        raise WrongPassphrase("Wrong passphrase (or the key record was altered).") from None
    fp = signing.fingerprint(signing.signing_public(sign_private), age.public_key(seed))
    if fp.hex != row.fingerprint:
        raise CentralError("The central system's key record is damaged.")
    return Unlocked(sign_private, seed, fp, kek, row.central_id)


DECONFLICTION = "deconfliction "


def seal_secret(keys: Unlocked, secret: bytes, purpose: str) -> bytes:
    """``secret`` sealed as the private keys are (nonce || AES-256-GCM), bound to
    the central id and ``purpose`` (e.g. a deconfliction key's id)."""
    assert keys.central_id is not None
    return _sealed(wrap_key(keys.kek, secret, _context(keys.central_id, purpose)))


def open_secret(keys: Unlocked, sealed: bytes, purpose: str) -> bytes:
    assert keys.central_id is not None
    try:
        return _unwrap(keys.kek, sealed, _context(keys.central_id, purpose))
    except UnwrapFailed:
        raise CentralError("A sealed key record of the central system is damaged.") from None
