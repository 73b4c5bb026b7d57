"""The central report register: one row for every management report central
issues (``veldboek central report management --out``), so that ``veldboek
central report verify`` can tell a genuine printed report from an altered one
or one central never issued (docs/central.md, "Management information").

Append-only, as the access log is: a trigger refuses UPDATE, DELETE and
TRUNCATE. Row-level security is on with no policy and staff get no right to
it: the register says who asked for which figures and why, which is the data
officer's to read, as the access log is.

Revision ID: c0020_report_register
Revises: c0019_tokens_withdrawn
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "c0020_report_register"
down_revision = "c0019_tokens_withdrawn"
branch_labels = None
depends_on = None

UP = r"""
CREATE TABLE central.issued_reports (
    id                uuid PRIMARY KEY,          -- random (v4): it encodes no time
    kind              text NOT NULL CHECK (kind = 'management'),
    issued_at         timestamptz NOT NULL,      -- the time in the page stamp
    issued_by         text NOT NULL,             -- the staff user named, or 'administrator'
    printer_reference text NOT NULL UNIQUE,      -- PR-…, as the pages print it
    period_from       date NOT NULL,
    period_to         date NOT NULL,
    team              text NOT NULL,             -- the team asked for; '' = every team read
    teams             text[] NOT NULL,           -- the teams the figures counted
    reason            text NOT NULL,
    marking           text NOT NULL,
    language          text NOT NULL,
    page_count        integer NOT NULL,
    content_sha256    text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    pdf_sha256        text NOT NULL UNIQUE CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    access_log_id     bigint NOT NULL REFERENCES central.access_log(id)  -- the issue's entry
);
CREATE TRIGGER issued_reports_append_only BEFORE UPDATE OR DELETE ON central.issued_reports
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER issued_reports_no_truncate BEFORE TRUNCATE ON central.issued_reports
    FOR EACH STATEMENT EXECUTE FUNCTION central.append_only();
ALTER TABLE central.issued_reports ENABLE ROW LEVEL SECURITY;
"""

DOWN = "DROP TABLE central.issued_reports;"


def upgrade() -> None:
    op.execute(UP)


def downgrade() -> None:
    op.execute(DOWN)
