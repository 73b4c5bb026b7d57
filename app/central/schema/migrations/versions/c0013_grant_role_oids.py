"""A team grant belongs to the role it was given to, not to its name.

``central.team_grants`` named the role by its text, and the policies matched
``current_user``: a staff role dropped (``DROP OWNED BY ivan; DROP ROLE ivan``)
and a new role made later under the same name read the old one's teams. Each
grant now keeps the role's OID as well (filled from its name when the grant is
written, by trigger), and ``central.my_teams()`` and the grants' own policy
match the OID of ``current_user``: a grant outlives its role only as a row that
matches nobody (``central grant`` of the name removes such rows, and says so).

Grants already held are bound to the roles that hold those names now; a grant
whose role is gone matches nobody from here on.

A grant restored into another cluster names that cluster's OIDs: it matches
nobody there until granted again (docs/central.md, "Backup and restore").

Revision ID: c0013_grant_role_oids
Revises: c0012_search_cap
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "c0013_grant_role_oids"
down_revision = "c0012_search_cap"
branch_labels = None
depends_on = None

_MY_TEAMS = """
CREATE OR REPLACE FUNCTION central.my_teams() RETURNS integer[] LANGUAGE sql STABLE
    SECURITY INVOKER
    AS $$ SELECT coalesce(array_agg(team_id), '{}') FROM central.team_grants
          WHERE role_name = current_user
          AND role_oid = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user) $$;
"""
_MY_TEAMS_BEFORE = """
CREATE OR REPLACE FUNCTION central.my_teams() RETURNS integer[] LANGUAGE sql STABLE
    SECURITY INVOKER
    AS $$ SELECT coalesce(array_agg(team_id), '{}') FROM central.team_grants
          WHERE role_name = current_user $$;
"""

UP = r"""
ALTER TABLE central.team_grants ADD COLUMN role_oid oid;
UPDATE central.team_grants g SET role_oid = r.oid FROM pg_catalog.pg_roles r
    WHERE r.rolname = g.role_name;

-- The role a grant is written for is the one holding the name at that moment.
CREATE FUNCTION central.team_grant_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.role_oid := (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = NEW.role_name);
    RETURN NEW;
END $$;
CREATE TRIGGER team_grants_role BEFORE INSERT OR UPDATE OF role_name, role_oid
    ON central.team_grants FOR EACH ROW EXECUTE FUNCTION central.team_grant_role();

ALTER POLICY own_grants ON central.team_grants USING (role_name = current_user
    AND role_oid = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user));
"""

DOWN = r"""
ALTER POLICY own_grants ON central.team_grants USING (role_name = current_user);
DROP TRIGGER team_grants_role ON central.team_grants;
DROP FUNCTION central.team_grant_role();
"""


def upgrade() -> None:
    op.execute(UP)
    op.execute(_MY_TEAMS)


def downgrade() -> None:
    op.execute(_MY_TEAMS_BEFORE)
    op.execute(DOWN)
    op.execute("ALTER TABLE central.team_grants DROP COLUMN role_oid")
