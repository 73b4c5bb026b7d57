"""Search under row-level security at unit scale.

1. Every policy reads the caller's teams once per query, not once per row: the
   policies said ``team_id = ANY (central.my_teams())``, and PostgreSQL runs a
   SQL function in a filter again for every row (a search joining 1,000 versions
   to their debriefs and sources ran it 2,000 times, half the search's time).
   ``(SELECT central.my_teams())`` is the same condition, evaluated once (an
   InitPlan) and still an index condition. Who sees what does not change.

2. The text-search match (``tsvector @@ tsquery``, the function ``ts_match_vq``)
   is declared LEAKPROOF, when the migration runs as a superuser (the embedded
   cluster's administrator is one; on an existing server whose administrator is
   not, nothing changes and search reads a team's versions without the full-text
   index, correct but slower). Under a policy, PostgreSQL applies a condition
   that is not leakproof only after the policy's own, so a staff role's search
   could never use the full-text index. Declaring it leakproof is a reviewed
   decision (docs/security.md, "Search under row-level security"): the function
   returns true or false and raises no error that depends on the rows' data, so
   running it on a row the policy then hides tells the caller nothing. The policy
   still decides which rows come back (tests/central/test_central_search_rls.py).

Revision ID: c0006_search_rls
Revises: c0005_search
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "c0006_search_rls"
down_revision = "c0005_search"
branch_labels = None
depends_on = None

_TEAM_TABLES = (
    "packages",
    "package_files",
    "sources",
    "debriefs",
    "debrief_versions",
    "record_versions",
    "audit_events",
    "debrief_facts",
    "item_grades",
)
_ONCE = "CAST((SELECT central.my_teams()) AS integer[])"
_PER_ROW = "central.my_teams()"


def _policies(teams: str) -> str:
    sql = [
        f"ALTER POLICY granted_teams ON central.{t} USING (team_id = ANY ({teams}));"
        for t in _TEAM_TABLES
    ]
    sql.append(f"ALTER POLICY granted_teams ON central.teams USING (id = ANY ({teams}));")
    sql.append(
        "ALTER POLICY granted_teams ON central.deconfliction_matches "
        f"USING (team_a = ANY ({teams}) OR team_b = ANY ({teams}));"
    )
    return "\n".join(sql)


_LEAKPROOF = r"""
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) {setting};
    END IF;
END $$;
"""


def upgrade() -> None:
    op.execute(_policies(_ONCE))
    op.execute(_LEAKPROOF.replace("{setting}", "LEAKPROOF"))


def downgrade() -> None:
    op.execute(_LEAKPROOF.replace("{setting}", "NOT LEAKPROOF"))
    op.execute(_policies(_PER_ROW))
