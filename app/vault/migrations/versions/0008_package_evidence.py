"""package evidence: each received package's signed container kept once, compressed

An import kept every record it brought as its own copy of canonical JSON
(``record_version.data``, one 3 KB row per 4 KB page) and every audit event as
its own row (``imported_audit_event``): for 10,000 debriefs 67 MB of the 129 MB
the import wrote, and a large share of its time (benchmarks/packages.py). Both
are parts of the package's signed container. ``package_evidence`` now keeps that
container once, zlib-compressed (a 53 MB container takes 8 MB), with its
SHA-256: the sender's signature over it can be checked again at any time, which
the loose copies never allowed. A version row names where its record lies in
the container (``data_offset``, ``data_length``); ``data`` stays for the
versions imported before, which have no container. ``imported_audit_event``
keeps the events imported before and takes no new ones.

The step down writes every kept container's records and events back into the
loose copies, so nothing is lost either way.

Revision ID: 0008_package_evidence
Revises: 0007_lean_imports
Create Date: 2026-12-02
"""

from __future__ import annotations

import json
import zlib
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008_package_evidence"
down_revision = "0007_lean_imports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "package_evidence",
        sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("container_sha256", sa.String(length=64), nullable=False),
        sa.Column("compression", sa.String(length=10), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["package_log.id"],
            name="fk_package_evidence_package_id_package_log",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("package_id", name="pk_package_evidence"),
    )
    with op.batch_alter_table("record_version") as batch_op:
        batch_op.alter_column("data", existing_type=sa.Text(), nullable=True)
        batch_op.add_column(sa.Column("data_offset", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("data_length", sa.Integer(), nullable=True))


# The container's layout (app/export/container.py, docs/package-format.md), written
# out here so that this step keeps working whatever the app's code becomes.
def _body(container: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    manifest_length = int.from_bytes(container[5:9], "big")
    manifest = json.loads(container[9 : 9 + manifest_length])
    start = 9 + manifest_length + 64
    body_length = int.from_bytes(container[start : start + 4], "big")
    return manifest, json.loads(container[start + 4 : start + 4 + body_length])


def _event_row(sender: str, package_id: str, e: dict[str, Any]) -> dict[str, Any]:
    return {
        "sender": sender,
        "seq": e["seq"],
        "package_id": package_id,
        "at": e["at"],
        "actor": e["actor"][:80],
        "actor_alias_id": e["actor_alias_id"] or None,
        "action": e["action"][:60],
        "record_type": e["record_type"][:40],
        "record_id": e["record_id"][:64],
        "compartment_id": e["compartment_id"] or None,
        "detail": e["detail"],
        "prev_hash": e["prev_hash"],
        "hash": e["hash"],
    }


def downgrade() -> None:
    conn = op.get_bind()
    kept = conn.execute(sa.text("SELECT package_id FROM package_evidence")).scalars().all()
    for package_id in kept:  # one container in memory at a time
        data = conn.execute(
            sa.text("SELECT data FROM package_evidence WHERE package_id = :p"), {"p": package_id}
        ).scalar_one()
        container = zlib.decompress(data)
        manifest, body = _body(container)
        rows = [_event_row(manifest["sender"], package_id, e) for e in body["audit"]]
        if rows:
            columns = ", ".join(rows[0])
            marks = ", ".join(f":{c}" for c in rows[0])
            conn.execute(
                sa.text(f"INSERT OR IGNORE INTO imported_audit_event ({columns}) VALUES ({marks})"),
                rows,
            )
        versions = conn.execute(
            sa.text(
                "SELECT id, data_offset, data_length FROM record_version "
                "WHERE package_id = :p AND data IS NULL"
            ),
            {"p": package_id},
        ).all()
        if versions:
            conn.execute(
                sa.text("UPDATE record_version SET data = :d WHERE id = :i"),
                [
                    {"i": i, "d": container[offset : offset + length].decode("utf-8")}
                    for i, offset, length in versions
                ],
            )
    with op.batch_alter_table("record_version") as batch_op:
        batch_op.drop_column("data_length")
        batch_op.drop_column("data_offset")
        batch_op.alter_column("data", existing_type=sa.Text(), nullable=False)
    op.drop_table("package_evidence")
