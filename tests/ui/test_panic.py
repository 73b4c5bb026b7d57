"""The panic key (F12, Ctrl+Shift+Space) and Ctrl+L in every state: with each kind
of dialog open (reveal identity, item dialog, contact form, file pickers, message
boxes, export and import, a key to import, print preview and print dialog,
progress dialogs, passphrase questions, a question before an irreversible step,
the command palette, meeting mode), the key is typed into the focused widget of
that dialog through the real event loop (for a dialog in exec(), from inside its
own loop). Afterwards: nothing on screen (panic) or only the unlock dialog naming
no source (Ctrl+L), no window title saying Veldboek or naming a source, the vault
locked, the dialog's text gone from its widgets (or the widgets deleted), nothing
popping back, no error box, no service call on the locked vault, and the time
from the key to nothing on screen under 100 ms (to the vault locked: see
``LOCKED_LIMIT_MS``).

The time is the lock's own: the time the GUI thread waited for a CPU held by
other programs (Linux's scheduler statistics, ``lock.queued_ms``) is taken off,
so a test machine shared with other work measures the code, not the machine.
Both figures are printed.
"""

from __future__ import annotations

import gc
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from app.domain.enums import PeerRole, Role
from app.services import reports
from app.services.admin import aliases
from app.services.exchange import keys
from app.services.records import attachments, debriefs, form_drafts, identity
from app.services.views import IdentityFields
from app.ui.command_palette import CommandPalette
from app.ui.confirm import ConfirmDialog
from app.ui.controller import AppController
from app.ui.dialogs.contact_form import ContactDialog
from app.ui.dialogs.identity import RevealIdentityDialog
from app.ui.dialogs.item_dialog import ItemDialog
from app.ui.dialogs.rename_alias import RenameAliasDialog
from app.ui.main_window import MainWindow
from app.ui.packages.key_dialog import AddKeyDialog
from app.ui.pages.packages import PackagesPage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.sources import SourcesPage
from app.ui.report_preview import ReportPreviewDialog
from app.ui.source_file import SourceFileView
from app.vault.vault import Vault
from tests.helpers import factory
from tests.ui.conftest import unlock

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier

KEYS = {
    "F12": (Qt.Key.Key_F12, NONE, "panic"),
    "Ctrl+Shift+Space": (Qt.Key.Key_Space, CTRL | SHIFT, "panic"),
    "Ctrl+L": (Qt.Key.Key_L, CTRL, "lock"),
}
# From the key to nothing on screen (every window hidden): the issue's figure.
LIMIT_MS = 100.0
# From the key to the vault locked: after the screen is clear the lock writes its
# audit entry, its anchor and the last checkpoint, each waiting for the disk (and,
# with a report being made in the pool, for the interpreter and the write lock the
# worker holds). On a quiet machine that is done within LIMIT_MS too (20-60 ms
# measured); a disk busy with other work can hold each write for tens of ms
# (up to 340 ms seen in all), so this is a ceiling that catches a lock waiting on
# something it must not: a worker's whole task, a dialog's loop, a timeout.
LOCKED_LIMIT_MS = 500.0
NAME = "Johanna Geheim-Verbeek"  # a source's true name
CODENAME = "OKTOBERVOS"


def visible() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def shown(kind: type) -> QWidget | None:
    return next((w for w in visible() if isinstance(w, kind)), None)


def text_of(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QLineEdit)):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    return ""


def all_text(window: QWidget) -> str:
    """The title and every text a window's widgets hold."""
    parts = [window.windowTitle()]
    parts += [text_of(w) for w in window.findChildren(QWidget)]
    return "\n".join(parts)


@dataclass
class Seen:
    """What the key press met: the dialog, its focused widget, the text it held."""

    dialog: QWidget | None = None
    focus_inside: bool = False
    held: list[tuple[QWidget, str]] = field(default_factory=list)
    pressed: bool = False


