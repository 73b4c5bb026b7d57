"""Ingest at unit scale: per-statement checks where per-row ones cost most of a
package's storing, measured on a package of 10,000 debriefs (51,000 audit events,
21,000 graded items; docs/central.md, "Ingest speed").

1. An audit event names its package, a debrief version its package, a debrief its
   sender: a statement-level trigger checks every row a statement inserts at once
   (one anti-join), where the foreign keys checked each row on its own (index
   look-ups and a row lock per row: 0.35 of the 0.57 s that storing 51,000 events
   took; 0.17 s of a 10,000-debrief package's 2.1 s for the versions and
   debriefs). The checks are stricter than the keys were: the event's sender must
   be its package's sender, the version's team its package's, the debrief's sender
   registered to its team. A package is never deleted (nor its id, sender or team
   changed), nor a registered key (nor its team), nor a debrief's team or sender,
   so what the keys guarded against afterwards cannot happen.
2. An item's grading names a row of ``grade_codes``: the trigger that keeps the
   management facts takes the number from that table in the same statement, and
   ``grade_codes`` is append-only, so the foreign key (checked per item, 80 ms of
   the trigger's 290) proved nothing more.
3. That trigger inserts new facts and items plainly and updates the facts of
   debriefs it holds already, instead of an upsert per row (``ON CONFLICT``: a
   speculative insertion each); it finds the items to keep from the statement's
   own rows, not by a join with the whole facts table. Two ingests bringing the
   same new debrief at once: the second fails on the unique key and is tried again
   (app.central.ingest), as for the debrief's version itself.

Revision ID: c0007_ingest_checks
Revises: c0006_search_rls
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

from app.central.schema.migrations.versions import c0004_management

revision = "c0007_ingest_checks"
down_revision = "c0006_search_rls"
branch_labels = None
depends_on = None

_FACTS_KEPT = """
CREATE OR REPLACE FUNCTION central.debrief_facts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
%(body)s    RETURN NULL;
END $$;
"""

# The newest version of each debrief the statement brought, then its facts: an
# update where they are held (of an older version), a plain insert where not.
_FACTS = """
    CREATE TEMP TABLE IF NOT EXISTS fresh_facts (debrief_id uuid, version integer,
        team_id integer, status text, contact_at timestamptz, submitted_at timestamptz,
        reviewed_at timestamptz) ON COMMIT DELETE ROWS;
    TRUNCATE fresh_facts;
    INSERT INTO fresh_facts
    SELECT DISTINCT ON (debrief_id) debrief_id, version, team_id, status,
           (data #>> '{contact,occurred_at}')::timestamptz,
           (data ->> 'submitted_at')::timestamptz,
           (data ->> 'reviewed_at')::timestamptz
    FROM fresh
    ORDER BY debrief_id, version DESC;
    UPDATE central.debrief_facts f SET version = n.version, status = n.status,
        contact_at = n.contact_at, submitted_at = n.submitted_at, reviewed_at = n.reviewed_at,
        contact_month = date_trunc('month', n.contact_at AT TIME ZONE 'UTC')::date,
        submitted_day = (n.submitted_at AT TIME ZONE 'UTC')::date,
        submitted_wd = (SELECT number FROM central.working_days
                        WHERE day = (n.submitted_at AT TIME ZONE 'UTC')::date),
        reviewed_wd = (SELECT number FROM central.working_days
                       WHERE day = (n.reviewed_at AT TIME ZONE 'UTC')::date)
    FROM fresh_facts n WHERE f.debrief_id = n.debrief_id AND f.version < n.version;
    INSERT INTO central.debrief_facts (debrief_id, version, team_id, status, contact_at,
        submitted_at, reviewed_at, contact_month, submitted_day, submitted_wd, reviewed_wd)
    SELECT n.debrief_id, n.version, n.team_id, n.status, n.contact_at, n.submitted_at,
           n.reviewed_at, date_trunc('month', n.contact_at AT TIME ZONE 'UTC')::date,
           (n.submitted_at AT TIME ZONE 'UTC')::date, s.number, r.number
    FROM fresh_facts n
    LEFT JOIN central.working_days s ON s.day = (n.submitted_at AT TIME ZONE 'UTC')::date
    LEFT JOIN central.working_days r ON r.day = (n.reviewed_at AT TIME ZONE 'UTC')::date
    WHERE NOT EXISTS (SELECT 1 FROM central.debrief_facts f WHERE f.debrief_id = n.debrief_id);
"""
# The items of the versions whose facts this statement set, found from the
# statement's own rows: each debrief's facts read through their primary key (a join
# with the whole facts table was planned as a hash of all of it: 0.4 s at
# 1,000,000 debriefs, and growing with the store). Inserted plainly: a version is
# new to the store when its statement runs (its own primary key), so none of its
# items is held.
_ITEMS = """
    DELETE FROM central.item_grades g USING (SELECT DISTINCT debrief_id FROM fresh) n
    WHERE g.debrief_id = n.debrief_id
      AND g.version < (SELECT f.version FROM central.debrief_facts f
                       WHERE f.debrief_id = n.debrief_id);
    CREATE TEMP TABLE IF NOT EXISTS fresh_items (debrief_id uuid, version integer,
        item integer, team_id integer, submitted_at timestamptz, scheme text,
        source_evaluation text, intelligence_assessment text, handling_code text)
        ON COMMIT DELETE ROWS;
    TRUNCATE fresh_items;
    INSERT INTO fresh_items
    SELECT v.debrief_id, v.version, i.n::integer, v.team_id, kept.submitted_at,
           coalesce(i.item ->> 'scheme', ''), coalesce(i.item ->> 'source_evaluation', ''),
           coalesce(i.item ->> 'intelligence_assessment', ''),
           coalesce(i.item ->> 'handling_code', '')
    FROM fresh_facts kept
    JOIN fresh v ON v.debrief_id = kept.debrief_id AND v.version = kept.version
    CROSS JOIN LATERAL jsonb_array_elements(
        CASE jsonb_typeof(v.data -> 'items') WHEN 'array' THEN v.data -> 'items' ELSE '[]' END
    ) WITH ORDINALITY AS i(item, n)
    WHERE kept.version = (SELECT f.version FROM central.debrief_facts f
                          WHERE f.debrief_id = kept.debrief_id);
    INSERT INTO central.grade_codes (scheme, source_evaluation, intelligence_assessment,
        handling_code)
    SELECT DISTINCT scheme, source_evaluation, intelligence_assessment, handling_code
    FROM fresh_items
    ON CONFLICT DO NOTHING;
    INSERT INTO central.item_grades (debrief_id, version, item, team_id, submitted_at, grade)
    SELECT x.debrief_id, x.version, x.item, x.team_id, x.submitted_at, c.id
    FROM fresh_items x
    JOIN central.grade_codes c ON (c.scheme, c.source_evaluation, c.intelligence_assessment,
        c.handling_code) = (x.scheme, x.source_evaluation, x.intelligence_assessment,
        x.handling_code);
"""
_BODY = _FACTS + _ITEMS


def check_function(
    check: str, own: dict[str, str], target: str, what: str, *, replace: bool = False
) -> str:
    """The function of a statement-level check in place of a foreign key: every
    row a statement inserts (``fresh``) names a row of ``target`` (``own``: its
    columns and the target's that must match), checked once for the statement's
    distinct values. ``replace``: of an existing check (a later migration)."""
    match = " AND ".join(f"t.{theirs} = r.{mine}" for mine, theirs in own.items())
    return f"""
CREATE {"OR REPLACE " if replace else ""}FUNCTION central.{check}() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT {", ".join(own)} FROM fresh) r
               WHERE NOT EXISTS (SELECT 1 FROM central.{target} t WHERE {match})) THEN
        RAISE EXCEPTION '{what}' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
