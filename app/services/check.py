"""`veldboek check`: is this vault whole? SQLCipher page MACs, SQLite structure,
foreign keys, schema version, search index, audit chain and its anchor, and the
signature over every received package it keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from app.errors import VeldboekError
from app.services import package_evidence
from app.vault import audit_chain, migrate
from app.vault.audit_chain import SYSTEM
from app.vault.device_secret import SecretStore
from app.vault.vault import Vault


@dataclass(frozen=True)
class CheckLine:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class CheckReport:
    lines: list[CheckLine] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.lines) and all(line.ok for line in self.lines)

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        self.lines.append(CheckLine(name, ok, detail))


def check_vault(
    root: Path, passphrase: str, *, device_store: SecretStore | None = None
) -> CheckReport:
    """Check without changing anything unless the vault proves whole: only then are
    the opening, the check and the lock audited (and the anchor moved)."""
    report = CheckReport()
    try:
        vault = Vault.open(
            root, passphrase, device_store=device_store, migrate_schema=False, record_open=False
        )
    except VeldboekError as exc:
        report.add("unlock", False, str(exc))
        return report
    report.add("unlock", True)
    try:
        try:
            _check_open_vault(vault, report)
        except VeldboekError as exc:
            report.add("database readable", False, type(exc).__name__)
        if report.ok:
            vault.record_open(SYSTEM)
            vault.audit(SYSTEM, "vault.checked")
    finally:
        if report.ok:
            vault.lock(reason="check")
        else:
            vault.close_unrecorded()
    return report


def _check_open_vault(vault: Vault, report: CheckReport) -> None:
    with vault.engine().connect() as conn:
        try:
            problems = [r[0] for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
            report.add(
                "sqlcipher page integrity",
                not problems,
                f"{len(problems)} damaged page(s)" if problems else "",
            )
            result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            report.add(
                "sqlite structure",
                result == ["ok"],
                "" if result == ["ok"] else "; ".join(result[:5]),
            )
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            report.add("foreign keys", not fk, f"{len(fk)} dangling reference(s)" if fk else "")
            revision = migrate.current_revision(conn)
            report.add(
                "schema version",
                revision == migrate.SCHEMA_HEAD,
                f"{revision} (this Veldboek expects {migrate.SCHEMA_HEAD})"
                if revision != migrate.SCHEMA_HEAD
                else str(revision),
            )
            conn.execute(
                text("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 0)")
            )
            docs = conn.execute(text("SELECT count(*) FROM search_doc")).scalar_one()
            indexed = conn.execute(text("SELECT count(*) FROM search_fts")).scalar_one()
            report.add(
                "search index", docs == indexed, "" if docs == indexed else "index out of step"
            )
        except Exception as exc:  # damaged pages surface as database errors
            report.add("database readable", False, type(exc).__name__)
            return
        finally:
            conn.rollback()
    with vault.read() as session:
        chain = audit_chain.verify_chain(session)
    report.add(
        "audit chain",
        chain.ok,
        f"{chain.events} events" if chain.ok else "; ".join(chain.problems),
    )
    problem = vault.anchor_problem(vault.header.audit_anchor)
    report.add("audit anchor", problem is None, problem or "")
    with vault.read() as session:
        kept, problems = package_evidence.verify_all(session)
    report.add(
        "received packages",
        not problems,
        "; ".join(problems[:5]) if problems else f"{kept} kept, each signed by its sender",
    )
