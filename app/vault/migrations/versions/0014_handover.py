"""handover: a source handed from one runner to another

One row per handover package a vault sent, received as the new runner, or saw as
the handler (``direction`` out / in / seen). It outlives the source on the old
runner's laptop (the source is purged once the new runner's receipt arrives), so
that vault can still say the source was handed over, to whom and when; the
handler's row says who runs the source now.

Revision ID: 0014_handover
Revises: 0013_closing
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_handover"
down_revision = "0013_closing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_handover",
        sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("direction", sa.String(4), nullable=False),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("codename", sa.String(80), nullable=False),
        sa.Column("from_runner", sa.String(64), nullable=False),
        sa.Column("to_runner", sa.String(64), nullable=False),
        sa.Column("to_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("from_compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("identity", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("confirmed_at", sa.String(length=27), nullable=True),
        sa.Column("purged_at", sa.String(length=27), nullable=True),
        sa.PrimaryKeyConstraint("package_id", name="pk_source_handover"),
    )
    op.create_index("ix_source_handover_source_id", "source_handover", ["source_id"])


def downgrade() -> None:
    op.drop_index("ix_source_handover_source_id", "source_handover")
    op.drop_table("source_handover")
