"""Ctrl+K finds a source by its codename: "Open source CODENAME" for each source
the acting alias may see, read from the service in its scope; Enter opens its
file. Another alias's source is not offered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.command_palette import CommandPalette
from app.ui.main_window import MainWindow
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory
from tests.helpers.gui_keys import active
from tests.ui.conftest import scope_named

CTRL = Qt.KeyboardModifier.ControlModifier


def palette(qtbot: QtBot, window: MainWindow) -> CommandPalette:
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    found = window.palette_dialog
    assert isinstance(found, CommandPalette)
    qtbot.waitExposed(found)
    return found


def test_ctrl_k_opens_a_source_by_part_of_its_codename(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    mine = factory.source(vault, scope, "PALETLINDE")
    theirs = scope_named(window, "Reiger")
    factory.source(vault, theirs, "PALETVERBORGEN")  # type: ignore[arg-type]

    found = palette(qtbot, window)
    qtbot.keyClicks(found.filter, "paletl")
    rows = [found.model.data(found.model.index(r, 0)) for r in range(found.model.rowCount())]
    assert rows == ["Go: Open source PALETLINDE"]
    qtbot.keyClick(found.filter, Qt.Key.Key_Return)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.file is not None
    assert page.file_view.file.overview.id == mine

    found = palette(qtbot, window)
    qtbot.keyClicks(found.filter, "paletverb")
    assert found.model.rowCount() == 0  # Reiger's: not this alias's to see
    found.close()


def test_in_a_meeting_the_palette_offers_no_source(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    window.open_source(factory.source(vault, scope, "PALETMEETING"))
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    assert window.meeting is not None
    found = window.open_palette()
    assert not [
        r
        for r in range(found.model.rowCount())
        if "source" in str(found.model.data(found.model.index(r, 0)))
    ]
    found.close()