"""  # noqa: S608 - fixed identifiers (``_CHECKS``)


def _names_its(table: str, check: str, own: dict[str, str], target: str, what: str) -> str:
    """``check_function``, and its trigger on ``table``."""
    return (
        check_function(check, own, target, what)
        + f"""
CREATE TRIGGER {check} AFTER INSERT ON central.{table}
    REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION central.{check}();
"""
    )


# (table, check, its columns -> the target's, target, refusal)
_CHECKS = (
    ("audit_events", "audit_events_name_their_package", {"package_id": "id", "sender": "sender"},
     "packages", "an audit event names no stored package of its sender"),
    ("debrief_versions", "debrief_versions_name_their_package",
     {"package_id": "id", "team_id": "team_id"}, "packages",
     "a debrief version names no stored package of its team"),
    ("debriefs", "debriefs_name_their_sender", {"sender": "fingerprint", "team_id": "team_id"},
     "senders", "a debrief names no registered sender of its team"),
)  # fmt: skip

UP = (
    r"""
-- The foreign keys that the checks of ``_CHECKS`` (below) replace.
ALTER TABLE central.audit_events DROP CONSTRAINT audit_events_sender_fkey,
    DROP CONSTRAINT audit_events_package_id_fkey;
ALTER TABLE central.debrief_versions DROP CONSTRAINT debrief_versions_package_id_fkey;
ALTER TABLE central.debriefs DROP CONSTRAINT debriefs_team_id_fkey,
    DROP CONSTRAINT debriefs_sender_fkey;

