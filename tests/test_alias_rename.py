"""Renaming one of the user's own aliases (``aliases.rename_alias``, ``veldboek alias
rename``): the way out for a cover name from before a rule of names, which every
receiver refuses, and for nothing else (receivers know a name that keeps the rule
and would not learn the new one). The old name stays known to the sanitisation
guard; a colleague's cover name is not renamed here."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.domain.enums import Role
from app.domain.scope import Scope
from app.errors import InvalidInput, InvalidName, UnknownAlias
from app.models import Alias, AuditEvent
from app.services.admin import aliases
from app.services.reports import Selection, request_sanitised
from app.services.reports.matching import fold
from app.services.reports.sanitise import SanitisationRefused
from app.vault.vault import Vault
from tests.helpers import factory


def _raw_name(vault: Vault, old: str, new: str) -> None:
    """As a vault from before the rule may hold it (the rule is not asked)."""
    with vault.engine().begin() as conn:
        conn.exec_driver_sql("UPDATE alias SET name = ? WHERE name = ?", (new, old))


RAW = "Va\u200blk"  # an invisible character inside: from before the rule


def test_a_renamed_alias_acts_under_its_new_name_only(vault: Vault, runner: Scope) -> None:
    _raw_name(vault, "Valk", RAW)
    before = replace(runner, alias_name=RAW)
    aliases.record_switch(vault, before, before)  # the unlock starts with it
    renamed = aliases.rename_alias(vault, runner.alias_id, "  Sperwer ", actor=before.actor)
    assert (renamed.name, renamed.former_kept) == ("Sperwer", True)
    assert [a.name for a in aliases.list_own_aliases(vault)] == ["Sperwer"]
    assert RAW not in [a.name for a in aliases.list_cover_names(vault)]  # no attendee
    assert aliases.resolve_scope(vault, "sperwer").alias_id == runner.alias_id
    assert aliases.default_scope(vault).alias_name == "Sperwer"
    with pytest.raises(InvalidInput, match="former name of one of your aliases"):
        aliases.own_alias_id(vault, RAW)
    with vault.read() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.action == "alias.renamed")
        ).scalar_one()
        kept = session.execute(select(Alias).where(Alias.name == RAW)).scalar_one()
    assert (event.actor, event.record_id) == (RAW, runner.alias_id.hex)
    # The event links the kept former name by its id, and names no name.
    assert json.loads(event.detail) == {"former_alias_id": kept.id.hex}
    assert (kept.can_act, kept.retired_at is not None) == (False, True)
    assert "Valk" not in event.detail
    assert "Sperwer" not in event.detail


def test_a_name_that_keeps_the_rule_is_not_renamed(
    vault: Vault, runner: Scope, handler: Scope
) -> None:
    """Receivers know the name from the packages sent and would not learn the new
    one; nothing is changed."""
    assert aliases.list_renameable_aliases(vault) == []
    for alias in (runner, handler):
        with pytest.raises(InvalidInput, match=r"^Only a cover name from before a rule of names"):
            aliases.rename_alias(vault, alias.alias_id, "Sperwer", actor=alias.actor)
    assert sorted(a.name for a in aliases.list_own_aliases(vault)) == ["Havik", "Valk"]
    assert "Sperwer" not in [a.name for a in aliases.list_cover_names(vault)]
    with vault.read() as session:
        assert not session.execute(
            select(AuditEvent).where(AuditEvent.action == "alias.renamed")
        ).first()


def test_only_own_aliases_from_before_the_rule_are_renameable(
    vault: Vault, runner: Scope, handler: Scope
) -> None:
    aliases.add_alias(vault, "Kraai", role=None, can_act=False)
    _raw_name(vault, "Valk", RAW)
    _raw_name(vault, "Kraai", "Kra\u200bai")  # a colleague's: not this vault's to rename
    assert [a.id for a in aliases.list_renameable_aliases(vault)] == [runner.alias_id]


@pytest.mark.parametrize("raw", [RAW, "Valk\x1b[2J", "Valk\x1b]0;x\x07"])
def test_the_old_name_stays_refused_in_a_sanitised_report(
    vault: Vault, runner: Scope, raw: str
) -> None:
    """Also as it shows: an escape sequence in the old name is no part of what
    people knew and type."""
    _raw_name(vault, "Valk", raw)
    aliases.rename_alias(vault, runner.alias_id, "Sperwer", actor=runner.actor)
    scope = aliases.resolve_scope(vault, "Sperwer")
    source = factory.source(vault, scope, "ONYX")
    for wording, found in (("Valk was told of a shed.", "valk"), ("Sperwer saw it.", "sperwer")):
        item = factory.graded_item("Reported.", sanitised_text=wording)
        debrief = factory.debrief(vault, scope, source, items=(item,), submit=True)
        with pytest.raises(SanitisationRefused) as refused:
            request_sanitised(
                vault, scope, Selection(debrief_id=debrief), passphrase=factory.PASSPHRASE
            )
        hits = {(h.kind, fold(h.found)) for h in refused.value.hits}
        assert ("cover name", found) in hits


def test_a_name_from_before_the_rule_is_renamed_to_its_clean_form(
    vault: Vault, runner: Scope
) -> None:
    _raw_name(vault, "Valk", RAW)
    alias_id = aliases.own_alias_id(vault, str(runner.alias_id))
    renamed = aliases.rename_alias(vault, alias_id, "Valk", actor=runner.actor)
    assert renamed.former_kept
    assert aliases.resolve_scope(vault, "Valk").alias_id == runner.alias_id
    assert aliases.list_renameable_aliases(vault) == []  # once


def test_a_name_taken_or_breaking_the_rule_is_refused(
    vault: Vault, runner: Scope, handler: Scope
) -> None:
    _raw_name(vault, "Valk", RAW)
    factory.source(vault, handler, "KWARTS")
    for taken in ("havik", "Kwarts"):
        with pytest.raises(InvalidName, match="already in use"):
            aliases.rename_alias(vault, runner.alias_id, taken, actor=runner.actor)
    with pytest.raises(InvalidName, match="U\\+202E"):
        aliases.rename_alias(vault, runner.alias_id, "Va\u202elk", actor=runner.actor)
    assert [a.name for a in aliases.list_renameable_aliases(vault)] == [RAW]


def test_a_colleagues_cover_name_is_not_renamed(vault: Vault, runner: Scope) -> None:
    colleague = aliases.add_alias(vault, "Kraai", role=None, can_act=False)
    _raw_name(vault, "Kraai", "Kra\u200bai")
    for given in ("Kra\u200bai", str(colleague)):
        with pytest.raises(InvalidInput, match="cannot be renamed in this vault"):
            aliases.own_alias_id(vault, given)
    with pytest.raises(InvalidInput, match="cannot be renamed in this vault"):
        aliases.rename_alias(vault, colleague, "Ekster", actor=runner.actor)
    with pytest.raises(UnknownAlias):
        aliases.own_alias_id(vault, "Nobody")


# -- the command line ------------------------------------------------------------------


@pytest.fixture
def cli_vault(tmp_path: Path) -> tuple[Path, list[str]]:
    pp = tmp_path / "passphrase"
    pp.write_text(factory.PASSPHRASE + "\n")
    root = factory.make_vault(tmp_path / "vault")
    return root, ["--vault", str(root), "--passphrase-file", str(pp)]


def test_alias_rename_on_the_command_line(
    cli_vault: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, args = cli_vault
    with Vault.open(root, factory.PASSPHRASE) as vault:
        _raw_name(vault, "Valk", RAW)
    assert main(["alias", "rename", RAW, "Sperwer", *args]) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        " is now Sperwer; the old name is kept so that sanitised reports still refuse it.\n"
    )
    alias_id = uuid.UUID(out.split()[1])
    assert main(["list", "sources", *args, "--alias", "Sperwer", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    with Vault.open(root, factory.PASSPHRASE) as vault, vault.read() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.action == "alias.renamed")
        ).scalar_one()
    assert (event.actor, event.record_id) == ("cli", alias_id.hex)  # as every CLI command


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("Kraai", "Ekster", "a colleague's cover name, known from a package, cannot be renamed"),
        ("Nobody", "Ekster", "There is no alias named 'Nobody'"),
        (RAW, "Va\x1b[2Jlk", "cannot be shown safely (U+001B)"),
        (RAW, "Kraai", "already"),
        ("Uil", "Ekster", "Only a cover name from before a rule of names can be renamed"),
    ],
)
def test_alias_rename_refusals_are_one_line(
    cli_vault: tuple[Path, list[str]],
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    message: str,
) -> None:
    root, args = cli_vault
    with Vault.open(root, factory.PASSPHRASE) as vault:
        aliases.add_alias(vault, "Kraai", role=None, can_act=False)
        aliases.add_alias(vault, "Uil", role=Role.HANDLER, can_act=True)
        _raw_name(vault, "Valk", RAW)
    assert main(["alias", "rename", old, new, *args]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "\x1b" not in err
    with Vault.open(root, factory.PASSPHRASE) as vault:
        assert sorted(a.name for a in aliases.list_own_aliases(vault)) == ["Uil", RAW]
