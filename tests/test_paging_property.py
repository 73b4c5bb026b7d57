"""Property: paging through any list, in every order it offers, in the services
and in the screens, yields exactly the rows the alias may see, each once, in that
order (issues 15 and 16).

Hypothesis draws aliases and their memberships, debriefs in several files (with
statuses, authors, contact kinds and item counts that tie), audit events, package
log entries and a page size; times are drawn to tie: many rows at the identical
microsecond, rows a microsecond apart across midnight, rows on the same day.
Expected lists are computed here, from the stored rows and the memberships, with
Python's own ordering of datetimes, strings and UUIDs (tests/helpers/paging.py). The
screens are sorted as a user does, through the header's sort indicator (a click
sets it), and scrolled to the end. Every statement the lists run is watched for a
time bound in any form but the stored one.
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
from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import delete, update

from app.dal import scope as scope_module
from app.dal.keyset import Sort
from app.domain.enums import ContactKind, DebriefStatus, Role
from app.domain.scope import Actor, Scope
from app.models import CompartmentMember, Debrief, Source
from app.services.admin import aliases, audit
from app.services.exchange import package_log
from app.services.records import debriefs, search, sources
from app.services.records.contacts import ContactDraft, record_contact
from app.services.records.debriefs import DEBRIEF_SORTS, DebriefContent, DebriefFilter
from app.ui.packages.log_tab import LogTab
from app.ui.pages import search as search_page_module
from app.ui.pages.audit import AuditPage
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.home import HomePage
from app.ui.pages.search import SearchPage
from app.ui.pages.sources import SourcesPage
from app.ui.session import AppSession
from app.ui.workers import TaskRunner
from app.vault import audit_chain
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.paging import (
    AUDIT_KEYS,
    LOG_KEYS,
    Expected,
    every_page,
    log_entry,
    scroll_to_end,
    times_bound_as_stored,
)

MIDNIGHT = datetime(2026, 3, 5, tzinfo=UTC)
WORD = "zwaluw"  # in every narrative, so a search finds every debrief
FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
WAITING = (DebriefStatus.DRAFT, DebriefStatus.RETURNED)
DIRECTIONS = (True, False)
MAX_PAGE = 5  # page sizes drawn: 1 to 5
MAX_PAGES = 3
MAX_ROWS = 12  # debriefs in a world

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
    page = draw(st.integers(1, MAX_PAGE))
    # At most MAX_PAGES full pages and one row more: every list still runs from
    # shorter than a page, through exactly one, two, three pages (an empty last
    # fetch), to a partial last page, and tie groups straddle the boundaries; the
    # cost (one query per page, in every order) stays bounded from run to run.
    longest = min(MAX_PAGES * page + 1, MAX_ROWS)
    return {
        "roles": [draw(st.sampled_from([Role.RUNNER, Role.HANDLER])) for _ in range(n_aliases)],
        "members": [[draw(st.booleans()) for _ in range(n_files)] for _ in range(n_aliases)],
        # Codenames that differ only in case (a vault from before the name rule,
        # or packages, can hold them), or not.
        "names": draw(
            st.lists(
                st.sampled_from(["ALK", "alk", "Alk", "BERK", "berk", "CEDER"]),
                min_size=n_files,
                max_size=n_files,
                unique=True,
            )
        ),
        "debriefs": draw(
            st.lists(
                st.tuples(
                    st.integers(0, n_files - 1),
                    moments,
                    st.sampled_from(list(DebriefStatus)),
                    st.sampled_from([None, *ContactKind]),
                    st.integers(0, 2),  # items
                    st.integers(0, n_aliases - 1),  # author
                ),
                max_size=longest,
            )
        ),
        "events": draw(
            st.lists(
                st.tuples(
                    st.integers(0, n_aliases - 1),
                    st.sampled_from(["debrief.viewed", "source.updated", "alias.switched"]),
                    st.sampled_from(["", "debrief", "source"]),
                    st.one_of(st.none(), st.integers(0, n_files - 1)),
                    moments,
                ),
                max_size=min(longest, 10),
            )
        ),
        "log": draw(
            st.lists(
                st.tuples(
                    moments,
                    st.sampled_from(["in", "out"]),
                    st.sampled_from(["debriefs", "receipt"]),
                    st.integers(0, 3),  # records
                    st.sampled_from(["Havik", "Uil", ""]),
                    st.one_of(st.none(), moments),  # confirmed
                ),
                max_size=min(longest, 10),
            )
        ),
        "page": page,
        # The alias whose screens are driven (each alias's services are all checked).
        "on_screen": draw(st.integers(0, n_aliases - 1)),
        # Every scope takes the narrow plan, or only those that see no file
        # (app.dal.scope.is_narrow): both plans must page alike.
        "narrow": draw(st.booleans()),
    }


def _build(vault: Vault, world: dict[str, Any]) -> list[str]:
    """Fills the vault with ``world``; returns the aliases' names (A0 owns every file)."""
    names = ["A0"] + [f"A{i}" for i in range(1, len(world["roles"]))]
    for name, role in zip(names[1:], world["roles"][1:], strict=True):
        aliases.add_alias(vault, name, role=role, can_act=True)
    owner = aliases.resolve_scope(vault, "A0")
    alias_ids = [aliases.resolve_scope(vault, n).alias_id for n in names]
    files = [factory.source(vault, owner, f"F{n}") for n in range(len(world["names"]))]
    made = []
    for n, (f, when, status, kind, items, author) in enumerate(world["debriefs"]):
        contact_id = None
        if kind is not None:
            contact_id = record_contact(
                vault, owner, files[f], ContactDraft(kind=kind, occurred_at=MIDNIGHT)
            )
        debrief_id = debriefs.create_draft(vault, owner, files[f], contact_id=contact_id)
        debriefs.save_draft(vault, owner, debrief_id, DebriefContent(narrative=f"{WORD} {n}"))
        for i in range(items):
            debriefs.add_item(vault, owner, debrief_id, factory.graded_item(f"item {i}"))
        made.append((debrief_id, when, status, alias_ids[author]))
    with vault.write() as session:
        for debrief_id, when, status, author in made:
            session.execute(
                update(Debrief)
                .where(Debrief.id == debrief_id)
                .values(created_at=when, status=status, author_alias_id=author)
            )
        comps = [session.get(Source, f).compartment_id for f in files]  # type: ignore[union-attr]
        # Codenames as drawn.
        for f, name in zip(files, world["names"], strict=True):
            session.execute(update(Source).where(Source.id == f).values(codename=name))
        for n, (when, direction, kind, records, who, confirmed) in enumerate(world["log"]):
            entry = log_entry(n, when)
            entry.direction, entry.kind, entry.records = direction, kind, records
            entry.counterpart, entry.confirmed_at = who, confirmed
            session.add(entry)
        for actor, action, record_type, comp, when in world["events"]:
            audit_chain.append(
                session,
                Actor(names[actor], alias_ids[actor]),
                action,
                record_type=record_type,
                compartment_id=None if comp is None else comps[comp],
                at=when,
            )
        session.execute(delete(CompartmentMember))
        for name, row in zip(names, world["members"], strict=True):
            alias_id = aliases.resolve_scope(vault, name).alias_id
            for comp, member in zip(comps, row, strict=True):
                if member:
                    session.add(CompartmentMember(compartment_id=comp, alias_id=alias_id))
    return names


