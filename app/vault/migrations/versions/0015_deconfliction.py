"""deconfliction: the unit deconfliction keys this vault received, and each
source's blind tokens under them (issue 20)

``deconfliction_key`` holds the secret of each key (inside the encrypted database
only) with its Argon2id parameters; the current key has no ``retired_at``.
``source_token`` holds the tokens of a source's normalised identity attributes,
never the attributes themselves.

Revision ID: 0015_deconfliction
Revises: 0014_handover
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_deconfliction"
down_revision = "0014_handover"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deconfliction_key",
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        sa.Column("memory_kib", sa.Integer(), nullable=False),
        sa.Column("iterations", sa.Integer(), nullable=False),
        sa.Column("lanes", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("replaces", sa.String(32), nullable=False, server_default=""),
        sa.Column("received_at", sa.String(length=27), nullable=False),
        sa.Column("from_peer_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("recomputed_at", sa.String(length=27), nullable=True),
        sa.Column("retired_at", sa.String(length=27), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name="pk_deconfliction_key"),
    )
    op.create_table(
        "source_token",
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name="fk_source_token_source_id_source",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["deconfliction_key.key_id"],
            name="fk_source_token_key_id_deconfliction_key",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("source_id", "key_id", "kind", "token", name="pk_source_token"),
    )
    op.create_index("ix_source_token_key_id", "source_token", ["key_id"])


def downgrade() -> None:
    op.drop_index("ix_source_token_key_id", "source_token")
    op.drop_table("source_token")
    op.drop_table("deconfliction_key")
