"""Issue 17, point 3: sources are identified by id, never by codename. Two runners
give two people the codename ZWALUW; the handler's vault keeps both, says so in a
notice (never a refusal), and shows them apart (codename and runner) in its lists,
its search, its reports and on the command line, where a codename two sources
have is refused with the ids to give instead."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.domain import names
from app.domain.enums import AliasKind, PeerRole, Role
from app.domain.names import NameKind
from app.models import Alias, Compartment, Source
from app.services import reports
from app.services.exchange import package_receive, packages
from app.services.records import debriefs, search, sources, tasking
from tests.helpers import factory
from tests.packages.conftest import Pair, Party, debrief_rows, introduce, open_party, rich_debrief


def _second_runner(pair: Pair, tmp_path: Path) -> Party:
    kraai = open_party(tmp_path / "runner2", "Kraai", Role.RUNNER)
    introduce(kraai, pair.handler, PeerRole.HANDLER, "Team handler")
    introduce(pair.handler, kraai, PeerRole.RUNNER, "Runner Kraai")
    return kraai


def _send(party: Party, pair: Pair) -> Path:
    result = packages.export_package(party.vault, party.scope, to_dir=pair.outbox, all_new=True)
    return result.path


@pytest.fixture
def namesakes(pair: Pair, tmp_path: Path) -> Pair:
    """Both runners' ZWALUW, each with a debrief that mentions the harbour, in the
    handler's vault."""
    kraai = _second_runner(pair, tmp_path)
    rich_debrief(pair.runner, "ZWALUW", marker="Valk's source.")
    rich_debrief(kraai, "ZWALUW", marker="Kraai's source.")
    h = pair.handler
    package_receive.import_package(h.vault, h.scope, _send(pair.runner, pair).read_bytes())
    second = package_receive.import_package(h.vault, h.scope, _send(kraai, pair).read_bytes())
    assert second.new == 1
    kraai.vault.lock()
    return pair


def test_a_second_runners_source_with_a_taken_codename_is_kept_with_a_notice(
    pair: Pair, tmp_path: Path
) -> None:
    kraai = _second_runner(pair, tmp_path)
    rich_debrief(pair.runner, "ZWALUW")
    theirs = rich_debrief(kraai, "zwaluw")  # the same codename by key
    h = pair.handler
    package_receive.import_package(h.vault, h.scope, _send(pair.runner, pair).read_bytes())
    second = _send(kraai, pair).read_bytes()
    check = package_receive.verify_package(h.vault, h.scope, second)
    result = package_receive.import_package(h.vault, h.scope, second)
    for warnings in (check.warnings, result.warnings):
        assert [w.template for w in warnings] == [
            "Source {codename} (id {id}, from {runner}) in this package has the codename "
            "of another source in this vault; both are kept, each shown with its runner."
        ]
        with kraai.vault.read() as session:
            kraais = session.execute(select(Source.id)).scalar_one()
        assert warnings[0].params == {
            "codename": "ZWALUW",
            "id": str(kraais),
            "runner": "Runner Kraai",
        }
    assert (result.new, debrief_rows(h)) == (1, 2)
    assert debriefs.get_debrief(h.vault, h.scope, theirs).narrative.startswith("Source describes")
    with h.vault.read() as session:
        assert sorted(session.execute(select(Source.codename)).scalars()) == ["ZWALUW", "ZWALUW"]
    kraai.vault.lock()


def test_the_handlers_own_codename_does_not_keep_a_runners_source_out(pair: Pair) -> None:
    h = pair.handler
    own = factory.source(h.vault, h.scope, "ZWALUW")
    rich_debrief(pair.runner, "ZWALUW")
    result = package_receive.import_package(h.vault, h.scope, _send(pair.runner, pair).read_bytes())
    assert result.new == 1
    assert len(result.warnings) == 1
    shown = {r.id: r.codename for r in sources.list_sources(h.vault, h.scope)}
    assert shown[own] == f"ZWALUW ({h.scope.alias_name})"  # its primary runner here
    assert sorted(shown.values()) == ["ZWALUW (Havik)", "ZWALUW (Runner Valk)"]


def test_namesakes_are_shown_apart_in_every_list(namesakes: Pair) -> None:
    h = namesakes.handler
    expected = ["ZWALUW (Runner Kraai)", "ZWALUW (Runner Valk)"]
    rows = sources.list_sources(h.vault, h.scope)
    assert sorted(r.codename for r in rows) == expected
    by_id = {r.id: r.codename for r in rows}
    page = debriefs.list_debriefs(h.vault, h.scope)
    assert sorted(r.codename for r in page.rows) == expected
    assert all(by_id[r.source_id] == r.codename for r in page.rows)
    for row in page.rows:
        view = debriefs.get_debrief(h.vault, h.scope, row.id)
        assert view.codename == by_id[view.source_id]
        file = sources.source_file(h.vault, h.scope, view.source_id)
        assert file.overview.codename == "ZWALUW"  # the codename itself, for the form
        assert file.overview.shown_codename == by_id[view.source_id]
        assert {t.codename for t in file.taskings} == {by_id[view.source_id]}
    hits = search.search(h.vault, h.scope, "harbour")
    assert sorted(hit.codename for hit in hits if hit.kind == "narrative") == expected
    assert sorted(t.codename for t in tasking.open_taskings(h.vault, h.scope)) == expected


