"""The runner's screens, driven through real widgets: source list and file,
contact form, debrief editor (autosave, items, submit, addenda), handler review,
identity reveal, meeting mode, search, reminders."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.enums import ContactKind, DebriefStatus, SubjectKind
from app.models import CompartmentMember, Source
from app.services.admin import aliases, audit
from app.services.records import contacts, debriefs, identity, tasking
from app.services.views import IdentityFields
from app.ui.dialogs.contact_form import ContactDialog
from app.ui.dialogs.identity import RevealIdentityDialog
from app.ui.dialogs.item_dialog import ItemDialog
from app.ui.dialogs.source_form import SourceDialog
from app.ui.main_window import MainWindow
from app.ui.pages.home import HomePage
from app.ui.pages.search import TEXT_COLUMN, SearchPage
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory
from tests.helpers.boxes import confirm


def click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def double_click_row(qtbot: QtBot, view: object, row: int) -> None:
    QApplication.processEvents()  # let the view lay out its rows first
    rect = view.visualRect(view.model().index(row, 0))  # type: ignore[attr-defined]
    port = view.viewport()  # type: ignore[attr-defined]
    # As a real double click does: press/release, then the double-click event.
    qtbot.mouseClick(port, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(port, Qt.MouseButton.LeftButton, pos=rect.center())


def active_dialog(kind: type) -> object:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    raise AssertionError(f"no visible {kind.__name__}")


def sources_page(window: MainWindow) -> SourcesPage:
    page = window.show_page(SourcesPage)
    assert isinstance(page, SourcesPage)
    return page


def test_source_list_and_file(qtbot: QtBot, window: MainWindow) -> None:
    page = sources_page(window)
    codenames = [page.model.row_at(r).codename for r in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert codenames == sorted(codenames)
    assert codenames
    qtbot.keyClicks(page.filter, codenames[0][:3])
    assert all(
        codenames[0][:3] in page.model.row_at(r).codename  # type: ignore[union-attr]
        for r in range(page.model.rowCount())
    )
    double_click_row(qtbot, page.table, 0)
    assert page.stack.currentWidget() is page.file_view
    view = page.file_view
    assert view.file is not None
    assert view.file.overview.codename in view.heading.text()
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert tabs == ["Overview", "Contacts", "Debriefs", "Tasking", "Payments", "Risk and welfare"]
    assert "sealed" in view.fields["identity"].text()  # never the identity itself
    assert view.contacts.model.rowCount() == len(view.file.contacts)
    click(qtbot, window.findChild(type(view.reveal_button), "backToSources"))
    assert page.stack.currentIndex() == 0


def test_new_source_through_the_form(qtbot: QtBot, window: MainWindow) -> None:
    page = sources_page(window)
    click(qtbot, page.findChild(type(page.file_view.edit_button), "newSource"))
    dialog = active_dialog(SourceDialog)
    assert isinstance(dialog, SourceDialog)
    qtbot.keyClicks(dialog.codename, "nieuwe")
    qtbot.keyClicks(dialog.motivation, "Wants out of the scene.")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.file_view)
    assert page.file_view.file is not None
    assert page.file_view.file.overview.codename == "NIEUWE"
    # A taken codename is refused in the form, which stays open with the text.
    click(qtbot, page.findChild(type(page.file_view.edit_button), "newSource"))
    again = active_dialog(SourceDialog)
    assert isinstance(again, SourceDialog)
    qtbot.keyClicks(again.codename, "NIEUWE")
    click(qtbot, again.buttons.button(again.buttons.StandardButton.Ok))
    assert "already in use" in again.error.text()
    assert again.isVisible()
    assert again.codename.text() == "NIEUWE"
    again.reject()


def test_contact_form_records_attendees_by_alias(qtbot: QtBot, window: MainWindow) -> None:
    page = sources_page(window)
    double_click_row(qtbot, page.table, 0)
    view = page.file_view
    view.tabs.setCurrentIndex(1)
    before = view.contacts.model.rowCount()
    click(qtbot, view.findChild(type(view.edit_button), "newContact"))
    dialog = active_dialog(ContactDialog)
    assert isinstance(dialog, ContactDialog)
    qtbot.keyClicks(dialog.location, "MOLEN-9")
    qtbot.keyClicks(dialog.safety, "Counter-surveillance route; nothing seen.")
    # Tick a colleague as attendee (the runner is pre-ticked).
    for row in range(dialog.attendees.count()):
        item = dialog.attendees.item(row)
        if item.text() == "Kraai":
            item.setCheckState(Qt.CheckState.Checked)
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: view.contacts.model.rowCount() == before + 1)
    newest = view.file.contacts[0]  # type: ignore[union-attr]
    assert newest.location_codeword == "MOLEN-9"
    assert set(newest.attendees) == {"Valk", "Kraai"}


def test_debrief_editor_autosave_items_submit_addendum(qtbot: QtBot, window: MainWindow) -> None:
    session = window.session
    session.settings = type(session.settings)(
        **{**session.settings.__dict__, "autosave_seconds": 1}
    )
    vault, scope = session.vault, session.scope
    source = factory.source(vault, scope, "EDITOR")
    debrief_id = debriefs.create_draft(vault, scope, source)
    window.open_debrief(debrief_id)
    page = window.debrief_page
    assert window.stack.currentWidget() is page
    qtbot.keyClicks(page.narrative, "Source met Dirk at the marina.")
    assert "Unsaved" in page.saved.text()
    qtbot.waitUntil(lambda: "Saved" in page.saved.text(), timeout=3_000)  # the autosave tick
    assert (
        debriefs.get_debrief(vault, scope, debrief_id).narrative == "Source met Dirk at the marina."
    )

    # Add a graded item through the dialog.
    click(qtbot, page.add_item_button)
    dialog = active_dialog(ItemDialog)
    assert isinstance(dialog, ItemDialog)
    assert dialog.scheme.value().value == "3x5x2"  # the default scheme
    qtbot.keyClicks(dialog.text, "Dirk stores cash at the marina.")
    qtbot.keyClicks(dialog.sanitised, "Cash is reportedly stored at a marina.")
    dialog.evaluation.setCurrentIndex(dialog.evaluation.findData("2"))
    dialog.assessment.setCurrentIndex(dialog.assessment.findData("B"))
    dialog.handling.setCurrentIndex(dialog.handling.findData("C"))
    assert "conditions" in dialog.grading_hint.text()
    qtbot.keyClicks(dialog.conditions, "Only after corroboration")
    qtbot.keyClicks(dialog.subjects.name, "Dirk Bakker")
    click(
        qtbot,
        dialog.findChild(
            type(dialog.buttons.button(dialog.buttons.StandardButton.Ok)), "addSubject"
        ),
    )
    click(qtbot, dialog.exculpatory)
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: page.items.model.rowCount() == 1)
    item = page.items.model.row_at(0)
    assert item is not None
    assert item.grading.short() == "3x5x2 2/B/C"
    assert item.exculpatory
    assert [s.name for s in item.subjects] == ["Dirk Bakker"]

    # Submit without critical reflection: refused with the reason shown.
    click(qtbot, page.submit_button)
    box = active_dialog(QMessageBox)
    assert "critical reflection" in box.text()  # type: ignore[attr-defined]
    box.close()  # type: ignore[attr-defined]
    qtbot.keyClicks(page.reflection, "Source dislikes Dirk; may exaggerate.")
    click(qtbot, page.submit_button)
    question = confirm(qtbot, "submitConfirm")  # submitting asks first, naming the debrief
    assert "EDITOR" in question
    assert "only add addenda" in question
    qtbot.waitUntil(lambda: page.view is not None and page.view.status is DebriefStatus.SUBMITTED)
    assert page.narrative.isReadOnly()
    assert not page.add_item_button.isEnabled()
    assert page.addenda_box.isVisible()
    qtbot.keyClicks(page.addendum_edit, "Dirk was seen there again on Friday.")
    click(qtbot, page.addendum_button)
    qtbot.waitUntil(lambda: page.addenda.model.rowCount() == 1)
    assert debriefs.get_debrief(vault, scope, debrief_id).addenda[0].text.startswith("Dirk was")


def test_handler_returns_and_approves(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = window.session.vault
    runner = window.session.scope
    source = factory.source(vault, runner, "REVIEW")
    havik = aliases.resolve_scope(vault, "Havik")
    # The handler supervises this file: the demo handler is given access to it.
    with vault.write() as session:
        comp = session.get(Source, source).compartment_id  # type: ignore[union-attr]
        session.add(CompartmentMember(compartment_id=comp, alias_id=havik.alias_id))
    debrief_id = factory.debrief(vault, runner, source, submit=True)
    window.band.switcher.setCurrentText("Havik")
    window.band.switcher.activated.emit(window.band.switcher.currentIndex())
    window.open_debrief(debrief_id)
    page = window.debrief_page
    assert page.approve_button.isVisible()
    assert page.return_button.isVisible()
    click(qtbot, page.return_button)
    assert "REVIEW" in confirm(qtbot, "returnConfirm", comment="Who else was present?")
    assert page.view is not None
    assert page.view.status is DebriefStatus.RETURNED
    assert "Who else was present?" in page.review.text()
    # Back to the runner: answer with an addendum, resubmit; the handler approves.
    debriefs.add_addendum(vault, runner, debrief_id, "Only the source and Dirk.")
    debriefs.submit(vault, runner, debrief_id)
    page.reload()
    click(qtbot, page.approve_button)
    confirm(qtbot, "approveConfirm")
    approved = page.view  # a new view since the reload, not the one checked above
    assert approved is not None
    assert approved.status is DebriefStatus.APPROVED
    actions = [e.action for e in audit.recent_events(vault, havik)]
    assert {"debrief.returned", "debrief.approved", "debrief.submitted"} <= set(actions)


def test_identity_reveal_needs_passphrase_and_reason_and_hides_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "VERBORGEN")
    identity.record_identity(
        vault,
        scope,
        source,
        IdentityFields(full_name="Johanna Testpersoon", phone_numbers=("06-11223344",)),
    )
    window.open_source(source)
    view = sources_page(window).file_view
    assert "Johanna" not in view.fields["identity"].text()
    click(qtbot, view.reveal_button)
    dialog = active_dialog(RevealIdentityDialog)
    assert isinstance(dialog, RevealIdentityDialog)
    dialog.seconds = 2
    qtbot.keyClicks(dialog.passphrase, "wrong passphrase entirely")
    qtbot.keyClicks(dialog.reason, "Checking a name for the prosecutor")
    click(qtbot, dialog.reveal_button)
    qtbot.waitUntil(lambda: "Wrong passphrase" in dialog.status.text(), timeout=10_000)
    assert not dialog.showing
    qtbot.keyClicks(dialog.passphrase, factory.PASSPHRASE)
    click(qtbot, dialog.reveal_button)
    qtbot.waitUntil(lambda: dialog.showing, timeout=10_000)
    assert "Johanna Testpersoon" in dialog.fields.text()
    assert "06-11223344" in dialog.fields.text()
    # Whose identity it is stays on screen with it (the title never names a source).
    assert [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()].count("VERBORGEN") == 1
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert not dialog.showing
    events = audit.recent_events(vault, scope)
    assert "identity.reveal_refused" in [e.action for e in events]
    revealed = [e for e in events if e.action == "identity.revealed"]
    assert revealed
    assert "prosecutor" in revealed[0].detail


def test_meeting_mode_hides_everything_and_keeps_the_note(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "ONTMOETING")
    tasking.add_tasking(vault, scope, source, "Find out who drives the grey van.")
    window.open_source(source)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    meeting = window.meeting
    assert meeting is not None
    assert window.central.currentWidget() is meeting
    assert not window.normal.isVisible()
    assert not window.band.isVisible()
    assert meeting.codename.text() == "ONTMOETING"
    assert meeting.band.text() == "Valk"  # the acting alias stays on screen
    assert "grey van" in meeting.taskings.item(0).text()
    qtbot.keyClicks(meeting.note, "Source nervous; new phone number soon.")
    meeting.end_with("not the passphrase")
    qtbot.waitUntil(lambda: "Wrong passphrase" in meeting.status.text(), timeout=10_000)
    assert window.meeting is meeting
    meeting.end_with(factory.PASSPHRASE)
    qtbot.waitUntil(lambda: window.meeting is None, timeout=10_000)
    assert window.normal.isVisible()
    assert window.stack.currentWidget() is window.debrief_page
    assert window.debrief_page.narrative.toPlainText() == "Source nervous; new phone number soon."
    contact = contacts.list_contacts(vault, scope, source)[0]
    assert contact.kind is ContactKind.MEETING
    assert contact.notes == "Source nervous; new phone number soon."


def test_search_highlights_and_opens_debriefs(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "ZOEKEN")
    debrief_id = factory.debrief(vault, scope, source, narrative="The zeppelin landed at the pier.")
    page = window.show_page(SearchPage)
    assert isinstance(page, SearchPage)
    qtbot.keyClicks(page.query, "zeppelin")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1
    html = page.model.data(page.model.index(0, TEXT_COLUMN))
    assert "<b" in html
    assert "zeppelin" in html
    # Enter opened the only result.
    assert window.stack.currentWidget() is window.debrief_page
    assert window.debrief_page.view is not None
    assert window.debrief_page.view.id == debrief_id
    window.show_page(SearchPage)
    double_click_row(qtbot, page.table, 0)
    assert window.stack.currentWidget() is window.debrief_page
    assert window.debrief_page.view is not None
    assert window.debrief_page.view.id == debrief_id
    # Operators and quotes in the query are harmless.
    page.query.clear()
    qtbot.keyClicks(page.query, 'zeppelin" OR NEAR(')
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert "in your files" in page.status.text()  # a count of results, not an error


def test_subject_cross_reference_lists_other_debriefs(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    a = factory.source(vault, scope, "KRUIS-A")
    b = factory.source(vault, scope, "KRUIS-B")
    # The same person, spelled with and without the diacritic and capitals.
    zoe = factory.graded_item(subjects=((SubjectKind.PERSON, "Zoë Kruisreferentie"),))
    zoe_lower = factory.graded_item(subjects=((SubjectKind.PERSON, "zoe kruisreferentie"),))
    first = factory.debrief(vault, scope, a, items=(zoe,))
    second = factory.debrief(vault, scope, b, items=(zoe_lower,))
    window.open_debrief(first)
    page = window.debrief_page
    page.items.view.selectRow(0)
    qtbot.waitUntil(lambda: page.mentions.model.rowCount() == 1)
    assert page.mentions.model.row_at(0).id == second  # type: ignore[union-attr]


def test_home_lists_reminders_soonest_first_overdue_marked(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.show_page(HomePage)
    assert isinstance(page, HomePage)
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows
    dues = [r.due_on for r in rows]  # type: ignore[union-attr]
    assert dues == sorted(dues)
    overdue = [i for i, r in enumerate(rows) if r.overdue(page._today)]  # type: ignore[union-attr]
    for i in overdue:
        brush = page.model.data(page.model.index(i, 0), Qt.ItemDataRole.ForegroundRole)
        assert brush is not None
