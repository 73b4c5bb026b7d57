"""Translated names for the domain's closed vocabularies (enum values)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.models.enums import (
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


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def label(value: Enum | None) -> str:
    if value is None:
        return ""
    table: dict[Enum, str] = {
        SourceKind.INFORMANT: _t("Informant"),
        SourceKind.CIVILIAN_INFORMANT: _t("Civilian informant"),
        SourceKind.CONVERSATION_CONTACT: _t("Conversation contact"),
        SourceStatus.CANDIDATE: _t("Candidate"),
        SourceStatus.UNDER_ASSESSMENT: _t("Under assessment"),
        SourceStatus.ACTIVE: _t("Active"),
        SourceStatus.SUSPENDED: _t("Suspended"),
        SourceStatus.CLOSED: _t("Closed"),
        ContactKind.MEETING: _t("Meeting"),
        ContactKind.CALL: _t("Call"),
        ContactKind.MESSAGE: _t("Message"),
        DebriefStatus.DRAFT: _t("Draft"),
        DebriefStatus.SUBMITTED: _t("Submitted"),
        DebriefStatus.APPROVED: _t("Approved"),
        DebriefStatus.RETURNED: _t("Returned"),
        GradingScheme.UK_3X5X2: _t("3x5x2 (default)"),
        GradingScheme.UK_5X5X5: _t("5x5x5"),
        GradingScheme.ADMIRALTY: _t("Admiralty (NATO)"),
        Corroboration.UNCHECKED: _t("Not yet checked"),
        Corroboration.CORROBORATED: _t("Corroborated"),
        Corroboration.CONTRADICTED: _t("Contradicted"),
        SubjectKind.PERSON: _t("Person"),
        SubjectKind.PLACE: _t("Place"),
        SubjectKind.VEHICLE: _t("Vehicle"),
        SubjectKind.ORGANISATION: _t("Organisation"),
        TaskingStatus.OPEN: _t("Open"),
        TaskingStatus.DONE: _t("Done"),
        TaskingStatus.CANCELLED: _t("Cancelled"),
        PaymentKind.REWARD: _t("Reward"),
        PaymentKind.EXPENSE: _t("Expense"),
        PaymentKind.OFFER: _t("Offer"),
        RiskLevel.LOW: _t("Low"),
        RiskLevel.MEDIUM: _t("Medium"),
        RiskLevel.HIGH: _t("High"),
        RiskLevel.CRITICAL: _t("Critical"),
    }
    return table.get(value, str(value.value))


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
    QT_TRANSLATE_NOOP("Grading", "Special handling conditions"),
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
