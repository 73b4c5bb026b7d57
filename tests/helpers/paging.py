"""For the paging tests: what a paged list must show an alias, computed from the
stored rows; a watch on the times bound in statements; scrolling a view to the end."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QApplication
from sqlalchemy import event, select, text
from sqlalchemy.engine import Engine

from app.clock import iso_utc
from app.domain.enums import ContactKind, DebriefStatus
from app.domain.scope import Scope
from app.models import (
    AuditEvent,
    CompartmentMember,
    Contact,
    Debrief,
    IntelligenceItem,
    Source,
)
from app.models.base import new_id
from app.models.packages import PackageLog
from app.services.exchange import package_log
from app.vault.vault import Vault

# SQLAlchemy's and the driver's default renderings of a datetime: never what the
# vault stores (UTCDateTime: 2026-03-05T00:00:00.000000Z).
DEFAULT_RENDERING = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d)?")


@contextmanager
def times_bound_as_stored() -> Iterator[list[str]]:
    """Collect every parameter that is a time in a form other than the stored one."""
    wrong: list[str] = []

    def check(
        conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
    ) -> None:
        rows = parameters if many else [parameters]
        for row in rows:
            values = row.values() if isinstance(row, dict) else row or ()
            for value in values:
                if isinstance(value, datetime) or (
                    isinstance(value, str) and DEFAULT_RENDERING.fullmatch(value)
                ):
                    wrong.append(f"{value!r} in {statement}")

    event.listen(Engine, "before_cursor_execute", check)
    try:
        yield wrong
    finally:
        event.remove(Engine, "before_cursor_execute", check)


# The orders the services promise (app.services.records.debriefs, audit, package_log),
# written again here from the stored values, with Python's own comparisons.
STATUS_RANK = {
    DebriefStatus.DRAFT: 0,
    DebriefStatus.RETURNED: 1,
    DebriefStatus.SUBMITTED: 2,
    DebriefStatus.APPROVED: 3,
}
CONTACT_RANK = {None: 0, ContactKind.MEETING: 1, ContactKind.CALL: 2, ContactKind.MESSAGE: 3}


@dataclass(frozen=True)
class DebriefFacts:
    id: uuid.UUID
    created_at: datetime
    codename: str
    status: DebriefStatus
    contact: ContactKind | None
    items: int
    source_id: uuid.UUID
    author: uuid.UUID | None


DEBRIEF_KEYS: dict[str, Callable[[DebriefFacts], tuple[Any, ...]]] = {
    "written": lambda d: (d.created_at, d.id),
    "source": lambda d: (d.codename, d.created_at, d.id),
    "status": lambda d: (STATUS_RANK[d.status], d.created_at, d.id),
    "contact": lambda d: (CONTACT_RANK[d.contact], d.created_at, d.id),
    "items": lambda d: (d.items, d.created_at, d.id),
}
AUDIT_KEYS: dict[str, Callable[[Any], tuple[Any, ...]]] = {
    "seq": lambda e: (e.seq,),
    "at": lambda e: (e.at, e.seq),
    "actor": lambda e: (e.actor, e.seq),
    "action": lambda e: (e.action, e.seq),
    "record": lambda e: (e.record_type, e.seq),
}
LOG_KEYS: dict[str, Callable[[Any], tuple[Any, ...]]] = {
    "when": lambda e: (e.processed_at, e.id),
    "way": lambda e: (e.direction, e.kind, e.processed_at, e.id),
    "number": lambda e: (e.sequence, e.processed_at, e.id),
    "records": lambda e: (e.records, e.processed_at, e.id),
    "with": lambda e: (e.counterpart, e.processed_at, e.id),
    "state": lambda e: (iso_utc(e.confirmed_at) if e.confirmed_at else "", e.processed_at, e.id),
}


class Expected:
    """What each list must show an alias, from the stored rows, in every order."""

    def __init__(self, vault: Vault, scope: Scope) -> None:
        self.alias_id = scope.alias_id
        with vault.read() as session:
            mine = set(
                session.execute(
                    select(CompartmentMember.compartment_id).where(
                        CompartmentMember.alias_id == scope.alias_id
                    )
                ).scalars()
            )
            codename = dict(session.execute(select(Source.id, Source.codename)).all())
            contact_kind = dict(session.execute(select(Contact.id, Contact.kind)).all())
            items: dict[uuid.UUID, int] = {}
            for debrief_id in session.execute(select(IntelligenceItem.debrief_id)).scalars():
                items[debrief_id] = items.get(debrief_id, 0) + 1
            rows = session.execute(
                select(
                    Debrief.id,
                    Debrief.created_at,
                    Debrief.compartment_id,
                    Debrief.status,
                    Debrief.source_id,
                    Debrief.contact_id,
                    Debrief.author_alias_id,
                )
            ).all()
            self.facts = [
                DebriefFacts(
                    r.id,
                    r.created_at,
                    codename[r.source_id],
                    r.status,
                    contact_kind.get(r.contact_id) if r.contact_id else None,
                    items.get(r.id, 0),
                    r.source_id,
                    r.author_alias_id,
                )
                for r in rows
                if r.compartment_id in mine
            ]
            self.debriefs = self.sorted_debriefs("written", True)
            self.status = {f.id: f.status for f in self.facts}
            self.created = {f.id: f.created_at for f in self.facts}
            source_of = self._source
            self.by_source = {
                sid: [d for d in self.debriefs if source_of[d] == sid]
                for sid in session.execute(
                    select(Source.id).where(Source.compartment_id.in_(mine))
                ).scalars()
            }
            self.codenames = sorted(
                session.execute(
                    select(Source.codename).where(Source.compartment_id.in_(mine))
                ).scalars()
            )
            self.audit_rows = [
                e
                for e in session.execute(
                    select(
                        AuditEvent.seq,
                        AuditEvent.at,
                        AuditEvent.actor,
                        AuditEvent.action,
                        AuditEvent.record_type,
                        AuditEvent.compartment_id,
                    )
                ).all()
                if e.compartment_id is None or e.compartment_id in mine
            ]
            self.events = self.sorted_events("seq", True)
            self.log_rows = session.execute(
                select(
                    PackageLog.id,
                    PackageLog.direction,
                    PackageLog.kind,
                    PackageLog.processed_at,
                    PackageLog.sequence,
                    PackageLog.records,
                    PackageLog.counterpart,
                    PackageLog.confirmed_at,
                )
            ).all()
            self.log = self.sorted_log("when", True)
            # Search hits: narratives (a narrative's document is the last written
            # for it), newest document first; ``docs`` maps a debrief to its document.
            docs = session.execute(
                text(
                    "SELECT doc, ref_id FROM search_doc WHERE kind = 'narrative' ORDER BY doc DESC"
                )
            ).all()
            visible = set(self.debriefs)
            self.doc_of = {
                uuid.UUID(hex=ref): doc for doc, ref in docs if uuid.UUID(hex=ref) in visible
            }
            self.hits = list(self.doc_of)
            # Ids are stored as lowercase hex, which sorts as the UUIDs do.
            stored = session.execute(
                text("SELECT id FROM debrief UNION ALL SELECT id FROM package_log")
            ).scalars()
            assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in stored)

    @property
    def _source(self) -> dict[uuid.UUID, uuid.UUID]:
        return {f.id: f.source_id for f in self.facts}

    def sorted_debriefs(
        self,
        key: str,
        descending: bool,
        *,
        statuses: tuple[DebriefStatus, ...] = (),
        source_id: uuid.UUID | None = None,
        author: uuid.UUID | None = None,
    ) -> list[uuid.UUID]:
        chosen = [
            f
            for f in self.facts
            if (not statuses or f.status in statuses)
            and (source_id is None or f.source_id == source_id)
            and (author is None or f.author == author)
        ]
        return [f.id for f in sorted(chosen, key=DEBRIEF_KEYS[key], reverse=descending)]

    def sorted_events(self, key: str, descending: bool) -> list[int]:
        return [e.seq for e in sorted(self.audit_rows, key=AUDIT_KEYS[key], reverse=descending)]

    def sorted_log(self, key: str, descending: bool) -> list[uuid.UUID]:
        return [e.id for e in sorted(self.log_rows, key=LOG_KEYS[key], reverse=descending)]

    def sorted_hits(
        self, key: str, descending: bool, rank: dict[uuid.UUID, float], window: int
    ) -> list[uuid.UUID]:
        """Search: the newest ``window`` hits, in the sort's order, ties newest
        document first. Ranks come from FTS5 (bm25 has no second implementation
        here); what is checked is the order by them and the set they are over."""
        considered = self.hits[:window]
        facts = {f.id: f for f in self.facts}
        newest = {d: -self.doc_of[d] for d in considered}
        values: dict[str, Callable[[uuid.UUID], Any]] = {
            "rank": lambda d: rank[d],
            "written": lambda d: facts[d].created_at,
            "source": lambda d: facts[d].codename,
            "kind": lambda _d: "narrative",
        }
        value = values[key]
        # Best match (lowest bm25) first is "descending" for rank.
        reverse = descending if key != "rank" else not descending
        ordered = sorted(considered, key=lambda d: newest[d])  # the tie order
        return sorted(ordered, key=value, reverse=reverse)

    def with_status(self, status: DebriefStatus) -> list[uuid.UUID]:
        return [d for d in self.debriefs if self.status[d] is status]


def every_page(fetch: Callable[[Any], Any], rows_of: Callable[[Any], Sequence[Any]]) -> list[Any]:
    """Follow the cursor from the first page to the last, as the CLI does."""
    out: list[Any] = []
    cursor = None
    for _ in range(1000):
        page = fetch(cursor)
        out += rows_of(page)
        if not page.has_more:
            return out
        assert page.cursor is not None
        cursor = page.cursor
    raise AssertionError("paging never ended")


def log_entry(n: int, when: datetime) -> PackageLog:
    """A received package's log entry, as if processed at ``when``."""
    return PackageLog(
        id=new_id(),
        direction=package_log.IN,
        kind="debriefs",
        channel="c" * 64,
        counterpart="Havik",
        sequence=n + 1,
        sha256=hashlib.sha256(str(n).encode()).hexdigest(),
        created_at=when,
        processed_at=when,
        records=n,
    )


def scroll_to_end(view: QAbstractItemView) -> None:
    """Scroll to the bottom as a user would, until the model has nothing more.
    While the last row is on screen the view asks for more, as Qt's own check does
    (a view runs that check only when its geometry changes: tiny pages can leave
    it unchanged, a real page of 500 or 2,000 rows always overfills the view)."""
    model = view.model()
    root = QModelIndex()
    for _ in range(1000):
        QApplication.processEvents()
        if not model.canFetchMore(root):
            return
        view.scrollToBottom()
        QApplication.processEvents()
        last = view.visualRect(model.index(model.rowCount() - 1, 0))
        if model.canFetchMore(root) and (
            model.rowCount() == 0 or view.viewport().rect().intersects(last)
        ):
            model.fetchMore(root)
    raise AssertionError("the view never reached the end of the list")
