"""For the paging tests: what a paged list must show an alias, computed from the
stored rows; a watch on the times bound in statements; scrolling a view to the end."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QApplication
from sqlalchemy import event, select, text
from sqlalchemy.engine import Engine

from app.dal.scope import Scope
from app.models import AuditEvent, CompartmentMember, Debrief, Source
from app.models.base import new_id
from app.models.enums import DebriefStatus
from app.models.packages import PackageLog
from app.services import package_log
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


class Expected:
    """What each list must show an alias, from the stored rows."""

    def __init__(self, vault: Vault, scope: Scope) -> None:
        with vault.read() as session:
            mine = set(
                session.execute(
                    select(CompartmentMember.compartment_id).where(
                        CompartmentMember.alias_id == scope.alias_id
                    )
                ).scalars()
            )
            rows = session.execute(
                select(
                    Debrief.id,
                    Debrief.created_at,
                    Debrief.compartment_id,
                    Debrief.status,
                    Debrief.source_id,
                )
            ).all()
            self.debriefs = [
                r.id
                for r in sorted(rows, key=lambda r: (r.created_at, r.id), reverse=True)
                if r.compartment_id in mine
            ]
            self.status = {r.id: r.status for r in rows}
            source_of = {r.id: r.source_id for r in rows}
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
            events = session.execute(select(AuditEvent.seq, AuditEvent.compartment_id)).all()
            self.events = sorted((s for s, c in events if c is None or c in mine), reverse=True)
            log = session.execute(select(PackageLog.id, PackageLog.processed_at)).all()
            self.log = [r.id for r in sorted(log, key=lambda r: (r[1], r[0]), reverse=True)]
            # Search hits come newest document first; a narrative's document is
            # the last written for it.
            docs = session.execute(
                text("SELECT ref_id FROM search_doc WHERE kind = 'narrative' ORDER BY doc DESC")
            ).scalars()
            visible = set(self.debriefs)
            self.hits = [uuid.UUID(hex=d) for d in docs if uuid.UUID(hex=d) in visible]
            # Ids are stored as lowercase hex, which sorts as the UUIDs do.
            stored = session.execute(
                text("SELECT id FROM debrief UNION ALL SELECT id FROM package_log")
            ).scalars()
            assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in stored)

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
