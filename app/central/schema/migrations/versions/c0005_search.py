"""Debriefs made searchable after they are stored, not while: the search vector
(Dutch and English) is no longer computed inside the ingest's COPY, where it cost
most of the time, but filled once per version by the indexer
(``app.central.search_index``) right after the package is committed. A version
not indexed yet is still found: search computes its vector on the fly
(``central.search_vector``, the one definition both use), found through a small
partial index of the versions waiting.

The version's row stays evidence: only ``search`` may change, once, from empty.
New records' JSON and text are compressed with lz4 (where the server has it).

Revision ID: c0005_search
Revises: c0004_management
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "c0005_search"
down_revision = "c0004_management"
branch_labels = None
depends_on = None

UP = r"""
CREATE FUNCTION central.search_vector(body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('pg_catalog.dutch', body)
                 || to_tsvector('pg_catalog.english', body) $$;

-- The values computed so far are kept; from now on the indexer fills the column.
ALTER TABLE central.debrief_versions ALTER COLUMN search DROP EXPRESSION;
-- The versions waiting for their vector, newest first: what search reads beside
-- the full-text index, and what the indexer takes its work from.
CREATE INDEX debrief_versions_unindexed ON central.debrief_versions (team_id, updated_at DESC)
    WHERE search IS NULL;
-- Only the search vector may be written, and only once: an UPDATE naming any
-- other column is refused (a column added to the table later belongs in this list).
DROP TRIGGER debrief_versions_append_only ON central.debrief_versions;
CREATE TRIGGER debrief_versions_append_only
    BEFORE UPDATE OF debrief_id, version, team_id, source_id, package_id, sha256, status,
                     updated_at, data, body
    OR DELETE ON central.debrief_versions
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER debrief_versions_search_once
    BEFORE UPDATE OF search ON central.debrief_versions
    FOR EACH ROW WHEN (OLD.search IS NOT NULL) EXECUTE FUNCTION central.append_only();
"""

# A record's JSON and text are compressed with lz4 where the server has it (1.6 s
# against pglz's 2.4 s for COPY of 10,000 debrief versions, measured): new values
# only, nothing is rewritten. A server built without lz4 keeps pglz.
_COMPRESSION = r"""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression'
               AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE central.debrief_versions ALTER COLUMN data SET COMPRESSION {method},
                                             ALTER COLUMN body SET COMPRESSION {method};
        ALTER TABLE central.record_versions ALTER COLUMN data SET COMPRESSION {method};
    END IF;
END $$;
"""

DOWN = r"""
DROP TRIGGER debrief_versions_search_once ON central.debrief_versions;
DROP TRIGGER debrief_versions_append_only ON central.debrief_versions;
DROP INDEX central.debrief_versions_unindexed;
ALTER TABLE central.debrief_versions DROP COLUMN search;
ALTER TABLE central.debrief_versions ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('pg_catalog.dutch', body) || to_tsvector('pg_catalog.english', body)
) STORED;
CREATE INDEX debrief_versions_search ON central.debrief_versions USING gin (search);
CREATE TRIGGER debrief_versions_append_only BEFORE UPDATE OR DELETE ON central.debrief_versions
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
DROP FUNCTION central.search_vector(text);
"""


def upgrade() -> None:
    op.execute(UP)
    op.execute(_COMPRESSION.replace("{method}", "lz4"))


def downgrade() -> None:
    op.execute(_COMPRESSION.replace("{method}", "default"))
    op.execute(DOWN)
