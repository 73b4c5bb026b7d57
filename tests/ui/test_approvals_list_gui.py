"""The Reports page's list of sanitised requests, loaded in the pool (not on the
GUI thread), shows what it showed when each request was read on its own: the
same rows, column for column."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from app.domain.scope import Scope
from app.services import reports
from app.services.admin import aliases
from app.services.records import sources
from app.services.reports import Selection
from app.ui.main_window import MainWindow
from app.ui.pages.reports import ReportsPage
from app.ui.record_table import RecordTable
from tests.helpers import factory
from tests.test_report_approvals_list import one_by_one


def cells(table: RecordTable[Any]) -> list[list[str]]:
    model = table.model
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def several_requests(window: MainWindow) -> Scope:
    """Four requests of Valk's (one debrief, a source with an item left out, a
    period over two sources, one on its own), one approved and one rejected by
    Havik."""
    vault, valk = window.session.vault, window.session.scope
    havik = aliases.resolve_scope(vault, "Havik")
    share = (havik.alias_id,)
    onyx = sources.create_source(vault, valk, sources.SourceDraft("LIJSTA"), share_with=share)
    kwarts = sources.create_source(vault, valk, sources.SourceDraft("LIJSTB"), share_with=share)
    first = factory.debrief(vault, valk, onyx, submit=True)
    unworded = factory.graded_item("Seen at the harbour.", sanitised_text="")
    factory.debrief(vault, valk, onyx, items=(factory.graded_item(), unworded), submit=True)
    other = factory.debrief(vault, valk, kwarts, submit=True)
    today = date.today()
    made = [
        Selection(debrief_id=first),
        Selection(source_id=onyx),
        Selection(date_from=today - timedelta(days=1), date_to=today),
        Selection(debrief_id=other),
    ]
    ids = [
        reports.request_sanitised(vault, valk, s, passphrase=factory.PASSPHRASE).id for s in made
    ]
    reports.approve_sanitised(vault, havik, ids[0])
    reports.reject_sanitised(vault, havik, ids[1], "Too close to the source.")
    return havik


@pytest.mark.usefixtures("english")
def test_the_list_loads_in_the_pool_and_shows_what_it_showed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    havik = several_requests(window)
    threads: list[threading.Thread] = []
    real = reports.list_approvals

    def recorded(*args: Any, **kwargs: Any) -> list[reports.ApprovalView]:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr("app.ui.pages.report_approvals.reports.list_approvals", recorded)
    for scope in (window.session.scope, havik):
        window.session.switch_alias(scope.alias_name)
        page = window.show_page(ReportsPage)
        assert isinstance(page, ReportsPage)
        qtbot.waitUntil(lambda p=page: p.approvals_loaded)  # type: ignore[misc]
        assert QThreadPool.globalInstance().waitForDone(10_000)
        shown = cells(page.approvals)
        assert len(shown) >= 4
        # The same table, from the requests read one by one as before.
        page.approvals.set_rows(one_by_one(window.session.vault, window.session.scope))
        assert cells(page.approvals) == shown
    assert threads
    assert all(thread is not threading.main_thread() for thread in threads)
    by_status = {row[3] for row in shown}
    assert {"Awaiting approval", "Approved: can be issued", "Rejected"} <= by_status
