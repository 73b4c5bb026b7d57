"""Hand a source over to another runner: pick the new runner's key (only keys
confirmed by their fingerprint are offered), give the passphrase (it opens the
true identity, which is sealed again to the new runner alone), choose the folder,
and confirm once more; the package is written off the GUI thread."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import PeerRole
from app.services.exchange import handover, keys
from app.ui.confirm import ConfirmDialog, ask
from app.ui.dialog_keys import keyboard_dialog
from app.ui.errors import describe
from app.ui.packages.common import choose_folder
from app.ui.save_file import refused_place
from app.ui.session import AppSession
from app.ui.widgets import source_label
from app.ui.workers import TaskRunner


class HandoverDialog(QDialog):
    handed_over = Signal(object)  # handover.HandoverResult

    def __init__(
        self,
        session: AppSession,
        runner: TaskRunner,
        source_id: uuid.UUID,
        codename: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        # The title reaches the taskbar and the window switcher: no codename there.
        self.setWindowTitle(self.tr("Hand over a source"))
        self.session, self.runner = session, runner
        self.source_id, self.codename = source_id, codename
        self.folder: Path | None = None
        self.confirm: ConfirmDialog | None = None
        intro = QLabel(
            self.tr(
                "The whole file, with the true identity, goes to the new runner and the team "
                "handler in one sealed package. Only the new runner can open the identity. "
                "This vault deletes the source once the new runner's receipt arrives "
                "(Settings, “After a receipt”)."
            )
        )
        intro.setWordWrap(True)
        self.peer = QComboBox()
        self.peer.setObjectName("handoverPeer")
        for peer in keys.list_peers(session.vault):
            if peer.role is PeerRole.RUNNER and peer.active:
                self.peer.addItem(f"{peer.name} ({peer.spoken.split(' ')[0]}…)", peer.fingerprint)
        if not self.peer.count():
            self.peer.setPlaceholderText(
                self.tr("No runner's key confirmed yet: add it on the Packages page, Keys tab")
            )
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("handoverPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder_label = QLabel(self.tr("No folder chosen"))
        self.folder_label.setObjectName("handoverFolder")
        self.folder_button = QPushButton(self.tr("Choose folder…"))
        self.folder_button.setObjectName("handoverChooseFolder")
        self.folder_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        self.status = QLabel()
        self.status.setObjectName("handoverStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(intro)
        form.addRow(self.tr("Source:"), source_label(codename, "handoverSource"))
        form.addRow(self.tr("New runner:"), self.peer)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Write to:"), folder_row)
        form.addRow(self.status)
        self.buttons = QDialogButtonBox()
        self.go_button = self.buttons.addButton(
            self.tr("Hand over…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.go_button.setObjectName("handoverGo")
        self.go_button.setEnabled(self.peer.count() > 0)
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.go_button.clicked.connect(self.ask)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.finished.connect(lambda _r: self.passphrase.clear())
        self.setMinimumWidth(520)
        keyboard_dialog(self, submit_field=self.passphrase, accept=self.go_button)

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.folder_label.setText(str(folder))

    def _choose_folder(self) -> None:
        folder = choose_folder(self, self.tr("Folder to write the handover package to"))
        if folder is not None:
            self.set_folder(folder)

    def ask(self) -> None:
        if self.peer.currentData() is None:
            return
        if not self.passphrase.text():
            self.status.setText(self.tr("Give the passphrase: it opens the true identity."))
            return
        if self.folder is None:
            self._choose_folder()
            if self.folder is None:
                return
        name = self.peer.currentText()
        self.confirm = ask(
            self,
            title=self.tr("Hand over source"),
            text=self.tr(
                "Hand {codename} over to {runner}? The whole file and the true identity go "
                "into the package; once {runner} confirms it, this vault deletes the source."
            ).format(codename=self.codename, runner=name),
            confirm=self.tr("Hand over"),
            on_confirm=self._hand_over,
            name="handoverConfirm",
        )

    def _hand_over(self) -> None:
        self.confirm = None
        vault, scope, source_id = self.session.vault, self.session.scope, self.source_id
        passphrase, fingerprint, folder = (
            self.passphrase.text(),
            str(self.peer.currentData()),
            self.folder,
        )
        assert folder is not None
        self.go_button.setEnabled(False)
        what = self.tr("Sealing the handover package…")
        self.status.setText(what)

        def work(_progress: Any) -> handover.HandoverResult:
            return handover.hand_over(
                vault, scope, source_id, passphrase=passphrase, to_runner=fingerprint, to_dir=folder
            )

        def failed(exc: BaseException) -> None:
            self.passphrase.clear()
            self.go_button.setEnabled(True)
            refused_place(self, exc, self.tr("Nothing was written"))  # a vault's folder
            self.status.setText(describe(exc))

        self.runner.start(work, self._done, failed, writes=what)

    def _done(self, result: object) -> None:
        assert isinstance(result, handover.HandoverResult)
        self.passphrase.clear()
        self.status.setText(
            self.tr("Handover package for {runner} written to {path}.").format(
                runner=result.to_runner, path=result.path
            )
        )
        self.handed_over.emit(result)
