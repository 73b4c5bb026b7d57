"""Debrief reports: build, register, approve, print, save and verify.

Internal reports are issued at once; sanitised reports go through two people
(request, a handler's approval, issue). Every report that is issued is recorded in
the register (``issued_report``) with the SHA-256 of its content and of the PDF
bytes, so ``verify_pdf`` can tell whether this vault issued a file and whether it
is unaltered. PDFs exist only in memory until ``save_pdf`` writes one on the
user's explicit choice. Everything is audited: ``report.issued``,
``report.sanitised_requested``, ``report.sanitised_approved``,
``report.sanitised_rejected``, ``report.approval_previewed``, ``report.printed``,
``report.saved``, ``report.verified``. Audit details carry ids, hashes and counts,
never report text.

Callers use this package's names (``reports.issue_internal``); its modules:

- ``choices``: what is asked (``Selection``, markings, languages) and its checks;
- ``reading``: the debriefs a selection names, read in bulk in one transaction
  (``app.services.records.debrief_bulk`` over ``app.dal.debrief_parts``), and
  ``file_records``, the taskings and payments beside them;
- ``internal_report``: the internal report's content, and issuing it;
- ``management_report``: a handler's management report, issued and registered
  (its figures: ``management_vault``, ``management``);
- ``sanitised_report``: the guard, the request, the approver's preview, issuing;
- ``approvals``: the approval a handler decides on;
- ``register``: rendering and registering an issued report (``IssuedPdf``);
- ``verifying``: printing, saving and verifying an issued report;
- ``pages``: page images for the preview and printing;
- ``progress``: progress and Cancel. Sanitising itself: ``app.services.reports.sanitise``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# The names load their modules on first use (PEP 562): the command line imports
# this package for its choices alone, and should not pay for reportlab and PDFium
# (a third of its start-up) unless it makes or reads a report.
if TYPE_CHECKING:
    from app.domain.enums import ReportKind
    from app.models.reports import ApprovalStatus
    from app.services.reports.approvals import (
        ApprovalView,
        approve_sanitised,
        list_approvals,
        reject_sanitised,
        reopen_unsaved,
    )
    from app.services.reports.choices import (
        DEFAULT_MARKING,
        MARKINGS,
        MAX_DEBRIEFS,
        REPORT_LANGUAGES,
        Selection,
        default_language,
    )
    from app.services.reports.internal_report import (
        internal_body,
        issue_internal,
        read_internal_body,
    )
    from app.services.reports.management_report import issue_management
    from app.services.reports.pages import (
        OpenPdf,
        PageImage,
        open_pdf,
        page_count,
        render_page,
        render_pages,
    )
    from app.services.reports.progress import Cancel, ProgressFn
    from app.services.reports.reading import drafts_in, unlinked_for
    from app.services.reports.register import IssuedPdf, printer_reference
    from app.services.reports.sanitise import GuardHit, SanitisationRefused
    from app.services.reports.sanitised_report import (
        PREVIEW_NOTICE,
        ApprovalText,
        approval_text,
        check_sanitised,
        issue_sanitised,
        preview_approval,
        request_sanitised,
    )
    from app.services.reports.verifying import (
        Verification,
        VerifyResult,
        record_printed,
        save_pdf,
        verify_pdf,
    )

_WHERE = {
    "ApprovalStatus": "app.models.reports",
    "ApprovalText": "app.services.reports.sanitised_report",
    "ApprovalView": "app.services.reports.approvals",
    "Cancel": "app.services.reports.progress",
    "DEFAULT_MARKING": "app.services.reports.choices",
    "GuardHit": "app.services.reports.sanitise",
    "IssuedPdf": "app.services.reports.register",
    "MARKINGS": "app.services.reports.choices",
    "MAX_DEBRIEFS": "app.services.reports.choices",
    "OpenPdf": "app.services.reports.pages",
    "PREVIEW_NOTICE": "app.services.reports.sanitised_report",
    "PageImage": "app.services.reports.pages",
    "ProgressFn": "app.services.reports.progress",
    "REPORT_LANGUAGES": "app.services.reports.choices",
    "ReportKind": "app.models.reports",
    "SanitisationRefused": "app.services.reports.sanitise",
    "Selection": "app.services.reports.choices",
    "Verification": "app.services.reports.verifying",
    "VerifyResult": "app.services.reports.verifying",
    "approve_sanitised": "app.services.reports.approvals",
    "check_sanitised": "app.services.reports.sanitised_report",
    "default_language": "app.services.reports.choices",
    "drafts_in": "app.services.reports.reading",
    "internal_body": "app.services.reports.internal_report",
    "issue_internal": "app.services.reports.internal_report",
    "issue_management": "app.services.reports.management_report",
    "issue_sanitised": "app.services.reports.sanitised_report",
    "list_approvals": "app.services.reports.approvals",
    "open_pdf": "app.services.reports.pages",
    "page_count": "app.services.reports.pages",
    "preview_approval": "app.services.reports.sanitised_report",
    "printer_reference": "app.services.reports.register",
    "read_internal_body": "app.services.reports.internal_report",
    "record_printed": "app.services.reports.verifying",
    "reject_sanitised": "app.services.reports.approvals",
    "reopen_unsaved": "app.services.reports.approvals",
    "approval_text": "app.services.reports.sanitised_report",
    "render_page": "app.services.reports.pages",
    "render_pages": "app.services.reports.pages",
    "request_sanitised": "app.services.reports.sanitised_report",
    "save_pdf": "app.services.reports.verifying",
    "unlinked_for": "app.services.reports.reading",
    "verify_pdf": "app.services.reports.verifying",
}


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_MARKING",
    "MARKINGS",
    "MAX_DEBRIEFS",
    "PREVIEW_NOTICE",
    "REPORT_LANGUAGES",
    "ApprovalStatus",
    "ApprovalText",
    "ApprovalView",
    "Cancel",
    "GuardHit",
    "IssuedPdf",
    "OpenPdf",
    "PageImage",
    "ProgressFn",
    "ReportKind",
    "SanitisationRefused",
    "Selection",
    "Verification",
    "VerifyResult",
    "approval_text",
    "approve_sanitised",
    "check_sanitised",
    "default_language",
    "drafts_in",
    "internal_body",
    "issue_internal",
    "issue_management",
    "issue_sanitised",
    "list_approvals",
    "open_pdf",
    "page_count",
    "preview_approval",
    "printer_reference",
    "read_internal_body",
    "record_printed",
    "reject_sanitised",
    "render_page",
    "render_pages",
    "reopen_unsaved",
    "request_sanitised",
    "save_pdf",
    "unlinked_for",
    "verify_pdf",
]
