"""Small forms: tasking, closing a tasking, payments and offers, risk
assessments, instructions to the source, reliability reviews."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QWidget

from app.domain.enums import PaymentKind, RiskLevel, TaskingStatus
from app.services.admin import aliases
from app.services.records import tasking, welfare
from app.ui.dialogs.base import FormDialog
from app.ui.session import AppSession
from app.ui.widgets import EnumCombo, OptionalDate, date_edit, qdate_value, text_box


class TaskingDialog(FormDialog):
    def __init__(
        self,
        session: AppSession,
        source_id: uuid.UUID,
        parent: QWidget | None = None,
        debrief_id: uuid.UUID | None = None,
    ) -> None:
        super().__init__(self.tr("New tasking"), parent)
        self.setObjectName("taskingDialog")
        self.keep_typing_as(session, "taskingDialog", debrief_id or source_id)
        self.description = text_box(self.tr("What should the source find out?"), 60)
        self.description.setObjectName("taskingDescription")
        self.limits = text_box(self.tr("Within which limits (what the source must not do)"), 50)
        self.limits.setObjectName("taskingLimits")
        self.deadline = OptionalDate()
        self.deadline.set_value(date.today() + timedelta(days=14))
        self.form.addRow(self.tr("Tasking:"), self.description)
        self.form.addRow(self.tr("Limits:"), self.limits)
        self.form.addRow(self.tr("Deadline:"), self.deadline)
        self.on_submit = lambda: tasking.add_tasking(
            session.vault,
            session.scope,
            source_id,
            self.description.toPlainText(),
            limits=self.limits.toPlainText(),
            deadline=self.deadline.value(),
            debrief_id=debrief_id,
        )


class CloseTaskingDialog(FormDialog):
    def __init__(
        self, session: AppSession, tasking_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Close tasking"), parent)
        self.setObjectName("closeTaskingDialog")
        self.keep_typing_as(session, "closeTaskingDialog", tasking_id)
        self.status = QComboBox()
        self.status.addItem(self.tr("Done"), TaskingStatus.DONE)
        self.status.addItem(self.tr("Cancelled"), TaskingStatus.CANCELLED)
        self.outcome = text_box(self.tr("What came of it"), 60)
        self.form.addRow(self.tr("Result:"), self.status)
        self.form.addRow(self.tr("Outcome:"), self.outcome)
        self.on_submit = lambda: tasking.close_tasking(
            session.vault,
            session.scope,
            tasking_id,
            self.status.currentData(),
            self.outcome.toPlainText(),
        )


class PaymentDialog(FormDialog):
    def __init__(
        self,
        session: AppSession,
        source_id: uuid.UUID,
        parent: QWidget | None = None,
        debrief_id: uuid.UUID | None = None,
    ) -> None:
        super().__init__(self.tr("Payment or offer"), parent)
        self.setObjectName("paymentDialog")
        self.keep_typing_as(session, "paymentDialog", debrief_id or source_id)
        self.kind: EnumCombo[PaymentKind] = EnumCombo(PaymentKind)
        self.amount = QDoubleSpinBox()
        self.amount.setObjectName("paymentAmount")
        self.amount.setRange(0, 1_000_000)
        self.amount.setDecimals(2)
        self.amount.setPrefix("€ ")
        self.reason = QLineEdit()
        self.reason.setObjectName("paymentReason")
        self.on = date_edit()
        self.witness = QComboBox()
        self.witness.setObjectName("paymentWitness")
        self.approver = QComboBox()
        self.witness.addItem(self.tr("— none —"), None)
        self.approver.addItem(self.tr("— none —"), None)
        for alias in aliases.list_cover_names(session.vault):
            if alias.id != session.scope.alias_id:
                self.witness.addItem(alias.name, alias.id)
            self.approver.addItem(alias.name, alias.id)
        self.form.addRow(self.tr("Kind:"), self.kind)
        self.form.addRow(self.tr("Amount:"), self.amount)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.form.addRow(self.tr("Date:"), self.on)
        self.form.addRow(self.tr("Witness (alias):"), self.witness)
        self.form.addRow(self.tr("Approved by (alias):"), self.approver)
        self.on_submit = lambda: tasking.record_payment(
            session.vault,
            session.scope,
            source_id,
            kind=self.kind.value(),
            amount_cents=round(self.amount.value() * 100),
            reason=self.reason.text(),
            occurred_on=qdate_value(self.on),
            witness_alias_id=self.witness.currentData(),
            approved_by_alias_id=self.approver.currentData(),
            debrief_id=debrief_id,
        )


class RiskDialog(FormDialog):
    def __init__(
        self, session: AppSession, source_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Risk assessment"), parent)
        self.setObjectName("riskDialog")
        self.keep_typing_as(session, "riskDialog", source_id)
        self.level: EnumCombo[RiskLevel] = EnumCombo(RiskLevel)
        self.threats = text_box(self.tr("Who could harm the source, and how"), 50)
        self.mitigations = text_box(self.tr("What reduces the risk"), 50)
        self.welfare_notes = text_box(self.tr("Welfare of the source"), 50)
        self.review = date_edit(date.today() + timedelta(days=90))
        self.review.setObjectName("riskReview")
        self.form.addRow(self.tr("Level:"), self.level)
        self.form.addRow(self.tr("Threats:"), self.threats)
        self.form.addRow(self.tr("Mitigations:"), self.mitigations)
        self.form.addRow(self.tr("Welfare:"), self.welfare_notes)
        self.form.addRow(self.tr("Review on:"), self.review)
        self.on_submit = lambda: welfare.assess_risk(
            session.vault,
            session.scope,
            source_id,
            level=self.level.value(),
            review_on=qdate_value(self.review),
            threats=self.threats.toPlainText(),
            mitigations=self.mitigations.toPlainText(),
            welfare_notes=self.welfare_notes.toPlainText(),
        )


class InstructionDialog(FormDialog):
    def __init__(
        self, session: AppSession, source_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Instruction to the source"), parent)
        self.setObjectName("instructionDialog")
        self.keep_typing_as(session, "instructionDialog", source_id)
        self.text = text_box(self.tr("What the source was told they may and may not do"), 80)
        self.form.addRow(self.tr("Instruction:"), self.text)
        self.on_submit = lambda: welfare.give_instruction(
            session.vault, session.scope, source_id, self.text.toPlainText()
        )


class ReliabilityDialog(FormDialog):
    def __init__(
        self, session: AppSession, source_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Reliability review"), parent)
        self.setObjectName("reliabilityDialog")
        self.keep_typing_as(session, "reliabilityDialog", source_id)
        self.evaluation = QComboBox()
        for code, text in (
            ("1", self.tr("1 — Reliable")),
            ("2", self.tr("2 — Untested")),
            ("3", self.tr("3 — Not reliable")),
        ):
            self.evaluation.addItem(text, code)
        self.rationale = text_box(self.tr("Why: what was corroborated or contradicted"), 60)
        self.form.addRow(self.tr("Evaluation:"), self.evaluation)
        self.form.addRow(self.tr("Rationale:"), self.rationale)
        self.on_submit = lambda: welfare.review_reliability(
            session.vault,
            session.scope,
            source_id,
            str(self.evaluation.currentData()),
            self.rationale.toPlainText(),
        )