def _sorts(names: tuple[str, ...]) -> list[Sort]:
    return [Sort(key, descending) for key in names for descending in DIRECTIONS]


def _check_services(vault: Vault, scope: Scope, want: Expected, size: int) -> None:
    def debrief_pages(**kw: Any) -> list[uuid.UUID]:
        return every_page(
            lambda c: debriefs.list_debriefs(vault, scope, after=c, limit=size, **kw),
            lambda p: [r.id for r in p.rows],
        )

    def id_pages(**kw: Any) -> list[uuid.UUID]:
        return every_page(
            lambda c: debriefs.debrief_id_page(vault, scope, after=c, limit=size, **kw),
            lambda p: list(p.ids),
        )

    # The older keyword filters, in the default order.
    assert debrief_pages() == want.debriefs
    assert id_pages() == want.debriefs
    assert debriefs.count_debriefs(vault, scope) == len(want.debriefs)
    for sid, expected in want.by_source.items():
        assert debrief_pages(source_id=sid) == expected
        assert debriefs.count_debriefs(vault, scope, source_id=sid) == len(expected)
    # Every order, with and without filters.
    filters: list[tuple[dict[str, Any], DebriefFilter]] = [
        ({}, DebriefFilter()),
        (
            {"statuses": WAITING, "author": scope.alias_id},
            DebriefFilter(statuses=WAITING, author_alias_id=scope.alias_id),
        ),
        *[({"source_id": sid}, DebriefFilter(source_id=sid)) for sid in want.by_source],
        *[({"statuses": (s,)}, DebriefFilter(statuses=(s,))) for s in DebriefStatus],
    ]
    for sort in _sorts(DEBRIEF_SORTS.names):
        for wanted, chosen in filters:
            expected = want.sorted_debriefs(sort.key, sort.descending, **wanted)
            assert debrief_pages(sort=sort, filters=chosen) == expected, (sort, chosen)
            assert id_pages(sort=sort, filters=chosen) == expected, (sort, chosen)
            assert debriefs.count_debriefs(vault, scope, filters=chosen) == len(expected)

    def event_pages(sort: Sort) -> list[int]:
        return every_page(
            lambda c: audit.event_page(vault, scope, sort=sort, after=c, limit=size),
            lambda p: [e.seq for e in p.rows],
        )

    def log_pages(sort: Sort) -> list[uuid.UUID]:
        return every_page(
            lambda c: package_log.log_page(vault, scope, sort=sort, after=c, limit=size),
            lambda p: [e.package_id for e in p.rows],
        )

    for sort in _sorts(tuple(AUDIT_KEYS)):
        assert event_pages(sort) == want.sorted_events(sort.key, sort.descending), sort
    for sort in _sorts(tuple(LOG_KEYS)):
        assert log_pages(sort) == want.sorted_log(sort.key, sort.descending), sort
    assert [e.package_id for e in package_log.log_entries(vault, scope)] == want.log
    assert [s.codename for s in sources.list_sources(vault, scope)] == want.codenames
    # Search is not paged: the first hits of the newest ``window`` matches, in order.
    every = search.search(vault, scope, WORD, limit=len(want.hits) + 1)
    rank = {h.ref_id: h.rank for h in every}
    assert set(rank) == set(want.hits)
    for sort in _sorts(search.SEARCH_SORT_KEYS):
        for window in (size, len(want.hits) + 1):
            for limit in (size, len(want.hits) + 1):
                hits = search.search(vault, scope, WORD, limit=limit, sort=sort, window=window)
                expected = want.sorted_hits(sort.key, sort.descending, rank, window)
                assert [h.ref_id for h in hits] == expected[:limit], (sort, window, limit)
                assert all(h.written_at == want.created[h.ref_id] for h in hits)


