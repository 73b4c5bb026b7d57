"""An empty list says so, and why, in the interface's language (issue 16, point 6):
a new vault's lists, a filter that matches nothing, a search without results."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.home import HomePage
from app.ui.pages.packages import PackagesPage
from app.ui.pages.search import SearchPage
from app.ui.pages.sources import SourcesPage
from app.ui.record_table import RecordTable
from tests.ui.conftest import unlock

TEXTS = {
    "en": {
        "sources": "No sources in your files yet.",
        "filtered": "No source's codename contains “XQ”.",
        "debriefs": "No debriefs in your files yet.",
        "debriefs filtered": "No debriefs match these filters.",
        "search": "Nothing in your files matches these words.",
        "waiting": "No drafts, and nothing returned to you.",
        "reminders": "Nothing due in the next 30 days.",
        "log": "No packages sent or received yet.",
        "peers": "No keys yet.",
    },
    "nl": {
        "sources": "Nog geen bronnen in uw dossiers.",
        "filtered": "Geen codenaam van een bron bevat “XQ”.",
        "debriefs": "Nog geen debriefings in uw dossiers.",
        "debriefs filtered": "Geen debriefings passen bij deze filters.",
        "search": "Niets in uw dossiers bevat deze woorden.",
        "waiting": "Geen concepten, en niets naar u teruggestuurd.",
        "reminders": "Niets te doen in de komende 30 dagen.",
        "log": "Nog geen pakketten verzonden of ontvangen.",
        "peers": "Nog geen sleutels.",
    },
}


@pytest.fixture
def empty_window(qtbot: QtBot, vault_dir: Path, language: str) -> Iterator[MainWindow]:
    """A new vault: one alias, nothing recorded."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    controller = AppController(vault_dir)
    controller.start()
    window = unlock(qtbot, controller)
    qtbot.waitExposed(window)
    yield window
    controller.lock.lock("test end")
    if controller.unlock_dialog is not None:
        controller.unlock_dialog.close()


def hint(view: QAbstractItemView) -> str:
    QApplication.processEvents()
    label = view.viewport().findChild(QLabel, "emptyHint")
    assert label is not None
    return label.text() if label.isVisible() else ""


def test_empty_lists_say_so(qtbot: QtBot, empty_window: MainWindow, language: str) -> None:
    text = TEXTS[language]
    window = empty_window

    home = window.show_page(HomePage)
    assert isinstance(home, HomePage)
    assert hint(home.table) == text["reminders"]
    assert hint(home.waiting_table) == text["waiting"]

    sources = window.show_page(SourcesPage)
    assert isinstance(sources, SourcesPage)
    assert hint(sources.table).startswith(text["sources"])
    qtbot.keyClicks(sources.filter, "XQ")
    assert hint(sources.table) == text["filtered"]

    page = window.show_page(DebriefsPage)
    assert isinstance(page, DebriefsPage)
    assert hint(page.table) == text["debriefs"]
    page.status.setCurrentIndex(1)
    assert hint(page.table) == text["debriefs filtered"]

    search = window.show_page(SearchPage)
    assert isinstance(search, SearchPage)
    assert hint(search.table) == ""  # nothing searched yet: nothing to say
    qtbot.keyClicks(search.query, "zeppelin")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    assert hint(search.table) == text["search"]

    packages = window.show_page(PackagesPage)
    assert isinstance(packages, PackagesPage)
    packages.tabs.setCurrentWidget(packages.log)
    assert hint(packages.log.table.view) == text["log"]
    packages.tabs.setCurrentWidget(packages.keys)
    peers = packages.keys.peers
    assert isinstance(peers, RecordTable)
    assert hint(peers.view).startswith(text["peers"])


def test_a_list_with_rows_shows_no_hint(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_page(DebriefsPage)
    assert isinstance(page, DebriefsPage)
    assert page.model.rowCount() > 0
    assert hint(page.table) == ""
