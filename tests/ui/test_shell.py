"""The app shell: first run, unlock, lock (Ctrl+L, idle, panic), alias band."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from app.services.admin import aliases, vaults
from app.services.records import debriefs, sources
from app.ui.controller import AppController
from app.ui.first_run import FirstRunWizard
from app.ui.main_window import MainWindow
from app.ui.pages.debrief_editor import DebriefPage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.settings import ChangePassphraseDialog, SettingsPage
from app.ui.pages.sources import SourcesPage
from app.ui.workers import TaskRunner
from app.vault.vault import Vault
from tests.helpers import factory
from tests.ui.conftest import unlock


def all_visible_text() -> str:
    """Every piece of text any live widget holds (labels, fields, table cells)."""
    parts = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, (QLabel, QLineEdit)):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        model = getattr(widget, "model", None)
        m = model() if callable(model) else None
        if isinstance(m, QAbstractItemModel):
            try:
                rows, columns = m.rowCount(QModelIndex()), m.columnCount(QModelIndex())
            except TypeError:  # list models hide columnCount
                rows, columns = m.rowCount(QModelIndex()), 1
            for r in range(min(rows, 50)):
                for c in range(columns):
                    parts.append(str(m.data(m.index(r, c))))
    return "\n".join(parts)


@pytest.mark.usefixtures("english")  # its plural forms: "7 more characters"
def test_first_run_wizard_creates_and_opens_a_vault(qtbot: QtBot, tmp_path: Path) -> None:
    QApplication.instance().setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
    controller = AppController(tmp_path / "new", kdf_target_seconds=0.05)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # no alias yet
    qtbot.keyClicks(wizard.alias_page.alias, "Merel")
    handler = wizard.alias_page.handler
    # A radio button reacts to clicks on its indicator and label, not its empty width.
    qtbot.mouseClick(handler, Qt.MouseButton.LeftButton, pos=QPoint(6, handler.height() // 2))
    assert handler.isChecked()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    page = wizard.passphrase_page
    qtbot.keyClicks(page.first, "short")
    assert "more characters" in page.hint.text()
    assert not next_button.isEnabled()
    page.first.clear()
    qtbot.keyClicks(page.first, "kale berg rivier lantaarn")
    qtbot.keyClicks(page.second, "kale berg rivier lantaarX")
    assert "differ" in page.match.text()
    assert not next_button.isEnabled()
    page.second.clear()
    qtbot.keyClicks(page.second, "kale berg rivier lantaarn")
    assert next_button.isEnabled()
    assert page.meter.value() >= 2
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)  # options
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)  # create (off the GUI thread)
    qtbot.waitUntil(lambda: wizard.create_page.done, timeout=20_000)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    window = controller.window
    assert window is not None
    assert "Merel" in window.band.label.text()
    assert "handler" in window.band.label.text()
    assert not page.first.text()
    assert not page.second.text()
    controller.lock.lock("test")
    assert (tmp_path / "new" / "vault.header").exists()


@pytest.mark.usefixtures("fail_keyring")
def test_first_run_wizard_says_there_is_no_keyring(qtbot: QtBot, tmp_path: Path) -> None:
    QApplication.instance().setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
    controller = AppController(tmp_path / "new", kdf_target_seconds=0.05)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.alias_page.alias, "Merel")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.passphrase_page.first, "kale berg rivier lantaarn")
    qtbot.keyClicks(wizard.passphrase_page.second, "kale berg rivier lantaarn")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    options = wizard.options_page
    assert wizard.currentPage() is options
    note = options.findChild(QLabel, "keyringNote")
    assert note is not None
    assert note.isVisible()
    assert "No OS keyring was found" in note.text()
    assert "passphrase alone" in note.text()
    device = options.findChild(QCheckBox, "deviceSecret")
    assert device is not None
    assert not device.isEnabled()
    qtbot.mouseClick(device, Qt.MouseButton.LeftButton, pos=QPoint(6, device.height() // 2))
    assert not device.isChecked()  # cannot be switched on
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)  # create
    qtbot.waitUntil(lambda: wizard.create_page.done, timeout=20_000)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    controller.lock.lock("test")
    header = json.loads((tmp_path / "new" / "vault.header").read_text())
    assert header["device_factor"] is None  # the passphrase alone protects it


@pytest.mark.usefixtures("english")
def test_first_run_refuses_a_folder_that_holds_other_files(qtbot: QtBot, tmp_path: Path) -> None:
    """The first run makes no vault where ``init`` would not: in a folder holding
    other files (the stick that carries packages) the vault would travel with them."""
    QApplication.instance().setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "veldboek-1.age").write_bytes(b"a package")
    controller = AppController(stick, kdf_target_seconds=0.05)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.alias_page.alias, "Merel")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.passphrase_page.first, "kale berg rivier lantaarn")
    qtbot.keyClicks(wizard.passphrase_page.second, "kale berg rivier lantaarn")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)  # options
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)  # create (off the GUI thread)
    page = wizard.create_page
    qtbot.waitUntil(lambda: not page.running, timeout=20_000)
    assert page.status.text() == (
        f"{stick} already holds other files; nothing was made. A vault gets a "
        "folder of its own: give a new or empty one."
    )
    assert not page.done
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # another folder
    assert sorted(p.name for p in stick.iterdir()) == ["veldboek-1.age"]
    assert controller.window is None


def test_every_first_run_page_has_the_same_header(qtbot: QtBot, tmp_path: Path) -> None:
    """QWizard draws its header band only for a page with a subtitle: without
    one, "Where and how" stood as a large title in the page, unlike the others."""
    wizard = FirstRunWizard(tmp_path / "new", TaskRunner())
    qtbot.addWidget(wizard)
    pages = [wizard.page(page_id) for page_id in wizard.pageIds()]
    assert len(pages) == 4
    for page in pages:
        assert page.title(), page
        assert page.subTitle(), page.title()


def test_wrong_passphrase_message_and_growing_delay(
    qtbot: QtBot, controller: AppController
) -> None:
    dialog = controller.unlock_dialog
    assert dialog is not None
    for _ in range(2):
        qtbot.keyClicks(dialog.passphrase, "not the passphrase")
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Wrong passphrase" in dialog.status.text(), timeout=10_000)
        qtbot.waitUntil(lambda: dialog.passphrase.text() == "", timeout=2_000)
        if not dialog.unlock_button.isEnabled():
            break
        dialog.status.clear()
    # After the second miss the button waits before it can be used again.
    assert not dialog.unlock_button.isEnabled()
    assert "Wait" in dialog.unlock_button.text()
    assert controller.window is None
    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=5_000)
    window = unlock(qtbot, controller)
    assert window.isVisible()


def test_ctrl_l_locks_and_clears_every_widget(qtbot: QtBot, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    vault = window.session.vault
    scope = window.session.scope
    marker = "MARKERTEXT-LOCK-7731"
    source = factory.source(vault, scope, "SLOT")
    debrief_id = factory.debrief(vault, scope, source, narrative=marker)
    window.open_debrief(debrief_id)
    assert isinstance(window.stack.currentWidget(), DebriefPage)
    assert marker in all_visible_text()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    assert vault.is_locked
    assert marker not in all_visible_text()
    assert controller.unlock_dialog is not None
    assert controller.unlock_dialog.isVisible()


def test_the_sidebar_highlights_no_page_while_a_debrief_is_shown(
    qtbot: QtBot, controller: AppController
) -> None:
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    debrief_id = factory.debrief(vault, scope, factory.source(vault, scope, "SIDEBAR"))
    reports_row = window.page_classes().index(ReportsPage)
    window.show_page(ReportsPage)
    window.open_debrief(debrief_id)
    assert isinstance(window.stack.currentWidget(), DebriefPage)
    assert window.nav.currentRow() == -1
    assert window.nav.selectedItems() == []
    window.go_back()  # back where it came from, highlighted again
    assert isinstance(window.stack.currentWidget(), ReportsPage)
    assert window.nav.currentRow() == reports_row
    window.open_debrief(debrief_id)
    window.nav.setCurrentRow(reports_row)  # a click on that page leaves the debrief
    assert isinstance(window.stack.currentWidget(), ReportsPage)


def test_locking_saves_the_draft_being_typed(qtbot: QtBot, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "DRAFTSAVE")
    debrief_id = debriefs.create_draft(vault, scope, source)
    window.open_debrief(debrief_id)
    qtbot.keyClicks(window.debrief_page.narrative, "typed just before the lock")
    window.lock.lock("manual")
    with Vault.open(controller.vault_path, factory.PASSPHRASE) as reopened:
        view = debriefs.get_debrief(
            reopened, aliases.resolve_scope(reopened, scope.alias_name), debrief_id
        )
    assert view.narrative == "typed just before the lock"


def test_idle_timeout_locks_and_activity_postpones_it(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlock(qtbot, controller)
    lock = controller.lock
    monkeypatch.setattr(type(lock), "idle_ms", property(lambda self: 600))
    lock._restart_idle()
    for _ in range(4):  # keep typing for longer than the timeout
        qtbot.wait(250)
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert controller.window is not None
    qtbot.waitUntil(lambda: controller.window is None, timeout=3_000)
    assert window.session.vault.is_locked


def _gesture(widget: QWidget, kind: str, n: int) -> None:
    """The ``n``th pointer event of a kind, made by Qt itself, onto ``widget``."""
    at = QPoint(20 + 5 * n, 10)
    if kind == "move":
        QTest.mouseMove(widget, at)
    elif kind == "click":
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    elif kind == "wheel":
        handle = widget.window().windowHandle()
        QTest.wheelEvent(handle, QPointF(widget.mapTo(widget.window(), at)), QPoint(0, -120))
    else:
        device = QTest.createTouchDevice()
        QTest.touchEvent(widget, device).press(0, at).commit()
        QTest.touchEvent(widget, device).release(0, at).commit()


@pytest.mark.parametrize("kind", ["move", "click", "wheel", "touch"])
def test_pointer_activity_postpones_the_idle_lock(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Not only typing: moving the mouse, a click, the wheel, a touch."""
    window = unlock(qtbot, controller)
    qtbot.waitExposed(window)
    lock = controller.lock
    # A second's timeout and a gesture every 300 ms, for longer than the timeout:
    # room for a machine busy with other tests (at 400 ms and 200 ms apart, one
    # slow wait let the lock fire between a touch's press and its release).
    monkeypatch.setattr(type(lock), "idle_ms", property(lambda self: 1_000))
    lock._restart_idle()
    for n in range(4):
        qtbot.wait(300)
        _gesture(window.nav.viewport(), kind, n)
    assert controller.window is not None
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)


