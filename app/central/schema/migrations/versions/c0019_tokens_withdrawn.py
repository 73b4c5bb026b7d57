"""A source's tokens withdrawn: a package whose source says ``deconfliction: []``
(docs/package-format.md, section 7.7: its identity now gives no token under the
sender's current key) removes every token the store holds of that source, and
this table remembers when, so that an older package arriving late does not bring
them back (as a newer package's tokens are not replaced by an older one's).

Read by the administrator's ingest only: row-level security on, no policy, no
grant to staff.

Revision ID: c0019_tokens_withdrawn
Revises: c0018_evidence_first
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "c0019_tokens_withdrawn"
down_revision = "c0018_evidence_first"
branch_labels = None
depends_on = None

UP = r"""
CREATE TABLE central.deconfliction_withdrawn (
    source_id   uuid PRIMARY KEY,
    package_id  uuid NOT NULL REFERENCES central.packages(id),
    created_at  timestamptz NOT NULL     -- the withdrawing package's, as signed
);
ALTER TABLE central.deconfliction_withdrawn ENABLE ROW LEVEL SECURITY;
"""

DOWN = "DROP TABLE central.deconfliction_withdrawn;"


def upgrade() -> None:
    op.execute(UP)


def downgrade() -> None:
    op.execute(DOWN)
