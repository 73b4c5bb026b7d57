"""Sending: what is new since the last package, what still blocks it, and the
export itself (to a chosen folder such as a USB stick), off the GUI thread. A
package an earlier export recorded but never got onto disk is named here and
written again by the next export (``packages.recover``).

Only a runner sends debriefs. A handler's Send tab says what a handler sends
instead (receipts, the deconfliction key) and where, and leads there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput, NoRecipient
from app.services.exchange import packages
from app.services.exchange.packages import Candidate, ExportPlan, ExportResult, Recovery
from app.ui import style
from app.ui.errors import describe
from app.ui.labels import label
from app.ui.packages.common import choose_folder, inform, note_label, progress_dialog, step
from app.ui.record_table import RecordTable
from app.ui.save_file import refused_place
from app.ui.session import AppSession
from app.ui.table_models import Column
from app.ui.widgets import local_time
from app.ui.workers import TaskRunner

BLOCKED = style.DANGER


class SendTab(QWidget):
    add_key_requested = Signal()  # no handler's key yet: take the user to adding one
    receive_requested = Signal()  # a handler: to the Receive tab, where receipts go out

    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.plan: ExportPlan | None = None
        self.no_recipient = False
        self._generation = 0
        self._focus_export = False  # Ctrl+E came while the plan was being made
        self.recipients = note_label("exportRecipients")
        self.add_key_button = QPushButton(self.tr("Add the team handler's key…"))
        self.add_key_button.setObjectName("addHandlerKey")
        self.add_key_button.clicked.connect(self.add_key_requested)
        self.add_key_button.hide()
        self.table: RecordTable[Candidate] = RecordTable(
            [
                Column(
                    self.tr("Written"),
                    lambda c: local_time(c.created_at),
                    key=lambda c: c.created_at,
                    newest_first=True,
                ),
                Column(self.tr("Source"), lambda c: c.codename),
                Column(
                    self.tr("Status"),
                    lambda c: label(c.status),
                    icon=lambda c: style.status_icon(c.status),
                ),
                Column(self.tr("Version"), lambda c: str(c.version), key=lambda c: c.version),
                Column(
                    self.tr("Still missing"),
                    lambda c: ", ".join(c.missing) if c.missing else self.tr("nothing"),
                    colour=lambda c: BLOCKED if c.missing else None,
                    icon=lambda c: style.icon("warning" if c.missing else "ok"),
                ),
            ],
            "exportCandidates",
            empty=lambda: self.tr("Nothing new to send.") if self.plan is not None else "",
        )
        self.table.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.export_new = QPushButton(self.tr("Send everything new…"))
        self.export_new.setObjectName("exportAllNew")
        self.export_new.clicked.connect(lambda: self.export(all_new=True))
        self.export_selected = QPushButton(self.tr("Send selected…"))
        self.export_selected.setObjectName("exportSelected")
        self.export_selected.clicked.connect(lambda: self.export(all_new=False))
        self.status = note_label("exportStatus")
        self.unwritten = note_label("exportUnwritten")
        self.unwritten.setStyleSheet(f"color: {BLOCKED}; font-weight: bold;")
        self.unwritten.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_new)
        buttons.addWidget(self.export_selected)
        buttons.addStretch(1)
        self.handler_part = self._handler_part()
        self.runner_part = QWidget()
        self.runner_part.setObjectName("runnerSend")
        outer = QVBoxLayout(self)  # the inset of the other tabs: not flush with the frame
        outer.addWidget(self.handler_part)
        outer.addWidget(self.runner_part, 1)
        layout = QVBoxLayout(self.runner_part)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.recipients)
        layout.addWidget(self.add_key_button, 0, Qt.AlignmentFlag.AlignLeft)
        explanation = note_label("exportExplanation")
        explanation.setText(
            self.tr(
                "New and changed debriefs (submitted or approved). A package is sealed "
                "to the recipients above and signed by this vault; nothing else can "
                "read it. Debriefs that still miss something cannot go."
            )
        )
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unwritten)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def _handler_part(self) -> QWidget:
        """A handler's: no debriefs go out from here; what does, and where."""
        part = QWidget()
        part.setObjectName("handlerSend")
        self.handler_hint = note_label("handlerSendHint")
        self.handler_hint.setText(
            self.tr(
                "A team handler sends no debriefs: packages of debriefs come only from "
                "runners. What you send goes out from the other tabs: a receipt to each "
                "runner whose package you imported (Receive, “Issue a receipt…”), and the "
                "central system's deconfliction key, forwarded to your runners (Keys, "
                "“Forward the deconfliction key to runners…”)."
            )
        )
        self.to_receive = QPushButton(self.tr("Go to receipts"))
        self.to_receive.setObjectName("toReceipts")
        self.to_receive.clicked.connect(self.receive_requested)
        layout = QVBoxLayout(part)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.handler_hint)
        layout.addWidget(self.to_receive, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        part.hide()
        return part

    @property
    def for_handler(self) -> bool:
        return bool(self.session.scope.is_handler)

    def focus_export(self) -> None:
        """Ctrl+E: the keyboard on "Send everything new…". The button is disabled
        while the plan is made (and a disabled button takes no focus), so it gets
        the focus once the plan is in. A handler's goes to the way to receipts."""
        self._focus_export = True
        self._give_focus()

    def _give_focus(self) -> None:
        target = self.to_receive if self.handler_part.isVisibleTo(self) else self.export_new
        if self._focus_export and target.isEnabled() and self.isVisible():
            self._focus_export = False
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def reload(self, then: str = "") -> None:
        """Plan off the GUI thread (it serialises every new debrief); ``then``: a
        message to show once the plan is in (what the last export did). A handler
        sends no debriefs: nothing is planned, the tab says what a handler sends."""
        handler = self.for_handler
        self.handler_part.setVisible(handler)
        self.runner_part.setVisible(not handler)
        if handler:
            self._generation += 1  # a runner's plan still on its way is not wanted
            self.plan = None
            self._no_recipient(False)
            self._give_focus()
            return
        vault, scope = self.session.vault, self.session.scope
        self._generation += 1
        generation = self._generation
        self._enable(False)
        self.status.setText(self.tr("Looking for what is new…"))
        self.runner.start(
            lambda _report: packages.plan_export(vault, scope, all_new=True),
            lambda plan: self._planned(generation, plan, then),
            lambda exc: self._plan_failed(generation, exc, then),
            writes=None,  # a plan only: the export writes
        )

    def _planned(self, generation: int, plan: ExportPlan, then: str) -> None:
        if generation != self._generation:
            return  # locked, or planned again since
        self.plan = plan
        self._no_recipient(False)
        self.table.set_rows(plan.candidates)
        self.recipients.setText(
            self.tr("Packages go to: {names}").format(names=", ".join(plan.recipients))
        )
        self._enable(bool(plan.candidates))
        # Records of source files, or tokens that changed, go without a new debrief.
        self.export_new.setEnabled(bool(plan.candidates or plan.unwritten or plan.file_records))
        self._show_unwritten(plan)
        blocked = len(plan.blocked)
        if then:
            self.status.setText(then)
        elif not plan.candidates and plan.token_sources:
            self.status.setText(
                self.tr(
                    "No new debrief; the deconfliction tokens of %n source(s) wait to be sent.",
                    "",
                    plan.token_sources,
                )
            )
        elif not plan.candidates and plan.file_records:
            self.status.setText(
                self.tr(
                    "No new debrief; %n record(s) of source files wait to be sent.",
                    "",
                    plan.file_records,
                )
            )
        elif not plan.candidates:
            self.status.setText(self.tr("Nothing new to send."))
        elif blocked:
            self.status.setText(
                self.tr("%n debrief(s) still miss something (in red).", "", blocked)
            )
        else:
            self.status.setText(self.tr("%n debrief(s) ready to send.", "", len(plan.candidates)))
        self._give_focus()

    def _show_unwritten(self, plan: ExportPlan) -> None:
        lines = [
            self.tr(
                "Package {n} was recorded but its file was never written (the export was "
                "interrupted). The next export writes it again."
            ).format(n=u.sequence)
            for u in plan.unwritten
        ]
        self.unwritten.setText("\n".join(lines))
        self.unwritten.setVisible(bool(lines))

    def _plan_failed(self, generation: int, exc: BaseException, then: str) -> None:
        if generation != self._generation:
            return
        self.plan = None
        self.table.clear()
        if isinstance(exc, NoRecipient):
            self._no_recipient(True)
            self.status.setText(then)
        elif isinstance(exc, InvalidInput):
            self.recipients.setText(describe(exc))
            self.status.setText(then)
        else:
            self.status.setText(then or describe(exc))
        self._give_focus()

    def _no_recipient(self, none: bool) -> None:
        """Without a handler's key nothing can be sent: say how to add one (in the
        app's words, not the command line's), and let Export lead there too."""
        self.no_recipient = none
        self.add_key_button.setVisible(none)
        if none:
            self.recipients.setText(self.no_recipient_text())
            self.export_new.setEnabled(True)  # it explains, and leads to the key dialog

    def no_recipient_text(self) -> str:
        return self.tr(
            "No team handler's key is known yet, so a package could go to no one. Ask "
            "your team handler for their key file (their Veldboek saves it under "
            "Packages, Keys, “Save my public key…”), put it on this laptop, and add it "
            "here with “Add the team handler's key…”. They read their fingerprint out "
            "to you and you type it in; only a matching key is added."
        )

    def explain_no_recipient(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("noRecipient")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("No team handler's key yet"))
        box.setText(self.no_recipient_text())
        add = box.addButton(
            self.tr("Add the team handler's key…"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(add)
        box.finished.connect(
            lambda _r: self.add_key_requested.emit() if box.clickedButton() is add else None
        )
        box.open()
        return box

    def _enable(self, on: bool) -> None:
        self.export_new.setEnabled(on)
        self.export_selected.setEnabled(on)

    def clear_vault_data(self) -> None:
        self._generation += 1  # a plan still on its way is for a locked vault
        self._focus_export = False
        self.plan = None
        self._no_recipient(False)
        self.table.clear()
        self.recipients.clear()
        self.status.clear()
        self.unwritten.clear()
        self.unwritten.hide()

    def selected(self) -> list[Candidate]:
        rows = sorted(r.row() for r in self.table.view.selectionModel().selectedRows())
        return [c for c in (self.table.model.row_at(r) for r in rows) if c is not None]

    def export(self, *, all_new: bool, folder: Path | None = None) -> None:
        if self.no_recipient:
            self.explain_no_recipient()
            return
        chosen = None if all_new else [c.debrief_id for c in self.selected()]
        if chosen is not None and not chosen:
            self.status.setText(self.tr("Select the debriefs to send first."))
            return
        blocked = [
            c
            for c in (self.plan.blocked if self.plan else ())
            if all_new or c.debrief_id in (chosen or [])
        ]
        if blocked:
            self.status.setText(self.tr("Not sent: complete the debriefs marked in red first."))
            return
        folder = folder or choose_folder(self, self.tr("Folder to write the package to"))
        if folder is None:
            return
        vault, scope = self.session.vault, self.session.scope
        dialog = progress_dialog(self, self.tr("Sealing the package…"), "exportProgress")

        def work(report: Any) -> tuple[Recovery, ExportResult | None]:
            recovery = packages.recover(vault, scope, folder)
            try:
                result = packages.export_package(
                    vault,
                    scope,
                    to_dir=folder,
                    debrief_ids=chosen,
                    all_new=all_new,
                    progress=report,
                )
            except packages.NothingToExport:
                if not recovery.rewritten:
                    raise
                return recovery, None  # the owed package was the work to do
            return recovery, result

        self.runner.start(
            work,
            lambda done: self._done(dialog, *done),
            lambda exc: self._failed(dialog, exc),
            lambda d, t: step(dialog, d, t),
            writes=dialog.labelText(),
        )

    def _done(self, dialog: Any, recovery: Recovery, result: ExportResult | None) -> None:
        dialog.close()
        notes = [
            self.tr(
                "Package {n} was recorded but its file was never written; it is written "
                "again: {path}"
            ).format(n=r.sequence, path=r.path)
            for r in recovery.rewritten
        ]
        if recovery.leftovers_removed:
            notes.append(
                self.tr(
                    "Removed %n hidden temporary file(s) of an interrupted export.",
                    "",
                    recovery.leftovers_removed,
                )
            )
        if result is None:
            status = self.tr("Nothing new to send.")
            text = self.tr("The interrupted package is written again; nothing new to send.")
            details = "\n".join(notes)
        else:
            count = result.debriefs
            status = self.tr("Package {n} with %n debrief(s) written to {path}.", "", count).format(
                n=result.sequence, path=result.path
            )
            text = self.tr(
                "Package {n} with %n debrief(s) is on its way to {names}.", "", count
            ).format(n=result.sequence, names=", ".join(result.recipients))
            details = "\n".join([*notes, self.tr("File: {path}").format(path=result.path)])
        self.reload(then="\n".join([*notes, status]))
        inform(self, self.tr("Package written"), text, "exportDone", details)

    def _failed(self, dialog: Any, exc: BaseException) -> None:
        dialog.close()
        refused_place(self, exc, self.tr("Nothing was written"))  # a vault's folder
        self.reload(then=describe(exc))
