"""Property: paging through any list, in the services and in the screens, yields
exactly the rows the alias may see, each once, in the list's order (issue 15).

Hypothesis draws aliases and their memberships, debriefs in several files, package
log entries and a page size; times are drawn to tie: many rows at the identical
microsecond, rows a microsecond apart across midnight, rows on the same day.
Expected lists are computed here, from the stored rows and the memberships, with
Python's own ordering of datetimes and UUIDs. Every statement the lists run is
watched for a time bound in any form but the stored one.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QThreadPool
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication
from sqlalchemy import delete, update

from app.dal import scope as scope_module
from app.dal.scope import Scope
from app.models import CompartmentMember, Debrief, Source
from app.models.enums import DebriefStatus, Role
from app.services import aliases, audit, debriefs, package_log, search, sources
from app.services.debriefs import DebriefContent
from app.ui.packages.log_tab import LogTab
from app.ui.pages import search as search_page_module
from app.ui.pages.audit import AuditPage
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.search import SearchPage
from app.ui.pages.sources import SourcesPage
from app.ui.session import AppSession
from app.ui.workers import TaskRunner
from app.vault.vault import Vault
from tests import factory
from tests.paging import Expected, every_page, log_entry, scroll_to_end, times_bound_as_stored

MIDNIGHT = datetime(2026, 3, 5, tzinfo=UTC)
WORD = "zwaluw"  # in every narrative, so a search finds every debrief
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal

moments = st.one_of(
    st.just(MIDNIGHT),  # many rows at the identical microsecond
    st.integers(-3, 3).map(lambda us: MIDNIGHT + timedelta(microseconds=us)),
    st.integers(-86_400, 86_399).map(lambda s: MIDNIGHT + timedelta(seconds=s)),
    st.integers(0, 400).map(lambda d: MIDNIGHT - timedelta(days=d, microseconds=d)),
)


@st.composite
def worlds(draw: st.DrawFn) -> dict[str, Any]:
    n_aliases = draw(st.integers(1, 3))
    n_files = draw(st.integers(1, 3))
    return {
        "roles": [draw(st.sampled_from([Role.RUNNER, Role.HANDLER])) for _ in range(n_aliases)],
        "members": [[draw(st.booleans()) for _ in range(n_files)] for _ in range(n_aliases)],
        "debriefs": draw(
            st.lists(
                st.tuples(
                    st.integers(0, n_files - 1),
                    moments,
                    st.sampled_from([DebriefStatus.DRAFT, DebriefStatus.SUBMITTED]),
                ),
                max_size=24,
            )
        ),
        "log": draw(st.lists(moments, max_size=10)),
        "page": draw(st.integers(1, 6)),
        # Every scope takes the narrow plan, or only those that see no file
        # (app.dal.scope.is_narrow): both plans must page alike.
        "narrow": draw(st.booleans()),
    }


def _build(root: Path, world: dict[str, Any]) -> list[str]:
    """The vault of ``world``; returns the aliases' names (A0 owns every file)."""
    factory.make_vault(root, alias="A0", role=Role.RUNNER)
    names = ["A0"] + [f"A{i}" for i in range(1, len(world["roles"]))]
    with Vault.open(root, factory.PASSPHRASE) as vault:
        for name, role in zip(names[1:], world["roles"][1:], strict=True):
            aliases.add_alias(vault, name, role=role, can_act=True)
        owner = aliases.resolve_scope(vault, "A0")
        files = [factory.source(vault, owner) for _ in world["members"][0]]
        made = []
        for n, (f, when, status) in enumerate(world["debriefs"]):
            debrief_id = debriefs.create_draft(vault, owner, files[f])
            debriefs.save_draft(vault, owner, debrief_id, DebriefContent(narrative=f"{WORD} {n}"))
            made.append((debrief_id, when, status))
        with vault.write() as session:
            for debrief_id, when, status in made:
                session.execute(
                    update(Debrief)
                    .where(Debrief.id == debrief_id)
                    .values(created_at=when, status=status)
                )
            for n, when in enumerate(world["log"]):
                session.add(log_entry(n, when))
            comps = [session.get(Source, f).compartment_id for f in files]  # type: ignore[union-attr]
            session.execute(delete(CompartmentMember))
            for name, row in zip(names, world["members"], strict=True):
                alias_id = aliases.resolve_scope(vault, name).alias_id
                for comp, member in zip(comps, row, strict=True):
                    if member:
                        session.add(CompartmentMember(compartment_id=comp, alias_id=alias_id))
    return names


