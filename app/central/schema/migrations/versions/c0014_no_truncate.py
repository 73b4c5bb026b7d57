"""Evidence is not emptied by TRUNCATE either.

The append-only tables refused ``UPDATE`` and ``DELETE`` row by row, but a row
trigger does not fire on ``TRUNCATE``: ``TRUNCATE central.debrief_versions,
central.audit_events, …`` emptied them and nothing noticed. Each now refuses it
with a statement trigger, as ``access_log`` (c0001), ``packages`` and
``grade_codes`` (c0007) did.

Revision ID: c0014_no_truncate
Revises: c0013_grant_role_oids
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "c0014_no_truncate"
down_revision = "c0013_grant_role_oids"
branch_labels = None
depends_on = None

# Every table whose rows are never deleted (evidence, refusing UPDATE or DELETE by
# trigger; registered keys; matches; what central issued on its numbered
# channels), not yet guarded against TRUNCATE.
TABLES = (
    "package_files",
    "debrief_versions",
    "record_versions",
    "audit_events",
    "deconfliction_decisions",
    "record_owners",
    "senders",
    "deconfliction_matches",
    "receipts",
    "outgoing",
)


def upgrade() -> None:
    op.execute(
        "".join(
            f"CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON central.{t}\n"
            "    FOR EACH STATEMENT EXECUTE FUNCTION central.append_only();\n"
            for t in TABLES
        )
    )


def downgrade() -> None:
    op.execute("".join(f"DROP TRIGGER {t}_no_truncate ON central.{t};\n" for t in TABLES))
