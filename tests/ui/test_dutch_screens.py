"""The Dutch interface, screen by screen: every page, tab and dialog the tests can
reach is opened in Dutch and its chrome (titles, labels, buttons, headers, tabs,
placeholders, combo items) is checked for English words. Vault data (codenames,
narratives) is not chrome and is left out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.errors import AccessDenied, NotFound, UnlockThrottled, WorkflowError, WrongPassphrase
from app.services.admin import aliases
from app.services.records import debriefs, identity, sources
from app.services.views import IdentityFields
from app.ui import i18n
from app.ui.audit_labels import action_label
from app.ui.controller import AppController
from app.ui.dialogs.identity import RevealIdentityDialog
from app.ui.dialogs.records import (
    TaskingDialog,
)
from app.ui.errors import describe
from app.ui.widgets import money
from tests.helpers import factory
from tests.helpers.boxes import confirm, confirmation
from tests.helpers.screen_walk import Walk, walk_app
from tests.ui.conftest import unlock

# Words of the English interface that have a different Dutch translation; none may
# show in Dutch chrome. (Words that are the same in both, such as Status, Items,
# Details, Runner or Contact, cannot be told apart and are not listed.)
LEFT = Qt.MouseButton.LeftButton

ENGLISH = re.compile(
    r"\b("
    r"the|and|with|Source|Sources|Written|Save|Cancel|Add|Remove|New|Edit|Close|"
    r"Search|Settings|Reports?|Home|Payments?|Tasking|Risk|Level|Review|Approve|Submit|"
    r"Return|Welfare|Reason|Amount|Witness|Date|Kind|Deadline|Outcome|Notes|Lock|Back|"
    r"What|When|Who|Due|Passphrase|Wrong|Debriefs|Subjects?|Grading|Overview|Contacts|"
    r"Meeting|Reveal|Narrative|Assessment|Security|None|Yes|Next|Finish|Unlock|Quit|"
    r"choose|none|Reported|Checked|Exculpatory|Attendees|Location|Minutes|Safety|"
    r"Intelligence|Handling|Sanitised|Approved|Returned|Submitted|Draft|Reward|Expense|"
    r"YYYY"  # a date's pattern: JJJJ in Dutch
    r")\b"
)
# Widgets that show vault data (typed by users or generated), not interface text.
DATA = re.compile(
    r"^(field_.*|sourceHeading|debriefHeading|reviewNote|debriefRecords|meetingCodename|"
    r"meetingAliasBand|aliasSwitcher|reportSource|reportOneDebrief|itemSubjects|"
    r"meetingTaskings|reportMarking)$"
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


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("&", "")


def _headers(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None or isinstance(view, QListWidget):
        return []  # a list has no header
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        for c in range(model.columnCount(QModelIndex()))
    ]


def chrome(root: QWidget) -> list[tuple[str, str]]:
    """(widget, text) for the interface text shown by ``root`` and its children."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or DATA.match(w.objectName()):
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        texts: list[str] = []
        if w.isWindow():
            texts.append(w.windowTitle())
        if isinstance(w, (QAbstractButton, QLabel)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QListWidget) and w.objectName() == "navigation":
            texts += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QAbstractItemView):
            texts += _headers(w)
        out += [(name, _plain(t)) for t in texts if t]
    return out


def english_in(root: QWidget) -> list[str]:
    return [f"{where}: {text!r}" for where, text in chrome(root) if ENGLISH.search(text)]


def test_dutch_chrome_detector_catches_english(qtbot: QtBot) -> None:
    label = QLabel("Written by the runner")
    qtbot.addWidget(label)
    label.show()
    assert english_in(label)
    dutch = QLabel("Geschreven door de runner")
    qtbot.addWidget(dutch)
    dutch.show()
    assert english_in(dutch) == []


def test_every_screen_and_dialog_is_dutch(
    qtbot: QtBot, dutch: None, demo_dir: Path, tmp_path: Path
) -> None:
    walk = Walk(english_in)
    walk_app(qtbot, walk, demo_dir, tmp_path / "new")
    assert len(walk.screens) > 30
    assert walk.found == [], "\n".join(walk.found)


