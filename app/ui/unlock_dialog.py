"""Unlocking: passphrase in, key derivation off the GUI thread, a clear message
on a wrong passphrase and a growing delay before the next try."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UnlockThrottled, WrongPassphrase
from app.services import vaults
from app.ui.errors import describe
from app.ui.workers import TaskRunner


class UnlockDialog(QDialog):
    unlocked = Signal(object)  # the Vault

    def __init__(self, vault_path: Path, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Veldboek — locked"))
        self.vault_path = vault_path
        self._runner = runner
        self.prompt = QLabel(self.tr("Enter your passphrase to unlock the vault."))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphraseEdit")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.status = QLabel()
        self.status.setObjectName("unlockStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.unlock_button.clicked.connect(self.try_unlock)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)
        self._busy = False
        self.setMinimumWidth(420)
        self._tick()

    def accept(self) -> None:  # Enter in the field unlocks; it never just closes
        self.try_unlock()

    def try_unlock(self) -> None:
        if self._busy or not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.status.setText(self.tr("Type your passphrase first."))
            return
        self._busy = True
        self._set_inputs(False)
        self.status.setText(self.tr("Unlocking…"))
        path = self.vault_path

        def work(_progress: Any) -> vaults.Vault:
            return vaults.unlock(path, passphrase)

        self._runner.start(work, self._on_unlocked, self._on_failed)

    def _on_unlocked(self, vault: object) -> None:
        self._busy = False
        self.passphrase.clear()
        self.status.clear()
        self.unlocked.emit(vault)
        super().accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.passphrase.clear()
        if isinstance(exc, WrongPassphrase):
            self.status.setText(self.tr("Wrong passphrase."))
            self._tick()
        elif isinstance(exc, UnlockThrottled):
            self.status.setText(self.tr("Too many failed attempts; wait before trying again."))
            self._tick()
        else:
            self.status.setText(describe(exc))
            self._set_inputs(True)
        self.passphrase.setFocus()

    def _set_inputs(self, enabled: bool) -> None:
        self.passphrase.setEnabled(enabled)
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
