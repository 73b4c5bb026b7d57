"""Receiving: a handler checks a runner's package and imports it, and issues
receipts; a runner takes a receipt in. Packages that never arrived are named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import PeerRole
from app.services.exchange import handover, keys, package_log, package_receive, receipts
from app.services.exchange.deconfliction_key import KEY_KIND
from app.services.exchange.deconfliction_notices import NOTICE_KIND
from app.services.exchange.package_receive import ImportResult, PackageCheck
from app.services.exchange.receipts import ReceiptImport, ReceiptResult
from app.services.files import user_files
from app.ui import counts
from app.ui.confirm import ConfirmDialog, ask
from app.ui.errors import describe, notices
from app.ui.packages.common import (
    choose_file,
    choose_folder,
    inform,
    note_label,
    offer_names,
    progress_dialog,
    step,
)
from app.ui.save_file import refused_place
from app.ui.session import AppSession
from app.ui.workers import TaskRunner

PACKAGE_FILES = "Veldboek packages (*.age);;All files (*)"


class ReceiveTab(QWidget):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.confirm: ConfirmDialog | None = None

        self.handler_box = self._handler_box()
        self.runner_box = self._runner_box()
        self.handover_box = self._handover_box()

        self.status = note_label("receiveStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.handler_box)
        layout.addWidget(self.runner_box)
        layout.addWidget(self.handover_box)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _handler_box(self) -> QGroupBox:
        """A handler's: packages from runners and central, receipts to runners."""
        self.import_button = QPushButton(self.tr("Check and import a package…"))
        self.import_button.setObjectName("importPackage")
        self.import_button.clicked.connect(lambda: self.check_package())
        self.missing = note_label("missingPackages")
        self.missing.setStyleSheet("color: #b00020;")
        self.runner_choice = QComboBox()
        self.runner_choice.setObjectName("receiptRunner")
        self.receipt_button = QPushButton(self.tr("Issue a receipt…"))
        self.receipt_button.setObjectName("issueReceipt")
        self.receipt_button.clicked.connect(lambda: self.issue_receipt())
        box = QGroupBox(self.tr("Packages from runners (handler)"))
        handler_layout = QVBoxLayout(box)
        self.import_help = note_label("importHelp")
        self.import_help.setText(
            self.tr(
                "The package's signature, its addressing and every record are checked "
                "before anything changes; you see who sent it before importing."
            )
        )
        handler_layout.addWidget(self.import_help)
        central_help = note_label("centralImportHelp")
        central_help.setText(
            self.tr(
                "The central system's deconfliction key and its notices of possible "
                "matches are checked and imported here too."
            )
        )
        handler_layout.addWidget(central_help)
        handler_layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        handler_layout.addWidget(self.missing)
        receipt_row = QHBoxLayout()
        receipt_row.addWidget(QLabel(self.tr("Confirm to runner:")))
        receipt_row.addWidget(self.runner_choice, 1)
        receipt_row.addWidget(self.receipt_button)
        handler_layout.addLayout(receipt_row)
        self.runner_hint = note_label("receiptRunnerHint")
        handler_layout.addWidget(self.runner_hint)
        return box

    def _runner_box(self) -> QGroupBox:
        """A runner's: receipts from the handler, the deconfliction key."""
        self.take_receipt = QPushButton(self.tr("Take in a receipt…"))
        self.take_receipt.setObjectName("importReceipt")
        self.take_receipt.clicked.connect(lambda: self.import_receipt())
        box = QGroupBox(self.tr("Receipts from the handler"))
        runner_layout = QVBoxLayout(box)
        self.retention = note_label("retentionNote")
        runner_layout.addWidget(self.retention)
        runner_layout.addWidget(self.take_receipt, 0, Qt.AlignmentFlag.AlignLeft)
        # The unit's deconfliction key, forwarded by the handler (a handler takes
        # central's with "Check and import a package…").
        self.take_key = QPushButton(self.tr("Take in the deconfliction key…"))
        self.take_key.setObjectName("importDeconflictionKey")
        self.take_key.clicked.connect(lambda: self.check_package())
        runner_layout.addWidget(self.take_key, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _handover_box(self) -> QGroupBox:
        """A runner's: sources handed over between runners."""
        # A source another runner hands to this one: taken in, then confirmed to them.
        self.take_handover = QPushButton(self.tr("Take on a handed-over source…"))
        self.take_handover.setObjectName("importHandover")
        self.take_handover.clicked.connect(lambda: self.check_package())
        self.handover_runner = QComboBox()
        self.handover_runner.setObjectName("handoverReceiptRunner")
        self.handover_receipt = QPushButton(self.tr("Confirm the handover…"))
        self.handover_receipt.setObjectName("issueHandoverReceipt")
        self.handover_receipt.clicked.connect(
            lambda: self.issue_receipt(choice=self.handover_runner)
        )
        self.handovers = note_label("handoverList")
        box = QGroupBox(self.tr("Sources handed over between runners"))
        handover_layout = QVBoxLayout(box)
        handover_layout.addWidget(self.take_handover, 0, Qt.AlignmentFlag.AlignLeft)
        handover_row = QHBoxLayout()
        handover_row.addWidget(QLabel(self.tr("Confirm to the runner who handed it over:")))
        handover_row.addWidget(self.handover_runner, 1)
        handover_row.addWidget(self.handover_receipt)
        handover_layout.addLayout(handover_row)
        self.handover_hint = note_label("handoverRunnerHint")
        handover_layout.addWidget(self.handover_hint)
        handover_layout.addWidget(self.handovers)
        return box

    def reload(self) -> None:
        vault = self.session.vault
        handler = self.session.scope.is_handler
        self.handler_box.setVisible(handler)
        self.runner_box.setVisible(not handler)
        self.handover_box.setVisible(not handler)
        peers = keys.list_peers(vault)
        runners = [p.name for p in peers if p.role is PeerRole.RUNNER and p.active]
        add_one = self.tr("Add the runner's key on the Keys tab first.")
        offer_names(self.runner_choice, runners, self.tr("No runner's key yet"))
        offer_names(self.handover_runner, runners, self.tr("No other runner's key yet"))
        for hint in (self.runner_hint, self.handover_hint):  # wrapped: a combo cuts text
            hint.setText("" if runners else add_one)
            hint.setVisible(not runners)
        self.receipt_button.setEnabled(bool(runners))
        self.handover_receipt.setEnabled(bool(runners))
        self.handovers.setText(self._handover_lines())
        gaps = package_log.missing(vault)
        self.missing.setText("\n".join(self._missing_line(m) for m in gaps))
        rule = self.session.settings.retention_after_receipt
        self.retention.setText(
            {
                "keep": self.tr("After a receipt this vault keeps everything (Settings)."),
                "delete": self.tr(
                    "After a receipt, confirmed debriefs are deleted from this vault (Settings)."
                ),
                "secure_delete": self.tr(
                    "After a receipt, confirmed debriefs are deleted and the vault file is "
                    "rebuilt so no trace of them remains (Settings)."
                ),
            }.get(rule, rule)
        )

    def _missing_line(self, m: package_log.Missing) -> str:
        # The numbers name the packages (ranges, not a count): the word follows them.
        text = (
            self.tr("Missing from {peer}: package {numbers}")
            if m.count == 1
            else self.tr("Missing from {peer}: packages {numbers}")
        )
        return text.format(peer=m.peer, numbers=m.numbers)

    def _handover_lines(self) -> str:
        lines = []
        for h in handover.handovers(self.session.vault, self.session.scope):
            who = h.to_name or h.to_runner[:16]
            if h.direction == "out":
                state = (
                    self.tr("deleted here after the receipt")
                    if h.purged_at
                    else self.tr("confirmed")
                    if h.confirmed_at
                    else self.tr("awaiting the new runner's receipt")
                )
                lines.append(
                    self.tr("{codename}: handed over to {runner} ({state})").format(
                        codename=h.codename, runner=who, state=state
                    )
                )
            elif h.direction == "in":
                lines.append(
                    self.tr("{codename}: taken over from another runner").format(
                        codename=h.codename
                    )
                )
        return "\n".join(lines)

    def clear_vault_data(self) -> None:
        self.handover_runner.clear()
        self.handovers.clear()
        self.runner_choice.clear()
        self.missing.clear()
        self.status.clear()
        if self.confirm is not None:
            self.confirm.close()
            self.confirm = None

    # The file is opened and read by the service, in the worker: a large one does
    # not hold up the screen, and one that is not a regular file within the limit is
    # refused unread (``user_files``).

    # -- packages (handler) -----------------------------------------------------

    def check_package(self, path: Path | None = None) -> None:
        path = path or choose_file(self, self.tr("A package to import"), PACKAGE_FILES)
        if path is None:
            return
        vault, scope, chosen = self.session.vault, self.session.scope, path
        dialog = progress_dialog(self, self.tr("Checking the package…"), "verifyProgress")
        self.runner.start(
            lambda _report: package_receive.verify_package(vault, scope, chosen),
            lambda check: self._checked(dialog, chosen, check),
            lambda exc: self._failed(dialog, exc),
            writes=None,  # the audit log only: the import asked next writes
        )

    def _checked(self, dialog: Any, path: Path, check: PackageCheck) -> None:
        dialog.close()
        if check.status in ("already imported", "conflict"):
            self.status.setText(
                self.tr("Refused: this package was already imported.")
                if check.status == "already imported"
                else self.tr("Refused: another package with this number was already imported.")
            )
            return
        text = self.tr(
            "Package {n} from {sender} is intact and signed by their key "
            "(fingerprint {short}…): {debriefs}, {files}. "
            "Import it into this vault?"
        )
        key = check.kind == KEY_KIND
        if key:
            text = self.tr(
                "{sender} sends the unit's deconfliction key {key}… (package {n}, signed by "
                "their key, fingerprint {short}…). Take it into this vault? Your passphrase is "
                "asked next: every source's tokens are then computed under the new key, "
                "without showing any identity."
            )
        if check.kind == NOTICE_KIND:
            text = self.tr(
                "{sender} sends a deconfliction notice (package {n}, signed by their key, "
                "fingerprint {short}…) of %n possible match(es) with sources of this "
                "vault. Import it into this vault?",
                "",
                check.matches,
            )
        if check.kind == "handover":
            text = self.tr(
                "{sender} hands a source over (package {n}, signed by their key, fingerprint "
                "{short}…): its whole file with {debriefs} and {files}. "
                "Import it into this vault?"
            )
        self.confirm = ask(
            self,
            title=self.tr("Import package"),
            text=text.format(
                n=check.sequence,
                sender=check.sender,
                short=check.sender_spoken.split(" ")[0],
                debriefs=counts.debriefs(check.records),
                files=counts.files(check.files),
                key=check.key_id[:8],
            ),
            details=notices(check.warnings) if check.warnings else "",
            confirm=self.tr("Import"),
            on_confirm=(
                (lambda: self._ask_passphrase(path, check.sha256))
                if key
                else (lambda: self._import(path, check.sha256))
            ),
            name="importConfirm",
        )
        self.confirm.rejected.connect(lambda: setattr(self, "confirm", None))

    def _ask_passphrase(self, path: Path, sha256: str) -> QInputDialog:
        """The passphrase for a deconfliction key: the tokens are computed from the
        sealed identities (off the GUI thread, in ``_import``). Not modal-blocking:
        the idle lock and the panic key keep working while it is open."""
        self.confirm = None
        dialog = QInputDialog(self)
        dialog.setObjectName("deconflictionPassphrase")
        dialog.setWindowTitle(self.tr("Deconfliction key"))
        dialog.setLabelText(self.tr("Passphrase:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(lambda text: self._import(path, sha256, text))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _import(self, path: Path, sha256: str, passphrase: str | None = None) -> None:
        """Import the file that was checked: the same bytes (``expected_sha256``), or
        nothing if it was changed or swapped while the question was open."""
        self.confirm = None
        vault, scope = self.session.vault, self.session.scope
        dialog = progress_dialog(self, self.tr("Importing the package…"), "importProgress")
        self.runner.start(
            lambda report: package_receive.import_package(
                vault, scope, path, report, expected_sha256=sha256, passphrase=passphrase
            ),
            lambda result: self._imported(dialog, result),
            lambda exc: self._failed(dialog, exc),
            lambda d, t: step(dialog, d, t),
            writes=dialog.labelText(),
        )

    def _imported(self, dialog: Any, result: ImportResult) -> None:
        dialog.close()
        self.reload()
        if result.key is not None:
            self.status.setText(self._key_taken_in(result))
            return
        if result.notice is not None:
            self.status.setText(
                self.tr(
                    "Took in deconfliction notice {n} from {sender}: %n match(es), "
                    "{open} open. Open matches show on the Home page and on the source's file.",
                    "",
                    result.notice.matches,
                ).format(n=result.sequence, sender=result.sender, open=result.notice.open)
                + ("\n" + notices(result.warnings) if result.warnings else "")
            )
            return
        if result.taken_on is not None and result.taken_on.role == "new runner":
            taken = result.taken_on
            self.status.setText(
                self.tr(
                    "Took on source {codename} (id {id}), handed over by {sender}; confirm it "
                    "to them with “Confirm the handover…”."
                ).format(codename=taken.codename, id=taken.source_id, sender=result.sender)
            )
            return
        self.status.setText(
            self.tr(
                "Imported package {n} from {sender}: {new} new, {updated}, "
                "{unchanged} unchanged, {older} kept as history."
            ).format(
                n=result.sequence,
                sender=result.sender,
                new=result.new,
                updated=counts.newer_versions(result.updated),
                unchanged=result.unchanged,
                older=counts.older_versions(result.older),
            )
            + ("\n" + notices(result.warnings) if result.warnings else "")
        )

    def _key_taken_in(self, result: ImportResult) -> str:
        assert result.key is not None
        if not result.key.new:
            return self.tr("This vault already holds that deconfliction key; nothing changed.")
        sources = result.recomputed.sources if result.recomputed is not None else 0
        return self.tr(
            "Took in deconfliction key {key} from {sender}; tokens computed for %n source(s).",
            "",
            sources,
        ).format(key=result.key.key_id, sender=result.sender)

    def _failed(self, dialog: Any, exc: BaseException) -> None:
        dialog.close()
        refused_place(self, exc, self.tr("Nothing was written"))  # a vault's folder
        self.status.setText(self.tr("Refused: {why}").format(why=describe(exc)))

    # -- receipts ----------------------------------------------------------------

    def issue_receipt(self, folder: Path | None = None, choice: QComboBox | None = None) -> None:
        name = (choice or self.runner_choice).currentData()
        if not name:
            return
        folder = folder or choose_folder(self, self.tr("Folder to write the receipt to"))
        if folder is None:
            return
        vault, scope = self.session.vault, self.session.scope
        dialog = progress_dialog(self, self.tr("Sealing the receipt…"), "receiptProgress")
        self.runner.start(
            lambda _r: receipts.create_receipt(vault, scope, runner=name, to_dir=folder),
            lambda result: self._receipt_written(dialog, result),
            lambda exc: self._failed(dialog, exc),
            writes=dialog.labelText(),
        )

    def _receipt_written(self, dialog: Any, result: ReceiptResult) -> None:
        dialog.close()
        self.status.setText(
            self.tr("Receipt for {packages}, with {reviews}, written to {path}.").format(
                packages=counts.packages(result.packages),
                reviews=counts.reviews(result.reviews),
                path=result.path,
            )
        )

    def import_receipt(self, path: Path | None = None) -> None:
        path = path or choose_file(self, self.tr("A receipt to take in"), PACKAGE_FILES)
        if path is None:
            return
        chosen = path
        # A file that cannot be a receipt is refused before any question about it.
        self.runner.start(
            lambda _r: user_files.check(chosen, user_files.RECEIPT),
            lambda _none: self._ask_to_take_in(chosen),
            lambda exc: self.status.setText(self.tr("Refused: {why}").format(why=describe(exc))),
            writes=None,
        )

    def _ask_to_take_in(self, path: Path) -> None:
        rule = self.session.settings.retention_after_receipt
        if rule == "keep":
            self._take_in(path)  # nothing is deleted: no question
            return
        what = (
            self.tr(
                "The debriefs the handler confirms in it are then deleted from this vault, "
                "and the vault file is rebuilt so that no trace of them remains."
            )
            if rule == "secure_delete"
            else self.tr(
                "The debriefs the handler confirms in it are then deleted from this vault."
            )
        )
        self.confirm = ask(
            self,
            title=self.tr("Take in a receipt"),
            text=self.tr("Take in the receipt {file}? {what} This cannot be undone.").format(
                file=path.name, what=what
            ),
            details=self.tr(
                "Settings, “After a receipt”, decides this; a debrief changed since it "
                "was sent is kept until it has gone out again."
            ),
            confirm=self.tr("Take in and delete"),
            on_confirm=lambda: self._take_in(path),
            name="receiptConfirm",
        )
        self.confirm.rejected.connect(lambda: setattr(self, "confirm", None))

    def _take_in(self, path: Path) -> None:
        self.confirm = None
        vault, scope = self.session.vault, self.session.scope
        dialog = progress_dialog(self, self.tr("Taking in the receipt…"), "receiptImportProgress")
        self.runner.start(
            lambda _r: receipts.import_receipt(vault, scope, path),
            lambda result: self._receipt_taken(dialog, result),
            lambda exc: self._failed(dialog, exc),
            writes=dialog.labelText(),
        )

    def _receipt_taken(self, dialog: Any, result: ReceiptImport) -> None:
        dialog.close()
        self.reload()
        text = self.tr(
            "Receipt from {sender}: {packages} confirmed, {reviews} taken in, "
            "{debriefs} removed from this vault."
        ).format(
            sender=result.sender,
            packages=counts.packages(result.confirmed),
            reviews=counts.reviews(result.reviews_applied),
            debriefs=counts.debriefs(result.purged),
        )
        if result.sources_purged:
            text += " " + self.tr(
                "%n handed-over source(s) removed from this vault, with their files.",
                "",
                result.sources_purged,
            )
        warnings = notices(result.warnings)  # a receipt missing before this one, ...
        self.status.setText(text + ("\n" + warnings if warnings else ""))
        inform(self, self.tr("Receipt taken in"), text, "receiptDone", warnings)
