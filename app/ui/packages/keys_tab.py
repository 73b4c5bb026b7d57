"""This vault's own key (fingerprint to read out, QR code to compare with a
camera), the peers it exchanges packages with, and the unit's deconfliction key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import PeerRole
from app.services.exchange import keys
from app.services.exchange.keys import PeerView
from app.ui.confirm import ConfirmDialog, ask
from app.ui.errors import show_error
from app.ui.packages.common import choose_file, note_label
from app.ui.packages.deconfliction_box import DeconflictionKeyBox
from app.ui.packages.key_dialog import AddKeyDialog
from app.ui.record_table import RecordTable
from app.ui.save_file import choose_save_path, save_confirmed
from app.ui.session import AppSession
from app.ui.table_models import Column
from app.ui.widgets import local_time
from app.ui.workers import TaskRunner


class KeysTab(QWidget):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dialog: AddKeyDialog | None = None
        self.spoken = QLabel()
        self.spoken.setObjectName("ownFingerprint")
        font = QFont("monospace")
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.spoken.setFont(font)
        self.spoken.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Twelve groups of digits: onto a second line in a narrow window (1024 px).
        self.spoken.setWordWrap(True)
        self.qr = QLabel()
        self.qr.setObjectName("fingerprintQr")
        self.qr.setFixedSize(180, 180)
        self.qr.setScaledContents(True)
        self.key_id = note_label("ownKeyId")
        save = QPushButton(self.tr("Save my public key…"))
        save.setObjectName("saveOwnKey")
        save.clicked.connect(self.save_own_key)
        own_text = QVBoxLayout()
        read_out = note_label("readOutHint")
        read_out.setText(
            self.tr(
                "Read this fingerprint out to the person who adds your key, or let "
                "them compare the QR code with their camera:"
            )
        )
        own_text.addWidget(read_out)
        own_text.addWidget(self.spoken)
        own_text.addWidget(self.key_id)
        own_text.addStretch(1)
        own_text.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)
        own = QGroupBox(self.tr("This vault's key"))
        own_row = QHBoxLayout(own)
        own_row.addLayout(own_text, 1)
        own_row.addWidget(self.qr)

        self.peers: RecordTable[PeerView] = RecordTable(
            [
                Column(self.tr("Role"), lambda p: self._role(p.role)),
                Column(self.tr("Name"), lambda p: p.name),
                Column(
                    self.tr("Added"),
                    lambda p: local_time(p.added_at, with_time=False),
                    key=lambda p: p.added_at,
                    newest_first=True,
                ),
                Column(
                    self.tr("Fingerprint"),
                    lambda p: (
                        p.spoken if p.active else self.tr("{fp} (retired)").format(fp=p.spoken)
                    ),
                ),
            ],
            "peersTable",
            empty=lambda: self._no_keys_yet() if self.spoken.text() else "",
        )
        self.peers.add_button(self.tr("Add a key…"), self.add_key, "addPeerKey")
        self.peers.add_button(self.tr("Retire"), self.retire, "retirePeerKey", on_a_row=True)
        known = QGroupBox(self.tr("Keys I exchange packages with"))
        known_layout = QVBoxLayout(known)
        known_layout.addWidget(self.peers)
        self.deconfliction = DeconflictionKeyBox(session, runner)
        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(known, 1)
        layout.addWidget(self.deconfliction)

    def _no_keys_yet(self) -> str:
        """What to add first: a runner sends to the team handler; a handler takes in
        the packages of their runners and the central system's deconfliction key."""
        if self.session.scope.is_handler:
            return self.tr(
                "No keys yet. Add your runners' keys, to take in their packages, and the "
                "central system's key, to take in its deconfliction key (“Add a key…”)."
            )
        return self.tr("No keys yet. Add your team handler's key (“Add a key…”) to send packages.")

    def _role(self, role: PeerRole) -> str:
        return {
            PeerRole.HANDLER: self.tr("team handler"),
            PeerRole.CENTRAL: self.tr("central system"),
            PeerRole.RUNNER: self.tr("runner"),
        }[role]

    def reload(self) -> None:
        vault = self.session.vault
        fp = keys.own_fingerprint(vault)
        self.spoken.setText(fp.spoken)
        self.key_id.setText(self.tr("Key id {hex}").format(hex=fp.hex))
        pixmap = QPixmap()
        pixmap.loadFromData(keys.fingerprint_qr_png(fp))
        self.qr.setPixmap(pixmap)
        self.peers.set_rows(keys.list_peers(vault))
        self.deconfliction.reload()

    def clear_vault_data(self) -> None:
        self.spoken.clear()
        self.key_id.clear()
        self.qr.clear()
        self.peers.clear()
        self.deconfliction.clear_vault_data()

    def save_own_key(self) -> None:
        scope, vault = self.session.scope, self.session.vault
        title = self.tr("Save my public key")
        path = choose_save_path(self, title, f"{scope.alias_name}.veldboek-key")
        if path is None:
            return
        try:
            role = PeerRole.HANDLER if scope.is_handler else PeerRole.RUNNER
            bundle = keys.own_bundle(vault, scope.alias_name, role)
            save_confirmed(
                self,
                path,
                title,
                lambda force: keys.save_bundle(vault, bundle, path, overwrite=force),
            )
        except Exception as exc:
            show_error(self, exc, title)

    def add_key(self) -> None:
        # Any file name: `veldboek keys export --out NAME` writes whatever it is told.
        path = choose_file(
            self, self.tr("A key to add"), self.tr("All files (*);;Veldboek keys (*.veldboek-key)")
        )
        if path is None:
            return
        try:
            bundle = keys.read_bundle_file(path)
        except Exception as exc:
            show_error(self, exc)
            return
        self.open_add_dialog(bundle)

    def open_add_dialog(self, bundle: keys.KeyBundle) -> AddKeyDialog:
        self.dialog = AddKeyDialog(self.session.vault, self.session.scope, bundle, self)
        self.dialog.accepted.connect(self.reload)
        self.dialog.open()
        return self.dialog

    def retire(self) -> ConfirmDialog | None:
        peer = self.peers.selected()
        if peer is None:
            return None

        def retire() -> None:
            try:
                keys.retire_peer(self.session.vault, self.session.scope, peer.id)
            except Exception as exc:
                show_error(self, exc)
            self.reload()

        return ask(
            self,
            title=self.tr("Retire key"),
            text=self.tr(
                "Retire the key of {name}? Packages will no longer go to it, and "
                "nothing it signs will be accepted."
            ).format(name=peer.name),
            confirm=self.tr("Retire"),
            on_confirm=retire,
            name="retireKeyConfirm",
        )