def press_when_shown(find: Callable[[], QWidget | None], key: str, seen: Seen) -> None:
    """From inside the event loop running then (a dialog's exec() loop too): once
    ``find`` gives a visible dialog, note what it holds and type ``key`` into the
    widget that has the focus (the dialog itself if none has)."""
    code, mods, _ = KEYS[key]
    tries = [0]

    def poll() -> None:
        dialog = find()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, poll)
            return
        focus = QApplication.focusWidget()
        inside = focus is not None and (focus is dialog or dialog.isAncestorOf(focus))
        if not inside and tries[0] < 50:
            # As a click on it would: the window manager activates the dialog.
            tries[0] += 1
            dialog.activateWindow()
            QTimer.singleShot(10, poll)
            return
        seen.dialog = dialog
        seen.held = [
            (w, text_of(w)) for w in [dialog, *dialog.findChildren(QWidget)] if text_of(w).strip()
        ]
        focus = QApplication.focusWidget()
        seen.focus_inside = focus is not None and (focus is dialog or dialog.isAncestorOf(focus))
        QTest.keyClick(focus if focus is not None and seen.focus_inside else dialog, code, mods)
        seen.pressed = True

    QTimer.singleShot(0, poll)


@dataclass
class Case:
    open: Callable[[], None]  # real clicks; may block in a dialog's exec()
    find: Callable[[], QWidget | None]
    secret: str  # text the dialog showed that must be gone
    check: Callable[[], None] = lambda: None  # after: what must (not) have happened


def source_with_identity(window: MainWindow) -> uuid.UUID:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, CODENAME)
    identity.record_identity(
        vault,
        scope,
        source,
        IdentityFields(full_name=NAME, addresses=("Kade 7, Zwolle",), phone_numbers=("0612",)),
    )
    return source


def open_file(window: MainWindow, source: uuid.UUID) -> SourceFileView:
    window.open_source(source)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    return page.file_view


def draft_open(window: MainWindow) -> uuid.UUID:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, CODENAME)
    debrief_id = debriefs.create_draft(vault, scope, source)
    window.open_debrief(debrief_id)
    return debrief_id


# -- the dialogs ---------------------------------------------------------------------


def reveal_case(qtbot: QtBot, window: MainWindow) -> Case:
    """The identity on screen, in the reveal dialog (opened with open())."""
    view = open_file(window, source_with_identity(window))
    qtbot.mouseClick(view.reveal_button, LEFT)
    dialog = shown(RevealIdentityDialog)
    assert isinstance(dialog, RevealIdentityDialog)
    qtbot.keyClicks(dialog.passphrase, factory.PASSPHRASE)
    qtbot.keyClicks(dialog.reason, "check before the meeting")
    qtbot.mouseClick(dialog.reveal_button, LEFT)
    qtbot.waitUntil(lambda: dialog.showing, timeout=20_000)
    assert NAME in dialog.fields.text()
    dialog.close_button.setFocus()
    return Case(lambda: None, lambda: shown(RevealIdentityDialog), NAME)


def item_case(qtbot: QtBot, window: MainWindow) -> Case:
    debrief_id = draft_open(window)
    qtbot.mouseClick(window.debrief_page.add_item_button, LEFT)
    dialog = shown(ItemDialog)
    assert isinstance(dialog, ItemDialog)
    qtbot.keyClicks(dialog.text, "Van at the quay, typed in the item dialog")
    root, scope = window.session.vault.paths.root, window.session.scope

    def kept() -> None:
        with Vault.open(root, factory.PASSPHRASE) as vault:
            items = debriefs.get_debrief(vault, scope, debrief_id).items
        assert [i.text for i in items] == ["Van at the quay, typed in the item dialog"]

    return Case(lambda: None, lambda: shown(ItemDialog), "typed in the item dialog", kept)