def test_service_errors_are_shown_in_dutch(dutch: None) -> None:
    assert describe(WrongPassphrase("Wrong passphrase.")) == "Verkeerde wachtzin."
    throttled = UnlockThrottled(3.2)
    assert describe(throttled) == (
        "Te veel mislukte pogingen: wacht 3 s voor u het opnieuw probeert."
    )
    assert str(throttled) == "Too many failed attempts: wait 3 s before trying again."
    assert "actieve alias" in describe(AccessDenied("The active alias has no access to that file."))
    assert describe(NotFound("No such {record} in the active alias's files.", record="debrief"))
    assert "ingediend" in describe(
        WorkflowError("Only a draft or a returned debrief can be submitted.")
    )
    # An English source text without a translation falls back to English, filled in.
    assert describe(NotFound("Nothing at {x}.", x=1)) == "Nothing at 1."
    assert money(125000, "EUR") == "€\xa01.250,00"  # amounts in Dutch style too
    assert action_label("debrief.submitted") == "Debriefing ingediend"  # the audit log
    assert action_label("future.thing") == "future thing"  # a newer code, in plain words
    locked = QCoreApplication.translate("Errors", "The vault is locked.")
    assert locked == "De kluis is vergrendeld."


def _box_text() -> str:
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert boxes, "no message box"
    text = boxes[-1].text()
    for box in boxes:
        box.close()
    return text


def test_errors_a_user_meets_are_dutch(
    qtbot: QtBot, dutch: None, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = AppController(demo_dir)
    controller.start()
    window = unlock(qtbot, controller)
    try:
        session = window.session
        vault, runner = session.vault, session.scope
        havik = aliases.resolve_scope(vault, "Havik")
        source = sources.create_source(
            vault, runner, sources.SourceDraft(codename="FOUT"), share_with=(havik.alias_id,)
        )
        identity.record_identity(vault, runner, source, IdentityFields(full_name="Piet Proef"))
        # Invalid input in a form: shown in the form, in Dutch.
        form = TaskingDialog(session, source, window)
        form.show()
        qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Ok), LEFT)
        assert form.error.text() == (
            "Een opdracht heeft een omschrijving nodig van wat er uitgezocht moet worden."
        )
        form.close()
        # Wrong passphrase when revealing an identity.
        reveal = RevealIdentityDialog(session, window.runner, source, "FOUT", window)
        reveal.show()
        qtbot.keyClicks(reveal.passphrase, "niet de wachtzin hoor")
        qtbot.keyClicks(reveal.reason, "Controle")
        qtbot.mouseClick(reveal.reveal_button, LEFT)
        qtbot.waitUntil(lambda: "wachtzin" in reveal.status.text(), timeout=10_000)
        assert "Verkeerde wachtzin" in reveal.status.text()
        reveal.close()

        # Workflow errors on return, approve and resubmit.
        debrief_id = factory.debrief(vault, runner, source, submit=True)
        session.switch_alias("Havik")
        window.open_debrief(debrief_id)
        page = window.debrief_page
        qtbot.mouseClick(page.return_button, LEFT)
        question = confirmation("returnConfirm")
        assert question.confirm_button.text() == "Terugsturen"
        assert question.cancel_button.text() == "Annuleren"
        assert question.comment is not None
        qtbot.keyClicks(question.comment, "   ")
        assert not question.confirm_button.isEnabled()  # no return without a reason
        qtbot.keyClick(question, Qt.Key.Key_Escape)
        own = factory.debrief(vault, havik, source, submit=True)
        window.open_debrief(own)
        qtbot.mouseClick(page.approve_button, LEFT)
        assert confirmation("approveConfirm").confirm_button.text() == "Goedkeuren"
        confirm(qtbot, "approveConfirm")
        assert _box_text() == "Een debriefing wordt beoordeeld door een ander dan de schrijver."
        debriefs.return_to_runner(vault, havik, debrief_id, "Wie was er nog meer?")
        session.switch_alias("Valk")
        window.open_debrief(debrief_id)
        qtbot.mouseClick(page.submit_button, LEFT)
        assert confirmation("submitConfirm").confirm_button.text() == "Indienen"
        confirm(qtbot, "submitConfirm")
        assert _box_text().startswith("Een teruggestuurde debriefing wordt opnieuw ingediend")
        # A record outside the alias's files.
        with pytest.raises(NotFound) as outside:
            debriefs.get_debrief(vault, aliases.resolve_scope(vault, "Uil"), own)
        assert describe(outside.value) == "Dit staat niet in de dossiers van de actieve alias."
    finally:
        controller.lock.lock("test")
