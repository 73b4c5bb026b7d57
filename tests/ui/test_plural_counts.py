"""A new user's trial read "1 results in your files", "1 debriefs", "(1 words)",
"in the next 1 days", "1 passes": counts on the pages take the number they count,
in English and in Dutch (Qt's plural forms)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from app.domain.scope import Scope
from app.services.admin import settings
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.home import HomePage
from app.ui.pages.search import SearchPage
from app.ui.pages.settings import SettingsPage
from app.ui.session import AppSession
from app.ui.widgets import find_data
from app.ui.workers import TaskRunner
from app.vault.vault import Vault
from tests.helpers import factory


def test_one_search_result(qtbot: QtBot, vault: Vault, runner: Scope, language: str) -> None:
    source = factory.source(vault, runner, "KRAANVOGEL")
    factory.debrief(vault, runner, source, narrative="Een kraan op de kade.")
    page = SearchPage(AppSession(vault, runner), TaskRunner())
    qtbot.addWidget(page)
    qtbot.keyClicks(page.query, "kraan")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert (
        page.status.text()
        == {
            "en": "1 result in your files",
            "nl": "1 resultaat in uw dossiers",
        }[language]
    )


def test_one_debrief_in_the_list_and_matching(
    qtbot: QtBot, vault: Vault, runner: Scope, language: str
) -> None:
    source = factory.source(vault, runner, "KRAANVOGEL")
    factory.debrief(vault, runner, source)
    page = DebriefsPage(AppSession(vault, runner), TaskRunner())
    qtbot.addWidget(page)
    page.reload()
    one = {"en": "1 debrief in your files", "nl": "1 debriefing in uw dossiers"}[language]
    qtbot.waitUntil(lambda: page.count.text() == one)
    page.source.setCurrentIndex(find_data(page.source, source))
    page.reload()
    matches = {"en": "1 debrief matches", "nl": "1 debriefing gevonden"}[language]
    qtbot.waitUntil(lambda: page.count.text() == matches)


def test_home_with_a_reminder_window_of_one_day(
    qtbot: QtBot, vault: Vault, runner: Scope, language: str
) -> None:
    settings.save(
        vault, runner.actor, dataclasses.replace(settings.load(vault), reminder_horizon_days=1)
    )
    page = HomePage(AppSession(vault, runner), TaskRunner())
    qtbot.addWidget(page)
    page.reload()
    assert (
        page.heading.text()
        == {
            "en": "0 reminders in the next 1 day, 0 overdue.",
            "nl": "0 herinneringen in de komende 1 dag, 0 verlopen.",
        }[language]
    )


def test_the_vault_s_key_derivation_counts_its_passes(
    qtbot: QtBot, vault: Vault, runner: Scope, language: str
) -> None:
    page = SettingsPage(AppSession(vault, runner), TaskRunner())  # a test vault: one pass
    qtbot.addWidget(page)
    page.reload()
    said = {"en": "Argon2id, 1 MiB, 1 pass ", "nl": "Argon2id, 1 MiB, 1 ronde "}[language]
    assert said in page.info.text()


def test_counts_said_in_dialogs_and_hints(qtbot: QtBot, language: str) -> None:
    """The discard question, the audit check and the passphrase hint: one and more."""
    cases = {
        ("MeetingView", "The note you typed (%n word(s)) is lost with it."): {
            "en": ("The note you typed (1 word) is lost with it.", "(2 words)"),
            "nl": ("De notitie die u typte (1 woord) gaat daarmee verloren.", "(2 woorden)"),
        },
        ("AuditPage", "The chain of %n event(s) is intact."): {
            "en": ("The chain of 1 event is intact.", "of 2 events"),
            "nl": ("De keten van 1 gebeurtenis is intact.", "van 2 gebeurtenissen"),
        },
        ("_PassphrasePage", "%n more character(s) needed."): {
            "en": ("1 more character needed.", "2 more characters"),
            "nl": ("Nog 1 teken nodig.", "Nog 2 tekens"),
        },
    }
    for (context, source), forms in cases.items():
        one, more = forms[language]
        assert QCoreApplication.translate(context, source, "", 1) == one
        assert more in QCoreApplication.translate(context, source, "", 2)
