"""A match between two teams is decided per team, and staff read matches only
through a view that masks the other team.

Before, one team's decision closed a match for both (the other team's vault
lost it with no reason given), and a staff role read ``deconfliction_matches``
and ``deconfliction_decisions`` by plain SQL: the other team's source id, and
the other team's reasons and staff names, came back.

Now each decision names the teams it decides for (``teams``: those of the
match's two the decider is granted), and a match stays open for a team until
that team decides. ``central.match_states`` holds one row per match and team
of the match: that team's source, the other team (its source only for a match
within one team), that team's latest decision (who, why, when) and of the
other team only what it decided and when. It is a security-barrier view: a
staff role sees the rows of its granted teams only, the administrator (the
tables' owner) every row. Staff lose SELECT on the two tables and get the view.

Decisions made before this revision are kept for the decider's teams among the
match's two as granted now; a decider granted neither keeps deciding for both
(what the notices already told). The matches' columns of the latest decision
(``resolution``, ``resolved_at``, ``resolved_by``) go: the decisions hold it.

Revision ID: c0015_match_per_team
Revises: c0014_no_truncate
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "c0015_match_per_team"
down_revision = "c0014_no_truncate"
branch_labels = None
depends_on = None

# A decision's teams: those of the match's two its decider is granted now, or
# (granted neither) both, as the notices told.
_BACKFILL = """
ALTER TABLE central.deconfliction_decisions ADD COLUMN teams integer[];
-- Filled once, here (the table is append-only otherwise).
ALTER TABLE central.deconfliction_decisions DISABLE TRIGGER deconfliction_decisions_append_only;
UPDATE central.deconfliction_decisions d SET teams = coalesce(
    (SELECT array_agg(DISTINCT x ORDER BY x) FROM central.deconfliction_matches m,
            unnest(ARRAY[m.team_a, m.team_b]) AS u(x)
     WHERE m.id = d.match_id
       AND x IN (SELECT g.team_id FROM central.team_grants g WHERE g.role_name = d.decided_by)),
    (SELECT array_agg(DISTINCT x ORDER BY x) FROM central.deconfliction_matches m,
            unnest(ARRAY[m.team_a, m.team_b]) AS u(x)
     WHERE m.id = d.match_id));
ALTER TABLE central.deconfliction_decisions ENABLE TRIGGER deconfliction_decisions_append_only;
ALTER TABLE central.deconfliction_decisions ALTER COLUMN teams SET NOT NULL,
    ADD CONSTRAINT deconfliction_decisions_teams CHECK (cardinality(teams) BETWEEN 1 AND 2);
"""

UP = r"""
ALTER TABLE central.deconfliction_matches DROP COLUMN resolution, DROP COLUMN resolved_at,
    DROP COLUMN resolved_by;

CREATE VIEW central.match_states WITH (security_barrier) AS
SELECT m.id AS match_id, m.kind, s.team_id,
       CASE WHEN s.team_id = m.team_a THEN m.source_a ELSE m.source_b END AS source_id,
       CASE WHEN s.team_id = m.team_a THEN m.team_b ELSE m.team_a END AS other_team_id,
       CASE WHEN m.team_a = m.team_b THEN m.source_b END AS other_source_id,
       m.opened_at,
       coalesce(d.resolution, 'open') AS status, d.at AS decided_at, d.decided_by, d.why,
       CASE WHEN m.team_a <> m.team_b THEN coalesce(o.resolution, 'open') END AS other_status,
       o.at AS other_decided_at
FROM central.deconfliction_matches m
CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[m.team_a, m.team_b]) AS u(x)) s(team_id)
LEFT JOIN LATERAL (
    SELECT e.resolution, e.at, e.decided_by, e.why FROM central.deconfliction_decisions e
    WHERE e.match_id = m.id AND s.team_id = ANY (e.teams)
    ORDER BY e.at DESC, e.id DESC LIMIT 1) d ON true
LEFT JOIN LATERAL (
    SELECT e.resolution, e.at FROM central.deconfliction_decisions e
    WHERE e.match_id = m.id AND m.team_a <> m.team_b
      AND (CASE WHEN s.team_id = m.team_a THEN m.team_b ELSE m.team_a END) = ANY (e.teams)
    ORDER BY e.at DESC, e.id DESC LIMIT 1) o ON true
-- A staff role: its granted teams' rows. The administrator (the tables' owner, which
-- no staff role may be a member of: access.refuse_logins): every row.
WHERE s.team_id = ANY (central.my_teams())
   OR pg_has_role(current_user, (SELECT c.relowner FROM pg_catalog.pg_class c
                                 WHERE c.oid = 'central.deconfliction_matches'::regclass),
                  'USAGE');
"""

_STAFF = """
DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT DISTINCT g.role_name FROM central.team_grants g
             JOIN pg_catalog.pg_roles p ON p.rolname = g.role_name LOOP
        EXECUTE format({statement}, r);
    END LOOP;
END $$;
"""

DOWN = r"""
DROP VIEW central.match_states;
ALTER TABLE central.deconfliction_matches ADD COLUMN resolution text
        CHECK (resolution IN ('same', 'different')),
    ADD COLUMN resolved_at timestamptz, ADD COLUMN resolved_by text,
    ADD CHECK ((resolution IS NULL) = (resolved_at IS NULL));
UPDATE central.deconfliction_matches m SET resolution = d.resolution, resolved_at = d.at,
    resolved_by = d.decided_by
FROM (SELECT DISTINCT ON (match_id) match_id, resolution, at, decided_by
      FROM central.deconfliction_decisions ORDER BY match_id, at DESC, id DESC) d
WHERE d.match_id = m.id;
ALTER TABLE central.deconfliction_decisions DROP CONSTRAINT deconfliction_decisions_teams;
ALTER TABLE central.deconfliction_decisions DROP COLUMN teams;
"""


def upgrade() -> None:
    op.execute(_BACKFILL)
    op.execute(UP)
    op.execute(
        _STAFF.format(
            statement="'REVOKE SELECT ON central.deconfliction_matches, "
            "central.deconfliction_decisions FROM %I'"
        )
    )
    op.execute(_STAFF.format(statement="'GRANT SELECT ON central.match_states TO %I'"))


def downgrade() -> None:
    op.execute(_STAFF.format(statement="'REVOKE SELECT ON central.match_states FROM %I'"))
    op.execute(
        _STAFF.format(
            statement="'GRANT SELECT ON central.deconfliction_matches, "
            "central.deconfliction_decisions TO %I'"
        )
    )
    op.execute(DOWN)
