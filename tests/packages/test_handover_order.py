"""Packages on USB sticks arrive in any order: a package the old runner wrote
before a handover may reach the handler after the handover. What it holds of the
handed-over source is what the handler already holds (or older), and the rest of
it is imported; anything newer of that source from the old runner is refused
(docs/package-format.md, section 7.4)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from app.cli import main
from app.domain.enums import TaskingStatus
from app.errors import InvalidInput, PackageError
from app.export.errors import NotForThisVault
from app.models import Contact, Debrief, Source, Tasking
from app.models.packages import SourceHandover
from app.services.exchange import handover, package_receive, packages
from app.services.records import closing, debriefs, identity, sources, tasking
from app.services.views import IdentityFields
from tests.helpers import factory
from tests.packages.conftest import Party, Team, debrief_rows, rich_debrief


def _source(party: Party, codename: str) -> uuid.UUID:
    with party.vault.read() as session:
        return session.execute(select(Source.id).where(Source.codename == codename)).scalar_one()


def _hand_over(team: Team, source_id: uuid.UUID) -> handover.HandoverResult:
    return handover.hand_over(
        team.valk.vault,
        team.valk.scope,
        source_id,
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Reiger",
        to_dir=team.stick,
    )


def test_a_package_written_before_the_handover_imports_after_it(team: Team) -> None:
    valk, h = team.valk, team.handler
    rich_debrief(valk, "ESPEN")
    espen = _source(valk, "ESPEN")
    first = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    # A change after the first package: the second carries the tasking's version 2.
    with valk.vault.read() as session:
        task = session.execute(select(Tasking.id).where(Tasking.source_id == espen)).scalar_one()
    tasking.close_tasking(valk.vault, valk.scope, task, TaskingStatus.DONE, "Done.")
    factory.debrief(valk.vault, valk.scope, espen, submit=True)
    rich_debrief(valk, "MEREL")  # another source of Valk's, new to the handler
    third = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    moved = _hand_over(team, espen)

    package_receive.import_package(h.vault, h.scope, moved.path)
    late = package_receive.import_package(h.vault, h.scope, third.path)
    assert late.new == 1  # MEREL's debrief; ESPEN's debriefs are the versions held
    assert late.unchanged >= 1
    assert debrief_rows(h) == 3
    # Older still: the first package's tasking is version 1, kept as history only.
    oldest = package_receive.import_package(h.vault, h.scope, first.path)
    assert oldest.file_records.older == 1
    with h.vault.read() as session:
        status = session.execute(select(Tasking.status).where(Tasking.id == task)).scalar_one()
    assert status is TaskingStatus.DONE  # the newest version stays live
    # The source stays the new runner's: Valk's packages change nothing of it.
    assert {r.codename for r in debriefs.list_debriefs(h.vault, h.scope).rows} == {
        "ESPEN",
        "MEREL",
    }


@pytest.mark.parametrize("change", ["new debrief", "newer version"])
def test_the_old_runner_cannot_change_a_handed_over_source_afterwards(
    team: Team, change: str
) -> None:
    """A vault that forgets it handed the source over (here: its handover row
    deleted) and sends more of it is refused whole."""
    valk, h = team.valk, team.handler
    rich_debrief(valk, "ESPEN")
    espen = _source(valk, "ESPEN")
    moved = _hand_over(team, espen)
    package_receive.import_package(h.vault, h.scope, moved.path)
    with valk.vault.write() as session:
        session.execute(delete(SourceHandover))
    if change == "new debrief":
        factory.debrief(valk.vault, valk.scope, espen, submit=True)
    else:
        with valk.vault.read() as session:
            task = session.execute(select(Tasking.id)).scalar_one()
        tasking.close_tasking(valk.vault, valk.scope, task, TaskingStatus.CANCELLED, "Stop.")
        factory.debrief(valk.vault, valk.scope, factory.source(valk.vault, valk.scope), submit=True)
    later = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    with pytest.raises(PackageError, match="holds from elsewhere"):
        package_receive.import_package(h.vault, h.scope, later.path)
    assert debrief_rows(h) == 1


def test_what_the_command_line_says_of_handovers_and_receipts(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Packages sealed elsewhere, a handover verified and taken on, its row, and a
    receipt given to `package verify`: each says what it is, naming the source."""
    valk, reiger, h = team.valk, team.reiger, team.handler
    rich_debrief(valk, "ESPEN")
    espen = _source(valk, "ESPEN")
    fields = IdentityFields("Johanna Pietersen-Vlug", "1980-02-03", (), (), b"", "")
    identity.record_identity(valk.vault, valk.scope, espen, fields)
    to_handler = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    moved = _hand_over(team, espen)
    with pytest.raises(NotForThisVault, match="not addressed to this vault"):
        package_receive.import_package(reiger.vault, reiger.scope, to_handler.path)
    for party in (valk, reiger, h):
        party.vault.lock()
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")

    def run(party: Party, *command: str) -> tuple[int, str, str]:
        where = ["--vault", str(party.path), "--passphrase-file", str(pp)]
        code = main([*command, *where, "--alias", party.scope.alias_name])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run(reiger, "package", "verify", str(moved.path))
    assert code == 0
    assert f"a handover of source ESPEN ({espen}), with its true identity sealed" in out
    code, out, _ = run(reiger, "package", "import", str(moved.path))
    assert code == 0
    assert f"Took on handed-over source ESPEN (id {espen})" in out
    code, out, _ = run(reiger, "source", "handovers")
    assert "ESPEN  taken on from Runner Valk" in out
    code, out, _ = run(h, "package", "import", str(moved.path))
    assert f"The runner of source ESPEN (id {espen}) changed" in out
    code, _, _ = run(reiger, "receipt", "create", "--runner", "Runner Valk", "--to", str(tmp_path))
    assert code == 0
    [made] = [p for p in tmp_path.iterdir() if p.is_file() and p != pp]
    code, _, err = run(valk, "package", "verify", str(made))
    assert code != 0
    assert "This is a receipt, not a package: take it in with 'receipt import'" in err


