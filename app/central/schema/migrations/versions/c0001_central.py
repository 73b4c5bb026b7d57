"""The central store: teams, registered keys, packages kept whole as evidence,
every debrief version with the package it came in, the senders' audit events,
refusals, staff grants, row-level security and the hash-chained access log.

Revision ID: c0001_central
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "c0001_central"
down_revision = None
branch_labels = None
depends_on = None

# Tables a staff role may read, each filtered by the team grants (row-level security).
TEAM_TABLES = (
    "packages",
    "package_files",
    "sources",
    "debriefs",
    "debrief_versions",
    "record_versions",
    "audit_events",
)

UP = r"""
CREATE SCHEMA central;

-- The central system's own key pair: public halves in clear, private halves sealed
-- under the passphrase (Argon2id parameters beside them), never in clear here.
CREATE TABLE central.keys (
    id              integer PRIMARY KEY CHECK (id = 1),
    central_id      uuid NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    signing_public  bytea NOT NULL,
    recipient_public bytea NOT NULL,
    fingerprint     text NOT NULL,
    spoken          text NOT NULL,
    bundle          bytea NOT NULL,          -- the signed public key bundle vaults import
    kdf             jsonb NOT NULL,          -- Argon2id memory, passes, lanes, salt
    sealed_signing  bytea NOT NULL,          -- nonce || AES-256-GCM(KEK, seed)
    sealed_receiving bytea NOT NULL
);

