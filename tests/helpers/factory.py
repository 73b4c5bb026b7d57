"""Factories for vaults and records, driving the real services (so tests exercise
the same paths as the app), with small defaults and overridable fields."""

from __future__ import annotations

import itertools
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

from app.crypto.kdf import KdfParams
from app.domain.enums import ContactKind, GradingScheme, Role, SubjectKind
from app.domain.scope import Scope
from app.services.records import contacts, debriefs, sources
from app.services.records.contacts import ContactDraft
from app.services.records.debriefs import DebriefContent, ItemDraft
from app.vault.vault import Vault, create_vault

PASSPHRASE = "test passphrase that is long"
RUNNER = "Valk"

_counter = itertools.count(1)


def fast_kdf() -> KdfParams:
    # 1 MiB, one pass: the production floor (64 MiB, calibrated) is tested separately.
    return KdfParams(1024, 1, 1, os.urandom(16))


def make_vault(
    root: Path, *, passphrase: str = PASSPHRASE, alias: str = RUNNER, role: Role = Role.RUNNER
) -> Path:
    create_vault(root, passphrase, alias_name=alias, role=role, kdf=fast_kdf())
    return root


def source(vault: Vault, scope: Scope, codename: str | None = None, **fields: object) -> uuid.UUID:
    name = codename or f"BRON{next(_counter)}"
    return sources.create_source(
        vault,
        scope,
        sources.SourceDraft(codename=name, **fields),  # type: ignore[arg-type]
    )


def contact(vault: Vault, scope: Scope, source_id: uuid.UUID, **fields: object) -> uuid.UUID:
    draft = ContactDraft(
        kind=fields.pop("kind", ContactKind.MEETING),  # type: ignore[arg-type]
        occurred_at=fields.pop("occurred_at", datetime(2026, 11, 2, 20, 0, tzinfo=UTC)),  # type: ignore[arg-type]
        location_codeword=str(fields.pop("location_codeword", "ANKER")),
        **fields,  # type: ignore[arg-type]
    )
    return contacts.record_contact(vault, scope, source_id, draft)


def graded_item(text: str = "Subject A stores goods at the garage.", **fields: object) -> ItemDraft:
    values: dict[str, object] = {
        "sanitised_text": "Goods are reportedly stored at a garage.",
        "scheme": GradingScheme.UK_3X5X2,
        "source_evaluation": "2",
        "intelligence_assessment": "B",
        "handling_code": "P",
        "subjects": ((SubjectKind.PERSON, "Dirk Bakker"),),
    }
    values.update(fields)
    return ItemDraft(text, **values)  # type: ignore[arg-type]


def debrief(
    vault: Vault,
    scope: Scope,
    source_id: uuid.UUID,
    *,
    narrative: str = "Met the source at the usual place.",
    reflection: str = "Source may exaggerate to please.",
    items: tuple[ItemDraft, ...] | None = None,
    submit: bool = False,
) -> uuid.UUID:
    debrief_id = debriefs.create_draft(vault, scope, source_id)
    debriefs.save_draft(
        vault,
        scope,
        debrief_id,
        DebriefContent(narrative=narrative, critical_reflection=reflection),
    )
    for item in items if items is not None else (graded_item(),):
        debriefs.add_item(vault, scope, debrief_id, item)
    if submit:
        debriefs.submit(vault, scope, debrief_id)
    return debrief_id
