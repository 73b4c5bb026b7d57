"""Full-text search (SQLite FTS5) over narratives, items, subjects and addenda,
filtered by the caller's scope inside the same SQL statement.

Hits come newest first (FTS5 walks its rowids backwards and stops at the limit),
not by relevance: a runner looks for the latest reporting on a name, and ranking
every match of a common word would cost a full scoring pass."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select, text

from app.dal.scope import Scope, get_visible, is_narrow, visible
from app.errors import InvalidInput
from app.models import Debrief, IntelligenceItem, ItemSubject, Subject
from app.services import mapping
from app.services.views import DebriefRow, SearchHit
from app.vault.vault import Vault

MARK_START = "\x02"
MARK_END = "\x03"
_TOKEN = re.compile(r"[\w]+\*?", re.UNICODE)

_MEMBER_COMPARTMENTS = "SELECT compartment_id FROM compartment_member WHERE alias_id = :alias"
_SEARCH = """
    SELECT d.kind, d.ref_id, d.debrief_id,
           coalesce(s.codename,
                    (SELECT codename FROM source WHERE compartment_id = d.compartment_id LIMIT 1)),
           snippet(search_fts, 0, char(2), char(3), '…', 14) AS snip,
           search_fts.rank
    FROM search_fts
    JOIN search_doc AS d ON d.doc = search_fts.rowid
    LEFT JOIN debrief AS db ON db.id = d.debrief_id
    LEFT JOIN source AS s ON s.id = db.source_id
    WHERE search_fts MATCH :query
      AND d.compartment_id IN ({members}){narrow}
    ORDER BY search_fts.rowid DESC
    LIMIT :limit
"""
_SEARCH_SQL = text(_SEARCH.format(members=_MEMBER_COMPARTMENTS, narrow=""))
# For a narrow scope, the scope's own documents are gathered first into an
# in-memory set (from the covering index on compartment_id): matches outside it
# are dropped without reading their search_doc row, which on SQLCipher means
# decrypting a page per match. The "+" keeps SQLite from handing the rowid test
# to FTS5, which would probe the index once per document.
_SEARCH_NARROW_SQL = text(
    _SEARCH.format(
        members=_MEMBER_COMPARTMENTS,
        narrow=(
            "\n      AND +search_fts.rowid IN (SELECT doc FROM search_doc WHERE compartment_id IN"
            " (SELECT compartment_id FROM compartment_member WHERE alias_id = :alias))"
        ),
    )
)


def marked(snippet: str, start: str = "[[", end: str = "]]") -> str:
    """A snippet with its highlight markers (control characters) as plain text."""
    return snippet.replace(MARK_START, start).replace(MARK_END, end)


def fts_query(user_text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word must occur; a
    trailing * makes a prefix search. FTS5 operators in the input are not
    interpreted, so no input can cause a syntax error."""
    terms = []
    for token in _TOKEN.findall(user_text):
        prefix = token.endswith("*")
        word = token.rstrip("*")
        if not word:
            continue
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    if not terms:
        raise InvalidInput("Type at least one word to search for.")
    return " AND ".join(terms)


def search(vault: Vault, scope: Scope, user_text: str, *, limit: int = 50) -> list[SearchHit]:
    query = fts_query(user_text)
    with vault.read() as session:
        sql = _SEARCH_NARROW_SQL if is_narrow(session, scope) else _SEARCH_SQL
        rows = session.execute(
            sql, {"query": query, "alias": scope.alias_id.hex, "limit": limit}
        ).all()
    return [
        SearchHit(
            kind=r[0],
            ref_id=uuid.UUID(hex=r[1]),
            debrief_id=uuid.UUID(hex=r[2]) if r[2] else None,
            codename=r[3] or "",
            snippet=r[4],
            rank=float(r[5]),
        )
        for r in rows
    ]


MENTIONS_LIMIT = 100


def debriefs_mentioning(
    vault: Vault,
    scope: Scope,
    subject_id: uuid.UUID,
    *,
    exclude_debrief: uuid.UUID | None = None,
    limit: int = MENTIONS_LIMIT,
) -> list[DebriefRow]:
    """Other debriefs that mention the same subject (same kind and normalised name),
    in any compartment the scope may see, and only those; the newest ``limit`` (a
    common name can be in thousands of debriefs, and the panel shows a few)."""
    with vault.read() as session:
        subject = get_visible(session, scope, Subject, subject_id)
        same_subjects = select(Subject.id).where(
            Subject.kind == subject.kind,
            Subject.normalised == subject.normalised,
            visible(Subject.compartment_id, scope),
        )
        debrief_ids = (
            select(IntelligenceItem.debrief_id)
            .join(ItemSubject, ItemSubject.item_id == IntelligenceItem.id)
            .where(
                ItemSubject.subject_id.in_(same_subjects),
                visible(IntelligenceItem.compartment_id, scope),
            )
        )
        query = (
            mapping.debrief_row_query()
            .where(Debrief.id.in_(debrief_ids), visible(Debrief.compartment_id, scope))
            .order_by(Debrief.created_at.desc(), Debrief.id.desc())
            .limit(limit)
        )
        if exclude_debrief is not None:
            query = query.where(Debrief.id != exclude_debrief)
        return [mapping.debrief_row(r) for r in session.execute(query).all()]
