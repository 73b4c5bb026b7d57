"""True identity: record it (sealed at once), or reveal it on purpose: passphrase
again, a reason, shown for a limited time, audited. Never shown by default."""

from __future__ import annotations

import uuid
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput
from app.services.records import identity
from app.services.views import IdentityFields
from app.ui.dialog_keys import keyboard_dialog
from app.ui.dialogs.base import FormDialog
from app.ui.errors import describe
from app.ui.session import AppSession
from app.ui.widgets import source_label, text_box
from app.ui.workers import TaskRunner


class RecordIdentityDialog(FormDialog):
    """OK seals the identity and computes its deconfliction tokens (an Argon2id
    evaluation per attribute under the vault's key): off the GUI thread, through
    the app's ``TaskRunner``, with OK disabled meanwhile; an error keeps the dialog
    open with everything typed still there."""

    def __init__(
        self,
        session: AppSession,
        runner: TaskRunner,
        source_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Record true identity"), parent)
        self.setObjectName("recordIdentityDialog")
        self.session = session
        self.runner = runner
        self.source_id = source_id
        note = QLabel(
            self.tr(
                "These fields are sealed as soon as you press OK. Veldboek never shows them "
                "again unless someone reveals them on purpose, with the passphrase and a reason."
            )
        )
        note.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("identityName")
        self.birth = QLineEdit()
        self.birth.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.addresses = text_box(self.tr("One address per line"), 50)
        self.phones = text_box(self.tr("One number per line"), 40)
        self.notes = text_box("", 40)
        self.form.addRow(note)
        self.form.addRow(self.tr("Full name:"), self.name)
        self.form.addRow(self.tr("Date of birth:"), self.birth)
        self.form.addRow(self.tr("Addresses:"), self.addresses)
        self.form.addRow(self.tr("Phone numbers:"), self.phones)
        self.form.addRow(self.tr("Notes:"), self.notes)
        self.saving = False

    def _fields(self) -> IdentityFields:
        def lines(box: Any) -> tuple[str, ...]:
            return tuple(line.strip() for line in box.toPlainText().splitlines() if line.strip())

        return IdentityFields(
            full_name=self.name.text().strip(),
            date_of_birth=self.birth.text().strip(),
            addresses=lines(self.addresses),
            phone_numbers=lines(self.phones),
            notes=self.notes.toPlainText().strip(),
        )

    def _submit(self) -> None:
        if self.saving:
            return
        fields = self._fields()  # read here: widgets belong to the GUI thread
        vault, scope, source_id = self.session.vault, self.session.scope, self.source_id
        self.saving = True
        self.buttons.setEnabled(False)
        self.error.clear()

        def work(_progress: Any) -> None:
            identity.record_identity(vault, scope, source_id, fields)

        self.runner.start(
            work, self._saved, self._failed, writes=self.tr("Sealing the true identity…")
        )

    def _saved(self, _result: object) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        for edit in (self.name, self.birth):
            edit.clear()
        for box in (self.addresses, self.phones, self.notes):
            box.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.error.setText(describe(exc))


class RevealIdentityDialog(QDialog):
    """Asks for the passphrase and a reason, reveals off the GUI thread, shows the
    fields for ``seconds`` and then wipes them from the dialog."""

    def __init__(
        self,
        session: AppSession,
        runner: TaskRunner,
        source_id: uuid.UUID,
        codename: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revealDialog")
        # The title reaches the taskbar and the window switcher: no codename there.
        self.setWindowTitle(self.tr("Reveal true identity"))
        self.session = session
        self.runner = runner
        self.source_id = source_id
        self.seconds = session.settings.reveal_seconds
        self.pages = QStackedWidget()
        ask = QWidget()
        form = QFormLayout(ask)
        warning = QLabel(
            self.tr(
                "Revealing is recorded in the audit log with your alias and reason. Make sure "
                "nobody can see your screen."
            )
        )
        warning.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("revealPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()
        self.reason.setObjectName("revealReason")
        self.reason.setPlaceholderText(self.tr("Why do you need the identity now?"))
        self.status = QLabel()
        self.status.setObjectName("revealStatus")
        self.status.setWordWrap(True)
        form.addRow(warning)
        form.addRow(self.tr("Source:"), source_label(codename, "revealSource"))
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.status)
        shown = QWidget()
        shown_layout = QVBoxLayout(shown)
        # Once shown, the identity still says whose it is: the ask page is gone.
        whose = QFormLayout()
        whose.addRow(self.tr("Source:"), source_label(codename, "revealedSource"))
        shown_layout.addLayout(whose)
        self.fields = QLabel()
        self.fields.setObjectName("revealedFields")
        self.fields.setWordWrap(True)
        self.countdown = QProgressBar()
        self.countdown.setObjectName("revealCountdown")
        self.countdown.setRange(0, self.seconds)
        self.countdown.setFormat(self.tr("Hidden again in %v s"))
        shown_layout.addWidget(self.fields)
        shown_layout.addWidget(self.countdown)
        self.pages.addWidget(ask)
        self.pages.addWidget(shown)
        self.buttons = QDialogButtonBox()
        self.reveal_button = self.buttons.addButton(
            self.tr("Reveal"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reveal_button.setObjectName("revealButton")
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.reveal_button.clicked.connect(self.reveal)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._left = 0
        self.finished.connect(lambda _r: self.wipe())
        self.setMinimumWidth(480)
        # Enter in the reason reveals (the passphrase check refuses a half-filled one).
        keyboard_dialog(self, submit_field=self.reason, accept=self.reveal_button)

    def reveal(self) -> None:
        passphrase, reason = self.passphrase.text(), self.reason.text()
        vault, scope, source_id = self.session.vault, self.session.scope, self.source_id
        self.reveal_button.setEnabled(False)
        self.status.setText(self.tr("Checking the passphrase…"))

        def work(_progress: Any) -> IdentityFields:
            return identity.reveal_identity(
                vault, scope, source_id, passphrase=passphrase, reason=reason
            )

        def failed(exc: BaseException) -> None:
            self.reveal_button.setEnabled(True)
            self.status.setText(describe(exc))
            if isinstance(exc, InvalidInput):
                # Only the reason was missing: the passphrase stays, the keyboard
                # goes to the reason.
                self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            # The passphrase is typed again: the keyboard goes back to its field,
            # emptied (the reason stays; Enter there moves on to it).
            self.passphrase.clear()
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

        # Only the audit log records the reveal; after a switch of alias or a lock
        # the identity must not show, so nothing waits for it.
        self.runner.start(work, self._show, failed, writes=None)

    def _show(self, fields: object) -> None:
        assert isinstance(fields, IdentityFields)
        self.passphrase.clear()
        lines = [
            self.tr("<b>Name:</b> {v}").format(v=fields.full_name),
            self.tr("<b>Date of birth:</b> {v}").format(v=fields.date_of_birth or "—"),
            self.tr("<b>Addresses:</b> {v}").format(v="; ".join(fields.addresses) or "—"),
            self.tr("<b>Phone numbers:</b> {v}").format(v="; ".join(fields.phone_numbers) or "—"),
        ]
        if fields.notes:
            lines.append(self.tr("<b>Notes:</b> {v}").format(v=fields.notes))
        self.fields.setText("<br>".join(_escape(line) for line in lines))
        self.pages.setCurrentIndex(1)
        self.reveal_button.hide()
        self._left = self.seconds
        self.countdown.setValue(self._left)
        self._timer.start()

    def _tick(self) -> None:
        self._left -= 1
        self.countdown.setValue(max(0, self._left))
        if self._left <= 0:
            self.wipe()
            self.accept()

    def wipe(self) -> None:
        self._timer.stop()
        self.fields.clear()
        self.passphrase.clear()

    @property
    def showing(self) -> bool:
        return bool(self.fields.text())


def _escape(line: str) -> str:
    # Only the label is markup; the revealed values are escaped.
    head, sep, value = line.partition("</b> ")
    return head + sep + escape(value) if sep else escape(line)
