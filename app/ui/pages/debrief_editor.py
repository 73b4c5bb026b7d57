"""One debrief: the editor while it is a draft (autosaved every few seconds),
read-only with addenda once submitted, approve/return for a handler."""

from __future__ import annotations

import dataclasses
import uuid

from PySide6.QtCore import QCoreApplication, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import DebriefStatus, Role
from app.services.exchange import packages
from app.services.records import debriefs, record_versions
from app.services.records.debriefs import DebriefContent
from app.services.records.record_versions import VersionInfo
from app.services.views import AddendumView, DebriefRow, DebriefView, ItemView
from app.ui.attachments_box import AttachmentsBox
from app.ui.confirm import ConfirmDialog
from app.ui.dialogs.item_dialog import ItemDialog
from app.ui.dialogs.records import PaymentDialog, TaskingDialog
from app.ui.dialogs.versions import VersionsDialog
from app.ui.errors import describe, show_error
from app.ui.labels import label
from app.ui.pages import debrief_emptied, debrief_items, debrief_workflow
from app.ui.pages.base import Page
from app.ui.pages.debrief_emptied import EmptiedBar
from app.ui.record_table import RecordTable
from app.ui.session import AppSession
from app.ui.table_models import Column, QueryRowsModel
from app.ui.widgets import local_time, money, text_box
from app.ui.workers import TaskRunner


