"""Staff roles never log in to the database themselves.

A staff role that logged in with a password (``central grant --password-file``,
removed) could read around the access log, and its own queries could count what
row-level security later hides: ``EXPLAIN ANALYZE`` of a full-text match reports
the index entries found before the policy filters them, in every team
(docs/security.md, "Staff read through the commands only"). Every role holding a
team grant is made NOLOGIN and its password dropped; ``central grant`` refuses a
role that can log in.

The downgrade changes nothing: the passwords are gone, and a role's login is the
administrator's to give again by hand.

Revision ID: c0011_staff_nologin
Revises: c0010_record_owners
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "c0011_staff_nologin"
down_revision = "c0010_record_owners"
branch_labels = None
depends_on = None

UP = """
DO $$
DECLARE
    staff text;
BEGIN
    FOR staff IN
        SELECT DISTINCT r.rolname FROM central.team_grants g
        JOIN pg_roles r ON r.rolname = g.role_name
        WHERE r.rolcanlogin AND NOT r.rolsuper AND r.rolname <> current_user
    LOOP
        EXECUTE format('ALTER ROLE %I NOLOGIN PASSWORD NULL', staff);
    END LOOP;
END $$;
"""


def upgrade() -> None:
    op.execute(UP)


def downgrade() -> None:
    pass