ALTER TABLE central.item_grades DROP CONSTRAINT item_grades_grade_fkey;
CREATE TRIGGER grade_codes_append_only BEFORE UPDATE OR DELETE ON central.grade_codes
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER grade_codes_no_truncate BEFORE TRUNCATE ON central.grade_codes
    FOR EACH STATEMENT EXECUTE FUNCTION central.append_only();

-- A package stays (a receipt marks it confirmed: that column may change), and so
-- does a registered key (it is made inactive, never removed).
CREATE TRIGGER packages_stay BEFORE UPDATE OF id, sender, team_id OR DELETE
    ON central.packages FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER packages_no_truncate BEFORE TRUNCATE ON central.packages
    FOR EACH STATEMENT EXECUTE FUNCTION central.append_only();
CREATE TRIGGER senders_stay BEFORE UPDATE OF fingerprint, team_id OR DELETE
    ON central.senders FOR EACH ROW EXECUTE FUNCTION central.append_only();
-- A debrief keeps its team and sender (a key belongs to one team: app.central.teams).
CREATE TRIGGER debriefs_keep_their_sender BEFORE UPDATE OF id, team_id, sender
    ON central.debriefs FOR EACH ROW EXECUTE FUNCTION central.append_only();
"""
    + "".join(_names_its(*c) for c in _CHECKS)
    + _FACTS_KEPT % {"body": _BODY}
)

DOWN = (
    "".join(
        f"DROP TRIGGER {check} ON central.{table};\nDROP FUNCTION central.{check}();\n"
        for table, check, *_ in _CHECKS
    )
    + r"""
DROP TRIGGER debriefs_keep_their_sender ON central.debriefs;
ALTER TABLE central.debriefs
    ADD CONSTRAINT debriefs_team_id_fkey FOREIGN KEY (team_id) REFERENCES central.teams(id),
    ADD CONSTRAINT debriefs_sender_fkey FOREIGN KEY (sender)
        REFERENCES central.senders(fingerprint);
ALTER TABLE central.debrief_versions ADD CONSTRAINT debrief_versions_package_id_fkey
    FOREIGN KEY (package_id) REFERENCES central.packages(id);
DROP TRIGGER senders_stay ON central.senders;
DROP TRIGGER packages_no_truncate ON central.packages;
DROP TRIGGER packages_stay ON central.packages;
DROP TRIGGER grade_codes_no_truncate ON central.grade_codes;
DROP TRIGGER grade_codes_append_only ON central.grade_codes;
ALTER TABLE central.item_grades ADD CONSTRAINT item_grades_grade_fkey
    FOREIGN KEY (grade) REFERENCES central.grade_codes(id);
ALTER TABLE central.audit_events
    ADD CONSTRAINT audit_events_sender_fkey FOREIGN KEY (sender)
        REFERENCES central.senders(fingerprint),
    ADD CONSTRAINT audit_events_package_id_fkey FOREIGN KEY (package_id)
        REFERENCES central.packages(id);
"""
    + _FACTS_KEPT
    % {
        "body": "    "
        + (c0004_management._FACTS % {"src": "fresh"}).strip()
        + ";\n"
        + (c0004_management._ITEMS % {"src": "fresh"}).strip()
        + "\n"
    }
)


def upgrade() -> None:
    op.execute(UP)


def downgrade() -> None:
    op.execute(DOWN)
