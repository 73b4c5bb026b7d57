"""Debriefs: drafts with autosave and graded items (here); the submit/approve
workflow and addenda (``debrief_workflow``); lists and reading (``debrief_reading``).

A draft is edited freely. Submitting freezes it: from then on it only grows by
addenda. A handler approves it or returns it with a comment; a returned debrief
is answered with an addendum and submitted again. Every transition is audited.
The workflow's and the reading's names are importable from here too (callers
use ``debriefs.submit``, ``debriefs.get_debrief``, ...).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.dal.handed_over import get_writable
from app.dal.scope import get_visible
from app.domain.enums import Corroboration, DebriefStatus, GradingScheme, SubjectKind
from app.domain.grading import Grading
from app.domain.scope import Scope
from app.domain.text import invisible_characters, normalise_name
from app.errors import InvalidInput, WorkflowError
from app.models import Contact, Debrief, IntelligenceItem, ItemSubject, Source, Subject
from app.services.records.debrief_reading import (
    CONTACT_ORDER,
    DEBRIEF_SORTS,
    PAGE_SIZE,
    STATUS_ORDER,
    DebriefFilter,
    IdPage,
    count_debriefs,
    debrief_id_page,
    debrief_rows,
    get_debrief,
    list_debriefs,
)
from app.services.records.debrief_workflow import (
    Blocker,
    add_addendum,
    approve,
    blockers,
    content_blockers,
    missing_for_submit,
    return_to_runner,
    submit,
    submit_blockers,
)
from app.services.records.debrief_writer import require_writer
from app.vault import audit_chain
from app.vault.vault import Vault

__all__ = [
    "CONTACT_ORDER",
    "DEBRIEF_SORTS",
    "PAGE_SIZE",
    "STATUS_ORDER",
    "Blocker",
    "DebriefContent",
    "DebriefFilter",
    "DraftSaved",
    "IdPage",
    "ItemDraft",
    "add_addendum",
    "add_item",
    "approve",
    "blockers",
    "content_blockers",
    "count_debriefs",
    "create_draft",
    "debrief_id_page",
    "debrief_rows",
    "get_debrief",
    "list_debriefs",
    "missing_for_submit",
    "remove_item",
    "return_to_runner",
    "save_draft",
    "submit",
    "submit_blockers",
    "update_item",
]


@dataclass(frozen=True)
class DebriefContent:
    """The free-text parts of a debrief, as the editor holds them."""

    narrative: str = ""
    welfare_observations: str = ""
    security_observations: str = ""
    runner_assessment: str = ""
    critical_reflection: str = ""


@dataclass(frozen=True)
class ItemDraft:
    text: str
    sanitised_text: str = ""
    scheme: GradingScheme = GradingScheme.UK_3X5X2
    source_evaluation: str = ""
    intelligence_assessment: str = ""
    handling_code: str = ""
    handling_conditions: str = ""
    corroboration: Corroboration = Corroboration.UNCHECKED
    exculpatory: bool = False
    subjects: tuple[tuple[SubjectKind, str], ...] = ()

    @property
    def grading(self) -> Grading:
        return Grading(
            self.scheme,
            self.source_evaluation,
            self.intelligence_assessment,
            self.handling_code,
            self.handling_conditions,
        )


def _audit(session: Session, scope: Scope, action: str, d: Debrief, **detail: object) -> None:
    audit_chain.append(
        session,
        scope.actor,
        action,
        record_type="debrief",
        record_id=d.id,
        compartment_id=d.compartment_id,
        detail=dict(detail) if detail else None,
    )


def _require_draft(d: Debrief, scope: Scope) -> None:
    if d.status is not DebriefStatus.DRAFT:
        raise WorkflowError("This debrief has been submitted; it can only be added to (addendum).")
    require_writer(d, scope)


def create_draft(
    vault: Vault, scope: Scope, source_id: uuid.UUID, *, contact_id: uuid.UUID | None = None
) -> uuid.UUID:
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        if contact_id is not None:
            contact = get_visible(session, scope, Contact, contact_id)
            if contact.source_id != source.id:
                raise InvalidInput("That contact belongs to another source.")
        debrief = Debrief(
            compartment_id=source.compartment_id,
            source_id=source.id,
            contact_id=contact_id,
            author_alias_id=scope.alias_id,
        )
        session.add(debrief)
        session.flush()
        _audit(session, scope, "debrief.created", debrief)
        return debrief.id


@dataclass(frozen=True)
class DraftSaved:
    """What ``save_draft`` did: whether it wrote anything, and which fields it did
    not empty (their saved text was kept; the editor should ask)."""

    changed: bool
    kept: tuple[str, ...] = ()


def save_draft(
    vault: Vault,
    scope: Scope,
    debrief_id: uuid.UUID,
    content: DebriefContent,
    *,
    emptying: frozenset[str] = frozenset(),
) -> DraftSaved:
    """Store the editor's text (autosave calls this every few seconds); unchanged
    saves write nothing and audit nothing.

    A field whose saved text is not blank is never replaced by blank text unless
    it is named in ``emptying`` (the user said so): a stray select-all and delete
    that an autosave catches must not wipe a narrative. Such a field keeps its
    saved text and is named in ``DraftSaved.kept``; the other fields are saved."""
    with vault.write() as session:
        d = get_writable(session, scope, Debrief, debrief_id)
        _require_draft(d, scope)
        changed = []
        kept = []
        for f in fields(DebriefContent):
            value = getattr(content, f.name)
            saved = getattr(d, f.name)
            if saved == value:
                continue
            if not value.strip() and saved.strip() and f.name not in emptying:
                kept.append(f.name)
                continue
            setattr(d, f.name, value)
            changed.append(f.name)
        if changed:
            _audit(session, scope, "debrief.draft_saved", d, fields=sorted(changed))
        return DraftSaved(bool(changed), tuple(kept))


def _upsert_subjects(
    session: Session, compartment_id: uuid.UUID, subjects: tuple[tuple[SubjectKind, str], ...]
) -> list[uuid.UUID]:
    ids = []
    for kind, name in subjects:
        clean = " ".join(name.split())
        if not clean:
            continue
        key = normalise_name(clean)
        existing = session.execute(
            select(Subject.id).where(
                Subject.compartment_id == compartment_id,
                Subject.kind == kind,
                Subject.normalised == key,
            )
        ).scalar_one_or_none()
        if existing is None:
            subject = Subject(compartment_id=compartment_id, kind=kind, name=clean, normalised=key)
            session.add(subject)
            session.flush()
            existing = subject.id
        if existing not in ids:
            ids.append(existing)
    return ids


def _check_shared_text(draft: ItemDraft) -> None:
    """What goes into a sanitised report holds nothing that prints as nothing: a
    zero-width space or soft hyphen inside a name hides it from the reader's eye
    and, before the guard folded them out, from the guard."""
    for text in (draft.sanitised_text, draft.handling_conditions):
        found = invisible_characters(text)
        if found:
            raise InvalidInput(
                "The sanitised wording or the handling conditions hold invisible "
                "characters ({chars}); remove them: they can hide a name.",
                chars=", ".join(found),
            )


def _apply_item(item: IntelligenceItem, draft: ItemDraft) -> None:
    _check_shared_text(draft)
    for name in (
        "text",
        "sanitised_text",
        "scheme",
        "source_evaluation",
        "intelligence_assessment",
        "handling_code",
        "handling_conditions",
        "corroboration",
        "exculpatory",
    ):
        setattr(item, name, getattr(draft, name))


def add_item(vault: Vault, scope: Scope, debrief_id: uuid.UUID, draft: ItemDraft) -> uuid.UUID:
    with vault.write() as session:
        d = get_writable(session, scope, Debrief, debrief_id)
        _require_draft(d, scope)
        position = session.execute(
            select(func.coalesce(func.max(IntelligenceItem.position), -1) + 1).where(
                IntelligenceItem.debrief_id == d.id
            )
        ).scalar_one()
        item = IntelligenceItem(compartment_id=d.compartment_id, debrief_id=d.id, position=position)
        _apply_item(item, draft)
        session.add(item)
        session.flush()
        for sid in _upsert_subjects(session, d.compartment_id, draft.subjects):
            session.add(ItemSubject(item_id=item.id, subject_id=sid))
        _audit(session, scope, "debrief.item_added", d, item_id=item.id.hex)
        return item.id


def update_item(vault: Vault, scope: Scope, item_id: uuid.UUID, draft: ItemDraft) -> None:
    with vault.write() as session:
        item = get_visible(session, scope, IntelligenceItem, item_id)
        d = get_writable(session, scope, Debrief, item.debrief_id)
        _require_draft(d, scope)
        _apply_item(item, draft)
        session.execute(delete(ItemSubject).where(ItemSubject.item_id == item.id))
        for sid in _upsert_subjects(session, d.compartment_id, draft.subjects):
            session.add(ItemSubject(item_id=item.id, subject_id=sid))
        _audit(session, scope, "debrief.item_updated", d, item_id=item.id.hex)


def remove_item(vault: Vault, scope: Scope, item_id: uuid.UUID) -> None:
    with vault.write() as session:
        item = get_visible(session, scope, IntelligenceItem, item_id)
        d = get_writable(session, scope, Debrief, item.debrief_id)
        _require_draft(d, scope)
        session.delete(item)
        _audit(session, scope, "debrief.item_removed", d, item_id=item_id.hex)
