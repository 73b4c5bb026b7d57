"""First run: choose an alias, set the passphrase (twice, with a strength hint),
decide on the keyring second factor, then calibrate and create off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain import names
from app.domain.enums import Role
from app.domain.names import NameKind
from app.errors import InvalidName
from app.services.admin import vaults
from app.ui.errors import describe
from app.ui.workers import TaskRunner


class _AliasPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Veldboek"))
        self.setSubTitle(
            self.tr(
                "Everything you record stays on this computer, encrypted. First choose the "
                "alias you work under."
            )
        )
        self.alias = QLineEdit()
        self.alias.setObjectName("aliasEdit")
        self.alias.setMaxLength(80)
        self.alias.setPlaceholderText(self.tr("e.g. Valk"))
        self.runner = QRadioButton(self.tr("Runner"))
        self.runner.setObjectName("roleRunner")
        self.handler = QRadioButton(self.tr("Team handler"))
        self.handler.setObjectName("roleHandler")
        self.runner.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.runner)
        group.addButton(self.handler)
        # Why the alias cannot be used (a control or direction-changing character,
        # say), as it is typed: the rule of every name, app/domain/names.py.
        self.alias_hint = QLabel()
        self.alias_hint.setObjectName("aliasHint")
        self.alias_hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Your alias:"), self.alias)
        form.addRow("", self.alias_hint)
        form.addRow(self.tr("Role:"), self.runner)
        form.addRow("", self.handler)
        self.alias.textChanged.connect(self._check_alias)

    def _check_alias(self) -> None:
        self.alias_hint.setText(self.problem() or "")
        self.completeChanged.emit()

    def problem(self) -> str | None:
        """What is wrong with the alias typed so far, in the user's language."""
        if not self.alias.text().strip():
            return None  # nothing typed yet: Next stays off without a scolding
        try:
            names.clean(self.alias.text(), NameKind.ALIAS)
        except InvalidName as exc:
            return describe(exc)
        return None

    def isComplete(self) -> bool:
        return bool(self.alias.text().strip()) and self.problem() is None

    @property
    def role(self) -> Role:
        return Role.HANDLER if self.handler.isChecked() else Role.RUNNER


class _PassphrasePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(
            self.tr(
                "At least {n} characters. A few unrelated words are easy to remember and hard "
                "to guess. There is no way to recover a forgotten passphrase."
            ).format(n=vaults.MIN_LENGTH)
        )
        self.first = QLineEdit()
        self.first.setObjectName("passphrase1")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("passphrase2")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setObjectName("strengthMeter")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.hint = QLabel()
        self.hint.setObjectName("strengthHint")
        self.match = QLabel()
        self.match.setObjectName("matchHint")
        form = QFormLayout(self)
        form.addRow(self.tr("Passphrase:"), self.first)
        form.addRow(self.tr("Again:"), self.second)
        form.addRow(self.tr("Strength:"), self.meter)
        form.addRow("", self.hint)
        form.addRow("", self.match)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        text = self.first.text()
        strength = vaults.estimate_strength(text)
        self.meter.setValue(strength.score)
        labels = (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Good"),
            self.tr("Strong"),
        )
        if len(text) < vaults.MIN_LENGTH:
            self.hint.setText(
                self.tr("%n more character(s) needed.", "", vaults.MIN_LENGTH - len(text))
            )
        else:
            self.hint.setText(labels[strength.score])
        if self.second.text() and self.second.text() != text:
            self.match.setText(self.tr("The two passphrases differ."))
        else:
            self.match.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.first.text()
        if text != self.second.text():
            return False
        try:
            vaults.check_new_passphrase(text)
        except Exception:
            return False
        return True


class _OptionsPage(QWizardPage):
    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where and how"))
        self.setSubTitle(self.tr("Where the vault is kept, and what it takes to open it."))
        layout = QVBoxLayout(self)
        where = QLabel(self.tr("The vault will be created in:\n{path}").format(path=vault_path))
        where.setWordWrap(True)
        layout.addWidget(where)
        self.device = QCheckBox(
            self.tr("Also require a secret kept in this computer's keyring (second factor)")
        )
        self.device.setObjectName("deviceSecret")
        layout.addWidget(self.device)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("keyringNote")
        layout.addWidget(self.note)
        if vaults.keyring_available():
            self.note.setText(
                self.tr(
                    "With this, a copy of the vault folder cannot be opened on another computer, "
                    "even with the passphrase. Losing this computer's keyring loses the vault."
                )
            )
        else:
            self.device.setEnabled(False)
            self.note.setText(
                self.tr(
                    "No OS keyring was found on this computer, so the vault will be protected by "
                    "the passphrase alone."
                )
            )
        layout.addStretch(1)


class _CreatePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Creating your vault"))
        self.setSubTitle(
            self.tr("Measuring this computer to set the key-derivation cost (a few seconds).")
        )
        self.bar = QProgressBar()
        self.bar.setObjectName("createProgress")
        self.bar.setRange(0, 100)
        self.status = QLabel()
        self.status.setObjectName("createStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.done = False
        self.running = False

    def initializePage(self) -> None:
        if self.done or self.running:
            return
        self.running = True
        self.status.setText(self.tr("Calibrating…"))
        self._wizard.start_creation(self)

    def isComplete(self) -> bool:
        return self.done


class FirstRunWizard(QWizard):
    created = Signal(str)  # the passphrase, so the app can unlock straight away

    def __init__(
        self,
        vault_path: Path,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        target_seconds: float = 0.7,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Veldboek — new vault"))
        self.vault_path = vault_path
        self._runner = runner
        self._target_seconds = target_seconds
        self.alias_page = _AliasPage()
        self.passphrase_page = _PassphrasePage()
        self.options_page = _OptionsPage(vault_path)
        self.create_page = _CreatePage(self)
        for page in (self.alias_page, self.passphrase_page, self.options_page, self.create_page):
            self.addPage(page)

    def start_creation(self, page: _CreatePage) -> None:
        passphrase = self.passphrase_page.first.text()
        alias = self.alias_page.alias.text().strip()
        role = self.alias_page.role
        use_device = self.options_page.device.isChecked()
        path = self.vault_path
        target = self._target_seconds

        def work(progress: Any) -> None:
            vaults.create(
                path,
                passphrase,
                alias_name=alias,
                role=role,
                use_device_secret=use_device,
                target_seconds=target,
                progress=lambda _step, fraction: progress(int(fraction * 100), 100),
            )

        def done(_result: object) -> None:
            page.done = True
            page.running = False
            page.bar.setValue(100)
            page.status.setText(self.tr("Your vault is ready."))
            page.completeChanged.emit()
            self._passphrase = passphrase

        def failed(exc: BaseException) -> None:
            page.running = False
            page.status.setText(describe(exc))
            self.button(QWizard.WizardButton.BackButton).setEnabled(True)

        self._runner.start(
            work, done, failed, lambda d, _t: page.bar.setValue(d), writes=page.title()
        )

    def accept(self) -> None:
        super().accept()
        passphrase = getattr(self, "_passphrase", "")
        self.passphrase_page.first.clear()
        self.passphrase_page.second.clear()
        if passphrase:
            self.created.emit(passphrase)
