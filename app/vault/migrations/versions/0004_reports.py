"""reports: register of issued reports and sanitised-report approvals

The register (``issued_report``) is append-only at the SQL level, like the audit
log: a report that left the vault cannot be unrecorded or re-pointed at other
bytes.

Revision ID: 0004_reports
Revises: 0003_packages
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_reports"
down_revision = "0003_packages"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)


def upgrade() -> None:
    op.create_table(
        "report_approval",
        sa.Column(
            "status",
            _enum("approval_status", "pending", "approved", "rejected", "issued"),
            nullable=False,
        ),
        sa.Column("marking", sa.String(length=40), nullable=False),
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("period_from", sa.String(length=10), nullable=True),
        sa.Column("period_to", sa.String(length=10), nullable=True),
        sa.Column("debrief_ids", sa.String(), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("requested_by_alias_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("requested_at", sa.String(length=27), nullable=False),
        sa.Column("decided_by_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("decided_at", sa.String(length=27), nullable=True),
        sa.Column("decision_note", sa.String(), nullable=False),
        sa.Column("issued_report_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_alias_id"],
            ["alias.id"],
            name=op.f("fk_report_approval_decided_by_alias_id_alias"),
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_alias_id"],
            ["alias.id"],
            name=op.f("fk_report_approval_requested_by_alias_id_alias"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_approval")),
    )
    with op.batch_alter_table("report_approval", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_approval_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_report_approval_status"), ["status"], unique=False)

    op.create_table(
        "issued_report",
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("kind", _enum("report_kind", "internal", "sanitised"), nullable=False),
        sa.Column("marking", sa.String(length=40), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("printed_by_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("printed_by", sa.String(length=80), nullable=False),
        sa.Column("printed_at", sa.String(length=27), nullable=False),
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("period_from", sa.String(length=10), nullable=True),
        sa.Column("period_to", sa.String(length=10), nullable=True),
        sa.Column("debrief_ids", sa.String(), nullable=False),
        sa.Column("approval_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.ForeignKeyConstraint(
            ["approval_id"],
            ["report_approval.id"],
            name=op.f("fk_issued_report_approval_id_report_approval"),
        ),
        sa.ForeignKeyConstraint(
            ["printed_by_alias_id"],
            ["alias.id"],
            name=op.f("fk_issued_report_printed_by_alias_id_alias"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_report")),
        sa.UniqueConstraint("pdf_sha256", name=op.f("uq_issued_report_pdf_sha256")),
    )
    with op.batch_alter_table("issued_report", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_issued_report_compartment_id"), ["compartment_id"], unique=False
        )
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"""
            CREATE TRIGGER issued_report_no_{verb.lower()} BEFORE {verb} ON issued_report BEGIN
                SELECT RAISE(ABORT, 'the report register is append-only');
            END
            """
        )


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS issued_report_no_{verb}")
    op.drop_table("issued_report")  # its indexes go with it
    op.drop_table("report_approval")
