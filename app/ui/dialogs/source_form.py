"""Open a new source file, or edit a source's overview."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain.enums import SourceKind, SourceStatus
from app.services.records import sources
from app.services.records.sources import SourceDraft
from app.services.views import SourceOverview
from app.ui.dialogs.base import FormDialog
from app.ui.session import AppSession
from app.ui.widgets import EnumCombo, OptionalDate, text_box


class SourceDialog(FormDialog):
    def __init__(
        self,
        session: AppSession,
        existing: SourceOverview | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit source") if existing else self.tr("New source file"), parent)
        self.setObjectName("sourceDialog")
        self.keep_typing_as(session, "sourceDialog", existing.id if existing else None)
        self.session = session
        self.existing = existing
        self.codename = QLineEdit()
        self.codename.setObjectName("codenameEdit")
        self.codename.setMaxLength(80)
        self.kind: EnumCombo[SourceKind] = EnumCombo(SourceKind)
        self.kind.setObjectName("kindCombo")
        self.status: EnumCombo[SourceStatus] = EnumCombo(SourceStatus)
        self.status.setObjectName("statusCombo")
        self.motivation = text_box(self.tr("Why does the source cooperate?"), 50)
        self.position = text_box(self.tr("What can the source actually see and hear?"), 50)
        self.legal_basis = QLineEdit()
        self.legal_basis.setPlaceholderText(self.tr("e.g. art. 126v Sv"))
        self.contracted_on = OptionalDate()
        self.contract_review = OptionalDate()
        self.suitability_review = OptionalDate()
        self.antecedents_on = OptionalDate()
        self.antecedents = QLineEdit()
        self.notes = text_box("", 50)
        f = self.form
        f.addRow(self.tr("Codename:"), self.codename)
        f.addRow(self.tr("Kind:"), self.kind)
        f.addRow(self.tr("Status:"), self.status)
        f.addRow(self.tr("Motivation:"), self.motivation)
        f.addRow(self.tr("Information position:"), self.position)
        f.addRow(self.tr("Legal basis:"), self.legal_basis)
        f.addRow(self.tr("Contracted on:"), self.contracted_on)
        f.addRow(self.tr("Contract review:"), self.contract_review)
        f.addRow(self.tr("Suitability review:"), self.suitability_review)
        f.addRow(self.tr("Antecedents checked on:"), self.antecedents_on)
        f.addRow(self.tr("Antecedents result:"), self.antecedents)
        f.addRow(self.tr("Notes:"), self.notes)
        if existing is not None:
            self._fill(existing)
        # Closing has its own action (reason, day, who decided); a closed one stays so.
        if existing is not None and existing.status is SourceStatus.CLOSED:
            self.status.setEnabled(False)
        else:
            self.status.leave_out(SourceStatus.CLOSED)
        self.on_submit = self._save

    def _fill(self, s: SourceOverview) -> None:
        self.codename.setText(s.codename)
        self.kind.set_value(s.kind)
        self.status.set_value(s.status)
        self.motivation.setPlainText(s.motivation)
        self.position.setPlainText(s.information_position)
        self.legal_basis.setText(s.legal_basis)
        self.contracted_on.set_value(s.contracted_on)
        self.contract_review.set_value(s.contract_review_on)
        self.suitability_review.set_value(s.suitability_review_on)
        self.antecedents_on.set_value(s.antecedents_checked_on)
        self.antecedents.setText(s.antecedents_result)
        self.notes.setPlainText(s.notes)

    def draft(self) -> SourceDraft:
        return SourceDraft(
            codename=self.codename.text(),
            kind=self.kind.value(),
            status=self.status.value(),
            motivation=self.motivation.toPlainText(),
            information_position=self.position.toPlainText(),
            legal_basis=self.legal_basis.text(),
            contracted_on=self.contracted_on.value(),
            contract_review_on=self.contract_review.value(),
            suitability_review_on=self.suitability_review.value(),
            antecedents_checked_on=self.antecedents_on.value(),
            antecedents_result=self.antecedents.text(),
            notes=self.notes.toPlainText(),
        )

    def _save(self) -> uuid.UUID:
        vault, scope = self.session.vault, self.session.scope
        if self.existing is None:
            return sources.create_source(vault, scope, self.draft())
        sources.update_source(vault, scope, self.existing.id, self.draft())
        return self.existing.id
