"""packages (reserved, empty): the package tables arrived later, in 0005_packages

Revision ID: 0003_packages
Revises: 0002_search
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0003_packages"
down_revision = "0002_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
