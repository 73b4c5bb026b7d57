"""A source's tokens travel when they change, even if none of its records did
(docs/package-format.md, section 7.7): after a key rotation, an identity recorded
after the source went out, or an identity changed, the next export of everything
new carries the source (with its registration as the receivers hold it); until
then ``keys deconfliction show`` says how many wait; once sent, nothing goes again."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.cli import main
from app.export import package
from app.models import Debrief
from app.models.packages import SourceToken
from app.services.exchange import deconfliction_key, keys, package_receive, packages
from app.services.records import identity, identity_recompute
from app.services.views import IdentityFields
from app.vault import migrate
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.deconfliction import Unit, close, issue, make_unit, new_key

JAN = IdentityFields(
    full_name="Jan van der Berg",
    date_of_birth="1980-12-31",
    addresses=("Dorpsstraat 12-a, 1234 AB Amsterdam",),
    phone_numbers=("06-12345678",),
)
PIET = IdentityFields(full_name="Piet de Vries", date_of_birth="1975-05-04")


@pytest.fixture
def unit(tmp_path: Path) -> Iterator[Unit]:
    made = make_unit(tmp_path)
    for folder in ("central", "handler"):
        (made.outbox / folder).mkdir()
    yield made
    close(made)


def deliver(unit: Unit, replaces: str = "") -> str:
    """A key from central through the handler to the runner (recomputed there)."""
    key = new_key(replaces=replaces)
    path = issue(unit, key, unit.outbox / "central")
    handler, runner = unit.handler, unit.runner
    package_receive.import_package(
        handler.vault, handler.scope, path, passphrase=factory.PASSPHRASE
    )
    (sent,) = deconfliction_key.forward(
        handler.vault, handler.scope, to_dir=unit.outbox / "handler"
    )
    package_receive.import_package(
        runner.vault, runner.scope, sent.path, passphrase=factory.PASSPHRASE
    )
    return key.key_id


def export_all_new(unit: Unit) -> packages.ExportResult:
    runner = unit.runner
    return packages.export_package(runner.vault, runner.scope, to_dir=unit.outbox, all_new=True)


def nothing_new(unit: Unit) -> None:
    with pytest.raises(packages.NothingToExport):
        export_all_new(unit)


def opened_body(unit: Unit, sent: packages.ExportResult) -> dict[str, Any]:
    seed = keys.private_keys(unit.handler.vault).receiving_seed
    body: dict[str, Any] = package.open_package(sent.path.read_bytes(), seed).body
    return body


def held_tokens(unit: Unit, source: uuid.UUID) -> set[tuple[str, str, str]]:
    with unit.runner.vault.read() as session:
        return {
            (t.key_id, t.kind, t.token)
            for t in session.execute(
                select(SourceToken).where(SourceToken.source_id == source)
            ).scalars()
        }


def carried(body: dict[str, Any]) -> dict[str, set[tuple[str, str, str]] | None]:
    """Each source's tokens as the body carries them (None: the member left out)."""
    return {
        s["id"]: None
        if "deconfliction" not in s
        else {(t["key_id"], t["kind"], t["token"]) for t in s["deconfliction"]}
        for s in body["sources"]
    }


def waiting(unit: Unit) -> int:
    return deconfliction_key.status(unit.runner.vault).sources_to_send


def test_after_a_rotation_everything_new_carries_every_source_with_tokens(unit: Unit) -> None:
    runner = unit.runner
    old = deliver(unit)
    merel = factory.source(runner.vault, runner.scope, "MEREL")
    identity.record_identity(runner.vault, runner.scope, merel, JAN)
    factory.debrief(runner.vault, runner.scope, merel, submit=True)
    kwarts = factory.source(runner.vault, runner.scope, "KWARTS")
    identity.record_identity(runner.vault, runner.scope, kwarts, PIET)
    leeg = factory.source(runner.vault, runner.scope, "LEEG")  # no identity, no tokens
    first = export_all_new(unit)
    assert set(carried(opened_body(unit, first))) == {str(merel), str(kwarts), str(leeg)}
    package_receive.import_package(unit.handler.vault, unit.handler.scope, first.path)
    assert waiting(unit) == 0
    nothing_new(unit)

    new = deliver(unit, replaces=old)
    assert waiting(unit) == 2
    again = export_all_new(unit)
    assert (again.debriefs, again.file_records, again.token_sources) == (0, 2, 2)
    body = opened_body(unit, again)
    # Each source with tokens, its registration as the handler holds it, the new
    # key's tokens; the source without tokens stays home.
    assert carried(body) == {
        str(merel): held_tokens(unit, merel),
        str(kwarts): held_tokens(unit, kwarts),
    }
    assert {k for s in carried(body).values() for k, _, _ in s or ()} == {new}
    assert [(r["type"], r["version"]) for r in body["records"]] == [("registration", 1)] * 2
    # The old key is forgotten with this package; the handler takes it (nothing new).
    assert [k.key_id for k in deconfliction_key.status(runner.vault).keys] == [new]
    taken = package_receive.import_package(unit.handler.vault, unit.handler.scope, again.path)
    assert (taken.new, taken.file_records.new, taken.file_records.unchanged) == (0, 0, 2)
    assert waiting(unit) == 0
    nothing_new(unit)


