"""A handler holds two runners' BERK; one runner hands his over to the other. The
handler's vault then holds two BERKs of one runner, and every list, search, report
and command must still tell them apart (sources are identified by id, never by
codename)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.models import Source
from app.services import reports
from app.services.exchange import handover, package_receive, packages
from app.services.records import debriefs, search, sources
from tests.helpers import factory
from tests.helpers.pdf_text import pdf_text
from tests.packages.conftest import Party, Team, rich_debrief


def _berk(party: Party) -> uuid.UUID:
    with party.vault.read() as session:
        return session.execute(select(Source.id).where(Source.codename == "BERK")).scalar_one()


@pytest.fixture
def handed(team: Team) -> Team:
    """Both BERKs in the handler's vault, Valk's handed over to Reiger."""
    h = team.handler
    for party in (team.valk, team.reiger):
        rich_debrief(party, "BERK", marker=f"{party.scope.alias_name}'s source.")
        sent = packages.export_package(party.vault, party.scope, to_dir=team.stick, all_new=True)
        package_receive.import_package(h.vault, h.scope, sent.path)
    result = handover.hand_over(
        team.valk.vault,
        team.valk.scope,
        _berk(team.valk),
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Reiger",
        to_dir=team.stick,
    )
    package_receive.import_package(h.vault, h.scope, result.path)
    return team


def test_two_sources_of_one_codename_and_one_runner_are_shown_apart(handed: Team) -> None:
    h = handed.handler
    valks, reigers = _berk(handed.valk), _berk(handed.reiger)
    by_id = {r.id: r.codename for r in sources.list_sources(h.vault, h.scope)}
    assert by_id[valks] != by_id[reigers]
    for sid in (valks, reigers):  # the runner, and the end of the id to tell them apart
        assert by_id[sid] == f"BERK (Runner Reiger, …{sid.hex[-8:]})"
    page = debriefs.list_debriefs(h.vault, h.scope)
    assert sorted(r.codename for r in page.rows) == sorted(by_id.values())
    assert all(by_id[r.source_id] == r.codename for r in page.rows)
    hits = [hit for hit in search.search(h.vault, h.scope, "harbour") if hit.kind == "narrative"]
    assert {(hit.source_id, hit.codename) for hit in hits} == set(by_id.items())
    for sid in (valks, reigers):
        file = sources.source_file(h.vault, h.scope, sid)
        assert file.overview.shown_codename == by_id[sid]
        body, _ = reports.read_internal_body(h.vault, h.scope, reports.Selection(source_id=sid))
        assert [(d.codename, d.source_id) for d in body.debriefs] == [(by_id[sid], str(sid))]
        issued = reports.issue_internal(h.vault, h.scope, reports.Selection(source_id=sid))
        assert str(sid) in pdf_text(issued.pdf).replace("\n", "")


def test_the_command_line_names_the_source_by_id_and_runner(
    handed: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    h = handed.handler
    valks = _berk(handed.valk)
    h.vault.lock()
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    where = ["--vault", str(h.path), "--passphrase-file", str(pp), "--alias", h.scope.alias_name]
    assert main(["search", "harbour", "--json", *where]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert str(valks) in {hit["source_id"] for hit in hits}
    assert main(["show", "source", str(valks), *where]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"BERK (Runner Reiger, …{valks.hex[-8:]}), ")
    assert "run by Runner Reiger" in first
    assert f"id {valks}" in first
