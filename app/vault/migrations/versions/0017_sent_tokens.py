"""sent tokens: which blind deconfliction tokens of each source went out last

``sent_tokens`` holds, per source, the SHA-256 of the ``deconfliction`` member
(docs/package-format.md, section 7.7) of the last package that carried the
source, and that package's id. An export of everything new carries a source
whose tokens differ from what was sent (a new key, an identity recorded or
changed) even when none of its records changed.

The normalisation of identities changed with this revision (transliterated
letters such as ø, ł and æ; phone numbers after a prefix; month names): the
current key's tokens are marked as not yet recomputed, so ``keys deconfliction
show`` and the app ask for the recompute (it needs the passphrase).

Revision ID: 0017_sent_tokens
Revises: 0016_deconfliction_notices
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_sent_tokens"
down_revision = "0016_deconfliction_notices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sent_tokens",
        sa.Column("source_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name="fk_sent_tokens_source_id_source",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("source_id", name="pk_sent_tokens"),
    )
    op.execute(
        "UPDATE deconfliction_key SET recomputed_at = NULL "
        "WHERE retired_at IS NULL AND EXISTS (SELECT 1 FROM true_identity)"
    )


def downgrade() -> None:
    op.drop_table("sent_tokens")
