"""A debrief's search vector is made of the first 100,000 characters of its text.

The format lets a text field hold a million characters; PostgreSQL's tsvector
holds at most 1 MB, and the Dutch and English vectors of a million characters of
distinct words exceed it: the indexer failed on that version at every run (and
on the 999 beside it in its batch), and so did a search computing the vectors
still waiting. A hundred thousand characters is some fifteen pages of one
debrief's text; what lies beyond is kept, only not searchable.

Revision ID: c0012_search_cap
Revises: c0011_staff_nologin
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "c0012_search_cap"
down_revision = "c0011_staff_nologin"
branch_labels = None
depends_on = None

SEARCHED_CHARS = 100_000

_FUNCTION = """
CREATE OR REPLACE FUNCTION central.search_vector(body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('pg_catalog.dutch', {body})
                 || to_tsvector('pg_catalog.english', {body}) $$;
"""


def upgrade() -> None:
    op.execute(_FUNCTION.format(body=f"left(body, {SEARCHED_CHARS})"))


def downgrade() -> None:
    op.execute(_FUNCTION.format(body="body"))
