"""Screens driven by real mouse clicks and key presses only: the alias switcher's
popup, attendee check boxes, tabs, the grading-scheme combo, the End meeting
passphrase dialog, and the tasking, payment and risk forms of a source file; and
the autosave of meeting notes and of an open intelligence-item dialog."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QStyle,
    QStyleOptionViewItem,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.enums import GradingScheme, PaymentKind, RiskLevel
from app.services.admin import aliases
from app.services.records import contacts, debriefs, sources, tasking
from app.ui.dialogs.contact_form import ContactDialog
from app.ui.dialogs.item_dialog import ItemDialog
from app.ui.dialogs.records import PaymentDialog, RiskDialog, TaskingDialog
from app.ui.labels import label
from app.ui.main_window import MainWindow
from app.ui.pages.sources import SourcesPage
from app.ui.source_file import SourceFileView
from app.vault.vault import Vault
from tests.helpers import factory

LEFT = Qt.MouseButton.LeftButton


def shown(kind: type) -> QWidget:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    raise AssertionError(f"no visible {kind.__name__}")


def ok(qtbot: QtBot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Open the combo's popup with a click and click the entry showing ``text``."""
    qtbot.mouseClick(combo, LEFT)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    # The popup ignores a release that follows its opening too closely (it would
    # be the opening click's own release).
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    view.scrollTo(view.model().index(index, 0))
    rect = view.visualRect(view.model().index(index, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text


def click_tab(qtbot: QtBot, tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def click_check(qtbot: QtBot, view: QListWidget, row: int) -> None:
    """Click the check box drawn in a list row (where the style puts it)."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualItemRect(view.item(row))
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), LEFT, pos=box.center())


def open_file(qtbot: QtBot, window: MainWindow, source: uuid.UUID) -> SourceFileView:
    window.open_source(source)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    return page.file_view


def test_alias_switcher_popup_switches_scope(qtbot: QtBot, window: MainWindow) -> None:
    band = window.band
    pick(qtbot, band.switcher, "Havik")
    qtbot.waitUntil(lambda: window.session.scope.alias_name == "Havik")
    assert "Havik" in band.label.text()
    assert window.session.scope.colour in band.styleSheet()
    pick(qtbot, band.switcher, "Valk")
    qtbot.waitUntil(lambda: window.session.scope.alias_name == "Valk")


def test_attendee_check_boxes_and_tabs_by_mouse(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "KLIK")
    view = open_file(qtbot, window, source)
    click_tab(qtbot, view.tabs, "Contacts")
    qtbot.mouseClick(view.findChild(QWidget, "newContact"), LEFT)
    dialog = shown(ContactDialog)
    assert isinstance(dialog, ContactDialog)
    names = [dialog.attendees.item(r).text() for r in range(dialog.attendees.count())]
    states = {
        dialog.attendees.item(r).text(): dialog.attendees.item(r).checkState()
        for r in range(dialog.attendees.count())
    }
    assert states["Valk"] == Qt.CheckState.Checked  # the runner, ticked already
    click_check(qtbot, dialog.attendees, names.index("Kraai"))
    click_check(qtbot, dialog.attendees, names.index("Specht"))
    click_check(qtbot, dialog.attendees, names.index("Specht"))  # and untick again
    qtbot.keyClicks(dialog.location, "SLUIS-2")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: view.contacts.model.rowCount() == 1)
    recorded = contacts.list_contacts(vault, scope, source)[0]
    assert set(recorded.attendees) == {"Valk", "Kraai"}
    for title in ("Debriefs", "Tasking", "Payments", "Risk and welfare", "Overview"):
        click_tab(qtbot, view.tabs, title)
        assert view.tabs.currentWidget().isVisible()


def test_grading_scheme_combo_stores_admiralty_and_5x5x5(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "SCHEMA")
    debrief_id = debriefs.create_draft(vault, scope, source)
    window.open_debrief(debrief_id)
    page = window.debrief_page
    for scheme, codes, text in (
        (GradingScheme.ADMIRALTY, ("B", "2", "P"), "The van is parked at the quay."),
        (GradingScheme.UK_5X5X5, ("C", "3", "1"), "Two men load boxes at night."),
    ):
        qtbot.mouseClick(page.add_item_button, LEFT)
        dialog = shown(ItemDialog)
        assert isinstance(dialog, ItemDialog)
        qtbot.keyClicks(dialog.text, text)
        pick(qtbot, dialog.scheme, label(scheme))
        for combo, code in zip(
            (dialog.evaluation, dialog.assessment, dialog.handling), codes, strict=True
        ):
            entry = next(
                combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) == code
            )
            pick(qtbot, combo, entry)
        ok(qtbot, dialog)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())  # type: ignore[misc]
    stored = debriefs.get_debrief(vault, scope, debrief_id).items
    assert [
        (g.scheme, g.source_evaluation, g.intelligence_assessment, g.handling_code)
        for g in (i.grading for i in stored)
    ] == [
        (GradingScheme.ADMIRALTY, "B", "2", "P"),
        (GradingScheme.UK_5X5X5, "C", "3", "1"),
    ]


def test_end_meeting_by_typing_the_passphrase(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "EINDE")
    open_file(qtbot, window, source)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    meeting = window.meeting
    assert meeting is not None
    qtbot.keyClicks(meeting.note, "Van seen again at the quay.")
    qtbot.mouseClick(meeting.end_button, LEFT)
    ask = shown(QInputDialog)
    assert isinstance(ask, QInputDialog)
    field = ask.findChild(QLineEdit)  # the dialog's own line edit
    assert field is not None
    assert field.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(field, "wrong passphrase here")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong passphrase" in meeting.status.text(), timeout=10_000)
    assert window.meeting is meeting
    qtbot.mouseClick(meeting.end_button, LEFT)
    ask = shown(QInputDialog)
    field = ask.findChild(QLineEdit)
    assert field is not None
    qtbot.keyClicks(field, factory.PASSPHRASE)
    ok(qtbot, ask)
    qtbot.waitUntil(lambda: window.meeting is None, timeout=10_000)
    assert window.debrief_page.narrative.toPlainText() == "Van seen again at the quay."
    contact = contacts.list_contacts(vault, scope, source)[0]
    assert contact.notes == "Van seen again at the quay."
    assert contact.duration_minutes == 1


def test_source_file_tasking_payment_and_risk_forms(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    QLocale.setDefault(QLocale("en_US"))  # amounts in English style (as the other tests)
    source = factory.source(vault, scope, "FORMULIER")
    view = open_file(qtbot, window, source)

    click_tab(qtbot, view.tabs, "Tasking")
    qtbot.mouseClick(view.findChild(QWidget, "newTasking"), LEFT)
    form = shown(TaskingDialog)
    assert isinstance(form, TaskingDialog)
    ok(qtbot, form)  # empty: refused in the form
    assert "description" in form.error.text()
    qtbot.keyClicks(form.description, "Find out where the boxes go.")
    qtbot.keyClicks(form.limits, "Do not follow the van.")
    ok(qtbot, form)
    qtbot.waitUntil(lambda: view.taskings.model.rowCount() == 1)
    assert tasking.open_taskings(vault, scope, source)[0].limits == "Do not follow the van."

    click_tab(qtbot, view.tabs, "Payments")
    qtbot.mouseClick(view.findChild(QWidget, "newPayment"), LEFT)
    pay = shown(PaymentDialog)
    assert isinstance(pay, PaymentDialog)
    pick(qtbot, pay.kind, label(PaymentKind.REWARD))
    pay.amount.lineEdit().selectAll()
    qtbot.keyClicks(pay.amount.lineEdit(), "1250")
    qtbot.keyClicks(pay.reason, "Information leading to a seizure")
    ok(qtbot, pay)
    assert "witness" in pay.error.text()  # a payment needs one
    assert pay.isVisible()
    pick(qtbot, pay.witness, "Kraai")
    ok(qtbot, pay)
    qtbot.waitUntil(lambda: view.payments.model.rowCount() == 1)
    paid = sources.source_file(vault, scope, source).payments[0]
    assert (paid.kind, paid.amount_cents, paid.witness) == (PaymentKind.REWARD, 125000, "Kraai")
    assert view.payments.model.data(view.payments.model.index(0, 2)) == "€1,250.00"

    click_tab(qtbot, view.tabs, "Risk and welfare")
    qtbot.mouseClick(view.findChild(QWidget, "newRisk"), LEFT)
    risk = shown(RiskDialog)
    assert isinstance(risk, RiskDialog)
    pick(qtbot, risk.level, label(RiskLevel.HIGH))
    qtbot.keyClicks(risk.threats, "The crew suspects a leak.")
    ok(qtbot, risk)
    qtbot.waitUntil(lambda: view.risks.model.rowCount() == 1)
    assessed = sources.source_file(vault, scope, source).risks[0]
    assert (assessed.level, assessed.threats) == (RiskLevel.HIGH, "The crew suspects a leak.")


def test_meeting_note_is_autosaved_while_typing(qtbot: QtBot, window: MainWindow) -> None:
    session = window.session
    session.settings = replace(session.settings, autosave_seconds=1)
    vault, scope = session.vault, session.scope
    source = factory.source(vault, scope, "AUTOSAVE")
    open_file(qtbot, window, source)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    meeting = window.meeting
    assert meeting is not None
    debrief_id = meeting.record.debrief_id  # the draft exists from the first second
    assert debriefs.get_debrief(vault, scope, debrief_id).narrative == ""
    qtbot.keyClicks(meeting.note, "New phone next week.")

    def stored() -> str:
        return debriefs.get_debrief(vault, scope, debrief_id).narrative

    # Without leaving the meeting: the vault already has the note (a crash now
    # would lose nothing typed more than a second ago).
    qtbot.waitUntil(lambda: stored() == "New phone next week.", timeout=4_000)
    assert window.meeting is meeting
    assert "saved" in meeting.status.text()
    meetings_contact = contacts.get_contact(vault, scope, meeting.record.contact_id)
    assert meetings_contact.attendees == ("Valk",)


def test_open_item_dialog_is_autosaved_and_cancel_takes_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    session.settings = replace(session.settings, autosave_seconds=1)
    vault, scope = session.vault, session.scope
    source = factory.source(vault, scope, "ITEMSAVE")
    debrief_id = debriefs.create_draft(vault, scope, source)
    window.open_debrief(debrief_id)
    page = window.debrief_page

    def items() -> list[str]:
        return [i.text for i in debriefs.get_debrief(vault, scope, debrief_id).items]

    qtbot.mouseClick(page.add_item_button, LEFT)
    dialog = shown(ItemDialog)
    assert isinstance(dialog, ItemDialog)
    qtbot.keyClicks(dialog.text, "The boxes hold phones.")
    qtbot.waitUntil(lambda: items() == ["The boxes hold phones."], timeout=4_000)
    assert dialog.isVisible()  # saved while still open
    qtbot.keyClicks(dialog.text, " Stolen ones.")
    qtbot.waitUntil(lambda: items() == ["The boxes hold phones. Stolen ones."], timeout=4_000)
    dialog.reject()  # Cancel: the autosaved item goes again
    assert items() == []

    existing = factory.graded_item("Original wording.")
    debriefs.add_item(vault, scope, debrief_id, existing)
    page.reload()
    page.items.view.selectRow(0)
    qtbot.mouseClick(page.edit_item_button, LEFT)
    edit = shown(ItemDialog)
    assert isinstance(edit, ItemDialog)
    qtbot.keyClick(edit.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit.text, " Changed.")
    qtbot.waitUntil(lambda: items() == ["Original wording. Changed."], timeout=4_000)
    edit.reject()
    assert items() == ["Original wording."]
    assert debriefs.get_debrief(vault, scope, debrief_id).items[0].grading.handling_code == "P"


def test_locking_keeps_an_open_item_dialogs_text(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "LOCKITEM")
    debrief_id = debriefs.create_draft(vault, scope, source)
    window.open_debrief(debrief_id)
    qtbot.mouseClick(window.debrief_page.add_item_button, LEFT)
    dialog = shown(ItemDialog)
    assert isinstance(dialog, ItemDialog)
    qtbot.keyClicks(dialog.text, "Typed just before the lock.")
    root, name = window.session.vault.paths.root, scope.alias_name
    window.lock.lock("manual")

    with Vault.open(root, factory.PASSPHRASE) as reopened:
        view = debriefs.get_debrief(reopened, aliases.resolve_scope(reopened, name), debrief_id)
    assert [i.text for i in view.items] == ["Typed just before the lock."]
