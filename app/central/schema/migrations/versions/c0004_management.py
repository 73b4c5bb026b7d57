"""Management information: narrow facts of each debrief's newest version and of
its graded items, kept by a trigger as debrief versions arrive, so the
management report aggregates small typed rows with indexes instead of reading
and parsing every debrief's JSON.

``debrief_facts`` holds one row per debrief (the newest version held: an older
version arriving late never replaces it, as in ``central.debriefs``), with the
UTC days the report groups by already worked out. ``item_grades`` holds one row
per graded item of that version: its debrief's team and submission time, and
its grading as a small number (``grade_codes`` names each scheme and code
combination once), so a year's items group by two integers. Both are filled by
a statement-level trigger on ``debrief_versions`` (ingest's COPY fires it once
per package), and from what is already stored when this migration runs.
Row-level security as for the tables they are made from.

Revision ID: c0004_management
Revises: c0003_deconfliction_outgoing
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

from app.domain import working_days

revision = "c0004_management"
down_revision = "c0003_deconfliction_outgoing"
branch_labels = None
depends_on = None

# The newest version of each debrief in ``src`` (a table of debrief_versions rows).
_FACTS = """
INSERT INTO central.debrief_facts AS f (debrief_id, version, team_id, status, contact_at,
    submitted_at, reviewed_at, contact_month, submitted_day, submitted_wd, reviewed_wd)
SELECT n.debrief_id, n.version, n.team_id, n.status, n.contact_at, n.submitted_at,
       n.reviewed_at, date_trunc('month', n.contact_at AT TIME ZONE 'UTC')::date,
       (n.submitted_at AT TIME ZONE 'UTC')::date, s.number, r.number
FROM (
    SELECT DISTINCT ON (debrief_id) debrief_id, version, team_id, status,
           (data #>> '{contact,occurred_at}')::timestamptz AS contact_at,
           (data ->> 'submitted_at')::timestamptz AS submitted_at,
           (data ->> 'reviewed_at')::timestamptz AS reviewed_at
    FROM %(src)s
    ORDER BY debrief_id, version DESC
) n
LEFT JOIN central.working_days s ON s.day = (n.submitted_at AT TIME ZONE 'UTC')::date
LEFT JOIN central.working_days r ON r.day = (n.reviewed_at AT TIME ZONE 'UTC')::date
ON CONFLICT (debrief_id) DO UPDATE SET version = excluded.version, status = excluded.status,
    contact_at = excluded.contact_at, submitted_at = excluded.submitted_at,
    reviewed_at = excluded.reviewed_at, contact_month = excluded.contact_month,
    submitted_day = excluded.submitted_day, submitted_wd = excluded.submitted_wd,
    reviewed_wd = excluded.reviewed_wd
WHERE f.version < excluded.version
"""

# The items of every debrief whose facts now name the version in ``src``.
_ITEMS = """
DELETE FROM central.item_grades g USING (SELECT DISTINCT debrief_id FROM %(src)s) n
WHERE g.debrief_id = n.debrief_id
  AND g.version < (SELECT f.version FROM central.debrief_facts f WHERE f.debrief_id = n.debrief_id);
CREATE TEMP TABLE IF NOT EXISTS fresh_items (debrief_id uuid, version integer, item integer,
    team_id integer, submitted_at timestamptz, scheme text, source_evaluation text,
    intelligence_assessment text, handling_code text) ON COMMIT DELETE ROWS;
TRUNCATE fresh_items;
INSERT INTO fresh_items
SELECT v.debrief_id, v.version, i.n::integer, v.team_id, f.submitted_at,
       coalesce(i.item ->> 'scheme', ''), coalesce(i.item ->> 'source_evaluation', ''),
       coalesce(i.item ->> 'intelligence_assessment', ''), coalesce(i.item ->> 'handling_code', '')
FROM %(src)s v
JOIN central.debrief_facts f ON f.debrief_id = v.debrief_id AND f.version = v.version
CROSS JOIN LATERAL jsonb_array_elements(
    CASE jsonb_typeof(v.data -> 'items') WHEN 'array' THEN v.data -> 'items' ELSE '[]' END
) WITH ORDINALITY AS i(item, n);
INSERT INTO central.grade_codes (scheme, source_evaluation, intelligence_assessment, handling_code)
SELECT DISTINCT scheme, source_evaluation, intelligence_assessment, handling_code FROM fresh_items
ON CONFLICT DO NOTHING;
INSERT INTO central.item_grades (debrief_id, version, item, team_id, submitted_at, grade)
SELECT x.debrief_id, x.version, x.item, x.team_id, x.submitted_at, c.id
FROM fresh_items x
JOIN central.grade_codes c ON (c.scheme, c.source_evaluation, c.intelligence_assessment,
    c.handling_code) = (x.scheme, x.source_evaluation, x.intelligence_assessment, x.handling_code)
ON CONFLICT DO NOTHING;
"""

UP = (
    r"""
-- Working days numbered (app.domain.working_days: Monday to Friday without the
-- holidays of the Algemene termijnenwet), so a turnaround is a subtraction.
CREATE TABLE central.working_days (
    day     date PRIMARY KEY,
    number  integer NOT NULL        -- working days from 2000-01-01 up to and including day
);

CREATE TABLE central.debrief_facts (
    debrief_id    uuid PRIMARY KEY,
    version       integer NOT NULL,
    team_id       integer NOT NULL,
    status        text NOT NULL,
    contact_at    timestamptz,
    submitted_at  timestamptz,
    reviewed_at   timestamptz,
    contact_month date,            -- the first of the contact's month (UTC)
    submitted_day date,            -- UTC
    submitted_wd  integer,         -- central.working_days' numbers of the UTC days
    reviewed_wd   integer
);
-- A team's rows of a period found by its index range (row-level security's
-- "team_id = ANY (my teams)" is an index condition too), with what the counts
-- need beside it: index-only scans.
CREATE INDEX debrief_facts_contact ON central.debrief_facts (team_id, contact_at)
    INCLUDE (contact_month);
