"""`veldboek --self-test`: crypto known answers, SQLCipher present and encrypting,
and a throwaway vault round trip through the real services, up to a printed report
(reportlab and PDFium: what a frozen build could lose to a module left out)."""

from __future__ import annotations

import os
import secrets
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from app.crypto.kdf import KdfParams
from app.crypto.known_answers import run_known_answer_tests
from app.domain.enums import GradingScheme, Role
from app.domain.scope import Scope
from app.domain.text import counted
from app.errors import WrongPassphrase
from app.vault.vault import Vault, create_vault


@dataclass(frozen=True)
class SelfTestLine:
    name: str
    ok: bool
    detail: str = ""


def _sqlcipher() -> list[SelfTestLine]:
    conn = sqlcipher3.connect(":memory:")
    try:
        version = (conn.execute("PRAGMA cipher_version").fetchone() or [""])[0]
        options = {r[0] for r in conn.execute("PRAGMA compile_options")}
    finally:
        conn.close()
    return [
        SelfTestLine("SQLCipher present", bool(version), version or "not linked"),
        SelfTestLine("SQLCipher 4", str(version).startswith("4."), str(version)),
        SelfTestLine("FTS5 available", "ENABLE_FTS5" in options),
    ]


def _round_trip() -> list[SelfTestLine]:
    # Imported here: the services pull in the whole model, which the crypto
    # checks above must not depend on.
    from app.services.admin import aliases
    from app.services.records import debriefs, search, sources
    from app.services.records.debriefs import DebriefContent, ItemDraft

    marker = "selftest" + secrets.token_hex(8)
    passphrase = "self-test " + secrets.token_hex(16)
    lines = []
    with tempfile.TemporaryDirectory(prefix="veldboek-selftest-") as tmp:
        root = Path(tmp) / "vault"
        # Small KDF cost: this vault lives for a second and holds only a marker.
        kdf = KdfParams(8 * 1024, 1, 1, os.urandom(16))
        create_vault(root, passphrase, alias_name="selftest", role=Role.RUNNER, kdf=kdf)
        with Vault.open(root, passphrase) as vault:
            scope = aliases.resolve_scope(vault, "selftest")
            source_id = sources.create_source(vault, scope, sources.SourceDraft(codename="PROEF"))
            debrief_id = debriefs.create_draft(vault, scope, source_id)
            debriefs.save_draft(
                vault,
                scope,
                debrief_id,
                DebriefContent(narrative=marker, critical_reflection="self-test"),
            )
            debriefs.add_item(
                vault,
                scope,
                debrief_id,
                ItemDraft(
                    marker,
                    scheme=GradingScheme.UK_3X5X2,
                    source_evaluation="2",
                    intelligence_assessment="B",
                    handling_code="P",
                ),
            )
        raw = b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())
        lines.append(SelfTestLine("vault files encrypted", marker.encode() not in raw))
        with Vault.open(root, passphrase) as vault:
            scope = aliases.resolve_scope(vault, "selftest")
            hits = search.search(vault, scope, marker)
            lines.append(SelfTestLine("vault round trip", len(hits) == 2, f"{len(hits)} hits"))
            lines.append(_report(vault, scope, debrief_id))
        try:
            Vault.open(root, passphrase + "x")
            lines.append(SelfTestLine("wrong passphrase refused", False))
        except WrongPassphrase:
            lines.append(SelfTestLine("wrong passphrase refused", True))
    return lines


def _report(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> SelfTestLine:
    """The debrief submitted and reported on, the PDF drawn as page images and
    checked against the register: all in memory, as the app prints."""
    from app.services import reports
    from app.services.records import debrief_workflow

    debrief_workflow.submit(vault, scope, debrief_id)
    issued = reports.issue_internal(vault, scope, reports.Selection(debrief_id=debrief_id))
    page = reports.render_page(issued.pdf, 1, 36.0)
    verified = reports.verify_pdf(vault, issued.pdf, actor=scope.actor)
    drawn = page.width > 0 and len(page.pixels) == page.height * page.stride
    ok = drawn and issued.page_count >= 1 and verified.result is reports.VerifyResult.UNALTERED
    return SelfTestLine(
        "report printed", ok, f"{counted(issued.page_count, 'page')}, {verified.result.name}"
    )


def _why(exc: Exception) -> str:
    """The error's type, and for a module missing from a build its name (never a
    message: it could quote vault content)."""
    if isinstance(exc, ModuleNotFoundError):
        return f"{type(exc).__name__}: {exc.name}"
    return type(exc).__name__


def run_self_test() -> list[SelfTestLine]:
    lines = [SelfTestLine(f"KAT {r.name}", r.ok, r.detail) for r in run_known_answer_tests()]
    try:
        lines += _sqlcipher()
    except Exception as exc:
        lines.append(SelfTestLine("SQLCipher present", False, type(exc).__name__))
    if all(line.ok for line in lines):
        try:
            lines += _round_trip()
        except Exception as exc:
            lines.append(SelfTestLine("vault round trip", False, _why(exc)))
    return lines