def contact_case(qtbot: QtBot, window: MainWindow) -> Case:
    view = open_file(window, factory.source(window.session.vault, window.session.scope, CODENAME))
    button = view.findChild(QWidget, "newContact")
    assert button is not None
    qtbot.mouseClick(button, LEFT)
    dialog = shown(ContactDialog)
    assert isinstance(dialog, ContactDialog)
    qtbot.keyClicks(dialog.location, "BAKKERIJ")
    qtbot.keyClicks(dialog.notes, "typed in the contact form")
    root, scope = window.session.vault.paths.root, window.session.scope

    def kept() -> None:  # in the vault, for the next time this form opens
        with Vault.open(root, factory.PASSPHRASE) as vault:
            fields = form_drafts.take(vault, scope, "contactDialog", dialog.source_id)
        assert fields is not None
        assert "BAKKERIJ" in fields.values()
        assert "typed in the contact form" in fields.values()

    return Case(lambda: None, lambda: shown(ContactDialog), "typed in the contact form", kept)


def attach_picker_case(qtbot: QtBot, window: MainWindow) -> Case:
    """The file picker (exec()) of "Attach a file…"."""
    debrief_id = draft_open(window)
    button = window.debrief_page.files.add_button
    root, scope = window.session.vault.paths.root, window.session.scope

    def nothing_attached() -> None:
        with Vault.open(root, factory.PASSPHRASE) as vault:
            assert attachments.list_attachments(vault, scope, debrief_id) == []

    return Case(
        lambda: qtbot.mouseClick(button, LEFT), lambda: shown(QFileDialog), "", nothing_attached
    )


