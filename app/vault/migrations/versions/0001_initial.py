"""initial schema

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=27), nullable=False),
        sa.Column("actor_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("detail", sa.String(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_event_hash")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_event_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_audit_event_record_id"), ["record_id"], unique=False)

    op.create_table(
        "compartment",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compartment")),
        sa.UniqueConstraint("name", name=op.f("uq_compartment_name")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "vault_meta",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_vault_meta")),
    )
    op.create_table(
        "source",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("codename", sa.String(length=80), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "informant",
                "civilian_informant",
                "conversation_contact",
                name="source_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "candidate",
                "under_assessment",
                "active",
                "suspended",
                "closed",
                name="source_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("motivation", sa.String(), nullable=False),
        sa.Column("information_position", sa.String(), nullable=False),
        sa.Column("legal_basis", sa.String(), nullable=False),
        sa.Column("contracted_on", sa.String(length=10), nullable=True),
        sa.Column("contract_review_on", sa.String(length=10), nullable=True),
        sa.Column("suitability_review_on", sa.String(length=10), nullable=True),
        sa.Column("antecedents_checked_on", sa.String(length=10), nullable=True),
        sa.Column("antecedents_result", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("closed_at", sa.String(length=27), nullable=True),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_source_compartment_id_compartment"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("codename", name=op.f("uq_source_codename")),
    )
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_source_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_source_contract_review_on"), ["contract_review_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_source_suitability_review_on"), ["suitability_review_on"], unique=False
        )

    op.create_table(
        "subject",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "person",
                "place",
                "vehicle",
                "organisation",
                name="subject_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("normalised", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_subject_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subject")),
        sa.UniqueConstraint(
            "compartment_id",
            "kind",
            "normalised",
            name=op.f("uq_subject_compartment_id_kind_normalised"),
        ),
    )
    with op.batch_alter_table("subject", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_subject_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_subject_normalised"), ["normalised"], unique=False)

    op.create_table(
        "alias",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "cover_name",
                "codename",
                name="alias_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "role",
            sa.Enum(
                "runner",
                "handler",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("can_act", sa.Boolean(), nullable=False),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("retired_at", sa.String(length=27), nullable=True),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_alias_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_alias_source_id_source"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alias")),
        sa.UniqueConstraint("name", name=op.f("uq_alias_name")),
    )
    with op.batch_alter_table("alias", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alias_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_alias_source_id"), ["source_id"], unique=False)

    op.create_table(
        "true_identity",
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_true_identity_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_true_identity_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_true_identity")),
        sa.UniqueConstraint("source_id", name=op.f("uq_true_identity_source_id")),
    )
    with op.batch_alter_table("true_identity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_true_identity_compartment_id"), ["compartment_id"], unique=False
        )

    op.create_table(
        "compartment_member",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("alias_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("granted_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(
            ["alias_id"],
            ["alias.id"],
            name=op.f("fk_compartment_member_alias_id_alias"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_compartment_member_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("compartment_id", "alias_id", name=op.f("pk_compartment_member")),
    )
    with op.batch_alter_table("compartment_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_compartment_member_alias_id"), ["alias_id"], unique=False
        )

    op.create_table(
        "contact",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "meeting",
                "call",
                "message",
                name="contact_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("occurred_at", sa.String(length=27), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("location_codeword", sa.String(length=80), nullable=False),
        sa.Column("reconnaissance_notes", sa.String(), nullable=False),
        sa.Column("safety_notes", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("created_by_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_contact_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_alias_id"], ["alias.id"], name=op.f("fk_contact_created_by_alias_id_alias")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_contact_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(
            "ix_contact_source_occurred", ["source_id", "occurred_at"], unique=False
        )

    op.create_table(
        "reliability_review",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("reviewed_at", sa.String(length=27), nullable=False),
        sa.Column("evaluation", sa.String(length=8), nullable=False),
        sa.Column("rationale", sa.String(), nullable=False),
        sa.Column("reviewed_by_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_reliability_review_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_alias_id"],
            ["alias.id"],
            name=op.f("fk_reliability_review_reviewed_by_alias_id_alias"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_reliability_review_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reliability_review")),
    )
    with op.batch_alter_table("reliability_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reliability_review_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reliability_review_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "risk_assessment",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("assessed_at", sa.String(length=27), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "low",
                "medium",
                "high",
                "critical",
                name="risk_level",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("threats", sa.String(), nullable=False),
        sa.Column("mitigations", sa.String(), nullable=False),
        sa.Column("welfare_notes", sa.String(), nullable=False),
        sa.Column("review_on", sa.String(length=10), nullable=False),
        sa.Column("assessed_by_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessed_by_alias_id"],
            ["alias.id"],
            name=op.f("fk_risk_assessment_assessed_by_alias_id_alias"),
        ),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_risk_assessment_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_risk_assessment_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_assessment")),
    )
    with op.batch_alter_table("risk_assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_risk_assessment_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_risk_assessment_review_on"), ["review_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_risk_assessment_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "runner_assignment",
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("alias_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("assigned_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(
            ["alias_id"],
            ["alias.id"],
            name=op.f("fk_runner_assignment_alias_id_alias"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_runner_assignment_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("source_id", "alias_id", name=op.f("pk_runner_assignment")),
    )
    op.create_table(
        "source_instruction",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("given_at", sa.String(length=27), nullable=False),
        sa.Column("given_by_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("acknowledged_at", sa.String(length=27), nullable=True),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_source_instruction_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["given_by_alias_id"],
            ["alias.id"],
            name=op.f("fk_source_instruction_given_by_alias_id_alias"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_source_instruction_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_instruction")),
    )
    with op.batch_alter_table("source_instruction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_source_instruction_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_source_instruction_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "contact_attendee",
        sa.Column("contact_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("alias_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["alias_id"],
            ["alias.id"],
            name=op.f("fk_contact_attendee_alias_id_alias"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_attendee_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", "alias_id", name=op.f("pk_contact_attendee")),
    )
    op.create_table(
        "debrief",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("contact_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "submitted",
                "approved",
                "returned",
                name="debrief_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("narrative", sa.String(), nullable=False),
        sa.Column("welfare_observations", sa.String(), nullable=False),
        sa.Column("security_observations", sa.String(), nullable=False),
        sa.Column("runner_assessment", sa.String(), nullable=False),
        sa.Column("critical_reflection", sa.String(), nullable=False),
        sa.Column("author_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("submitted_at", sa.String(length=27), nullable=True),
        sa.Column("reviewed_at", sa.String(length=27), nullable=True),
        sa.Column("reviewer_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("review_comment", sa.String(), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_alias_id"], ["alias.id"], name=op.f("fk_debrief_author_alias_id_alias")
        ),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_debrief_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_debrief_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_alias_id"], ["alias.id"], name=op.f("fk_debrief_reviewer_alias_id_alias")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_debrief_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debrief")),
    )
    with op.batch_alter_table("debrief", schema=None) as batch_op:
        batch_op.create_index(
            "ix_debrief_compartment_created", ["compartment_id", "created_at", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_debrief_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(
            "ix_debrief_created", ["created_at", "id", "compartment_id"], unique=False
        )
        batch_op.create_index(
            "ix_debrief_source_created", ["source_id", "created_at"], unique=False
        )

    op.create_table(
        "addendum",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("debrief_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("author_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_alias_id"], ["alias.id"], name=op.f("fk_addendum_author_alias_id_alias")
        ),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_addendum_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["debrief_id"],
            ["debrief.id"],
            name=op.f("fk_addendum_debrief_id_debrief"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_addendum")),
    )
    with op.batch_alter_table("addendum", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_addendum_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_addendum_debrief_id"), ["debrief_id"], unique=False)

    op.create_table(
        "intelligence_item",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("debrief_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("sanitised_text", sa.String(), nullable=False),
        sa.Column(
            "scheme",
            sa.Enum(
                "3x5x2",
                "5x5x5",
                "admiralty",
                name="grading_scheme",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("source_evaluation", sa.String(length=4), nullable=False),
        sa.Column("intelligence_assessment", sa.String(length=4), nullable=False),
        sa.Column("handling_code", sa.String(length=4), nullable=False),
        sa.Column("handling_conditions", sa.String(), nullable=False),
        sa.Column(
            "corroboration",
            sa.Enum(
                "unchecked",
                "corroborated",
                "contradicted",
                name="corroboration",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("exculpatory", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_intelligence_item_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["debrief_id"],
            ["debrief.id"],
            name=op.f("fk_intelligence_item_debrief_id_debrief"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intelligence_item")),
    )
    with op.batch_alter_table("intelligence_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_intelligence_item_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_intelligence_item_debrief_id"), ["debrief_id"], unique=False
        )

    op.create_table(
        "payment",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("debrief_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "reward",
                "expense",
                "offer",
                name="payment_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("occurred_on", sa.String(length=10), nullable=False),
        sa.Column("witness_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("approved_by_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["approved_by_alias_id"],
            ["alias.id"],
            name=op.f("fk_payment_approved_by_alias_id_alias"),
        ),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_payment_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["debrief_id"],
            ["debrief.id"],
            name=op.f("fk_payment_debrief_id_debrief"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_payment_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["witness_alias_id"], ["alias.id"], name=op.f("fk_payment_witness_alias_id_alias")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment")),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payment_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_payment_debrief_id"), ["debrief_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_source_id"), ["source_id"], unique=False)

    op.create_table(
        "tasking",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("debrief_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("limits", sa.String(), nullable=False),
        sa.Column("deadline", sa.String(length=10), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "done",
                "cancelled",
                name="tasking_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("created_by_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("closed_at", sa.String(length=27), nullable=True),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_tasking_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_alias_id"], ["alias.id"], name=op.f("fk_tasking_created_by_alias_id_alias")
        ),
        sa.ForeignKeyConstraint(
            ["debrief_id"],
            ["debrief.id"],
            name=op.f("fk_tasking_debrief_id_debrief"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_tasking_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasking")),
    )
    with op.batch_alter_table("tasking", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tasking_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_tasking_deadline"), ["deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_tasking_debrief_id"), ["debrief_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tasking_source_id"), ["source_id"], unique=False)

    op.create_table(
        "item_subject",
        sa.Column("item_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("subject_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["intelligence_item.id"],
            name=op.f("fk_item_subject_item_id_intelligence_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["subject.id"],
            name=op.f("fk_item_subject_subject_id_subject"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", "subject_id", name=op.f("pk_item_subject")),
    )
    with op.batch_alter_table("item_subject", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_item_subject_subject_id"), ["subject_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("item_subject", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_subject_subject_id"))

    op.drop_table("item_subject")
    with op.batch_alter_table("tasking", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tasking_source_id"))
        batch_op.drop_index(batch_op.f("ix_tasking_debrief_id"))
        batch_op.drop_index(batch_op.f("ix_tasking_deadline"))
        batch_op.drop_index(batch_op.f("ix_tasking_compartment_id"))

    op.drop_table("tasking")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_source_id"))
        batch_op.drop_index(batch_op.f("ix_payment_debrief_id"))
        batch_op.drop_index(batch_op.f("ix_payment_compartment_id"))

    op.drop_table("payment")
    with op.batch_alter_table("intelligence_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intelligence_item_debrief_id"))
        batch_op.drop_index(batch_op.f("ix_intelligence_item_compartment_id"))

    op.drop_table("intelligence_item")
    with op.batch_alter_table("addendum", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_addendum_debrief_id"))
        batch_op.drop_index(batch_op.f("ix_addendum_compartment_id"))

    op.drop_table("addendum")
    with op.batch_alter_table("debrief", schema=None) as batch_op:
        batch_op.drop_index("ix_debrief_source_created")
        batch_op.drop_index("ix_debrief_created")
        batch_op.drop_index(batch_op.f("ix_debrief_contact_id"))
        batch_op.drop_index("ix_debrief_compartment_created")

    op.drop_table("debrief")
    op.drop_table("contact_attendee")
    with op.batch_alter_table("source_instruction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_instruction_source_id"))
        batch_op.drop_index(batch_op.f("ix_source_instruction_compartment_id"))

    op.drop_table("source_instruction")
    op.drop_table("runner_assignment")
    with op.batch_alter_table("risk_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_risk_assessment_source_id"))
        batch_op.drop_index(batch_op.f("ix_risk_assessment_review_on"))
        batch_op.drop_index(batch_op.f("ix_risk_assessment_compartment_id"))

    op.drop_table("risk_assessment")
    with op.batch_alter_table("reliability_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reliability_review_source_id"))
        batch_op.drop_index(batch_op.f("ix_reliability_review_compartment_id"))

    op.drop_table("reliability_review")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_source_occurred")
        batch_op.drop_index(batch_op.f("ix_contact_compartment_id"))

    op.drop_table("contact")
    with op.batch_alter_table("compartment_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_compartment_member_alias_id"))

    op.drop_table("compartment_member")
    with op.batch_alter_table("true_identity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_true_identity_compartment_id"))

    op.drop_table("true_identity")
    with op.batch_alter_table("alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alias_source_id"))
        batch_op.drop_index(batch_op.f("ix_alias_compartment_id"))

    op.drop_table("alias")
    with op.batch_alter_table("subject", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subject_normalised"))
        batch_op.drop_index(batch_op.f("ix_subject_compartment_id"))

    op.drop_table("subject")
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_suitability_review_on"))
        batch_op.drop_index(batch_op.f("ix_source_contract_review_on"))
        batch_op.drop_index(batch_op.f("ix_source_compartment_id"))

    op.drop_table("source")
    op.drop_table("vault_meta")
    op.drop_table("setting")
    op.drop_table("compartment")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_record_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_compartment_id"))

    op.drop_table("audit_event")
