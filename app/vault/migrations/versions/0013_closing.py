"""closing: a closed registration keeps its reason, its day and who decided

``source.closed_at`` (when the closing was recorded) was there from the start;
closing a registration now also records why (``close_reason``), the day it was
decided (``closed_on``) and the alias that decided (``closed_by_alias_id``), and
all of it travels to the handler in the source's registration record (package
format 3). Sources closed before this step keep ``closed_at`` with an empty
reason and no day or decider: that is all that was recorded.

Revision ID: 0013_closing
Revises: 0012_shared_codenames
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_closing"
down_revision = "0012_shared_codenames"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source") as batch_op:
        batch_op.add_column(
            sa.Column("close_reason", sa.String(), server_default=sa.text("''"), nullable=False)
        )
        batch_op.add_column(sa.Column("closed_on", sa.String(length=10), nullable=True))
        batch_op.add_column(
            sa.Column("closed_by_alias_id", sa.Uuid(native_uuid=False), nullable=True)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_source_closed_by_alias_id_alias"),
            "alias",
            ["closed_by_alias_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("source") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_source_closed_by_alias_id_alias"), type_="foreignkey"
        )
        batch_op.drop_column("closed_by_alias_id")
        batch_op.drop_column("closed_on")
        batch_op.drop_column("close_reason")
