"""What a trial of the handover chain found (Valk hands KWARTS to Reiger, who runs
a KWARTS of his own; the handler holds both): who the new runner's vault says runs
the source, the confirmation of the handover row there, the messages that name the
next step, and the wording of the command line."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.domain.enums import SourceKind
from app.models import AuditEvent, Source
from app.services.exchange import handover, package_receive, packages, whole_file
from app.services.records import sources
from tests.helpers import factory
from tests.packages.conftest import Party, Team, rich_debrief


@dataclass
class Handed:
    team: Team
    result: handover.HandoverResult
    taken: uuid.UUID  # Valk's KWARTS, handed to Reiger
    own: uuid.UUID  # Reiger's own KWARTS


def _kwarts(party: Party) -> uuid.UUID:
    with party.vault.read() as session:
        return session.execute(select(Source.id).where(Source.codename == "KWARTS")).scalar_one()


@pytest.fixture
def handed(team: Team) -> Handed:
    """Both KWARTS at the handler; Valk's handed over to Reiger, imported by both."""
    h = team.handler
    for party in (team.valk, team.reiger):
        rich_debrief(party, "KWARTS", marker=f"{party.scope.alias_name}'s source.")
        sent = packages.export_package(party.vault, party.scope, to_dir=team.stick, all_new=True)
        package_receive.import_package(h.vault, h.scope, sent.path)
    taken, own = _kwarts(team.valk), _kwarts(team.reiger)
    result = handover.hand_over(
        team.valk.vault,
        team.valk.scope,
        taken,
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Reiger",
        to_dir=team.stick,
    )
    package_receive.import_package(h.vault, h.scope, result.path)
    package_receive.import_package(team.reiger.vault, team.reiger.scope, result.path)
    return Handed(team, result, taken, own)


def _cli(
    capsys: pytest.CaptureFixture[str], party: Party, pp: Path, *command: str, alias: bool = True
) -> tuple[int, str, str]:
    where = ["--vault", str(party.path), "--passphrase-file", str(pp)]
    if alias:
        where += ["--alias", party.scope.alias_name]
    code = main([*command, *where])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pp(tmp_path: Path) -> Path:
    path = tmp_path / "pp"
    path.write_text(factory.PASSPHRASE + "\n")
    return path


def test_the_new_runner_runs_the_source_taken_over(handed: Handed) -> None:
    r, h = handed.team.reiger, handed.team.handler
    taken, own = handed.taken, handed.own
    by_id = {row.id: row.codename for row in sources.list_sources(r.vault, r.scope)}
    # Both are Reiger's here: one runner, told apart by the end of the id.
    for sid in (taken, own):
        assert by_id[sid] == f"KWARTS (Reiger, …{sid.hex[-8:]})"
    assert whole_file.shown_and_runner(r.vault, r.scope, taken)[1] == "Reiger"
    # The handler's vault names the new runner's key for both, told apart too.
    by_id = {row.id: row.codename for row in sources.list_sources(h.vault, h.scope)}
    for sid in (taken, own):
        assert by_id[sid] == f"KWARTS (Runner Reiger, …{sid.hex[-8:]})"
    [seen] = handover.handovers(h.vault, h.scope)
    assert (seen.direction, seen.to_name) == ("seen", "Runner Reiger")