CREATE TABLE central.teams (
    id          serial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Runner and handler keys, registered per team after the owner read out the fingerprint.
CREATE TABLE central.senders (
    fingerprint     text PRIMARY KEY,
    team_id         integer NOT NULL REFERENCES central.teams(id),
    role            text NOT NULL CHECK (role IN ('runner', 'handler')),
    name            text NOT NULL,
    signing_public  bytea NOT NULL,
    recipient_public bytea NOT NULL,
    spoken          text NOT NULL,
    added_at        timestamptz NOT NULL DEFAULT now(),
    added_by        text NOT NULL,
    active          boolean NOT NULL DEFAULT true
);

CREATE TABLE central.packages (
    id              uuid PRIMARY KEY,
    sha256          text NOT NULL UNIQUE,     -- of the sealed file, as the chain names it
    team_id         integer NOT NULL REFERENCES central.teams(id),
    sender          text NOT NULL REFERENCES central.senders(fingerprint),
    channel         text NOT NULL,
    sequence        integer NOT NULL,
    previous        text NOT NULL,
    kind            text NOT NULL,
    created_at      timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    file_name       text NOT NULL,
    size            bigint NOT NULL,
    records         integer NOT NULL,
    audit_events    integer NOT NULL,
    arrival         text NOT NULL,            -- new | gap | late
    warnings        text[] NOT NULL DEFAULT '{}',
    manifest        jsonb NOT NULL,
    UNIQUE (channel, sequence)
);
CREATE INDEX packages_team ON central.packages (team_id, received_at DESC);

-- The sealed file byte for byte, in pieces (a package may pass bytea's 1 GB).
CREATE TABLE central.package_files (
    package_id  uuid NOT NULL REFERENCES central.packages(id),
    team_id     integer NOT NULL,
    piece       integer NOT NULL,
    data        bytea NOT NULL,
    PRIMARY KEY (package_id, piece)
);

CREATE TABLE central.sources (
    id              uuid PRIMARY KEY,
    team_id         integer NOT NULL REFERENCES central.teams(id),
    sender          text NOT NULL REFERENCES central.senders(fingerprint),
    compartment_id  uuid NOT NULL,
    compartment     text NOT NULL,
    codename        text NOT NULL,
    kind            text NOT NULL,
    status          text NOT NULL,
    first_package   uuid NOT NULL REFERENCES central.packages(id),
    last_package    uuid NOT NULL REFERENCES central.packages(id)
);
CREATE INDEX sources_team ON central.sources (team_id);

-- One row per debrief: which version is the newest held (older ones arriving late
-- never replace it).
CREATE TABLE central.debriefs (
    id          uuid PRIMARY KEY,
    team_id     integer NOT NULL REFERENCES central.teams(id),
    sender      text NOT NULL REFERENCES central.senders(fingerprint),
    source_id   uuid NOT NULL,
    latest      integer NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX debriefs_team ON central.debriefs (team_id, updated_at DESC);

-- Every version received, beside the others, with the package it came in and the
-- record's hash as the signed manifest names it.
CREATE TABLE central.debrief_versions (
    debrief_id  uuid NOT NULL,
    version     integer NOT NULL,
    team_id     integer NOT NULL,
    source_id   uuid NOT NULL,
    package_id  uuid NOT NULL REFERENCES central.packages(id),
    sha256      text NOT NULL,
    status      text NOT NULL,
    updated_at  timestamptz NOT NULL,
    data        jsonb NOT NULL,
    body        text NOT NULL,               -- the searchable text of the record
    search      tsvector GENERATED ALWAYS AS (
                    to_tsvector('pg_catalog.dutch', body) || to_tsvector('pg_catalog.english', body)
                ) STORED,
    PRIMARY KEY (debrief_id, version)
);
CREATE INDEX debrief_versions_package ON central.debrief_versions (package_id);
CREATE INDEX debrief_versions_team ON central.debrief_versions (team_id, updated_at DESC);
CREATE INDEX debrief_versions_search ON central.debrief_versions USING gin (search);

-- The other records of a source's file (format version 3: registration, risk
-- assessments, reliability reviews, instructions, taskings, payments), every
-- version with the package it came in.
CREATE TABLE central.record_versions (
    record_type text NOT NULL,
    record_id   uuid NOT NULL,
    version     integer NOT NULL,
    team_id     integer NOT NULL,
    sender      text NOT NULL REFERENCES central.senders(fingerprint),
    source_id   uuid NOT NULL,
    package_id  uuid NOT NULL REFERENCES central.packages(id),
    sha256      text NOT NULL,
    data        jsonb NOT NULL,
    PRIMARY KEY (record_type, record_id, version)
);
CREATE INDEX record_versions_package ON central.record_versions (package_id);
CREATE INDEX record_versions_source ON central.record_versions (source_id);

-- The senders' own signed audit events, kept as evidence (unique per sender by seq).
CREATE TABLE central.audit_events (
    sender          text NOT NULL REFERENCES central.senders(fingerprint),
    seq             bigint NOT NULL,
    team_id         integer NOT NULL,
    package_id      uuid NOT NULL REFERENCES central.packages(id),
    at              text NOT NULL,
    actor           text NOT NULL,
    actor_alias_id  text NOT NULL,
    action          text NOT NULL,
    record_type     text NOT NULL,
    record_id       text NOT NULL,
    compartment_id  text NOT NULL,
    detail          text NOT NULL,
    prev_hash       text NOT NULL,
    hash            text NOT NULL,
    PRIMARY KEY (sender, seq)
);

-- Files refused at ingest: the reason's kind and message, never content.
CREATE TABLE central.refusals (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    file_name   text NOT NULL,
    file_sha256 text,
    reason      text NOT NULL,
    message     text NOT NULL
);

-- Receipts the central system issued: a channel of its own per runner, numbered;
-- a package is confirmed once (the receipt that named it).
CREATE TABLE central.receipts (
    id          uuid PRIMARY KEY,
    channel     text NOT NULL,
    sequence    integer NOT NULL,
    sha256      text NOT NULL,
    runner      text NOT NULL REFERENCES central.senders(fingerprint),
    created_at  timestamptz NOT NULL DEFAULT now(),
    packages    integer NOT NULL,
    sealed      bytea NOT NULL,
    UNIQUE (channel, sequence)
);
ALTER TABLE central.packages ADD COLUMN confirmed_by uuid REFERENCES central.receipts(id);

-- Which staff role may read which team.
CREATE TABLE central.team_grants (
    team_id     integer NOT NULL REFERENCES central.teams(id),
    role_name   text NOT NULL,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    granted_by  text NOT NULL,
    PRIMARY KEY (team_id, role_name)
);

-- Every read by a person: append-only, each entry chained to the one before by hash.
CREATE TABLE central.access_log (
    id          bigint PRIMARY KEY,
    at          timestamptz NOT NULL,
    who         text NOT NULL,
    what        text NOT NULL,
    why         text NOT NULL,
    team        text NOT NULL,
    prev_hash   text NOT NULL,
    hash        text NOT NULL
);

CREATE FUNCTION central.access_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last central.access_log%ROWTYPE;
BEGIN
    -- One writer at a time, so the chain has no forks.
    PERFORM pg_advisory_xact_lock(7419301);
    SELECT * INTO last FROM central.access_log ORDER BY id DESC LIMIT 1;
    NEW.id := COALESCE(last.id, 0) + 1;
    NEW.at := clock_timestamp();
    NEW.prev_hash := COALESCE(last.hash, '');
    NEW.hash := encode(sha256(convert_to(
        json_build_array(NEW.id,
                         to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                         NEW.who, NEW.what, NEW.why, NEW.team, NEW.prev_hash)::text,
        'UTF8')), 'hex');
    RETURN NEW;
END $$;
CREATE TRIGGER access_log_chain BEFORE INSERT ON central.access_log
    FOR EACH ROW EXECUTE FUNCTION central.access_log_chain();

CREATE FUNCTION central.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'central.% is append-only', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON central.access_log
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON central.access_log
    FOR EACH STATEMENT EXECUTE FUNCTION central.append_only();
-- Evidence as received is never changed either.
CREATE TRIGGER package_files_append_only BEFORE UPDATE OR DELETE ON central.package_files
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER debrief_versions_append_only BEFORE UPDATE OR DELETE ON central.debrief_versions
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER record_versions_append_only BEFORE UPDATE OR DELETE ON central.record_versions
    FOR EACH ROW EXECUTE FUNCTION central.append_only();
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON central.audit_events
    FOR EACH ROW EXECUTE FUNCTION central.append_only();

-- Row-level security: a staff role sees the rows of the teams it was granted, and
-- of its own grants; nothing else. (The owner and the administrator bypass it.)
ALTER TABLE central.team_grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_grants ON central.team_grants FOR SELECT USING (role_name = current_user);
-- The caller's teams as an array (read under the policy above, as the caller): a
-- policy "team_id = ANY (array)" is an index condition, so a team's newest rows
-- are found by the (team_id, updated_at) indexes, not by reading every team's.
CREATE FUNCTION central.my_teams() RETURNS integer[] LANGUAGE sql STABLE SECURITY INVOKER
    AS $$ SELECT coalesce(array_agg(team_id), '{}') FROM central.team_grants
          WHERE role_name = current_user $$;
ALTER TABLE central.teams ENABLE ROW LEVEL SECURITY;
CREATE POLICY granted_teams ON central.teams FOR SELECT USING (id = ANY (central.my_teams()));
"""

POLICY = """
ALTER TABLE central.{t} ENABLE ROW LEVEL SECURITY;
CREATE POLICY granted_teams ON central.{t} FOR SELECT USING (team_id = ANY (central.my_teams()));
"""


def upgrade() -> None:
    op.execute(UP)
    for table in TEAM_TABLES:
        op.execute(POLICY.format(t=table))


def downgrade() -> None:
    # Staff roles are the cluster's, not this database's: their grants on the
    # schema go with it; the roles themselves stay (``central revoke`` drops them).
    op.execute("DROP SCHEMA central CASCADE")
