"""An audit event names a stored package of its sender *and of its team*.

Staff read audit events by their ``team_id`` (row-level security, c0001): an
event whose team differed from its package's would show one team's runner's
actions to another team's staff. Ingest always writes the sender's team, but the
check of c0007 (in place of the foreign keys) compared only the package and the
sender; it now compares the team as well, in the same one anti-join per
statement.

Revision ID: c0008_event_teams
Revises: c0007_ingest_checks
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

from app.central.schema.migrations.versions.c0007_ingest_checks import check_function

revision = "c0008_event_teams"
down_revision = "c0007_ingest_checks"
branch_labels = None
depends_on = None


_CHECK = "audit_events_name_their_package"  # c0007's
UP = check_function(
    _CHECK,
    {"package_id": "id", "sender": "sender", "team_id": "team_id"},
    "packages",
    "an audit event names no stored package of its sender and team",
    replace=True,
)
DOWN = check_function(
    _CHECK,
    {"package_id": "id", "sender": "sender"},
    "packages",
    "an audit event names no stored package of its sender",
    replace=True,
)


def upgrade() -> None:
    op.execute(UP)


def downgrade() -> None:
    op.execute(DOWN)
