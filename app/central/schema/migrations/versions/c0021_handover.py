"""A source handed over to another runner of its team (docs/central.md, "Handovers").

``central.handovers`` keeps one row per handover package stored: which source went
from which runner's key to which, in which team, whether a sealed identity came
with it (never the identity: it stays sealed, inside the kept file only). Append
only; staff read it under row-level security, as the packages.

The store attributes a source, its debriefs and the records of its file to a
sender (``sources``, ``debriefs``, ``record_owners``): the refusal of another
runner's records reads them. A handover moves them to the new runner, so those
columns may now change, but only along a stored handover of that source, from
its old runner to its new one, within the team (a trigger refuses anything
else; the team never changes). The evidence (versions, audit events, packages)
keeps the sender that signed it.

Revision ID: c0021_handover
Revises: c0020_report_register
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from app.central.schema.migrations.versions.c0001_central import POLICY

revision = "c0021_handover"
down_revision = "c0020_report_register"
branch_labels = None
depends_on = None

# A sender changes only along the latest stored handover of the row's source
# (``source``: the SQL giving it from OLD), from the old runner to the new, in the
# row's team: an older handover of a source handed back moves nothing any more.
_ALONG = """
CREATE FUNCTION central.{name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM (SELECT * FROM central.handovers h
                                  WHERE h.source_id IN ({source})
                                  ORDER BY h.created_at DESC LIMIT 1) h
                   WHERE h.team_id = OLD.team_id AND h.from_sender = OLD.sender
                   AND h.to_sender = NEW.sender) THEN
        RAISE EXCEPTION 'central.% changes its sender only by a handover', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER {name} BEFORE UPDATE OF sender ON central.{table} FOR EACH ROW
    WHEN (OLD.sender IS DISTINCT FROM NEW.sender) EXECUTE FUNCTION central.{name}();
"""

# (table, trigger function, the row's source)
_MOVED = (
    ("sources", "sources_move_by_handover", "OLD.id"),
    ("debriefs", "debriefs_move_by_handover", "OLD.source_id"),
    ("record_owners", "record_owners_move_by_handover",
     "SELECT v.source_id FROM central.record_versions v "
     "WHERE v.record_type = OLD.record_type AND v.record_id = OLD.record_id"),
)  # fmt: skip

_TABLE = r"""
CREATE TABLE central.handovers (
    package_id  uuid PRIMARY KEY REFERENCES central.packages(id),
    source_id   uuid NOT NULL,
    team_id     integer NOT NULL REFERENCES central.teams(id),
    from_sender text NOT NULL REFERENCES central.senders(fingerprint),
    to_sender   text NOT NULL REFERENCES central.senders(fingerprint),
    identity    boolean NOT NULL,      -- a sealed identity came (kept in the file only)
    created_at  timestamptz NOT NULL,  -- the package's, as signed
    CHECK (from_sender <> to_sender)
);
CREATE INDEX handovers_source ON central.handovers (source_id);
CREATE TRIGGER handovers_append_only BEFORE UPDATE OR DELETE ON central.handovers
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER handovers_no_truncate BEFORE TRUNCATE ON central.handovers
    FOR EACH STATEMENT EXECUTE FUNCTION central.append_only();

-- A handover is between two runner keys of its team (its ingest checks that; so
-- does the database, for a row written by hand).
CREATE FUNCTION central.handovers_within_team() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT count(*) FROM central.senders s WHERE s.role = 'runner'
        AND s.team_id = NEW.team_id AND s.fingerprint IN (NEW.from_sender, NEW.to_sender)) <> 2
    THEN
        RAISE EXCEPTION 'a handover is between two runners of its team'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER handovers_within_team BEFORE INSERT ON central.handovers
    FOR EACH ROW EXECUTE FUNCTION central.handovers_within_team();

-- Their team and key still never change, nor are they deleted or emptied (a row
-- deleted and written again would change its sender without a handover); their
-- sender only by a handover (below).
DROP TRIGGER debriefs_keep_their_sender ON central.debriefs;
CREATE TRIGGER debriefs_keep_their_team BEFORE UPDATE OF id, team_id OR DELETE
    ON central.debriefs FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER debriefs_no_truncate BEFORE TRUNCATE ON central.debriefs
    FOR EACH STATEMENT EXECUTE FUNCTION central.append_only();
CREATE TRIGGER sources_no_truncate BEFORE TRUNCATE ON central.sources
    FOR EACH STATEMENT EXECUTE FUNCTION central.append_only();
DROP TRIGGER record_owners_stay ON central.record_owners;
CREATE TRIGGER record_owners_stay BEFORE UPDATE OF record_type, record_id, team_id OR DELETE
    ON central.record_owners FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER sources_keep_their_team BEFORE UPDATE OF id, team_id OR DELETE
    ON central.sources FOR EACH ROW EXECUTE FUNCTION central.append_only();
"""

# Staff who were granted teams before read it too.
_GRANTS = """
DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT DISTINCT role_name FROM central.team_grants LOOP
        EXECUTE format('GRANT SELECT ON central.handovers TO %I', r);
    END LOOP;
END $$;
"""

_MOVES = "".join(_ALONG.format(table=t, name=n, source=s) for t, n, s in _MOVED)
UP = _TABLE + _MOVES + POLICY.format(t="handovers") + _GRANTS

DOWN = (
    "".join(
        f"DROP TRIGGER {n} ON central.{t};\nDROP FUNCTION central.{n}();\n" for t, n, _ in _MOVED
    )
    + """
DROP TRIGGER sources_keep_their_team ON central.sources;
DROP TRIGGER sources_no_truncate ON central.sources;
DROP TRIGGER debriefs_no_truncate ON central.debriefs;
DROP TRIGGER record_owners_stay ON central.record_owners;
CREATE TRIGGER record_owners_stay BEFORE UPDATE OR DELETE ON central.record_owners
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
DROP TRIGGER debriefs_keep_their_team ON central.debriefs;
CREATE TRIGGER debriefs_keep_their_sender BEFORE UPDATE OF id, team_id, sender
    ON central.debriefs FOR EACH ROW EXECUTE FUNCTION central.append_only();
DROP TABLE central.handovers;
DROP FUNCTION central.handovers_within_team();
"""
)


def upgrade() -> None:
    op.execute(UP)


def downgrade() -> None:
    op.execute(DOWN)
