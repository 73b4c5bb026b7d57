"""Record a contact: when, where (location codeword), who attended (by alias),
how long, reconnaissance and safety notes."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QSpinBox, QWidget

from app.domain.enums import ContactKind
from app.services.admin import aliases
from app.services.records import contacts
from app.services.records.contacts import ContactDraft
from app.ui.confirm import ConfirmDialog, ask
from app.ui.dialogs.base import FormDialog
from app.ui.session import AppSession
from app.ui.widgets import (
    EnumCombo,
    datetime_edit,
    datetime_value,
    placeholder_whole,
    source_label,
    text_box,
)


class ContactDialog(FormDialog):
    def __init__(
        self,
        session: AppSession,
        source_id: uuid.UUID,
        codename: str,
        parent: QWidget | None = None,
        *,
        notes: str = "",
    ) -> None:
        # The title reaches the taskbar and the window switcher: no codename there.
        super().__init__(self.tr("New contact"), parent)
        self.setObjectName("contactDialog")
        self.keep_typing_as(session, "contactDialog", source_id)
        self.session = session
        self.source_id = source_id
        self.kind: EnumCombo[ContactKind] = EnumCombo(ContactKind)
        self.kind.setObjectName("contactKind")
        self.when = datetime_edit()
        self.when.setObjectName("contactWhen")
        self.duration = QSpinBox()
        self.duration.setObjectName("contactDuration")
        self.duration.setRange(0, 24 * 60)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(45)
        self.location = QLineEdit()
        self.location.setObjectName("locationCodeword")
        self.location.setPlaceholderText(self.tr("Location codeword, never an address"))
        placeholder_whole(self.location)
        self.attendees = QListWidget()
        self.attendees.setObjectName("attendeeList")
        self.attendees.setMaximumHeight(110)
        for alias in aliases.list_cover_names(session.vault):
            item = QListWidgetItem(alias.name)
            item.setData(Qt.ItemDataRole.UserRole, alias.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = alias.id == session.scope.alias_id
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.attendees.addItem(item)
        self.recon = text_box(self.tr("Reconnaissance of place and route"), 50)
        self.recon.setObjectName("reconNotes")
        self.safety = text_box(self.tr("Safety observations"), 50)
        self.safety.setObjectName("safetyNotes")
        self.notes = text_box("", 50)
        self.notes.setObjectName("contactNotes")
        self.notes.setPlainText(notes)
        f = self.form
        f.addRow(self.tr("Source:"), source_label(codename, "contactSource"))
        f.addRow(self.tr("Kind:"), self.kind)
        f.addRow(self.tr("When:"), self.when)
        f.addRow(self.tr("Duration:"), self.duration)
        f.addRow(self.tr("Location:"), self.location)
        f.addRow(self.tr("Attendees (by alias):"), self.attendees)
        f.addRow(self.tr("Reconnaissance:"), self.recon)
        f.addRow(self.tr("Safety:"), self.safety)
        f.addRow(self.tr("Notes:"), self.notes)
        self.on_submit = self._save
        self.no_location_question: ConfirmDialog | None = None

    def attendee_ids(self) -> tuple[uuid.UUID, ...]:
        out = []
        for row in range(self.attendees.count()):
            item = self.attendees.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(out)

    def _submit(self) -> None:
        """A meeting is recorded with where it was (domain: a location codeword);
        one without is saved only when the runner says so."""
        meeting = self.kind.value() is ContactKind.MEETING
        if not meeting or self.location.text().strip():
            super()._submit()
            return
        question = ask(
            self,
            title=self.tr("No location"),
            text=self.tr(
                "This meeting has no location codeword, and a saved contact cannot be "
                "changed. Save it without one?"
            ),
            confirm=self.tr("Save without location"),
            on_confirm=super()._submit,
            name="noLocationConfirm",
        )
        # Back to the form: the keyboard goes to the empty field.
        question.rejected.connect(lambda: self.location.setFocus(Qt.FocusReason.OtherFocusReason))
        self.no_location_question = question

    def _save(self) -> uuid.UUID:
        kind = self.kind.value()
        draft = ContactDraft(
            kind=kind,
            occurred_at=datetime_value(self.when),
            duration_minutes=self.duration.value() if kind is not ContactKind.MESSAGE else None,
            location_codeword=self.location.text(),
            reconnaissance_notes=self.recon.toPlainText(),
            safety_notes=self.safety.toPlainText(),
            notes=self.notes.toPlainText(),
            attendee_ids=self.attendee_ids(),
        )
        return contacts.record_contact(
            self.session.vault, self.session.scope, self.source_id, draft
        )
