"""Adding someone's key: the bundle says who it claims to be; only the
fingerprint its owner reads out (by voice, or from their screen) makes it
trusted. The user types what they hear; it is compared with the bundle's."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import PeerRole
from app.domain.scope import Scope
from app.services.admin.vaults import Vault
from app.services.exchange import keys
from app.services.exchange.keys import KeyBundle, PeerView
from app.ui.dialog_keys import keyboard_dialog
from app.ui.errors import describe


class AddKeyDialog(QDialog):
    def __init__(
        self, vault: Vault, scope: Scope, bundle: KeyBundle, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addKeyDialog")
        self.setWindowTitle(self.tr("Add a key"))
        self.setMinimumWidth(520)
        self.vault, self.scope, self.bundle = vault, scope, bundle
        self.added: PeerView | None = None
        intro = QLabel(
            self.tr(
                "Ask the key's owner to read out the fingerprint their Veldboek shows "
                "(Packages, Keys), and type it below. Do not read it to them: they read, "
                "you type. Only a matching fingerprint adds the key."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(bundle.name)
        self.name.setObjectName("peerName")
        self.name.setMaxLength(80)
        self.role = QComboBox()
        self.role.setObjectName("peerRole")
        # Qt would turn enum data into plain strings: keep the roles by position.
        self.roles = [PeerRole.HANDLER, PeerRole.CENTRAL, PeerRole.RUNNER]
        for text in self._role_texts(scope):
            self.role.addItem(text)
        self.role.setCurrentIndex(self.roles.index(bundle.role))
        self.spoken = QLineEdit()
        self.spoken.setObjectName("spokenFingerprint")
        self.spoken.setPlaceholderText("12345 67890 …")
        self.spoken.setFont(QFont("monospace"))
        # All ten groups of five digits stay in view, as they are read out.
        sample = " ".join(["00000"] * 10)
        self.spoken.setMinimumWidth(self.spoken.fontMetrics().horizontalAdvance(sample) + 24)
        self.error = QLabel()
        self.error.setObjectName("addKeyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Their role:"), self.role)
        form.addRow(self.tr("Fingerprint as read out:"), self.spoken)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Compare and add"))
        buttons.accepted.connect(self.compare_and_add)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Enter in the fingerprint compares (a wrong or half-typed one is refused).
        keyboard_dialog(self, submit_field=self.spoken)

    def _role_texts(self, scope: Scope) -> tuple[str, str, str]:
        """Each role as this vault's alias deals with it, in ``self.roles``' order."""
        if scope.is_handler:
            return (
                self.tr("Team handler"),
                self.tr("Central system (sends me the deconfliction key and notices)"),
                self.tr("Runner (sends me packages, gets my receipts)"),
            )
        return (
            self.tr("Team handler (receives my packages)"),
            self.tr("Central system (receives my packages)"),
            self.tr("Runner (sends me packages)"),
        )

    def compare_and_add(self) -> None:
        try:
            self.added = keys.add_peer(
                self.vault,
                self.scope,
                self.bundle,
                role=self.roles[self.role.currentIndex()],
                confirmed_spoken=self.spoken.text(),
                name=self.name.text(),
            )
        except Exception as exc:
            self.error.setText(describe(exc))
            return
        self.accept()
