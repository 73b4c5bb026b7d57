"""Translated names for the domain's closed vocabularies (enum values)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.enums import (
    ContactKind,
    Corroboration,
    DebriefStatus,
    GradingScheme,
    PaymentKind,
    RiskLevel,
    SourceKind,
    SourceStatus,
    SubjectKind,
    TaskingStatus,
)


def label(value: Enum | None) -> str:
    if value is None:
        return ""
    table: dict[Enum, object] = {  # QT_TRANSLATE_NOOP marks the text for lupdate
        SourceKind.INFORMANT: QT_TRANSLATE_NOOP("Labels", "Informant"),
        SourceKind.CIVILIAN_INFORMANT: QT_TRANSLATE_NOOP("Labels", "Civilian informant"),
        SourceKind.CONVERSATION_CONTACT: QT_TRANSLATE_NOOP("Labels", "Conversation contact"),
        SourceStatus.CANDIDATE: QT_TRANSLATE_NOOP("Labels", "Candidate"),
        SourceStatus.UNDER_ASSESSMENT: QT_TRANSLATE_NOOP("Labels", "Under assessment"),
        SourceStatus.ACTIVE: QT_TRANSLATE_NOOP("Labels", "Active"),
        SourceStatus.SUSPENDED: QT_TRANSLATE_NOOP("Labels", "Suspended"),
        SourceStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
        ContactKind.MEETING: QT_TRANSLATE_NOOP("Labels", "Meeting"),
        ContactKind.CALL: QT_TRANSLATE_NOOP("Labels", "Call"),
        ContactKind.MESSAGE: QT_TRANSLATE_NOOP("Labels", "Message"),
        DebriefStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
        DebriefStatus.SUBMITTED: QT_TRANSLATE_NOOP("Labels", "Submitted"),
        DebriefStatus.APPROVED: QT_TRANSLATE_NOOP("Labels", "Approved"),
        DebriefStatus.RETURNED: QT_TRANSLATE_NOOP("Labels", "Returned"),
        GradingScheme.UK_3X5X2: QT_TRANSLATE_NOOP("Labels", "3x5x2 (default)"),
        GradingScheme.UK_5X5X5: QT_TRANSLATE_NOOP("Labels", "5x5x5"),
        GradingScheme.ADMIRALTY: QT_TRANSLATE_NOOP("Labels", "Admiralty (NATO)"),
        Corroboration.UNCHECKED: QT_TRANSLATE_NOOP("Labels", "Not yet checked"),
        Corroboration.CORROBORATED: QT_TRANSLATE_NOOP("Labels", "Corroborated"),
        Corroboration.CONTRADICTED: QT_TRANSLATE_NOOP("Labels", "Contradicted"),
        SubjectKind.PERSON: QT_TRANSLATE_NOOP("Labels", "Person"),
        SubjectKind.PLACE: QT_TRANSLATE_NOOP("Labels", "Place"),
        SubjectKind.VEHICLE: QT_TRANSLATE_NOOP("Labels", "Vehicle"),
        SubjectKind.ORGANISATION: QT_TRANSLATE_NOOP("Labels", "Organisation"),
        TaskingStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
        TaskingStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
        TaskingStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
        PaymentKind.REWARD: QT_TRANSLATE_NOOP("Labels", "Reward"),
        PaymentKind.EXPENSE: QT_TRANSLATE_NOOP("Labels", "Expense"),
        PaymentKind.OFFER: QT_TRANSLATE_NOOP("Labels", "Offer"),
        RiskLevel.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
        RiskLevel.MEDIUM: QT_TRANSLATE_NOOP("Labels", "Medium"),
        RiskLevel.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
        RiskLevel.CRITICAL: QT_TRANSLATE_NOOP("Labels", "Critical"),
    }
    source = table.get(value)
    return QCoreApplication.translate("Labels", str(source)) if source else str(value.value)


def grading_label(text: str) -> str:
    """A grading code's meaning (English text from app.domain.grading), translated."""
    return QCoreApplication.translate("Grading", text)


# For lupdate: the grading texts of app.domain.grading, marked for translation.
_GRADING_TEXTS = (
    QT_TRANSLATE_NOOP("Grading", "Reliable"),
    QT_TRANSLATE_NOOP("Grading", "Untested"),
    QT_TRANSLATE_NOOP("Grading", "Not reliable"),
    QT_TRANSLATE_NOOP("Grading", "Known directly to the source"),
    QT_TRANSLATE_NOOP("Grading", "Known indirectly to the source but corroborated"),
    QT_TRANSLATE_NOOP("Grading", "Known indirectly to the source"),
    QT_TRANSLATE_NOOP("Grading", "Not known"),
    QT_TRANSLATE_NOOP("Grading", "Suspected to be false or malicious"),
    QT_TRANSLATE_NOOP("Grading", "Lawful sharing permitted"),
    QT_TRANSLATE_NOOP("Grading", "Lawful sharing permitted with conditions"),
    QT_TRANSLATE_NOOP("Grading", "Always reliable"),
    QT_TRANSLATE_NOOP("Grading", "Mostly reliable"),
    QT_TRANSLATE_NOOP("Grading", "Sometimes reliable"),
    QT_TRANSLATE_NOOP("Grading", "Unreliable"),
    QT_TRANSLATE_NOOP("Grading", "Untested source"),
    QT_TRANSLATE_NOOP("Grading", "Known to be true without reservation"),
    QT_TRANSLATE_NOOP("Grading", "Known personally to the source but not to the officer"),
    QT_TRANSLATE_NOOP("Grading", "Not personally known to the source but corroborated"),
    QT_TRANSLATE_NOOP("Grading", "Cannot be judged"),
    QT_TRANSLATE_NOOP("Grading", "Suspected to be false"),
    QT_TRANSLATE_NOOP("Grading", "May be disseminated to other law enforcement agencies"),
    QT_TRANSLATE_NOOP("Grading", "May be disseminated to non-prosecuting parties"),
    QT_TRANSLATE_NOOP("Grading", "May be disseminated to non-EU agencies"),
    QT_TRANSLATE_NOOP("Grading", "Only within the originating agency"),
    QT_TRANSLATE_NOOP(
        "Grading",
        "No further dissemination: refer to the originator; special handling requirements imposed by the officer who authorised collection",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP("Grading", "Completely reliable"),
    QT_TRANSLATE_NOOP("Grading", "Usually reliable"),
    QT_TRANSLATE_NOOP("Grading", "Fairly reliable"),
    QT_TRANSLATE_NOOP("Grading", "Not usually reliable"),
    QT_TRANSLATE_NOOP("Grading", "Reliability cannot be judged"),
    QT_TRANSLATE_NOOP("Grading", "Confirmed by other sources"),
    QT_TRANSLATE_NOOP("Grading", "Probably true"),
    QT_TRANSLATE_NOOP("Grading", "Possibly true"),
    QT_TRANSLATE_NOOP("Grading", "Doubtful"),
    QT_TRANSLATE_NOOP("Grading", "Improbable"),
    QT_TRANSLATE_NOOP("Grading", "Truth cannot be judged"),
)
