"""reports: register of issued reports and sanitised-report approvals

Revision ID: 0004_reports
Revises: 0003_packages
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0004_reports"
down_revision = "0003_packages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
