"""A runner's day as one GUI test (issue 16, point 8), in English and in Dutch.

The app is started as a user starts it (the controller shows the unlock dialog)
and driven with real key presses and mouse clicks on its widgets only: unlock,
find a source by typing, open it, meeting mode, a note, panic in the middle of
it, unlock, end the meeting, complete and grade the debrief, submit it (after
the question), export a package to a folder, preview a report, switch alias,
search, lock. At each step the test checks what the runner relies on, from the
screen and from the vault (through the services).

What is not keys or clicks is not the app's to receive: the setup before the
day starts (the team handler's key and the day's sources are in the vault
already); bringing the unlock dialog back on screen after a panic (the taskbar,
or starting Veldboek again); and giving the keyboard back to the window when a
dialog closes (the desktop does that; the offscreen platform does not).

The panic step holds for both ways a panic can treat a meeting: the meeting ended
by the lock (its draft then waits on Home), or left open for Ctrl+M to return to
after the unlock. Either way the note typed before the panic is in the vault.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.enums import DebriefStatus, PeerRole, Role
from app.services.admin import aliases
from app.services.exchange import package_receive
from app.services.records import contacts, debriefs, sources, tasking
from app.ui.controller import AppController
from app.ui.dialogs.item_dialog import ItemDialog
from app.ui.main_window import MainWindow
from app.ui.pages.home import HomePage
from app.ui.pages.packages import PackagesPage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.search import SearchPage
from app.ui.pages.sources import SourcesPage
from app.ui.report_preview import ReportPreviewDialog
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.boxes import confirmation
from tests.helpers.gui_keys import active, switch_alias
from tests.packages.conftest import Party, introduce, open_party

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CODENAME = "IJSVOGEL"  # the runner's source of the day (Valk's)
OTHER = "STEKELBAARS"  # a source of Reiger, Valk's other alias
WORD = "kraanvogelloods"  # a word of the meeting note, found again by search
BEFORE_PANIC = f"Boxes go to the {WORD} tonight"
AFTER_PANIC = ", driver is the cousin."


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# -- the vault the day starts with ---------------------------------------------------


@dataclass
class Day:
    root: Path
    handler: Party  # the team handler's own vault: checks what the runner sends
    source: uuid.UUID
    other_source: uuid.UUID


@pytest.fixture
def day(tmp_path: Path, demo_template: Path) -> Iterator[Day]:
    """The demo vault (runner aliases Valk, Reiger, Uil), with the team handler's
    key confirmed, a source of Valk's with an open tasking and one of Reiger's."""
    root = Path(shutil.copytree(demo_template, tmp_path / "demo"))
    handler = open_party(tmp_path / "handler", "Havik", Role.HANDLER)
    with Vault.open(root, factory.PASSPHRASE) as vault:
        valk = aliases.resolve_scope(vault, "Valk")
        runner = Party(vault, valk, root)
        introduce(runner, handler, PeerRole.HANDLER, "Team handler")
        introduce(handler, runner, PeerRole.RUNNER, "Runner Valk")
        source = factory.source(vault, valk, CODENAME)
        tasking.add_tasking(vault, valk, source, "Find out where boxes go.")
        other = factory.source(vault, aliases.resolve_scope(vault, "Reiger"), OTHER)
    yield Day(root, handler, source, other)
    if not handler.vault.is_locked:
        handler.vault.lock()


@pytest.fixture
def app_controller(qtbot: QtBot, day: Day, language: str) -> Iterator[AppController]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    controller = AppController(day.root)
    controller.start()  # as ``python -m app`` does: the unlock dialog
    yield controller
    if controller.lock.is_unlocked:
        controller.lock.lock("test end")
    for widget in (controller.window, controller.unlock_dialog, controller.wizard):
        if widget is not None:
            widget.close()


# -- what is on screen ---------------------------------------------------------------


def on_screen() -> list[QWidget]:
    """Top-level windows a person in the room could see (not minimised)."""
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and not w.isMinimized()]


def shown(kind: type, name: str = "") -> QWidget:
    for widget in reversed(QApplication.topLevelWidgets()):
        if isinstance(widget, kind) and widget.isVisible() and name in ("", widget.objectName()):
            return widget
    raise AssertionError(f"no visible {kind.__name__} {name}")


def is_shown(kind: type, name: str = "") -> bool:
    try:
        shown(kind, name)
    except AssertionError:
        return False
    return True


def texts_holding(word: str) -> list[str]:
    """Widgets of the app that still hold ``word`` (text boxes, labels, titles)."""
    found = []
    for widget in QApplication.allWidgets():
        held = [widget.windowTitle() if widget.isWindow() else ""]
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            held.append(widget.toPlainText())
        elif isinstance(widget, (QLineEdit, QLabel)):
            held.append(widget.text())
        if any(word in text for text in held):
            found.append(f"{type(widget).__name__}#{widget.objectName()}")
    return found


def unlock_by_typing(qtbot: QtBot, controller: AppController) -> MainWindow:
    dialog = controller.unlock_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.isMinimized()
    assert CODENAME not in dialog.windowTitle()
    qtbot.keyClicks(dialog.passphrase, factory.PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=15_000)
    window = controller.window
    assert window is not None
    qtbot.waitExposed(window)
    active(qtbot, window)
    return window


def ok(qtbot: QtBot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def choose_code(qtbot: QtBot, combo: QComboBox, code: str) -> None:
    """Type a grading code on the combo (the entries start with their code)."""
    qtbot.keyClicks(combo, code)
    assert combo.currentData() == code, [combo.itemText(i) for i in range(combo.count())]


def open_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), LEFT, pos=rect.center())


@contextmanager
def choosing_folder(folder: Path) -> Iterator[list[str]]:
    """Answer the folder picker the app opens (a modal dialog with its own event
    loop): type the folder's path into its name field and press Enter."""
    seen: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible() or seen:
            return
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None
        if not field.hasFocus():
            # As the desktop does for a dialog that opens: it gets the keyboard
            # (the dialog reads typed names only from a focused field).
            dialog.activateWindow()
            QTest.mouseClick(field, LEFT)
            return  # typed at the next tick, once the field has the focus
        seen.append(dialog.windowTitle())
        QTest.keyClicks(field, str(folder))
        QTest.keyClick(field, Qt.Key.Key_Return)

    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(poll)
    timer.start()
    try:
        yield seen
    finally:
        timer.stop()
    assert seen, "no folder picker came"