def _handed_to_reiger(team: Team, codename: str) -> tuple[uuid.UUID, uuid.UUID]:
    """Valk's source, sent to the handler, then handed to Reiger (the handler and
    Reiger take the handover); its id and its debrief's."""
    valk, h = team.valk, team.handler
    debrief_id = rich_debrief(valk, codename)
    source = _source(valk, codename)
    first = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    package_receive.import_package(h.vault, h.scope, first.path)
    moved = _hand_over(team, source)
    package_receive.import_package(team.reiger.vault, team.reiger.scope, moved.path)
    package_receive.import_package(h.vault, h.scope, moved.path)
    return source, debrief_id


def test_the_old_runner_cannot_put_a_source_in_a_handed_over_compartment(team: Team) -> None:
    # A doctored vault of the old runner: a new source in the handed-over source's
    # compartment, its debrief reusing that source's contact.
    valk, h = team.valk, team.handler
    espen, d1 = _handed_to_reiger(team, "ESPEN")
    with valk.vault.read() as s:
        comp = s.execute(select(Source.compartment_id).where(Source.id == espen)).scalar_one()
        contact = s.execute(select(Debrief.contact_id).where(Debrief.id == d1)).scalar_one()
    kraai = factory.source(valk.vault, valk.scope, "KRAAI")
    with valk.vault.write() as s:
        s.execute(update(Source).where(Source.id == kraai).values(compartment_id=comp))
    d2 = factory.debrief(valk.vault, valk.scope, kraai)
    with valk.vault.write() as s:
        s.execute(update(Debrief).where(Debrief.id == d2).values(contact_id=contact))
        s.execute(update(Contact).where(Contact.id == contact).values(
            source_id=kraai, location_codeword="VALS-SPOOR"))  # fmt: skip
    debriefs.submit(valk.vault, valk.scope, d2)
    later = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    before = debrief_rows(h)
    with pytest.raises(PackageError, match="holds from elsewhere"):
        package_receive.import_package(h.vault, h.scope, later.path)
    assert debrief_rows(h) == before
    with h.vault.read() as s:
        codeword = s.execute(select(Contact.location_codeword).where(Contact.id == contact))
        assert codeword.scalar_one() != "VALS-SPOOR"
        assert s.execute(select(Source.id).where(Source.id == kraai)).first() is None


def test_a_contact_of_another_source_is_never_rewritten(team: Team) -> None:
    # Within one runner's own compartment too: a debrief reusing another source's
    # contact id would rewrite that source's meeting.
    valk, h = team.valk, team.handler
    d1 = rich_debrief(valk, "LINDE")
    first = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    package_receive.import_package(h.vault, h.scope, first.path)
    with valk.vault.read() as s:
        linde, comp = s.execute(select(Source.id, Source.compartment_id).where(
            Source.codename == "LINDE")).one()  # fmt: skip
        contact = s.execute(select(Debrief.contact_id).where(Debrief.id == d1)).scalar_one()
    other = factory.source(valk.vault, valk.scope, "ELS")
    with valk.vault.write() as s:
        s.execute(update(Source).where(Source.id == other).values(compartment_id=comp))
    d2 = factory.debrief(valk.vault, valk.scope, other)
    with valk.vault.write() as s:
        s.execute(update(Debrief).where(Debrief.id == d2).values(contact_id=contact))
        s.execute(update(Contact).where(Contact.id == contact).values(source_id=other))
    debriefs.submit(valk.vault, valk.scope, d2)
    later = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    with pytest.raises(PackageError, match="holds from elsewhere"):
        package_receive.import_package(h.vault, h.scope, later.path)
    with h.vault.read() as s:
        held = s.execute(select(Contact.source_id).where(Contact.id == contact)).scalar_one()
    assert held == linde


