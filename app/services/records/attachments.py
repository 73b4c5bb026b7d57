"""Files attached to a debrief: a photo of a document the source showed, a
screenshot of a message. The bytes live only in the encrypted vault; they are
added or removed while the debrief is a draft, and travel with it in packages.
Reading the bytes back is audited, because it is how they can leave the app."""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app import limits
from app.dal.handed_over import get_writable
from app.dal.scope import get_visible
from app.domain.enums import DebriefStatus
from app.domain.scope import Scope
from app.errors import InvalidInput, WorkflowError
from app.models import Attachment, Debrief
from app.services.files import output_paths, user_files
from app.services.records.debrief_writer import require_writer
from app.vault import audit_chain
from app.vault.vault import Vault

MAX_BYTES = limits.MAX_ATTACHMENT_BYTES
MAX_PER_DEBRIEF = 40
# Types the app can show itself, from memory; anything else can only be saved.
VIEWABLE = ("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp")
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"%PDF-", "application/pdf"),
)


@dataclass(frozen=True)
class AttachmentView:
    id: uuid.UUID
    debrief_id: uuid.UUID
    name: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime

    @property
    def viewable(self) -> bool:
        return self.media_type in VIEWABLE


def sniff_media_type(data: bytes) -> str:
    """The type from the content, never from the file name a source chose."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    return "application/octet-stream"


def clean_name(name: str) -> str:
    # Only the last path part, no control characters: the name is shown and may be
    # used as a default file name when saving.
    base = re.split(r"[\\/]", name)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip().strip(".")
    return base[:200] or "attachment"


def _view(a: Attachment) -> AttachmentView:
    return AttachmentView(a.id, a.debrief_id, a.name, a.media_type, a.size, a.sha256, a.created_at)


def add_attachment_file(
    vault: Vault, scope: Scope, debrief_id: uuid.UUID, path: Path
) -> AttachmentView:
    """``add_attachment`` of a file the user chose (refused unread unless a regular
    file within ``MAX_BYTES``)."""
    data = user_files.read_all(path, user_files.ATTACHMENT)
    return add_attachment(vault, scope, debrief_id, path.name, data)


def add_attachment(
    vault: Vault, scope: Scope, debrief_id: uuid.UUID, name: str, data: bytes
) -> AttachmentView:
    if not data:
        raise InvalidInput("The file is empty.")
    if len(data) > MAX_BYTES:
        raise InvalidInput(
            "The file is larger than {mb} MB; attach a smaller copy.", mb=MAX_BYTES // (1024 * 1024)
        )
    with vault.write() as session:
        debrief = get_writable(session, scope, Debrief, debrief_id)
        if debrief.status is not DebriefStatus.DRAFT:
            raise WorkflowError("Files can be attached only while the debrief is a draft.")
        require_writer(debrief, scope)
        count = len(
            session.execute(select(Attachment.id).where(Attachment.debrief_id == debrief.id)).all()
        )
        if count >= MAX_PER_DEBRIEF:
            raise InvalidInput("A debrief holds at most {n} files.", n=MAX_PER_DEBRIEF)
        attachment = Attachment(
            compartment_id=debrief.compartment_id,
            debrief_id=debrief.id,
            name=clean_name(name),
            media_type=sniff_media_type(data),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            added_by_alias_id=scope.alias_id,
        )
        session.add(attachment)
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "attachment.added",
            record_type="debrief",
            record_id=debrief.id,
            compartment_id=debrief.compartment_id,
            detail={
                "attachment": attachment.id.hex,
                "size": len(data),
                "sha256": attachment.sha256,
            },
        )
        return _view(attachment)


def list_attachments(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> list[AttachmentView]:
    with vault.read() as session:
        debrief = get_visible(session, scope, Debrief, debrief_id)
        rows = session.execute(
            select(Attachment)
            .where(Attachment.debrief_id == debrief.id)
            .order_by(Attachment.created_at, Attachment.id)
        ).scalars()
        return [_view(a) for a in rows]


def attachment_bytes(
    vault: Vault, scope: Scope, attachment_id: uuid.UUID, *, purpose: str
) -> bytes:
    """The file's bytes, for showing in the app (``purpose="view"``) or saving
    (``"save"``); both are audited."""
    if purpose not in ("view", "save"):
        raise InvalidInput("Unknown purpose.")
    with vault.write() as session:
        a = get_visible(session, scope, Attachment, attachment_id)
        audit_chain.append(
            session,
            scope.actor,
            f"attachment.{'viewed' if purpose == 'view' else 'saved'}",
            record_type="debrief",
            record_id=a.debrief_id,
            compartment_id=a.compartment_id,
            detail={"attachment": a.id.hex},
        )
        return a.data


def save_copy(
    vault: Vault, scope: Scope, attachment_id: uuid.UUID, path: Path, *, overwrite: bool = False
) -> Path:
    """Save an unencrypted copy of the file at ``path`` (audited as a save). The
    place is checked first (``output_paths``), so a refusal neither writes nor
    audits anything."""
    roots = [vault.paths.root]
    target = output_paths.check_file(path, vaults=roots, overwrite=overwrite)
    data = attachment_bytes(vault, scope, attachment_id, purpose="save")
    return output_paths.write_file(target, data, vaults=roots, overwrite=overwrite)


def remove_attachment(vault: Vault, scope: Scope, attachment_id: uuid.UUID) -> None:
    with vault.write() as session:
        a = get_writable(session, scope, Attachment, attachment_id)
        debrief = session.get(Debrief, a.debrief_id)
        if debrief is None or debrief.status is not DebriefStatus.DRAFT:
            raise WorkflowError("Files can be removed only while the debrief is a draft.")
        require_writer(debrief, scope)
        audit_chain.append(
            session,
            scope.actor,
            "attachment.removed",
            record_type="debrief",
            record_id=a.debrief_id,
            compartment_id=a.compartment_id,
            detail={"attachment": a.id.hex},
        )
        session.delete(a)
