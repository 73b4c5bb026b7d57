"""GUI fixtures: a real AppController on a test vault, unlocked by typing the
passphrase into the real unlock dialog."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.admin import aliases
from app.services.demo_data import generator as demo
from app.ui import i18n
from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.fit import on_laptop_screen
from tests.helpers.once_per_run import built_once


def _demo_vault(folder: Path) -> Path:
    root = factory.make_vault(folder / "demo")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        demo.generate(vault, sources=8, debriefs=80, today=None)
    return root


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per test run: most GUI tests start from the same demo vault."""
    return built_once(tmp_path_factory, "gui-demo", _demo_vault)


@pytest.fixture
def demo_dir(tmp_path: Path, demo_template: Path) -> Path:
    """A small demo vault of the test's own (runner aliases Valk, Reiger, Uil; handler
    Havik): a copy of the template, so what one test writes no other test sees."""
    return Path(shutil.copytree(demo_template, tmp_path / "demo"))


def unlock(
    qtbot: QtBot, controller: AppController, passphrase: str = factory.PASSPHRASE
) -> MainWindow:
    dialog = controller.unlock_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert controller.window is not None
    return controller.window


@pytest.fixture
def controller(
    qtbot: QtBot, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppController]:
    # The app sizes its windows from the screen: the one it is made for (1366x768),
    # not the offscreen platform's 800x800.
    on_laptop_screen(monkeypatch)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    ctl = AppController(demo_dir)
    ctl.start()
    yield ctl
    if ctl.lock.is_unlocked:
        ctl.lock.lock("test end")
    for widget in (ctl.window, ctl.unlock_dialog, ctl.wizard):
        if widget is not None:
            widget.close()


@pytest.fixture
def window(qtbot: QtBot, controller: AppController) -> MainWindow:
    win = unlock(qtbot, controller)
    qtbot.waitExposed(win)
    return win


def scope_named(window: MainWindow, name: str) -> object:
    return aliases.resolve_scope(window.session.vault, name)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The app as an English user has it: with its English plural forms ("1 package",
    where the source text alone says "1 package(s)")."""
    translators = i18n.install(qapp, "en")
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each test in English and in Dutch: the app's translators installed (a test
    module may give its own, with the app's style too)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, request.param)
    try:
        yield request.param
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
