"""Blind deconfliction, the central system's side of the exchange: the packages it
writes to handlers (the unit's deconfliction key, notices of matches) on a
numbered channel of their own per handler; what each notice told each handler
about each match (so the next notice tells only what changed); and tokens that
arrived under a key this system does not know (kept out of matching, counted).

Revision ID: c0003_deconfliction_outgoing
Revises: c0002_deconfliction
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "c0003_deconfliction_outgoing"
down_revision = "c0002_deconfliction"
branch_labels = None
depends_on = None

UP = r"""
-- Packages central sent to a handler, numbered per channel (central -> that handler)
-- as every sender numbers its packages; the sealed file kept as sent.
CREATE TABLE central.outgoing (
    id          uuid PRIMARY KEY,
    channel     text NOT NULL,
    sequence    integer NOT NULL,
    sha256      text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('deconfliction-key', 'deconfliction-notice')),
    recipient   text NOT NULL REFERENCES central.senders(fingerprint),
    created_at  timestamptz NOT NULL DEFAULT now(),
    sealed      bytea NOT NULL,
    UNIQUE (channel, sequence)
);

-- What a notice told a handler about a match: its state then ('open', or the time
-- of the decision it reported). A match whose state has no row for a handler is
-- in that handler's next notice.
CREATE TABLE central.deconfliction_notified (
    recipient   text NOT NULL REFERENCES central.senders(fingerprint),
    match_id    uuid NOT NULL REFERENCES central.deconfliction_matches(id),
    state       text NOT NULL,
    notice      uuid NOT NULL REFERENCES central.outgoing(id),
    PRIMARY KEY (recipient, match_id, state)
);

-- Tokens that came under a key_id this system does not hold (a vault with a
-- foreign or forged key): not stored, not matched, counted for `central status`.
CREATE TABLE central.deconfliction_unknown (
    package_id  uuid NOT NULL REFERENCES central.packages(id),
    key_id      text NOT NULL,
    team_id     integer NOT NULL REFERENCES central.teams(id),
    sources     integer NOT NULL,
    tokens      integer NOT NULL,
    PRIMARY KEY (package_id, key_id)
);

-- No staff role reads any of these (row-level security on, no policy).
ALTER TABLE central.outgoing ENABLE ROW LEVEL SECURITY;
ALTER TABLE central.deconfliction_notified ENABLE ROW LEVEL SECURITY;
ALTER TABLE central.deconfliction_unknown ENABLE ROW LEVEL SECURITY;
"""

DOWN = r"""
DROP TABLE central.deconfliction_unknown;
DROP TABLE central.deconfliction_notified;
DROP TABLE central.outgoing;
"""


def upgrade() -> None:
    op.execute(UP)


def downgrade() -> None:
    op.execute(DOWN)
