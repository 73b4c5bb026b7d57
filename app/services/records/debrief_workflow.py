"""The debrief workflow: what blocks a submit, submitting, a handler's approval or
return, and addenda (how a submitted debrief grows). Every transition is audited."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import limits
from app.clock import utc_now
from app.dal.handed_over import get_writable
from app.dal.scope import get_visible
from app.domain.enums import DebriefStatus, Role
from app.domain.grading import Grading
from app.domain.scope import Scope
from app.errors import AccessDenied, InvalidInput, WorkflowError
from app.models import Addendum, Debrief, IntelligenceItem
from app.services.records.debrief_reading import items_of
from app.services.records.debrief_writer import require_linkable, require_writer
from app.vault import audit_chain
from app.vault.vault import Vault


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


@dataclass(frozen=True)
class Blocker:
    """One thing missing before submit: ``what`` is a field name (``narrative``,
    ``critical reflection``, ``text`` or a grading part); ``item`` is the item's
    number, or None for the debrief itself."""

    what: str
    item: int | None = None

    def __str__(self) -> str:
        return self.what if self.item is None else f"item {self.item}: {self.what}"


def blockers(d: Debrief, items: list[IntelligenceItem]) -> list[Blocker]:
    return content_blockers(
        d.narrative,
        d.critical_reflection,
        [
            (
                item.text,
                Grading(
                    item.scheme,
                    item.source_evaluation,
                    item.intelligence_assessment,
                    item.handling_code,
                    item.handling_conditions,
                ),
            )
            for item in sorted(items, key=lambda i: i.position)
        ],
    )


def content_blockers(
    narrative: str, critical_reflection: str, items: Sequence[tuple[str, Grading]]
) -> list[Blocker]:
    """``blockers`` over plain values: the items' (text, grading), in item order."""
    found = []
    if not narrative.strip():
        found.append(Blocker("narrative"))
    if not critical_reflection.strip():
        found.append(Blocker("critical reflection"))
    for n, (text, grading) in enumerate(items, start=1):
        if not text.strip():
            found.append(Blocker("text", n))
        found.extend(Blocker(problem, n) for problem in grading.problems())
    return found


def missing_for_submit(d: Debrief, items: list[IntelligenceItem]) -> list[str]:
    """What still has to be filled in before a debrief can be submitted."""
    return [str(b) for b in blockers(d, items)]


def submit_blockers(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> list[Blocker]:
    with vault.read() as session:
        d = get_visible(session, scope, Debrief, debrief_id)
        return blockers(d, items_of(session, d.id))


def submit(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> None:
    with vault.write() as session:
        d = get_writable(session, scope, Debrief, debrief_id)
        require_writer(d, scope)
        if d.status is DebriefStatus.RETURNED:
            answer = select(func.count()).where(
                Addendum.debrief_id == d.id,
                Addendum.created_at > (d.reviewed_at or d.created_at),
            )
            if d.author_alias_id is not None:  # the runner's answer, not another's
                answer = answer.where(Addendum.author_alias_id == d.author_alias_id)
            answered = session.execute(answer).scalar_one()
            if not answered:
                raise WorkflowError(
                    "A returned debrief is resubmitted with an addendum that answers the comment."
                )
        elif d.status is not DebriefStatus.DRAFT:
            raise WorkflowError("Only a draft or a returned debrief can be submitted.")
        missing = missing_for_submit(d, items_of(session, d.id))
        if missing:
            raise WorkflowError(
                "Cannot submit yet; missing: {missing}.", missing="; ".join(missing)
            )
        previous = d.status
        d.status = DebriefStatus.SUBMITTED
        d.submitted_at = utc_now()
        _audit(session, scope, "debrief.submitted", d, previous=previous.value)


def _review(
    vault: Vault, scope: Scope, debrief_id: uuid.UUID, status: DebriefStatus, comment: str
) -> None:
    if scope.role is not Role.HANDLER:
        raise AccessDenied("Only a handler may approve or return a debrief.")
    if len(comment) > limits.MAX_REVIEW_COMMENT_CHARS:
        raise InvalidInput(
            "A review comment holds at most {n} characters.", n=limits.MAX_REVIEW_COMMENT_CHARS
        )
    with vault.write() as session:
        d = get_visible(session, scope, Debrief, debrief_id)
        if d.status is not DebriefStatus.SUBMITTED:
            raise WorkflowError("Only a submitted debrief can be approved or returned.")
        if d.author_alias_id == scope.alias_id:
            raise AccessDenied("A debrief is reviewed by someone other than its author.")
        d.status = status
        d.reviewed_at = utc_now()
        d.reviewer_alias_id = scope.alias_id
        d.review_comment = comment
        action = "debrief.approved" if status is DebriefStatus.APPROVED else "debrief.returned"
        _audit(session, scope, action, d)


def approve(vault: Vault, scope: Scope, debrief_id: uuid.UUID, comment: str = "") -> None:
    _review(vault, scope, debrief_id, DebriefStatus.APPROVED, comment.strip())


def return_to_runner(vault: Vault, scope: Scope, debrief_id: uuid.UUID, comment: str) -> None:
    if not comment.strip():
        raise InvalidInput("Say why the debrief is returned.")
    _review(vault, scope, debrief_id, DebriefStatus.RETURNED, comment.strip())


def add_addendum(vault: Vault, scope: Scope, debrief_id: uuid.UUID, text: str) -> uuid.UUID:
    if not text.strip():
        raise InvalidInput("An addendum needs text.")
    with vault.write() as session:
        d = get_writable(session, scope, Debrief, debrief_id)
        if d.status is DebriefStatus.DRAFT:
            raise WorkflowError("A draft is edited directly; addenda are for submitted debriefs.")
        # A returned debrief is answered by its runner (the handler's word is the review).
        require_linkable(d, scope)
        addendum = Addendum(
            compartment_id=d.compartment_id,
            debrief_id=d.id,
            text=text.strip(),
            author_alias_id=scope.alias_id,
        )
        session.add(addendum)
        session.flush()
        _audit(session, scope, "debrief.addendum_added", d, addendum_id=addendum.id.hex)
        return addendum.id
