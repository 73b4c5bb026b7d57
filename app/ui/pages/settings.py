"""Settings kept in the vault (idle lock, clipboard, autosave, reveal time,
reminders), the interface language, and changing the passphrase."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.admin import local_config, vaults
from app.ui.dialog_keys import keyboard_dialog
from app.ui.errors import describe, show_error
from app.ui.pages.base import Page
from app.ui.session import AppSession
from app.ui.widgets import decimal
from app.ui.workers import TaskRunner


def _spin(low: int, high: int, suffix: str, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setObjectName(name)
    return box


class ChangePassphraseDialog(QDialog):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change passphrase"))
        self.session = session
        self.runner = runner
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for name, edit in (
            ("oldPassphrase", self.old),
            ("newPassphrase", self.new),
            ("newPassphrase2", self.again),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(name)
            edit.setMinimumWidth(320)  # as wide as a passphrase of a few words
        # The rules before the first try, as when the vault was made, not after it.
        rules = QLabel(
            self.tr(
                "At least {n} characters. A few unrelated words are easy to remember and hard "
                "to guess. There is no way to recover a forgotten passphrase."
            ).format(n=vaults.MIN_LENGTH)
        )
        rules.setObjectName("passphraseRules")
        rules.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("changeStatus")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(rules)
        form.addRow(self.tr("Current passphrase:"), self.old)
        form.addRow(self.tr("New passphrase:"), self.new)
        form.addRow(self.tr("New passphrase again:"), self.again)
        form.addRow(self.status)
        form.addRow(self.buttons)
        keyboard_dialog(self, submit_field=self.again)

    def submit(self) -> None:
        if self.new.text() != self.again.text():
            self.status.setText(self.tr("The two new passphrases differ."))
            return
        try:
            vaults.check_new_passphrase(self.new.text())
        except Exception as exc:
            self.status.setText(describe(exc))
            return
        old, new = self.old.text(), self.new.text()
        vault, scope = self.session.vault, self.session.scope
        self.buttons.setEnabled(False)
        self.status.setText(self.tr("Changing…"))

        def work(_progress: Any) -> None:
            vaults.change_passphrase(vault, scope, old, new)

        def done(_result: object) -> None:
            for edit in (self.old, self.new, self.again):
                edit.clear()
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.status.setText(describe(exc))

        self.runner.start(work, done, failed, writes=self.tr("Changing the passphrase…"))


class SettingsPage(Page):
    # Another interface language was chosen and saved: the window switches at once.
    language_changed = Signal(str)

    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        self.idle = _spin(1, 120, self.tr(" min"), "idleMinutes")
        self.clipboard = _spin(3, 300, self.tr(" s"), "clipboardSeconds")
        self.autosave = _spin(1, 60, self.tr(" s"), "autosaveSeconds")
        self.reveal = _spin(5, 120, self.tr(" s"), "revealSeconds")
        self.horizon = _spin(1, 365, self.tr(" days"), "reminderDays")
        self.retention = QComboBox()
        self.retention.setObjectName("retentionCombo")
        self.retention.addItem(self.tr("Keep everything"), "keep")
        self.retention.addItem(self.tr("Delete what the handler confirmed"), "delete")
        self.retention.addItem(
            self.tr("Delete what the handler confirmed, leaving no trace"), "secure_delete"
        )
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("Nederlands", "nl")
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self.save)
        self.saved = QLabel()
        self.saved.setObjectName("settingsSaved")
        self.passphrase_button = QPushButton(self.tr("Change passphrase…"))
        self.passphrase_button.setObjectName("changePassphrase")
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.info = QLabel()
        self.info.setObjectName("vaultInfo")
        self.info.setWordWrap(True)

        behaviour = QGroupBox(self.tr("Behaviour"))
        form = QFormLayout(behaviour)
        form.addRow(self.tr("Lock after idle:"), self.idle)
        form.addRow(self.tr("Clear copied text after:"), self.clipboard)
        form.addRow(self.tr("Autosave drafts every:"), self.autosave)
        form.addRow(self.tr("Show a revealed identity for:"), self.reveal)
        form.addRow(self.tr("Remind me of what is due within:"), self.horizon)
        form.addRow(self.tr("After a receipt:"), self.retention)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.save_button, self.saved)
        security = QGroupBox(self.tr("Vault"))
        sec = QVBoxLayout(security)
        sec.addWidget(self.info)
        sec.addWidget(self.passphrase_button)
        layout = QVBoxLayout(self)
        layout.addWidget(behaviour)
        layout.addWidget(security)
        layout.addStretch(1)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsPage", "Settings")

    def reload(self) -> None:
        s = self.session.settings
        self.idle.setValue(s.idle_lock_minutes)
        self.clipboard.setValue(s.clipboard_clear_seconds)
        self.autosave.setValue(s.autosave_seconds)
        self.reveal.setValue(s.reveal_seconds)
        self.horizon.setValue(s.reminder_horizon_days)
        self.retention.setCurrentIndex(max(0, self.retention.findData(s.retention_after_receipt)))
        index = self.language.findData(local_config.load().language)
        self.language.setCurrentIndex(max(0, index))
        info = vaults.describe(self.session.vault)
        self.info.setText(
            self.tr(
                "Folder: {folder}\nKey derivation: Argon2id, {mib} MiB, {passes} "
                "(about {sec} s on this computer)\nSecond factor (OS keyring): {factor}"
            ).format(
                folder=info.folder,
                mib=info.kdf_memory_mib,
                passes=self.tr("%n pass(es)", "", info.kdf_iterations),
                sec=decimal(info.kdf_seconds),  # 0.6 in English, 0,6 in Dutch
                factor=self.tr("yes") if info.device_factor else self.tr("no"),
            )
        )
        self.saved.clear()

    def save(self) -> None:
        new = replace(
            self.session.settings,
            idle_lock_minutes=self.idle.value(),
            clipboard_clear_seconds=self.clipboard.value(),
            autosave_seconds=self.autosave.value(),
            reveal_seconds=self.reveal.value(),
            reminder_horizon_days=self.horizon.value(),
            retention_after_receipt=str(self.retention.currentData()),
        )
        language = str(self.language.currentData())
        before = local_config.load().language
        try:
            self.session.update_settings(new)
            local_config.save(local_config.LocalConfig(language=language))
        except Exception as exc:
            show_error(self, exc)
            return
        self.saved.setText(self.tr("Saved."))
        if language != before:
            self.language_changed.emit(language)

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.session, self.runner, self)
        dialog.open()

    def clear_vault_data(self) -> None:
        self.info.clear()
