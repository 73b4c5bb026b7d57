"""The sealed file's pieces may come before their package's row in one
transaction: ``central ingest`` copies the file in while it verifies the package
(``app.central.sealed_file``), and only that transaction defers the check of the
pieces' foreign key to its commit (``SET CONSTRAINTS ... DEFERRED``); every other
statement is checked as before, at once.

Revision ID: c0018_evidence_first
Revises: c0017_key_register
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "c0018_evidence_first"
down_revision = "c0017_key_register"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE central.package_files ALTER CONSTRAINT package_files_package_id_fkey "
        "DEFERRABLE INITIALLY IMMEDIATE"
    )


def downgrade() -> None:
    op.execute(
        "ALTER TABLE central.package_files ALTER CONSTRAINT package_files_package_id_fkey "
        "NOT DEFERRABLE"
    )
