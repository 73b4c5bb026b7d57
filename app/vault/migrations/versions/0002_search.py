"""full-text search index and append-only audit triggers

The search index is one FTS5 table (``search_fts``) whose rowids are the integer
keys of ``search_doc``; ``search_doc`` says which record a row indexes and which
compartment it belongs to, so a search is filtered by scope in the same query.
Triggers keep both in step with debriefs, items, subjects and addenda, whatever
code path writes them. True identities are sealed and never indexed.

Revision ID: 0002_search
Revises: 0001_initial
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# (table, kind code, text expression over NEW/OLD, debrief id expression)
_INDEXED = (
    ("debrief", "narrative", "{r}.narrative", "{r}.id"),
    ("intelligence_item", "item", "{r}.text", "{r}.debrief_id"),
    ("subject", "subject", "{r}.name", "NULL"),
    ("addendum", "addendum", "{r}.text", "{r}.debrief_id"),
)


def _text_column(expr: str) -> str:
    return expr.split(".", 1)[1]


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE search_doc (
            doc INTEGER PRIMARY KEY,
            kind VARCHAR(12) NOT NULL,
            ref_id CHAR(32) NOT NULL UNIQUE,
            debrief_id CHAR(32),
            compartment_id CHAR(32) NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX ix_search_doc_compartment ON search_doc (compartment_id, doc)")
    op.execute("CREATE INDEX ix_search_doc_debrief ON search_doc (debrief_id)")
    # remove_diacritics 2: "cafe" finds "café"; Dutch text is full of diacritics.
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for table, kind, text_expr, debrief_expr in _INDEXED:
        new_text = text_expr.format(r="new")
        op.execute(
            f"""
            CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN
                INSERT INTO search_doc (kind, ref_id, debrief_id, compartment_id)
                VALUES ('{kind}', new.id, {debrief_expr.format(r="new")}, new.compartment_id);
                INSERT INTO search_fts (rowid, body)
                VALUES (last_insert_rowid(), coalesce({new_text}, ''));
            END
            """
        )
        op.execute(
            f"""
            CREATE TRIGGER search_{table}_au AFTER UPDATE OF {_text_column(text_expr)} ON {table}
            WHEN coalesce(old.{_text_column(text_expr)}, '') <> coalesce({new_text}, '')
            BEGIN
                UPDATE search_fts SET body = coalesce({new_text}, '')
                WHERE rowid = (SELECT doc FROM search_doc WHERE ref_id = new.id);
            END
            """
        )
        op.execute(
            f"""
            CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN
                DELETE FROM search_fts
                WHERE rowid = (SELECT doc FROM search_doc WHERE ref_id = old.id);
                DELETE FROM search_doc WHERE ref_id = old.id;
            END
            """
        )
    # The audit log is append-only at the SQL level too; `veldboek check` still
    # verifies the hash chain, because a determined editor can drop a trigger.
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"""
            CREATE TRIGGER audit_event_no_{verb.lower()} BEFORE {verb} ON audit_event BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END
            """
        )


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_event_no_{verb}")
    for table, _kind, _text, _debrief in _INDEXED:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DROP TABLE IF EXISTS search_doc")
