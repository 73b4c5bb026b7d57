"""packages: the vault's key pairs, peers, package log, exported records, imported
record versions and audit events; debrief attachments

Revision ID: 0005_packages
Revises: 0004_reports
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_packages"
down_revision = "0004_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imported_audit_event",
        sa.Column("sender", sa.String(length=64), nullable=False),
        sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=27), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("actor_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("detail", sa.String(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_audit_event")),
        sa.UniqueConstraint("sender", "seq", name=op.f("uq_imported_audit_event_sender_seq")),
    )
    with op.batch_alter_table("imported_audit_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_imported_audit_event_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_imported_audit_event_package_id"), ["package_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_imported_audit_event_record_id"), ["record_id"], unique=False
        )

    op.create_table(
        "package_peer",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "handler",
                "central",
                "runner",
                name="peer_role",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("signing_public", sa.LargeBinary(), nullable=False),
        sa.Column("recipient_public", sa.LargeBinary(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("spoken", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.String(length=27), nullable=False),
        sa.Column("added_by_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_peer")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_package_peer_fingerprint")),
    )
    op.create_table(
        "record_version",
        sa.Column("record_type", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.String(length=27), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_version")),
        sa.UniqueConstraint(
            "record_type",
            "record_id",
            "version",
            name=op.f("uq_record_version_record_type_record_id_version"),
        ),
    )
    with op.batch_alter_table("record_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_record_version_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_record_version_package_id"), ["package_id"], unique=False
        )
        batch_op.create_index(
            "ix_record_version_record", ["record_type", "record_id"], unique=False
        )

    op.create_table(
        "vault_keypair",
        sa.Column(
            "purpose",
            sa.Enum(
                "signing",
                "receiving",
                name="key_purpose",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("private", sa.LargeBinary(), nullable=False),
        sa.Column("public", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("purpose", name=op.f("pk_vault_keypair")),
    )
    op.create_table(
        "package_log",
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("peer_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("channel", sa.String(length=64), nullable=False),
        sa.Column("counterpart", sa.String(length=200), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("previous", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("processed_at", sa.String(length=27), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("confirmed_at", sa.String(length=27), nullable=True),
        sa.Column("confirmed_by", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("sealed", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["peer_id"],
            ["package_peer.id"],
            name=op.f("fk_package_log_peer_id_package_peer"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_log")),
        sa.UniqueConstraint(
            "direction",
            "channel",
            "sequence",
            name=op.f("uq_package_log_direction_channel_sequence"),
        ),
        sa.UniqueConstraint("sha256", name=op.f("uq_package_log_sha256")),
    )
    with op.batch_alter_table("package_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_package_log_channel"), ["channel"], unique=False)

    op.create_table(
        "exported_record",
        sa.Column("record_type", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("purged_at", sa.String(length=27), nullable=True),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["package_log.id"],
            name=op.f("fk_exported_record_package_id_package_log"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "record_type", "record_id", "version", name=op.f("pk_exported_record")
        ),
    )
    with op.batch_alter_table("exported_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exported_record_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_exported_record_package_id"), ["package_id"], unique=False
        )

    op.create_table(
        "attachment",
        sa.Column("compartment_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("debrief_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_by_alias_id", sa.Uuid(native_uuid=False), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_alias_id"], ["alias.id"], name=op.f("fk_attachment_added_by_alias_id_alias")
        ),
        sa.ForeignKeyConstraint(
            ["compartment_id"],
            ["compartment.id"],
            name=op.f("fk_attachment_compartment_id_compartment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["debrief_id"],
            ["debrief.id"],
            name=op.f("fk_attachment_debrief_id_debrief"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachment_compartment_id"), ["compartment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_attachment_debrief_id"), ["debrief_id"], unique=False)
    op.create_table(
        "package_origin",
        sa.Column("record_type", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("sender", sa.String(length=64), nullable=False),
        sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.PrimaryKeyConstraint("record_type", "record_id", name=op.f("pk_package_origin")),
    )


def downgrade() -> None:
    op.drop_table("package_origin")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_debrief_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_compartment_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("exported_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exported_record_package_id"))
        batch_op.drop_index(batch_op.f("ix_exported_record_compartment_id"))

    op.drop_table("exported_record")
    with op.batch_alter_table("package_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_package_log_channel"))

    op.drop_table("package_log")
    op.drop_table("vault_keypair")
    with op.batch_alter_table("record_version", schema=None) as batch_op:
        batch_op.drop_index("ix_record_version_record")
        batch_op.drop_index(batch_op.f("ix_record_version_package_id"))
        batch_op.drop_index(batch_op.f("ix_record_version_compartment_id"))

    op.drop_table("record_version")
    op.drop_table("package_peer")
    with op.batch_alter_table("imported_audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_imported_audit_event_record_id"))
        batch_op.drop_index(batch_op.f("ix_imported_audit_event_package_id"))
        batch_op.drop_index(batch_op.f("ix_imported_audit_event_compartment_id"))

    op.drop_table("imported_audit_event")
