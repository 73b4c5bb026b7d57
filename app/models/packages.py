"""Tables for signed, sealed packages: the vault's own keys, known peers (handlers,
the central system, runners), the package log, what was exported, and the
versions and audit events that imports brought in."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utc_now
from app.domain.enums import PeerRole
from app.models.base import Base, IdMixin
from app.models.people import str_enum


class KeyPurpose(StrEnum):
    SIGNING = "signing"  # Ed25519
    RECEIVING = "receiving"  # age mlkem768x25519 identity (32-byte seed)


class VaultKeypair(Base):
    """This vault's own key pairs. Private halves never leave the encrypted database."""

    __tablename__ = "vault_keypair"

    purpose: Mapped[KeyPurpose] = mapped_column(
        str_enum(KeyPurpose, "key_purpose"), primary_key=True
    )
    private: Mapped[bytes] = mapped_column(LargeBinary)
    public: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class PackagePeer(IdMixin, Base):
    """Someone packages are exchanged with, added after comparing fingerprints."""

    __tablename__ = "package_peer"

    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[PeerRole] = mapped_column(str_enum(PeerRole, "peer_role"))
    signing_public: Mapped[bytes] = mapped_column(LargeBinary)
    recipient_public: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    spoken: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(default=utc_now)
    added_by_alias_id: Mapped[uuid.UUID | None]
    active: Mapped[bool] = mapped_column(default=True)


class PackageLog(Base):
    """Every package sent or received (and every receipt), in order per channel:
    one sender to one set of recipients."""

    __tablename__ = "package_log"
    __table_args__ = (UniqueConstraint("direction", "channel", "sequence"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # the package id
    direction: Mapped[str] = mapped_column(String(3))  # "out" | "in"
    kind: Mapped[str] = mapped_column(String(12))  # "debriefs" | "receipt"
    peer_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("package_peer.id", ondelete="SET NULL")
    )
    channel: Mapped[str] = mapped_column(String(64), index=True)
    # Who it went to or came from, by the names given to their keys (for the log).
    counterpart: Mapped[str] = mapped_column(String(200), default="")
    sequence: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    previous: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime]
    processed_at: Mapped[datetime] = mapped_column(default=utc_now)
    records: Mapped[int] = mapped_column(default=0)
    confirmed_at: Mapped[datetime | None]
    confirmed_by: Mapped[uuid.UUID | None]  # the receipt's package id
    # Outgoing only: the sealed file as written, kept (inside the encrypted vault)
    # until a receipt confirms it, so a lost or failed copy can be written again
    # with the same id, number and hash. Receipts, and packages sent before
    # migration 0009; packages of debriefs are kept as ``OutgoingCopy`` since.
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Outgoing only: the key fingerprints it was sealed to, comma separated; only
    # one of them can confirm it with a receipt (migration 0007; NULL before).
    recipients: Mapped[str | None] = mapped_column(Text)


class ExportedRecord(Base):
    """Which version of a record went out in which package (runner side)."""

    __tablename__ = "exported_record"

    record_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("package_log.id", ondelete="CASCADE"), index=True
    )
    compartment_id: Mapped[uuid.UUID] = mapped_column(index=True)
    # Set when a receipt confirmed the package and the retention rule removed the
    # record from this vault; the row stays as the trace of what was sent.
    purged_at: Mapped[datetime | None]
    # The package format the record was encoded in (``sha256``): what it is compared
    # with again (migration 0011; 2 before).
    format: Mapped[int] = mapped_column(server_default=text("2"))


class ExportedCopy(Base):
    """Every package that carried a version of a record (runner side). Sending a
    version again adds a row here; ``ExportedRecord`` names only the latest."""

    __tablename__ = "exported_copy"
    __table_args__ = ({"sqlite_with_rowid": False},)

    record_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    package_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("package_log.id", ondelete="CASCADE"), primary_key=True
    )


class RecordVersion(IdMixin, Base):
    """Every version of a record an import brought in (handler side). The live
    tables show the newest; older versions stay here, never silently replaced."""

    __tablename__ = "record_version"
    # The unique index also serves lookups of a record's versions (its prefix).
    __table_args__ = (UniqueConstraint("record_type", "record_id", "version"),)

    record_type: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[uuid.UUID]
    version: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[uuid.UUID] = mapped_column(index=True)
    compartment_id: Mapped[uuid.UUID] = mapped_column(index=True)
    # Where the record's canonical JSON lies in the package's container
    # (``PackageEvidence``); ``data`` holds it instead for versions imported before
    # containers were kept (migration 0008).
    data: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(default=utc_now)
    data_offset: Mapped[int | None]
    data_length: Mapped[int | None]


class OutgoingCopy(Base):
    """A sent package, kept until a receipt confirms it, so that a lost or failed
    copy can be written again byte for byte (migration 0009): its container,
    compressed, and what seals it into the same file again (the age header, its
    file key and the payload nonce; the vault already holds what they protect)."""

    __tablename__ = "outgoing_copy"

    package_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("package_log.id", ondelete="CASCADE"), primary_key=True
    )
    header: Mapped[bytes] = mapped_column(LargeBinary)
    file_key: Mapped[bytes] = mapped_column(LargeBinary)
    nonce: Mapped[bytes] = mapped_column(LargeBinary)
    container_sha256: Mapped[str] = mapped_column(String(64))
    compression: Mapped[str] = mapped_column(String(10))  # "zlib"
    container: Mapped[bytes] = mapped_column(LargeBinary)


