"""management reports in the register: ``issued_report.kind`` may be ``management``

A handler's management report is issued like the debrief reports: a report id on
every page, an integrity block, a row in the register, so ``report verify``
confirms it and refuses an altered copy. SQLite cannot change a CHECK constraint
in place, so the table is rebuilt (its rows copied as they are); the append-only
triggers go with the old table and are made again.

Revision ID: 0018_management_reports
Revises: 0017_sent_tokens
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0018_management_reports"
down_revision = "0017_sent_tokens"
branch_labels = None
depends_on = None

_CHECK = "ck_issued_report_report_kind"


def _triggers(action: str) -> None:
    for verb in ("UPDATE", "DELETE"):
        name = f"issued_report_no_{verb.lower()}"
        if action == "drop":
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
            continue
        op.execute(
            f"""
            CREATE TRIGGER {name} BEFORE {verb} ON issued_report BEGIN
                SELECT RAISE(ABORT, 'the report register is append-only');
            END
            """
        )


def _kinds(*kinds: str) -> None:
    _triggers("drop")
    with op.batch_alter_table("issued_report", recreate="always") as batch_op:
        batch_op.drop_constraint(op.f(_CHECK), type_="check")
        listed = ", ".join(f"'{k}'" for k in kinds)
        batch_op.create_check_constraint(op.f(_CHECK), f"kind IN ({listed})")
    _triggers("create")


def upgrade() -> None:
    _kinds("internal", "sanitised", "management")


def downgrade() -> None:
    # Fails (and the step is not taken) while the register holds a management report.
    _kinds("internal", "sanitised")
