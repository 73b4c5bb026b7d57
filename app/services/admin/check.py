"""`veldboek check`: is this vault whole? Leftover temporary files, zeroed pages,
SQLCipher page MACs, SQLite structure, foreign keys, schema version, search index,
audit chain and its anchor, and the signature over every received package it keeps.

Another process may use the vault meanwhile (a `passwd`, the app): what it changes
is not damage. A check that cannot get the database's write lock for the search
index's own check says the vault is busy (``VaultBusy``) instead of failing."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app.domain.text import counted
from app.errors import DatabaseCorrupt, VaultBusy, VeldboekError
from app.services.exchange import package_evidence
from app.vault import audit_chain, leftovers, migrate
from app.vault.audit_chain import SYSTEM
from app.vault.device_secret import SecretStore
from app.vault.vault import Vault, database_error


@dataclass(frozen=True)
class CheckLine:
    name: str
    ok: bool
    detail: str = ""  # one line: what was found, counted (a summary where there is a list)
    problems: tuple[str, ...] = ()  # every problem SQLite or SQLCipher named, as it said it


# Failing lines that mean the database file itself is damaged: restoring a backup
# is the way back (the check wrote nothing to it).
DAMAGE = frozenset(
    {"zeroed pages", "sqlcipher page integrity", "sqlite structure", "database readable"}
)
# SQLite's integrity_check stops after this many problems (its default).
SQLITE_MAX_PROBLEMS = 100


@dataclass
class CheckReport:
    lines: list[CheckLine] = field(default_factory=list)
    unlock_found_damage: bool = False  # the database could not even be opened whole

    @property
    def ok(self) -> bool:
        return bool(self.lines) and all(line.ok for line in self.lines)

    @property
    def damaged(self) -> bool:
        failed = any(not line.ok and line.name in DAMAGE for line in self.lines)
        return failed or self.unlock_found_damage

    @property
    def advice(self) -> str:
        """What to do, where the check knows: a damaged database file is restored."""
        if not self.damaged:
            return ""
        return (
            "The vault's database file is damaged; this check wrote nothing to it. Restore "
            "the vault folder from your most recent backup made before the damage, then run "
            "`veldboek check` on the restored vault. Keep the damaged copy until it passes."
        )

    def add(self, name: str, ok: bool, detail: str = "", problems: tuple[str, ...] = ()) -> None:
        self.lines.append(CheckLine(name, ok, detail, problems))


def _structure_problems(rows: list[str]) -> tuple[str, ...]:
    """integrity_check's answer as one problem a line: SQLite returns them in rows,
    a row may hold several lines, and each database's list opens with a heading
    ("*** in database main ***") that is no problem of its own."""
    if rows == ["ok"]:
        return ()
    lines = (line.strip() for row in rows for line in str(row).splitlines())
    return tuple(line for line in lines if line and not line.startswith("*** in database"))


def _counted(problems: tuple[str, ...]) -> str:
    """How many ``problems``, saying so when SQLite stopped listing them."""
    n = len(problems)
    if n >= SQLITE_MAX_PROBLEMS:
        return f"{n} or more problems (SQLite stops listing at {SQLITE_MAX_PROBLEMS})"
    return counted(n, "problem")


def check_vault(
    root: Path, passphrase: str, *, device_store: SecretStore | None = None
) -> CheckReport:
    """Check without changing anything unless the vault proves whole: only then are
    the opening, the check and the lock audited (and the anchor moved)."""
    report = CheckReport()
    # Looked for before unlocking, which removes them.
    found = leftovers.find_stale(root)
    try:
        vault = Vault.open(
            root,
            passphrase,
            device_store=device_store,
            migrate_schema=False,
            record_open=False,
            refuse_damaged=False,
        )
    except VeldboekError as exc:
        report.add("unlock", False, str(exc))
        report.unlock_found_damage = isinstance(exc, DatabaseCorrupt)
        _report_leftovers(report, found, unlocked=False)
        return report
    report.add("unlock", True)
    _report_leftovers(report, found, unlocked=True)
    if vault.zeroed_at_unlock:
        zeroed = vault.zeroed_at_unlock
        report.add(
            "zeroed pages", False, f"{counted(len(zeroed), 'page')}, the first is page {zeroed[0]}"
        )
    try:
        try:
            _check_open_vault(vault, report)
        except VaultBusy:
            raise  # not a finding about the vault: the one line says so
        except VeldboekError as exc:
            report.add("database readable", False, _stopped(exc))
        if report.ok:
            vault.record_open(SYSTEM)
            vault.audit(SYSTEM, "vault.checked")
    finally:
        if report.ok:
            vault.lock(reason="check")
        else:
            vault.close_unrecorded()
    return report


def _report_leftovers(report: CheckReport, found: list[Path], *, unlocked: bool) -> None:
    if not found:
        report.add("leftover temporary files", True)
        return
    names = ", ".join(path.name for path in found[:5])
    kept = [path for path in found if os.path.lexists(path)]
    if not kept:
        fate = "removed now"
    elif not unlocked:
        fate = "the next unlock removes them"
    else:
        fate = f"{len(kept)} could not be removed; remove them by hand"
    report.add(
        "leftover temporary files",
        False,
        f"{len(found)} from interrupted writes ({names}): {fate}",
    )


def _stopped(exc: BaseException) -> str:
    return f"the check stopped at the damage ({type(exc).__name__})"


def _busy(exc: BaseException) -> bool:
    return isinstance(exc, VaultBusy) or isinstance(database_error(exc), VaultBusy)


def _check_open_vault(vault: Vault, report: CheckReport) -> None:
    with vault.engine().connect() as conn:
        try:
            pages = tuple(str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check"))
            report.add(
                "sqlcipher page integrity",
                not pages,
                counted(len(pages), "damaged page") if pages else "",
                pages,
            )
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            structure = _structure_problems(rows)
            report.add(
                "sqlite structure",
                not structure and rows == ["ok"],
                _counted(structure) if structure else "",
                structure,
            )
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            report.add("foreign keys", not fk, counted(len(fk), "dangling reference") if fk else "")
            revision = migrate.current_revision(conn)
            report.add(
                "schema version",
                revision == migrate.SCHEMA_HEAD,
                f"{revision} (this Veldboek expects {migrate.SCHEMA_HEAD})"
                if revision != migrate.SCHEMA_HEAD
                else str(revision),
            )
        except Exception as exc:  # damaged pages surface as database errors
            if _busy(exc):
                raise VaultBusy(
                    "Another Veldboek process is writing to this vault; run the check "
                    "again when it has finished."
                ) from exc
            report.add("database readable", False, _stopped(exc))
            return
        finally:
            conn.rollback()
    # FTS5 checks its index through an INSERT, which needs the write lock: in a
    # transaction of its own that takes it first (BEGIN IMMEDIATE, waiting for
    # another writer), never by upgrading a read that another writer overtook.
    with vault.engine().execution_options(veldboek_write=True).connect() as conn:
        try:
            _check_search_index(conn, report)
        except Exception as exc:
            if _busy(exc):
                raise VaultBusy(
                    "Another Veldboek process is writing to this vault; run the check "
                    "again when it has finished."
                ) from exc
            report.add("database readable", False, _stopped(exc))
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
    # The header on disk: another process may have moved the anchor since unlock.
    problem = vault.anchor_problem(vault.current_header().audit_anchor)
    report.add("audit anchor", problem is None, problem or "")
    with vault.read() as session:
        kept, problems = package_evidence.verify_all(session)
    report.add(
        "received packages",
        not problems,
        "; ".join(problems[:5]) if problems else f"{kept} kept, each signed by its sender",
    )


def _check_search_index(conn: Connection, report: CheckReport) -> None:
    conn.execute(text("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 0)"))
    docs = conn.execute(text("SELECT count(*) FROM search_doc")).scalar_one()
    indexed = conn.execute(text("SELECT count(*) FROM search_fts")).scalar_one()
    report.add("search index", docs == indexed, "" if docs == indexed else "index out of step")
