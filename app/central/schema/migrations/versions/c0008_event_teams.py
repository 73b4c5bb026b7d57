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

revision = "c0008_event_teams"
down_revision = "c0007_ingest_checks"
branch_labels = None
depends_on = None


def _check(columns: dict[str, str], what: str) -> str:
    """The function of c0007's trigger ``audit_events_name_their_package``, over
    ``columns`` (the event's -> the package's)."""
    match = " AND ".join(f"t.{theirs} = r.{mine}" for mine, theirs in columns.items())
    return f"""
CREATE OR REPLACE FUNCTION central.audit_events_name_their_package() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT {", ".join(columns)} FROM fresh) r
               WHERE NOT EXISTS (SELECT 1 FROM central.packages t WHERE {match})) THEN
        RAISE EXCEPTION '{what}' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
"""  # noqa: S608 - fixed identifiers


UP = _check(
    {"package_id": "id", "sender": "sender", "team_id": "team_id"},
    "an audit event names no stored package of its sender and team",
)
DOWN = _check(
    {"package_id": "id", "sender": "sender"},
    "an audit event names no stored package of its sender",
)


def upgrade() -> None:
    op.execute(UP)


def downgrade() -> None:
    op.execute(DOWN)
