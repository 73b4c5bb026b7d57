"""A handover, the old runner's package and the new runner's package reach the
handler in any order (docs/package-format.md, sections 7.4 and 8): in each, the
handler ends with the same whole file of the source, run by the new runner, whose
newer versions an older one never replaces. Runners Valk (old), Specht (new) and
Reiger (who never held the source), and four handler vaults, one per order."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from app.domain.enums import PeerRole, RiskLevel, Role, SourceStatus
from app.errors import PackageError
from app.models import AuditEvent, Source
from app.models.packages import PackageOrigin, SourceHandover
from app.services.exchange import handover, keys, package_receive, packages, whole_file
from app.services.records import closing, sources, welfare
from tests.helpers import factory
from tests.packages.conftest import HANDLER, Party, introduce, open_party, rich_debrief

ORDERS = {
    "a": ("old", "handover", "new"),  # as it always worked
    "b": ("new", "handover", "old"),  # the new runner's package first
    "c": ("handover", "new", "old"),  # the old runner's package last
    "d": ("old", "new", "handover", "new"),  # the new runner's twice: see the test
}
HELD_ELSEWHERE = "holds from elsewhere"
NOT_ITS_RUNNER = "does not run that source in this vault"


@dataclass
class World:
    valk: Party
    specht: Party
    reiger: Party
    handlers: dict[str, Party]
    stick: Path


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    valk = open_party(tmp_path / "valk", factory.RUNNER, Role.RUNNER)
    specht = open_party(tmp_path / "specht", "Specht", Role.RUNNER)
    reiger = open_party(tmp_path / "reiger", "Reiger", Role.RUNNER)
    handlers = {o: open_party(tmp_path / f"handler-{o}", HANDLER, Role.HANDLER) for o in ORDERS}
    for h in handlers.values():
        for runner, name in ((valk, "Valk"), (specht, "Specht"), (reiger, "Reiger")):
            introduce(runner, h, PeerRole.HANDLER, f"Handler {h.path.name}")
            introduce(h, runner, PeerRole.RUNNER, f"Runner {name}")
    for a, b, name in (
        (valk, specht, "Specht"),
        (specht, valk, "Valk"),
        (reiger, specht, "Specht"),
    ):
        introduce(a, b, PeerRole.RUNNER, f"Runner {name}")
    stick = tmp_path / "usb"
    stick.mkdir()
    yield World(valk, specht, reiger, handlers, stick)
    for party in (valk, specht, reiger, *handlers.values()):
        if not party.vault.is_locked:
            party.vault.lock()


@dataclass
class Sent:
    source: uuid.UUID
    files: dict[str, Path]  # "old", "handover", "new"


def _source(party: Party, codename: str) -> uuid.UUID:
    with party.vault.read() as session:
        return session.execute(select(Source.id).where(Source.codename == codename)).scalar_one()


def _hand_over(world: World, party: Party, source: uuid.UUID) -> Path:
    return handover.hand_over(
        party.vault,
        party.scope,
        source,
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Specht",
        to_dir=world.stick,
    ).path


def _export(world: World, party: Party) -> Path:
    return packages.export_package(party.vault, party.scope, to_dir=world.stick, all_new=True).path


def _trial(world: World) -> Sent:
    """The trial's steps: Valk's package (with ROBIJN's whole file), the handover to
    Specht, who takes it on, closes the source and sends a package."""
    valk, specht = world.valk, world.specht
    rich_debrief(valk, "ROBIJN")
    robijn = _source(valk, "ROBIJN")
    welfare.assess_risk(
        valk.vault, valk.scope, robijn, level=RiskLevel.MEDIUM, review_on=date(2027, 1, 1),
        threats="Known to a rival group.",
    )  # fmt: skip
    old = _export(world, valk)
    moved = _hand_over(world, valk, robijn)
    package_receive.import_package(specht.vault, specht.scope, moved)
    closing.close_registration(specht.vault, specht.scope, robijn, reason="Stopped cooperating")
    new = _export(world, specht)
    return Sent(robijn, {"old": old, "handover": moved, "new": new})


def _holder(h: Party, source: uuid.UUID) -> str:
    with h.vault.read() as session:
        return session.execute(
            select(PackageOrigin.sender).where(
                PackageOrigin.record_type == "source", PackageOrigin.record_id == source
            )
        ).scalar_one()


def _file(h: Party, source: uuid.UUID) -> dict[str, Any]:
    return whole_file.whole_file(h.vault, h.scope, source)


def _actions(party: Party) -> list[str]:
    with party.vault.read() as session:
        return list(session.execute(select(AuditEvent.action)).scalars())


def test_every_order_of_arrival_gives_the_handler_the_same_whole_file(world: World) -> None:
    sent = _trial(world)
    for order, steps in ORDERS.items():
        h = world.handlers[order]
        for n, step in enumerate(steps):
            if order == "d" and n == 1:
                # Before the handover, the handler holds the source from Valk and cannot
                # tell Specht from any other runner: refused whole, nothing written ...
                with pytest.raises(PackageError, match=HELD_ELSEWHERE):
                    package_receive.verify_package(h.vault, h.scope, sent.files[step])
                # ... and told what to do: the handover first, then this again.
                with pytest.raises(PackageError, match="take in that handover package first"):
                    package_receive.import_package(h.vault, h.scope, sent.files[step])
                continue  # ... and taken when imported again after the handover
            package_receive.verify_package(h.vault, h.scope, sent.files[step])
            package_receive.import_package(h.vault, h.scope, sent.files[step])
    first = _file(world.handlers["a"], sent.source)
    assert first["registration"]["record"]["closed_at"] is not None
    assert first["source"]["status"] == SourceStatus.CLOSED.value
    assert [v["version"] for v in first["registration"]["versions"]] == [1, 2]
    assert len(first["risk_assessments"]) == 1
    assert len(first["debriefs"]) == 1
    assert len(first["taskings"]) == len(first["payments"]) == len(first["contacts"]) == 1
    specht = keys.own_fingerprint(world.specht.vault).hex
    for order, h in world.handlers.items():
        assert _file(h, sent.source) == first, order
        assert _holder(h, sent.source) == specht, order
        assert whole_file.shown_and_runner(h.vault, h.scope, sent.source)[1] == "Runner Specht"
        assert {"package.imported", "source.runner_changed"} <= set(_actions(h)), order


def test_the_new_runner_goes_on_after_a_handover_that_came_second(world: World) -> None:
    # Order (b), then a further package of Specht's: taken as the holder's.
    sent = _trial(world)
    h, specht = world.handlers["b"], world.specht
    for step in ORDERS["b"]:
        package_receive.import_package(h.vault, h.scope, sent.files[step])
    welfare.assess_risk(
        specht.vault, specht.scope, sent.source, level=RiskLevel.HIGH,
        review_on=date(2027, 2, 1), threats="Seen with the rival group.",
    )  # fmt: skip
    more = package_receive.import_package(h.vault, h.scope, _export(world, specht))
    assert more.file_records.new == 1
    assert len(_file(h, sent.source)["risk_assessments"]) == 2


def _forge(party: Party, source: uuid.UUID, codename: str) -> None:
    """A doctored vault: a source of its own given ``source``'s id (as a runner who
    never held it would have to)."""
    mine = factory.source(party.vault, party.scope, codename)
    factory.debrief(party.vault, party.scope, mine, submit=True)
    with party.vault.engine().begin() as conn:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        tables = [
            t
            for (t,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            if any(c[1] == "source_id" for c in conn.exec_driver_sql(f"PRAGMA table_info({t})"))
        ]
        for table in tables:
            conn.exec_driver_sql(
                f"UPDATE {table} SET source_id = ? WHERE source_id = ?",
                (source.hex, mine.hex),
            )
        conn.exec_driver_sql("UPDATE source SET id = ? WHERE id = ?", (source.hex, mine.hex))


@pytest.mark.parametrize("when", ["before the handover", "after the handover"])
def test_a_runner_who_never_held_the_source_is_refused(world: World, when: str) -> None:
    sent = _trial(world)
    h, reiger = world.handlers["a"], world.reiger
    steps = ORDERS["a"] if when == "after the handover" else ("old",)
    for step in steps:
        package_receive.import_package(h.vault, h.scope, sent.files[step])
    before = _file(h, sent.source)
    _forge(reiger, sent.source, "ROBIJN")
    forged = {"package": _export(world, reiger), "handover": _hand_over(world, reiger, sent.source)}
    for kind, path in forged.items():
        wanted = HELD_ELSEWHERE if kind == "package" else NOT_ITS_RUNNER
        for check in (package_receive.verify_package, package_receive.import_package):
            with pytest.raises(PackageError, match=wanted):
                check(h.vault, h.scope, path)
    assert _file(h, sent.source) == before
    assert "package.refused" in _actions(h)


def test_a_handover_from_another_than_the_runner_it_was_handed_from_is_refused(
    world: World,
) -> None:
    # Order (b): the handler holds ROBIJN from Specht, handed over by Valk. Valk's
    # vault, made to forget that, hands it over again: refused, as is Reiger's.
    sent = _trial(world)
    h, valk = world.handlers["b"], world.valk
    for step in ORDERS["b"]:
        package_receive.import_package(h.vault, h.scope, sent.files[step])
    before = _file(h, sent.source)
    with valk.vault.write() as session:
        session.execute(delete(SourceHandover))
    again = _hand_over(world, valk, sent.source)
    _forge(world.reiger, sent.source, "ROBIJN")
    forged = _hand_over(world, world.reiger, sent.source)
    for path in (again, forged):
        for check in (package_receive.verify_package, package_receive.import_package):
            with pytest.raises(PackageError, match=NOT_ITS_RUNNER):
                check(h.vault, h.scope, path)
    assert _file(h, sent.source) == before


def test_a_handover_of_a_source_the_new_runner_brought_in_itself_is_refused(
    world: World,
) -> None:
    # Specht's own source, sent to the handler: a "handover" of it to Specht (here:
    # from Reiger's doctored vault) is not one whose package came second.
    specht, h = world.specht, world.handlers["a"]
    rich_debrief(specht, "KOEKOEK")
    koekoek = _source(specht, "KOEKOEK")
    package_receive.import_package(h.vault, h.scope, _export(world, specht))
    _forge(world.reiger, koekoek, "KOEKOEK")
    forged = _hand_over(world, world.reiger, koekoek)
    for check in (package_receive.verify_package, package_receive.import_package):
        with pytest.raises(PackageError, match=NOT_ITS_RUNNER):
            check(h.vault, h.scope, forged)


def test_a_handover_after_the_new_runners_package_brings_nothing_past_it(world: World) -> None:
    # The handler holds Specht's version 2 of the registration only. A "handover"
    # from Valk's vault, made to forget the first and changed twice since, carries
    # version 3: refused whole; the real handover is then taken.
    sent = _trial(world)
    h, valk = world.handlers["b"], world.valk
    package_receive.import_package(h.vault, h.scope, sent.files["new"])
    with valk.vault.write() as session:
        session.execute(delete(SourceHandover))
    for text in ("Valk, later", "Valk, later still"):
        with valk.vault.read() as session:
            src = session.get(Source, sent.source)
            assert src is not None
            draft = sources.SourceDraft(codename=src.codename, kind=src.kind,
                                        status=src.status, notes=text)  # fmt: skip
        sources.update_source(valk.vault, valk.scope, sent.source, draft)
        if text == "Valk, later":
            _export(world, valk)
    forged = _hand_over(world, valk, sent.source)
    for check in (package_receive.verify_package, package_receive.import_package):
        with pytest.raises(PackageError, match=HELD_ELSEWHERE):
            check(h.vault, h.scope, forged)
    package_receive.import_package(h.vault, h.scope, sent.files["handover"])
    registration = _file(h, sent.source)["registration"]
    assert [v["version"] for v in registration["versions"]] == [1, 2]
    assert registration["record"]["closed_at"] is not None
