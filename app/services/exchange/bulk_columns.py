"""Column orders of the bulk inserts that bypass the ORM (the demo generator and
package import build their rows as tuples in this order)."""

from __future__ import annotations

DEBRIEF = (
    "id",
    "compartment_id",
    "source_id",
    "contact_id",
    "status",
    "narrative",
    "welfare_observations",
    "security_observations",
    "runner_assessment",
    "critical_reflection",
    "author_alias_id",
    "submitted_at",
    "reviewed_at",
    "reviewer_alias_id",
    "review_comment",
    "created_at",
    "updated_at",
)

ITEM = (
    "id",
    "compartment_id",
    "debrief_id",
    "position",
    "text",
    "sanitised_text",
    "scheme",
    "source_evaluation",
    "intelligence_assessment",
    "handling_code",
    "handling_conditions",
    "corroboration",
    "exculpatory",
    "created_at",
    "updated_at",
)


PAYMENT = (
    "id",
    "compartment_id",
    "source_id",
    "debrief_id",
    "kind",
    "amount_cents",
    "currency",
    "reason",
    "occurred_on",
    "witness_alias_id",
    "approved_by_alias_id",
    "created_at",
)
