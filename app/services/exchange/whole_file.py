"""A source's whole file as this vault holds it, in the form a package carries its
records (``app.models.wire``, format version 3): the same shape on a runner's
vault and on the handler's, so that what arrived can be laid beside what was sent
(``veldboek show source``).

Registration data, risk and welfare assessments, reliability reviews,
instructions, taskings, payments, contacts and debriefs, each record with its
versions: those that left this vault (a runner's) or arrived in it (a
handler's), by number and hash. Never the true identity: it is not a record that
travels. A runner's drafts are shown as they are; they never leave the vault.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dal.scope import get_visible, visible
from app.dal.source_names import runner_of, shown_codenames
from app.domain.scope import Scope
from app.models import Source
from app.models import wire as w
from app.models.packages import ExportedRecord, RecordVersion
from app.services.exchange import package_records
from app.vault.vault import Vault

# Section of the file -> record type, in the order they are shown.
SECTIONS = {
    "risk_assessments": "risk_assessment",
    "reliability_reviews": "reliability_review",
    "instructions": "instruction",
    "taskings": "tasking",
    "payments": "payment",
}


def _versions(
    session: Session, scope: Scope, record_type: str, ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """(version, hash) of every version of each record that went out from here or
    came in, oldest first."""
    found: dict[uuid.UUID, set[tuple[int, str]]] = {i: set() for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for table in (ExportedRecord, RecordVersion):
            for rid, version, sha in session.execute(
                select(table.record_id, table.version, table.sha256).where(
                    table.record_type == record_type,
                    table.record_id.in_(chunk),
                    visible(table.compartment_id, scope),
                )
            ):
                found[rid].add((int(version), sha))
    return {
        rid: [{"version": v, "sha256": sha} for v, sha in sorted(held)]
        for rid, held in found.items()
    }


def _with_versions(
    session: Session, scope: Scope, record_type: str, records: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    ids = [uuid.UUID(r["id"]) for r in records]
    versions = _versions(session, scope, record_type, ids)
    return [{"record": r, "versions": versions[i]} for r, i in zip(records, ids, strict=True)]


def _in_scope(session: Session, scope: Scope, rt: w.RecordType, source_id: uuid.UUID) -> set[str]:
    """Ids (as the package writes them) of the source's records of ``rt`` in the
    scope's compartments: each section carries the scope filter itself, as the
    source file's tabs do, whatever the source check found."""
    model = rt.model
    return {
        str(rid)
        for rid in session.execute(
            select(model.id).where(
                model.source_id == source_id, visible(model.compartment_id, scope)
            )
        ).scalars()
    }


def _section(
    session: Session, scope: Scope, reader: package_records.Reader, rt: w.RecordType, source: Source
) -> list[dict[str, Any]]:
    key = source.id.hex
    allowed = _in_scope(session, scope, rt, source.id)
    return [r for r in reader.read(rt, "source_id", [key]).get(key, []) if r["id"] in allowed]


def whole_file(vault: Vault, scope: Scope, source_id: uuid.UUID) -> dict[str, Any]:
    """The source's file (see the module's docstring), as plain JSON values."""
    with vault.read() as session:
        source = get_visible(session, scope, Source, source_id)
        reader = package_records.Reader(session, w.CURRENT)
        key = [source.id.hex]
        (header,) = reader.single(w.SOURCE, key)
        (registration,) = reader.single(w.REGISTRATION, key)
        out: dict[str, Any] = {
            "source": header,
            "registration": _with_versions(session, scope, "registration", [registration])[0],
        }
        for section, type_name in SECTIONS.items():
            records = _section(session, scope, reader, w.RECORD_TYPES[type_name], source)
            records.sort(key=lambda r: r["id"])
            out[section] = _with_versions(session, scope, type_name, records)
        contacts = _section(session, scope, reader, w.CONTACT, source)
        out["contacts"] = sorted(contacts, key=lambda c: (c["occurred_at"], c["id"]))
        # Debriefs as format 3 carries them; a runner's drafts are shown as they are.
        debriefs = _section(session, scope, reader, w.DEBRIEF, source)
        debriefs.sort(key=lambda d: (d["created_at"], d["id"]))
        out["debriefs"] = _with_versions(session, scope, "debrief", debriefs)
    return out


def shown_and_runner(vault: Vault, scope: Scope, source_id: uuid.UUID) -> tuple[str, str]:
    """How lists name the source (unique among the files the alias sees) and who runs
    it here: for a person reading; not part of the file, which is the same in the
    runner's vault and the handler's."""
    with vault.read() as session:
        source = get_visible(session, scope, Source, source_id)
        runner = session.execute(select(runner_of()).where(Source.id == source.id)).scalar_one()
        return shown_codenames(session, scope, {source.id})[source.id], runner
