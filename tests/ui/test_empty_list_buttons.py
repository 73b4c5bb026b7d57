"""A new user's trial: "Issue…" under an empty list of sanitised reports and
"Retire" under an empty list of keys could be pressed, to say only "select one
first". A button that acts on a row is off while its list is empty. And the
Debriefs filter said "Written from:" beside the Reports page's "From (day met):":
it says which day it filters by the same way."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.domain.scope import Scope
from app.services import reports
from app.services.reports import Selection
from app.ui.packages.keys_tab import KeysTab
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.reports import ReportsPage
from app.ui.session import AppSession
from app.ui.workers import TaskRunner
from app.vault.vault import Vault
from tests.helpers import factory


def test_the_approval_buttons_wait_for_a_request(qtbot: QtBot, vault: Vault, runner: Scope) -> None:
    page = ReportsPage(AppSession(vault, runner), TaskRunner())
    qtbot.addWidget(page)
    page.reload()
    buttons = (page.preview_button, page.approve_button, page.reject_button, page.issue_button)
    qtbot.waitUntil(lambda: page.approvals_loaded)  # the list loads in the pool
    assert page.approvals.model.rowCount() == 0
    assert not any(button.isEnabled() for button in buttons)
    source = factory.source(vault, runner, "KNOPPEN")
    debrief_id = factory.debrief(vault, runner, source, submit=True)
    reports.request_sanitised(
        vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )
    page.reload()
    qtbot.waitUntil(lambda: all(button.isEnabled() for button in buttons))
    page.clear_vault_data()
    assert not page.issue_button.isEnabled()


def test_retire_waits_for_a_key(qtbot: QtBot, vault: Vault, runner: Scope) -> None:
    tab = KeysTab(AppSession(vault, runner), TaskRunner())
    qtbot.addWidget(tab)
    tab.reload()
    retire = tab.peers.findChild(QPushButton, "retirePeerKey")
    assert retire is not None
    assert tab.peers.model.rowCount() == 0
    assert not retire.isEnabled()


@pytest.mark.usefixtures("english")
def test_the_debriefs_filter_says_it_is_the_day_written(
    qtbot: QtBot, vault: Vault, runner: Scope
) -> None:
    page = DebriefsPage(AppSession(vault, runner), TaskRunner())
    qtbot.addWidget(page)
    labels = [label.text() for label in page.findChildren(QLabel)]
    assert "From (day written):" in labels
