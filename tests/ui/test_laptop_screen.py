"""The main window on a 1366x768 laptop (its screen's available geometry: all but a
40 px panel), in English and Dutch: it opens no larger than the screen with its
frame, the status bar and meeting mode's buttons inside it, and a submitted debrief
(the handler's view, the longest heading) does not make it wider than the screen.
The unlock dialog grows for a message of two or three lines and keeps its buttons
in view. No text is cut off: the drafts table on Home, the title of the meeting's
passphrase dialog, a placeholder, an empty table's hint, a header beside its sort
arrow. The screens report that laptop's geometry (tests/helpers/fit.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.domain.enums import DebriefStatus
from app.errors import DatabaseCorrupt
from app.services.admin import vaults
from app.services.records import debriefs
from app.ui import i18n, style
from app.ui.controller import AppController
from app.ui.dialogs.contact_form import ContactDialog
from app.ui.empty_hint import EmptyHint
from app.ui.main_window import MainWindow
from app.ui.pages.home import HomePage
from app.ui.window_size import room, title_width
from tests.helpers import factory
from tests.helpers.boxes import confirmation
from tests.helpers.fit import LAPTOP, off_screen, on_laptop_screen, placeholder_room, problems
from tests.helpers.gui_keys import switch_alias
from tests.ui.conftest import unlock


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The language, and the app's own style, as the app runs."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, request.param)
    before = (app.palette(), app.font())
    style.apply(app)
    try:
        yield request.param
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
        app.setPalette(before[0])
        app.setFont(before[1])
        style.remove(app)


@pytest.fixture
def laptop_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, language: str, controller: AppController
) -> MainWindow:
    on_laptop_screen(monkeypatch)
    window = unlock(qtbot, controller)
    qtbot.waitExposed(window)
    return window


def inside(widget: QWidget, window: QWidget) -> bool:
    place = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return window.rect().contains(place)


def test_the_main_window_opens_within_the_screen(laptop_window: MainWindow) -> None:
    window = laptop_window
    assert off_screen(window) == []
    assert window.height() >= 600  # and takes the height there is
    assert window.statusBar().isVisible()
    assert inside(window.statusBar(), window)


def test_meeting_mode_buttons_are_on_screen(qtbot: QtBot, laptop_window: MainWindow) -> None:
    window = laptop_window
    vault, scope = window.session.vault, window.session.scope
    window.open_source(factory.source(vault, scope, "ONTMOETING"))
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    meeting = window.meeting
    assert meeting is not None
    qtbot.waitUntil(meeting.isVisible)
    assert off_screen(window) == []
    for button in (meeting.discard_button, meeting.end_button):
        assert button.isVisible()
        assert inside(button, window)


def test_a_submitted_debrief_keeps_the_window_within_the_screen(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    window = laptop_window
    width = window.width()
    switch_alias(qtbot, window, "Havik")
    vault, scope = window.session.vault, window.session.scope
    submitted = debriefs.list_debriefs(vault, scope, status=DebriefStatus.SUBMITTED).rows
    assert submitted
    window.open_debrief(submitted[0].id)
    page = window.debrief_page
    qtbot.waitUntil(lambda: page.view is not None and not page.view.editable)
    assert page.saved.text()  # the read-only note beside the heading
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= LAPTOP.width()
    assert window.width() == width  # it did not grow
    assert off_screen(window) == []
    assert problems(window, room(window)) == []


def cut_labels(window: QWidget) -> list[str]:
    """Labels shown lower than their text needs (squeezed by their window)."""
    cut = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        needs = (
            label.heightForWidth(label.width())
            if label.wordWrap()
            else label.minimumSizeHint().height()
        )
        if label.height() < needs:
            cut.append(f"{label.objectName() or label.text()!r}: {label.height()} < {needs} px")
    return cut


def test_the_unlock_dialog_grows_for_a_long_message(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    controller: AppController,
) -> None:
    on_laptop_screen(monkeypatch)
    controller.show_unlock()  # built in the language of the test
    dialog = controller.unlock_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    height = dialog.height()
    # A wrong passphrase: the count of failed attempts appears (two lines in Dutch).
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.attempts.isVisible() and dialog.unlock_button.isEnabled())
    assert cut_labels(dialog) == []
    # Then a damaged vault: a message of three lines under it.
    message = (
        "The vault database is damaged: {count} pages are zeroed, the first at page "
        "{page}. Nothing was written to it. Restore it from a backup, or run `veldboek check`."
    )

    def damaged(_path: object, _passphrase: str) -> vaults.Vault:
        raise DatabaseCorrupt(message, count=2, page=3)

    monkeypatch.setattr(vaults, "unlock", damaged)
    qtbot.keyClicks(dialog.passphrase, "anything")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "pages" in dialog.status.text() or "pagina's" in dialog.status.text())
    QApplication.processEvents()
    assert dialog.status.heightForWidth(dialog.status.width()) > 2 * dialog.fontMetrics().height()
    assert dialog.height() > height
    assert cut_labels(dialog) == []
    assert off_screen(dialog) == []  # Unlock and Quit inside it


def cut_columns(table: QTableView, values: bool = True) -> list[str]:
    """Columns narrower than their header (with the sort arrow), or than their
    values (where those are not meant to be elided)."""
    header = table.horizontalHeader()
    cut = []
    for column in range(header.count()):
        needs = header.sectionSizeHint(column)
        if values:
            needs = max(needs, table.sizeHintForColumn(column))
        if header.sectionSize(column) + 1 < needs:
            name = table.model().headerData(column, Qt.Orientation.Horizontal)
            cut.append(f"{table.objectName()} {name!r}: {header.sectionSize(column)} < {needs}")
    return cut


def test_the_drafts_on_home_show_headers_and_codenames_whole(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    window = laptop_window
    vault, scope = window.session.vault, window.session.scope
    for codename in ("TOERMALIJNSTEEN", "LEISTEENGROEVE"):
        debriefs.create_draft(vault, scope, factory.source(vault, scope, codename))
    page = window.show_page(HomePage)
    assert isinstance(page, HomePage)
    page.reload()
    QApplication.processEvents()
    table = page.waiting_table
    assert table.model().rowCount() >= 2
    assert cut_columns(table) == []
    assert table.horizontalScrollBar().maximum() == 0
    assert off_screen(window) == []


def test_the_meeting_passphrase_dialog_shows_its_title_whole(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    window = laptop_window
    vault, scope = window.session.vault, window.session.scope
    window.open_source(factory.source(vault, scope, "TITEL"))
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    meeting = window.meeting
    assert meeting is not None
    qtbot.mouseClick(meeting.discard_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        confirmation("discardMeetingConfirm", qtbot).confirm_button, Qt.MouseButton.LeftButton
    )
    ask = meeting.findChild(QInputDialog, "discardMeetingDialog")
    assert isinstance(ask, QInputDialog)
    qtbot.waitUntil(ask.isVisible)
    assert ask.width() >= title_width(ask)
    ask.reject()


def test_the_location_placeholder_shows_whole(qtbot: QtBot, laptop_window: MainWindow) -> None:
    window = laptop_window
    vault, scope = window.session.vault, window.session.scope
    dialog = ContactDialog(window.session, factory.source(vault, scope, "PLEK"), "PLEK", window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.location.text()
    assert placeholder_room(dialog.location) >= 0
    dialog.reject()


def test_a_submitted_debrief_shows_its_hints_and_headers_whole(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    """The lower half of a debrief: short tables (attachments, addenda, the
    debriefs mentioning a subject) with a hint, or just a sorted header."""
    window = laptop_window
    switch_alias(qtbot, window, "Havik")
    vault, scope = window.session.vault, window.session.scope
    submitted = debriefs.list_debriefs(vault, scope, status=DebriefStatus.SUBMITTED).rows
    window.open_debrief(submitted[0].id)
    page = window.debrief_page
    qtbot.waitUntil(lambda: page.view is not None)
    bar = page.body_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    hints = [h for h in page.findChildren(EmptyHint) if h.isVisibleTo(page) and h.text()]
    assert len(hints) >= 2  # no attachments, no addenda
    for hint in hints:
        viewport = hint.parentWidget()
        assert viewport is not None
        assert hint.heightForWidth(hint.width()) <= hint.height() <= viewport.height(), hint.text()
    assert not page.mentions_model.rowCount()
    for table in page.findChildren(QTableView):
        if table.isVisibleTo(page) and table.horizontalHeader().isSortIndicatorShown():
            assert cut_columns(table, values=False) == []  # long values are elided
