"""outgoing copies: a sent package is kept as its compressed container

A runner's vault kept each sent package's sealed file (``package_log.sealed``)
until a receipt confirmed it, so that a lost copy could be written again byte for
byte. For 10,000 debriefs that is 53 MB of ciphertext, which does not compress,
written into the vault at every export (benchmarks/packages.py). ``outgoing_copy``
keeps the container instead, zlib-compressed (8 MB), with the age header, its file
key and the payload nonce: sealing it again gives the same file, byte for byte.
The vault already holds everything the file key protects. Packages kept before
stay in ``package_log.sealed``; receipts still do (they are small).

Revision ID: 0009_outgoing_copies
Revises: 0008_package_evidence
Create Date: 2026-12-02
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import zlib

import sqlalchemy as sa
from alembic import op
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

revision = "0009_outgoing_copies"
down_revision = "0008_package_evidence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outgoing_copy",
        sa.Column("package_id", sa.Uuid(native_uuid=False), nullable=False),
        sa.Column("header", sa.LargeBinary(), nullable=False),
        sa.Column("file_key", sa.LargeBinary(), nullable=False),
        sa.Column("nonce", sa.LargeBinary(), nullable=False),
        sa.Column("container_sha256", sa.String(length=64), nullable=False),
        sa.Column("compression", sa.String(length=10), nullable=False),
        sa.Column("container", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["package_log.id"],
            name="fk_outgoing_copy_package_id_package_log",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("package_id", name="pk_outgoing_copy"),
    )


# age v1 (age-encryption.org/v1): the header MAC and the STREAM payload, written out
# here so that this step keeps working whatever the app's code becomes.
_CHUNK = 64 * 1024


def _hkdf(ikm: bytes, salt: bytes | None, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, info).derive(ikm)


def _sealed(header: bytes, file_key: bytes, nonce: bytes, plain: bytes) -> bytes:
    mac = hmac.new(_hkdf(file_key, None, b"header"), header, hashlib.sha256).digest()
    parts = [header, b" " + base64.b64encode(mac).rstrip(b"=") + b"\n", nonce]
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    count = max(1, -(-len(plain) // _CHUNK))
    for i in range(count):
        chunk_nonce = i.to_bytes(11, "big") + (b"\x01" if i == count - 1 else b"\x00")
        parts.append(aead.encrypt(chunk_nonce, plain[i * _CHUNK : (i + 1) * _CHUNK], None))
    return b"".join(parts)


def downgrade() -> None:
    # Each kept copy goes back to being the sealed file, made again byte for byte.
    conn = op.get_bind()
    kept = conn.execute(sa.text("SELECT package_id FROM outgoing_copy")).scalars().all()
    for package_id in kept:  # one container in memory at a time
        header, file_key, nonce, sha256, data = conn.execute(
            sa.text(
                "SELECT header, file_key, nonce, container_sha256, container FROM outgoing_copy "
                "WHERE package_id = :p"
            ),
            {"p": package_id},
        ).one()
        plain = zlib.decompress(data)
        if hashlib.sha256(plain).hexdigest() != sha256:
            raise RuntimeError("a kept package copy is damaged; the vault was not changed")
        conn.execute(
            sa.text("UPDATE package_log SET sealed = :s WHERE id = :i"),
            {"s": _sealed(header, file_key, nonce, plain), "i": package_id},
        )
    op.drop_table("outgoing_copy")
