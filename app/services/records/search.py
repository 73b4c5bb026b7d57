"""Full-text search (SQLite FTS5) over narratives, items, subjects and addenda,
filtered by the caller's scope inside the same SQL statement.

A search looks at the newest ``WINDOW`` matches in the alias's files (FTS5 walks
its rowids backwards and stops there) and orders those: best match first unless
told otherwise (``SEARCH_SORTS``). Scoring or sorting every match of a common word
in 100,000 debriefs costs a pass over all of them (0.1 to 1 s); within the newest
thousand it stays within the search's 50 ms. A rare word has fewer matches than
the window, so all of them are ranked."""

from __future__ import annotations

import re
import uuid
from datetime import datetime

from sqlalchemy import Integer, bindparam, select, text

from app.dal.keyset import Sort
from app.dal.scope import get_visible, is_narrow, visible
from app.dal.source_names import shown_codenames
from app.domain.scope import Scope
from app.errors import InvalidInput
from app.models import Debrief, IntelligenceItem, ItemSubject, Subject
from app.models.base import parse_stored_utc
from app.services import mapping
from app.services.records.debriefs import DEBRIEF_SORTS
from app.services.views import DebriefRow, SearchHit
from app.vault.vault import Vault

MARK_START = "\x02"
MARK_END = "\x03"
_TOKEN = re.compile(r"[\w]+\*?", re.UNICODE)
WINDOW = 1000

# The orderings of search results (each ends with the newest document first).
# "rank": bm25, lower is a better match; "descending" is the best match first.
SEARCH_ORDERS = {
    ("rank", True): "w.score, w.doc DESC",
    ("rank", False): "w.score DESC, w.doc DESC",
    ("written", True): "written IS NULL, written DESC, w.doc DESC",
    ("written", False): "written IS NULL, written, w.doc DESC",
    ("source", False): "codename, w.doc DESC",
    ("source", True): "codename DESC, w.doc DESC",
    ("kind", False): "d.kind, w.doc DESC",
    ("kind", True): "d.kind DESC, w.doc DESC",
}
SEARCH_SORT_KEYS = ("rank", "written", "source", "kind")
DEFAULT_SEARCH_SORT = Sort("rank", descending=True)

_MEMBER_COMPARTMENTS = "SELECT compartment_id FROM compartment_member WHERE alias_id = :alias"
# The newest WINDOW matches in the scope's files, with their scores.
_WINDOW = """
    SELECT search_fts.rowid AS doc, bm25(search_fts) AS score
    FROM search_fts
    JOIN search_doc AS d ON d.doc = search_fts.rowid
    WHERE search_fts MATCH :query
      AND d.compartment_id IN ({members}){narrow}
    ORDER BY search_fts.rowid DESC
    LIMIT :window
"""
# For a narrow scope, the scope's own documents are gathered first into an
# in-memory set (from the covering index on compartment_id): matches outside it
# are dropped without reading their search_doc row, which on SQLCipher means
# decrypting a page per match. The "+" keeps SQLite from handing the rowid test
# to FTS5, which would probe the index once per document.
_NARROW = (
    "\n      AND +search_fts.rowid IN (SELECT doc FROM search_doc WHERE compartment_id IN"
    " (SELECT compartment_id FROM compartment_member WHERE alias_id = :alias))"
)
_SEARCH = """
    SELECT w.doc, d.kind, d.ref_id, d.debrief_id,
           coalesce(s.codename,
                    (SELECT codename FROM source WHERE compartment_id = d.compartment_id LIMIT 1))
             AS codename,
           w.score, db.created_at AS written,
           coalesce(s.id,
                    (SELECT id FROM source WHERE compartment_id = d.compartment_id LIMIT 1))
             AS source_id
    FROM ({window}) AS w
    JOIN search_doc AS d ON d.doc = w.doc
    LEFT JOIN debrief AS db ON db.id = d.debrief_id
    LEFT JOIN source AS s ON s.id = db.source_id
    ORDER BY {order}
    LIMIT :limit
"""
# Snippets only for the hits shown (an auxiliary function runs in the FTS query):
# the range keeps FTS5 to the window's rowids, the list picks the hits.
_SNIPPETS = text(
    """
    SELECT rowid, snippet(search_fts, 0, char(2), char(3), '…', 14)
    FROM search_fts
    WHERE search_fts MATCH :query AND rowid BETWEEN :low AND :high AND +rowid IN :docs
    """
).bindparams(bindparam("docs", expanding=True, type_=Integer))


def _search_sql(narrow: bool, sort: Sort) -> str:
    window = _WINDOW.format(members=_MEMBER_COMPARTMENTS, narrow=_NARROW if narrow else "")
    return _SEARCH.format(window=window, order=SEARCH_ORDERS[(sort.key, sort.descending)])


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


def search(
    vault: Vault,
    scope: Scope,
    user_text: str,
    *,
    limit: int = 50,
    sort: Sort | None = None,
    window: int = WINDOW,
) -> list[SearchHit]:
    """The first ``limit`` of the newest ``window`` matches in the scope's files,
    in ``sort``'s order (best match first unless told)."""
    query = fts_query(user_text)
    sort = sort or DEFAULT_SEARCH_SORT
    if (sort.key, sort.descending) not in SEARCH_ORDERS:
        raise ValueError(f"no search sort {sort.key!r}")
    with vault.read() as session:
        sql = text(_search_sql(is_narrow(session, scope), sort))
        params = {"query": query, "alias": scope.alias_id.hex, "limit": limit, "window": window}
        rows = session.execute(sql, params).all()
        docs = [r[0] for r in rows]
        snippets: dict[int, str] = {}
        if docs:
            snippets = dict(
                session.execute(
                    _SNIPPETS, {"query": query, "low": min(docs), "high": max(docs), "docs": docs}
                ).all()
            )
        # Shown apart from a namesake the alias also sees (app.dal.source_names).
        shown = shown_codenames(session, scope, {uuid.UUID(hex=r[7]) for r in rows if r[7]})
    return [
        SearchHit(
            kind=r[1],
            ref_id=uuid.UUID(hex=r[2]),
            debrief_id=uuid.UUID(hex=r[3]) if r[3] else None,
            codename=(shown.get(uuid.UUID(hex=r[7])) if r[7] else None) or r[4] or "",
            snippet=snippets.get(r[0], ""),
            rank=float(r[5]),
            written_at=_parse_time(r[6]),
            source_id=uuid.UUID(hex=r[7]) if r[7] else None,
        )
        for r in rows
    ]


def _parse_time(value: str | None) -> datetime | None:
    return parse_stored_utc(value) if value else None


MENTIONS_LIMIT = 100


def debriefs_mentioning(
    vault: Vault,
    scope: Scope,
    subject_id: uuid.UUID,
    *,
    exclude_debrief: uuid.UUID | None = None,
    limit: int = MENTIONS_LIMIT,
    sort: Sort | None = None,
) -> list[DebriefRow]:
    """Other debriefs that mention the same subject (same kind and normalised name),
    in any compartment the scope may see, and only those; the first ``limit`` in
    ``sort``'s order (newest first unless told): a common name can be in thousands
    of debriefs, and the panel shows a few."""
    keyset = DEBRIEF_SORTS.keyset(sort)
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
            mapping.debrief_row_query(scope)
            .where(Debrief.id.in_(debrief_ids), visible(Debrief.compartment_id, scope))
            .order_by(*keyset.order_by())
            .limit(limit)
        )
        if exclude_debrief is not None:
            query = query.where(Debrief.id != exclude_debrief)
        return [mapping.debrief_row(r) for r in session.execute(query).all()]
