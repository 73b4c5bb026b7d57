"""The central system's report register: a management report that central
prints is issued as a vault issues its own (``app.services.reports.register``):
a random id and a printer reference on every page, the id in the PDF's
keywords, the integrity block (content hash of kind ``management``, QR code)
last, and a row in ``central.issued_reports`` (schema c0020, append-only, the
administrator's only), written in one transaction with its access-log entry.
``verify`` tells whether a PDF is one central issued, unaltered."""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, text

from app.central import access
from app.central.management import ADMINISTRATOR
from app.central.store import Store
from app.clock import utc_now
from app.errors import ReportError
from app.reports import hashing, management_render, management_view, raster
from app.reports.management_figures import ManagementFigures
from app.services.reports.choices import check_language, check_marking
from app.services.reports.register import reference_code
from app.services.reports.verifying import report_id_in

KIND = "management"
# The content hash as the integrity block prints it: its format's name, then
# eight groups of eight hex digits (``styles.grouped_hex``), in either language.
_PRINTED_HASH = re.compile(re.escape(f"({hashing.FORMAT}):") + r"((?:\s*[0-9a-f]{8}){8})")

_INSERT = text(
    "INSERT INTO central.issued_reports (id, kind, issued_at, issued_by, printer_reference, "
    "period_from, period_to, team, teams, reason, marking, language, page_count, "
    "content_sha256, pdf_sha256, access_log_id) VALUES (:id, :kind, :issued_at, :issued_by, "
    ":printer_reference, :period_from, :period_to, :team, :teams, :reason, :marking, "
    ":language, :page_count, :content_sha256, :pdf_sha256, :access_log_id)"
)
_FIELDS = (
    "issued_at, issued_by, printer_reference, period_from, period_to, team, teams, reason, "
    "marking, language, page_count, content_sha256, pdf_sha256, access_log_id"
)


@dataclass(frozen=True)
class Issued:
    """A report central issued and registered; ``pdf`` lives only in memory."""

    report_id: uuid.UUID
    pdf: bytes
    page_count: int
    content_sha256: str
    pdf_sha256: str
    marking: str


@dataclass(frozen=True)
class Entry:
    """A register row: what was issued, when, for whom and why."""

    issued_at: datetime
    issued_by: str  # the staff user named (--user), or "administrator"
    printer_reference: str
    period_from: date
    period_to: date
    team: str  # the team asked for; "" = every team the reader may read
    teams: tuple[str, ...]  # the teams the figures counted
    reason: str
    marking: str
    language: str
    page_count: int
    content_sha256: str
    pdf_sha256: str
    access_log_id: int


def _printer_reference() -> str:
    """Who printed, as the page may say it: a random code only this register
    resolves (the report names nobody), new for every report so that codes do not
    link the reports one person printed."""
    return reference_code(secrets.token_bytes(5))


def _issue_text(report_id: uuid.UUID, first: date, last: date, content: str, pdf: str) -> str:
    """The issue's access-log entry: the chained log then vouches for the hashes."""
    return (
        f"issue report {report_id} {KIND} {first.isoformat()}..{last.isoformat()}: "
        f"content {content} pdf {pdf}"
    )


def issue(
    store: Store,
    figures: ManagementFigures,
    *,
    user: str | None,
    why: str,
    team: str | None,
    language: str,
    marking: str,
) -> Issued:
    """Render central's ``figures`` (``management.figures``, read as ``user``) as an
    issued report and register it, with its access-log entry, in one transaction."""
    who = access.role_name(user) if user else ADMINISTRATOR
    reason = access.reason_text(why)
    report_id = uuid.uuid4()  # random: a UUIDv7 would print the time it was made
    stamp = management_view.ManagementStamp(
        report_id=str(report_id),
        marking=check_marking(marking),
        printer_reference=_printer_reference(),
        printed_at=utc_now(),
        language=check_language(language),
    )
    view = management_view.view(figures)
    rendered = management_render.render_issued(view, stamp, central=True)
    pdf_sha = hashlib.sha256(rendered.data).hexdigest()
    first, last = figures.period_from, figures.period_to
    # The team as found (its name as stored), not as typed; "" for every team read.
    asked = figures.rows[0] if team is not None and len(figures.rows) == 1 else ""
    with store.begin() as conn:
        entry = access.log(
            conn,
            who=who,
            what=_issue_text(report_id, first, last, rendered.content_sha256, pdf_sha),
            why=reason,
            team=asked,
        )
        conn.execute(
            _INSERT,
            {
                "id": report_id,
                "kind": KIND,
                "issued_at": stamp.printed_at,
                "issued_by": who,
                "printer_reference": stamp.printer_reference,
                "period_from": first,
                "period_to": last,
                "team": asked,
                "teams": list(figures.rows),
                "reason": reason,
                "marking": stamp.marking,
                "language": stamp.language,
                "page_count": rendered.page_count,
                "content_sha256": rendered.content_sha256,
                "pdf_sha256": pdf_sha,
                "access_log_id": entry,
            },
        )
    return Issued(
        report_id, rendered.data, rendered.page_count, rendered.content_sha256, pdf_sha,
        stamp.marking,
    )  # fmt: skip


