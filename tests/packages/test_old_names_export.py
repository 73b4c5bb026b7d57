"""A vault from before a rule of names may hold an alias or a compartment name the
rule refuses; its handler would refuse the whole package. Export says so first,
before anything is written, with the kind of name and what renames it; once
renamed (``veldboek alias rename``, a new codename), the package goes and the
handler takes it in."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.domain import names
from app.domain.names import NameKind
from app.errors import InvalidInput
from app.models import Alias, Compartment, Source
from app.services.admin import aliases
from app.services.exchange import package_receive, packages
from app.services.records import sources
from app.vault.vault import Vault
from tests.helpers import factory
from tests.packages.conftest import Pair, Party, debrief_rows, rich_debrief, submitted_debriefs
from tests.packages.test_handover import Trio, _hand_over, _with_identity
from tests.packages.test_handover import trio as trio  # the fixture, for the handover below

OLD_ALIASES = ["Va\u200blk", "V\u0430lk", "Valk\x1b[2J", "Valk " + "x" * 80]


def _raw(vault: Vault, sql: str, *params: object) -> None:
    """As a vault from before the rule may hold it (the rule is not asked)."""
    with vault.engine().begin() as conn:
        conn.exec_driver_sql(sql, params)


def _export(party: Party, outbox: Path) -> bytes:
    result = packages.export_package(party.vault, party.scope, to_dir=outbox, all_new=True)
    return result.path.read_bytes()


def _compartment(vault: Vault, source_id: uuid.UUID) -> tuple[uuid.UUID, str]:
    with vault.read() as session:
        row = session.execute(
            select(Compartment.id, Compartment.name)
            .join(Source, Source.compartment_id == Compartment.id)
            .where(Source.id == source_id)
        ).one()
    return row[0], row[1]


@pytest.mark.parametrize("old", OLD_ALIASES)
def test_an_own_alias_from_before_the_rule_is_refused_at_export_until_renamed(
    pair: Pair, old: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not names.is_clean(old, NameKind.ALIAS)
    submitted_debriefs(pair.runner, 2)
    _raw(pair.runner.vault, "UPDATE alias SET name = ? WHERE name = 'Valk'", old)
    alias_id = pair.runner.scope.alias_id
    with pytest.raises(InvalidInput) as refused:
        _export(pair.runner, pair.outbox)
    message = str(refused.value)
    assert message.startswith(f"Not sent: your alias {alias_id} has a name that is too long")
    assert f"veldboek alias rename {alias_id} NEW" in message
    assert old not in message
    assert list(pair.outbox.iterdir()) == []
    # The command line, as the message says, with the id (the old name may hold
    # characters nobody can type).
    pair.runner.vault.lock()
    pp = pair.outbox.parent / "passphrase"
    pp.write_text(factory.PASSPHRASE + "\n")
    vault_args = ["--vault", str(pair.runner.path), "--passphrase-file", str(pp)]
    assert main(["alias", "rename", str(alias_id), "Sperwer", *vault_args]) == 0
    assert f"Alias {alias_id} is now Sperwer" in capsys.readouterr().out
    vault = Vault.open(pair.runner.path, factory.PASSPHRASE)
    pair.runner = Party(vault, aliases.resolve_scope(vault, "Sperwer"), pair.runner.path)
    data = _export(pair.runner, pair.outbox)
    package_receive.import_package(pair.handler.vault, pair.handler.scope, data)
    assert debrief_rows(pair.handler) == 2
    with pair.handler.vault.read() as session:
        known = set(session.execute(select(Alias.name)).scalars())
    assert "Sperwer" in known
    assert old not in known


def test_a_colleagues_name_from_before_the_rule_is_refused_at_export(pair: Pair) -> None:
    rich_debrief(pair.runner)  # a colleague Uil-… attends and witnesses a payment
    with pair.runner.vault.read() as session:
        colleague = session.execute(select(Alias.id).where(Alias.name.like("Uil-%"))).scalar_one()
    _raw(pair.runner.vault, "UPDATE alias SET name = 'U\u200bil' WHERE id = ?", colleague.hex)
    with pytest.raises(InvalidInput) as refused:
        _export(pair.runner, pair.outbox)
    assert str(refused.value).startswith(
        f"Not sent: these records name a colleague (alias {colleague}, known from a package)"
    )
    assert "cannot be renamed in this vault" in str(refused.value)
    assert list(pair.outbox.iterdir()) == []


def test_an_old_name_the_package_does_not_carry_stops_nothing(pair: Pair) -> None:
    aliases.add_alias(pair.runner.vault, "Kraai", role=None, can_act=False)
    _raw(pair.runner.vault, "UPDATE alias SET name = 'Kr\u200baai' WHERE name = 'Kraai'")
    submitted_debriefs(pair.runner, 1)
    package_receive.import_package(
        pair.handler.vault, pair.handler.scope, _export(pair.runner, pair.outbox)
    )
    assert debrief_rows(pair.handler) == 1


def test_a_compartment_from_before_the_rule_is_refused_until_the_source_is_renamed(
    pair: Pair,
) -> None:
    # KWАRTS (a Cyrillic А) was a codename once; renamed KWARTS since, its
    # compartment kept the old name, which mixes look-alike letters in a word.
    submitted_debriefs(pair.runner, 1, codename="KWARTS")
    with pair.runner.vault.read() as session:
        source_id = session.execute(select(Source.id)).scalar_one()
    _raw(pair.runner.vault, "UPDATE compartment SET name = 'File KW\u0410RTS'")
    with pytest.raises(InvalidInput) as refused:
        _export(pair.runner, pair.outbox)
    assert str(refused.value).startswith(
        f"Not sent: the compartment of source {source_id} has a name that is too long"
    )
    assert "give the source a new codename first" in str(refused.value)
    assert list(pair.outbox.iterdir()) == []
    sources.update_source(
        pair.runner.vault, pair.runner.scope, source_id, sources.SourceDraft("KWARTS2")
    )
    assert _compartment(pair.runner.vault, source_id)[1] == "File KWARTS2"
    package_receive.import_package(
        pair.handler.vault, pair.handler.scope, _export(pair.runner, pair.outbox)
    )
    assert debrief_rows(pair.handler) == 1


def test_a_new_codename_renames_its_compartment_and_the_handler_still_matches_it(
    pair: Pair,
) -> None:
    """The handler knows a compartment by its id: the new name changes nothing there,
    and the debriefs before and after the renaming stay in one file."""
    submitted_debriefs(pair.runner, 1, codename="MEREL")
    package_receive.import_package(
        pair.handler.vault, pair.handler.scope, _export(pair.runner, pair.outbox)
    )
    with pair.runner.vault.read() as session:
        source_id = session.execute(select(Source.id)).scalar_one()
    compartment_id, name = _compartment(pair.runner.vault, source_id)
    assert name == "File MEREL"
    sources.update_source(
        pair.runner.vault, pair.runner.scope, source_id, sources.SourceDraft("ZWALUW")
    )
    assert _compartment(pair.runner.vault, source_id) == (compartment_id, "File ZWALUW")
    factory.debrief(pair.runner.vault, pair.runner.scope, source_id, submit=True)
    package_receive.import_package(
        pair.handler.vault, pair.handler.scope, _export(pair.runner, pair.outbox)
    )
    assert debrief_rows(pair.handler) == 2
    with pair.handler.vault.read() as session:
        assert session.execute(select(Source.codename)).scalars().all() == ["ZWALUW"]
        assert session.execute(select(Compartment.id)).scalars().all() == [compartment_id]


def test_a_compartment_named_otherwise_keeps_its_name(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 1, codename="MEREL")
    _raw(pair.runner.vault, "UPDATE compartment SET name = 'Team Noord'")
    with pair.runner.vault.read() as session:
        source_id = session.execute(select(Source.id)).scalar_one()
    sources.update_source(
        pair.runner.vault, pair.runner.scope, source_id, sources.SourceDraft("ZWALUW")
    )
    assert _compartment(pair.runner.vault, source_id)[1] == "Team Noord"


def test_a_handover_is_refused_alike_before_anything_is_written(
    request: pytest.FixtureRequest,
) -> None:
    trio: Trio = request.getfixturevalue("trio")
    source_id = _with_identity(trio.old)
    _raw(trio.old.vault, "UPDATE alias SET name = 'Va\u200blk' WHERE name = 'Valk'")
    with pytest.raises(InvalidInput, match=f"your alias {trio.old.scope.alias_id} has a name"):
        _hand_over(trio, source_id)
    assert list(trio.stick.iterdir()) == []
    aliases.rename_alias(
        trio.old.vault, trio.old.scope.alias_id, "Valk", actor=trio.old.scope.actor
    )
    result = _hand_over(trio, source_id)
    assert package_receive.import_package(trio.new.vault, trio.new.scope, result.path).taken_on
