"""The key register: when a runner's or handler's key was revoked and by whom
(``central keys list``, ``status``), and whose key signed a refused package
(``central.refusals``: its short fingerprint, and where registered its name and
team; never another team's records).

A key revoked before this revision gets the time and name of its first
``revoke key`` entry in the access log, as ``teams.revoke_key`` keeps them (a
second revoke of a revoked key is logged but changes nothing).

Revision ID: c0017_key_register
Revises: c0016_facts_once
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "c0017_key_register"
down_revision = "c0016_facts_once"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        ALTER TABLE central.senders ADD COLUMN revoked_at timestamptz,
            ADD COLUMN revoked_by text;
        UPDATE central.senders s SET revoked_at = l.at, revoked_by = l.who
        FROM (SELECT DISTINCT ON (substr(what, 12, 64)) substr(what, 12, 64) AS fp, at, who
              FROM central.access_log WHERE what LIKE 'revoke key %'
              ORDER BY substr(what, 12, 64), id) l
        WHERE NOT s.active AND l.fp = s.fingerprint;
        UPDATE central.senders SET revoked_at = added_at, revoked_by = ''
        WHERE NOT active AND revoked_at IS NULL;
        ALTER TABLE central.refusals ADD COLUMN sender text, ADD COLUMN sender_name text,
            ADD COLUMN team text;
        """
    )


def downgrade() -> None:
    op.execute(
        """
        ALTER TABLE central.refusals DROP COLUMN team, DROP COLUMN sender_name,
            DROP COLUMN sender;
        ALTER TABLE central.senders DROP COLUMN revoked_by, DROP COLUMN revoked_at;
        """
    )
