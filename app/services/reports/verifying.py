"""After a report is issued: printing and saving it (audited), and telling
whether a PDF file is one this vault issued, unaltered (``verify_pdf``)."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import ReportKind
from app.domain.scope import Actor, Scope
from app.domain.text import counted
from app.errors import ReportError
from app.models import AuditEvent
from app.models.reports import IssuedReport
from app.reports import raster
from app.reports.render import KEYWORD_PREFIX
from app.services.files import output_paths
from app.services.reports.register import IssuedPdf, printer_reference
from app.vault import audit_chain
from app.vault.vault import Vault


class VerifyResult(StrEnum):
    UNALTERED = "unaltered"  # this vault issued exactly this file
    ALTERED = "altered"  # this vault issued a report with this id, but not these bytes
    UNKNOWN = "unknown"  # not a report this vault issued


@dataclass(frozen=True)
class Verification:
    result: VerifyResult
    pdf_sha256: str
    report_id: uuid.UUID | None = None
    kind: ReportKind | None = None
    marking: str = ""
    printed_by: str = ""
    printed_at: datetime | None = None
    page_count: int = 0
    debrief_count: int = 0
    audit_consistent: bool = True  # the register entry matches its audit event
    printer_reference: str = ""  # as printed on a sanitised report's pages

    @property
    def ok(self) -> bool:
        return self.result is VerifyResult.UNALTERED and self.audit_consistent

    def message(self) -> str:
        if self.result is VerifyResult.UNKNOWN:
            return "NOT VERIFIED: this vault did not issue this file."
        if self.result is VerifyResult.ALTERED:
            return (
                f"NOT VERIFIED: this vault issued report {self.report_id}, "
                "but this file is not the one it issued (it has been altered)."
            )
        if not self.audit_consistent:
            return (
                f"NOT VERIFIED: report {self.report_id} is in the register, but the register "
                "entry does not match its audit record."
            )
        assert self.kind is not None
        assert self.printed_at is not None
        printer = self.printed_by
        if self.kind is not ReportKind.INTERNAL:  # their pages print the reference
            printer += f" (printer reference {self.printer_reference})"
        return (
            f"VERIFIED: this vault issued this {self.kind.value} report {self.report_id} "
            f"({self.marking}, {counted(self.page_count, 'page')}), printed by {printer} "
            f"on {self.printed_at:%Y-%m-%d %H:%M} UTC; the file is unaltered."
        )


def _registered(session: Session, report_id: uuid.UUID, pdf_sha: str | None = None) -> IssuedReport:
    row = session.get(IssuedReport, report_id)
    if row is None or (pdf_sha is not None and row.pdf_sha256 != pdf_sha):
        raise ReportError("That report is not in this vault's register.")
    return row


def record_printed(
    vault: Vault, scope: Scope, report_id: uuid.UUID, *, pages: int, copies: int = 1
) -> None:
    """Audit that a registered report was sent to a printer."""
    with vault.write() as session:
        row = _registered(session, report_id)
        audit_chain.append(
            session,
            scope.actor,
            "report.printed",
            record_type="report",
            record_id=report_id,
            compartment_id=row.compartment_id,
            detail={"pages": pages, "copies": copies},
        )


def save_pdf(
    vault: Vault, scope: Scope, issued: IssuedPdf, path: Path, *, overwrite: bool = False
) -> None:
    """Write an issued report to ``path``: the explicit choice to keep an
    unencrypted copy. Never into a vault folder nor over an existing file unless
    ``overwrite`` (``output_paths``); atomic, owner-only permissions; audited
    (without the path, which can name things)."""
    pdf_sha = hashlib.sha256(issued.pdf).hexdigest()
    target = output_paths.check_file(path, vaults=[vault.paths.root], overwrite=overwrite)
    with vault.read() as session:
        row = _registered(session, issued.report_id, pdf_sha)
        compartment_id = row.compartment_id
    output_paths.write_file(target, issued.pdf, vaults=[vault.paths.root], overwrite=overwrite)
    vault.audit(
        scope.actor,
        "report.saved",
        record_type="report",
        record_id=issued.report_id,
        compartment_id=compartment_id,
        detail={"pdf_sha256": pdf_sha, "unencrypted": True},
    )


def report_id_in(data: bytes) -> uuid.UUID | None:
    """The report id in a PDF's keywords (``veldboek-report-id:``), or None: not a
    readable PDF, or none of Veldboek's issued reports (the central system's
    verification reads it too)."""
    try:
        keywords = raster.metadata(data).get("Keywords", "")
    except ReportError:
        return None
    for word in keywords.split():
        if word.startswith(KEYWORD_PREFIX):
            try:
                return uuid.UUID(word.removeprefix(KEYWORD_PREFIX))
            except ValueError:
                return None
    return None


def _audit_matches(session: Session, row: IssuedReport) -> bool:
    detail = session.execute(
        select(AuditEvent.detail).where(
            AuditEvent.action == "report.issued", AuditEvent.record_id == row.id.hex
        )
    ).scalar_one_or_none()
    if detail is None:
        return False
    recorded: dict[str, Any] = json.loads(detail)
    return bool(
        recorded.get("pdf_sha256") == row.pdf_sha256
        and recorded.get("content_sha256") == row.content_sha256
    )


def verify_pdf(vault: Vault, data: bytes, *, actor: Actor) -> Verification:
    """Did this vault issue these exact bytes? Looked up by the file's SHA-256; if
    that is unknown, by the report id in the PDF's metadata (to say "altered")."""
    pdf_sha = hashlib.sha256(data).hexdigest()
    with vault.read() as session:
        row = session.execute(
            select(IssuedReport).where(IssuedReport.pdf_sha256 == pdf_sha)
        ).scalar_one_or_none()
        result = VerifyResult.UNALTERED
        if row is None:
            claimed = report_id_in(data)
            row = session.get(IssuedReport, claimed) if claimed is not None else None
            result = VerifyResult.ALTERED if row is not None else VerifyResult.UNKNOWN
        if row is None:
            verification = Verification(VerifyResult.UNKNOWN, pdf_sha)
        else:
            verification = Verification(
                result=result,
                pdf_sha256=pdf_sha,
                report_id=row.id,
                kind=row.kind,
                marking=row.marking,
                printed_by=row.printed_by,
                printed_at=row.printed_at,
                page_count=row.page_count,
                debrief_count=len(json.loads(row.debrief_ids)),
                audit_consistent=_audit_matches(session, row),
                printer_reference=printer_reference(vault, row.id, row.printed_by),
            )
    vault.audit(
        actor,
        "report.verified",
        record_type="report",
        record_id=verification.report_id or "",
        compartment_id=row.compartment_id if row is not None else None,
        detail={"result": verification.result.value, "ok": verification.ok, "pdf_sha256": pdf_sha},
    )
    return verification
