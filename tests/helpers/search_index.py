"""What the search index should hold for a vault, read from the indexed tables, and
what it holds: bulk writers (app/vault/search_bulk.py) must leave them equal."""

from __future__ import annotations

from sqlalchemy import text

from app.vault.vault import Vault

# What each indexed table puts in the index, as the triggers of migration 0002 do.
_EXPECTED = """
    SELECT 'narrative', id, id, compartment_id, coalesce(narrative, '') FROM debrief
    UNION ALL SELECT 'item', id, debrief_id, compartment_id, coalesce(text, '')
        FROM intelligence_item
    UNION ALL SELECT 'subject', id, NULL, compartment_id, coalesce(name, '') FROM subject
    UNION ALL SELECT 'addendum', id, debrief_id, compartment_id, coalesce(text, '')
        FROM addendum
"""
_INDEXED = """
    SELECT d.kind, d.ref_id, d.debrief_id, d.compartment_id, f.body
    FROM search_doc AS d JOIN search_fts AS f ON f.rowid = d.doc
"""

Rows = list[tuple[object, ...]]


def index_state(vault: Vault) -> tuple[Rows, Rows, int]:
    """(expected entries, indexed entries, number of search documents)."""
    with vault.read() as session:
        expected = sorted(tuple(r) for r in session.execute(text(_EXPECTED)))
        indexed = sorted(tuple(r) for r in session.execute(text(_INDEXED)))
        docs = session.execute(text("SELECT count(*) FROM search_doc")).scalar_one()
    return expected, indexed, docs


def triggers(vault: Vault) -> list[tuple[str, str]]:
    with vault.read() as session:
        return [
            (r[0], r[1])
            for r in session.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            )
        ]
