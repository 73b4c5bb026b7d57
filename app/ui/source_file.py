"""One source's file: overview (identity sealed), contacts, debriefs, tasking,
payments and offers, risk and welfare. The view shows the file and acts on it; the
record tabs' tables are built in ``app.ui.source_file_tabs``."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import SourceStatus, TaskingStatus
from app.services.exchange import deconfliction_notices, handover
from app.services.records import closing, debriefs, sources
from app.services.views import (
    ContactView,
    DebriefRow,
    InstructionView,
    PaymentView,
    ReliabilityView,
    RiskView,
    SourceFile,
    SourceOverview,
    TaskingView,
)
from app.ui import source_file_tabs
from app.ui.confirm import ConfirmDialog, ask, ask_with_comment
from app.ui.deconfliction_lines import match_line
from app.ui.dialogs.contact_form import ContactDialog
from app.ui.dialogs.handover import HandoverDialog
from app.ui.dialogs.identity import RecordIdentityDialog, RevealIdentityDialog
from app.ui.dialogs.records import CloseTaskingDialog
from app.ui.dialogs.source_form import SourceDialog
from app.ui.errors import show_error
from app.ui.flow_layout import FlowLayout
from app.ui.labels import label
from app.ui.record_table import RecordTable
from app.ui.session import AppSession
from app.ui.source_file_tabs import date_text
from app.ui.widgets import local_time
from app.ui.workers import TaskRunner


class SourceFileView(QWidget):
    back = Signal()
    open_debrief = Signal(object)
    report_requested = Signal(object)  # source id

    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sourceFile")
        self.session = session
        self.runner = runner
        self.file: SourceFile | None = None
        back = QPushButton(self.tr("← All sources"))
        back.setObjectName("backToSources")
        back.clicked.connect(self.back)
        self.heading = QLabel()
        self.heading.setObjectName("sourceHeading")
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.heading, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sourceTabs")
        self._overview_tab()
        # The record tabs: source_file_tabs builds them onto this view.
        self.contacts: RecordTable[ContactView]
        self.debriefs: RecordTable[DebriefRow]
        self.taskings: RecordTable[TaskingView]
        self.payments: RecordTable[PaymentView]
        self.risks: RecordTable[RiskView]
        self.instructions: RecordTable[InstructionView]
        self.reliability: RecordTable[ReliabilityView]
        source_file_tabs.contacts_tab(self)
        source_file_tabs.debriefs_tab(self)
        source_file_tabs.tasking_tab(self)
        source_file_tabs.payments_tab(self)
        source_file_tabs.risk_tab(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)

    # -- tabs -------------------------------------------------------------------

    def _empty(self, text: str) -> Callable[[], str]:
        """An empty tab's hint, once a file is shown."""
        return lambda: text if self.file is not None else ""

    def _overview_tab(self) -> None:
        tab = QWidget()
        self.overview = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, title in (
            ("kind", self.tr("Kind")),
            ("status", self.tr("Status")),
            ("runners", self.tr("Runners")),
            ("motivation", self.tr("Motivation")),
            ("position", self.tr("Information position")),
            ("legal", self.tr("Legal basis")),
            ("contract", self.tr("Contracted / review")),
            ("suitability", self.tr("Suitability review")),
            ("antecedents", self.tr("Antecedents check")),
            ("codenames", self.tr("Former codenames")),
            ("notes", self.tr("Notes")),
            ("identity", self.tr("True identity")),
            ("handover", self.tr("Handover")),
            ("deconfliction", self.tr("Deconfliction")),
            ("closed", self.tr("Registration closed")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setObjectName(f"field_{key}")
            self.fields[key] = value
            self.overview.addRow(title + ":", value)
        # Six actions, long in Dutch: they wrap onto a second line in a narrow window.
        buttons = FlowLayout()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editSource")
        self.reveal_button = QPushButton(self.tr("Reveal identity…"))
        self.reveal_button.setObjectName("revealIdentity")
        self.record_identity_button = QPushButton(self.tr("Record identity…"))
        self.record_identity_button.setObjectName("recordIdentity")
        self.edit_button.clicked.connect(self._edit)
        self.reveal_button.clicked.connect(self._reveal)
        self.record_identity_button.clicked.connect(self._record_identity)
        self.handover_button = QPushButton(self.tr("Hand over source…"))
        self.handover_button.setObjectName("handOverSource")
        self.handover_button.clicked.connect(self._hand_over)
        self.close_button = QPushButton(self.tr("Close registration…"))
        self.close_button.setObjectName("closeRegistration")
        self.close_button.clicked.connect(self._close_registration)
        self.report_button = QPushButton(self.tr("Report…"))
        self.report_button.setObjectName("reportSource")
        self.report_button.clicked.connect(
            lambda: self.report_requested.emit(self.source_id) if self.file else None
        )
        for b in (
            self.edit_button,
            self.reveal_button,
            self.record_identity_button,
            self.handover_button,
            self.close_button,
            self.report_button,
        ):
            buttons.addWidget(b)
        layout = QVBoxLayout(tab)
        layout.addLayout(self.overview)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.tabs.addTab(tab, self.tr("Overview"))

    # -- data -------------------------------------------------------------------

    def show_source(self, source_id: uuid.UUID) -> None:
        self.file = sources.source_file(self.session.vault, self.session.scope, source_id)
        o = self.file.overview
        self.heading.setText(
            f"<span style='font-size:16pt'><b>{escape(o.shown_codename)}</b></span> · "
            f"{label(o.kind)} · {label(o.status)}"
        )
        f = self.fields
        f["kind"].setText(label(o.kind))
        f["status"].setText(label(o.status))
        f["runners"].setText(", ".join(o.runners))
        f["motivation"].setText(o.motivation or "—")
        f["position"].setText(o.information_position or "—")
        f["legal"].setText(o.legal_basis or "—")
        f["contract"].setText(f"{date_text(o.contracted_on)} / {date_text(o.contract_review_on)}")
        f["suitability"].setText(date_text(o.suitability_review_on))
        f["antecedents"].setText(self._antecedents(o))
        f["codenames"].setText(", ".join(o.other_codenames) or "—")
        f["notes"].setText(o.notes or "—")
        f["identity"].setText(
            self.tr("Recorded and sealed. Not shown unless revealed on purpose.")
            if o.has_identity
            else self.tr("Not recorded.")
        )
        self.reveal_button.setEnabled(o.has_identity)
        self.record_identity_button.setText(  # beside "Recorded and sealed": it replaces
            self.tr("Replace identity…") if o.has_identity else self.tr("Record identity…")
        )
        handed = handover.of_source(self.session.vault, self.session.scope, source_id)
        f["handover"].setText(self._handover_text(handed))
        self.handover_button.setVisible(not self.session.scope.is_handler)
        # Handed on from here: the new runner's file, read only in this vault.
        handed_on = handed is not None and handed.direction == "out"
        # Only the alias that runs the source gives it away or ends it (``source_runner``).
        self.handover_button.setEnabled(o.runs_it and not handed_on)
        not_yours = self.tr(
            "Only {runner}, the alias that runs this source, may hand it over or close its "
            "registration."
        ).format(runner=o.run_by)
        for button in (self.handover_button, self.close_button):
            button.setToolTip("" if o.runs_it else not_yours)
        self.edit_button.setEnabled(not handed_on)
        self.record_identity_button.setEnabled(not handed_on)
        for table in self._record_tables():
            table.set_read_only(handed_on)
        matches = deconfliction_notices.open_matches(
            self.session.vault, self.session.scope, source_id
        )
        f["deconfliction"].setText("\n".join(match_line(m) for m in matches) or "—")
        f["closed"].setText(
            self.tr("{day}, decided by {name}: {reason}").format(
                day=date_text(o.closed_on or (o.closed_at.date() if o.closed_at else None)),
                name=o.closed_by or "?",
                reason=o.close_reason or "—",
            )
            if o.closed_at is not None or o.status is SourceStatus.CLOSED
            else "—"
        )
        self.close_button.setEnabled(
            o.runs_it and o.status is not SourceStatus.CLOSED and not handed_on
        )
        self.contacts.set_rows(self.file.contacts)
        self.debriefs.set_rows(self.file.debriefs)
        self.taskings.set_rows(self.file.taskings)
        self.payments.set_rows(self.file.payments)
        self.risks.set_rows(self.file.risks)
        self.instructions.set_rows(self.file.instructions)
        self.reliability.set_rows(self.file.reliability)

    def _record_tables(self) -> tuple[RecordTable[Any], ...]:
        return (
            self.contacts,
            self.debriefs,
            self.taskings,
            self.payments,
            self.risks,
            self.instructions,
            self.reliability,
        )

    def _antecedents(self, o: SourceOverview) -> str:
        """The antecedents check: its day and result, or one plain word when it has
        not been done (a new source), never a row of dashes."""
        if o.antecedents_checked_on is None and not o.antecedents_result:
            return self.tr("Not done yet")
        return f"{date_text(o.antecedents_checked_on)} — {o.antecedents_result or '—'}"

    def reload(self) -> None:
        if self.file is not None:
            self.show_source(self.file.overview.id)

    def clear_vault_data(self) -> None:
        self.file = None
        self.heading.clear()
        for value in self.fields.values():
            value.clear()
        for table in self._record_tables():
            table.clear()

    # -- actions ----------------------------------------------------------------

    @property
    def source_id(self) -> uuid.UUID:
        assert self.file is not None
        return self.file.overview.id

    def _run_dialog(self, dialog: QDialog) -> None:
        dialog.finished.connect(lambda result: self.reload() if result else None)
        dialog.open()

    def _dialog(self, dialog_class: type) -> Callable[[], None]:
        def open_it() -> None:
            if self.file is not None:
                self._run_dialog(dialog_class(self.session, self.source_id, self))

        return open_it

    def _edit(self) -> None:
        if self.file is not None:
            self._run_dialog(SourceDialog(self.session, self.file.overview, self))

    def _record_identity(self) -> None:
        if self.file is None:
            return
        source_id, codename = self.source_id, self.file.overview.shown_codename

        def record() -> None:
            self._run_dialog(RecordIdentityDialog(self.session, self.runner, source_id, self))

        if not self.file.overview.has_identity:
            record()
            return
        # Recording again replaces the sealed identity: the old one cannot be brought back.
        ask(
            self,
            title=self.tr("Replace true identity"),
            text=self.tr(
                "{codename} already has a recorded true identity. Recording a new one "
                "replaces it; the one recorded now cannot be brought back."
            ).format(codename=codename),
            confirm=self.tr("Record a new identity…"),
            on_confirm=record,
            name="replaceIdentityConfirm",
        )

    def _close_registration(self) -> ConfirmDialog | None:
        if self.file is None:
            return None
        source_id, codename = self.source_id, self.file.overview.shown_codename

        def close(reason: str) -> None:
            try:
                closing.close_registration(
                    self.session.vault, self.session.scope, source_id, reason=reason
                )
            except Exception as exc:
                show_error(self, exc)
                return
            self.reload()

        return ask_with_comment(
            self,
            title=self.tr("Close registration"),
            text=self.tr(
                "Close the registration of {codename} today, decided by {alias}? The file "
                "stays readable and reportable, its reminders stop, and the closing goes "
                "to the handler with the next package. It cannot be reopened."
            ).format(codename=codename, alias=self.session.scope.alias_name),
            comment=self.tr("Why is the registration closed?"),
            confirm=self.tr("Close registration"),
            on_confirm=close,
            name="closeRegistrationConfirm",
        )

    def _reveal(self) -> None:
        if self.file is not None:
            dialog = RevealIdentityDialog(
                self.session, self.runner, self.source_id, self.file.overview.shown_codename, self
            )
            dialog.open()

    def _handover_text(self, handed: handover.HandoverView | None) -> str:
        if handed is None:
            return "—"
        when = local_time(handed.created_at)
        if handed.direction == "out":
            text = self.tr("Handed over to {runner} on {when}").format(
                runner=handed.to_name or handed.to_runner[:16], when=when
            )
            if handed.confirmed_at is None:
                text += self.tr(" (awaiting the new runner's receipt)")
            return text + self.tr(". The file is read only here.")
        if handed.direction == "in":
            return self.tr("Taken over from another runner on {when}").format(when=when)
        return self.tr("Run by {runner} since {when}").format(
            runner=handed.to_name or handed.to_runner[:16], when=when
        )

    def _hand_over(self) -> None:
        if self.file is None:
            return
        dialog = HandoverDialog(
            self.session, self.runner, self.source_id, self.file.overview.codename, self
        )
        dialog.handed_over.connect(lambda _result: self.reload())
        self.handover_dialog = dialog
        dialog.open()

    def _new_contact(self) -> None:
        if self.file is not None:
            self._run_dialog(
                ContactDialog(self.session, self.source_id, self.file.overview.shown_codename, self)
            )

    def _debrief_contact(self) -> None:
        contact = self.contacts.selected()
        if contact is None:
            return
        self._start_debrief(contact.id)

    def _new_debrief(self) -> None:
        self._start_debrief(None)

    def _start_debrief(self, contact_id: uuid.UUID | None) -> None:
        try:
            debrief_id = debriefs.create_draft(
                self.session.vault, self.session.scope, self.source_id, contact_id=contact_id
            )
        except Exception as exc:
            show_error(self, exc)
            return
        self.open_debrief.emit(debrief_id)

    def _selected_row(self) -> int:
        rows = self.debriefs.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _open_debrief_row(self, row: int) -> None:
        item = self.debriefs.model.row_at(row)
        if item is not None:
            self.open_debrief.emit(item.id)

    def _close_tasking(self) -> None:
        tasking = self.taskings.selected()
        if tasking is not None and tasking.status is TaskingStatus.OPEN:
            self._run_dialog(CloseTaskingDialog(self.session, tasking.id, self))