def test_the_old_runner_cannot_fill_the_new_runners_numbers(team: Team) -> None:
    # The handler holds the new runner's version 3 of the registration, not yet its
    # version 2: a doctored old vault's "version 2" is not taken (it is past what
    # the handover carried), and the new runner's own version 2 then is.
    valk, reiger, h = team.valk, team.reiger, team.handler
    espen, _d = _handed_to_reiger(team, "ESPEN")

    def notes(party: Party, text: str) -> None:
        with party.vault.read() as s:
            src = s.get(Source, espen)
            assert src is not None
            draft = sources.SourceDraft(codename=src.codename, kind=src.kind,
                                        status=src.status, notes=text)  # fmt: skip
        sources.update_source(party.vault, party.scope, espen, draft)

    notes(reiger, "Reiger, first")
    pr1 = packages.export_package(reiger.vault, reiger.scope, to_dir=team.stick, all_new=True)
    notes(reiger, "Reiger, second")
    pr2 = packages.export_package(reiger.vault, reiger.scope, to_dir=team.stick, all_new=True)
    package_receive.import_package(h.vault, h.scope, pr2.path)
    with valk.vault.write() as s:
        s.execute(delete(SourceHandover))  # a vault that forgot it handed the source on
    notes(valk, "Forged by the old runner")
    forged = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    with pytest.raises(PackageError, match="holds from elsewhere"):
        package_receive.import_package(h.vault, h.scope, forged.path)
    package_receive.import_package(h.vault, h.scope, pr1.path)  # the gap, filled by its owner
    with h.vault.read() as s:
        assert s.get(Source, espen).notes == "Reiger, second"  # type: ignore[union-attr]


def test_a_late_package_whose_records_the_handover_left_unchanged_imports(team: Team) -> None:
    # The handler holds the tasking's version 2 from the old runner's second package
    # before the handover, which carries it unchanged: the first package, arriving
    # last, brings version 1, older than what the handover carried: history.
    valk, h = team.valk, team.handler
    rich_debrief(valk, "ESPEN")
    espen = _source(valk, "ESPEN")
    first = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    with valk.vault.read() as session:
        task = session.execute(select(Tasking.id).where(Tasking.source_id == espen)).scalar_one()
    tasking.close_tasking(valk.vault, valk.scope, task, TaskingStatus.DONE, "Done.")
    second = packages.export_package(valk.vault, valk.scope, to_dir=team.stick, all_new=True)
    moved = _hand_over(team, espen)
    package_receive.import_package(h.vault, h.scope, second.path)
    package_receive.import_package(h.vault, h.scope, moved.path)
    late = package_receive.import_package(h.vault, h.scope, first.path)
    assert late.file_records.older >= 1
    with h.vault.read() as session:
        status = session.execute(select(Tasking.status).where(Tasking.id == task)).scalar_one()
    assert status is TaskingStatus.DONE  # the newer stays the live one


def test_the_new_runner_closes_a_source_taken_over(team: Team) -> None:
    # It came in a package (the handover), but it is this runner's own now.
    espen, _d = _handed_to_reiger(team, "ESPEN")
    reiger = team.reiger
    closing.close_registration(reiger.vault, reiger.scope, espen, reason="Moved abroad.")
    with reiger.vault.read() as s:
        held = s.get(Source, espen)
        assert held is not None
        assert held.closed_at is not None
    with pytest.raises(InvalidInput, match="its runner closes"):  # the handler still may not
        closing.close_registration(team.handler.vault, team.handler.scope, espen, reason="No.")


def test_a_source_whose_old_codename_breaks_a_rule_is_not_handed_over(team: Team) -> None:
    # A vault from before the bracket rule: refused before anything is recorded,
    # not a handover that every receiver refuses and the source stuck.
    valk = team.valk
    rich_debrief(valk, "ESPEN")
    espen = _source(valk, "ESPEN")
    with valk.vault.engine().begin() as conn:
        conn.exec_driver_sql("UPDATE source SET codename = 'ESPEN (OUD)' WHERE codename = 'ESPEN'")
    with pytest.raises(InvalidInput, match="rename the source first"):
        _hand_over(team, espen)
    assert list(team.stick.iterdir()) == []
    with valk.vault.read() as s:
        assert s.execute(select(SourceHandover)).first() is None
