"""Blind deconfliction end to end, every hop through the app's own code: central
makes and issues the unit key; the handler's vault takes it in and forwards it;
two runners of the team take it in and each records a true identity that shares a
phone number with the other's (one person registered twice); their packages reach
the handler and central; central matches the tokens (kind only, never a token),
the handler's vault takes central's notice in and shows the possible same person
on the source's file; a decision travels in the next notice and closes it there."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from app.central import central_keys, store, teams
from app.central.place import Place
from app.domain.enums import PeerRole, Role
from app.models.packages import SourceToken
from app.services.exchange import deconfliction_key, keys, package_receive, packages
from app.services.records import identity
from app.services.views import IdentityFields
from app.vault.vault import Vault
from tests.central.conftest import PASSPHRASE
from tests.helpers import factory
from tests.helpers.central import Result, run
from tests.packages.conftest import Party, introduce, open_party

TEAM = "Noord"
RUNNER_NAMES = ("Runner Valk", "Runner Uil")
# One person as two runners wrote him down: only the phone number is shared.
JAN = IdentityFields(
    full_name="Jan van der Berg", date_of_birth="1980-12-31", phone_numbers=("06-12345678",)
)
JOHAN = IdentityFields(
    full_name="Johan Bergman", date_of_birth="1979-03-02", phone_numbers=("+31 6 1234 5678",)
)


@dataclass
class Unit:
    handler: Party
    runners: tuple[Party, Party]
    out: Path
    central: tuple[str, ...]  # the central commands' --db and --passphrase-file

    def parties(self) -> tuple[Party, ...]:
        return (self.handler, *self.runners)


def _own_bundle(party: Party, name: str, role: PeerRole) -> keys.KeyBundle:
    return keys.read_bundle(
        keys.bundle_bytes(party.vault, keys.own_bundle(party.vault, name, role))
    )


@pytest.fixture
def unit(central_place: Place, tmp_path: Path) -> Iterator[Unit]:
    handler = open_party(tmp_path / "handler", "Havik", Role.HANDLER)
    runners = (
        open_party(tmp_path / "valk", "Valk", Role.RUNNER),
        open_party(tmp_path / "uil", "Uil", Role.RUNNER),
    )
    with store.opened(central_place) as s, s.begin() as conn:
        central = keys.read_bundle(central_keys.public(conn).bundle)
        for party, name, role in (
            (handler, "Havik", PeerRole.HANDLER),
            (runners[0], RUNNER_NAMES[0], PeerRole.RUNNER),
            (runners[1], RUNNER_NAMES[1], PeerRole.RUNNER),
        ):
            bundle = _own_bundle(party, name, role)
            teams.register(conn, bundle, role=role, team=TEAM,
                           confirmed_spoken=bundle.fingerprint.spoken, by="test")  # fmt: skip
    for party in (handler, *runners):
        keys.add_peer(party.vault, party.scope, central, role=PeerRole.CENTRAL,
                      confirmed_spoken=central.fingerprint.spoken, name="Centraal")  # fmt: skip
    for runner, name in zip(runners, RUNNER_NAMES, strict=True):
        introduce(runner, handler, PeerRole.HANDLER, "Team handler")
        introduce(handler, runner, PeerRole.RUNNER, name)
    passfile = tmp_path / "central-pass"
    passfile.write_text(PASSPHRASE)
    out = tmp_path / "usb"
    out.mkdir()
    assert central_place.url is not None
    made = Unit(
        handler, runners, out, ("--db", central_place.url, "--passphrase-file", str(passfile))
    )
    yield made
    for party in made.parties():
        if not party.vault.is_locked:
            party.vault.lock()


def _ok(result: Result) -> Result:
    assert result.code == 0, result.err
    return result


def _new_files(folder: Path, seen: set[Path]) -> list[Path]:
    found = sorted(set(folder.iterdir()) - seen)
    seen.update(found)
    return found


def _tokens(party: Party) -> set[str]:
    with party.vault.read() as session:
        return set(session.execute(select(SourceToken.token)).scalars())


def test_two_registrations_of_one_person_reach_the_handler_as_a_possible_match(
    capsys: pytest.CaptureFixture[str], unit: Unit
) -> None:
    seen: set[Path] = set()
    # Central: a key with small parameters (cheap; production's are its default).
    _ok(run(capsys, "central", "deconfliction-key", "new", *unit.central,
            "--memory-kib", "8192", "--iterations", "1", "--lanes", "1"))  # fmt: skip
    _ok(run(capsys, "central", "deconfliction-key", "issue", *unit.central, "--to", str(unit.out)))
    [key_package] = _new_files(unit.out, seen)

    # The handler takes it in and forwards it to both runners, who take it in.
    handler = unit.handler
    taken = package_receive.import_package(
        handler.vault, handler.scope, key_package, passphrase=factory.PASSPHRASE
    )
    assert taken.key is not None
    assert taken.key.new
    forwarded = deconfliction_key.forward(handler.vault, handler.scope, to_dir=unit.out)
    assert len(forwarded) == 2
    by_name = {f.runner: f.path for f in forwarded}
    for runner, name in zip(unit.runners, RUNNER_NAMES, strict=True):
        result = package_receive.import_package(
            runner.vault, runner.scope, by_name[name], passphrase=factory.PASSPHRASE
        )
        assert result.key is not None
        assert result.key.key_id == taken.key.key_id
    _new_files(unit.out, seen)

    # Each runner records the person under a source of their own, with a debrief.
    codenames = ("MEREL", "KWARTS")
    for runner, codename, person in zip(unit.runners, codenames, (JAN, JOHAN), strict=True):
        source = factory.source(runner.vault, runner.scope, codename)
        identity.record_identity(runner.vault, runner.scope, source, person)
        factory.debrief(runner.vault, runner.scope, source, submit=True)
        packages.export_package(runner.vault, runner.scope, to_dir=unit.out, all_new=True)
    debrief_packages = _new_files(unit.out, seen)
    assert len(debrief_packages) == 2
    tokens = _tokens(unit.runners[0]) | _tokens(unit.runners[1])
    # One phone token each, the same: name and birth date differ.
    assert _tokens(unit.runners[0]) & _tokens(unit.runners[1])
    for package in debrief_packages:  # the handler files them as always
        package_receive.import_package(handler.vault, handler.scope, package)

    ingested = run(capsys, "central", "ingest", *map(str, debrief_packages), *unit.central)
    _ok(ingested)
    listed = _ok(run(capsys, "central", "deconflict", unit.central[0], unit.central[1], "--json"))
    [match] = json.loads(listed.out)
    assert (match["kind"], match["team"], match["other_team"], match["status"]) == (
        "phone",
        TEAM,
        TEAM,
        "open",
    )
    for hidden in [*tokens, *codenames, "12345678", "Berg"]:
        assert hidden not in listed.out

    # Central tells the handler; the handler's vault shows it on the source's file.
    _ok(run(capsys, "central", "deconflict", "notify", *unit.central, "--to", str(unit.out)))
    [notice] = _new_files(unit.out, seen)
    told = package_receive.import_package(handler.vault, handler.scope, notice)
    assert told.notice is not None
    assert (told.notice.matches, told.notice.open) == (1, 1)
    # One match within the team: each source's file names the other.
    merel, kwarts = _show_sources(capsys, unit, codenames)
    assert "Possibly the same person as KWARTS (this team): phone number" in merel
    assert "Possibly the same person as MEREL (this team): phone number" in kwarts
    assert (merel + kwarts).count("Possibly the same person") == 2

    # A staff member of the team decides; the next notice closes it on the laptop.
    db = unit.central[:2]
    _ok(run(capsys, "central", "grant", *db, "--team", TEAM, "--user", "noord_staff"))
    _ok(run(capsys, "central", "deconflict", "decide", match["match_id"], *db, "--as",
            "same", "--user", "noord_staff", "--why", "one person, two runners"))  # fmt: skip
    _ok(run(capsys, "central", "deconflict", "notify", *unit.central, "--to", str(unit.out)))
    [decided] = _new_files(unit.out, seen)
    again = package_receive.import_package(handler.vault, handler.scope, decided)
    assert again.notice is not None
    assert (again.notice.matches, again.notice.open) == (1, 0)
    assert "Possibly the same person" not in "".join(_show_sources(capsys, unit, codenames))


def _show_sources(
    capsys: pytest.CaptureFixture[str], unit: Unit, codenames: tuple[str, ...]
) -> list[str]:
    """``veldboek show source`` for each codename in the handler's vault (the
    command unlocks the vault itself: the test's handle is locked meanwhile)."""
    handler = unit.handler
    handler.vault.lock()
    passfile = unit.out.parent / "handler-pass"
    passfile.write_text(factory.PASSPHRASE)
    try:
        shown = [
            _ok(run(capsys, "show", "source", codename, "--vault", str(handler.path),
                    "--passphrase-file", str(passfile), "--alias", "Havik")).out
            for codename in codenames
        ]  # fmt: skip
    finally:
        handler.vault = Vault.open(handler.path, factory.PASSPHRASE)
    return shown


