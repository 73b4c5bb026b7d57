"""No silent irreversible step: submitting, approving, returning, issuing a report,
deleting (items, attached files, keys, a recorded identity) and purging (taking in
a receipt) ask first, in a question that names what happens and that a key pressed
in a hurry (Enter, Space, Escape) answers with Cancel. Real widgets, real keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.enums import DebriefStatus, PeerRole, Role
from app.models import CompartmentMember, Source
from app.services.admin import aliases, audit
from app.services.exchange import keys, receipts
from app.services.records import attachments, debriefs, identity
from app.services.views import IdentityFields
from app.ui import i18n
from app.ui.confirm import ConfirmDialog, ask, ask_with_comment
from app.ui.main_window import MainWindow
from app.ui.pages.packages import PackagesPage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory
from tests.helpers.boxes import RETURN, answering, confirm, confirmation
from tests.packages.conftest import PNG, open_party

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _asked(parent: QWidget) -> tuple[ConfirmDialog, list[str]]:
    done: list[str] = []
    dialog = ask(
        parent,
        title="Delete",
        text="Delete the thing? It cannot be brought back.",
        confirm="Delete",
        on_confirm=lambda: done.append("deleted"),
    )
    return dialog, done


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_or_space_on_a_fresh_question_cancels(
    qtbot: QtBot, parent: QWidget, key: Qt.Key
) -> None:
    dialog, done = _asked(parent)
    assert dialog.question.text() == "Delete the thing? It cannot be brought back."
    qtbot.waitUntil(dialog.cancel_button.hasFocus)  # Cancel is where a stray key lands
    assert dialog.cancel_button.isDefault()
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key)
    assert not dialog.isVisible()
    assert done == []


def test_escape_cancels_and_only_the_steps_own_button_takes_it(
    qtbot: QtBot, parent: QWidget
) -> None:
    dialog, done = _asked(parent)
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert done == []
    dialog, done = _asked(parent)
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    assert done == ["deleted"]


def test_moving_to_the_steps_button_on_purpose_and_pressing_enter_takes_it(
    qtbot: QtBot, parent: QWidget
) -> None:
    dialog, done = _asked(parent)
    qtbot.waitUntil(dialog.cancel_button.hasFocus)
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Backtab)
    assert dialog.confirm_button.hasFocus()
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    assert done == ["deleted"]


def test_a_question_with_a_comment_needs_one_and_enter_only_adds_a_line(
    qtbot: QtBot, parent: QWidget
) -> None:
    given: list[str] = []
    dialog = ask_with_comment(
        parent,
        title="Return",
        text="Return it?",
        comment="Why?",
        confirm="Return",
        on_confirm=given.append,
    )
    assert dialog.comment is not None
    qtbot.waitUntil(dialog.comment.hasFocus)  # the comment to write comes first
    assert not dialog.confirm_button.isEnabled()
    qtbot.keyClicks(dialog.comment, "Who else")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter wrote a new line, it did not answer
    qtbot.keyClicks(dialog.comment, "was there?")
    assert dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    assert given == ["Who else\nwas there?"]


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


def test_the_question_in_dutch(qtbot: QtBot, dutch: None, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "KORAAL")
    debrief_id = factory.debrief(vault, scope, source, narrative="Gesproken.")
    window.open_debrief(debrief_id)
    qtbot.mouseClick(window.debrief_page.submit_button, LEFT)
    question = confirmation("submitConfirm", qtbot)
    assert question.cancel_button.text() == "Annuleren"
    assert question.confirm_button.text() == "Indienen"
    assert question.windowTitle() == "Debriefing indienen"
    text = question.question.text()
    assert "KORAAL" in text
    assert "indienen bij de teamleider" in text
    assert "alleen aanvullen" in text
    qtbot.keyClick(question.cancel_button, Qt.Key.Key_Return)
    assert debriefs.get_debrief(vault, scope, debrief_id).status is DebriefStatus.DRAFT


# -- every irreversible step asks, and a stray key leaves everything as it was ----


def _enter(qtbot: QtBot, name: str) -> str:
    question = confirmation(name, qtbot)
    text = question.question.text()
    qtbot.keyClick(question.cancel_button, Qt.Key.Key_Return)  # Enter at once: Cancel
    assert not question.isVisible()
    return text


def test_submit_asks_naming_the_debrief(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "KORAAL")
    contact = factory.contact(vault, scope, source)
    debrief_id = debriefs.create_draft(vault, scope, source, contact_id=contact)
    debriefs.save_draft(
        vault,
        scope,
        debrief_id,
        debriefs.DebriefContent(narrative="Met.", critical_reflection="None."),
    )
    window.open_debrief(debrief_id)
    qtbot.mouseClick(window.debrief_page.submit_button, LEFT)
    text = _enter(qtbot, "submitConfirm")
    # The contact's day (2 Nov 2026 in the factory), the codename, what follows.
    assert text == (
        "Submit the debrief of 2 Nov 2026 for KORAAL to the handler? You cannot edit it "
        "afterwards, only add addenda."
    )
    assert debriefs.get_debrief(vault, scope, debrief_id).status is DebriefStatus.DRAFT
    qtbot.mouseClick(window.debrief_page.submit_button, LEFT)
    confirm(qtbot, "submitConfirm")
    assert debriefs.get_debrief(vault, scope, debrief_id).status is DebriefStatus.SUBMITTED


def _handler_sees(window: MainWindow, source: object) -> None:
    vault = window.session.vault
    havik = aliases.resolve_scope(vault, "Havik")
    with vault.write() as session:
        comp = session.get(Source, source).compartment_id  # type: ignore[union-attr]
        session.add(CompartmentMember(compartment_id=comp, alias_id=havik.alias_id))


def test_approve_and_return_ask(qtbot: QtBot, window: MainWindow) -> None:
    vault, runner = window.session.vault, window.session.scope
    source = factory.source(vault, runner, "BEOORDEEL")
    _handler_sees(window, source)
    debrief_id = factory.debrief(vault, runner, source, submit=True)
    window.session.switch_alias("Havik")
    window.open_debrief(debrief_id)
    page = window.debrief_page
    qtbot.mouseClick(page.approve_button, LEFT)
    assert "BEOORDEEL" in _enter(qtbot, "approveConfirm")
    qtbot.mouseClick(page.return_button, LEFT)
    question = confirmation("returnConfirm", qtbot)
    assert "Valk" in question.question.text()  # the runner it goes back to
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    assert not question.isVisible()
    assert debriefs.get_debrief(vault, runner, debrief_id).status is DebriefStatus.SUBMITTED


def test_removing_an_item_or_a_file_asks(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "WISSEN")
    debrief_id = factory.debrief(
        vault, scope, source, items=(factory.graded_item("The van is blue and old."),)
    )
    photo = tmp_path / "kenteken.png"
    photo.write_bytes(PNG)
    attachments.add_attachment_file(vault, scope, debrief_id, photo)
    window.open_debrief(debrief_id)
    page = window.debrief_page
    page.items.view.selectRow(0)
    qtbot.mouseClick(page.remove_item_button, LEFT)
    question = confirmation("removeItemConfirm", qtbot)
    assert "item 1" in question.question.text()
    assert "The van is blue" in question.details.text()  # which item
    qtbot.keyClick(question.cancel_button, Qt.Key.Key_Space)
    assert len(debriefs.get_debrief(vault, scope, debrief_id).items) == 1
    page.files.table.view.selectRow(0)
    qtbot.mouseClick(page.files.remove_button, LEFT)
    assert "kenteken.png" in _enter(qtbot, "removeAttachmentConfirm")
    assert len(attachments.list_attachments(vault, scope, debrief_id)) == 1
    qtbot.mouseClick(page.remove_item_button, LEFT)
    confirm(qtbot, "removeItemConfirm")
    assert debriefs.get_debrief(vault, scope, debrief_id).items == ()


def test_issuing_a_report_asks(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "UITGIFTE")
    debrief_id = factory.debrief(vault, scope, source)
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    page.set_debrief(debrief_id, "UITGIFTE · 2026-11-02")
    qtbot.mouseClick(page.make_button, LEFT)
    text = _enter(qtbot, "issueReportConfirm")
    assert f"Issue an internal report ({page.marking.currentText()}) of the debrief" in text
    assert "UITGIFTE" in text
    qtbot.wait(50)
    assert not page.previews
    assert "report.issued" not in [e.action for e in audit.recent_events(vault, scope)]


def test_replacing_a_true_identity_asks(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "ECHT")
    page = window.show_page(SourcesPage)
    assert isinstance(page, SourcesPage)
    window.open_source(source)
    assert page.file_view.record_identity_button.text() == "Record identity…"
    identity.record_identity(vault, scope, source, IdentityFields(full_name="Jan Echt"))
    window.open_source(source)
    # Beside "Recorded and sealed" the button says what it does: it replaces.
    assert page.file_view.record_identity_button.text() == "Replace identity…"
    qtbot.mouseClick(page.file_view.record_identity_button, LEFT)
    text = _enter(qtbot, "replaceIdentityConfirm")
    assert "ECHT" in text
    assert "cannot be brought back" in text
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "recordIdentityDialog" and w.isVisible()
    ]


def test_retiring_a_key_asks(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    vault, scope = window.session.vault, window.session.scope
    other = open_party(tmp_path / "handler", "Havik", Role.HANDLER)
    try:
        bundle = keys.read_bundle(
            keys.bundle_bytes(other.vault, keys.own_bundle(other.vault, "Havik", PeerRole.HANDLER))
        )
    finally:
        other.vault.lock()
    keys.add_peer(
        vault, scope, bundle, role=PeerRole.HANDLER, confirmed_spoken=bundle.fingerprint.spoken
    )
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    page.tabs.setCurrentWidget(page.keys)
    page.keys.peers.view.selectRow(0)
    page.keys.retire()
    assert "Havik" in _enter(qtbot, "retireKeyConfirm")
    assert [p.active for p in keys.list_peers(vault)] == [True]


def test_taking_in_a_receipt_that_deletes_asks(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken: list[object] = []
    monkeypatch.setattr(receipts, "import_receipt", lambda *a, **k: taken.append(a))
    receipt = tmp_path / "ontvangst.age"
    receipt.write_bytes(b"checked for being a file only: the import is not reached")
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    page.tabs.setCurrentWidget(page.receive)
    page.receive.import_receipt(receipt)
    text = _enter(qtbot, "receiptConfirm")
    assert "ontvangst.age" in text
    assert "deleted from this vault" in text
    assert "cannot be undone" in text
    qtbot.wait(50)
    assert taken == []


def test_keeping_everything_takes_a_receipt_in_without_a_question(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = window.session.settings
    window.session.update_settings(
        type(settings)(**{**settings.__dict__, "retention_after_receipt": "keep"})
    )
    taken: list[object] = []

    def take(*args: object, **kwargs: object) -> object:
        taken.append(args)
        raise receipts.UnknownPackage("The receipt names a package this vault never sent.")

    monkeypatch.setattr(receipts, "import_receipt", take)
    receipt = tmp_path / "ontvangst.age"
    receipt.write_bytes(b"x")
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    page.receive.import_receipt(receipt)
    qtbot.waitUntil(lambda: bool(taken), timeout=10_000)
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ConfirmDialog) and w.isVisible()
    ]


def test_enter_on_the_unencrypted_copy_warning_saves_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "KOPIE")
    debrief_id = factory.debrief(vault, scope, source)
    attachments.add_attachment(vault, scope, debrief_id, "foto.png", PNG)
    window.open_debrief(debrief_id)
    box = window.debrief_page.files
    box.table.view.selectRow(0)
    chosen: list[object] = []
    monkeypatch.setattr("app.ui.attachments_box.choose_save_path", lambda *a, **k: chosen.append(a))
    with answering(RETURN) as asked:
        qtbot.mouseClick(box.save_button, LEFT)
    assert "not encrypted" in asked.texts[0]
    assert chosen == []  # Enter was Cancel: not even a place to save was asked for
