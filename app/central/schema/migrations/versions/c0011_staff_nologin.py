"""Staff roles never log in to the database themselves.

A staff role that could log in (``central grant --password-file``, removed), or
that a login role was granted, could read around the access log, and its own
queries could count what row-level security later hides: ``EXPLAIN ANALYZE`` of
a full-text match reports the index entries found before the policy filters
them, in every team (docs/security.md, "Staff read through the commands only").
``central grant`` now refuses such a role, and reading as one is refused.

Roles are the whole server's (other databases may use them) and altering one
that this store did not make may not be allowed (PostgreSQL 16), so this step
changes no role: what this store gave such a role is taken back (its team
grants, its table and schema rights), with an entry in the access log. The
administrator running it is never touched. Grant the team again to a NOLOGIN
role.

The downgrade gives nothing back: the grants are gone (the access log says
which), to be made again by hand.

Revision ID: c0011_staff_nologin
Revises: c0010_record_owners
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "c0011_staff_nologin"
down_revision = "c0010_record_owners"
branch_labels = None
depends_on = None

# What ``central grant`` gave a staff role up to this revision (access.READABLE).
_READABLE = (
    "teams", "team_grants", "packages", "package_files", "sources", "debriefs",
    "debrief_versions", "record_versions", "audit_events", "deconfliction_matches",
    "deconfliction_decisions", "debrief_facts", "item_grades", "grade_codes",
)  # fmt: skip

# The granted roles that a login can act as: themselves, or through membership.
_LOGGED_IN_STAFF = """
WITH RECURSIVE acting(staff, oid) AS (
    SELECT DISTINCT g.role_name, r.oid FROM central.team_grants g
    JOIN pg_roles r ON r.rolname = g.role_name
    UNION
    SELECT a.staff, m.member FROM pg_auth_members m JOIN acting a ON m.roleid = a.oid
)
SELECT DISTINCT a.staff FROM acting a JOIN pg_roles r ON r.oid = a.oid
WHERE r.rolcanlogin AND NOT r.rolsuper AND r.rolname <> current_user
  AND a.staff <> current_user
ORDER BY a.staff
"""


def upgrade() -> None:
    conn = op.get_bind()
    tables = ", ".join(f"central.{t}" for t in _READABLE)
    for (staff,) in conn.execute(text(_LOGGED_IN_STAFF)).all():
        quoted = '"' + staff.replace('"', '""') + '"'
        conn.execute(text("DELETE FROM central.team_grants WHERE role_name = :r"), {"r": staff})
        conn.execute(text(f"REVOKE SELECT ON {tables} FROM {quoted}"))  # noqa: S608
        conn.execute(text(f"REVOKE USAGE ON SCHEMA central FROM {quoted}"))
        conn.execute(
            text(
                "INSERT INTO central.access_log (at, who, what, why, team, prev_hash, hash, id) "
                "VALUES (now(), 'c0011_staff_nologin', :what, :why, '', '', '', 0)"
            ),
            {
                "what": f"revoke {staff} every team",
                "why": "a login can act as this role (staff read through the commands only)",
            },
        )


def downgrade() -> None:
    pass
