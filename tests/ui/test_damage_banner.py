"""The unlock screen and the main window on a damaged vault (issue 15, point 10):
a database rolled back to an older copy unlocks with a warning banner that stays
in view, in English and in Dutch; a zeroed page is refused at the unlock screen
before anything is written."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.admin import aliases
from app.ui import i18n
from app.ui.controller import AppController
from app.vault.vault import Vault
from tests.helpers import factory
from tests.ui.conftest import unlock

PAGE = 4096


def _rolled_back(tmp_path: Path) -> Path:
    root = factory.make_vault(tmp_path / "vault")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        factory.source(vault, scope)
    shutil.copy2(root / "vault.db", tmp_path / "old.db")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        factory.source(vault, scope)
    shutil.copy2(tmp_path / "old.db", root / "vault.db")
    return root


Start = Callable[[Path], AppController]


@pytest.fixture
def start(qtbot: QtBot) -> Iterator[Start]:
    controllers: list[AppController] = []

    def make(root: Path) -> AppController:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)
        controller = AppController(root)
        controller.start()
        controllers.append(controller)
        return controller

    yield make
    for ctl in controllers:
        if ctl.lock.is_unlocked:
            ctl.lock.lock("test end")
        for widget in (ctl.window, ctl.unlock_dialog):
            if widget is not None:
                widget.close()


@pytest.fixture
def dutch() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "nl")
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))


def test_a_rolled_back_vault_unlocks_with_a_warning_in_view(
    qtbot: QtBot, tmp_path: Path, start: Start
) -> None:
    controller = start(_rolled_back(tmp_path))
    window = unlock(qtbot, controller)
    qtbot.waitExposed(window)
    banner = window.integrity_banner
    assert banner.isVisible()
    assert banner.text().startswith("The audit log does not match its anchor (audit events up to ")
    assert "were recorded but are gone" in banner.text()
    assert "rolled back or altered" in banner.text()
    # It stays while the user works: every page keeps it above them.
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        assert banner.isVisible()


def test_the_warning_in_dutch(qtbot: QtBot, tmp_path: Path, start: Start, dutch: None) -> None:
    controller = start(_rolled_back(tmp_path))
    window = unlock(qtbot, controller)
    qtbot.waitExposed(window)
    text = window.integrity_banner.text()
    assert text.startswith("Het auditlog klopt niet met zijn anker (auditgebeurtenissen tot ")
    assert "zijn vastgelegd maar ontbreken" in text
    assert "audit log" not in text


def test_a_sound_vault_shows_no_warning(qtbot: QtBot, vault_dir: Path, start: Start) -> None:
    controller = start(vault_dir)
    window = unlock(qtbot, controller)
    qtbot.waitExposed(window)
    assert not window.integrity_banner.isVisible()
    assert window.integrity_banner.text() == ""


def test_the_unlock_screen_refuses_a_zeroed_page_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path, start: Start
) -> None:
    root = factory.make_vault(tmp_path / "vault")
    first = (root / "vault.db").stat().st_size // PAGE
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        source = factory.source(vault, scope)
        for _ in range(5):
            factory.debrief(vault, scope, source, narrative="x" * 20_000)
    db = root / "vault.db"
    data = db.read_bytes()
    page = (first + len(data) // PAGE) // 2
    db.write_bytes(data[: PAGE * page] + bytes(PAGE) + data[PAGE * (page + 1) :])
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in root.iterdir()}
    controller = start(root)
    dialog = controller.unlock_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.passphrase, factory.PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "zeroed" in dialog.status.text(), timeout=10_000)
    assert dialog.status.text().startswith("The vault database is damaged: 1 page is zeroed")
    assert controller.window is None
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in root.iterdir()}
    assert after == before
