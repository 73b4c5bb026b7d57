"""Renaming one of the user's own aliases (``aliases.rename_alias``, ``veldboek alias
rename``): the way out for a cover name from before a rule of names, which every
receiver refuses. The old name stays known to the sanitisation guard; a colleague's
cover name is not renamed here."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.domain.enums import Role
from app.domain.scope import Scope
from app.errors import InvalidInput, InvalidName, UnknownAlias
from app.models import AuditEvent
from app.services.admin import aliases
from app.services.reports import Selection, request_sanitised
from app.services.reports.sanitise import SanitisationRefused
from app.vault.vault import Vault
from tests.helpers import factory


def _raw_name(vault: Vault, old: str, new: str) -> None:
    """As a vault from before the rule may hold it (the rule is not asked)."""
    with vault.engine().begin() as conn:
        conn.exec_driver_sql("UPDATE alias SET name = ? WHERE name = ?", (new, old))


def test_a_renamed_alias_acts_under_its_new_name_only(vault: Vault, runner: Scope) -> None:
    aliases.record_switch(vault, runner, runner)  # the unlock starts with Valk
    renamed = aliases.rename_alias(vault, runner.alias_id, "  Sperwer ")
    assert (renamed.name, renamed.former_kept) == ("Sperwer", True)
    assert [a.name for a in aliases.list_own_aliases(vault)] == ["Sperwer"]
    assert "Valk" not in [a.name for a in aliases.list_cover_names(vault)]  # no attendee
    assert aliases.resolve_scope(vault, "sperwer").alias_id == runner.alias_id
    assert aliases.default_scope(vault).alias_name == "Sperwer"
    with pytest.raises(InvalidInput, match="former name of one of your aliases"):
        aliases.own_alias_id(vault, "Valk")
    with vault.read() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.action == "alias.renamed")
        ).scalar_one()
    assert (event.actor, event.record_id) == ("Valk", runner.alias_id.hex)
    assert "Valk" not in event.detail
    assert "Sperwer" not in event.detail


def test_the_old_name_stays_refused_in_a_sanitised_report(vault: Vault, runner: Scope) -> None:
    aliases.rename_alias(vault, runner.alias_id, "Sperwer")
    scope = aliases.resolve_scope(vault, "Sperwer")
    source = factory.source(vault, scope, "ONYX")
    for wording, found in (("Valk was told of a shed.", "Valk"), ("Sperwer saw it.", "Sperwer")):
        item = factory.graded_item("Reported.", sanitised_text=wording)
        debrief = factory.debrief(vault, scope, source, items=(item,), submit=True)
        with pytest.raises(SanitisationRefused) as refused:
            request_sanitised(
                vault, scope, Selection(debrief_id=debrief), passphrase=factory.PASSPHRASE
            )
        assert ("cover name", found) in {(h.kind, h.found) for h in refused.value.hits}


def test_a_name_from_before_the_rule_is_renamed_and_kept_for_the_guard(
    vault: Vault, runner: Scope
) -> None:
    _raw_name(vault, "Valk", "Va\u200blk")  # an invisible character inside
    renamed = aliases.rename_alias(vault, aliases.own_alias_id(vault, str(runner.alias_id)), "Valk")
    assert renamed.former_kept
    assert aliases.resolve_scope(vault, "Valk").alias_id == runner.alias_id


def test_only_the_case_changed_keeps_nothing(vault: Vault, runner: Scope) -> None:
    renamed = aliases.rename_alias(vault, runner.alias_id, "VALK")
    assert (renamed.name, renamed.former_kept) == ("VALK", False)
    with pytest.raises(InvalidInput, match="already has that name"):
        aliases.rename_alias(vault, runner.alias_id, "VALK")


def test_a_name_taken_or_breaking_the_rule_is_refused(
    vault: Vault, runner: Scope, handler: Scope
) -> None:
    factory.source(vault, runner, "KWARTS")
    for taken in ("havik", "Kwarts"):
        with pytest.raises(InvalidName, match="already in use"):
            aliases.rename_alias(vault, runner.alias_id, taken)
    with pytest.raises(InvalidName, match="U\\+202E"):
        aliases.rename_alias(vault, runner.alias_id, "Va\u202elk")
    assert aliases.resolve_scope(vault, "Valk").alias_id == runner.alias_id


def test_a_colleagues_cover_name_is_not_renamed(vault: Vault, runner: Scope) -> None:
    colleague = aliases.add_alias(vault, "Kraai", role=None, can_act=False)
    for given in ("Kraai", str(colleague)):
        with pytest.raises(InvalidInput, match="cannot be renamed in this vault"):
            aliases.own_alias_id(vault, given)
    with pytest.raises(InvalidInput, match="cannot be renamed in this vault"):
        aliases.rename_alias(vault, colleague, "Ekster")
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
    _, args = cli_vault
    assert main(["alias", "rename", "valk", "Sperwer", *args]) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        " is now Sperwer; the old name is kept so that sanitised reports still refuse it.\n"
    )
    alias_id = uuid.UUID(out.split()[1])
    assert main(["alias", "rename", str(alias_id), "Ekster", *args]) == 0  # by its id
    capsys.readouterr()
    assert main(["list", "sources", *args, "--alias", "Ekster", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("Kraai", "Ekster", "a colleague's cover name, known from a package, cannot be renamed"),
        ("Nobody", "Ekster", "There is no alias named 'Nobody'"),
        ("Valk", "Va\x1b[2Jlk", "cannot be shown safely (U+001B)"),
        ("Valk", "Kraai", "already"),
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
    assert main(["alias", "rename", old, new, *args]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "\x1b" not in err
    with Vault.open(root, factory.PASSPHRASE) as vault:
        assert sorted(a.name for a in aliases.list_own_aliases(vault)) == ["Uil", "Valk"]