CREATE INDEX debrief_facts_submitted ON central.debrief_facts (team_id, submitted_at)
    INCLUDE (status, reviewed_at, submitted_wd);
CREATE INDEX debrief_facts_reviewed ON central.debrief_facts (team_id, reviewed_at)
    INCLUDE (status, submitted_wd, reviewed_wd);

-- Every scheme and code combination met, once: an item's grading is its number.
CREATE TABLE central.grade_codes (
    id          smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scheme      text NOT NULL,
    source_evaluation text NOT NULL,
    intelligence_assessment text NOT NULL,
    handling_code text NOT NULL,
    UNIQUE (scheme, source_evaluation, intelligence_assessment, handling_code)
);

CREATE TABLE central.item_grades (
    debrief_id   uuid NOT NULL,
    version      integer NOT NULL,
    item         integer NOT NULL,
    team_id      integer NOT NULL,
    submitted_at timestamptz,
    grade        smallint NOT NULL REFERENCES central.grade_codes(id),
    PRIMARY KEY (debrief_id, version, item)
);
CREATE INDEX item_grades_submitted ON central.item_grades (team_id, submitted_at) INCLUDE (grade);

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
-- grade_codes names codes only, working_days days only (no team, no record):
-- every row readable by whoever has the table (staff: grade_codes).
ALTER TABLE central.grade_codes ENABLE ROW LEVEL SECURITY;
CREATE POLICY codes_only ON central.grade_codes FOR SELECT USING (true);
ALTER TABLE central.working_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY days_only ON central.working_days FOR SELECT USING (true);
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
DROP TABLE central.grade_codes;
DROP TABLE central.debrief_facts;
DROP TABLE central.working_days;
"""


def upgrade() -> None:
    op.execute(UP)
    # The days from the domain's own rules (the report's Python and SQL agree:
    # tests/central/test_central_management.py compares them day by day).
    op.get_bind().execute(
        text(
            "INSERT INTO central.working_days (day, number) "
            "SELECT d::date, sum(CASE WHEN extract(isodow FROM d) < 6 "
            "AND NOT d::date = ANY (CAST(:holidays AS date[])) THEN 1 ELSE 0 END) "
            "OVER (ORDER BY d) FROM generate_series(CAST(:first AS date), "
            "CAST(:last AS date), interval '1 day') d"
        ),
        {
            "holidays": working_days.holidays_between(
                working_days.NUMBERED_FROM, working_days.NUMBERED_TO
            ),
            "first": working_days.NUMBERED_FROM,
            "last": working_days.NUMBERED_TO,
        },
    )
    op.execute(BACKFILL)
    # Staff who were granted teams before read the new tables too.
    op.execute(
        """
        DO $$
        DECLARE r text;
        BEGIN
            FOR r IN SELECT DISTINCT role_name FROM central.team_grants LOOP
                EXECUTE format('GRANT SELECT ON central.debrief_facts, central.item_grades, '
                               'central.grade_codes TO %I', r);
            END LOOP;
        END $$;
        """
    )


def downgrade() -> None:
    op.execute(DOWN)