def save_copy_warning_case(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Case:
    """The "unencrypted copy" warning (a static QMessageBox, exec()): cancelled by
    the lock, so no file picker follows it."""
    debrief_id = draft_open(window)
    photo = tmp_path / "harbour.txt"
    photo.write_text("harbour notes")
    vault, scope = window.session.vault, window.session.scope
    attachments.add_attachment_file(vault, scope, debrief_id, photo)
    window.open_debrief(debrief_id)
    files = window.debrief_page.files
    files.table.view.selectRow(0)

    def no_picker() -> None:
        assert shown(QFileDialog) is None

    return Case(
        lambda: qtbot.mouseClick(files.save_button, LEFT),
        lambda: shown(QMessageBox),
        "not encrypted",
        no_picker,
    )


def replace_question_case(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Case:
    """Save my public key: the file picker, a name typed that exists, Enter, then
    "Replace it?" (exec()); the lock there writes nothing."""
    existing = tmp_path / "mine.veldboek-key"
    existing.write_text("the old file")
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    page.tabs.setCurrentWidget(page.keys)
    save = next(b for b in page.keys.findChildren(QWidget) if b.objectName() == "saveOwnKey")

    def type_name() -> None:
        picker = shown(QFileDialog)
        if picker is None:
            QTimer.singleShot(10, type_name)
            return
        field = next(e for e in picker.findChildren(QLineEdit) if e.isVisible())
        field.setFocus()
        field.setText(str(existing))  # typed, its completer's list would take the Enter
        QTest.keyClick(field, Qt.Key.Key_Return)

    def unchanged() -> None:
        assert existing.read_text() == "the old file"

    def open_it() -> None:
        QTimer.singleShot(0, type_name)
        qtbot.mouseClick(save, LEFT)

    return Case(open_it, lambda: shown(QMessageBox), "already exists", unchanged)


def export_picker_case(qtbot: QtBot, window: MainWindow) -> Case:
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    page.tabs.setCurrentWidget(page.send)
    page.send.export_new.setEnabled(True)
    return Case(
        lambda: qtbot.mouseClick(page.send.export_new, LEFT), lambda: shown(QFileDialog), ""
    )


def import_picker_case(qtbot: QtBot, window: MainWindow) -> Case:
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    page.tabs.setCurrentWidget(page.receive)
    page.receive.import_button.setEnabled(True)
    return Case(
        lambda: qtbot.mouseClick(page.receive.import_button, LEFT),
        lambda: shown(QFileDialog),
        "",
    )


def message_box_case(qtbot: QtBot, window: MainWindow) -> Case:
    """A message box shown with open(): submitting an empty draft lists what is missing."""
    draft_open(window)
    qtbot.mouseClick(window.debrief_page.submit_button, LEFT)
    return Case(lambda: None, lambda: shown(QMessageBox), "missing")


def reports_page_on_debrief(qtbot: QtBot, window: MainWindow, narrative: str) -> ReportsPage:
    """A debrief's "Report…" button: the Reports page, set to that debrief."""
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, CODENAME)
    debrief_id = factory.debrief(vault, scope, source, narrative=narrative)
    window.open_debrief(debrief_id)
    qtbot.mouseClick(window.debrief_page.report_button, LEFT)
    page = window.page(ReportsPage)
    assert isinstance(page, ReportsPage)
    return page


def issue_report(qtbot: QtBot, page: ReportsPage) -> None:
    """Make, then answer the question before issuing with its own button."""
    qtbot.mouseClick(page.make_button, LEFT)
    confirm = shown(ConfirmDialog)
    assert isinstance(confirm, ConfirmDialog)
    qtbot.mouseClick(confirm.confirm_button, LEFT)


def preview_case(qtbot: QtBot, window: MainWindow) -> Case:
    page = reports_page_on_debrief(qtbot, window, "Preview of the van at the quay.")
    issue_report(qtbot, page)
    qtbot.waitUntil(lambda: bool(page.previews), timeout=20_000)
    preview = page.previews[0]
    qtbot.waitUntil(lambda: "Nothing has been written" in preview.status.text(), timeout=20_000)
    pages = [w for w in preview.findChildren(QLabel) if w.objectName().startswith("previewPage")]
    assert pages
    assert not pages[0].pixmap().isNull()

    def no_pages() -> None:
        for label in pages:
            assert not Shiboken.isValid(label) or label.pixmap().isNull()

    return Case(lambda: None, lambda: shown(ReportPreviewDialog), "report", no_pages)


def print_dialog_case(qtbot: QtBot, window: MainWindow) -> Case:
    """The print dialog (exec()) over the preview."""
    preview_case(qtbot, window)
    preview = shown(ReportPreviewDialog)
    assert isinstance(preview, ReportPreviewDialog)
    preview.print_button.setVisible(True)
    return Case(
        lambda: qtbot.mouseClick(preview.print_button, LEFT), lambda: shown(QPrintDialog), ""
    )


def progress_case(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Case:
    """A report laid out in the pool behind a progress dialog; the lock cancels it
    and nothing is issued or shown afterwards."""
    original = reports.issue_internal
    # The work lasts until the key was pressed (a fixed time could run out first on
    # a busy machine, and the dialog close before the key came).
    release = threading.Event()

    def slow(*args: object, **kwargs: object) -> object:
        release.wait(30)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reports, "issue_internal", slow)
    issue_report(qtbot, reports_page_on_debrief(qtbot, window, "Progress of the van."))

    def nothing_after() -> None:
        release.set()
        QTest.qWait(2500)  # the work ends meanwhile: its result must go nowhere
        assert shown(ReportPreviewDialog) is None

    return Case(lambda: None, lambda: shown(QProgressDialog), "", nothing_after)


def passphrase_question_case(qtbot: QtBot, window: MainWindow) -> Case:
    """QInputDialog.getText (exec()): the passphrase for a sanitised report."""
    page = reports_page_on_debrief(qtbot, window, "x")
    page.sanitised.setChecked(True)

    def nothing_requested() -> None:
        assert shown(QProgressDialog) is None

    return Case(
        lambda: qtbot.mouseClick(page.make_button, LEFT),
        lambda: shown(QInputDialog),
        "passphrase",
        nothing_requested,
    )


def confirm_case(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Case:
    """A question before an irreversible step (ConfirmDialog, open()): removing an
    attached file. The lock answers it with nothing removed."""
    debrief_id = draft_open(window)
    photo = tmp_path / "harbour-at-night.txt"
    photo.write_text("harbour notes")
    vault, scope = window.session.vault, window.session.scope
    attachments.add_attachment_file(vault, scope, debrief_id, photo)
    window.open_debrief(debrief_id)
    files = window.debrief_page.files
    files.table.view.selectRow(0)
    qtbot.mouseClick(files.remove_button, LEFT)
    root = vault.paths.root

    def still_attached() -> None:
        with Vault.open(root, factory.PASSPHRASE) as vault:
            names = [a.name for a in attachments.list_attachments(vault, scope, debrief_id)]
        assert names == ["harbour-at-night.txt"]

    return Case(lambda: None, lambda: shown(ConfirmDialog), "harbour-at-night", still_attached)


def palette_case(qtbot: QtBot, window: MainWindow) -> Case:
    """The command palette (Ctrl+K), words typed into its filter box."""
    open_file(window, factory.source(window.session.vault, window.session.scope, CODENAME))
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    palette = shown(CommandPalette)
    assert isinstance(palette, CommandPalette)
    qtbot.keyClicks(palette.filter, "meeting")
    return Case(lambda: None, lambda: shown(CommandPalette), "meeting")


def add_key_case(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Case:
    """Importing a handler's key: the dialog that shows its fingerprint to compare."""
    other = factory.make_vault(tmp_path / "other", alias="Havik", role=Role.HANDLER)
    with Vault.open(other, factory.PASSPHRASE) as vault:
        bundle = keys.own_bundle(vault, "Havik", PeerRole.HANDLER)
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    page.tabs.setCurrentWidget(page.keys)
    page.keys.open_add_dialog(bundle)
    return Case(lambda: None, lambda: shown(AddKeyDialog), "Havik")


def meeting_case(qtbot: QtBot, window: MainWindow) -> Case:
    view = open_file(window, factory.source(window.session.vault, window.session.scope, CODENAME))
    assert view.file is not None
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    meeting = window.meeting
    assert meeting is not None
    qtbot.keyClicks(meeting.note, "typed in meeting mode")
    record = meeting.record
    root, scope = window.session.vault.paths.root, window.session.scope

    def kept() -> None:
        with Vault.open(root, factory.PASSPHRASE) as vault:
            draft = debriefs.get_debrief(vault, scope, record.debrief_id)
        assert draft.narrative == "typed in meeting mode"

    return Case(lambda: None, lambda: window if window.meeting else None, CODENAME, kept)


def end_meeting_case(qtbot: QtBot, window: MainWindow) -> Case:
    meeting_case(qtbot, window)
    meeting = window.meeting
    assert meeting is not None
    qtbot.mouseClick(meeting.end_button, LEFT)
    return Case(lambda: None, lambda: shown(QInputDialog), "")


def rename_alias_case(qtbot: QtBot, window: MainWindow) -> Case:
    """Rename alias… (Ctrl+Shift+R), for an alias named before a rule of names, a
    new name typed: the lock renames nothing."""
    vault, scope = window.session.vault, window.session.scope
    with vault.engine().begin() as conn:  # as a vault from before the rule holds it
        conn.exec_driver_sql(
            "UPDATE alias SET name = ? WHERE name = ?", ("Va\u200blk", scope.alias_name)
        )
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = shown(RenameAliasDialog)
    assert isinstance(dialog, RenameAliasDialog)
    qtbot.keyClicks(dialog.name, "Sperwer")
    root = vault.paths.root

    def kept() -> None:
        with Vault.open(root, factory.PASSPHRASE) as reopened:
            assert "Sperwer" not in [a.name for a in aliases.list_own_aliases(reopened)]

    return Case(lambda: None, lambda: shown(RenameAliasDialog), "Sperwer", kept)


CASES: dict[str, Callable[..., Case]] = {
    "reveal identity": reveal_case,
    "item dialog": item_case,
    "contact form": contact_case,
    "attach file picker": attach_picker_case,
    "save copy warning": save_copy_warning_case,
    "replace question": replace_question_case,
    "export folder picker": export_picker_case,
    "import file picker": import_picker_case,
    "message box": message_box_case,
    "print preview": preview_case,
    "print dialog": print_dialog_case,
    "progress dialog": progress_case,
    "passphrase question": passphrase_question_case,
    "confirm dialog": confirm_case,
    "command palette": palette_case,
    "rename alias dialog": rename_alias_case,
    "add key dialog": add_key_case,
    "meeting mode": meeting_case,
    "end meeting question": end_meeting_case,
}


def _build(name: str, qtbot: QtBot, window: MainWindow, request: pytest.FixtureRequest) -> Case:
    make = CASES[name]
    extra: dict[str, object] = {}
    params = make.__code__.co_varnames[: make.__code__.co_argcount]
    if "tmp_path" in params:
        extra["tmp_path"] = request.getfixturevalue("tmp_path")
    if "monkeypatch" in params:
        extra["monkeypatch"] = request.getfixturevalue("monkeypatch")
    return make(qtbot, window, **extra)


# Ctrl+Shift+Space is read by the same filter as F12: tried on a few kinds of dialog.
SECOND_PANIC_KEY = ("reveal identity", "attach file picker", "confirm dialog", "command palette")
PAIRS = [
    *[(case, key) for case in CASES for key in ("F12", "Ctrl+L")],
    *[(case, "Ctrl+Shift+Space") for case in SECOND_PANIC_KEY],
]


def window_titles() -> list[str]:
    """The titles a taskbar or window switcher could show: every visible window."""
    return [w.title() for w in QGuiApplication.topLevelWindows() if w.isVisible()]


@pytest.mark.parametrize(("case_name", "key"), PAIRS)
def test_key_in_every_dialog(
    qtbot: QtBot,
    controller: AppController,
    request: pytest.FixtureRequest,
    case_name: str,
    key: str,
) -> None:
    window = unlock(qtbot, controller)
    vault = window.session.vault
    case = _build(case_name, qtbot, window, request)
    seen = Seen()
    # The app collects garbage on its GUI thread by a timer (app/ui/gui_gc.py); a
    # full collection in a test worker walks what hundreds of earlier tests left
    # (seen: 100 ms, twice in 1,500 tests), never the app's own heap, which start-up
    # froze. Collected now, none falls due while the key is handled.
    gc.collect()
    press_when_shown(case.find, key, seen)
    case.open()  # returns at once, or when the lock has ended the dialog's exec()
    qtbot.waitUntil(lambda: seen.pressed, timeout=10_000)
    _, _, action = KEYS[key]

    assert seen.dialog is not None
    assert seen.focus_inside, "the key went to the dialog's focused widget"
    assert vault.is_locked
    assert controller.window is None
    timings, queued = controller.lock.timings, controller.lock.queued
    own = {step: round(ms - queued[step], 1) for step, ms in timings.items()}
    print("ms from the key:", case_name, key, own, "with waits for a CPU:", timings)
    print("  of which the GUI thread ran (from the lock's start):", controller.lock.ran)
    assert own["hidden"] < LIMIT_MS, (own, timings)
    # The order from the wall clock: the CPU waits subtracted above come from the
    # scheduler's clock, which on a busy virtual machine need not agree with it
    # step by step (seen: a later step's own time below an earlier one's).
    assert timings["hidden"] <= timings["locked"], timings
    assert own["locked"] < LOCKED_LIMIT_MS, (own, timings)
    qtbot.wait(150)  # nothing pops back, no late result lands
    case.check()
    for widget, text in seen.held:
        assert not Shiboken.isValid(widget) or text not in text_of(widget)
    if case.secret:
        assert any(case.secret in text for _, text in seen.held), "the case showed its text"
    up = visible()
    if action == "panic":
        assert up == []
        assert window_titles() == []
    else:
        assert up == [controller.unlock_dialog]
        assert CODENAME not in all_text(up[0])
        assert NAME not in all_text(up[0])
    for title in window_titles():
        assert "veldboek" not in title.lower()
        assert CODENAME not in title
        assert NAME not in title
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in up)
    qtbot.waitUntil(lambda: controller.retirer.pending == 0, timeout=5_000)
    assert not Shiboken.isValid(window) or not window.isVisible()
