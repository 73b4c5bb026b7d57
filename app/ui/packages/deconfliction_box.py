"""The unit deconfliction key on the Keys tab: which key this vault holds (its id's
first digits, when it was made, how many sources have tokens under it; never the
secret), and for a handler, forwarding it to the team's runners, one package each.
Tokens not yet computed under the current key (the passphrase question was left)
can be computed here. Slow work runs in the app's TaskRunner."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.exchange import deconfliction_key
from app.services.exchange.deconfliction_key import Forwarded, KeyStatus
from app.services.records import identity_recompute
from app.services.records.identity_recompute import Recomputed
from app.ui.errors import describe
from app.ui.packages.common import choose_folder, note_label, progress_dialog
from app.ui.save_file import refused_place
from app.ui.session import AppSession
from app.ui.widgets import local_time
from app.ui.workers import TaskRunner

PREFIX = 8  # hex digits of a key id shown: enough to compare with central's list


def _made(created_at: str) -> str:
    return local_time(datetime.fromisoformat(created_at.replace("Z", "+00:00")))


class DeconflictionKeyBox(QGroupBox):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Deconfliction key"))
        self.session = session
        self.runner = runner
        self.state = note_label("deconflictionKeyState")
        self.forward_button = QPushButton(self.tr("Forward the deconfliction key to runners…"))
        self.forward_button.setObjectName("forwardDeconflictionKey")
        self.forward_button.clicked.connect(lambda: self.forward())
        self.recompute_button = QPushButton(self.tr("Compute the tokens…"))
        self.recompute_button.setObjectName("recomputeDeconflictionTokens")
        self.recompute_button.clicked.connect(lambda: self.ask_passphrase())
        self.status = note_label("deconflictionKeyStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.forward_button)
        buttons.addWidget(self.recompute_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def reload(self) -> None:
        held = deconfliction_key.status(self.session.vault)
        current = next((k for k in held.keys if k.current), None)
        self.state.setText(self._state_text(held))
        self.forward_button.setVisible(self.session.scope.is_handler)
        self.forward_button.setEnabled(current is not None)
        self.recompute_button.setVisible(current is not None and not current.recomputed)

    def _state_text(self, held: KeyStatus) -> str:
        if not held.keys:
            if self.session.scope.is_handler:
                return self.tr(
                    "No deconfliction key yet: import the central system's key package on "
                    "the Receive tab."
                )
            return self.tr(
                "No deconfliction key yet: your team handler sends you one; take it in on "
                "the Receive tab."
            )
        lines = []
        for k in held.keys:
            line = self.tr(
                "Key {key}… made {made}: tokens under it for {n} of %n source(s) with a "
                "true identity.",
                "",
                held.sources_with_identity,
            ).format(key=k.key_id[:PREFIX], made=_made(k.created_at), n=k.sources_with_tokens)
            if not k.current:
                line += " " + self.tr("(Replaced: forgotten with the next package.)")
            elif not k.recomputed:
                line += " " + self.tr("Not yet recomputed.")
            lines.append(line)
        if held.sources_to_send:
            lines.append(
                self.tr(
                    "The tokens of %n source(s) wait to be sent: the next package of "
                    "everything new carries them.",
                    "",
                    held.sources_to_send,
                )
            )
        return "\n".join(lines)

    def clear_vault_data(self) -> None:
        self.state.clear()
        self.status.clear()

    # -- forwarding (handler) ---------------------------------------------------

    def forward(self, folder: Path | None = None) -> None:
        """One key package per runner, into a folder the user picks (the service
        refuses a vault's folder and never overwrites)."""
        folder = folder or choose_folder(self, self.tr("Folder to write the key packages to"))
        if folder is None:
            return
        vault, scope, chosen = self.session.vault, self.session.scope, folder
        dialog = progress_dialog(
            self, self.tr("Sealing the key for each runner…"), "forwardKeyProgress"
        )
        self.runner.start(
            lambda _r: deconfliction_key.forward(vault, scope, to_dir=chosen),
            lambda sent: self._forwarded(dialog, chosen, sent),
            lambda exc: self._failed(dialog, exc),
            writes=dialog.labelText(),
        )

    def _forwarded(self, dialog: Any, folder: Path, sent: list[Forwarded]) -> None:
        dialog.close()
        self.reload()  # a replaced key is forgotten once a package is written
        self.status.setText(
            self.tr(
                "Deconfliction key written for %n runner(s) ({names}) to {folder}.", "", len(sent)
            ).format(names=", ".join(f.runner for f in sent), folder=folder)
        )

    def _failed(self, dialog: Any, exc: BaseException) -> None:
        dialog.close()
        refused_place(self, exc, self.tr("Nothing was written"))  # a vault's folder
        self.status.setText(self.tr("Refused: {why}").format(why=describe(exc)))

    # -- recomputing (the passphrase question was left at the import) ------------

    def ask_passphrase(self) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setObjectName("deconflictionPassphrase")
        dialog.setWindowTitle(self.tr("Deconfliction key"))
        dialog.setLabelText(self.tr("Passphrase:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(self._recompute)
        dialog.finished.connect(dialog.deleteLater)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def _recompute(self, passphrase: str) -> None:
        vault, scope = self.session.vault, self.session.scope
        dialog = progress_dialog(self, self.tr("Computing the tokens…"), "recomputeProgress")
        self.runner.start(
            lambda _r: identity_recompute.recompute(vault, scope, passphrase=passphrase),
            lambda done: self._recomputed(dialog, done),
            lambda exc: self._failed(dialog, exc),
            writes=dialog.labelText(),
        )

    def _recomputed(self, dialog: Any, done: Recomputed) -> None:
        dialog.close()
        self.reload()
        self.status.setText(
            self.tr("Tokens computed for %n source(s) under key {key}…", "", done.sources).format(
                key=done.key_id[:PREFIX]
            )
        )