class Result(StrEnum):
    GENUINE = "genuine"  # central issued exactly this file
    ALTERED = "altered"  # central issued a report of this id, but not this content
    UNKNOWN = "unknown id"  # a Veldboek report id central never issued (a vault's)
    NOT_A_REPORT = "not a report"  # no Veldboek report id at all


@dataclass(frozen=True)
class Verification:
    result: Result
    pdf_sha256: str
    report_id: uuid.UUID | None = None
    printed_sha256: str | None = None  # the content hash printed on the last page
    entry: Entry | None = None
    log_consistent: bool = True  # the register row matches its access-log entry

    @property
    def ok(self) -> bool:
        return self.result is Result.GENUINE and self.log_consistent

    def message(self) -> str:
        if self.result is Result.NOT_A_REPORT:
            return "NOT A VELDBOEK REPORT: this file carries no Veldboek report id."
        if self.result is Result.UNKNOWN:
            return (
                f"UNKNOWN ID: this central system did not issue report {self.report_id} "
                "(a vault's report, another system's, or a made-up id)."
            )
        e = self.entry
        assert e is not None
        issued = f"on {e.issued_at:%Y-%m-%d %H:%M} UTC by {e.issued_by}"
        if self.result is Result.ALTERED:
            return (
                f"ALTERED: this central system issued report {self.report_id} ({issued}), "
                "but this file is not what it issued: its content differs."
            )
        if not self.log_consistent:
            return (
                f"NOT VERIFIED: report {self.report_id} is in the register, but its entry "
                "does not match the access log's record of the issue."
            )
        teams = f"team {e.team}" if e.team else f"every team read ({', '.join(e.teams)})"
        return (
            f"GENUINE: this central system issued this management report {self.report_id} "
            f"{issued} (printer reference {e.printer_reference}), for the period "
            f"{e.period_from.isoformat()} to {e.period_to.isoformat()}, {teams} "
            f"({e.marking}, {e.page_count} pages); the file is unaltered."
        )

    def as_json(self) -> dict[str, Any]:
        e = self.entry
        return {
            "ok": self.ok,
            "result": self.result.value,
            "report_id": self.report_id,
            "pdf_sha256": self.pdf_sha256,
            "printed_content_sha256": self.printed_sha256,
            "log_consistent": self.log_consistent,
            "issued": None
            if e is None
            else {
                "at": e.issued_at,
                "by": e.issued_by,
                "printer_reference": e.printer_reference,
                "period": {"from": e.period_from.isoformat(), "to": e.period_to.isoformat()},
                "team": e.team,
                "teams": list(e.teams),
                "reason": e.reason,
                "marking": e.marking,
                "language": e.language,
                "page_count": e.page_count,
                "content_sha256": e.content_sha256,
                "pdf_sha256": e.pdf_sha256,
            },
        }


def printed_hash(data: bytes) -> str | None:
    """The content hash the last page prints, or None (none readable there)."""
    try:
        page = raster.last_page_text(data)
    except ReportError:
        return None
    found = _PRINTED_HASH.search(page)
    return "".join(found.group(1).split()) if found else None


def _entry(conn: Connection, report_id: uuid.UUID) -> Entry | None:
    row = conn.execute(
        text(f"SELECT {_FIELDS} FROM central.issued_reports WHERE id = :id"),  # noqa: S608
        {"id": report_id},
    ).first()
    if row is None:
        return None
    values = list(row)
    values[6] = tuple(values[6])  # teams: a list from the driver
    return Entry(*values)


def _log_matches(conn: Connection, report_id: uuid.UUID, e: Entry) -> bool:
    logged = conn.execute(
        text("SELECT what FROM central.access_log WHERE id = :id"), {"id": e.access_log_id}
    ).scalar_one_or_none()
    expected = _issue_text(report_id, e.period_from, e.period_to, e.content_sha256, e.pdf_sha256)
    return logged == expected


def verify(store: Store, data: bytes) -> Verification:
    """Did this central system issue these exact bytes? The report id in the PDF's
    keywords finds the register row; the file's SHA-256 must be the one registered,
    and the row must be the one the access log's entry of the issue names. The
    content hash printed on the last page is read to be shown, not compared: the
    issued bytes print the hash ``issue`` registered and logged, so a row whose
    hash differs is one changed since, which the log check names (NOT VERIFIED).
    A look-up in the register is written to the access log (who ran the command,
    what came of it)."""
    pdf_sha = hashlib.sha256(data).hexdigest()
    report_id = report_id_in(data)
    if report_id is None:
        return Verification(Result.NOT_A_REPORT, pdf_sha)
    printed = printed_hash(data)
    with store.begin() as conn:
        e = _entry(conn, report_id)
        if e is None:
            found = Verification(Result.UNKNOWN, pdf_sha, report_id, printed)
        else:
            found = Verification(
                Result.GENUINE if pdf_sha == e.pdf_sha256 else Result.ALTERED,
                pdf_sha,
                report_id,
                printed,
                e,
                _log_matches(conn, report_id, e),
            )
        outcome = found.result.value if found.log_consistent else "register and log differ"
        access.log(conn, who=access.os_user(), what=f"verify report {report_id}: {outcome}",
                   why="report verify", team=e.team if e is not None else "")  # fmt: skip
    return found
