"""A handler's Packages page speaks to a handler: in a vault made with
`veldboek init --role handler`, and for the demo vault's handler alias, the Send
tab says what a handler sends (receipts, the deconfliction key) instead of asking
for a team handler's key, the Keys tab asks for the runners' and the central
system's keys, and the key dialog names each role as a handler deals with it.
English and Dutch; a runner's alias in the same window still gets a runner's texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.domain.enums import PeerRole, Role
from app.services.exchange import keys
from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from app.ui.pages.packages import PackagesPage
from tests.helpers import factory
from tests.helpers.gui_keys import active
from tests.packages.conftest import open_party
from tests.ui.conftest import unlock

# What each language shows a handler, and the runner's instructions it must not.
SEND_HINT = {
    "en": "A team handler sends no debriefs",
    "nl": "Een teamleider verzendt geen debriefings",
}
KEYS_HINT = {
    "en": "No keys yet. Add your runners' keys",
    "nl": "Nog geen sleutels. Voeg de sleutels van uw runners toe",
}
ROLES = {
    "en": [
        "Team handler",
        "Central system (sends me the deconfliction key and notices)",
        "Runner (sends me packages, gets my receipts)",
    ],
    "nl": [
        "Teamleider",
        "Centraal systeem (stuurt mij de deconflictiesleutel en -berichten)",
        "Runner (stuurt mij pakketten, krijgt mijn ontvangstbewijzen)",
    ],
}
RUNNERS_WORDS = {
    "en": [
        "No team handler's key is known yet",
        "Ask your team handler",
        "Add the team handler's key",
        "Add your team handler's key",
        "receives my packages",
    ],
    "nl": [
        "Er is nog geen sleutel van een teamleider bekend",
        "Vraag uw teamleider",
        "Sleutel van de teamleider toevoegen",
        "Voeg de sleutel van uw teamleider toe",
        "ontvangt mijn pakketten",
    ],
}


@pytest.fixture
def handler_window(qtbot: QtBot, tmp_path: Path, language: str) -> Iterator[MainWindow]:
    """The app on a vault of its own, made as `veldboek init --alias Buizerd --role
    handler` makes it: one alias, a handler, no keys yet."""
    root = factory.make_vault(tmp_path / "handler", alias="Buizerd", role=Role.HANDLER)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    controller = AppController(root)
    controller.start()
    window = unlock(qtbot, controller)
    qtbot.waitExposed(window)
    yield window
    if controller.lock.is_unlocked:
        controller.lock.lock("test end")
    for widget in (controller.window, controller.unlock_dialog, controller.wizard):
        if widget is not None:
            widget.close()


def _packages(window: MainWindow) -> PackagesPage:
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    return page


def _shown_texts(widget: QWidget) -> str:
    """Every label and button text on screen in ``widget`` (empty-list hints too)."""
    texts = [
        w.text()
        for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)
        if w.isVisible() and w.text()
    ]
    return "\n".join(texts)


def _runner_instructions(text: str, language: str) -> list[str]:
    return [words for words in RUNNERS_WORDS[language] if words in text]


def test_a_handlers_vault_shows_a_handlers_texts(
    qtbot: QtBot, handler_window: MainWindow, language: str, tmp_path: Path
) -> None:
    page = _packages(handler_window)
    send = page.send
    assert page.tabs.currentWidget() is send
    qtbot.waitUntil(lambda: send.handler_part.isVisible())
    assert not send.runner_part.isVisible()  # no export list, no "Add the team handler's key"
    assert send.plan is None
    assert not send.no_recipient
    shown = _shown_texts(send)
    assert send.handler_hint.text().startswith(SEND_HINT[language])
    assert _runner_instructions(shown, language) == []

    # "Go to receipts" leads to the Receive tab, where receipts are issued.
    qtbot.mouseClick(send.to_receive, Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.receive
    assert page.receive.handler_box.isVisible()
    assert _runner_instructions(_shown_texts(page.receive), language) == []

    page.tabs.setCurrentWidget(page.keys)
    qtbot.waitUntil(lambda: bool(page.keys.spoken.text()))
    shown = _shown_texts(page.keys)
    assert KEYS_HINT[language] in shown
    assert _runner_instructions(shown, language) == []

    # The key dialog names the roles as a handler deals with them.
    runner = open_party(tmp_path / "runner", "Kievit", Role.RUNNER)
    try:
        own = keys.own_bundle(runner.vault, "Kievit", PeerRole.RUNNER)
        bundle = keys.read_bundle(keys.bundle_bytes(runner.vault, own))
    finally:
        runner.vault.lock()
    dialog = page.keys.open_add_dialog(bundle)
    qtbot.waitExposed(dialog)
    roles = [dialog.role.itemText(i) for i in range(dialog.role.count())]
    assert roles == ROLES[language]
    assert dialog.role.currentText() == ROLES[language][2]  # the bundle's own role
    assert _runner_instructions(_shown_texts(dialog), language) == []
    dialog.reject()


def test_the_demo_vaults_handler_and_runner_each_get_their_own_texts(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _packages(window)
    send = page.send
    qtbot.waitUntil(lambda: send.no_recipient, timeout=30_000)  # Valk: a runner, no key yet
    assert send.add_key_button.isVisible()
    assert not send.handler_part.isVisible()

    window.session.switch_alias("Havik")
    page = _packages(window)
    send = page.send
    page.tabs.setCurrentWidget(send)
    qtbot.waitUntil(lambda: send.handler_part.isVisible())
    assert not send.runner_part.isVisible()
    assert _runner_instructions(_shown_texts(send), "en") == []
    page.tabs.setCurrentWidget(page.keys)
    qtbot.waitUntil(lambda: bool(page.keys.spoken.text()))
    assert KEYS_HINT["en"] in _shown_texts(page.keys)

    # Ctrl+E as a handler: the Send tab, the keyboard on the way to receipts.
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentWidget() is send
    qtbot.waitUntil(send.to_receive.hasFocus)

    window.session.switch_alias("Valk")
    page = _packages(window)
    send = page.send
    page.tabs.setCurrentWidget(send)
    qtbot.waitUntil(lambda: send.runner_part.isVisible() and send.no_recipient, timeout=30_000)
    assert not send.handler_part.isVisible()
    assert "No team handler's key is known yet" in send.recipients.text()