def test_an_identity_recorded_or_changed_after_the_source_went_out_travels(unit: Unit) -> None:
    runner = unit.runner
    deliver(unit)
    merel = factory.source(runner.vault, runner.scope, "MEREL")
    factory.debrief(runner.vault, runner.scope, merel, submit=True)
    first = export_all_new(unit)
    assert "deconfliction" not in opened_body(unit, first)["sources"][0]
    nothing_new(unit)

    # Written down after the first debriefs: the next export carries it.
    identity.record_identity(runner.vault, runner.scope, merel, JAN)
    assert waiting(unit) == 1
    second = export_all_new(unit)
    assert carried(opened_body(unit, second)) == {str(merel): held_tokens(unit, merel)}
    assert second.token_sources == 1
    nothing_new(unit)

    # A new address: new tokens, sent once.
    moved = dataclasses.replace(JAN, addresses=("Kerkstraat 3, 4321 XY Ede",))
    before = held_tokens(unit, merel)
    identity.record_identity(runner.vault, runner.scope, merel, moved)
    assert held_tokens(unit, merel) != before
    third = export_all_new(unit)
    assert carried(opened_body(unit, third)) == {str(merel): held_tokens(unit, merel)}
    nothing_new(unit)
    # An explicit export of a debrief carries the tokens too; they do not wait.
    identity.record_identity(runner.vault, runner.scope, merel, JAN)
    assert waiting(unit) == 1
    with runner.vault.read() as session:
        debrief_id = session.execute(select(Debrief.id)).scalar_one()
    packages.export_package(
        runner.vault, runner.scope, to_dir=unit.outbox, debrief_ids=[debrief_id]
    )
    assert waiting(unit) == 0
    nothing_new(unit)


def test_a_source_with_a_new_debrief_is_not_carried_twice(unit: Unit) -> None:
    runner = unit.runner
    deliver(unit)
    merel = factory.source(runner.vault, runner.scope, "MEREL")
    factory.debrief(runner.vault, runner.scope, merel, submit=True)
    export_all_new(unit)
    identity.record_identity(runner.vault, runner.scope, merel, JAN)
    factory.debrief(runner.vault, runner.scope, merel, submit=True)
    sent = export_all_new(unit)
    body = opened_body(unit, sent)
    assert [r["type"] for r in body["records"]] == ["debrief"]
    assert (sent.debriefs, sent.token_sources) == (1, 0)
    assert carried(body) == {str(merel): held_tokens(unit, merel)}
    nothing_new(unit)


def test_show_says_how_many_sources_wait(unit: Unit, capsys: pytest.CaptureFixture[str]) -> None:
    runner = unit.runner
    deliver(unit)
    merel = factory.source(runner.vault, runner.scope, "MEREL")
    identity.record_identity(runner.vault, runner.scope, merel, JAN)
    runner.vault.lock()
    passfile = unit.outbox.parent / "runner-pass"
    passfile.write_text(factory.PASSPHRASE)
    args = ["keys", "deconfliction", "show", "--vault", str(runner.path)]
    assert main([*args, "--passphrase-file", str(passfile)]) == 0
    out = capsys.readouterr().out
    assert "The tokens of 1 source wait to be sent" in out
    runner.vault = Vault.open(runner.path, factory.PASSPHRASE)


