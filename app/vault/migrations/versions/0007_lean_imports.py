"""lean import tables: the kept audit copy keyed by (sender, seq), no spare index

A 10,000-debrief package brings about 50,000 of the runner's audit events. Each
was a row with a random id and five B-trees (the id, (sender, seq) and three
single-column indexes nothing reads), about 40 MB in a handler's vault and a
large share of the import's time (benchmarks/packages.py). The events are
looked up by sender and sequence number only, so the table becomes one B-tree,
clustered on that key (WITHOUT ROWID), in the order events arrive. The
``(record_type, record_id)`` index of ``record_version`` repeats the prefix of
its unique constraint and is dropped too.

``package_log.recipients`` keeps, for each package sent, the key fingerprints it
was sealed to, so that only one of them can confirm it with a receipt (someone
who merely saw the file knows its hash). Packages sent before stay NULL.

``exported_copy`` keeps every package that carried a version of a record: sending
the same version again moved ``exported_record``'s mark to the newer package and
lost the earlier one. It starts with the marks ``exported_record`` holds.

Revision ID: 0007_lean_imports
Revises: 0006_search_backfill
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_lean_imports"
down_revision = "0006_search_backfill"
branch_labels = None
depends_on = None

# The columns both shapes share, in the order the new table stores them.
_SHARED = (
    "sender",
    "seq",
    "package_id",
    "at",
    "actor",
    "actor_alias_id",
    "action",
    "record_type",
    "record_id",
    "compartment_id",
    "detail",
    "prev_hash",
    "hash",
)


def _event_columns(*, wide: bool = False) -> list[sa.Column[object]]:
    """The columns in the order each shape has them (0005's: package_id first)."""
    sender = sa.Column("sender", sa.String(length=64), nullable=False)
    seq = sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False)
    package_id = sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False)
    return [
        *((sender, package_id, seq) if wide else (sender, seq, package_id)),
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
    ]


def upgrade() -> None:
    op.create_table(
        "imported_audit_event_lean",
        *_event_columns(),
        sa.PrimaryKeyConstraint("sender", "seq", name="pk_imported_audit_event"),
        sqlite_with_rowid=False,
    )
    columns = ", ".join(_SHARED)
    op.execute(
        f"INSERT INTO imported_audit_event_lean ({columns}) "
        f"SELECT {columns} FROM imported_audit_event ORDER BY sender, seq"
    )
    op.drop_table("imported_audit_event")
    op.rename_table("imported_audit_event_lean", "imported_audit_event")
    op.drop_index("ix_record_version_record", table_name="record_version")
    op.add_column("package_log", sa.Column("recipients", sa.Text(), nullable=True))
    op.create_table(
        "exported_copy",
        sa.Column("record_type", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["package_log.id"],
            name="fk_exported_copy_package_id_package_log",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "record_type", "record_id", "version", "package_id", name="pk_exported_copy"
        ),
        sqlite_with_rowid=False,
    )
    op.execute(
        "INSERT INTO exported_copy (record_type, record_id, version, package_id) "
        "SELECT record_type, record_id, version, package_id FROM exported_record"
    )


def downgrade() -> None:
    op.drop_table("exported_copy")
    with op.batch_alter_table("package_log") as batch_op:
        batch_op.drop_column("recipients")
    op.create_index(
        "ix_record_version_record", "record_version", ["record_type", "record_id"], unique=False
    )
    op.create_table(
        "imported_audit_event_wide",
        *_event_columns(wide=True),
        sa.Column("id", sa.Uuid(native_uuid=False), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_imported_audit_event"),
        sa.UniqueConstraint("sender", "seq", name="uq_imported_audit_event_sender_seq"),
    )
    columns = ", ".join(_SHARED)
    op.execute(
        f"INSERT INTO imported_audit_event_wide ({columns}, id) "
        f"SELECT {columns}, lower(hex(randomblob(16))) FROM imported_audit_event"
    )
    op.drop_table("imported_audit_event")
    op.rename_table("imported_audit_event_wide", "imported_audit_event")
    for column in ("compartment_id", "package_id", "record_id"):
        op.create_index(
            f"ix_imported_audit_event_{column}", "imported_audit_event", [column], unique=False
        )
