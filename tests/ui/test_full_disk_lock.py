"""Text typed while the vault could not take it (a full disk) outlives the lock:
held in memory sealed to the vault's own key, so that nothing kept opens it
without the passphrase, and saved at the next unlock, which says so
(``app/services/records/held_text.py``)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.crypto import age
from app.errors import StorageFull
from app.services.admin import aliases
from app.services.records import debriefs, form_drafts, held_text, meetings
from app.ui.controller import AppController
from app.ui.dialogs.records import TaskingDialog
from app.ui.main_window import MainWindow
from tests.helpers import factory
from tests.ui.conftest import unlock

MARKER = "Typed on a full disk: WINTERKONING"


@pytest.fixture(autouse=True)
def _nothing_held() -> Iterator[None]:
    held_text.forget_all()
    yield
    held_text.forget_all()


def _disk_full(*_args: Any, **_kwargs: Any) -> None:
    raise StorageFull("The disk is full: the last change was not saved. Free space and retry.")


def _notice(qtbot: QtBot) -> QMessageBox:
    def shown() -> QMessageBox | None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.objectName() == "heldTextNotice":
                return w if w.isVisible() else None
        return None

    qtbot.waitUntil(lambda: shown() is not None, timeout=10_000)
    box = shown()
    assert box is not None
    return box


def _lock(qtbot: QtBot, controller: AppController) -> None:
    assert controller.window is not None
    qtbot.keyClick(controller.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None, timeout=10_000)


def _typed_on_a_full_disk(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch, codename: str
) -> tuple[MainWindow, uuid.UUID]:
    """Unlocked, a new draft open in the editor, the disk refusing every save of it,
    and ``MARKER`` typed into its narrative."""
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    debrief_id = debriefs.create_draft(vault, scope, factory.source(vault, scope, codename))
    window.open_debrief(debrief_id)
    monkeypatch.setattr(debriefs, "save_draft", _disk_full)
    narrative = window.debrief_page.text_fields["narrative"]
    narrative.setFocus()
    qtbot.keyClicks(narrative, MARKER)
    return window, debrief_id


def test_a_debriefs_text_the_full_disk_refused_is_saved_at_the_next_unlock(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, debrief_id = _typed_on_a_full_disk(qtbot, controller, monkeypatch, "VOLSCHIJF")
    vault = window.session.vault
    _lock(qtbot, controller)

    assert held_text.waiting(vault.vault_id) == 1
    # What is kept is sealed to the vault's receiving key: it opens with that key,
    # which is inside the vault, and with no other.
    sealed = held_text._HELD[0].sealed
    with pytest.raises(age.NoIdentityMatched):
        age.decrypt(sealed, age.new_identity())

    monkeypatch.undo()  # space freed
    window = unlock(qtbot, controller)
    assert "is saved now" in _notice(qtbot).text()
    view = debriefs.get_debrief(window.session.vault, window.session.scope, debrief_id)
    assert view.narrative == MARKER
    assert held_text.waiting(vault.vault_id) == 0
    # Back where the runner was: the editor shows the saved text.
    assert window.debrief_page.text_fields["narrative"].toPlainText() == MARKER


def test_a_forms_fields_the_full_disk_refused_come_back_with_the_form(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlock(qtbot, controller)
    session = window.session
    source_id = factory.source(session.vault, session.scope, "VOLFORM")
    form = TaskingDialog(session, source_id, window)
    form.open()
    qtbot.waitExposed(form)
    form.description.setFocus()
    qtbot.keyClicks(form.description, MARKER)
    monkeypatch.setattr(form_drafts, "keep", _disk_full)
    _lock(qtbot, controller)
    assert held_text.waiting(session.vault.vault_id) == 1

    monkeypatch.undo()
    window = unlock(qtbot, controller)
    _notice(qtbot)
    again = TaskingDialog(window.session, source_id, window)
    again.open()
    qtbot.waitExposed(again)
    assert again.description.toPlainText() == MARKER


def test_text_the_vault_still_cannot_take_stays_held_and_the_unlock_says_so(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = _typed_on_a_full_disk(qtbot, controller, monkeypatch, "NOGVOL")
    vault = window.session.vault
    _lock(qtbot, controller)
    unlock(qtbot, controller)  # the disk is still full
    assert "quitting Veldboek loses them" in _notice(qtbot).text()
    assert held_text.waiting(vault.vault_id) == 1


def test_quitting_with_text_the_vault_could_not_take_locks_instead(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = _typed_on_a_full_disk(qtbot, controller, monkeypatch, "VOLSTOP")
    vault = window.session.vault
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    window.quit_requested.emit()  # Ctrl+Q, or the window closed
    assert quits == []
    assert not controller.lock.is_unlocked
    dialog = controller.unlock_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert held_text.waiting(vault.vault_id) == 1
    # The unlock screen says what is held, and the question to quit says it is lost.
    assert dialog.held.isVisible()
    assert "Quitting Veldboek loses it" in dialog.held.text()
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)  # asks, not quits
    assert dialog.quit_question is not None
    assert dialog.quit_question.isVisible()
    assert "text held from the lock is lost" in dialog.quit_question.text()
    assert quits == []


def test_an_items_text_the_full_disk_refused_is_saved_at_the_next_unlock(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    debrief_id = debriefs.create_draft(vault, scope, factory.source(vault, scope, "VOLITEM"))
    window.open_debrief(debrief_id)
    monkeypatch.setattr(debriefs, "add_item", _disk_full)
    qtbot.mouseClick(window.debrief_page.add_item_button, Qt.MouseButton.LeftButton)
    dialog = window.debrief_page.item_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.text, MARKER)
    _lock(qtbot, controller)
    assert held_text.waiting(vault.vault_id) == 1

    monkeypatch.undo()
    window = unlock(qtbot, controller)
    _notice(qtbot)
    view = debriefs.get_debrief(window.session.vault, window.session.scope, debrief_id)
    assert [i.text for i in view.items] == [MARKER]


def test_a_meeting_the_full_disk_cannot_end_at_quit_still_holds_the_text(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A meeting left open by a panic is ended at quit; that fails on the full disk
    # too, and the debrief's text must still be held, not lost with the quit.
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "VOLMEET")
    window.pending_meeting = meetings.start_meeting(vault, scope, source)
    debrief_id = debriefs.create_draft(vault, scope, source)
    window.open_debrief(debrief_id)
    monkeypatch.setattr(debriefs, "save_draft", _disk_full)
    monkeypatch.setattr(meetings, "close_as_saved", _disk_full)
    monkeypatch.setattr(QApplication, "quit", lambda: None)
    narrative = window.debrief_page.text_fields["narrative"]
    narrative.setFocus()
    qtbot.keyClicks(narrative, MARKER)
    window.quit_requested.emit()
    assert held_text.waiting(vault.vault_id) == 1
    assert not controller.lock.is_unlocked


def test_a_held_piece_that_will_not_open_leaves_the_unlock_whole(
    qtbot: QtBot, controller: AppController
) -> None:
    # Sealed to another key (a vault folder put back from an older copy meanwhile):
    # said as not put back; the unlock completes, with its window and its lock.
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    stranger = age.public_key(age.new_identity())
    held_text._HELD.append(
        held_text.Held(vault.vault_id, scope.alias_id, age.encrypt(b"{}", [stranger]))
    )
    _lock(qtbot, controller)
    window = unlock(qtbot, controller)
    assert controller.lock.is_unlocked
    assert window.isVisible()
    assert "could not be put back" in _notice(qtbot).text()
    assert held_text.waiting(vault.vault_id) == 0


def test_text_held_for_another_alias_goes_back_when_that_alias_is_taken_up(
    qtbot: QtBot, controller: AppController
) -> None:
    window = unlock(qtbot, controller)
    vault = window.session.vault
    havik = aliases.resolve_scope(vault, "Havik")
    source = factory.source(vault, havik, "VOLALIAS")
    fields = {"0:QPlainTextEdit": MARKER}
    held_text.hold(vault, havik, held_text.FORM, source, fields, form="taskingDialog")
    assert window.session.scope.alias_name != "Havik"
    window.session.switch_alias("Havik")
    _notice(qtbot)
    assert held_text.waiting(vault.vault_id) == 0
    assert form_drafts.take(vault, havik, "taskingDialog", source) == fields
