"""deconfliction notices: matches the central system told this handler's vault

One row per match of blind deconfliction, as the newest ``deconfliction-notice``
package told it: which of this team's sources, the kind of attribute shared, the
other team (or the other source, within this team), and the latest decision.
Never a token, never another team's source.

Revision ID: 0016_deconfliction_notices
Revises: 0015_deconfliction
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_deconfliction_notices"
down_revision = "0015_deconfliction"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deconfliction_notice",
        sa.Column("match_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("other_team", sa.String(200), nullable=False),
        sa.Column("other_source", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("opened_at", sa.String(length=27), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("decided_at", sa.String(length=27), nullable=True),
        sa.Column("why", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("received_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("match_id", name="pk_deconfliction_notice"),
    )
    op.create_index("ix_deconfliction_notice_source_id", "deconfliction_notice", ["source_id"])


def downgrade() -> None:
    op.drop_index("ix_deconfliction_notice_source_id", "deconfliction_notice")
    op.drop_table("deconfliction_notice")
