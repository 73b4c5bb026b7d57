"""The debrief editor takes the keyboard: Ctrl+N on a source's file and typing at
once writes the narrative (a space never presses "← Back", no word lands in the
Sources filter box); an existing draft opens with the keyboard in its narrative;
one Tab from "Back" reaches the narrative (no invisible stop in between)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app.services.records import debriefs
from app.ui.main_window import MainWindow
from app.ui.pages.debrief_editor import DebriefPage
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory

CTRL = Qt.KeyboardModifier.ControlModifier


def on_file(qtbot: QtBot, window: MainWindow) -> SourcesPage:
    vault, scope = window.session.vault, window.session.scope
    window.open_source(factory.source(vault, scope, "KORHOEN"))
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    return page


def test_ctrl_n_then_typing_writes_the_narrative(qtbot: QtBot, window: MainWindow) -> None:
    sources_page = on_file(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL)
    editor = window.debrief_on_screen()
    assert isinstance(editor, DebriefPage)
    # Typed as a runner does: to whatever has the keyboard now.
    for char in "Met at the quay":
        qtbot.keyClicks(QApplication.focusWidget(), char)
    assert window.debrief_on_screen() is editor  # the space did not press Back
    assert editor.narrative.toPlainText() == "Met at the quay"
    filter_box = sources_page.findChild(QLineEdit, "sourceFilter")
    assert filter_box is not None
    assert filter_box.text() == ""


def test_an_existing_draft_opens_in_its_narrative(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "KORHOEN")
    draft = debriefs.create_draft(vault, scope, source)
    debriefs.save_draft(vault, scope, draft, debriefs.DebriefContent(narrative="Van at the quay."))
    window.open_source(source)
    window.activateWindow()
    window.open_debrief(draft)
    editor = window.debrief_page
    assert QApplication.focusWidget() is editor.narrative
    qtbot.keyClicks(editor.narrative, " Then left.")
    assert editor.narrative.toPlainText() == "Van at the quay. Then left."  # at the end


def test_one_tab_from_back_reaches_the_narrative(qtbot: QtBot, window: MainWindow) -> None:
    on_file(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL)
    editor = window.debrief_page
    back = editor.findChild(QPushButton, "debriefBack")
    assert back is not None
    back.setFocus()
    qtbot.keyClick(back, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.narrative
