"""search backfill: index what was written before the search triggers existed

Migration 0002 created the search index and its triggers but did not index rows
already in the vault, so a vault filled before 0002 and migrated found nothing.
This adds the missing search documents (only rows that have none). The index is
derived data: downgrading leaves it as it is.

Revision ID: 0006_search_backfill
Revises: 0005_packages
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0006_search_backfill"
down_revision = "0005_packages"
branch_labels = None
depends_on = None

# (table, kind code, text column, debrief id expression): as in 0002_search.
_INDEXED = (
    ("debrief", "narrative", "narrative", "t.id"),
    ("intelligence_item", "item", "text", "t.debrief_id"),
    ("subject", "subject", "name", "NULL"),
    ("addendum", "addendum", "text", "t.debrief_id"),
)


def upgrade() -> None:
    for table, kind, column, debrief in _INDEXED:
        op.execute(
            f"""
            INSERT INTO search_doc (kind, ref_id, debrief_id, compartment_id)
            SELECT '{kind}', t.id, {debrief}, t.compartment_id FROM {table} t
            WHERE NOT EXISTS (SELECT 1 FROM search_doc d WHERE d.ref_id = t.id)
            """
        )
        op.execute(
            f"""
            INSERT INTO search_fts (rowid, body)
            SELECT d.doc, coalesce(t.{column}, '') FROM search_doc d
            JOIN {table} t ON t.id = d.ref_id
            WHERE d.kind = '{kind}'
              AND NOT EXISTS (SELECT 1 FROM search_fts f WHERE f.rowid = d.doc)
            """
        )


def downgrade() -> None:
    pass  # derived data, kept: see the docstring