def _check_services(vault: Vault, scope: Scope, want: Expected, size: int) -> None:
    def debrief_pages(**filters: Any) -> list[uuid.UUID]:
        return every_page(
            lambda c: debriefs.list_debriefs(vault, scope, after=c, limit=size, **filters),
            lambda p: [r.id for r in p.rows],
        )

    def id_pages(**filters: Any) -> list[uuid.UUID]:
        return every_page(
            lambda c: debriefs.debrief_id_page(vault, scope, after=c, limit=size, **filters),
            lambda p: list(p.ids),
        )

    assert debrief_pages() == want.debriefs
    assert id_pages() == want.debriefs
    assert debriefs.count_debriefs(vault, scope) == len(want.debriefs)
    for status in (DebriefStatus.DRAFT, DebriefStatus.SUBMITTED):
        assert debrief_pages(status=status) == want.with_status(status)
        assert id_pages(status=status) == want.with_status(status)
    for sid, expected in want.by_source.items():
        assert debrief_pages(source_id=sid) == expected
        assert id_pages(source_id=sid) == expected
        assert debriefs.count_debriefs(vault, scope, source_id=sid) == len(expected)
    events = every_page(
        lambda c: audit.event_page(vault, scope, after=c, limit=size),
        lambda p: [e.seq for e in p.rows],
    )
    assert events == want.events
    log = every_page(
        lambda c: package_log.log_page(vault, scope, after=c, limit=size),
        lambda p: [e.package_id for e in p.rows],
    )
    assert log == want.log
    assert [e.package_id for e in package_log.log_entries(vault, scope)] == want.log
    assert [s.codename for s in sources.list_sources(vault, scope)] == want.codenames
    # Search is not paged: it shows the newest hits up to its limit.
    for limit in (size, len(want.hits) + 1):
        hits = search.search(vault, scope, WORD, limit=limit)
        assert [h.ref_id for h in hits] == want.hits[:limit]


def _column(model: Any, get: Callable[[Any], Any]) -> list[Any]:
    return [get(model.row_at(r)) for r in range(model.rowCount())]


def _check_screens(vault: Vault, scope: Scope, want: Expected, size: int) -> None:
    session = AppSession(vault, scope)
    runner = TaskRunner()
    shown: list[Any] = []
    try:
        page = DebriefsPage(session, runner)
        shown.append(page)
        page.resize(400, 200)
        page.show()
        page.model.ID_PAGE = size
        testers = [QAbstractItemModelTester(page.model, FATAL)]
        for index in range(page.status.count()):
            if index == 0:
                page.reload()  # "All", as the window loads the page
            else:
                page.status.setCurrentIndex(index)  # reloads, as choosing a filter does
            scroll_to_end(page.table)
            status = page.status.currentData()
            expected = want.debriefs if status is None else want.with_status(DebriefStatus(status))
            ids = [page.model.id_at(r) for r in range(page.model.rowCount())]
            assert ids == expected, (index, status, ids, expected)
            assert _column(page.model, lambda d: d.id) == expected  # rows load for those ids

        audit_page = AuditPage(session, runner)
        shown.append(audit_page)
        audit_page.resize(400, 200)
        audit_page.show()
        audit_page.model.PAGE = size
        testers.append(QAbstractItemModelTester(audit_page.model, FATAL))
        audit_page.reload()
        scroll_to_end(audit_page.table)
        assert _column(audit_page.model, lambda e: e.seq) == want.events

        log_tab = LogTab(session)
        shown.append(log_tab)
        log_tab.resize(400, 200)
        log_tab.show()
        log_tab.model.PAGE = size
        testers.append(QAbstractItemModelTester(log_tab.model, FATAL))
        log_tab.reload()
        scroll_to_end(log_tab.table.view)
        assert _column(log_tab.model, lambda e: e.package_id) == want.log

        sources_page = SourcesPage(session, runner)
        shown.append(sources_page)
        sources_page.reload()
        assert _column(sources_page.model, lambda s: s.codename) == want.codenames

        search_ui = SearchPage(session, runner)
        shown.append(search_ui)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(search_page_module, "RESULT_LIMIT", size)
            search_ui.query.setText(WORD)
            search_ui.run_search()
        assert _column(search_ui.model, lambda h: h.ref_id) == want.hits[:size]
        capped = len(want.hits) > size
        assert ("newest" in search_ui.status.text()) is capped
        del testers
    finally:
        QThreadPool.globalInstance().waitForDone()  # the debrief count runs off the GUI thread
        QApplication.processEvents()
        for widget in shown:
            widget.close()
            widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.slow
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(world=worlds())
def test_every_list_pages_through_every_row_once_in_order(
    qapp: QApplication, world: dict[str, Any]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "vault"
        names = _build(root, world)
        with (
            pytest.MonkeyPatch.context() as mp,
            Vault.open(root, factory.PASSPHRASE) as vault,
            times_bound_as_stored() as wrong,
        ):
            mp.setattr(scope_module, "NARROW_SHARE", 1.0 if world["narrow"] else 0.0)
            for name in names:
                scope = aliases.resolve_scope(vault, name)
                want = Expected(vault, scope)
                _check_services(vault, scope, want, world["page"])
                _check_screens(vault, scope, want, world["page"])
        assert wrong == []
