"""Who brought each record of a source's file in first: one row per record, by a
unique key.

A package may not bring a record another sender brought (``ingest_checks``). The
look at ``record_versions`` alone let two senders' packages bringing different
versions of one record at the same moment both pass (no key collided). Each
ingest now claims its records here first: the later of two waits on the
earlier's key, then finds the record another's and is refused. A row per record
(not a lock per record, which would fill the server's lock table for a package
carrying thousands of them). Filled from the versions held, each record's first;
never changed; under row-level security like the versions (staff are not granted
it: nothing here is for reading).

Revision ID: c0010_record_owners
Revises: c0009_v2_payments
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

from app.central.schema.migrations.versions.c0001_central import POLICY

revision = "c0010_record_owners"
down_revision = "c0009_v2_payments"
branch_labels = None
depends_on = None

UP = """
CREATE TABLE central.record_owners (
    record_type text NOT NULL,
    record_id   uuid NOT NULL,
    sender      text NOT NULL,
    team_id     integer NOT NULL,
    PRIMARY KEY (record_type, record_id)
);
INSERT INTO central.record_owners (record_type, record_id, sender, team_id)
SELECT DISTINCT ON (record_type, record_id) record_type, record_id, sender, team_id
FROM central.record_versions ORDER BY record_type, record_id, version;
CREATE TRIGGER record_owners_stay BEFORE UPDATE OR DELETE ON central.record_owners
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
"""


def upgrade() -> None:
    op.execute(UP)
    op.execute(POLICY.format(t="record_owners"))


def downgrade() -> None:
    op.execute("DROP TABLE central.record_owners")
