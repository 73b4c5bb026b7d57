"""sent format: which package format each sent version of a record was encoded in

Package format 3 encodes a debrief without the taskings and payments it named
(they travel as records of their own), so the hash of a debrief sent in a
version 2 package is not the hash of the same debrief encoded today. Export and
purge compare a record with what went out; ``exported_record.format`` says in
which format to encode it for that comparison, so that upgrading Veldboek does not
make every sent debrief look changed (and go out again, or never be purged).
Rows from before this step went out in format 2.

Revision ID: 0011_sent_format
Revises: 0010_name_keys
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_sent_format"
down_revision = "0010_name_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "exported_record",
        sa.Column("format", sa.Integer(), server_default=sa.text("2"), nullable=False),
    )


def downgrade() -> None:
    # SQLite drops a column in place (3.35+).
    op.drop_column("exported_record", "format")
