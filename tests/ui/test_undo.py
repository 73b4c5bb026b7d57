"""Undo takes back a word (or what was typed before a pause), not a whole field, also
after autosaves and reloads; and a field emptied by mistake is not emptied in the
vault by an autosave: the editor asks. Real keys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from app.domain.enums import DebriefStatus
from app.services.records import debriefs
from app.services.records.debriefs import DebriefContent
from app.ui import i18n, undo
from app.ui.dialogs.item_dialog import ItemDialog
from app.ui.main_window import MainWindow
from app.ui.pages.debrief_editor import DebriefPage
from tests.helpers import factory

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def undo_once(qtbot: QtBot, widget: QPlainTextEdit | QLineEdit) -> str:
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def _editor(qtbot: QtBot, window: MainWindow, narrative: str = "") -> DebriefPage:
    session = window.session
    session.settings = replace(session.settings, autosave_seconds=1)
    vault, scope = session.vault, session.scope
    source = factory.source(vault, scope, "ONGEDAAN")
    debrief_id = debriefs.create_draft(vault, scope, source)
    if narrative:
        debriefs.save_draft(vault, scope, debrief_id, DebriefContent(narrative=narrative))
    window.open_debrief(debrief_id)
    return window.debrief_page


def test_undo_takes_back_one_word_at_a_time(qtbot: QtBot, window: MainWindow) -> None:
    page = _editor(qtbot, window)
    qtbot.keyClicks(page.narrative, "Met Dirk at the marina")
    assert undo_once(qtbot, page.narrative) == "Met Dirk at the "
    assert undo_once(qtbot, page.narrative) == "Met Dirk at "
    qtbot.keyClick(page.narrative, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert page.narrative.toPlainText() == "Met Dirk at the "  # and redo brings it back


def test_autosave_and_a_reload_keep_the_undo_history(qtbot: QtBot, window: MainWindow) -> None:
    page = _editor(qtbot, window)
    vault, scope = window.session.vault, window.session.scope
    assert page.view is not None
    debrief_id = page.view.id
    qtbot.keyClicks(page.narrative, "Van seen twice")
    qtbot.waitUntil(
        lambda: debriefs.get_debrief(vault, scope, debrief_id).narrative == "Van seen twice",
        timeout=4_000,
    )
    # An item added through its dialog reloads the page from the vault.
    qtbot.mouseClick(page.add_item_button, LEFT)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ItemDialog))
    qtbot.keyClicks(dialog.text, "The van is blue.")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: page.items.model.rowCount() == 1)
    assert undo_once(qtbot, page.narrative) == "Van seen "
    assert undo_once(qtbot, page.narrative) == "Van "


def test_a_pause_also_ends_an_undo_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1000.0]
    monkeypatch.setattr(undo.WordUndo, "clock", staticmethod(lambda: now[0]))
    page = _editor(qtbot, window)
    qtbot.keyClicks(page.welfare, "Tired")
    now[0] += undo.PAUSE_SECONDS + 0.5  # the runner stops to think
    qtbot.keyClicks(page.welfare, "ish")
    assert undo_once(qtbot, page.welfare) == "Tired"


def test_single_line_fields_undo_by_word_too(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "REGEL")
    window.open_debrief(factory.debrief(vault, scope, source, submit=True))
    edit = window.debrief_page.addendum_edit
    qtbot.keyClicks(edit, "Seen again on Friday")
    assert undo_once(qtbot, edit) == "Seen again on "


def _select_all_and_delete(qtbot: QtBot, box: QPlainTextEdit) -> None:
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.toPlainText() == ""


def test_an_emptied_field_is_kept_in_the_vault_until_the_user_says(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _editor(qtbot, window, narrative="Met at the quay at ten.")
    vault, scope = window.session.vault, window.session.scope
    assert page.view is not None
    debrief_id = page.view.id
    _select_all_and_delete(qtbot, page.narrative)
    qtbot.waitUntil(page.emptied.isVisible, timeout=4_000)  # after the autosave tick
    assert "You emptied the narrative" in page.emptied_text.text()
    assert debriefs.get_debrief(vault, scope, debrief_id).narrative == "Met at the quay at ten."
    # Submitting now would send the saved text the screen no longer shows: refused.
    qtbot.mouseClick(page.submit_button, LEFT)
    box = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )
    assert "You emptied the narrative" in box.text()
    box.close()
    # Bring it back: the text returns as an edit (Ctrl+Z would empty it again).
    qtbot.mouseClick(page.restore_button, LEFT)
    assert page.narrative.toPlainText() == "Met at the quay at ten."
    assert not page.emptied.isVisible()
    assert undo_once(qtbot, page.narrative) == ""
    qtbot.waitUntil(page.emptied.isVisible, timeout=4_000)
    # Empty it in the vault too: said on purpose, so it is done.
    qtbot.mouseClick(page.empty_button, LEFT)
    assert not page.emptied.isVisible()
    assert debriefs.get_debrief(vault, scope, debrief_id).narrative == ""
    assert debriefs.get_debrief(vault, scope, debrief_id).status is DebriefStatus.DRAFT


def test_typing_into_the_emptied_field_again_ends_the_question(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _editor(qtbot, window, narrative="Old wording.")
    vault, scope = window.session.vault, window.session.scope
    _select_all_and_delete(qtbot, page.narrative)
    qtbot.waitUntil(page.emptied.isVisible, timeout=4_000)
    qtbot.keyClicks(page.narrative, "New wording.")
    assert not page.emptied.isVisible()
    assert page.view is not None
    debrief_id = page.view.id
    qtbot.waitUntil(
        lambda: debriefs.get_debrief(vault, scope, debrief_id).narrative == "New wording.",
        timeout=4_000,
    )


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


def test_the_emptied_question_in_dutch(qtbot: QtBot, dutch: None, window: MainWindow) -> None:
    page = _editor(qtbot, window, narrative="Ontmoet bij de kade.")
    _select_all_and_delete(qtbot, page.narrative)
    qtbot.waitUntil(page.emptied.isVisible, timeout=4_000)
    assert page.emptied_text.text().startswith("U hebt het verslag leeggemaakt.")
    assert page.restore_button.text() == "Opgeslagen tekst terugzetten"
    assert page.empty_button.text() == "Ook in de kluis leegmaken"