def test_panic_key_locks_and_hides_everything(qtbot: QtBot, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    vault = window.session.vault
    qtbot.keyClick(window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    assert vault.is_locked
    assert not window.isVisible()
    # Nothing on screen, not even the unlock dialog: starting Veldboek again brings
    # it back (tests/ui/test_panic.py).
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []
    dialog = controller.unlock_dialog
    assert dialog is not None
    assert not dialog.isVisible()


def test_alias_band_always_shows_the_alias_in_its_colour_and_switches_scope(
    qtbot: QtBot, window: MainWindow
) -> None:
    band = window.band
    assert "Valk" in band.label.text()
    colour = band.palette().color(band.backgroundRole())
    assert isinstance(colour, QColor)
    assert window.session.scope.colour in band.styleSheet()
    page = window.show_page(SourcesPage)
    assert isinstance(page, SourcesPage)
    valk_sources = {page.model.row_at(r).codename for r in range(page.model.rowCount())}  # type: ignore[union-attr]
    band.switcher.setCurrentText("Havik")
    band.switcher.activated.emit(band.switcher.currentIndex())
    assert "Havik" in band.label.text()
    assert "handler" in band.label.text()
    havik_sources = {page.model.row_at(r).codename for r in range(page.model.rowCount())}  # type: ignore[union-attr]
    assert valk_sources < havik_sources  # the handler supervises every demo file
    assert window.session.scope.colour in band.styleSheet()


def test_clipboard_is_cleared_after_copying_vault_text(
    qtbot: QtBot, controller: AppController
) -> None:
    window = unlock(qtbot, controller)
    controller.clipboard.seconds = 1
    edit = window.debrief_page.addendum_edit
    edit.setText("copied secret words")
    edit.selectAll()
    edit.copy()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "copied secret words"
    assert controller.clipboard.pending
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=4_000)


def test_clipboard_leaves_other_text_alone(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlock(qtbot, controller)
    controller.clipboard.seconds = 1
    edit = window.debrief_page.addendum_edit
    edit.setText("vault words")
    edit.selectAll()
    edit.copy()
    # Another application takes the clipboard (Veldboek is not the active app then).
    monkeypatch.setattr(controller.clipboard, "_is_ours", lambda *_mode: False)
    QGuiApplication.clipboard().setText("something the user copied later")
    qtbot.wait(1500)
    assert QGuiApplication.clipboard().text() == "something the user copied later"


def test_changing_the_passphrase_says_the_rules_before_the_first_try(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The first run shows the rules for a passphrase; changing it showed them only
    in the refusal after OK."""
    page = window.show_page(SettingsPage)
    button = page.findChild(QPushButton, "changePassphrase")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ChangePassphraseDialog) and w.isVisible()
    )
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert any(f"At least {vaults.MIN_LENGTH} characters" in text for text in shown), shown
    dialog.reject()


def test_a_debrief_with_nothing_to_say_about_its_review_starts_with_its_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The review note (returned or approved, and by whom) kept an empty line at the
    top of every draft, pushing the narrative down on a laptop's screen."""
    vault, scope = window.session.vault, window.session.scope
    havik = aliases.resolve_scope(vault, "Havik")
    source = sources.create_source(
        vault, scope, sources.SourceDraft(codename="BOVENAAN"), share_with=(havik.alias_id,)
    )
    window.open_debrief(debriefs.create_draft(vault, scope, source))
    page = window.debrief_page
    assert not page.review.isVisible()
    returned = factory.debrief(vault, scope, source, submit=True)
    debriefs.return_to_runner(vault, havik, returned, "Who else was there?")
    window.open_debrief(returned)
    assert page.review.isVisible()
    assert "Who else was there?" in page.review.text()
