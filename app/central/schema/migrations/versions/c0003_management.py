"""Management information: narrow facts of each debrief's newest version and of
its graded items, kept by a trigger as debrief versions arrive, so the
management report aggregates small typed rows with indexes instead of reading
and parsing every debrief's JSON.

``debrief_facts`` holds one row per debrief (the newest version held: an older
version arriving late never replaces it, as in ``central.debriefs``);
``item_grades`` one row per graded item of that version, with its debrief's team
and submission time beside it (the report groups items by submission time).
Both are filled by a statement-level trigger on ``debrief_versions`` (ingest's
COPY fires it once per package), and from what is already stored when this
migration runs. Row-level security as for the tables they are made from.

Revision ID: c0003_management
Revises: c0002_deconfliction
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "c0003_management"
down_revision = "c0002_deconfliction"
branch_labels = None
depends_on = None

# The newest version of each debrief in ``src`` (a table of debrief_versions rows).
_FACTS = """
INSERT INTO central.debrief_facts AS f (debrief_id, version, team_id, status, contact_at,
                                        submitted_at, reviewed_at)
SELECT DISTINCT ON (debrief_id) debrief_id, version, team_id, status,
       (data #>> '{contact,occurred_at}')::timestamptz,
       (data ->> 'submitted_at')::timestamptz,
       (data ->> 'reviewed_at')::timestamptz
FROM %(src)s
ORDER BY debrief_id, version DESC
ON CONFLICT (debrief_id) DO UPDATE SET version = excluded.version, status = excluded.status,
    contact_at = excluded.contact_at, submitted_at = excluded.submitted_at,
    reviewed_at = excluded.reviewed_at
WHERE f.version < excluded.version
"""

# The items of every debrief whose facts now name the version in ``src``.
_ITEMS = """
DELETE FROM central.item_grades g USING (SELECT DISTINCT debrief_id FROM %(src)s) n
WHERE g.debrief_id = n.debrief_id
  AND g.version < (SELECT f.version FROM central.debrief_facts f WHERE f.debrief_id = n.debrief_id);
INSERT INTO central.item_grades (debrief_id, version, item, team_id, submitted_at, scheme,
                                 source_evaluation, intelligence_assessment, handling_code)
SELECT v.debrief_id, v.version, i.n::integer, v.team_id, f.submitted_at,
       i.item ->> 'scheme', i.item ->> 'source_evaluation',
       i.item ->> 'intelligence_assessment', i.item ->> 'handling_code'
FROM %(src)s v
JOIN central.debrief_facts f ON f.debrief_id = v.debrief_id AND f.version = v.version
CROSS JOIN LATERAL jsonb_array_elements(
    CASE jsonb_typeof(v.data -> 'items') WHEN 'array' THEN v.data -> 'items' ELSE '[]' END
) WITH ORDINALITY AS i(item, n)
ON CONFLICT DO NOTHING;
"""

UP = (
    r"""
CREATE TABLE central.debrief_facts (
    debrief_id   uuid PRIMARY KEY,
    version      integer NOT NULL,
    team_id      integer NOT NULL,
    status       text NOT NULL,
    contact_at   timestamptz,
    submitted_at timestamptz,
    reviewed_at  timestamptz
);
-- A period's rows found by time; the team beside it so the counts need no heap.
CREATE INDEX debrief_facts_contact ON central.debrief_facts (contact_at) INCLUDE (team_id);
CREATE INDEX debrief_facts_submitted ON central.debrief_facts (submitted_at)
    INCLUDE (team_id, status, reviewed_at);
CREATE INDEX debrief_facts_reviewed ON central.debrief_facts (reviewed_at)
    INCLUDE (team_id, status, submitted_at);

CREATE TABLE central.item_grades (
    debrief_id   uuid NOT NULL,
    version      integer NOT NULL,
    item         integer NOT NULL,
    team_id      integer NOT NULL,
    submitted_at timestamptz,
    scheme       text NOT NULL,
    source_evaluation text NOT NULL,
    intelligence_assessment text NOT NULL,
    handling_code text NOT NULL,
    PRIMARY KEY (debrief_id, version, item)
);
CREATE INDEX item_grades_submitted ON central.item_grades (submitted_at)
    INCLUDE (team_id, scheme, source_evaluation, intelligence_assessment, handling_code);

CREATE FUNCTION central.debrief_facts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
"""
    + "    "
    + (_FACTS % {"src": "fresh"}).strip()
    + ";\n"
    + (_ITEMS % {"src": "fresh"}).strip()
    + r"""
    RETURN NULL;
END $$;
CREATE TRIGGER debrief_facts_keep AFTER INSERT ON central.debrief_versions
    REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT
    EXECUTE FUNCTION central.debrief_facts_keep();

ALTER TABLE central.debrief_facts ENABLE ROW LEVEL SECURITY;
CREATE POLICY granted_teams ON central.debrief_facts FOR SELECT
    USING (team_id = ANY (central.my_teams()));
ALTER TABLE central.item_grades ENABLE ROW LEVEL SECURITY;
CREATE POLICY granted_teams ON central.item_grades FOR SELECT
    USING (team_id = ANY (central.my_teams()));
"""
)

# What was stored before this migration.
BACKFILL = (
    (_FACTS % {"src": "central.debrief_versions"})
    + ";\n"
    + (_ITEMS % {"src": "central.debrief_versions"})
)

DOWN = r"""
DROP TRIGGER debrief_facts_keep ON central.debrief_versions;
DROP FUNCTION central.debrief_facts_keep();
DROP TABLE central.item_grades;
DROP TABLE central.debrief_facts;
"""


def upgrade() -> None:
    op.execute(UP)
    op.execute(BACKFILL)
    # Staff who were granted teams before read the new tables too.
    op.execute(
        """
        DO $$
        DECLARE r text;
        BEGIN
            FOR r IN SELECT DISTINCT role_name FROM central.team_grants LOOP
                EXECUTE format('GRANT SELECT ON central.debrief_facts, central.item_grades '
                               'TO %I', r);
            END LOOP;
        END $$;
        """
    )


def downgrade() -> None:
    op.execute(DOWN)
