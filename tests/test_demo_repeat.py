"""``veldboek demo`` run twice on the same vault, one after the other and two at
once, in real processes: a clear one-line answer, never an internal error, and
one set of demo data in a vault that still checks out. A run interrupted part-way
and run again is told so, not that its data is all there."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import InvalidInput, VaultBusy
from app.models import AuditEvent, Debrief, Source
from app.services.admin.check import check_vault
from app.services.demo_data import generator as demo
from app.services.demo_data.debriefs import write_debriefs
from app.vault import engine
from app.vault.audit_chain import SYSTEM
from app.vault.vault import Vault
from tests.helpers import factory

ALREADY = "already holds the demo data"
# Or, when the other one has not got that far: busy writing, still making the vault,
# or its sources are in but it has not finished (a run still going reads as one
# that did not finish: nothing tells the two apart).
LATER = ("busy", "Another process is creating a vault", "did not finish")


def _demo(vault: Path, pp: Path, *more: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "app",
        "demo",
        "--vault",
        str(vault),
        "--passphrase-file",
        str(pp),
        "--sources",
        "3",
        "--debriefs",
        "40",
        "--today",
        "2026-11-30",
        "--kdf-target-ms",  # a vault the test makes: no seconds of calibration
        "20",
        *more,
    ]


def _sources(vault: Path) -> int:
    with Vault.open(vault, factory.PASSPHRASE) as opened, opened.read() as session:
        return int(session.execute(select(func.count()).select_from(Source)).scalar_one())


def _check(vault: Path, pp: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "check", "--vault", str(vault), "--passphrase-file", str(pp)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _one_line_refusal(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.startswith("veldboek:")]
    assert result.returncode == 1, result.stderr
    assert len(lines) == 1, result.stderr
    assert "internal error" not in result.stderr
    return lines[0]


@pytest.fixture
def pp(tmp_path: Path) -> Path:
    path = tmp_path / "pp"
    path.write_text(factory.PASSPHRASE + "\n")
    return path


def test_demo_twice_one_after_the_other(tmp_path: Path, pp: Path) -> None:
    vault = factory.make_vault(tmp_path / "v")
    first = subprocess.run(_demo(vault, pp), capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    second = subprocess.run(_demo(vault, pp), capture_output=True, text=True, timeout=300)
    assert ALREADY in _one_line_refusal(second)
    assert _sources(vault) == 3
    # Another seed is another set: the answer says so, and it works.
    third = subprocess.run(
        _demo(vault, pp, "--seed", "7"), capture_output=True, text=True, timeout=300
    )
    assert third.returncode == 0, third.stderr
    assert _sources(vault) == 6
    _check(vault, pp)


@pytest.mark.parametrize("fresh", [False, True], ids=["existing vault", "new folder"])
def test_demo_twice_at_once(tmp_path: Path, pp: Path, fresh: bool) -> None:
    for trial in range(2):
        vault = tmp_path / f"v{trial}"
        if not fresh:
            factory.make_vault(vault)
        runs = [
            subprocess.Popen(
                _demo(vault, pp), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        results = []
        for p in runs:
            out, err = p.communicate(timeout=300)
            results.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
        codes = sorted(r.returncode for r in results)
        assert codes == [0, 1], [r.stderr for r in results]
        refused = next(r for r in results if r.returncode == 1)
        line = _one_line_refusal(refused)
        assert ALREADY in line or any(words in line for words in LATER), line
        assert _sources(vault) == 3
        _check(vault, pp)


def test_a_writer_kept_waiting_past_the_busy_timeout_is_told_the_vault_is_busy(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the second of two demos (or any second writer) meets when the first
    holds the write lock longer than SQLite waits: one line, not an internal error."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_SECONDS", 0.2)
    first = Vault.open(vault_dir, factory.PASSPHRASE)
    second = Vault.open(vault_dir, factory.PASSPHRASE)
    try:
        with first.write() as session:
            session.connection()  # BEGIN IMMEDIATE: the write lock is held
            with pytest.raises(VaultBusy, match="busy"):
                second.audit(SYSTEM, "test.second_writer")
        second.audit(SYSTEM, "test.second_writer")  # and once it is free, it writes
    finally:
        second.lock()
        first.lock()


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs in the generator."""


def test_a_demo_interrupted_part_way_is_not_taken_for_a_finished_one(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sources are committed first, debriefs in batches; a run stopped after its
    first batch leaves both without its closing "demo.generated" event. The same
    run again says it did not finish and what stays, adds nothing, and another
    seed still adds a whole set."""
    monkeypatch.setattr(demo, "BATCH_DEBRIEFS", 10)
    batches: list[int] = []

    def killed_after_one_batch(*args: Any, **kwargs: Any) -> int:
        if batches:
            raise Killed
        batches.append(1)
        return write_debriefs(*args, **kwargs)

    monkeypatch.setattr(demo, "write_debriefs", killed_after_one_batch)
    day = date(2026, 12, 7)
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        with pytest.raises(Killed):
            demo.generate(vault, sources=3, debriefs=40, seed=5, today=day)
        monkeypatch.setattr(demo, "write_debriefs", write_debriefs)
        with vault.read() as session:
            assert _count(session, Source) == 3
            assert _count(session, Debrief) == 10  # the one batch committed
            assert not _demo_events(session)

        with pytest.raises(InvalidInput) as again:
            demo.generate(vault, sources=3, debriefs=40, seed=5, today=day)
        message = str(again.value)
        assert ALREADY not in message
        assert message.startswith(
            "An earlier demo run with seed 5 for 2026-12-07 did not finish (it was "
            "interrupted, or is still running): its 3 sources and 10 debriefs stay"
        )
        assert "nothing was added" in message
        with vault.read() as session:
            assert (_count(session, Source), _count(session, Debrief)) == (3, 10)

        # Another seed makes a whole set; that one, run again, is "already there".
        demo.generate(vault, sources=3, debriefs=40, seed=6, today=day)
        with pytest.raises(InvalidInput, match=ALREADY):
            demo.generate(vault, sources=3, debriefs=40, seed=6, today=day)
        with vault.read() as session:
            assert (_count(session, Source), _count(session, Debrief)) == (6, 50)
            assert [json.loads(d)["seed"] for d in _demo_events(session)] == [6]
    report = check_vault(vault_dir, factory.PASSPHRASE)
    assert report.ok, report.lines  # what the interrupted run left is whole


def _count(session: Session, model: Any) -> int:
    return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def _demo_events(session: Session) -> list[str]:
    return list(
        session.execute(
            select(AuditEvent.detail).where(AuditEvent.action == "demo.generated")
        ).scalars()
    )


def _automerge(vault: Vault) -> int:
    with vault.read() as session:
        return int(
            session.connection()
            .exec_driver_sql("SELECT v FROM search_fts_config WHERE k = 'automerge'")
            .scalar_one()
        )


def test_a_demo_killed_with_the_index_merging_held_gets_it_back_at_the_next_unlock(
    vault_dir: Path,
) -> None:
    # What a kill -9 in the middle of the bulk load leaves: no ``finally`` ran.
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        with vault.write() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)"
            )
        assert _automerge(vault) == 0
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        assert _automerge(vault) == 4
