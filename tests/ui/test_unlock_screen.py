"""The unlock screen and the lock cycle (issue 16, point 5), with real keys and
clicks: the dialog names the vault (folder, and the alias after a lock) and never
a source; the passphrase can be shown; Caps Lock is warned about; wrong
passphrases since the last unlock are counted; Escape asks before quitting. After
Ctrl+L the runner is back on the page and record they were on; after a panic on
Home, and a second start of the app brings the hidden unlock dialog back. A form
being typed in when the vault locked is kept in the vault (never in clear on
disk) and comes back when it is opened again."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.services.records import debriefs
from app.ui import single_instance
from app.ui.controller import AppController
from app.ui.dialogs.contact_form import ContactDialog
from app.ui.main_window import MainWindow
from app.ui.pages.home import HomePage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.sources import SourcesPage
from app.ui.unlock_dialog import UnlockDialog
from tests.helpers import factory
from tests.ui.conftest import unlock

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
CODENAME = "NACHTEGAAL"


def visible() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def texts(root: QWidget) -> str:
    parts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLabel, QLineEdit)):
            parts += [widget.text(), widget.toolTip()]
    return "\n".join(parts)


def lock_with_ctrl_l(qtbot: QtBot, controller: AppController, window: MainWindow) -> UnlockDialog:
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    dialog = controller.unlock_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2_000)
    return dialog


def panic_and_start_again(qtbot: QtBot, controller: AppController, window: MainWindow) -> None:
    """F12, then what a second start of Veldboek does: wake this instance."""
    qtbot.keyClick(window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    assert visible() == []
    controller.bring_back()
    assert controller.unlock_dialog is not None
    assert controller.unlock_dialog.isVisible()


def open_source(window: MainWindow) -> object:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, CODENAME)
    window.open_source(source)
    return source


def test_the_unlock_dialog_names_the_vault_and_never_a_source(
    qtbot: QtBot, controller: AppController
) -> None:
    first = controller.unlock_dialog
    assert first is not None
    assert first.folder.toolTip() == str(controller.vault_path)
    assert controller.vault_path.name in first.folder.text()
    window = unlock(qtbot, controller)
    open_source(window)
    dialog = lock_with_ctrl_l(qtbot, controller, window)
    assert dialog.alias.text() == factory.RUNNER  # the alias, known from this run
    assert dialog.alias.isVisible()
    assert dialog.folder.toolTip() == str(controller.vault_path)
    shown = texts(dialog)
    assert CODENAME not in shown
    # The taskbar shows the title: after a lock it names neither app nor source.
    assert dialog.windowTitle() == "Locked"


def rows(dialog: UnlockDialog) -> list[str]:
    """The labels of the dialog's lines above the prompt."""
    form = dialog.layout().itemAt(0).layout()  # type: ignore[union-attr]
    assert isinstance(form, QFormLayout)
    items = [form.itemAt(r, QFormLayout.ItemRole.LabelRole) for r in range(form.rowCount())]
    return [w.text() for i in items if i is not None and isinstance(w := i.widget(), QLabel)]


def shown_labels(dialog: UnlockDialog) -> list[str]:
    return [w.objectName() for w in dialog.findChildren(QLabel) if w.isVisible()]


def test_every_unlock_dialog_has_the_same_lines_and_no_resize_bar(
    qtbot: QtBot, controller: AppController
) -> None:
    """The first start's dialog and the one after a lock: the vault and the alias
    (not yet known at the first start: "the one you used last"), no empty line
    before the buttons, and a size the user cannot change (its contents'), so
    that no window manager draws a resize bar under the buttons."""
    first = controller.unlock_dialog
    assert first is not None
    qtbot.waitExposed(first)
    assert rows(first) == ["Vault:", "Alias:"]
    assert first.alias.isVisible()
    assert first.alias.text() == "the one you used last"
    assert not first.status.isVisible()  # an empty line would stand over the buttons
    assert first.minimumSize() == first.maximumSize()
    lines, shown, size = rows(first), shown_labels(first), first.size()
    window = unlock(qtbot, controller)
    later = lock_with_ctrl_l(qtbot, controller, window)
    qtbot.waitExposed(later)
    assert rows(later) == lines
    assert later.alias.text() == factory.RUNNER
    assert shown_labels(later) == shown
    assert later.minimumSize() == later.maximumSize()
    assert later.size() == size
    # A message shows, and the dialog grows for it, still not resizable by hand.
    qtbot.keyClick(later.passphrase, Qt.Key.Key_Return)  # nothing typed
    assert later.status.isVisible()
    assert later.status.text()
    assert later.height() > size.height()
    assert later.minimumSize() == later.maximumSize()


def test_show_passphrase_toggle_and_caps_lock_warning(
    qtbot: QtBot, controller: AppController
) -> None:
    dialog = controller.unlock_dialog
    assert dialog is not None
    field = dialog.passphrase
    assert field.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(dialog.show_button, LEFT)
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.show_button.toolTip() == "Hide the passphrase"
    qtbot.mouseClick(dialog.show_button, LEFT)
    assert field.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.caps.isVisible()
    # Capitals typed without Shift: Caps Lock is on.
    qtbot.keyClicks(field, "ABC")
    assert dialog.caps.isVisible()
    assert dialog.caps.text() == "Caps Lock is on."
    qtbot.keyClicks(field, "d")  # a small letter without Shift: off again
    assert not dialog.caps.isVisible()