# -- the day -------------------------------------------------------------------------


def test_a_runners_day(
    qtbot: QtBot, app_controller: AppController, day: Day, language: str, tmp_path: Path
) -> None:
    controller = app_controller

    # Unlock: the passphrase typed into the unlock dialog, Enter.
    assert on_screen() == [controller.unlock_dialog]
    if language == "nl":
        assert controller.unlock_dialog is not None
        assert controller.unlock_dialog.unlock_button.text() == tr("UnlockDialog", "Unlock")
        assert tr("UnlockDialog", "Unlock") != "Unlock"  # the Dutch file is in use
    window = unlock_by_typing(qtbot, controller)
    vault, valk = window.session.vault, window.session.scope
    assert valk.alias_name == "Valk"

    # Find the source by typing: Ctrl+2, a part of its codename, Enter opens it.
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    page = window.stack.currentWidget()
    assert isinstance(page, SourcesPage)
    assert QApplication.focusWidget() is page.filter
    qtbot.keyClicks(page.filter, "ijsvo")
    assert page.model.rowCount() == 1
    qtbot.keyClick(page.filter, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.file is not None
    assert page.file_view.file.overview.codename == CODENAME

    # Meeting mode (Ctrl+M): the codename, the open tasking and the note field only.
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    meeting = window.meeting
    assert meeting is not None
    assert window.central.currentWidget() is meeting
    assert not window.menuBar().isVisible()
    assert meeting.codename.text() == CODENAME
    assert meeting.taskings.item(0).text() == "Find out where boxes go."
    assert meeting.note.hasFocus()
    record = meeting.record
    qtbot.keyClicks(meeting.note, BEFORE_PANIC)

    # Panic in the middle of the note: nothing of the app left on screen, the
    # vault locked, the note out of every widget and in the vault.
    qtbot.keyClick(meeting.note, Qt.Key.Key_F12)
    assert not controller.lock.is_unlocked
    assert controller.window is None
    assert on_screen() == []
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():  # a minimised unlock dialog at most: it names no source
            assert CODENAME not in widget.windowTitle()
    assert texts_holding(WORD) == []
    assert texts_holding(CODENAME) == []
    with Vault.open(day.root, factory.PASSPHRASE) as check:
        draft = debriefs.get_debrief(check, aliases.resolve_scope(check, "Valk"), record.debrief_id)
        assert draft.narrative == BEFORE_PANIC  # the note was saved before the lock

    # Unlock again. The unlock dialog comes back from the taskbar (or by starting
    # Veldboek again), the one step here that is not the app's own keys.
    dialog = controller.unlock_dialog
    assert dialog is not None
    dialog.showNormal()
    dialog.raise_()
    active(qtbot, dialog)
    window = unlock_by_typing(qtbot, controller)
    vault, valk = window.session.vault, window.session.scope
    # After a panic the runner comes back to Home, not to the meeting's screen.
    assert window.stack.currentWidget() is window.page(HomePage)
    assert texts_holding(WORD) == []

    # Back to the meeting and end it. Ctrl+M returns to a meeting the panic left
    # open, with the note as typed; if the lock ended the meeting instead, its
    # draft is in the list of drafts on Home.
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    if window.meeting is not None:
        meeting = window.meeting
        assert meeting.record.debrief_id == record.debrief_id
        assert meeting.note.toPlainText() == BEFORE_PANIC
        qtbot.keyClick(meeting.note, Qt.Key.Key_End, CTRL)
        qtbot.keyClicks(meeting.note, AFTER_PANIC)
        qtbot.mouseClick(meeting.end_button, LEFT)
        ask = shown(QInputDialog, "endMeetingDialog")
        field = ask.findChild(QLineEdit)
        assert field is not None
        assert field.echoMode() is QLineEdit.EchoMode.Password
        qtbot.keyClicks(field, factory.PASSPHRASE)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.meeting is None, timeout=15_000)
        note = BEFORE_PANIC + AFTER_PANIC
    else:
        assert window.stack.currentWidget() is window.page(HomePage)
        home = window.page(HomePage)
        assert isinstance(home, HomePage)
        qtbot.waitUntil(lambda: home.waiting.rowCount() > 0)
        rows = [home.waiting.id_at(r) for r in range(home.waiting.rowCount())]
        assert record.debrief_id in rows
        open_row(qtbot, home.waiting_table, rows.index(record.debrief_id))
        note = BEFORE_PANIC
    editor = window.debrief_page
    assert window.stack.currentWidget() is editor
    assert editor.view is not None
    assert editor.view.id == record.debrief_id
    assert editor.narrative.toPlainText() == note
    meeting_contact = contacts.get_contact(vault, valk, record.contact_id)
    assert meeting_contact.duration_minutes is not None  # ended, its length recorded

    # Complete the debrief: the critical reflection and one graded item.
    qtbot.mouseClick(editor.reflection.viewport(), LEFT)
    qtbot.keyClicks(editor.reflection, "Cousin may be settling a score.")
    qtbot.mouseClick(editor.add_item_button, LEFT)
    item = shown(ItemDialog)
    assert isinstance(item, ItemDialog)
    qtbot.waitUntil(item.text.hasFocus)  # the dialog opens in its first field
    qtbot.keyClicks(item.text, f"Boxes are moved to the {WORD} at night.")
    qtbot.keyClicks(item.sanitised, "Goods are reportedly moved to a warehouse at night.")
    choose_code(qtbot, item.evaluation, "2")
    choose_code(qtbot, item.assessment, "B")
    choose_code(qtbot, item.handling, "P")
    ok(qtbot, item)
    qtbot.waitUntil(lambda: not item.isVisible())
    qtbot.waitUntil(lambda: editor.items.model.rowCount() == 1)

    # Submit: the question first (Cancel is its default), then Submit.
    qtbot.mouseClick(editor.submit_button, LEFT)
    question = confirmation("submitConfirm", qtbot)
    assert CODENAME in question.question.text()
    assert question.cancel_button.isDefault()
    qtbot.mouseClick(question.confirm_button, LEFT)
    submitted = debriefs.get_debrief(vault, valk, record.debrief_id)
    assert submitted.status is DebriefStatus.SUBMITTED
    assert submitted.narrative == note
    assert submitted.critical_reflection == "Cousin may be settling a score."
    grading = submitted.items[0].grading
    assert (grading.source_evaluation, grading.intelligence_assessment) == ("2", "B")
    assert grading.handling_code == "P"
    qtbot.waitUntil(lambda: editor.narrative.isReadOnly())

    # Export: Ctrl+E, everything new, to a folder typed into the folder picker.
    active(qtbot, window)  # the dialog has gone: the desktop activates the window again
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    packages_page = window.stack.currentWidget()
    assert isinstance(packages_page, PackagesPage)
    send = packages_page.send
    qtbot.waitUntil(lambda: send.plan is not None, timeout=30_000)
    assert send.plan is not None
    assert record.debrief_id in [c.debrief_id for c in send.plan.candidates]
    assert not send.plan.blocked
    assert send.export_new.isEnabled()
    assert send.export_new.hasFocus()  # Space exports (the focus waited for the plan)
    usb = tmp_path / "usb"
    usb.mkdir()
    with choosing_folder(usb):
        qtbot.keyClick(send.export_new, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: is_shown(QMessageBox, "exportDone"), timeout=30_000)
    done = shown(QMessageBox, "exportDone")
    assert isinstance(done, QMessageBox)
    qtbot.keyClick(done, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not done.isVisible())
    active(qtbot, window)
    (package_file,) = usb.iterdir()
    verified = package_receive.verify_package(
        day.handler.vault, day.handler.scope, package_file.read_bytes()
    )
    assert verified.sender == "Runner Valk"
    assert verified.records >= 1

    # A report: the source again by typing, Ctrl+P, Make report, Issue; the
    # preview shows the report's pages.
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    sources_page = window.stack.currentWidget()
    assert isinstance(sources_page, SourcesPage)
    qtbot.keyClicks(sources_page.filter, CODENAME.lower())
    qtbot.keyClick(sources_page.filter, Qt.Key.Key_Return)
    assert sources_page.stack.currentWidget() is sources_page.file_view
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    reports_page = window.stack.currentWidget()
    assert isinstance(reports_page, ReportsPage)
    assert reports_page.source.currentData() == day.source
    assert reports_page.internal.isChecked()
    qtbot.mouseClick(reports_page.make_button, LEFT)
    question = confirmation("issueReportConfirm", qtbot)
    assert CODENAME in question.question.text()
    qtbot.mouseClick(question.confirm_button, LEFT)
    qtbot.waitUntil(lambda: is_shown(ReportPreviewDialog), timeout=30_000)
    preview = shown(ReportPreviewDialog)
    assert isinstance(preview, ReportPreviewDialog)
    first_page = preview.findChild(QLabel, "previewPage1")
    assert first_page is not None
    qtbot.waitUntil(lambda: not first_page.pixmap().isNull(), timeout=30_000)
    assert first_page.pixmap().width() > 100
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible())

    # Switch alias (Ctrl+Shift+A, type the name, Enter): Reiger sees its own
    # sources only, and none of Valk's words.
    active(qtbot, window)
    switch_alias(qtbot, window, "Reiger")
    reiger = window.session.scope
    assert "Reiger" in window.band.label.text()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    sources_page = window.stack.currentWidget()
    assert isinstance(sources_page, SourcesPage)
    assert sources_page.filter.text() == ""  # Valk's codename typed there is gone
    listed = {sources_page.model.row_at(r).codename for r in range(sources_page.model.rowCount())}  # type: ignore[union-attr]
    assert listed == {s.codename for s in sources.list_sources(vault, reiger)}
    assert OTHER in listed
    assert CODENAME not in listed
    assert texts_holding(CODENAME) == []
    assert texts_holding(CODENAME.lower()) == []

    # Search (Ctrl+F): as Reiger the note's word is in no file of its own; as
    # Valk it finds the debrief, and Enter opens it.
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    search_page = window.stack.currentWidget()
    assert isinstance(search_page, SearchPage)
    assert QApplication.focusWidget() is search_page.query
    qtbot.keyClicks(search_page.query, WORD)
    qtbot.keyClick(search_page.query, Qt.Key.Key_Return)
    assert search_page.searched == WORD
    assert search_page.model.rowCount() == 0
    switch_alias(qtbot, window, "Valk")
    assert window.stack.currentWidget() is search_page
    # A switch clears every page, the query too (it may name the other alias's
    # files): nothing carries over; searched again, as Valk.
    assert search_page.query.text() == ""
    assert search_page.model.rowCount() == 0
    qtbot.keyClicks(search_page.query, WORD)
    qtbot.keyClick(search_page.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search_page.model.rowCount() > 0)
    found = {search_page.model.row_at(r).debrief_id for r in range(search_page.model.rowCount())}  # type: ignore[union-attr]
    assert found == {record.debrief_id}
    # Found in the narrative and in the item: Down onto the best match, Enter opens it.
    qtbot.keyClick(search_page.query, Qt.Key.Key_Down)
    assert search_page.table.hasFocus()
    qtbot.keyClick(search_page.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.debrief_page
    assert window.debrief_page.view is not None
    assert window.debrief_page.view.id == record.debrief_id

    # Lock (Ctrl+L): only the unlock dialog is left, and nothing of the day.
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert not controller.lock.is_unlocked
    assert controller.window is None
    assert on_screen() == [controller.unlock_dialog]
    # The window and its dialogs are destroyed as the event loop comes round.
    qtbot.waitUntil(lambda: texts_holding(WORD) == [] and texts_holding(CODENAME) == [])
