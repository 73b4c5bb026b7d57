"""Blind deconfliction: the unit's deconfliction keys (sealed, never in clear here),
the keyed tokens of sources' identity attributes as packages bring them, the
matches found between sources, and every decision on a match.

Staff roles read matches of their own teams only (row-level security); tokens
and keys are read by the administrator's ingest and matching, never by staff.

Revision ID: c0002_deconfliction
Revises: c0001_central
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "c0002_deconfliction"
down_revision = "c0001_central"
branch_labels = None
depends_on = None

UP = r"""
-- One row per unit deconfliction key. The secret is sealed like the central
-- system's private keys (AES-256-GCM under the passphrase's key, bound to the
-- key id); the Argon2id parameters of the token construction travel with it.
CREATE TABLE central.deconfliction_keys (
    key_id      text PRIMARY KEY,            -- lower-case hex, 32 digits
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz,                 -- set when a newer key replaced it
    params      jsonb NOT NULL,              -- the token construction's Argon2id parameters
    sealed      bytea NOT NULL               -- nonce || AES-256-GCM(KEK, secret)
);
-- At most one key is current.
CREATE UNIQUE INDEX deconfliction_keys_current ON central.deconfliction_keys ((true))
    WHERE retired_at IS NULL;

-- The tokens of a source's identity attributes as the newest package brought them:
-- a source's tokens under one key are replaced whole by a newer package.
CREATE TABLE central.deconfliction_tokens (
    source_id   uuid NOT NULL,
    key_id      text NOT NULL REFERENCES central.deconfliction_keys(key_id),
    kind        text NOT NULL CHECK (kind IN ('name_dob', 'phone', 'address')),
    token       bytea NOT NULL CHECK (length(token) = 32),
    team_id     integer NOT NULL REFERENCES central.teams(id),
    sender      text NOT NULL REFERENCES central.senders(fingerprint),
    package_id  uuid NOT NULL REFERENCES central.packages(id),
    PRIMARY KEY (source_id, key_id, kind, token)
);
CREATE INDEX deconfliction_tokens_match ON central.deconfliction_tokens (key_id, token);

-- A match: two sources (of one team or of two) share an identity attribute of a
-- kind. source_a < source_b, so each pair and kind is one row; it is never deleted.
CREATE TABLE central.deconfliction_matches (
    id          uuid PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('name_dob', 'phone', 'address')),
    key_id      text NOT NULL REFERENCES central.deconfliction_keys(key_id),
    team_a      integer NOT NULL REFERENCES central.teams(id),
    source_a    uuid NOT NULL,
    team_b      integer NOT NULL REFERENCES central.teams(id),
    source_b    uuid NOT NULL,
    opened_at   timestamptz NOT NULL DEFAULT now(),
    -- the latest decision (the whole history is in deconfliction_decisions)
    resolution  text CHECK (resolution IN ('same', 'different')),
    resolved_at timestamptz,
    resolved_by text,
    CHECK (source_a < source_b),
    CHECK ((resolution IS NULL) = (resolved_at IS NULL)),
    UNIQUE (source_a, source_b, kind)
);
CREATE INDEX deconfliction_matches_team_a ON central.deconfliction_matches (team_a, opened_at);
CREATE INDEX deconfliction_matches_team_b ON central.deconfliction_matches (team_b, opened_at);

-- Every decision on a match, append-only: who decided what, when and why.
CREATE TABLE central.deconfliction_decisions (
    id          bigserial PRIMARY KEY,
    match_id    uuid NOT NULL REFERENCES central.deconfliction_matches(id),
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    decided_by  text NOT NULL,
    resolution  text NOT NULL CHECK (resolution IN ('same', 'different')),
    why         text NOT NULL
);
CREATE INDEX deconfliction_decisions_match ON central.deconfliction_decisions (match_id);
CREATE TRIGGER deconfliction_decisions_append_only
    BEFORE UPDATE OR DELETE ON central.deconfliction_decisions
    FOR EACH ROW EXECUTE FUNCTION central.append_only();

-- Keys and tokens: row-level security on and no policy, so no staff role reads a
-- row even if it was granted the table by mistake.
ALTER TABLE central.deconfliction_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE central.deconfliction_tokens ENABLE ROW LEVEL SECURITY;
-- A match is seen by the staff of either team, and its decisions with it.
ALTER TABLE central.deconfliction_matches ENABLE ROW LEVEL SECURITY;
CREATE POLICY granted_teams ON central.deconfliction_matches FOR SELECT
    USING (team_a = ANY (central.my_teams()) OR team_b = ANY (central.my_teams()));
ALTER TABLE central.deconfliction_decisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY granted_teams ON central.deconfliction_decisions FOR SELECT
    USING (EXISTS (SELECT 1 FROM central.deconfliction_matches m WHERE m.id = match_id));
"""

DOWN = r"""
DROP TABLE central.deconfliction_decisions;
DROP TABLE central.deconfliction_matches;
DROP TABLE central.deconfliction_tokens;
DROP TABLE central.deconfliction_keys;
"""


def upgrade() -> None:
    op.execute(UP)


def downgrade() -> None:
    op.execute(DOWN)
