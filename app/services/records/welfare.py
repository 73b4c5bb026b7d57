"""Risk assessments, instructions given to a source, and reliability reviews."""

from __future__ import annotations

import uuid
from datetime import date

from app.clock import utc_now
from app.dal.handed_over import get_writable
from app.domain.enums import GradingScheme, RiskLevel
from app.domain.grading import scheme
from app.domain.scope import Scope
from app.errors import InvalidInput, WorkflowError
from app.models import ReliabilityReview, RiskAssessment, Source, SourceInstruction
from app.vault import audit_chain
from app.vault.vault import Vault


def assess_risk(
    vault: Vault,
    scope: Scope,
    source_id: uuid.UUID,
    *,
    level: RiskLevel,
    review_on: date,
    threats: str = "",
    mitigations: str = "",
    welfare_notes: str = "",
) -> uuid.UUID:
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        if review_on < utc_now().date():
            raise InvalidInput("The next risk review must be today or later.")
        risk = RiskAssessment(
            compartment_id=source.compartment_id,
            source_id=source.id,
            level=level,
            review_on=review_on,
            threats=threats,
            mitigations=mitigations,
            welfare_notes=welfare_notes,
            assessed_by_alias_id=scope.alias_id,
        )
        session.add(risk)
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "risk.assessed",
            record_type="risk_assessment",
            record_id=risk.id,
            compartment_id=risk.compartment_id,
            detail={"level": level.value},
        )
        return risk.id


def give_instruction(vault: Vault, scope: Scope, source_id: uuid.UUID, text: str) -> uuid.UUID:
    if not text.strip():
        raise InvalidInput("An instruction needs text.")
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        instruction = SourceInstruction(
            compartment_id=source.compartment_id,
            source_id=source.id,
            text=text.strip(),
            given_by_alias_id=scope.alias_id,
        )
        session.add(instruction)
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "instruction.given",
            record_type="instruction",
            record_id=instruction.id,
            compartment_id=instruction.compartment_id,
        )
        return instruction.id


def acknowledge_instruction(vault: Vault, scope: Scope, instruction_id: uuid.UUID) -> None:
    with vault.write() as session:
        instruction = get_writable(session, scope, SourceInstruction, instruction_id)
        if instruction.acknowledged_at is not None:
            raise WorkflowError("This instruction was already acknowledged.")
        instruction.acknowledged_at = utc_now()
        audit_chain.append(
            session,
            scope.actor,
            "instruction.acknowledged",
            record_type="instruction",
            record_id=instruction.id,
            compartment_id=instruction.compartment_id,
        )


def review_reliability(
    vault: Vault, scope: Scope, source_id: uuid.UUID, evaluation: str, rationale: str
) -> uuid.UUID:
    if evaluation not in scheme(GradingScheme.UK_3X5X2).codes("source_evaluation"):
        raise InvalidInput("Reliability is recorded as a 3x5x2 source evaluation (1, 2 or 3).")
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        review = ReliabilityReview(
            compartment_id=source.compartment_id,
            source_id=source.id,
            evaluation=evaluation,
            rationale=rationale.strip(),
            reviewed_by_alias_id=scope.alias_id,
        )
        session.add(review)
        session.flush()
        audit_chain.append(
            session,
            scope.actor,
            "reliability.reviewed",
            record_type="reliability_review",
            record_id=review.id,
            compartment_id=review.compartment_id,
        )
        return review.id
