"""The record tabs of a source's file (contacts, debriefs, tasking, payments, risk
and welfare): their tables, columns and buttons, built onto the file's view (its
``contacts``, ``debriefs``... attributes). Functions of the view; their texts are
translated in the "SourceFileView" context, as the view's own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.enums import GradingScheme, RiskLevel
from app.domain.grading import scheme
from app.ui.dialogs.records import (
    InstructionDialog,
    PaymentDialog,
    ReliabilityDialog,
    RiskDialog,
    TaskingDialog,
)
from app.ui.labels import grading_label, label
from app.ui.pages.debriefs import CONTACT_ORDER, STATUS_ORDER
from app.ui.record_table import RecordTable
from app.ui.table_models import Column
from app.ui.widgets import local_time, money

if TYPE_CHECKING:
    from app.ui.source_file import SourceFileView


translate = QCoreApplication.translate


def date_text(value: object) -> str:
    """A day, or a dash for none."""
    return value.isoformat() if value is not None else "—"  # type: ignore[attr-defined]


def contacts_tab(view: SourceFileView) -> None:
    view.contacts = RecordTable(
        [
            Column(
                translate("SourceFileView", "When"),
                lambda c: local_time(c.occurred_at),
                key=lambda c: c.occurred_at,
                newest_first=True,
            ),
            Column(translate("SourceFileView", "Kind"), lambda c: label(c.kind)),
            Column(translate("SourceFileView", "Location"), lambda c: c.location_codeword),
            Column(
                translate("SourceFileView", "Minutes"),
                lambda c: str(c.duration_minutes or ""),
                key=lambda c: c.duration_minutes,
            ),
            Column(translate("SourceFileView", "Attendees"), lambda c: ", ".join(c.attendees)),
            Column(translate("SourceFileView", "Safety"), lambda c: c.safety_notes),
        ],
        "contactsTable",
        empty=view._empty(translate("SourceFileView", "No contacts recorded yet.")),
    )
    view.contacts.add_button(
        translate("SourceFileView", "New contact…"), view._new_contact, "newContact"
    )
    view.contacts.add_button(
        translate("SourceFileView", "Debrief this contact"), view._debrief_contact, "debriefContact"
    )
    view.tabs.addTab(view.contacts, translate("SourceFileView", "Contacts"))


def debriefs_tab(view: SourceFileView) -> None:
    view.debriefs = RecordTable(
        [
            Column(
                translate("SourceFileView", "Written"),
                lambda d: local_time(d.created_at),
                key=lambda d: d.created_at,
                newest_first=True,
            ),
            Column(
                translate("SourceFileView", "Status"),
                lambda d: label(d.status),
                key=lambda d: STATUS_ORDER[d.status],
            ),
            Column(
                translate("SourceFileView", "Contact"),
                lambda d: label(d.contact_kind),
                key=lambda d: CONTACT_ORDER.get(d.contact_kind, 0) if d.contact_kind else 0,
            ),
            Column(
                translate("SourceFileView", "Items"),
                lambda d: str(d.item_count),
                key=lambda d: d.item_count,
                newest_first=True,
            ),
        ],
        "sourceDebriefsTable",
        empty=view._empty(translate("SourceFileView", "No debriefs for this source yet.")),
    )
    view.debriefs.view.activated.connect(lambda index: view._open_debrief_row(index.row()))
    view.debriefs.view.doubleClicked.connect(lambda index: view._open_debrief_row(index.row()))
    view.debriefs.add_button(
        translate("SourceFileView", "New debrief"), view._new_debrief, "newDebrief"
    )
    view.debriefs.add_button(
        translate("SourceFileView", "Open"),
        lambda: view._open_debrief_row(view._selected_row()),
        "openDebrief",
        changes=False,
    )
    view.tabs.addTab(view.debriefs, translate("SourceFileView", "Debriefs"))


def tasking_tab(view: SourceFileView) -> None:
    view.taskings = RecordTable(
        [
            Column(
                translate("SourceFileView", "Deadline"),
                lambda t: date_text(t.deadline),
                key=lambda t: t.deadline,
            ),
            Column(translate("SourceFileView", "Status"), lambda t: label(t.status)),
            Column(translate("SourceFileView", "Tasking"), lambda t: t.description),
            Column(translate("SourceFileView", "Limits"), lambda t: t.limits),
            Column(translate("SourceFileView", "Outcome"), lambda t: t.outcome),
        ],
        "taskingTable",
        empty=view._empty(translate("SourceFileView", "No tasking given yet.")),
    )
    view.taskings.add_button(
        translate("SourceFileView", "New tasking…"), view._dialog(TaskingDialog), "newTasking"
    )
    view.taskings.add_button(
        translate("SourceFileView", "Close tasking…"), view._close_tasking, "closeTasking"
    )
    view.tabs.addTab(view.taskings, translate("SourceFileView", "Tasking"))


def payments_tab(view: SourceFileView) -> None:
    view.payments = RecordTable(
        [
            Column(
                translate("SourceFileView", "Date"),
                lambda p: p.occurred_on.isoformat(),
                key=lambda p: p.occurred_on,
                newest_first=True,
            ),
            Column(translate("SourceFileView", "Kind"), lambda p: label(p.kind)),
            Column(
                translate("SourceFileView", "Amount"),
                lambda p: money(p.amount_cents, p.currency),
                key=lambda p: (p.currency, p.amount_cents),
                newest_first=True,
            ),
            Column(translate("SourceFileView", "Witness"), lambda p: p.witness or "—"),
            Column(translate("SourceFileView", "Approved by"), lambda p: p.approved_by or "—"),
            Column(translate("SourceFileView", "Reason"), lambda p: p.reason),
        ],
        "paymentsTable",
        empty=view._empty(translate("SourceFileView", "No payments or offers recorded.")),
    )
    view.payments.add_button(
        translate("SourceFileView", "Record payment or offer…"),
        view._dialog(PaymentDialog),
        "newPayment",
    )
    view.tabs.addTab(view.payments, translate("SourceFileView", "Payments"))


def risk_tab(view: SourceFileView) -> None:
    """Risk assessments, instructions to the source and reliability history."""
    tab = QWidget()
    _risks(view)
    _instructions(view)
    _reliability(view)
    layout = QVBoxLayout(tab)
    for title, widget in (
        (translate("SourceFileView", "Risk assessments"), view.risks),
        (translate("SourceFileView", "Instructions to the source"), view.instructions),
        (translate("SourceFileView", "Reliability history"), view.reliability),
    ):
        layout.addWidget(QLabel(f"<b>{title}</b>"))
        layout.addWidget(widget)
    view.tabs.addTab(tab, translate("SourceFileView", "Risk and welfare"))


def _risks(view: SourceFileView) -> None:
    view.risks = RecordTable(
        [
            Column(
                translate("SourceFileView", "Assessed"),
                lambda r: local_time(r.assessed_at, False),
                key=lambda r: r.assessed_at,
                newest_first=True,
            ),
            Column(
                translate("SourceFileView", "Level"),
                lambda r: label(r.level),
                key=lambda r: list(RiskLevel).index(r.level),
                newest_first=True,
            ),
            Column(
                translate("SourceFileView", "Review on"),
                lambda r: r.review_on.isoformat(),
                key=lambda r: r.review_on,
            ),
            Column(translate("SourceFileView", "Threats"), lambda r: r.threats),
            Column(translate("SourceFileView", "Welfare"), lambda r: r.welfare_notes),
        ],
        "riskTable",
        empty=view._empty(translate("SourceFileView", "No risk assessment yet.")),
    )
    view.risks.add_button(
        translate("SourceFileView", "New risk assessment…"), view._dialog(RiskDialog), "newRisk"
    )


def _instructions(view: SourceFileView) -> None:
    view.instructions = RecordTable(
        [
            Column(
                translate("SourceFileView", "Given"),
                lambda i: local_time(i.given_at, False),
                key=lambda i: i.given_at,
                newest_first=True,
            ),
            Column(
                translate("SourceFileView", "Acknowledged"),
                lambda i: (
                    local_time(i.acknowledged_at, False) or translate("SourceFileView", "not yet")
                ),
            ),
            Column(translate("SourceFileView", "Instruction"), lambda i: i.text),
        ],
        "instructionsTable",
        empty=view._empty(translate("SourceFileView", "No instructions given yet.")),
    )
    view.instructions.add_button(
        translate("SourceFileView", "Give instruction…"),
        view._dialog(InstructionDialog),
        "newInstruction",
    )


def evaluation_text(code: str) -> str:
    """A reliability review's source evaluation with its meaning on the 3x5x2 scale,
    as the review dialog offers it: "2 — Untested"."""
    meaning = scheme(GradingScheme.UK_3X5X2).label("source_evaluation", code)
    return f"{code} — {grading_label(meaning)}" if meaning != code else code


def _reliability(view: SourceFileView) -> None:
    view.reliability = RecordTable(
        [
            Column(
                translate("SourceFileView", "Reviewed"),
                lambda r: local_time(r.reviewed_at, False),
                key=lambda r: r.reviewed_at,
                newest_first=True,
            ),
            Column(
                translate("SourceFileView", "Evaluation"),
                lambda r: evaluation_text(r.evaluation),
                key=lambda r: r.evaluation,
            ),
            Column(translate("SourceFileView", "Rationale"), lambda r: r.rationale),
        ],
        "reliabilityTable",
        empty=view._empty(translate("SourceFileView", "No reliability review yet.")),
    )
    view.reliability.add_button(
        translate("SourceFileView", "Review reliability…"),
        view._dialog(ReliabilityDialog),
        "newReliability",
    )
