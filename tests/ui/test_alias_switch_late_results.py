"""Work a page started under one alias and still running when the runner switches
to another: its result shows nowhere (a count, a list of another compartment's
requests, over the shoulder), and the page is not left busy waiting for it. Work
that writes holds the switch instead (``test_alias_switch_writing.py``)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QLabel, QProgressDialog
from pytestqt.qtbot import QtBot

from app.domain.scope import Scope
from app.services import reports
from app.services.admin import audit
from app.services.records import debriefs
from app.services.reports import Selection
from app.ui.main_window import MainWindow
from app.ui.pages.audit import AuditPage
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.reports import ReportsPage
from tests.helpers import factory
from tests.helpers.boxes import confirm
from tests.helpers.gui_keys import active, switch_alias
from tests.ui.test_alias_switch_pages import texts_in

CODENAME = "LAATKOMER"
WAIT = 10
LEFT = Qt.MouseButton.LeftButton


def settle(qtbot: QtBot) -> None:
    """Every task in the pool ended, and what it sent back handled."""
    assert QThreadPool.globalInstance().waitForDone(WAIT * 1000)
    qtbot.wait(50)


class Held:
    """Work for one alias that waits in the pool until the test lets it go; work
    for any other alias runs as usual."""

    def __init__(self, alias_name: str) -> None:
        self.alias_name = alias_name
        self.started = threading.Event()
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []

    def hold(self, scope: Scope) -> None:
        self.threads.append(threading.current_thread())
        if scope.alias_name == self.alias_name and not self.release.is_set():
            self.started.set()
            assert self.release.wait(WAIT)


def hint(page_label: QLabel | None) -> str:
    return page_label.text() if page_label is not None and page_label.isVisible() else ""


@pytest.mark.usefixtures("english")
def test_a_count_still_running_at_a_switch_never_shows(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(window.session.scope.alias_name)
    real = debriefs.count_debriefs

    def slow(vault: Any, scope: Scope, **kwargs: Any) -> int:
        held.hold(scope)
        return 4242 if scope.alias_name == held.alias_name else real(vault, scope, **kwargs)

    monkeypatch.setattr("app.ui.pages.debriefs.debriefs.count_debriefs", slow)
    active(qtbot, window)
    page = window.show_page(DebriefsPage)
    assert isinstance(page, DebriefsPage)
    assert held.started.wait(WAIT)

    switch_alias(qtbot, window, "Reiger")
    reiger = real(window.session.vault, window.session.scope)
    qtbot.waitUntil(lambda: page.count.text() != "")
    held.release.set()  # the last alias's count comes back now
    settle(qtbot)
    assert page.count.text() == f"{reiger} debriefs in your files"
    assert [text for text in texts_in(window) if "4242" in text] == []


@pytest.mark.usefixtures("english")
def test_a_check_running_at_a_switch_leaves_the_page_ready(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(window.session.scope.alias_name)
    scope = window.session.scope
    real = audit.verify

    def slow(vault: Any) -> Any:
        held.hold(scope)
        return real(vault)

    monkeypatch.setattr("app.ui.pages.audit.audit.verify", slow)
    active(qtbot, window)
    page = window.show_page(AuditPage)
    assert isinstance(page, AuditPage)
    qtbot.mouseClick(page.verify_button, LEFT)
    assert held.started.wait(WAIT)
    assert not page.verify_button.isEnabled()
    assert page.result.text() == "Checking…"

    switch_alias(qtbot, window, "Reiger")
    held.release.set()
    settle(qtbot)
    assert page.verify_button.isEnabled()  # not stuck waiting for a dropped answer
    assert page.result.text() == ""  # nor told the answer to a question not asked here


@pytest.mark.usefixtures("english")
def test_requests_loading_at_a_switch_never_show_under_the_new_alias(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, valk = window.session.vault, window.session.scope
    source = factory.source(vault, valk, CODENAME)
    debrief_id = factory.debrief(vault, valk, source, submit=True)
    reports.request_sanitised(
        vault, valk, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )
    held = Held(valk.alias_name)
    real = reports.list_approvals

    def slow(vault: Any, scope: Scope, **kwargs: Any) -> list[reports.ApprovalView]:
        rows = real(vault, scope, **kwargs)
        held.hold(scope)
        return rows

    monkeypatch.setattr("app.ui.pages.report_approvals.reports.list_approvals", slow)
    active(qtbot, window)
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    assert held.started.wait(WAIT)  # the GUI is free while the list loads
    assert held.threads[0] is not threading.main_thread()
    assert page.approvals.model.rowCount() == 0

    switch_alias(qtbot, window, "Reiger")
    held.release.set()  # Valk's list, with LAATKOMER's request, comes back now
    settle(qtbot)
    assert page.approvals.model.rowCount() == 0
    assert [text for text in texts_in(window) if CODENAME in text] == []
    # Reiger's (empty) list came in: the page says so, not a blank still loading.
    assert page.approvals_loaded
    assert hint(page.approvals.view.viewport().findChild(QLabel, "emptyHint")) == (
        "No sanitised reports requested."
    )


@pytest.mark.usefixtures("english")
def test_a_report_s_progress_never_stays_open_after_a_switch(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, valk = window.session.vault, window.session.scope
    debrief_id = factory.debrief(vault, valk, factory.source(vault, valk, CODENAME))
    held = Held(valk.alias_name)
    real = reports.issue_internal

    def slow(vault: Any, scope: Scope, *args: Any, **kwargs: Any) -> Any:
        kwargs["progress"](0, 1)  # the first step: the progress shows 300 ms on
        held.hold(scope)
        return real(vault, scope, *args, **kwargs)

    monkeypatch.setattr("app.ui.pages.reports.reports.issue_internal", slow)
    window.open_debrief(debrief_id)
    qtbot.mouseClick(window.debrief_page.report_button, LEFT)
    page = window.stack.currentWidget()
    assert isinstance(page, ReportsPage)
    qtbot.mouseClick(page.make_button, LEFT)
    confirm(qtbot, "issueReportConfirm")
    assert held.started.wait(WAIT)
    # The window holds a switch while a report is issued (test_alias_switch_writing);
    # made on the session itself, the switch still drops what the work sends back,
    # and the progress that its end would have closed does not stay open.
    qtbot.wait(50)
    window.session.switch_alias("Reiger")
    qtbot.wait(600)
    held.release.set()
    settle(qtbot)
    qtbot.wait(400)
    assert [d for d in window.findChildren(QProgressDialog) if d.isVisible()] == []
    assert page.previews == []  # Valk's report is not shown under Reiger
    assert page.status.text() == ""
