"""The main window on a 1024 px wide screen (or a 1366 px laptop at 125 % scaling,
about 1093 px), in English and Dutch: no page, no tab of Packages, no source's file
and no debrief makes it wider than 1024 px (the source file's buttons wrap, the
fingerprint wraps), and Home's tables show their headers whole (the drafts go below
the reminders rather than cutting "Details" to "etai")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QRect, QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot

from app.services.records import debriefs, sources
from app.ui import i18n, style
from app.ui.controller import AppController
from app.ui.main_window import WANTED, MainWindow
from app.ui.pages.home import HomePage
from app.ui.pages.packages import PackagesPage
from app.ui.pages.sources import SourcesPage
from app.ui.window_size import FRAME_ALLOWANCE, opens_maximised
from tests.helpers.fit import LAPTOP, USABLE, maximised
from tests.ui.conftest import unlock
from tests.ui.test_laptop_screen import cut_columns

NARROW = 1024


@pytest.fixture(params=["en", "nl"])
def narrow_window(
    request: pytest.FixtureRequest, qtbot: QtBot, controller: AppController
) -> Iterator[MainWindow]:
    """The main window, unlocked in the language, with the app's style, 1024x700."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, request.param)
    before = (app.palette(), app.font())
    style.apply(app)
    try:
        controller.show_unlock()  # built in the language
        window = unlock(qtbot, controller)
        qtbot.waitExposed(window)
        window.resize(NARROW, 700)
        yield window
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
        app.setPalette(before[0])
        app.setFont(before[1])
        style.remove(app)


def needs(window: MainWindow, where: str) -> str | None:
    QApplication.processEvents()
    width = window.minimumSizeHint().width()
    return f"{where}: {width} px" if width > NARROW else None


def test_every_page_fits_1024_px(qtbot: QtBot, narrow_window: MainWindow) -> None:
    window = narrow_window
    wide: list[str | None] = []
    for page_class in window.page_classes():
        window.show_page(page_class)
        wide.append(needs(window, page_class.__name__))
    packages = window.show_page(PackagesPage)
    assert isinstance(packages, PackagesPage)
    for index in range(packages.tabs.count()):
        packages.tabs.setCurrentIndex(index)
        wide.append(needs(window, f"Packages, {packages.tabs.tabText(index)}"))
    vault, scope = window.session.vault, window.session.scope
    window.open_source(sources.list_sources(vault, scope)[0].id)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    qtbot.waitUntil(lambda: page.file_view.file is not None)
    assert page.file_view.handover_button.isVisible()
    wide.append(needs(window, "a source's file"))
    window.open_debrief(debriefs.list_debriefs(vault, scope).rows[0].id)
    qtbot.waitUntil(lambda: window.debrief_page.view is not None)
    wide.append(needs(window, "a debrief"))
    assert [w for w in wide if w] == []
    QApplication.processEvents()
    assert window.width() == NARROW


def test_home_shows_its_headers_whole_at_1024_px(qtbot: QtBot, narrow_window: MainWindow) -> None:
    window = narrow_window
    vault, scope = window.session.vault, window.session.scope
    debriefs.create_draft(vault, scope, sources.list_sources(vault, scope)[0].id)
    home = window.show_page(HomePage)
    assert isinstance(home, HomePage)
    home.reload()
    QApplication.processEvents()
    assert home.table.model().rowCount() > 0
    assert home.waiting_table.model().rowCount() > 0
    assert needs(window, "Home") is None
    # Details is free text, elided; its header and the other columns are whole.
    assert cut_columns(home.table, values=False) == []
    assert cut_columns(home.waiting_table) == []
    # On the laptop's full width the two tables stand side by side again.
    window.resize(USABLE)
    QApplication.processEvents()
    assert home.split.orientation() is Qt.Orientation.Horizontal
    assert cut_columns(home.table, values=False) == []
    assert cut_columns(home.waiting_table) == []


def shown_text_room(combo: QComboBox, text: str) -> int:
    """The width ``combo`` paints its text in, less that of ``text``."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox,
        option,
        QStyle.SubControl.SC_ComboBoxEditField,
        combo,
    )
    return field.width() - combo.fontMetrics().horizontalAdvance(text)


def test_the_handover_choice_says_whole_where_a_key_is_added(
    qtbot: QtBot, narrow_window: MainWindow
) -> None:
    """A runner with no other runner's key: the choice is not cut to "…voeg er een
    toe bij Sle…"; it says there is none, and the line under it, wrapped, where a
    key is added."""
    window = narrow_window
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    for width in (NARROW, USABLE.width()):
        window.resize(width, 700)
        page.tabs.setCurrentWidget(page.receive)
        QApplication.processEvents()
        choice, hint = page.receive.handover_runner, page.receive.handover_hint
        assert choice.isVisible()
        assert not choice.isEnabled()
        assert shown_text_room(choice, choice.placeholderText()) >= 0, width
        assert hint.isVisible()
        assert hint.wordWrap()
        assert hint.text()
        assert hint.height() >= hint.heightForWidth(hint.width())


def test_the_window_opens_maximised_on_a_laptop_screen(
    qtbot: QtBot, controller: AppController
) -> None:
    """1366x768 leaves no room for the window's own size (1180x760 with its frame):
    it opens maximised, taking the whole screen, not a window a little smaller."""
    window = unlock(qtbot, controller)
    assert maximised == ["mainWindow"]
    # The screen's whole available area, less what a frame takes.
    assert window.width() >= LAPTOP.width() - FRAME_ALLOWANCE.width()
    assert window.height() >= LAPTOP.height() - FRAME_ALLOWANCE.height()
    assert opens_maximised(window, QSize(*WANTED))


def test_the_window_opens_at_its_size_on_a_large_screen(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _s: QRect(0, 0, 1920, 1040))
    maximised.clear()
    window = unlock(qtbot, controller)
    assert maximised == []
    assert (window.width(), window.height()) == WANTED
    assert not opens_maximised(window, QSize(*WANTED))
