"""Payments inside format 2 debriefs, found for the management report.

Format 2 carried a debrief's payments inside the debrief (format 3 sends them as
records of the source's file: ``record_versions``). The report counts those of
the newest version of each debrief; this partial index finds the versions that
carry any (a format 2 debrief has the list, mostly empty) without reading every
version's JSON. Where every package is of format 3 it is empty, and costs an
ingest one test per row.

Revision ID: c0009_v2_payments
Revises: c0008_event_teams
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "c0009_v2_payments"
down_revision = "c0008_event_teams"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX debrief_versions_v2_payments ON central.debrief_versions "
        "(debrief_id, version) WHERE data -> 'payments' <> '[]'::jsonb"
    )


def downgrade() -> None:
    op.execute("DROP INDEX central.debrief_versions_v2_payments")