def test_failed_attempts_since_the_last_unlock(qtbot: QtBot, controller: AppController) -> None:
    dialog = controller.unlock_dialog
    assert dialog is not None
    assert not dialog.attempts.isVisible()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong passphrase" in dialog.status.text(), timeout=10_000)
    assert dialog.attempts.isVisible()
    assert dialog.attempts.text().startswith("1 failed attempt since the last unlock, at ")
    # The day and the time stay on one line (in Dutch the line broke between them).
    assert re.search(r"\d{4}-\d{2}-\d{2}\u00a0\d{2}:\d{2}\.$", dialog.attempts.text())
    # A new dialog (the next start of the app) reads them from the vault's log.
    controller.show_unlock()
    again = controller.unlock_dialog
    assert again is not None
    assert again is not dialog
    assert again.attempts.text().startswith("1 failed attempt since the last unlock")
    qtbot.waitUntil(again.unlock_button.isEnabled, timeout=10_000)
    window = unlock(qtbot, controller)
    after = lock_with_ctrl_l(qtbot, controller, window)
    assert not after.attempts.isVisible()  # the unlock folded them into the audit log


def test_escape_asks_before_quitting(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    dialog = controller.unlock_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.passphrase, "half typ")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    question = dialog.quit_question
    assert isinstance(question, QMessageBox)
    assert question.isVisible()
    assert dialog.isVisible()
    # Escape (or Enter) on the question answers No: still there, nothing quit.
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not question.isVisible(), timeout=2_000)
    assert dialog.isVisible()
    assert dialog.passphrase.text() == "half typ"
    assert quits == []
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    assert question.isVisible()
    qtbot.keyClick(question, Qt.Key.Key_Return)  # the default is No
    qtbot.waitUntil(lambda: not question.isVisible(), timeout=2_000)
    assert quits == []
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    assert question.isVisible()
    yes = question.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(yes, LEFT)
    qtbot.waitUntil(lambda: quits == [True], timeout=2_000)


def test_unlock_returns_to_the_page_and_record_after_ctrl_l(
    qtbot: QtBot, controller: AppController
) -> None:
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, CODENAME)
    debrief_id = debriefs.create_draft(vault, scope, source)
    # A page reached by its shortcut.
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    assert isinstance(window.stack.currentWidget(), ReportsPage)
    lock_with_ctrl_l(qtbot, controller, window)
    window = unlock(qtbot, controller)
    assert isinstance(window.stack.currentWidget(), ReportsPage)
    # A source's file.
    window.open_source(source)
    lock_with_ctrl_l(qtbot, controller, window)
    window = unlock(qtbot, controller)
    page = window.stack.currentWidget()
    assert isinstance(page, SourcesPage)
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.file is not None
    assert page.file_view.file.overview.id == source
    # A debrief, with what was typed in it.
    window.open_debrief(debrief_id)
    qtbot.keyClicks(window.debrief_page.narrative, "half a sentence")
    lock_with_ctrl_l(qtbot, controller, window)
    window = unlock(qtbot, controller)
    assert window.stack.currentWidget() is window.debrief_page
    assert window.debrief_page.view is not None
    assert window.debrief_page.view.id == debrief_id
    assert window.debrief_page.narrative.toPlainText() == "half a sentence"


def test_after_a_panic_a_second_start_shows_the_unlock_and_it_opens_home(
    qtbot: QtBot, controller: AppController
) -> None:
    server = single_instance.InstanceServer(single_instance.socket_name(controller.vault_path))
    assert server.listen()
    server.wake_requested.connect(controller.bring_back)
    second: subprocess.Popen[bytes] | None = None
    try:
        window = unlock(qtbot, controller)
        vault, scope = window.session.vault, window.session.scope
        source = factory.source(vault, scope, CODENAME)
        window.open_debrief(debriefs.create_draft(vault, scope, source))
        qtbot.keyClick(window, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
        assert visible() == []
        # Starting Veldboek again for the same vault: it wakes this one and ends.
        second = subprocess.Popen(
            [sys.executable, "-m", "app", "gui", "--vault", str(controller.vault_path)],
            stderr=subprocess.PIPE,
        )
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=90_000)
        assert second.returncode == 0, second.stderr.read() if second.stderr else b""
        dialog = controller.unlock_dialog
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible, timeout=5_000)
        window = unlock(qtbot, controller)
        assert isinstance(window.stack.currentWidget(), HomePage)
        assert window.nav.currentRow() == 0
        assert window.debrief_page.view is None or not window.debrief_page.isVisible()
    finally:
        if second is not None and second.poll() is None:
            second.kill()  # it did not find this instance and opened its own window
        server.close()


def test_a_form_typed_in_at_a_panic_comes_back_encrypted_in_between(
    qtbot: QtBot, controller: AppController
) -> None:
    marker = "UNSAVEDCONTACTNOTE8812"
    window = unlock(qtbot, controller)
    source = open_source(window)

    def contact_form() -> ContactDialog:
        page = window.page(SourcesPage)
        assert isinstance(page, SourcesPage)
        button = page.file_view.findChild(QWidget, "newContact")
        assert button is not None
        qtbot.mouseClick(button, LEFT)
        dialog = next(w for w in visible() if isinstance(w, ContactDialog))
        return dialog

    form = contact_form()
    qtbot.keyClicks(form.notes, marker)
    qtbot.keyClick(form.notes, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    assert visible() == []
    # Kept inside the encrypted database: no file of the vault holds it in clear.
    for path in Path(controller.vault_path).rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), path
    controller.bring_back()
    window = unlock(qtbot, controller)
    window.open_source(source)  # type: ignore[arg-type]
    form = contact_form()
    assert form.notes.toPlainText() == marker
    notice = form.findChild(QLabel, "draftRestored")
    assert notice is not None
    assert notice.isVisible()
    form.reject()
    # Given back once: the next form starts empty.
    form = contact_form()
    assert form.notes.toPlainText() == ""
    form.reject()