def test_the_new_runners_row_shows_the_receipt_it_issued(
    handed: Handed, pp: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    r = handed.team.reiger
    r.vault.lock()
    code, out, _ = _cli(capsys, r, pp, "source", "handovers")
    assert code == 0
    assert "KWARTS  taken on from Runner Valk  (no receipt issued yet)" in out
    code, out, err = _cli(capsys, r, pp, "source", "handovers", "--json")
    assert code == 0, err
    [row] = json.loads(out)
    assert (row["direction"], row["confirmed_at"]) == ("in", None)
    receipt = tmp_path / "receipt"
    receipt.mkdir()
    code, _, err = _cli(capsys, r, pp, "receipt", "create", "--runner", "Runner Valk", "--to",
                        str(receipt))  # fmt: skip
    assert code == 0, err
    code, out, _ = _cli(capsys, r, pp, "source", "handovers", "--json")
    [row] = json.loads(out)
    assert row["package_id"] == str(handed.result.package_id)
    assert row["confirmed_at"] is not None
    code, out, _ = _cli(capsys, r, pp, "source", "handovers")
    assert "KWARTS  taken on from Runner Valk  (receipt issued)" in out


def test_a_receipt_refused_says_what_to_do_instead(
    handed: Handed, pp: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    valk, r = handed.team.valk, handed.team.reiger
    for party in (valk, r):
        party.vault.lock()
    # The handover package given to `receipt import`: it is imported as a package.
    code, _, err = _cli(capsys, r, pp, "receipt", "import", str(handed.result.path))
    assert code == 1
    assert err.count("\n") == 1
    assert (
        "This is a handover package, not a receipt: import it with 'veldboek package import'" in err
    )
    receipt = tmp_path / "receipt"
    receipt.mkdir()
    code, out, err = _cli(capsys, r, pp, "receipt", "create", "--runner", "Runner Valk", "--to",
                          str(receipt), "--json")  # fmt: skip
    assert code == 0, err
    made = json.loads(out)["path"]
    code, _, err = _cli(capsys, valk, pp, "receipt", "import", made)
    assert code == 0, err
    # Taken in twice: the receipt, not a package, was already taken in.
    code, _, err = _cli(capsys, valk, pp, "receipt", "import", made)
    assert code == 1
    assert "This receipt was already taken in; nothing was changed." in err
    assert "package" not in err


def test_show_source_reads_without_double_brackets(
    handed: Handed, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    r = handed.team.reiger
    graniet = factory.source(r.vault, r.scope, "GRANIET", kind=SourceKind.CIVILIAN_INFORMANT)
    r.vault.lock()
    code, out, err = _cli(capsys, r, pp, "show", "source", str(handed.taken))
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.startswith(f"KWARTS (Reiger, …{handed.taken.hex[-8:]}), informant, ")
    assert ") (" not in first
    assert "run by Reiger," in first
    code, out, err = _cli(capsys, r, pp, "show", "source", "GRANIET")
    assert code == 0, err
    assert out.startswith("GRANIET, civilian informant, candidate, run by Reiger, ")
    assert f"id {graniet}" in out.splitlines()[0]


def test_the_handlers_audit_counts_the_file_records_a_handover_brought(handed: Handed) -> None:
    h = handed.team.handler
    with h.vault.read() as session:
        detail = session.execute(
            select(AuditEvent.detail).where(
                AuditEvent.action == "package.imported",
                AuditEvent.record_id == handed.result.package_id,
            )
        ).scalar_one()
    # Every record of the file but the one debrief, unchanged since Valk's package.
    assert json.loads(detail)["file_records"] == handed.result.records - 1 > 0


def test_counts_take_the_singular_for_one(
    team: Team, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    valk, h = team.valk, team.handler
    rich_debrief(valk, "KWARTS")
    for party in (valk, h):
        party.vault.lock()
    code, out, err = _cli(capsys, valk, pp, "export", "--all-new", "--to", str(team.stick))
    assert code == 0, err
    assert "(1 debrief, " in out
    [sent] = team.stick.iterdir()
    code, out, err = main_out(capsys, "package", "inspect", str(sent))
    assert code == 0, err
    assert "1 encrypted chunk." in out
    code, out, err = _cli(capsys, h, pp, "package", "verify", str(sent))
    assert code == 0, err
    assert ", 1 debrief, " in out
    assert " 1 debriefs" not in out
    code, out, err = _cli(capsys, h, pp, "package", "import", str(sent))
    assert code == 0, err
    assert "debriefs: 1 new, 0 newer versions, 0 unchanged, 0 older versions" in out
    receipt = team.stick / "receipt"
    receipt.mkdir()
    code, out, err = _cli(capsys, h, pp, "receipt", "create", "--runner", "Runner Valk", "--to",
                          str(receipt))  # fmt: skip
    assert code == 0, err
    assert "Receipt for 1 package, with 0 reviews: " in out
    [made] = receipt.iterdir()
    code, out, err = _cli(capsys, valk, pp, "receipt", "import", str(made))
    assert code == 0, err
    assert ": 1 package confirmed (0 already), 0 reviews taken in, 1 debrief purged" in out


def main_out(capsys: pytest.CaptureFixture[str], *command: str) -> tuple[int, str, str]:
    code = main(list(command))
    out, err = capsys.readouterr()
    return code, out, err


def test_handovers_are_listed_without_an_alias(
    handed: Handed, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    r, h = handed.team.reiger, handed.team.handler
    for party in (r, h):
        party.vault.lock()
    code, out, err = _cli(capsys, r, pp, "source", "handovers", alias=False)
    assert code == 0, err
    assert "KWARTS  taken on from Runner Valk" in out
    code, out, err = _cli(capsys, h, pp, "source", "handovers", "--json", alias=False)
    assert code == 0, err
    assert [row["to_name"] for row in json.loads(out)] == ["Runner Reiger"]
