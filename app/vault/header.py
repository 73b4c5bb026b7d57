"""The vault header: a small versioned JSON file next to the database that holds
the key-derivation parameters and the wrapped keys. It holds no vault content.

Format (version 1), all binary values base64:

    {"format": "veldboek-vault-header", "version": 1, "vault_id": UUID,
     "created_at": ISO-UTC,
     "kdf": {"algorithm": "argon2id", "version": 19, "memory_kib": int,
             "iterations": int, "lanes": int, "salt": b64, "calibrated_seconds": float},
     "device_factor": null | {"store": "os-keyring", "service": str, "account": str},
     "keys": {"database": {"alg": "A256GCM", "nonce": b64, "ciphertext": b64},
              "identity": {...}},
     "audit_anchor": null | {"seq": int, "hash": hex, "mac": hex},
     "generation": int}

``generation`` counts the writes of the header: every write reads the header on
disk under the vault folder's lock (``folder_lock``) and writes it back with the
generation one higher (``update_header``), so a process that unlocked before
another changed the passphrase can never put its older copy back. A header
without the field (written before it existed) reads as generation 0; the field is
not part of the keys' associated data, so it can change without rewrapping them.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from app.clock import iso_utc, parse_iso_utc
from app.crypto.kdf import KdfParams, KdfParamsInvalid
from app.crypto.keywrap import WrappedKey
from app.errors import HeaderCorrupt, VaultNotFound
from app.vault.atomic import atomic_write_bytes, read_regular
from app.vault.folder_lock import WAIT_SECONDS as LOCK_WAIT_SECONDS
from app.vault.folder_lock import folder_lock

FORMAT = "veldboek-vault-header"
VERSION = 1
MAX_HEADER_BYTES = 64 * 1024

SLOT_DATABASE = "database"
SLOT_IDENTITY = "identity"


@dataclass(frozen=True)
class DeviceFactor:
    store: str
    service: str
    account: str


@dataclass(frozen=True)
class AuditAnchor:
    """The last audit event known when the vault was last locked, MAC'd with a key
    derived from the database key. Lets ``check`` notice events cut off the end."""

    seq: int
    hash: str
    mac: str


@dataclass(frozen=True)
class VaultHeader:
    vault_id: uuid.UUID
    created_at: datetime
    kdf: KdfParams
    calibrated_seconds: float
    device_factor: DeviceFactor | None
    keys: dict[str, WrappedKey]
    audit_anchor: AuditAnchor | None = None
    version: int = VERSION
    generation: int = 0

    def wrap_context(self, slot: str) -> bytes:
        """Authenticated data for a wrapped key: binds it to this vault, its slot and
        the derivation settings, so keys cannot be swapped between slots or vaults."""
        context = {
            "format": FORMAT,
            "version": self.version,
            "vault_id": str(self.vault_id),
            "slot": slot,
            "kdf": _kdf_json(self.kdf),
            "device_factor": self.device_factor is not None,
        }
        return json.dumps(context, sort_keys=True, separators=(",", ":")).encode()

    def with_anchor(self, anchor: AuditAnchor | None) -> VaultHeader:
        return replace(self, audit_anchor=anchor)

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "vault_id": str(self.vault_id),
            "created_at": iso_utc(self.created_at),
            "kdf": {**_kdf_json(self.kdf), "calibrated_seconds": round(self.calibrated_seconds, 3)},
            "device_factor": None
            if self.device_factor is None
            else {
                "store": self.device_factor.store,
                "service": self.device_factor.service,
                "account": self.device_factor.account,
            },
            "keys": {
                slot: {"alg": "A256GCM", "nonce": _b64(w.nonce), "ciphertext": _b64(w.ciphertext)}
                for slot, w in sorted(self.keys.items())
            },
            "audit_anchor": None
            if self.audit_anchor is None
            else {
                "seq": self.audit_anchor.seq,
                "hash": self.audit_anchor.hash,
                "mac": self.audit_anchor.mac,
            },
            "generation": self.generation,
        }
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> VaultHeader:
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HeaderCorrupt("The vault header is not readable (corrupted file).") from exc
        try:
            return _parse(doc)
        except HeaderCorrupt:
            raise
        except (KeyError, TypeError, ValueError, binascii.Error, KdfParamsInvalid) as exc:
            raise HeaderCorrupt("The vault header is damaged or incomplete.") from exc


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _kdf_json(kdf: KdfParams) -> dict[str, Any]:
    return {
        "algorithm": "argon2id",
        "version": 19,
        "memory_kib": kdf.memory_kib,
        "iterations": kdf.iterations,
        "lanes": kdf.lanes,
        "salt": _b64(kdf.salt),
    }


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value


def _parse(doc: Any) -> VaultHeader:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise HeaderCorrupt("This file is not a Veldboek vault header.")
    version = doc.get("version")
    if version != VERSION:
        raise HeaderCorrupt(
            "The vault header has version {version!r}; this Veldboek reads version {known}. "
            "Use a newer Veldboek.",
            version=version,
            known=VERSION,
        )
    kdf_doc = doc["kdf"]
    if kdf_doc["algorithm"] != "argon2id" or kdf_doc["version"] != 19:
        raise HeaderCorrupt("The vault header names an unknown key-derivation function.")
    kdf = KdfParams(
        memory_kib=_int(kdf_doc["memory_kib"]),
        iterations=_int(kdf_doc["iterations"]),
        lanes=_int(kdf_doc["lanes"]),
        salt=_unb64(kdf_doc["salt"]),
    )
    kdf.validate()
    factor_doc = doc["device_factor"]
    factor = (
        None
        if factor_doc is None
        else DeviceFactor(
            str(factor_doc["store"]), str(factor_doc["service"]), str(factor_doc["account"])
        )
    )
    keys = {}
    for slot in (SLOT_DATABASE, SLOT_IDENTITY):
        entry = doc["keys"][slot]
        if entry["alg"] != "A256GCM":
            raise HeaderCorrupt("The vault header names an unknown key-wrapping algorithm.")
        keys[slot] = WrappedKey(_unb64(entry["nonce"]), _unb64(entry["ciphertext"]))
    generation = _int(doc.get("generation", 0))
    if generation < 0:
        raise ValueError("negative generation")
    anchor_doc = doc.get("audit_anchor")
    anchor = (
        None
        if anchor_doc is None
        else AuditAnchor(_int(anchor_doc["seq"]), str(anchor_doc["hash"]), str(anchor_doc["mac"]))
    )
    return VaultHeader(
        vault_id=uuid.UUID(doc["vault_id"]),
        created_at=parse_iso_utc(doc["created_at"]),
        kdf=kdf,
        calibrated_seconds=float(kdf_doc.get("calibrated_seconds", 0.0)),
        device_factor=factor,
        keys=keys,
        audit_anchor=anchor,
        version=version,
        generation=generation,
    )


def read_header(path: Path) -> VaultHeader:
    try:
        data = read_regular(path, MAX_HEADER_BYTES)
    except FileNotFoundError as exc:
        raise VaultNotFound("No vault header at {path}.", path=path) from exc
    except OSError as exc:
        raise HeaderCorrupt("The vault header cannot be read: {why}.", why=exc.strerror) from exc
    if len(data) > MAX_HEADER_BYTES:
        raise HeaderCorrupt("The vault header is too large to be genuine.")
    return VaultHeader.from_bytes(data)


def write_header(path: Path, header: VaultHeader) -> None:
    """Write a header where none exists yet (a new vault, under the folder lock).
    A vault's header is changed only through ``update_header``."""
    atomic_write_bytes(path, header.to_bytes())


def update_header(
    path: Path,
    change: Callable[[VaultHeader], VaultHeader | None],
    *,
    wait: float = LOCK_WAIT_SECONDS,
) -> VaultHeader:
    """Compare-and-swap of the header: under the folder lock, read the header on
    disk, let ``change`` derive the new one from it (or return None: nothing to
    write) and write that with the generation one higher than the one read.
    Returns the header now on disk. ``change`` runs under the lock: keep it short.
    ``VaultBusy`` if another process holds the lock longer than ``wait`` seconds."""
    with folder_lock(path.parent, wait=wait):
        current = read_header(path)
        new = change(current)
        if new is None:
            return current
        if new.vault_id != current.vault_id:
            raise HeaderCorrupt("The vault header on disk belongs to another vault.")
        new = replace(new, generation=current.generation + 1)
        write_header(path, new)
        return new