class DebriefPage(Page):
    """Not in the navigation list: opened from sources, lists, search and reminders."""

    back = Signal()
    report_requested = Signal(object, str)  # debrief id, a label for it
    # Built by debrief_items.build.
    items: RecordTable[ItemView]
    add_item_button: QPushButton
    edit_item_button: QPushButton
    remove_item_button: QPushButton
    subjects: QListWidget
    mentions: RecordTable[DebriefRow]
    mentions_model: QueryRowsModel[DebriefRow]

    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        self.view: DebriefView | None = None
        self.item_dialog: ItemDialog | None = None
        self._dirty = False
        self._loading = False
        self._kept: tuple[str, ...] = ()  # emptied here, saved text kept (see save_now)
        self._shown_id: uuid.UUID | None = None
        back = QPushButton(self.tr("← Back"))
        back.setObjectName("debriefBack")
        back.clicked.connect(self._leave)
        # Both wrap: on one line the heading and the read-only note are wider than
        # a laptop screen in Dutch, and the window would grow past its edge.
        self.heading = QLabel()
        self.heading.setObjectName("debriefHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.saved = QLabel()
        self.saved.setObjectName("autosaveStatus")
        self.saved.setWordWrap(True)
        self.saved.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.heading, 1)
        top.addWidget(self.saved)
        self.review = QLabel()
        self.review.setObjectName("reviewNote")
        self.review.setWordWrap(True)
        self.review.setStyleSheet("color: #b00020;")
        self.emptied = EmptiedBar()
        self.emptied_text = self.emptied.text
        self.restore_button = self.emptied.restore_button
        self.restore_button.clicked.connect(self.restore_kept)
        self.empty_button = self.emptied.empty_button
        self.empty_button.clicked.connect(self.empty_kept)
        texts = self._build_texts()
        cross = debrief_items.build(self)
        records = self._build_records()
        self._build_addenda()
        workflow = self._build_workflow()
        self._lay_out(top, texts, cross, records, workflow)
        self.autosave = QTimer(self)
        self.autosave.timeout.connect(self.save_now)

    def _build_texts(self) -> QFormLayout:
        """The free-text fields, autosaved as they change."""
        self.narrative = text_box(self.tr("What happened and what the source reported"), 140)
        self.narrative.setObjectName("narrativeEdit")
        self.welfare = text_box(self.tr("How the source is doing"), 50)
        self.welfare.setObjectName("welfareEdit")
        self.security = text_box(self.tr("Anything that threatens the source or the operation"), 50)
        self.security.setObjectName("securityEdit")
        self.assessment = text_box(self.tr("Your assessment of the information"), 50)
        self.assessment.setObjectName("assessmentEdit")
        self.reflection = text_box(
            self.tr(
                "How could this be misread? Is anything exculpatory? (required before submitting)"
            ),
            60,
        )
        self.reflection.setObjectName("reflectionEdit")
        self.text_fields: dict[str, QPlainTextEdit] = {
            "narrative": self.narrative,
            "welfare_observations": self.welfare,
            "security_observations": self.security,
            "runner_assessment": self.assessment,
            "critical_reflection": self.reflection,
        }
        texts = QFormLayout()
        texts.addRow(self.tr("Narrative:"), self.narrative)
        texts.addRow(self.tr("Welfare:"), self.welfare)
        texts.addRow(self.tr("Security:"), self.security)
        texts.addRow(self.tr("Assessment:"), self.assessment)
        texts.addRow(self.tr("Critical reflection:"), self.reflection)
        for name, box in self.text_fields.items():
            box.textChanged.connect(self._changed)
            # Narrative gets the room; the rest stay compact so the items are in view.
            box.setMaximumHeight(200 if name == "narrative" else 80)
        return texts

    def _build_records(self) -> QHBoxLayout:
        """Tasking and payments given at this contact."""
        records = QHBoxLayout()
        self.tasking_button = QPushButton(self.tr("Tasking given…"))
        self.tasking_button.setObjectName("debriefTasking")
        self.payment_button = QPushButton(self.tr("Payment or offer…"))
        self.payment_button.setObjectName("debriefPayment")
        self.tasking_button.clicked.connect(self._add_tasking)
        self.payment_button.clicked.connect(self._add_payment)
        self.records_label = QLabel()
        self.records_label.setObjectName("debriefRecords")
        self.records_label.setWordWrap(True)
        records.addWidget(self.tasking_button)
        records.addWidget(self.payment_button)
        records.addWidget(self.records_label, 1)
        return records

    def _build_addenda(self) -> None:
        self.addenda: RecordTable[AddendumView] = RecordTable(
            [
                Column(
                    self.tr("Added"),
                    lambda a: local_time(a.created_at),
                    key=lambda a: a.created_at,
                    newest_first=True,
                ),
                Column(self.tr("By"), lambda a: a.author or ""),
                Column(self.tr("Addendum"), lambda a: a.text),
            ],
            "addendaTable",
            empty=lambda: self.tr("No addenda yet.") if self.view is not None else "",
        )
        self.addenda.view.setMaximumHeight(120)
        self.addendum_edit = QLineEdit()
        self.addendum_edit.setObjectName("addendumEdit")
        self.addendum_edit.setPlaceholderText(self.tr("Add to the submitted debrief"))
        self.addendum_button = QPushButton(self.tr("Add addendum"))
        self.addendum_button.setObjectName("addAddendum")
        self.addendum_button.clicked.connect(self._add_addendum)
        addendum_row = QHBoxLayout()
        addendum_row.addWidget(self.addendum_edit, 1)
        addendum_row.addWidget(self.addendum_button)
        self.addenda_box = QGroupBox(self.tr("Addenda"))
        addenda_layout = QVBoxLayout(self.addenda_box)
        addenda_layout.addWidget(self.addenda)
        addenda_layout.addLayout(addendum_row)

    def _build_workflow(self) -> QHBoxLayout:
        self.submit_button = QPushButton(self.tr("Submit to handler"))
        self.submit_button.setObjectName("submitDebrief")
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approveDebrief")
        self.return_button = QPushButton(self.tr("Return to runner…"))
        self.return_button.setObjectName("returnDebrief")
        self.submit_button.clicked.connect(self._submit)
        self.approve_button.clicked.connect(self._approve)
        self.return_button.clicked.connect(self._return)
        self.report_button = QPushButton(self.tr("Report…"))
        self.report_button.setObjectName("reportDebrief")
        self.report_button.clicked.connect(self._report)
        self.versions_button = QPushButton()
        self.versions_button.setObjectName("debriefVersions")
        self.versions_button.clicked.connect(self._show_versions)
        self.versions: list[VersionInfo] = []
        self.versions_dialog: VersionsDialog | None = None
        workflow = QHBoxLayout()
        workflow.addWidget(self.report_button)
        workflow.addWidget(self.versions_button)
        workflow.addStretch(1)
        for button in (self.return_button, self.approve_button, self.submit_button):
            workflow.addWidget(button)
        return workflow

    def _lay_out(
        self,
        top: QHBoxLayout,
        texts: QFormLayout,
        cross: QGroupBox,
        records: QHBoxLayout,
        workflow: QHBoxLayout,
    ) -> None:
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.review)
        body_layout.addLayout(texts)
        items_title = self.tr("Intelligence items")  # not inside the f-string: lupdate skips those
        body_layout.addWidget(QLabel(f"<b>{items_title}</b>"))
        body_layout.addWidget(self.items)
        body_layout.addWidget(cross)
        body_layout.addLayout(records)
        self.files = AttachmentsBox(self.session)
        body_layout.addWidget(self.files)
        body_layout.addWidget(self.addenda_box)
        self.body_scroll = scroll = QScrollArea()
        # Not a tab stop of its own: Tab goes from field to field, never to a frame
        # that shows no focus (it sat invisibly between "Back" and the narrative).
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.emptied)
        layout.addWidget(scroll, 1)
        layout.addLayout(workflow)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("DebriefPage", "Debrief")

    # -- loading ----------------------------------------------------------------

    def open(self, debrief_id: uuid.UUID) -> None:
        self.save_now()
        self.view = debriefs.get_debrief(self.session.vault, self.session.scope, debrief_id)
        self._render()
        self.body_scroll.verticalScrollBar().setValue(0)  # a new debrief starts at its top
        self.autosave.start(self.session.settings.autosave_seconds * 1000)

    def take_keyboard(self) -> None:
        """Once on screen: the keyboard in the narrative (at the end of what it
        holds), so typing goes there; never left on "Back", where a space would
        leave the debrief and the next words land in another page's field."""
        self.narrative.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.view is not None and self.view.editable:
            self.narrative.moveCursor(QTextCursor.MoveOperation.End)
        self.narrative.ensureCursorVisible()

    def reload(self) -> None:
        if self.view is not None:
            self.save_now()
            self.view = debriefs.get_debrief(self.session.vault, self.session.scope, self.view.id)
            self._render()

    def _render(self) -> None:
        v = self.view
        if v is None:
            return
        self._loading = True
        debrief_workflow.show_status(self, v)
        same = self._shown_id == v.id and v.editable
        keep_typed = same and self._dirty  # a save that failed: the typing stays
        if not same:
            self._show_kept(())
        for name, box in self.text_fields.items():
            # The user's own text (unsaved, or emptied and not yet decided) stays as
            # it is, with its undo history: only another debrief replaces it.
            mine = keep_typed or (same and name in self._kept)
            if not mine and box.toPlainText() != getattr(v, name):
                box.setPlainText(getattr(v, name))
            box.setReadOnly(not v.editable)
        self._shown_id = v.id
        self.items.set_rows(v.items)
        debrief_items.show_subjects(self)
        self.addenda.set_rows(v.addenda)
        records = [self.tr("Tasking: {t}").format(t=t.description) for t in v.taskings]
        records += [f"{label(p.kind)} {money(p.amount_cents, p.currency)}" for p in v.payments]
        sent = packages.exported_in(self.session.vault, self.session.scope, v.id)
        records += [
            self.tr("sent in package {id} (version {n})").format(id=str(p)[:8], n=n)
            for n, p in sent
        ]
        self.records_label.setText("; ".join(records))
        self.files.show_for(v.id, editable=v.editable)
        handler = self.session.scope.role is Role.HANDLER
        # What runners sent of this debrief, version by version (handler side).
        self.versions = (
            record_versions.versions(self.session.vault, self.session.scope, v.id)
            if handler
            else []
        )
        self.versions_button.setText(
            self.tr("Versions received ({n})…").format(n=len(self.versions))
        )
        self.versions_button.setVisible(bool(self.versions))
        for button in (self.add_item_button, self.edit_item_button, self.remove_item_button):
            button.setEnabled(v.editable)
        for button in (self.tasking_button, self.payment_button):
            button.setEnabled(not v.written_by_another)  # a runner's draft: read only
        self.addenda_box.setVisible(
            v.status is not DebriefStatus.DRAFT and not v.written_by_another
        )
        runners = v.status in (DebriefStatus.DRAFT, DebriefStatus.RETURNED)
        self.submit_button.setVisible(runners and not v.written_by_another)
        self.approve_button.setVisible(handler and v.status is DebriefStatus.SUBMITTED)
        self.return_button.setVisible(handler and v.status is DebriefStatus.SUBMITTED)
        self._dirty = keep_typed
        self._loading = False
        if v.written_by_another and v.status is DebriefStatus.RETURNED:
            hint = self.tr("Returned to its runner: they answer it and submit it again.")
        elif v.written_by_another:
            hint = self.tr("Read-only: a runner's draft is theirs until they submit it.")
        else:
            hint = "" if v.editable else self.tr("Read-only: submitted debriefs grow by addenda.")
        self.saved.setText(hint)

    def _show_versions(self) -> None:
        if self.view is None or not self.versions:
            return
        self.versions_dialog = VersionsDialog(
            self.session, self.runner, self.view.id, self.versions, self
        )
        self.versions_dialog.open()
        self.versions_dialog.list.setCurrentRow(len(self.versions) - 1)  # the newest

    # -- autosave ---------------------------------------------------------------

    def _changed(self) -> None:
        if not self._loading and self.view is not None and self.view.editable:
            self._dirty = True
            self.saved.setText(self.tr("Unsaved changes"))
            if self._kept:  # typed into an emptied field again: nothing left to decide
                self._show_kept(
                    tuple(n for n in self._kept if not self.text_fields[n].toPlainText().strip())
                )

    # -- an emptied field (debrief_emptied) ----------------------------------------

    def _show_kept(self, kept: tuple[str, ...]) -> None:
        self._kept = kept
        self.emptied.show_fields(kept)

    def restore_kept(self) -> None:
        """Put the saved text back into the emptied fields (undoably)."""
        debrief_emptied.restore(self)

    def empty_kept(self) -> None:
        """The user's answer: the emptied fields are to be empty in the vault too."""
        debrief_emptied.empty_in_vault(self)

    def content(self) -> DebriefContent:
        return DebriefContent(**{name: box.toPlainText() for name, box in self.text_fields.items()})

    def save_now(self) -> None:
        """Write the typed text into the vault if it changed (autosave tick, leaving
        the page, locking); an open item dialog keeps its own text too."""
        if self.item_dialog is not None:
            self.item_dialog.autosave_item()
        if not self._dirty or self.view is None or not self.view.editable:
            return
        try:
            result = debriefs.save_draft(
                self.session.vault, self.session.scope, self.view.id, self.content()
            )
        except Exception as exc:
            self.saved.setText(describe(exc))
            return
        self._dirty = False
        self._show_kept(result.kept)
        self.saved.setText(
            self.tr("Saved {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
        )

    def unsaved(self) -> tuple[uuid.UUID, dict[str, str]] | None:
        """The debrief and its typed text, if a save of it failed (``save_now``)."""
        if not self._dirty or self.view is None or not self.view.editable:
            return None
        return self.view.id, dataclasses.asdict(self.content())

    def _leave(self) -> None:
        self.save_now()
        self.back.emit()

    # -- items ------------------------------------------------------------------

    def _after(self, dialog: QWidget) -> None:
        dialog.finished.connect(lambda result: self.reload() if result else None)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def _add_item(self) -> None:
        if self.view is not None:
            self.save_now()
            self._open_item(ItemDialog(self.session, self.view.id, parent=self))

    def _edit_item(self) -> None:
        item = self.items.selected()
        if item is not None and self.view is not None and self.view.editable:
            self.save_now()
            self._open_item(ItemDialog(self.session, self.view.id, item, parent=self))

    def _open_item(self, dialog: ItemDialog) -> None:
        self.item_dialog = dialog  # save_now (on lock) autosaves it too
        dialog.finished.connect(lambda _r: setattr(self, "item_dialog", None))
        self._after(dialog)

    # -- records and workflow ---------------------------------------------------

    def _add_tasking(self) -> None:
        if self.view is not None:
            self._after(TaskingDialog(self.session, self.view.source_id, self, self.view.id))

    def _add_payment(self) -> None:
        if self.view is not None:
            self._after(PaymentDialog(self.session, self.view.source_id, self, self.view.id))

    def _add_addendum(self) -> None:
        if self.view is None:
            return
        try:
            debriefs.add_addendum(
                self.session.vault, self.session.scope, self.view.id, self.addendum_edit.text()
            )
        except Exception as exc:
            show_error(self, exc)
            return
        self.addendum_edit.clear()
        self.reload()

    def _submit(self) -> None:
        debrief_workflow.submit(self)

    def _report(self) -> None:
        if self.view is not None:
            self.save_now()
            label = f"{self.view.codename} · {local_time(self.view.created_at)}"
            self.report_requested.emit(self.view.id, label)

    def _approve(self) -> ConfirmDialog | None:
        return debrief_workflow.approve(self)

    def _return(self) -> ConfirmDialog | None:
        return debrief_workflow.return_to_runner(self)

    def clear_vault_data(self) -> None:
        self.autosave.stop()
        self.view = None
        self._loading = True
        for box in self.text_fields.values():
            box.clear()
        self._loading = False
        self._dirty = False
        self._shown_id = None
        self._show_kept(())
        self.heading.clear()
        self.review.clear()
        self.records_label.clear()
        self.addendum_edit.clear()
        self.subjects.clear()
        for table in (self.items, self.mentions, self.addenda):
            table.clear()
        self.files.clear_vault_data()
