"""What audit actions are called on screen. The log stores stable codes
(``debrief.submitted``); the audit page shows them in words, translated, with the
code in the tooltip. An unknown code (a newer version's) is shown as it is."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_ACTIONS: dict[str, object] = {  # QT_TRANSLATE_NOOP marks the text for lupdate
    "alias.created": QT_TRANSLATE_NOOP("AuditActions", "Alias added"),
    "alias.switched": QT_TRANSLATE_NOOP("AuditActions", "Alias switched"),
    "audit.anchor_mismatch": QT_TRANSLATE_NOOP("AuditActions", "Audit anchor mismatch"),
    "compartment.member_added": QT_TRANSLATE_NOOP("AuditActions", "Access to file given"),
    "contact.recorded": QT_TRANSLATE_NOOP("AuditActions", "Contact recorded"),
    "contact.finished": QT_TRANSLATE_NOOP("AuditActions", "Meeting ended"),
    "debrief.created": QT_TRANSLATE_NOOP("AuditActions", "Debrief started"),
    "debrief.draft_saved": QT_TRANSLATE_NOOP("AuditActions", "Draft saved"),
    "debrief.item_added": QT_TRANSLATE_NOOP("AuditActions", "Item added"),
    "debrief.item_updated": QT_TRANSLATE_NOOP("AuditActions", "Item changed"),
    "debrief.item_removed": QT_TRANSLATE_NOOP("AuditActions", "Item removed"),
    "debrief.submitted": QT_TRANSLATE_NOOP("AuditActions", "Debrief submitted"),
    "debrief.returned": QT_TRANSLATE_NOOP("AuditActions", "Debrief returned"),
    "debrief.approved": QT_TRANSLATE_NOOP("AuditActions", "Debrief approved"),
    "debrief.addendum_added": QT_TRANSLATE_NOOP("AuditActions", "Addendum added"),
    "demo.generated": QT_TRANSLATE_NOOP("AuditActions", "Demo data generated"),
    "identity.recorded": QT_TRANSLATE_NOOP("AuditActions", "Identity recorded"),
    "identity.replaced": QT_TRANSLATE_NOOP("AuditActions", "Identity replaced"),
    "identity.revealed": QT_TRANSLATE_NOOP("AuditActions", "Identity revealed"),
    "identity.reveal_refused": QT_TRANSLATE_NOOP("AuditActions", "Identity reveal refused"),
    "instruction.given": QT_TRANSLATE_NOOP("AuditActions", "Instruction given"),
    "instruction.acknowledged": QT_TRANSLATE_NOOP("AuditActions", "Instruction acknowledged"),
    "payment.recorded": QT_TRANSLATE_NOOP("AuditActions", "Payment recorded"),
    "reliability.reviewed": QT_TRANSLATE_NOOP("AuditActions", "Reliability reviewed"),
    "risk.assessed": QT_TRANSLATE_NOOP("AuditActions", "Risk assessed"),
    "source.created": QT_TRANSLATE_NOOP("AuditActions", "Source file opened"),
    "source.updated": QT_TRANSLATE_NOOP("AuditActions", "Source file changed"),
    "tasking.added": QT_TRANSLATE_NOOP("AuditActions", "Tasking given"),
    "tasking.closed": QT_TRANSLATE_NOOP("AuditActions", "Tasking closed"),
    "settings.changed": QT_TRANSLATE_NOOP("AuditActions", "Settings changed"),
    "report.issued": QT_TRANSLATE_NOOP("AuditActions", "Report issued"),
    "report.printed": QT_TRANSLATE_NOOP("AuditActions", "Report printed"),
    "report.saved": QT_TRANSLATE_NOOP("AuditActions", "Report saved as PDF"),
    "report.verified": QT_TRANSLATE_NOOP("AuditActions", "Report verified"),
    "report.approval_previewed": QT_TRANSLATE_NOOP("AuditActions", "Sanitised report previewed"),
    "report.sanitised_requested": QT_TRANSLATE_NOOP("AuditActions", "Sanitised report requested"),
    "report.sanitised_refused": QT_TRANSLATE_NOOP("AuditActions", "Sanitised report refused"),
    "report.sanitised_approved": QT_TRANSLATE_NOOP("AuditActions", "Sanitised report approved"),
    "report.sanitised_rejected": QT_TRANSLATE_NOOP("AuditActions", "Sanitised report rejected"),
    "vault.created": QT_TRANSLATE_NOOP("AuditActions", "Vault created"),
    "vault.unlocked": QT_TRANSLATE_NOOP("AuditActions", "Vault unlocked"),
    "vault.unlock_failed": QT_TRANSLATE_NOOP("AuditActions", "Unlock failed"),
    "vault.locked": QT_TRANSLATE_NOOP("AuditActions", "Vault locked"),
    "vault.checked": QT_TRANSLATE_NOOP("AuditActions", "Vault checked"),
    "vault.rebuilt": QT_TRANSLATE_NOOP("AuditActions", "Vault file rebuilt after a purge"),
    "vault.passphrase_changed": QT_TRANSLATE_NOOP("AuditActions", "Passphrase changed"),
}


_RECORDS: dict[str, object] = {
    "alias": QT_TRANSLATE_NOOP("AuditRecords", "alias"),
    "compartment": QT_TRANSLATE_NOOP("AuditRecords", "file access"),
    "contact": QT_TRANSLATE_NOOP("AuditRecords", "contact"),
    "debrief": QT_TRANSLATE_NOOP("AuditRecords", "debrief"),
    "identity": QT_TRANSLATE_NOOP("AuditRecords", "identity"),
    "instruction": QT_TRANSLATE_NOOP("AuditRecords", "instruction"),
    "payment": QT_TRANSLATE_NOOP("AuditRecords", "payment"),
    "reliability_review": QT_TRANSLATE_NOOP("AuditRecords", "reliability review"),
    "report": QT_TRANSLATE_NOOP("AuditRecords", "report"),
    "report_approval": QT_TRANSLATE_NOOP("AuditRecords", "report approval"),
    "risk_assessment": QT_TRANSLATE_NOOP("AuditRecords", "risk assessment"),
    "source": QT_TRANSLATE_NOOP("AuditRecords", "source"),
    "tasking": QT_TRANSLATE_NOOP("AuditRecords", "tasking"),
}


def record_label(code: str) -> str:
    text = _RECORDS.get(code)
    return QCoreApplication.translate("AuditRecords", str(text)) if text else code


def action_label(code: str) -> str:
    text = _ACTIONS.get(code)
    return QCoreApplication.translate("AuditActions", str(text)) if text else code
