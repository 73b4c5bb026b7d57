"""shared codenames: two sources may have the same codename

Two runners may use the same codename for different people; a handler's vault
keeps both and tells them apart by id (issue 17). The table is rebuilt without
its unique constraint on ``codename`` (SQLite cannot drop a constraint in place);
``app.vault.migrate`` turns foreign keys off for the step and checks them after,
so no row that refers to a source is touched. A codename made in this vault is
still refused when the vault holds it (``sources.create_source``): only packages
bring a second one.

Revision ID: 0012_shared_codenames
Revises: 0011_sent_format
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0012_shared_codenames"
down_revision = "0011_sent_format"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source", recreate="always") as batch_op:
        batch_op.drop_constraint("uq_source_codename", type_="unique")


def downgrade() -> None:
    # Fails (and the step is not taken) while two sources share a codename.
    with op.batch_alter_table("source", recreate="always") as batch_op:
        batch_op.create_unique_constraint("uq_source_codename", ["codename"])
