"""Every screen, tab and dialog fits a 1366 x 768 laptop screen, in English and in
Dutch: no window demands more than the screen, no label or button is cut off,
nothing scrolls sideways. (Issue 16, point 2.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.services.records import sources
from app.ui import i18n, style
from app.ui.main_window import MainWindow
from app.ui.pages.packages import PackagesPage
from app.ui.pages.settings import ChangePassphraseDialog
from tests.helpers import factory
from tests.helpers.boxes import confirmation
from tests.helpers.fit import USABLE, on_laptop_screen, problems
from tests.helpers.screen_walk import Walk, walk_app


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The language, and the app's own style (app.ui.style), as the app runs."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, request.param)
    before = (app.palette(), app.font())
    style.apply(app)  # its Fusion base stays: the offscreen default is Fusion too
    try:
        yield request.param
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
        app.setPalette(before[0])
        app.setFont(before[1])
        style.remove(app)  # a later test in this process sees Qt's defaults


def fit_problems(root: QWidget) -> list[str]:
    """What does not fit on the window that holds ``root``; its size stays as it was."""
    top = root.window()
    size = top.size()
    found = problems(top)
    top.resize(size)
    return found


def test_checker_finds_a_window_too_wide_and_a_label_cut_off(qtbot: QtBot) -> None:
    wide = QWidget()
    qtbot.addWidget(wide)
    QVBoxLayout(wide).addWidget(QPushButton("x" * 400))
    wide.show()
    assert any("window needs" in p for p in problems(wide))
    clipped = QWidget()
    qtbot.addWidget(clipped)
    label = QLabel("a label that needs more room than it gets", clipped)
    label.setGeometry(0, 0, 40, 20)
    clipped.resize(300, 100)
    clipped.show()
    assert any("cut off" in p for p in problems(clipped))
    fine = QWidget()
    qtbot.addWidget(fine)
    QVBoxLayout(fine).addWidget(QLabel("short"))
    fine.show()
    assert problems(fine) == []
    assert problems(fine, QSize(1, 1))  # the screen size is what is checked against


def _walk_extras(qtbot: QtBot, walk: Walk, window: MainWindow) -> None:
    """What the Dutch-chrome walk does not open: the package tabs, the passphrase
    dialog, the command palette and a confirmation with a long question."""
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        walk.check(f"packages tab {index}", window)
    walk.dialog(
        "change passphrase", lambda: ChangePassphraseDialog(window.session, window.runner, window)
    )
    palette = window.open_palette()
    walk.check("command palette", palette)
    palette.close()
    vault, scope = window.session.vault, window.session.scope
    source = sources.list_sources(vault, scope)[0].id
    window.open_debrief(factory.debrief(vault, scope, source))
    qtbot.mouseClick(window.debrief_page.submit_button, Qt.MouseButton.LeftButton)
    question = confirmation("submitConfirm")
    walk.check("submit confirmation", question)
    question.reject()


@pytest.mark.slow
def test_every_screen_fits_1366_by_768(
    qtbot: QtBot, language: str, demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_laptop_screen(monkeypatch)  # windows sized from the screen size for that one
    walk = Walk(fit_problems)

    def first(window: MainWindow) -> None:
        window.resize(USABLE)
        _walk_extras(qtbot, walk, window)

    walk_app(qtbot, walk, demo_dir, tmp_path / "new", before=first)
    assert len(walk.screens) > 30
    assert walk.found == [], f"{language}:\n" + "\n".join(walk.found)