def test_an_alias_that_sees_one_namesake_sees_the_codename_alone(namesakes: Pair) -> None:
    """The runner's name is added only where the alias could confuse two files."""
    h = namesakes.handler
    other = factory.source(h.vault, h.scope, "MEREL")
    assert {r.codename for r in sources.list_sources(h.vault, h.scope)} >= {"MEREL"}
    assert sources.source_file(h.vault, h.scope, other).overview.shown_codename == "MEREL"


def test_a_report_over_both_names_each_source_apart(namesakes: Pair) -> None:
    h = namesakes.handler
    body, views = reports.read_internal_body(
        h.vault,
        h.scope,
        reports.Selection(date_from=date(2026, 1, 1), date_to=date(2027, 12, 31)),
    )
    assert len(views) == 2
    assert body.codenames == ("ZWALUW (Runner Kraai)", "ZWALUW (Runner Valk)")
    assert sorted(d.codename for d in body.debriefs) == list(body.codenames)
    for row in sources.list_sources(h.vault, h.scope):
        one, _ = reports.read_internal_body(h.vault, h.scope, reports.Selection(source_id=row.id))
        assert [d.codename for d in one.debriefs] == [row.codename]


def test_the_command_line_refuses_a_codename_two_sources_have_and_takes_an_id(
    namesakes: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    h = namesakes.handler
    rows = sources.list_sources(h.vault, h.scope)
    h.vault.lock()
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    where = ["--vault", str(h.path), "--passphrase-file", str(pp), "--alias", h.scope.alias_name]
    for command in (
        ["show", "source", "zwaluw", *where],
        ["list", "debriefs", "--source", "ZWALUW", *where],
    ):
        code = main(command)
        out, err = capsys.readouterr()
        assert code != 0
        assert err.count("\n") == 1
        assert "2 sources" in err
        assert "give the id" in err
        for row in rows:  # how to pick: each id, with its runner
            assert f"{row.id}  {row.codename}  " in out
    listed = main(["list", "sources", *where])
    out, _ = capsys.readouterr()
    assert listed == 0
    assert all(str(r.id) in out and r.codename in out for r in rows)
    for row in rows:
        assert main(["show", "source", str(row.id), *where, "--json"]) == 0
        out, _ = capsys.readouterr()
        assert f'"id": "{row.id}"' in out
        assert main(["list", "debriefs", "--source", str(row.id), *where]) == 0
        out, _ = capsys.readouterr()
        assert out.count("\n") == 1
        assert row.codename in out


def test_a_third_namesake_gets_a_compartment_name_of_its_own(pair: Pair, tmp_path: Path) -> None:
    """Three runners' ZWALUW, made the same minute: their compartments' ids begin
    with the same time, so the name a third one gets must not come from there."""
    kraai = _second_runner(pair, tmp_path)
    reiger = open_party(tmp_path / "runner3", "Reiger", Role.RUNNER)
    introduce(reiger, pair.handler, PeerRole.HANDLER, "Team handler")
    introduce(pair.handler, reiger, PeerRole.RUNNER, "Runner Reiger")
    h = pair.handler
    for party in (pair.runner, kraai, reiger):
        rich_debrief(party, "ZWALUW")
        result = package_receive.import_package(h.vault, h.scope, _send(party, pair).read_bytes())
        assert result.new == 1
    with h.vault.read() as session:
        held = list(session.execute(select(Compartment.name)).scalars())
    named = [n for n in held if n.startswith("File ZWALUW")]
    assert len(named) == len(set(named)) == 3
    assert debrief_rows(h) == 3
    for party in (kraai, reiger):
        party.vault.lock()


def test_a_free_name_is_found_within_the_length_rule() -> None:
    taken = {"A" * 120, "A" * 111 + " (123456)"}
    name = names.free_name(
        "A" * 120, "ab" * 13 + "123456", NameKind.COMPARTMENT, taken.__contains__
    )
    assert name == "A" * 109 + " (ab123456)"
    assert len(name) <= NameKind.COMPARTMENT.limit


def test_a_codename_its_runner_changes_travels_and_the_old_one_stays_known(
    pair: Pair,
) -> None:
    # A rename (to set a namesake apart, or to drop a codename the rules refuse
    # now) must reach the handler: the old codename kept as the source's alias,
    # as where it was changed, for the sanitisation guard.
    debrief = rich_debrief(pair.runner, "LINDE")
    with pair.runner.vault.read() as s:
        source = s.execute(select(Source.id).where(Source.codename == "LINDE")).scalar_one()
    first = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    package_receive.import_package(pair.handler.vault, pair.handler.scope, first.path)
    sources.update_source(
        pair.runner.vault, pair.runner.scope, source, sources.SourceDraft(codename="BERK")
    )
    debriefs.add_addendum(pair.runner.vault, pair.runner.scope, debrief, "Later: renamed.")
    later = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    package_receive.import_package(pair.handler.vault, pair.handler.scope, later.path)
    with pair.handler.vault.read() as s:
        held = s.get(Source, source)
        assert held is not None
        assert held.codename == "BERK"
        former = s.execute(
            select(Alias.name).where(Alias.source_id == source, Alias.kind == AliasKind.CODENAME)
        ).scalars()
        assert list(former) == ["LINDE"]