def test_the_new_normalisation_asks_for_a_recompute_and_its_tokens_then_travel(
    unit: Unit,
) -> None:
    """Vault migration 0017 came with a new normalisation (ø, ł, æ …; phone labels;
    month names): a vault's tokens from before are marked as not yet recomputed,
    and once recomputed they go with the next export."""
    runner = unit.runner
    deliver(unit)
    merel = factory.source(runner.vault, runner.scope, "MEREL")
    identity.record_identity(runner.vault, runner.scope, merel, JAN)
    export_all_new(unit)
    engine = runner.vault.engine()
    migrate.downgrade(engine, "0016_deconfliction_notices")
    migrate.upgrade(engine)
    (view,) = deconfliction_key.status(runner.vault).keys
    assert not view.recomputed
    identity_recompute.recompute(runner.vault, runner.scope, passphrase=factory.PASSPHRASE)
    assert deconfliction_key.status(runner.vault).keys[0].recomputed
    # A vault upgraded to 0017 has no record of what was sent: every source with
    # tokens goes once (those the old export never carried reach central too).
    assert waiting(unit) == 1
    assert export_all_new(unit).token_sources == 1
    nothing_new(unit)


def test_tokens_gone_after_they_went_out_are_withdrawn_once(unit: Unit) -> None:
    """An identity replaced by one that gives no token (a name without a date of
    birth, no number, no address: the wrong person was written down at first):
    the source goes once with ``deconfliction: []``, so central drops the wrong
    person's tokens; a source whose tokens never went out says nothing."""
    runner = unit.runner
    deliver(unit)
    merel = factory.source(runner.vault, runner.scope, "MEREL")
    identity.record_identity(runner.vault, runner.scope, merel, JAN)
    kwarts = factory.source(runner.vault, runner.scope, "KWARTS")  # never any tokens
    factory.debrief(runner.vault, runner.scope, kwarts, submit=True)
    first = export_all_new(unit)
    assert carried(opened_body(unit, first))[str(merel)] == held_tokens(unit, merel)
    package_receive.import_package(unit.handler.vault, unit.handler.scope, first.path)
    nothing_new(unit)

    identity.record_identity(runner.vault, runner.scope, merel, IdentityFields("Jan"))
    assert held_tokens(unit, merel) == set()
    assert waiting(unit) == 1
    withdrawal = export_all_new(unit)
    sources = {s["id"]: s for s in opened_body(unit, withdrawal)["sources"]}
    assert sources[str(merel)]["deconfliction"] == []
    assert str(kwarts) not in sources
    # The handler checks the member and takes the package (nothing new to it).
    taken = package_receive.import_package(unit.handler.vault, unit.handler.scope, withdrawal.path)
    assert (taken.new, taken.file_records.unchanged) == (0, 1)
    assert waiting(unit) == 0
    nothing_new(unit)
    # A debrief of each, sent later: the withdrawal went once, and neither source
    # says anything of its tokens now.
    factory.debrief(runner.vault, runner.scope, merel, submit=True)
    factory.debrief(runner.vault, runner.scope, kwarts, submit=True)
    later = carried(opened_body(unit, export_all_new(unit)))
    assert later == {str(merel): None, str(kwarts): None}


def test_no_withdrawal_before_the_new_keys_tokens_are_computed(unit: Unit) -> None:
    """A new key taken in without the passphrase: no source has tokens under it
    yet, which says nothing of any identity. Nothing is withdrawn until the
    recompute; then a source whose identity gives no token is, once."""
    runner = unit.runner
    old = deliver(unit)
    merel = factory.source(runner.vault, runner.scope, "MEREL")
    identity.record_identity(runner.vault, runner.scope, merel, JAN)
    factory.debrief(runner.vault, runner.scope, merel, submit=True)
    package_receive.import_package(
        unit.handler.vault, unit.handler.scope, export_all_new(unit).path
    )
    handler = unit.handler
    path = issue(unit, new_key(replaces=old), unit.outbox / "central")
    package_receive.import_package(handler.vault, handler.scope, path)
    (sent,) = deconfliction_key.forward(
        handler.vault, handler.scope, to_dir=unit.outbox / "handler"
    )
    package_receive.import_package(runner.vault, runner.scope, sent.path)  # no passphrase
    (current,) = [k for k in deconfliction_key.status(runner.vault).keys if k.current]
    assert not current.recomputed
    identity.record_identity(runner.vault, runner.scope, merel, IdentityFields("Jan"))
    assert waiting(unit) == 0
    with runner.vault.read() as session:
        debrief_id = session.execute(select(Debrief.id)).scalar_one()
    again = packages.export_package(
        runner.vault, runner.scope, to_dir=unit.outbox, debrief_ids=[debrief_id]
    )
    assert carried(opened_body(unit, again)) == {str(merel): None}

    identity_recompute.recompute(runner.vault, runner.scope, passphrase=factory.PASSPHRASE)
    assert waiting(unit) == 1
    assert carried(opened_body(unit, export_all_new(unit))) == {str(merel): set()}
    nothing_new(unit)
