"""packages: signing and receiving keys, peers, package log, receipts

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
