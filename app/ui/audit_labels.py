"""What the audit log says on screen. The log stores stable codes
(``debrief.submitted``, ``{"rule": "secure_delete"}``); the audit page shows every
event in words, translated, and its details as "field: value" lines with the
field names and the coded values translated too. Nothing is shown as JSON.

tests/ui/test_audit_labels.py fails on any action or detail an audit call can write without words
here. An unknown code (a newer version's, a runner's imported event) shows as words made from it."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from app.ui.widgets import file_size

_ACTIONS: dict[str, object] = {  # QT_TRANSLATE_NOOP marks the text for lupdate
    "alias.created": QT_TRANSLATE_NOOP("AuditActions", "Alias added"),
    "alias.switched": QT_TRANSLATE_NOOP("AuditActions", "Alias switched"),
    "alias.renamed": QT_TRANSLATE_NOOP("AuditActions", "Alias renamed"),
    "attachment.added": QT_TRANSLATE_NOOP("AuditActions", "File attached"),
    "attachment.viewed": QT_TRANSLATE_NOOP("AuditActions", "Attached file viewed"),
    "attachment.saved": QT_TRANSLATE_NOOP("AuditActions", "Unencrypted copy of a file saved"),
    "attachment.removed": QT_TRANSLATE_NOOP("AuditActions", "Attached file removed"),
    "audit.anchor_mismatch": QT_TRANSLATE_NOOP("AuditActions", "Audit anchor mismatch"),
    "compartment.member_added": QT_TRANSLATE_NOOP("AuditActions", "Access to file given"),
    "contact.recorded": QT_TRANSLATE_NOOP("AuditActions", "Contact recorded"),
    "deconfliction.notice_imported": QT_TRANSLATE_NOOP(
        "AuditActions", "Deconfliction notice taken in"
    ),
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
    "debrief.purged": QT_TRANSLATE_NOOP(
        "AuditActions", "Debrief deleted from this vault after a receipt"
    ),
    "demo.generated": QT_TRANSLATE_NOOP("AuditActions", "Demo data generated"),
    "identity.recorded": QT_TRANSLATE_NOOP("AuditActions", "Identity recorded"),
    "identity.replaced": QT_TRANSLATE_NOOP("AuditActions", "Identity replaced"),
    "identity.revealed": QT_TRANSLATE_NOOP("AuditActions", "Identity revealed"),
    "identity.reveal_refused": QT_TRANSLATE_NOOP("AuditActions", "Identity reveal refused"),
    "instruction.given": QT_TRANSLATE_NOOP("AuditActions", "Instruction given"),
    "instruction.acknowledged": QT_TRANSLATE_NOOP("AuditActions", "Instruction acknowledged"),
    "keys.generated": QT_TRANSLATE_NOOP("AuditActions", "This vault's keys made"),
    "keys.peer_added": QT_TRANSLATE_NOOP("AuditActions", "Key added after comparing"),
    "keys.peer_retired": QT_TRANSLATE_NOOP("AuditActions", "Key retired"),
    "meeting.discarded": QT_TRANSLATE_NOOP(
        "AuditActions", "Meeting discarded (started by mistake)"
    ),
    "package.exported": QT_TRANSLATE_NOOP("AuditActions", "Package sealed and sent"),
    "package.written_again": QT_TRANSLATE_NOOP("AuditActions", "Package written again"),
    "package.verified": QT_TRANSLATE_NOOP("AuditActions", "Package checked"),
    "package.imported": QT_TRANSLATE_NOOP("AuditActions", "Package imported"),
    "package.refused": QT_TRANSLATE_NOOP("AuditActions", "Package refused"),
    "payment.recorded": QT_TRANSLATE_NOOP("AuditActions", "Payment recorded"),
    "receipt.issued": QT_TRANSLATE_NOOP("AuditActions", "Receipt issued"),
    "receipt.imported": QT_TRANSLATE_NOOP("AuditActions", "Receipt taken in"),
    "receipt.refused": QT_TRANSLATE_NOOP("AuditActions", "Receipt refused"),
    "reliability.reviewed": QT_TRANSLATE_NOOP("AuditActions", "Reliability reviewed"),
    "risk.assessed": QT_TRANSLATE_NOOP("AuditActions", "Risk assessed"),
    "source.created": QT_TRANSLATE_NOOP("AuditActions", "Source file opened"),
    "source.updated": QT_TRANSLATE_NOOP("AuditActions", "Source file changed"),
    "source.closed": QT_TRANSLATE_NOOP("AuditActions", "Registration closed"),
    "tasking.added": QT_TRANSLATE_NOOP("AuditActions", "Tasking given"),
    "tasking.closed": QT_TRANSLATE_NOOP("AuditActions", "Tasking closed"),
    "source.handed_over": QT_TRANSLATE_NOOP("AuditActions", "Source handed over to another runner"),
    "source.handover_refused": QT_TRANSLATE_NOOP("AuditActions", "Handover of a source refused"),
    "source.handover_confirmed": QT_TRANSLATE_NOOP(
        "AuditActions", "Handover confirmed by the new runner"
    ),
    "source.purged_after_handover": QT_TRANSLATE_NOOP(
        "AuditActions", "Source deleted from this vault after its handover"
    ),
    "source.taken_over": QT_TRANSLATE_NOOP("AuditActions", "Source taken over from another runner"),
    "source.runner_changed": QT_TRANSLATE_NOOP("AuditActions", "Source now run by another runner"),
    "identity.handed_over": QT_TRANSLATE_NOOP("AuditActions", "Identity sealed for the new runner"),
    "identity.received": QT_TRANSLATE_NOOP("AuditActions", "Identity received in a handover"),
    "settings.changed": QT_TRANSLATE_NOOP("AuditActions", "Settings changed"),
    "report.issued": QT_TRANSLATE_NOOP("AuditActions", "Report issued"),
    "report.printed": QT_TRANSLATE_NOOP("AuditActions", "Report printed"),
    "report.saved": QT_TRANSLATE_NOOP("AuditActions", "Report saved as PDF"),
    "report.management_saved": QT_TRANSLATE_NOOP("AuditActions", "Management report saved as PDF"),
    "report.verified": QT_TRANSLATE_NOOP("AuditActions", "Report verified"),
    "report.approval_previewed": QT_TRANSLATE_NOOP("AuditActions", "Sanitised report previewed"),
    "report.sanitised_requested": QT_TRANSLATE_NOOP("AuditActions", "Sanitised report requested"),
    "report.sanitised_refused": QT_TRANSLATE_NOOP("AuditActions", "Sanitised report refused"),
    "report.sanitised_approved": QT_TRANSLATE_NOOP("AuditActions", "Sanitised report approved"),
    "report.sanitised_rejected": QT_TRANSLATE_NOOP("AuditActions", "Sanitised report rejected"),
    "report.issue_unsaved": QT_TRANSLATE_NOOP(
        "AuditActions", "Sanitised report not written; its approval may be used again"
    ),
    "vault.created": QT_TRANSLATE_NOOP("AuditActions", "Vault created"),
    "vault.unlocked": QT_TRANSLATE_NOOP("AuditActions", "Vault unlocked"),
    "vault.unlock_failed": QT_TRANSLATE_NOOP("AuditActions", "Unlock failed"),
    "vault.locked": QT_TRANSLATE_NOOP("AuditActions", "Vault locked"),
    "vault.checked": QT_TRANSLATE_NOOP("AuditActions", "Vault checked"),
    "vault.rebuilt": QT_TRANSLATE_NOOP("AuditActions", "Vault file rebuilt after a purge"),
    "vault.passphrase_changed": QT_TRANSLATE_NOOP("AuditActions", "Passphrase changed"),
    "deconfliction.key_received": QT_TRANSLATE_NOOP("AuditActions", "Deconfliction key received"),
    "deconfliction.key_forwarded": QT_TRANSLATE_NOOP(
        "AuditActions", "Deconfliction key sent to a runner"
    ),
    "deconfliction.tokens_recomputed": QT_TRANSLATE_NOOP(
        "AuditActions", "Deconfliction tokens recomputed"
    ),
    "deconfliction.recompute_refused": QT_TRANSLATE_NOOP(
        "AuditActions", "Recomputing deconfliction tokens refused"
    ),
    "deconfliction.keys_forgotten": QT_TRANSLATE_NOOP(
        "AuditActions", "Replaced deconfliction keys forgotten"
    ),
}


_RECORDS: dict[str, object] = {
    "alias": QT_TRANSLATE_NOOP("AuditRecords", "alias"),
    "compartment": QT_TRANSLATE_NOOP("AuditRecords", "file access"),
    "contact": QT_TRANSLATE_NOOP("AuditRecords", "contact"),
    "deconfliction_key": QT_TRANSLATE_NOOP("AuditRecords", "deconfliction key"),
    "debrief": QT_TRANSLATE_NOOP("AuditRecords", "debrief"),
    "identity": QT_TRANSLATE_NOOP("AuditRecords", "identity"),
    "instruction": QT_TRANSLATE_NOOP("AuditRecords", "instruction"),
    "keys": QT_TRANSLATE_NOOP("AuditRecords", "this vault's keys"),
    "package": QT_TRANSLATE_NOOP("AuditRecords", "package"),
    "payment": QT_TRANSLATE_NOOP("AuditRecords", "payment"),
    "peer": QT_TRANSLATE_NOOP("AuditRecords", "someone's key"),
    "reliability_review": QT_TRANSLATE_NOOP("AuditRecords", "reliability review"),
    "report": QT_TRANSLATE_NOOP("AuditRecords", "report"),
    "report_approval": QT_TRANSLATE_NOOP("AuditRecords", "report approval"),
    "risk_assessment": QT_TRANSLATE_NOOP("AuditRecords", "risk assessment"),
    "source": QT_TRANSLATE_NOOP("AuditRecords", "source"),
    "tasking": QT_TRANSLATE_NOOP("AuditRecords", "tasking"),
}

# The names of the detail fields.
_FIELDS: dict[str, object] = {
    "addendum_id": QT_TRANSLATE_NOOP("AuditFields", "addendum"),
    "after": QT_TRANSLATE_NOOP("AuditFields", "after"),
    "alias_id": QT_TRANSLATE_NOOP("AuditFields", "alias"),
    "already": QT_TRANSLATE_NOOP("AuditFields", "already confirmed"),
    "approval_id": QT_TRANSLATE_NOOP("AuditFields", "approval"),
    "arrival": QT_TRANSLATE_NOOP("AuditFields", "arrival"),
    "attachment": QT_TRANSLATE_NOOP("AuditFields", "file"),
    "attempted_at": QT_TRANSLATE_NOOP("AuditFields", "attempted at"),
    "body_sha256": QT_TRANSLATE_NOOP("AuditFields", "text checksum"),
    "by": QT_TRANSLATE_NOOP("AuditFields", "by way of"),
    "can_act": QT_TRANSLATE_NOOP("AuditFields", "can act"),
    "matches": QT_TRANSLATE_NOOP("AuditFields", "matches"),
    "open": QT_TRANSLATE_NOOP("AuditFields", "still open"),
    "closed_on": QT_TRANSLATE_NOOP("AuditFields", "decided on"),
    "confirmed": QT_TRANSLATE_NOOP("AuditFields", "confirmed"),
    "contact": QT_TRANSLATE_NOOP("AuditFields", "contact"),
    "content_sha256": QT_TRANSLATE_NOOP("AuditFields", "content checksum"),
    "copies": QT_TRANSLATE_NOOP("AuditFields", "copies"),
    "debrief": QT_TRANSLATE_NOOP("AuditFields", "debrief"),
    "debriefs": QT_TRANSLATE_NOOP("AuditFields", "debriefs"),
    "demo": QT_TRANSLATE_NOOP("AuditFields", "demo data"),
    "device_factor": QT_TRANSLATE_NOOP("AuditFields", "second factor"),
    "fields": QT_TRANSLATE_NOOP("AuditFields", "changed"),
    "file_records": QT_TRANSLATE_NOOP("AuditFields", "records of source files"),
    "fingerprint": QT_TRANSLATE_NOOP("AuditFields", "key"),
    "former_alias_id": QT_TRANSLATE_NOOP("AuditFields", "former name kept"),
    "from": QT_TRANSLATE_NOOP("AuditFields", "from"),
    "handover_package": QT_TRANSLATE_NOOP("AuditFields", "handover package"),
    "hits": QT_TRANSLATE_NOOP("AuditFields", "identifying strings"),
    "identity": QT_TRANSLATE_NOOP("AuditFields", "with the identity"),
    "identity_checked": QT_TRANSLATE_NOOP("AuditFields", "checked against identities"),
    "item_id": QT_TRANSLATE_NOOP("AuditFields", "item"),
    "items": QT_TRANSLATE_NOOP("AuditFields", "items"),
    "keys": QT_TRANSLATE_NOOP("AuditFields", "changed"),
    "key_ids": QT_TRANSLATE_NOOP("AuditFields", "deconfliction keys"),
    "kind": QT_TRANSLATE_NOOP("AuditFields", "kind"),
    "level": QT_TRANSLATE_NOOP("AuditFields", "level"),
    "marking": QT_TRANSLATE_NOOP("AuditFields", "marking"),
    "members": QT_TRANSLATE_NOOP("AuditFields", "people with access"),
    "minutes": QT_TRANSLATE_NOOP("AuditFields", "minutes after its start"),
    "new": QT_TRANSLATE_NOOP("AuditFields", "new"),
    "shared_codenames": QT_TRANSLATE_NOOP("AuditFields", "codenames another source has"),
    "note_lost": QT_TRANSLATE_NOOP("AuditFields", "note lost"),
    "ok": QT_TRANSLATE_NOOP("AuditFields", "unaltered"),
    "older": QT_TRANSLATE_NOOP("AuditFields", "older versions"),
    "package": QT_TRANSLATE_NOOP("AuditFields", "confirmed in package"),
    "package_id": QT_TRANSLATE_NOOP("AuditFields", "package"),
    "packages": QT_TRANSLATE_NOOP("AuditFields", "packages"),
    "pages": QT_TRANSLATE_NOOP("AuditFields", "pages"),
    "pdf_sha256": QT_TRANSLATE_NOOP("AuditFields", "PDF checksum"),
    "period": QT_TRANSLATE_NOOP("AuditFields", "period"),
    "previous": QT_TRANSLATE_NOOP("AuditFields", "was"),
    "problem": QT_TRANSLATE_NOOP("AuditFields", "problem"),
    "reason": QT_TRANSLATE_NOOP("AuditFields", "reason"),
    "replaced": QT_TRANSLATE_NOOP("AuditFields", "replaces key"),
    "report_id": QT_TRANSLATE_NOOP("AuditFields", "report"),
    "records": QT_TRANSLATE_NOOP("AuditFields", "records"),
    "recipients": QT_TRANSLATE_NOOP("AuditFields", "recipients"),
    "result": QT_TRANSLATE_NOOP("AuditFields", "result"),
    "reviews": QT_TRANSLATE_NOOP("AuditFields", "reviews"),
    "role": QT_TRANSLATE_NOOP("AuditFields", "role"),
    "rule": QT_TRANSLATE_NOOP("AuditFields", "rule"),
    "runner": QT_TRANSLATE_NOOP("AuditFields", "runner"),
    "seed": QT_TRANSLATE_NOOP("AuditFields", "seed"),
    "sender": QT_TRANSLATE_NOOP("AuditFields", "sender"),
    "sequence": QT_TRANSLATE_NOOP("AuditFields", "number"),
    "sha256": QT_TRANSLATE_NOOP("AuditFields", "checksum"),
    "size": QT_TRANSLATE_NOOP("AuditFields", "size"),
    "skipped_debriefs": QT_TRANSLATE_NOOP("AuditFields", "debriefs left out"),
    "sources": QT_TRANSLATE_NOOP("AuditFields", "sources"),
    "stage": QT_TRANSLATE_NOOP("AuditFields", "when"),
    "status": QT_TRANSLATE_NOOP("AuditFields", "status"),
    "to": QT_TRANSLATE_NOOP("AuditFields", "to"),
    "today": QT_TRANSLATE_NOOP("AuditFields", "as of"),
    "token_sources": QT_TRANSLATE_NOOP("AuditFields", "sources sent for their tokens"),
    "tokens": QT_TRANSLATE_NOOP("AuditFields", "tokens"),
    "unchanged": QT_TRANSLATE_NOOP("AuditFields", "unchanged"),
    "unencrypted": QT_TRANSLATE_NOOP("AuditFields", "unencrypted"),
    "updated": QT_TRANSLATE_NOOP("AuditFields", "newer versions"),
    "version": QT_TRANSLATE_NOOP("AuditFields", "format version"),
    "why": QT_TRANSLATE_NOOP("AuditFields", "why"),
    "withheld_items": QT_TRANSLATE_NOOP("AuditFields", "items withheld"),
}

# Coded values, by what they are.
_VALUES: dict[str, dict[str, object]] = {
    "role": {
        "runner": QT_TRANSLATE_NOOP("AuditValues", "runner"),
        "handler": QT_TRANSLATE_NOOP("AuditValues", "team handler"),
        "central": QT_TRANSLATE_NOOP("AuditValues", "central system"),
    },
    "kind": {
        "meeting": QT_TRANSLATE_NOOP("AuditValues", "meeting"),
        "call": QT_TRANSLATE_NOOP("AuditValues", "call"),
        "message": QT_TRANSLATE_NOOP("AuditValues", "message"),
        "internal": QT_TRANSLATE_NOOP("AuditValues", "internal"),
        "sanitised": QT_TRANSLATE_NOOP("AuditValues", "sanitised"),
        "management": QT_TRANSLATE_NOOP("AuditValues", "management information"),
        "reward": QT_TRANSLATE_NOOP("AuditValues", "reward"),
        "expense": QT_TRANSLATE_NOOP("AuditValues", "expense"),
        "offer": QT_TRANSLATE_NOOP("AuditValues", "offer"),
    },
    "status": {  # a tasking's, or how a package arrived
        "open": QT_TRANSLATE_NOOP("AuditValues", "open"),
        "done": QT_TRANSLATE_NOOP("AuditValues", "done"),
        "cancelled": QT_TRANSLATE_NOOP("AuditValues", "cancelled"),
        "new": QT_TRANSLATE_NOOP("AuditValues", "in order"),
        "late": QT_TRANSLATE_NOOP("AuditValues", "late, fills a gap"),
        "gap": QT_TRANSLATE_NOOP("AuditValues", "after a gap"),
        "already imported": QT_TRANSLATE_NOOP("AuditValues", "already imported"),
        "conflict": QT_TRANSLATE_NOOP("AuditValues", "number already used"),
    },
    "previous": {
        "draft": QT_TRANSLATE_NOOP("AuditValues", "draft"),
        "submitted": QT_TRANSLATE_NOOP("AuditValues", "submitted"),
        "approved": QT_TRANSLATE_NOOP("AuditValues", "approved"),
        "returned": QT_TRANSLATE_NOOP("AuditValues", "returned"),
    },
    "level": {
        "low": QT_TRANSLATE_NOOP("AuditValues", "low"),
        "medium": QT_TRANSLATE_NOOP("AuditValues", "medium"),
        "high": QT_TRANSLATE_NOOP("AuditValues", "high"),
        "critical": QT_TRANSLATE_NOOP("AuditValues", "critical"),
    },
    "rule": {
        "keep": QT_TRANSLATE_NOOP("AuditValues", "keep everything"),
        "delete": QT_TRANSLATE_NOOP("AuditValues", "delete"),
        "secure_delete": QT_TRANSLATE_NOOP("AuditValues", "delete, leaving no trace"),
    },
    "lock": {  # why the vault was locked
        "manual": QT_TRANSLATE_NOOP("AuditValues", "locked by hand"),
        "idle": QT_TRANSLATE_NOOP("AuditValues", "no activity"),
        "panic": QT_TRANSLATE_NOOP("AuditValues", "panic key"),
        "quit": QT_TRANSLATE_NOOP("AuditValues", "app closed"),
        "closed": QT_TRANSLATE_NOOP("AuditValues", "app closed"),
        "check": QT_TRANSLATE_NOOP("AuditValues", "after a check"),
        "cli": QT_TRANSLATE_NOOP("AuditValues", "command line"),
    },
    "why": {"wrong passphrase": QT_TRANSLATE_NOOP("AuditValues", "wrong passphrase")},
    "after": {"purge": QT_TRANSLATE_NOOP("AuditValues", "deleting after a receipt")},
    "by": {"receipt": QT_TRANSLATE_NOOP("AuditValues", "a receipt")},
    "stage": {
        "request": QT_TRANSLATE_NOOP("AuditValues", "on request"),
        "issue": QT_TRANSLATE_NOOP("AuditValues", "on issue"),
    },
    "result": {
        "unaltered": QT_TRANSLATE_NOOP("AuditValues", "issued here, unaltered"),
        "altered": QT_TRANSLATE_NOOP("AuditValues", "issued here, but altered"),
        "unknown": QT_TRANSLATE_NOOP("AuditValues", "not issued here"),
    },
    "text field": {  # a debrief's or a source file's fields
        "narrative": QT_TRANSLATE_NOOP("AuditValues", "narrative"),
        "welfare_observations": QT_TRANSLATE_NOOP("AuditValues", "welfare"),
        "security_observations": QT_TRANSLATE_NOOP("AuditValues", "security"),
        "runner_assessment": QT_TRANSLATE_NOOP("AuditValues", "assessment"),
        "critical_reflection": QT_TRANSLATE_NOOP("AuditValues", "critical reflection"),
        "codename": QT_TRANSLATE_NOOP("AuditValues", "codename"),
        "kind": QT_TRANSLATE_NOOP("AuditValues", "kind"),
        "status": QT_TRANSLATE_NOOP("AuditValues", "status"),
        "motivation": QT_TRANSLATE_NOOP("AuditValues", "motivation"),
        "information_position": QT_TRANSLATE_NOOP("AuditValues", "information position"),
        "legal_basis": QT_TRANSLATE_NOOP("AuditValues", "legal basis"),
        "contracted_on": QT_TRANSLATE_NOOP("AuditValues", "contracted on"),
        "contract_review_on": QT_TRANSLATE_NOOP("AuditValues", "contract review"),
        "suitability_review_on": QT_TRANSLATE_NOOP("AuditValues", "suitability review"),
        "antecedents_checked_on": QT_TRANSLATE_NOOP("AuditValues", "antecedents checked on"),
        "antecedents_result": QT_TRANSLATE_NOOP("AuditValues", "antecedents result"),
        "notes": QT_TRANSLATE_NOOP("AuditValues", "notes"),
    },
    "setting": {
        "idle_lock_minutes": QT_TRANSLATE_NOOP("AuditValues", "idle lock"),
        "clipboard_clear_seconds": QT_TRANSLATE_NOOP("AuditValues", "clipboard clearing"),
        "autosave_seconds": QT_TRANSLATE_NOOP("AuditValues", "autosave"),
        "reveal_seconds": QT_TRANSLATE_NOOP("AuditValues", "reveal time"),
        "reminder_horizon_days": QT_TRANSLATE_NOOP("AuditValues", "reminders"),
        "retention_after_receipt": QT_TRANSLATE_NOOP("AuditValues", "after a receipt"),
    },
    "refusal": {  # why a package or receipt was refused: the error's kind
        "MalformedPackage": QT_TRANSLATE_NOOP("AuditValues", "malformed"),
        "TamperedPackage": QT_TRANSLATE_NOOP("AuditValues", "altered in transit"),
        "NotForThisVault": QT_TRANSLATE_NOOP("AuditValues", "not addressed to this vault"),
        "UnknownSender": QT_TRANSLATE_NOOP("AuditValues", "unknown sender"),
        "RevokedSender": QT_TRANSLATE_NOOP("AuditValues", "sender's key revoked"),
        "WrongTeam": QT_TRANSLATE_NOOP("AuditValues", "crosses teams"),
        "BadSignature": QT_TRANSLATE_NOOP("AuditValues", "signature does not verify"),
        "UnsupportedVersion": QT_TRANSLATE_NOOP("AuditValues", "unsupported version"),
        "ReplayedPackage": QT_TRANSLATE_NOOP("AuditValues", "already received (replayed)"),
        "RecipientMismatch": QT_TRANSLATE_NOOP("AuditValues", "recipients do not match"),
        "PackageTooLarge": QT_TRANSLATE_NOOP("AuditValues", "too large"),
        "WrongKeySender": QT_TRANSLATE_NOOP("AuditValues", "key from a sender of the wrong role"),
        "OlderKey": QT_TRANSLATE_NOOP("AuditValues", "an older key"),
        "ConflictingRecords": QT_TRANSLATE_NOOP("AuditValues", "conflicting records"),
        "UnknownPackage": QT_TRANSLATE_NOOP("AuditValues", "names a package never sent"),
        "IncompletePackage": QT_TRANSLATE_NOOP("AuditValues", "incomplete"),
        "PackageError": QT_TRANSLATE_NOOP("AuditValues", "refused"),
        "InvalidInput": QT_TRANSLATE_NOOP("AuditValues", "invalid input"),
        "InvalidName": QT_TRANSLATE_NOOP("AuditValues", "a name breaks the rules"),
        "UnreadableFile": QT_TRANSLATE_NOOP("AuditValues", "file could not be read"),
        "FileTooLarge": QT_TRANSLATE_NOOP("AuditValues", "file too large"),
        "AccessDenied": QT_TRANSLATE_NOOP("AuditValues", "no access"),
        "NotFound": QT_TRANSLATE_NOOP("AuditValues", "not found"),
        "WorkflowError": QT_TRANSLATE_NOOP("AuditValues", "not allowed in this state"),
        "VaultBusy": QT_TRANSLATE_NOOP("AuditValues", "vault busy"),
        "StorageFull": QT_TRANSLATE_NOOP("AuditValues", "disk full"),
        "DatabaseCorrupt": QT_TRANSLATE_NOOP("AuditValues", "vault damaged"),
        "UnsafeOutput": QT_TRANSLATE_NOOP("AuditValues", "unsafe place to write"),
        "OutputExists": QT_TRANSLATE_NOOP("AuditValues", "file exists"),
    },
}

# Which table a detail field's value is looked up in (the field's name by default).
_VALUE_KIND = {"arrival": "status", "fields": "text field", "keys": "setting"}
_REFUSALS = {"package.refused", "receipt.refused"}
_IDS = {  # shown by name where known, else by their first 8 hex digits
    *("addendum_id", "alias_id", "approval_id", "attachment", "contact", "debrief"),
    *("former_alias_id", "item_id", "package", "report_id"),
}
_HASHES = {"body_sha256", "content_sha256", "pdf_sha256", "sha256"}
_KEYS = {"fingerprint", "runner"}
_TIMES = {"attempted_at"}
_SIZES = {"size"}


def record_label(code: str) -> str:
    text = _RECORDS.get(code)
    return QCoreApplication.translate("AuditRecords", str(text)) if text else _words(code)


def action_label(code: str) -> str:
    text = _ACTIONS.get(code)
    return QCoreApplication.translate("AuditActions", str(text)) if text else _words(code)


def field_label(key: str) -> str:
    text = _FIELDS.get(key)
    return QCoreApplication.translate("AuditFields", str(text)) if text else _words(key)


def value_label(kind: str, code: str) -> str | None:
    """A coded value in words, or None if ``kind`` has no word for ``code``."""
    text = _VALUES.get(kind, {}).get(code)
    return QCoreApplication.translate("AuditValues", str(text)) if text else None


def known_actions() -> frozenset[str]:
    return frozenset(_ACTIONS)


def known_fields() -> frozenset[str]:
    return frozenset(_FIELDS)


def known_records() -> frozenset[str]:
    return frozenset(_RECORDS)


def known_values(kind: str) -> frozenset[str]:
    return frozenset(_VALUES[kind])


def detail_lines(action: str, detail: str, names: Mapping[str, str] | None = None) -> list[str]:
    """An event's details as "field: value" lines, in the interface language.
    ``names`` turns ids (of aliases, of keys: their hex) into the names known here."""
    try:
        fields = json.loads(detail) if detail else {}
    except ValueError:
        fields = None
    if not isinstance(fields, dict):
        return [QCoreApplication.translate("AuditFields", "details unreadable")]
    return [
        f"{field_label(key)}: {_value(action, key, value, names or {})}"
        for key, value in fields.items()
    ]


def detail_text(action: str, detail: str, names: Mapping[str, str] | None = None) -> str:
    """The details on one line (the table cell); ``detail_lines`` for the tooltip."""
    return " · ".join(detail_lines(action, detail, names))


def _value(action: str, key: str, value: object, names: Mapping[str, str]) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        yes, no = QT_TRANSLATE_NOOP("AuditValues", "yes"), QT_TRANSLATE_NOOP("AuditValues", "no")
        return QCoreApplication.translate("AuditValues", str(yes if value else no))
    if isinstance(value, int | float):
        if key in _SIZES and isinstance(value, int):
            return file_size(value)
        return QLocale().toString(value)
    if isinstance(value, list):
        return ", ".join(_value(action, key, item, names) for item in value)
    if isinstance(value, dict):
        return ", ".join(
            f"{field_label(str(k))} {_value(action, str(k), v, names)}" for k, v in value.items()
        )
    text = str(value)
    if key == "reason":
        kind = "refusal" if action in _REFUSALS else "lock" if action == "vault.locked" else ""
        if not kind:
            return text  # a reason someone typed (revealing an identity)
        return value_label(kind, text) or _words(text)
    if key == "problem":
        return _problem(text)
    if key in _IDS:
        return names.get(text) or text[:8]
    if key in _KEYS:
        key_id = QCoreApplication.translate("AuditValues", "key {id}").format(id=text[:8])
        return names.get(text) or key_id
    if key in _HASHES:
        return text[:12] + "…"
    if key in _TIMES:
        return _time(text)
    kind = _VALUE_KIND.get(key, key)
    if kind in _VALUES:
        return value_label(kind, text) or _words(text)
    return text


def _words(code: str) -> str:
    """A code nobody gave words yet, made readable: ``report.sanitised_refused`` →
    "report sanitised refused", ``MalformedPackage`` → "malformed package"."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", code)
    return re.sub(r"[._]+", " ", spaced).strip().lower()


def _time(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


# The audit anchor's problems (app/vault/vault.py, ``anchor_problem``), stored in English.
_PROBLEMS = (
    QT_TRANSLATE_NOOP("Errors", "the audit anchor in the header has been altered"),
    QT_TRANSLATE_NOOP("Errors", "audit events up to {seq} were recorded but are gone"),
    QT_TRANSLATE_NOOP("Errors", "audit event {seq} differs from the anchored one"),
)


def _problem(text: str) -> str:
    """An anchor problem stored in English, in the interface language."""
    for template in _PROBLEMS:
        pattern = "^" + re.escape(str(template)).replace(r"\{seq\}", r"(?P<seq>\d+)") + "$"
        found = re.match(pattern, text)
        if found:
            return QCoreApplication.translate("Errors", str(template)).format(**found.groupdict())
    return text