def _column(model: Any, get: Callable[[Any], Any]) -> list[Any]:
    return [get(model.row_at(r)) for r in range(model.rowCount())]


def _sort_by_header(view: QTableView, section: int, descending: bool) -> None:
    """As a header click does: the indicator moves, the view sorts the model."""
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    view.horizontalHeader().setSortIndicator(section, order)
    QApplication.processEvents()


def _sortable_sections(view: QTableView) -> list[tuple[int, str]]:
    model = view.model()
    return [
        (c, model._columns[c].sort)  # type: ignore[attr-defined]
        for c in range(model.columnCount())
        if model.can_sort(c)  # type: ignore[attr-defined]
    ]


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
        page.reload()  # "All", as the window loads the page
        for section, key in _sortable_sections(page.table):
            for descending in DIRECTIONS:
                _sort_by_header(page.table, section, descending)
                for index in (0, 1):  # all, then drafts only
                    page.status.setCurrentIndex(index)  # reloads, as choosing a filter does
                    scroll_to_end(page.table)
                    statuses = () if index == 0 else (DebriefStatus.DRAFT,)
                    expected = want.sorted_debriefs(key, descending, statuses=statuses)
                    ids = [page.model.id_at(r) for r in range(page.model.rowCount())]
                    assert ids == expected, (key, descending, index)
                    assert _column(page.model, lambda d: d.id) == expected  # rows load for them
        page.status.setCurrentIndex(0)

        home = HomePage(session, runner)
        shown.append(home)
        home.resize(800, 300)
        home.show()
        home.waiting.ID_PAGE = size
        testers.append(QAbstractItemModelTester(home.waiting, FATAL))
        home.reload()
        for section, key in _sortable_sections(home.waiting_table):
            for descending in DIRECTIONS:
                _sort_by_header(home.waiting_table, section, descending)
                scroll_to_end(home.waiting_table)
                expected = want.sorted_debriefs(
                    key, descending, statuses=WAITING, author=scope.alias_id
                )
                ids = [home.waiting.id_at(r) for r in range(home.waiting.rowCount())]
                assert ids == expected, ("home", key, descending)

        audit_page = AuditPage(session, runner)
        shown.append(audit_page)
        audit_page.resize(400, 200)
        audit_page.show()
        audit_page.model.PAGE = size
        testers.append(QAbstractItemModelTester(audit_page.model, FATAL))
        audit_page.reload()  # in the order last chosen (kept in the local settings)
        for section, key in _sortable_sections(audit_page.table):
            for descending in DIRECTIONS:
                _sort_by_header(audit_page.table, section, descending)
                scroll_to_end(audit_page.table)
                expected_events = want.sorted_events(key, descending)
                assert _column(audit_page.model, lambda e: e.seq) == expected_events, key

        log_tab = LogTab(session)
        shown.append(log_tab)
        log_tab.resize(400, 200)
        log_tab.show()
        log_tab.model.PAGE = size
        testers.append(QAbstractItemModelTester(log_tab.model, FATAL))
        log_tab.reload()
        for section, key in _sortable_sections(log_tab.table.view):
            for descending in DIRECTIONS:
                _sort_by_header(log_tab.table.view, section, descending)
                scroll_to_end(log_tab.table.view)
                expected_log = want.sorted_log(key, descending)
                assert _column(log_tab.model, lambda e: e.package_id) == expected_log, key

        sources_page = SourcesPage(session, runner)
        shown.append(sources_page)
        sources_page.reload()
        assert _column(sources_page.model, lambda s: s.codename) == want.codenames

        search_ui = SearchPage(session, runner)
        shown.append(search_ui)
        search_ui.resize(600, 300)
        search_ui.show()
        every = search.search(vault, scope, WORD, limit=len(want.hits) + 1)
        rank = {h.ref_id: h.rank for h in every}
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(search_page_module, "RESULT_LIMIT", size)
            search_ui.query.setText(WORD)
            search_ui.run_search()
            for section, key in _sortable_sections(search_ui.table):
                for descending in DIRECTIONS:
                    _sort_by_header(search_ui.table, section, descending)
                    expected_hits = want.sorted_hits(key, descending, rank, search.WINDOW)
                    hits = _column(search_ui.model, lambda h: h.ref_id)
                    assert hits == expected_hits[:size], (key, descending)
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
    # Each example checks every list in every order, in the services and on screen
    # (seconds each); the draws differ from run to run, so every run adds new worlds.
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(world=worlds())
def test_every_list_pages_through_every_row_once_in_every_order(
    qapp: QApplication, world: dict[str, Any]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "vault"
        factory.make_vault(root, alias="A0", role=Role.RUNNER)
        # One open for building and checking: its statements stay compiled.
        with Vault.open(root, factory.PASSPHRASE) as vault:
            names = _build(vault, world)
            with pytest.MonkeyPatch.context() as mp, times_bound_as_stored() as wrong:
                mp.setattr(scope_module, "NARROW_SHARE", 1.0 if world["narrow"] else 0.0)
                for n, name in enumerate(names):
                    scope = aliases.resolve_scope(vault, name)
                    want = Expected(vault, scope)
                    _check_services(vault, scope, want, world["page"])
                    if n == world["on_screen"]:
                        _check_screens(vault, scope, want, world["page"])
            assert wrong == []
