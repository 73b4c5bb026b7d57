"""Every version of a debrief a handler received: the newest is the live record,
the others stay as they came (``record_version``, ``package_evidence``), never
silently replaced."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.dal.scope import get_visible, visible
from app.domain.scope import Scope
from app.errors import NotFound
from app.export import canonical
from app.models import Debrief
from app.models.packages import RecordVersion
from app.services.exchange import package_evidence
from app.vault.vault import Vault


@dataclass(frozen=True)
class VersionInfo:
    version: int
    sha256: str  # of the record's canonical JSON, as the sender's manifest named it
    package_id: uuid.UUID
    imported_at: datetime


def versions(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> list[VersionInfo]:
    """Oldest first; empty for a debrief written in this vault."""
    with vault.read() as session:
        get_visible(session, scope, Debrief, debrief_id)
        rows = session.execute(
            select(
                RecordVersion.version,
                RecordVersion.sha256,
                RecordVersion.package_id,
                RecordVersion.imported_at,
            )
            .where(
                RecordVersion.record_type == "debrief",
                RecordVersion.record_id == debrief_id,
                visible(RecordVersion.compartment_id, scope),
            )
            .order_by(RecordVersion.version)
        ).all()
    return [VersionInfo(*row) for row in rows]


def version_data(vault: Vault, scope: Scope, debrief_id: uuid.UUID, version: int) -> dict[str, Any]:
    """The record as that version arrived (the signed sender's canonical JSON), out
    of the package's kept container or, for versions imported before containers
    were kept, its own copy."""
    with vault.read() as session:
        get_visible(session, scope, Debrief, debrief_id)
        row = session.execute(
            select(RecordVersion).where(
                RecordVersion.record_type == "debrief",
                RecordVersion.record_id == debrief_id,
                RecordVersion.version == version,
                visible(RecordVersion.compartment_id, scope),
            )
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(
                "This vault holds no version {version} of that debrief.", version=version
            )
        if row.data is not None:
            data = row.data.encode("utf-8")
        elif row.data_offset is None or row.data_length is None:
            raise package_evidence.EvidenceDamaged()
        else:
            data = package_evidence.record_bytes(
                session, row.package_id, row.data_offset, row.data_length, row.sha256
            )
    value = canonical.loads(data)
    assert isinstance(value, dict)
    return value