class PackageEvidence(Base):
    """A received package's signed container (manifest, signature, records, files
    and audit events) as it was decrypted, compressed: the sender's signature over
    it can be checked again at any time (migration 0008)."""

    __tablename__ = "package_evidence"

    package_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("package_log.id", ondelete="CASCADE"), primary_key=True
    )
    container_sha256: Mapped[str] = mapped_column(String(64))
    compression: Mapped[str] = mapped_column(String(10))  # "zlib"
    data: Mapped[bytes] = mapped_column(LargeBinary)


class PackageOrigin(Base):
    """Which sender first brought a compartment, source or record into this vault.
    Later packages may change only what their own sender brought in: a runner can
    never overwrite another runner's records, nor anything made in this vault."""

    __tablename__ = "package_origin"

    record_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    sender: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[uuid.UUID]


class ImportedAuditEvent(Base):
    """Audit events of a runner's vault that came with its packages, as imports
    before migration 0008 kept them; since then they stay in the package's
    container (``PackageEvidence``). One B-tree on (sender, seq) (migration 0007)."""

    __tablename__ = "imported_audit_event"
    __table_args__ = ({"sqlite_with_rowid": False},)

    sender: Mapped[str] = mapped_column(String(64), primary_key=True)  # key fingerprint
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    package_id: Mapped[uuid.UUID]
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
    actor_alias_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(60))
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    compartment_id: Mapped[uuid.UUID | None]
    detail: Mapped[str]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SourceHandover(Base):
    """A source handed from one runner to another (migration 0014): the package
    this vault sent (``out``, old runner), received as the new runner (``in``), or
    saw as the handler (``seen``). Kept after the old runner purges the source, so
    its vault can still say to whom and when; the handler's newest row names who
    runs the source now."""

    __tablename__ = "source_handover"

    package_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(4))  # "out" | "in" | "seen"
    source_id: Mapped[uuid.UUID] = mapped_column(index=True)
    codename: Mapped[str] = mapped_column(String(80))
    from_runner: Mapped[str] = mapped_column(String(64))  # key fingerprints
    to_runner: Mapped[str] = mapped_column(String(64))
    to_name: Mapped[str] = mapped_column(String(200), server_default=text("''"))
    from_compartment_id: Mapped[uuid.UUID]
    compartment_id: Mapped[uuid.UUID]  # the new runner's compartment for the source
    identity: Mapped[bool]  # whether a sealed true identity travelled
    created_at: Mapped[datetime]
    confirmed_at: Mapped[datetime | None]  # out: the new runner's receipt came; in: ours went
    purged_at: Mapped[datetime | None]  # out: the source left this vault


class DeconflictionKeyRow(Base):
    """A unit deconfliction key this vault received (migration 0015): from the
    central system (a handler's vault) or its handler (a runner's). The secret
    lives only here, inside the encrypted database. The current key has no
    ``retired_at``; a replaced one is forgotten, secret and tokens, when this
    vault writes its next package (``app.services.exchange.deconfliction_store``)."""

    __tablename__ = "deconfliction_key"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    secret: Mapped[bytes] = mapped_column(LargeBinary)
    memory_kib: Mapped[int]
    iterations: Mapped[int]
    lanes: Mapped[int]
    created_at: Mapped[str] = mapped_column(String(27))  # as the key package says
    replaces: Mapped[str] = mapped_column(String(32), server_default=text("''"))
    received_at: Mapped[datetime] = mapped_column(default=utc_now)
    from_peer_id: Mapped[uuid.UUID | None]
    # Every source's tokens were computed under this key (None: not yet, it needs
    # the passphrase: ``keys deconfliction recompute``, or the import that brought it).
    recomputed_at: Mapped[datetime | None]
    retired_at: Mapped[datetime | None]


class SourceToken(Base):
    """A source's blind deconfliction token under one key: computed when its true
    identity is recorded or changed, and for every source when a key arrives."""

    __tablename__ = "source_token"

    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), primary_key=True
    )
    key_id: Mapped[str] = mapped_column(
        ForeignKey("deconfliction_key.key_id", ondelete="CASCADE"), primary_key=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    token: Mapped[str] = mapped_column(String(64), primary_key=True)  # hex


class SentTokens(Base):
    """The tokens of a source as the last package that carried it sent them
    (migration 0017): the SHA-256 of its ``deconfliction`` member. An export of
    everything new carries a source whose tokens are no longer these
    (``app.services.exchange.token_sends``)."""

    __tablename__ = "sent_tokens"

    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), primary_key=True
    )
    sha256: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[uuid.UUID]


class DeconflictionNotice(Base):
    """A match of blind deconfliction as the central system's newest notice told it
    (migration 0016): one of this team's sources possibly the same person as a
    source of ``other_team`` (of this team: ``other_source``), by an attribute of
    ``kind``. Never a token, never another team's source."""

    __tablename__ = "deconfliction_notice"

    match_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    source_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(10))  # name_dob | phone | address
    other_team: Mapped[str] = mapped_column(String(200))
    other_source: Mapped[uuid.UUID | None]
    opened_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10))  # open | same | different
    decided_at: Mapped[datetime | None]
    why: Mapped[str] = mapped_column(Text, server_default=text("''"))
    package_id: Mapped[uuid.UUID]  # the notice that told it last
    received_at: Mapped[datetime]
