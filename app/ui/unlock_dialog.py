"""Unlocking: which vault, the passphrase (with a show toggle and a Caps Lock
warning), the failed attempts since the last unlock, key derivation off the GUI
thread, a clear message on a wrong passphrase and a growing delay before the next
try. Escape asks before it quits.

The vault is named by its folder (never by a source), and the alias: by its name
when this running app knows it from an unlock since it started (after a lock, a
panic), else as "the one you used last" (the alias is vault content, kept in
memory and written nowhere outside the vault). Every unlock dialog has the same
lines, and its size is its contents' (it grows for a long message): a window the
user cannot resize, so no window manager draws a resize bar under its buttons."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UnlockThrottled, WrongPassphrase
from app.services.admin import vaults
from app.ui.errors import describe
from app.ui.widgets import local_time
from app.ui.window_size import grow_to_contents
from app.ui.workers import TaskRunner

_VK_CAPITAL = 0x14


def caps_lock_from_key(event: QKeyEvent) -> bool | None:
    """What a typed key says about Caps Lock: True (on), False (off) or None (it
    does not tell). Qt has no portable way to ask for the Caps Lock state, so it
    is read from letters: a capital without Shift means on, a small letter
    without Shift off; with Shift held the case is the other way round on
    Windows and Linux. On a Mac Shift does not undo Caps Lock, so a capital with
    Shift tells nothing there. Digits, punctuation and letters without case
    (and a layout that maps keys oddly) tell nothing."""
    text = event.text()
    if len(text) != 1 or not text.isalpha() or text.upper() == text.lower():
        return None
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    upper = text.isupper()
    if not shift:
        return upper
    if sys.platform == "darwin":
        return None if upper else False
    return not upper


def caps_lock_from_system() -> bool | None:
    """Windows can be asked directly; elsewhere None (see ``caps_lock_from_key``)."""
    if sys.platform != "win32":
        return None
    try:
        user32 = ctypes.windll.user32  # type: ignore[attr-defined,unused-ignore]
        return bool(user32.GetKeyState(_VK_CAPITAL) & 1)
    except (AttributeError, OSError):
        return None


def eye_icon(widget: QWidget, crossed: bool) -> QIcon:
    """An eye (struck through: the passphrase is shown), drawn in the text colour
    so it follows the palette; no image file to ship."""
    size = 20
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = widget.palette().color(QPalette.ColorRole.ButtonText)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.6))
    outline = QPainterPath()
    outline.moveTo(2, 10)
    outline.quadTo(10, 2, 18, 10)
    outline.quadTo(10, 18, 2, 10)
    painter.drawPath(outline)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(10, 10), 2.6, 2.6)
    if crossed:
        painter.setPen(QPen(QColor(colour), 1.8))
        painter.drawLine(QPointF(3, 17), QPointF(17, 3))
    painter.end()
    return QIcon(pixmap)


class UnlockDialog(QDialog):
    unlocked = Signal(object)  # the Vault

    def __init__(
        self,
        vault_path: Path,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        alias: str | None = None,
        after_lock: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        # After a lock the title (which a taskbar shows to anyone passing by) says
        # only that something is locked, not which program, let alone what it holds.
        self.setWindowTitle(self.tr("Locked") if after_lock else self.tr("Veldboek — locked"))
        self.vault_path = vault_path
        self._runner = runner
        self.folder = QLabel()
        self.folder.setObjectName("unlockFolder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alias = QLabel(alias or self.tr("the one you used last"))
        self.alias.setObjectName("unlockAlias")
        about = QFormLayout()
        about.addRow(self.tr("Vault:"), self.folder)
        about.addRow(self.tr("Alias:"), self.alias)
        self.prompt = QLabel(self.tr("Enter your passphrase to unlock the vault."))
        field = self._passphrase_field()
        self.attempts = QLabel()
        self.attempts.setObjectName("failedAttempts")
        self.attempts.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("unlockStatus")
        self.status.setWordWrap(True)
        self.status.hide()  # no empty line above the buttons: shown with a message
        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addLayout(about)
        layout.addWidget(self.prompt)
        layout.addLayout(field)
        layout.addWidget(self.caps)
        layout.addWidget(self.attempts)
        self.held = QLabel()
        self.held.setObjectName("heldText")
        self.held.setWordWrap(True)
        self.held.hide()
        self._held = 0
        layout.addWidget(self.held)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setTabOrder(self.passphrase, self.show_button)
        self.setTabOrder(self.show_button, self.unlock_button)
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)
        self._busy = False
        self.quit_question: QMessageBox | None = None
        # Its width: the field's (the layout sets the dialog's size, SetFixedSize).
        self.passphrase.setMinimumWidth(410)
        self._show_folder()
        self._show_attempts()
        self._show_caps()
        self._tick()

    def _passphrase_field(self) -> QHBoxLayout:
        """The passphrase, the button that shows it, and the Caps Lock warning."""
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphraseEdit")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_button = QToolButton()
        self.show_button.setObjectName("showPassphrase")
        self.show_button.setCheckable(True)
        self.show_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it
        self.show_button.toggled.connect(self._show_passphrase)
        self._show_passphrase(False)
        field = QHBoxLayout()
        field.addWidget(self.passphrase, 1)
        field.addWidget(self.show_button)
        self.caps = QLabel(self.tr("Caps Lock is on."))
        self.caps.setObjectName("capsLockWarning")
        self.caps.setStyleSheet("color: #b00020; font-weight: bold;")
        self.caps.hide()
        self._caps: bool | None = caps_lock_from_system()
        self.passphrase.installEventFilter(self)
        return field

    def _buttons(self) -> QDialogButtonBox:
        """Unlock (the default) and Quit, which Enter never presses: not even with
        the focus on it (no auto-default), so Enter always means Unlock."""
        buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.setObjectName("quitButton")
        self.quit_button.setAutoDefault(False)
        self.quit_button.setDefault(False)
        self.unlock_button.clicked.connect(self.try_unlock)
        # The Quit button is a deliberate click; Escape and the window's close
        # button ask first (``reject``, ``closeEvent``).
        self.quit_button.clicked.disconnect()
        self.quit_button.clicked.connect(self._quit_clicked)
        return buttons

    # -- what is shown ---------------------------------------------------------

    def _show_folder(self) -> None:
        full = str(self.vault_path)
        home = str(Path.home())
        shown = "~" + full[len(home) :] if full.startswith(home + "/") else full
        metrics = QFontMetrics(self.folder.font())
        self.folder.setText(metrics.elidedText(shown, Qt.TextElideMode.ElideMiddle, 360))
        self.folder.setToolTip(full)

    def _show_attempts(self) -> None:
        failed = vaults.failed_attempts(self.vault_path)
        if failed.count == 0:
            self.attempts.clear()
            self.attempts.hide()
            return
        # One unit: the line wrapped between the day and the time (in Dutch).
        when = local_time(failed.last).replace(" ", "\u00a0")
        if failed.count == 1:
            text = self.tr("1 failed attempt since the last unlock, at {when}.")
        else:
            text = self.tr("{n} failed attempts since the last unlock; the last at {when}.")
        self.attempts.setText(text.format(n=failed.count, when=when))
        self.attempts.show()

    def _show_passphrase(self, shown: bool) -> None:
        self.passphrase.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.show_button.setIcon(eye_icon(self.show_button, crossed=shown))
        tip = self.tr("Hide the passphrase") if shown else self.tr("Show the passphrase")
        self.show_button.setToolTip(tip)
        self.show_button.setAccessibleName(tip)

    def _show_caps(self) -> None:
        shown = bool(self._caps)
        if self.caps.isHidden() == shown:  # it changes
            self.caps.setVisible(shown)
            grow_to_contents(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: while the dialog is torn down, Python may drop its attributes
        # before Qt stops sending the field's events here.
        field = getattr(self, "passphrase", None)
        if field is None or watched is not field:
            return False
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.try_unlock()  # whichever button Qt holds the default
                return True
            known = caps_lock_from_system()
            if known is None and event.key() == Qt.Key.Key_CapsLock:
                known = None if self._caps is None else not self._caps
            elif known is None:
                known = caps_lock_from_key(event)
                if known is None:
                    known = self._caps  # this key does not tell: keep what is known
            self._caps = known
            self._show_caps()
        elif event.type() == QEvent.Type.FocusIn:
            system = caps_lock_from_system()
            if system is not None:
                self._caps = system
                self._show_caps()
        return False

    # -- quitting ----------------------------------------------------------------

    def show_held(self, pieces: int) -> None:
        """Text the lock could not write is held in memory (``held_text``): say so,
        and that quitting loses it."""
        self._held = pieces
        self.held.setVisible(pieces > 0)
        if pieces:
            self.held.setText(
                self.tr(
                    "%n piece(s) of text typed before the lock could not be saved (the "
                    "vault could not take it: is the disk full?). It is held in memory, "
                    "sealed: unlock to save it. Quitting Veldboek loses it.",
                    "",
                    pieces,
                )
            )
            grow_to_contents(self)

    def reject(self) -> None:
        """Escape: ask; the answer defaults to No."""
        box = self.quit_question
        if box is None:
            box = self.quit_question = QMessageBox(self)
            box.setObjectName("quitQuestion")
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Quit"))
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.setEscapeButton(QMessageBox.StandardButton.No)
            box.finished.connect(self._quit_answered)
        if self._held:
            box.setText(self.tr("Quit Veldboek? The text held from the lock is lost."))
        else:
            box.setText(self.tr("Quit Veldboek?"))
        if not box.isVisible():
            box.open()

    def _quit_answered(self, button: int) -> None:
        # One question box, kept with the dialog (asked again on the next Escape).
        if button == QMessageBox.StandardButton.Yes:
            self.quit_now()
        else:
            self.passphrase.setFocus()

    def _quit_clicked(self) -> None:
        # Quit quits, unless text held from the lock would go with it: then it asks.
        if self._held:
            self.reject()
        else:
            self.quit_now()

    def quit_now(self) -> None:
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's own close button asks, as Escape does; a close() from the
        # code (the dialog is done with) just closes.
        if event.spontaneous() and self.isVisible():
            event.ignore()
            self.reject()
        else:
            event.accept()

    # -- unlocking -----------------------------------------------------------------

    def accept(self) -> None:  # Enter in the field unlocks; it never just closes
        self.try_unlock()

    def try_unlock(self) -> None:
        if self._busy or not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self._say(self.tr("Type your passphrase first."))
            return
        self._busy = True
        self._set_inputs(False)
        self._say(self.tr("Unlocking…"))
        path = self.vault_path

        def work(_progress: Any) -> vaults.Vault:
            return vaults.unlock(path, passphrase)

        # It records the unlock, but no window is open yet to keep an alias for:
        # the window is built from its result.
        self._runner.start(work, self._on_unlocked, self._on_failed, writes=None)

    def _on_unlocked(self, vault: object) -> None:
        self._busy = False
        self.passphrase.setText("")  # clear() would keep it in the undo history
        self.status.clear()
        self.status.hide()
        self.unlocked.emit(vault)
        super().accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.passphrase.setText("")
        self._show_attempts()
        if isinstance(exc, WrongPassphrase):
            self._say(self.tr("Wrong passphrase."))
            self._tick()
        elif isinstance(exc, UnlockThrottled):
            self._say(self.tr("Too many failed attempts; wait before trying again."))
            self._tick()
        else:
            self._say(describe(exc))
            self._set_inputs(True)
        self.passphrase.setFocus()

    def _say(self, text: str) -> None:
        """A message under the field, shown whole: the dialog grows for a long one
        (and for the count of failed attempts above it) so nothing is cut off."""
        self.status.setText(text)
        self.status.show()
        grow_to_contents(self)

    def _set_inputs(self, enabled: bool) -> None:
        """While unlocking the field is read-only and Unlock is off. The field is
        never disabled: a disabled widget hands its focus to the next one, which
        would be Quit, where a space typed in a passphrase presses it. During the
        wait after a mistake the field takes typing; Unlock waits."""
        if not enabled and self.unlock_button.hasFocus():
            self.passphrase.setFocus()  # a clicked Unlock would pass it on to Quit
        self.passphrase.setReadOnly(self._busy)
        self.unlock_button.setEnabled(enabled)

    def _tick(self) -> None:
        wait = vaults.seconds_until_retry(self.vault_path)
        if wait > 0:
            self._set_inputs(False)
            self.unlock_button.setText(self.tr("Wait {s} s").format(s=int(wait) + 1))
            if not self._countdown.isActive():
                self._countdown.start()
        else:
            self._countdown.stop()
            self.unlock_button.setText(self.tr("Unlock"))
            if not self._busy:
                self._set_inputs(True)
