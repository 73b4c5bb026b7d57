"""One debrief: the editor while it is a draft (autosaved every few seconds),
read-only with addenda once submitted, approve/return for a handler."""

from __future__ import annotations

import uuid
from html import escape

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import DebriefStatus, Role
from app.domain.grading import scheme
from app.services.exchange import packages
from app.services.records import debriefs, record_versions, search
from app.services.records.debriefs import DebriefContent
from app.services.records.record_versions import VersionInfo
from app.services.views import AddendumView, DebriefRow, DebriefView, ItemView, SubjectView
from app.ui.attachments_box import AttachmentsBox
from app.ui.confirm import ConfirmDialog, ask, ask_with_comment
from app.ui.dialogs.item_dialog import ItemDialog
from app.ui.dialogs.records import PaymentDialog, TaskingDialog
from app.ui.dialogs.versions import VersionsDialog
from app.ui.errors import describe, show_error
from app.ui.labels import label
from app.ui.pages.base import Page
from app.ui.pages.debriefs import NEWEST_FIRST, debrief_columns
from app.ui.record_table import RecordTable
from app.ui.session import AppSession
from app.ui.table_models import Column, QueryRowsModel
from app.ui.widgets import day_text, local_time, money, text_box
from app.ui.workers import TaskRunner


def _first_words(text: str, limit: int = 80) -> str:
    """The start of an item's text, to recognise it by in a question."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _grading(item: ItemView) -> str:
    g = item.grading
    text = g.short()
    if g.handling_conditions:
        text += " *"
    return text


class DebriefPage(Page):
    """Not in the navigation list: opened from sources, lists, search and reminders."""

    back = Signal()
    report_requested = Signal(object, str)  # debrief id, a label for it

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
        self.heading = QLabel()
        self.heading.setObjectName("debriefHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.saved = QLabel()
        self.saved.setObjectName("autosaveStatus")
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.heading, 1)
        top.addWidget(self.saved)
        self.review = QLabel()
        self.review.setObjectName("reviewNote")
        self.review.setWordWrap(True)
        self.review.setStyleSheet("color: #b00020;")
        self._emptied_bar()

        # Free text.
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

        # Items.
        self.items: RecordTable[ItemView] = RecordTable(
            [
                Column("#", lambda i: str(i.position + 1), key=lambda i: i.position),
                Column(self.tr("Grading"), _grading, tooltip=self._grading_tooltip),
                Column(self.tr("Checked"), lambda i: label(i.corroboration)),
                Column(
                    self.tr("Exculpatory"),
                    lambda i: self.tr("yes") if i.exculpatory else "",
                    lambda i: "#006400" if i.exculpatory else None,
                ),
                Column(self.tr("Subjects"), lambda i: ", ".join(s.name for s in i.subjects)),
                Column(self.tr("Reported"), lambda i: i.text, tooltip=lambda i: i.sanitised_text),
            ],
            "itemsTable",
            empty=lambda: (
                self.tr("No intelligence items yet; “Add item…” adds one.")
                if self.view is not None and self.view.editable
                else self.tr("No intelligence items.")
                if self.view is not None
                else ""
            ),
        )
        self.items.view.setMinimumHeight(150)
        self.add_item_button = self.items.add_button(
            self.tr("Add item…"), self._add_item, "addItem"
        )
        self.edit_item_button = self.items.add_button(self.tr("Edit…"), self._edit_item, "editItem")
        self.remove_item_button = self.items.add_button(
            self.tr("Remove"), self._remove_item, "removeItem"
        )
        self.items.view.doubleClicked.connect(lambda _i: self._edit_item())
        self.items.view.selectionModel().selectionChanged.connect(lambda *_: self._show_subjects())

        # Cross-references: other debriefs mentioning a subject, inside scope only.
        self.subjects = QListWidget()
        self.subjects.setObjectName("itemSubjects")
        self.subjects.setMaximumHeight(90)
        self.subjects.currentItemChanged.connect(lambda *_: self._show_mentions())
        # The newest few of possibly thousands: a header click asks the query again.
        mentions: QueryRowsModel[DebriefRow] = QueryRowsModel(debrief_columns(), NEWEST_FIRST)
        mentions.on_sort = self._show_mentions
        self.mentions: RecordTable[DebriefRow] = RecordTable(
            debrief_columns(),
            "mentionsTable",
            model=mentions,
            empty=lambda: (
                self.tr("No other debrief in your files mentions this subject.")
                if self.subjects.currentItem() is not None
                else ""
            ),
        )
        self.mentions_model = mentions
        self.mentions.view.activated.connect(lambda index: self._open_mention(index.row()))
        self.mentions.view.setMaximumHeight(140)
        self.mentions.view.doubleClicked.connect(lambda index: self._open_mention(index.row()))
        cross = QGroupBox(self.tr("Other debriefs mentioning a subject of the selected item"))
        cross_layout = QHBoxLayout(cross)
        cross_layout.addWidget(self.subjects, 1)
        cross_layout.addWidget(self.mentions, 3)

        # Tasking and payments given at this contact.
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

        # Addenda.
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

        # Workflow.
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

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.review)
        body_layout.addLayout(texts)
        items_title = self.tr("Intelligence items")  # not inside the f-string: lupdate skips those
        body_layout.addWidget(QLabel(f"<b>{items_title}</b>"))
        body_layout.addWidget(self.items)
        body_layout.addWidget(cross)
        body_layout.addLayout(records)
        self.files = AttachmentsBox(session)
        body_layout.addWidget(self.files)
        body_layout.addWidget(self.addenda_box)
        self.body_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.emptied)
        layout.addWidget(scroll, 1)
        layout.addLayout(workflow)

        self.autosave = QTimer(self)
        self.autosave.timeout.connect(self.save_now)

    def title(self) -> str:
        return self.tr("Debrief")

    # -- loading ----------------------------------------------------------------

    def open(self, debrief_id: uuid.UUID) -> None:
        self.save_now()
        self.view = debriefs.get_debrief(self.session.vault, self.session.scope, debrief_id)
        self._render()
        self.body_scroll.verticalScrollBar().setValue(0)  # a new debrief starts at its top
        self.autosave.start(self.session.settings.autosave_seconds * 1000)

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
        contact = ""
        if v.contact is not None:
            c = v.contact
            contact = " · " + " ".join(
                part
                for part in (
                    label(c.kind),
                    local_time(c.occurred_at),
                    c.location_codeword and f"@ {c.location_codeword}",
                )
                if part
            )
        self.heading.setText(
            f"<span style='font-size:15pt'><b>{escape(v.codename)}</b></span>{escape(contact)}"
            f" · <b>{label(v.status)}</b> · "
            + escape(self.tr("written by {author}").format(author=v.author or "?"))
        )
        self.review.setStyleSheet(
            "color: #006400;" if v.status is DebriefStatus.APPROVED else "color: #b00020;"
        )
        if v.status is DebriefStatus.RETURNED:
            self.review.setText(
                self.tr(
                    "Returned by {who}: {comment} — answer with an addendum, then submit again."
                ).format(who=v.reviewer or "?", comment=v.review_comment)
            )
        elif v.status is DebriefStatus.APPROVED:
            self.review.setText(self.tr("Approved by {who}.").format(who=v.reviewer or "?"))
        else:
            self.review.clear()
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
        self._show_subjects()
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
        self.addenda_box.setVisible(not v.editable)
        self.submit_button.setVisible(v.status in (DebriefStatus.DRAFT, DebriefStatus.RETURNED))
        self.approve_button.setVisible(handler and v.status is DebriefStatus.SUBMITTED)
        self.return_button.setVisible(handler and v.status is DebriefStatus.SUBMITTED)
        self._dirty = keep_typed
        self._loading = False
        self.saved.setText(
            "" if v.editable else self.tr("Read-only: submitted debriefs grow by addenda.")
        )

    def _show_versions(self) -> None:
        if self.view is None or not self.versions:
            return
        self.versions_dialog = VersionsDialog(
            self.session, self.runner, self.view.id, self.versions, self
        )
        self.versions_dialog.open()
        self.versions_dialog.list.setCurrentRow(len(self.versions) - 1)  # the newest

    def _grading_tooltip(self, item: ItemView) -> str:
        g = item.grading
        s = scheme(g.scheme)
        lines = [
            s.label("source_evaluation", g.source_evaluation),
            s.label("intelligence_assessment", g.intelligence_assessment),
            s.label("handling", g.handling_code),
        ]
        if g.handling_conditions:
            lines.append(self.tr("Conditions: {c}").format(c=g.handling_conditions))
        return "\n".join(lines)

    # -- autosave ---------------------------------------------------------------

    def _changed(self) -> None:
        if not self._loading and self.view is not None and self.view.editable:
            self._dirty = True
            self.saved.setText(self.tr("Unsaved changes"))
            if self._kept:  # typed into an emptied field again: nothing left to decide
                self._show_kept(
                    tuple(n for n in self._kept if not self.text_fields[n].toPlainText().strip())
                )

    # -- an emptied field ---------------------------------------------------------

    def _emptied_bar(self) -> None:
        """Shown when an autosave did not empty a saved text: asks what to do."""
        self.emptied = QFrame()
        self.emptied.setObjectName("emptiedBar")
        self.emptied.setStyleSheet(
            "QFrame#emptiedBar { background: #fff4ce; border: 1px solid #c19c00; }"
        )
        self.emptied_text = QLabel()
        self.emptied_text.setObjectName("emptiedText")
        self.emptied_text.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Bring the saved text back"))
        self.restore_button.setObjectName("restoreEmptied")
        self.restore_button.clicked.connect(self.restore_kept)
        self.empty_button = QPushButton(self.tr("Empty it in the vault too"))
        self.empty_button.setObjectName("confirmEmptied")
        self.empty_button.clicked.connect(self.empty_kept)
        row = QHBoxLayout(self.emptied)
        row.addWidget(self.emptied_text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.empty_button)
        self.emptied.hide()

    def _field_name(self, name: str) -> str:
        return {
            "narrative": self.tr("the narrative"),
            "welfare_observations": self.tr("the welfare notes"),
            "security_observations": self.tr("the security notes"),
            "runner_assessment": self.tr("the assessment"),
            "critical_reflection": self.tr("the critical reflection"),
        }[name]

    def _show_kept(self, kept: tuple[str, ...]) -> None:
        self._kept = kept
        self.emptied.setVisible(bool(kept))
        if kept:
            self.emptied_text.setText(
                self.tr(
                    "You emptied {fields}. The vault still holds the saved text: an "
                    "autosave never empties a saved text without asking."
                ).format(fields=", ".join(self._field_name(n) for n in kept))
            )
        else:
            self.emptied_text.clear()

    def restore_kept(self) -> None:
        """Put the saved text back into the emptied fields, as an edit the user can
        undo (not ``setPlainText``, which would also drop their undo history)."""
        if self.view is None or not self._kept:
            return
        try:
            saved = debriefs.get_debrief(self.session.vault, self.session.scope, self.view.id)
        except Exception as exc:
            show_error(self, exc)
            return
        for name in self._kept:
            box = self.text_fields[name]
            cursor = box.textCursor()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(getattr(saved, name))
            box.setTextCursor(cursor)
        self._show_kept(())

    def empty_kept(self) -> None:
        """The user's answer: the emptied fields are to be empty in the vault too."""
        if self.view is None or not self._kept:
            return
        try:
            debriefs.save_draft(
                self.session.vault,
                self.session.scope,
                self.view.id,
                self.content(),
                emptying=frozenset(self._kept),
            )
        except Exception as exc:
            self.saved.setText(describe(exc))
            return
        self._show_kept(())
        self._dirty = False
        self.saved.setText(
            self.tr("Saved {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
        )

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

    def _remove_item(self) -> ConfirmDialog | None:
        item = self.items.selected()
        if item is None or self.view is None or not self.view.editable:
            return None

        def remove() -> None:
            try:
                debriefs.remove_item(self.session.vault, self.session.scope, item.id)
            except Exception as exc:
                show_error(self, exc)
            self.reload()

        return ask(
            self,
            title=self.tr("Remove item"),
            text=self.tr(
                "Remove item {n} from the debrief of {day} for {codename}? What it says, "
                "its grading and its subjects are deleted."
            ).format(n=item.position + 1, **self._naming()),
            details=_first_words(item.text),
            confirm=self.tr("Remove item"),
            on_confirm=remove,
            name="removeItemConfirm",
        )

    def _show_subjects(self) -> None:
        self.subjects.clear()
        self.mentions.clear()
        item = self.items.selected()
        if item is None:
            return
        for subject in item.subjects:
            entry = QListWidgetItem(f"{label(subject.kind)}: {subject.name}")
            entry.setData(Qt.ItemDataRole.UserRole, subject)
            self.subjects.addItem(entry)
        if self.subjects.count():
            self.subjects.setCurrentRow(0)

    def _show_mentions(self) -> None:
        entry = self.subjects.currentItem()
        if entry is None or self.view is None:
            self.mentions.clear()
            return
        subject: SubjectView = entry.data(Qt.ItemDataRole.UserRole)
        rows = search.debriefs_mentioning(
            self.session.vault,
            self.session.scope,
            subject.id,
            exclude_debrief=self.view.id,
            sort=self.mentions_model.current_sort,
        )
        self.mentions.set_rows(rows)

    def _open_mention(self, row: int) -> None:
        mention = self.mentions.model.row_at(row)
        if mention is not None:
            self.open(mention.id)

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
        if self.view is None:
            return
        self.save_now()
        if self._kept:
            # What was emptied here is still in the vault: it would go out as saved.
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Not submitted"))
            box.setText(
                self.tr(
                    "You emptied {fields}, but the vault still holds the saved text. "
                    "Bring it back or empty it in the vault too, then submit."
                ).format(fields=", ".join(self._field_name(n) for n in self._kept))
            )
            box.open()
            return
        missing = debriefs.submit_blockers(self.session.vault, self.session.scope, self.view.id)
        if missing:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Not submitted"))
            box.setText(
                self.tr("Cannot submit yet; still missing:")
                + "\n• "
                + "\n• ".join(self._blocker_text(b) for b in missing)
            )
            box.open()
            return
        debrief_id = self.view.id

        def submit() -> None:
            try:
                debriefs.submit(self.session.vault, self.session.scope, debrief_id)
            except Exception as exc:
                show_error(self, exc, self.tr("Not submitted"))
                return
            self.reload()

        ask(
            self,
            title=self.tr("Submit debrief"),
            text=self.tr(
                "Submit the debrief of {day} for {codename} to the handler? You cannot "
                "edit it afterwards, only add addenda."
            ).format(**self._naming()),
            confirm=self.tr("Submit"),
            on_confirm=submit,
            name="submitConfirm",
        )

    def _naming(self) -> dict[str, str]:
        """What a question calls this debrief: the day of its contact (or of its
        writing) and the source's codename."""
        v = self.view
        if v is None:
            return {"day": "", "codename": "", "author": ""}
        moment = v.contact.occurred_at if v.contact is not None else v.created_at
        return {"day": day_text(moment), "codename": v.codename, "author": v.author or "?"}

    def _report(self) -> None:
        if self.view is not None:
            self.save_now()
            label = f"{self.view.codename} · {local_time(self.view.created_at)}"
            self.report_requested.emit(self.view.id, label)

    def _blocker_text(self, blocker: debriefs.Blocker) -> str:
        names = {
            "narrative": self.tr("the narrative"),
            "critical reflection": self.tr("the critical reflection"),
            "text": self.tr("what the source reported"),
            "source evaluation": self.tr("the source evaluation"),
            "intelligence assessment": self.tr("the intelligence assessment"),
            "handling code": self.tr("the handling code"),
            "handling conditions": self.tr("the handling conditions"),
        }
        what = names.get(blocker.what, blocker.what)
        if blocker.item is None:
            return what
        return self.tr("item {n}: {what}").format(n=blocker.item, what=what)

    def _approve(self) -> ConfirmDialog | None:
        if self.view is None:
            return None
        debrief_id = self.view.id

        def approve() -> None:
            try:
                debriefs.approve(self.session.vault, self.session.scope, debrief_id)
            except Exception as exc:
                show_error(self, exc)
                return
            self.reload()

        return ask(
            self,
            title=self.tr("Approve debrief"),
            text=self.tr(
                "Approve the debrief of {day} for {codename} by {author}? An approved "
                "debrief can no longer be returned."
            ).format(**self._naming()),
            confirm=self.tr("Approve"),
            on_confirm=approve,
            name="approveConfirm",
        )

    def _return(self) -> ConfirmDialog | None:
        if self.view is None:
            return None
        debrief_id = self.view.id

        def send_back(comment: str) -> None:
            try:
                debriefs.return_to_runner(
                    self.session.vault, self.session.scope, debrief_id, comment
                )
            except Exception as exc:
                show_error(self, exc)
                return
            self.reload()

        return ask_with_comment(
            self,
            title=self.tr("Return to runner"),
            text=self.tr(
                "Return the debrief of {day} for {codename} to {author}? They answer "
                "with an addendum and submit it again."
            ).format(**self._naming()),
            comment=self.tr("What must the runner clarify or add?"),
            confirm=self.tr("Return"),
            on_confirm=send_back,
            name="returnConfirm",
        )

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