def _issue_key(capsys: pytest.CaptureFixture[str], unit: Unit, seen: set[Path]) -> None:
    """A new unit key at central (a rotation, after the first), issued to the
    handler, forwarded to both runners, taken in with the passphrase (recomputed)."""
    _ok(run(capsys, "central", "deconfliction-key", "new", *unit.central,
            "--memory-kib", "8192", "--iterations", "1", "--lanes", "1"))  # fmt: skip
    _ok(run(capsys, "central", "deconfliction-key", "issue", *unit.central, "--to", str(unit.out)))
    [key_package] = _new_files(unit.out, seen)
    handler = unit.handler
    package_receive.import_package(
        handler.vault, handler.scope, key_package, passphrase=factory.PASSPHRASE
    )
    forwarded = deconfliction_key.forward(handler.vault, handler.scope, to_dir=unit.out)
    by_name = {f.runner: f.path for f in forwarded}
    for runner, name in zip(unit.runners, RUNNER_NAMES, strict=True):
        package_receive.import_package(
            runner.vault, runner.scope, by_name[name], passphrase=factory.PASSPHRASE
        )
    _new_files(unit.out, seen)


def test_after_a_rotation_the_next_export_brings_the_new_tokens_and_a_new_source_matches(
    capsys: pytest.CaptureFixture[str], unit: Unit
) -> None:
    seen: set[Path] = set()
    _issue_key(capsys, unit, seen)
    valk, uil = unit.runners
    merel = factory.source(valk.vault, valk.scope, "MEREL")
    identity.record_identity(valk.vault, valk.scope, merel, JAN)
    factory.debrief(valk.vault, valk.scope, merel, submit=True)
    packages.export_package(valk.vault, valk.scope, to_dir=unit.out, all_new=True)
    _ok(run(capsys, "central", "ingest", *map(str, _new_files(unit.out, seen)), *unit.central))

    # Rotation: Valk's vault recomputes MEREL's tokens; nothing else of it changed,
    # and still the next export of everything new carries the source.
    _issue_key(capsys, unit, seen)
    sent = packages.export_package(valk.vault, valk.scope, to_dir=unit.out, all_new=True)
    assert (sent.debriefs, sent.token_sources) == (0, 1)
    with pytest.raises(packages.NothingToExport):
        packages.export_package(valk.vault, valk.scope, to_dir=unit.out, all_new=True)
    # Uil registers the same person (the phone number) after the rotation.
    kwarts = factory.source(uil.vault, uil.scope, "KWARTS")
    identity.record_identity(uil.vault, uil.scope, kwarts, JOHAN)
    factory.debrief(uil.vault, uil.scope, kwarts, submit=True)
    packages.export_package(uil.vault, uil.scope, to_dir=unit.out, all_new=True)
    new_packages = _new_files(unit.out, seen)
    assert len(new_packages) == 2
    for path in new_packages:  # the handler takes both (the first changes nothing)
        package_receive.import_package(unit.handler.vault, unit.handler.scope, path)
    _ok(run(capsys, "central", "ingest", *map(str, new_packages), *unit.central))
    listed = _ok(run(capsys, "central", "deconflict", unit.central[0], unit.central[1], "--json"))
    [match] = json.loads(listed.out)
    assert (match["kind"], match["status"]) == ("phone", "open")
