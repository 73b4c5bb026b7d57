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
  (``app.services.debrief_bulk`` over ``app.dal.debrief_parts``), and
  ``file_records``, the taskings and payments beside them;
- ``internal_report``: the internal report's content, and issuing it;
- ``sanitised_report``: the guard, the request, the approver's preview, issuing;
- ``approvals``: the approval a handler decides on;
- ``register``: rendering and registering an issued report (``IssuedPdf``);
- ``verifying``: printing, saving and verifying an issued report;
- ``pages``: page images for the preview and printing;
- ``progress``: progress and Cancel. Sanitising itself: ``app.services.sanitise``.
"""

from __future__ import annotations

from app.models.reports import ApprovalStatus, ReportKind
from app.services.reports.approvals import (
    ApprovalView,
    approve_sanitised,
    list_approvals,
    reject_sanitised,
)
from app.services.reports.choices import (
    DEFAULT_MARKING,
    MARKINGS,
    MAX_DEBRIEFS,
    REPORT_LANGUAGES,
    Selection,
    default_language,
)
from app.services.reports.internal_report import internal_body, issue_internal, read_internal_body
from app.services.reports.pages import (
    OpenPdf,
    PageImage,
    open_pdf,
    page_count,
    render_page,
    render_pages,
)
from app.services.reports.progress import Cancel, ProgressFn
from app.services.reports.reading import unlinked_for
from app.services.reports.register import IssuedPdf, printer_reference
from app.services.reports.sanitised_report import (
    PREVIEW_NOTICE,
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
from app.services.sanitise import GuardHit, SanitisationRefused

__all__ = [
    "DEFAULT_MARKING",
    "MARKINGS",
    "MAX_DEBRIEFS",
    "PREVIEW_NOTICE",
    "REPORT_LANGUAGES",
    "ApprovalStatus",
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
    "approve_sanitised",
    "check_sanitised",
    "default_language",
    "internal_body",
    "issue_internal",
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
    "request_sanitised",
    "save_pdf",
    "unlinked_for",
    "verify_pdf",
]
