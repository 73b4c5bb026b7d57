"""name keys: cover names unique whatever their case; codenames found by key

``alias.name_key`` and ``source.codename_key`` hold the name as
``app.domain.names.key`` folds it (NFKC, case folded, spaces trimmed and made
single), so that ``Valk``, ``VALK`` and ``valk`` are one name. A unique index on
``alias.name_key`` for cover names keeps two of them from standing side by side;
codenames are kept unique by the sources service (issue 17 lets two runners'
sources share a codename in a handler's vault), with an index to find them.

A vault from before may hold cover names that now fold to the same key. Their
names stay as they are (they are shown and chosen as before); every one after
the first, by creation, gets its key with a line feed and its id appended, a key
no name can have, so the index holds and the first one is what a lookup by key
finds.

Revision ID: 0010_name_keys
Revises: 0009_outgoing_copies
Create Date: 2026-12-06
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0010_name_keys"
down_revision = "0009_outgoing_copies"
branch_labels = None
depends_on = None


def _key(name: str) -> str:
    # The rule as it was when this step was written (app.domain.names.key).
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    out: list[str] = []
    for ch in folded.strip():
        if unicodedata.category(ch) == "Zs":
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def upgrade() -> None:
    op.add_column("alias", sa.Column("name_key", sa.String(), nullable=True))
    op.add_column("source", sa.Column("codename_key", sa.String(), nullable=True))
    conn = op.get_bind()
    seen: set[str] = set()
    rows = conn.execute(sa.text("SELECT id, name, kind FROM alias ORDER BY created_at, id"))
    for alias_id, name, kind in rows.all():
        key = _key(name)
        if kind == "cover_name":
            if key in seen:
                key = f"{key}\n{alias_id}"
            seen.add(key)
        conn.execute(
            sa.text("UPDATE alias SET name_key = :k WHERE id = :i"), {"k": key, "i": alias_id}
        )
    for source_id, codename in conn.execute(sa.text("SELECT id, codename FROM source")).all():
        conn.execute(
            sa.text("UPDATE source SET codename_key = :k WHERE id = :i"),
            {"k": _key(codename), "i": source_id},
        )
    op.create_index(
        "ix_alias_name_key",
        "alias",
        ["name_key"],
        unique=True,
        sqlite_where=sa.text("kind = 'cover_name'"),
    )
    op.create_index("ix_source_codename_key", "source", ["codename_key"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_source_codename_key", table_name="source")
    op.drop_index("ix_alias_name_key", table_name="alias")
    # SQLite drops a column in place (3.35+): no table is rebuilt, so nothing that
    # refers to alias or source is touched.
    op.drop_column("source", "codename_key")
    op.drop_column("alias", "name_key")
