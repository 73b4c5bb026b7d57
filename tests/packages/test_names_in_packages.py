"""Names that arrive in a package, a receipt or a key bundle meet the rule of names
typed here (app/domain/names.py): one that could spoof or rewrite the screen is
refused with its own message and nothing is taken in; one that differs only in
case from a name this vault knows is that name."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain import names
from app.domain.enums import DebriefStatus
from app.errors import InvalidInput
from app.export.errors import MalformedPackage
from app.models import Alias
from app.services.admin import aliases
from app.services.exchange import (
    export_gather,
    export_names,
    package_receive,
    packages,
    receipts,
)
from app.services.records import debriefs
from app.vault.vault import Vault
from tests.packages.conftest import HANDLER, Pair, debrief_rows, submitted_debriefs


def _rename_alias(vault: Vault, old: str, new: str) -> None:
    """As a vault from before the rule may hold it (the rule is not asked)."""
    with vault.engine().begin() as conn:
        conn.exec_driver_sql("UPDATE alias SET name = ? WHERE name = ?", (new, old))


def _export(pair: Pair) -> bytes:
    result = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    return result.path.read_bytes()


def test_a_package_with_an_escape_sequence_in_a_name_is_refused_whole(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a writer from before the export's own check would send it.
    monkeypatch.setattr(export_names, "refuse_old_cover_names", lambda _session, _encoded: None)
    submitted_debriefs(pair.runner, 2)
    _rename_alias(pair.runner.vault, "Valk", "Valk\x1b[2J")  # would clear the terminal
    data = _export(pair)
    for take in (package_receive.verify_package, package_receive.import_package):
        with pytest.raises(MalformedPackage, match="cannot be shown safely"):
            take(pair.handler.vault, pair.handler.scope, data)
    assert debrief_rows(pair.handler) == 0


def test_a_package_with_a_direction_override_in_a_codename_is_refused(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a writer from before the export's own check would send it.
    monkeypatch.setattr(export_gather, "refuse_old_codenames", lambda _sources: None)
    submitted_debriefs(pair.runner, 1, codename="MEREL")
    with pair.runner.vault.engine().begin() as conn:
        conn.exec_driver_sql(
            "UPDATE source SET codename = ? WHERE codename = 'MEREL'", ("M\u202eEREL",)
        )
    with pytest.raises(MalformedPackage, match="cannot be shown safely"):
        package_receive.import_package(pair.handler.vault, pair.handler.scope, _export(pair))
    assert debrief_rows(pair.handler) == 0


def test_a_package_with_a_codename_mixing_look_alike_scripts_is_refused(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    # KWАRTS with a Cyrillic А would sit beside another runner's KWARTS, shown alike
    # and not set apart (their keys differ): the handler could not tell them apart.
    monkeypatch.setattr(export_gather, "refuse_old_codenames", lambda _sources: None)
    submitted_debriefs(pair.runner, 1, codename="KWARTS")
    with pair.runner.vault.engine().begin() as conn:
        conn.exec_driver_sql(
            "UPDATE source SET codename = ? WHERE codename = 'KWARTS'", ("KW\u0410RTS",)
        )
    with pytest.raises(MalformedPackage, match="cannot be shown safely"):
        package_receive.import_package(pair.handler.vault, pair.handler.scope, _export(pair))
    assert debrief_rows(pair.handler) == 0


@pytest.mark.parametrize("codename", ["Ахмед", "Σωκράτης", "КВАРЦ-2"])
def test_a_codename_in_one_other_script_travels(pair: Pair, codename: str) -> None:
    # Its compartment is "File АХМЕД": a Latin word before a Cyrillic one, each in
    # one script; only letters of two look-alike scripts within a word are refused.
    assert names.clean(codename, names.NameKind.CODENAME) == codename
    submitted_debriefs(pair.runner, 1, codename=codename)
    package_receive.import_package(pair.handler.vault, pair.handler.scope, _export(pair))
    assert debrief_rows(pair.handler) == 1


def test_a_codename_in_the_form_of_two_namesakes_label_is_refused(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a writer from before the export's own check would send it.
    monkeypatch.setattr(export_gather, "refuse_old_codenames", lambda _sources: None)
    # ``ESPEN (Runner Reiger, …f541d442)`` is how the handler tells two ESPENs of one
    # runner apart: a source named so would pass for one of them.
    submitted_debriefs(pair.runner, 1, codename="KRAAI")
    with pair.runner.vault.engine().begin() as conn:
        conn.exec_driver_sql(
            "UPDATE source SET codename = ? WHERE codename = 'KRAAI'",
            ("ESPEN (Runner Reiger, …f541d442)",),
        )
    with pytest.raises(MalformedPackage, match="a codename with brackets"):
        package_receive.import_package(pair.handler.vault, pair.handler.scope, _export(pair))
    assert debrief_rows(pair.handler) == 0


def test_a_codename_from_before_the_bracket_rule_is_refused_at_export(pair: Pair) -> None:
    # A vault from before the rule may hold one: said at export, with the source to
    # rename, not as a whole package refused by the handler.
    submitted_debriefs(pair.runner, 1, codename="OUD")
    with pair.runner.vault.engine().begin() as conn:
        conn.exec_driver_sql("UPDATE source SET codename = 'OUD (1)' WHERE codename = 'OUD'")
    with pytest.raises(InvalidInput, match=r"holds brackets .* rename the source first"):
        _export(pair)
    assert list(pair.outbox.iterdir()) == []


def test_a_name_in_another_case_is_the_colleague_this_vault_knows(pair: Pair) -> None:
    """The handler knows the runner as VALK (a witness in an earlier package, say);
    the runner's own vault writes Valk. One alias, not two."""
    aliases.add_alias(pair.handler.vault, "VALK", role=None, can_act=False)
    submitted_debriefs(pair.runner, 2)
    package_receive.import_package(pair.handler.vault, pair.handler.scope, _export(pair))
    with pair.handler.vault.read() as session:
        same = session.execute(
            select(func.count()).select_from(Alias).where(Alias.name_key == names.key("valk"))
        ).scalar_one()
    assert same == 1
    assert debrief_rows(pair.handler) == 2


def test_a_receipt_naming_a_reviewer_by_a_spoofing_name_is_refused(pair: Pair) -> None:
    (debrief,) = submitted_debriefs(pair.runner, 1)
    package_receive.import_package(pair.handler.vault, pair.handler.scope, _export(pair))
    debriefs.approve(pair.handler.vault, pair.handler.scope, debrief, "Well graded.")
    _rename_alias(pair.handler.vault, HANDLER, "Ha\u200bvik")  # looks like Havik
    receipt = receipts.create_receipt(
        pair.handler.vault, pair.handler.scope, runner="runner valk", to_dir=pair.outbox
    )  # the runner's key found whatever the case of its name
    with pytest.raises(MalformedPackage, match="reviewer"):
        receipts.import_receipt(pair.runner.vault, pair.runner.scope, receipt.path.read_bytes())
    status = debriefs.get_debrief(pair.runner.vault, pair.runner.scope, debrief).status
    assert status is DebriefStatus.SUBMITTED


def test_two_keys_never_go_by_one_name_whatever_its_case(tmp_path: Path) -> None:
    """A handler who knows runner "Valk" cannot add another key as "VALK" or "valk":
    lists, packages and receipts name a sender by it. Another name is fine, and a
    retired key's name may be given to a new one."""
    from app.domain.enums import PeerRole, Role
    from app.errors import InvalidInput
    from app.services.exchange import keys
    from tests.helpers import factory

    handler_root = factory.make_vault(tmp_path / "h", alias="Havik", role=Role.HANDLER)
    bundles = []
    for n in range(3):
        root = factory.make_vault(tmp_path / f"r{n}")
        with Vault.open(root, factory.PASSPHRASE) as runner:
            bundles.append(keys.own_bundle(runner, "Valk", PeerRole.RUNNER))
    with Vault.open(handler_root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, "Havik")
        first = keys.add_peer(
            vault,
            scope,
            bundles[0],
            role=PeerRole.RUNNER,
            confirmed_spoken=bundles[0].fingerprint.spoken,
        )
        for name in (None, "VALK", "valk", " Valk "):
            with pytest.raises(InvalidInput, match="already knows a key named Valk"):
                keys.add_peer(
                    vault,
                    scope,
                    bundles[1],
                    role=PeerRole.RUNNER,
                    confirmed_spoken=bundles[1].fingerprint.spoken,
                    name=name,
                )
        keys.add_peer(
            vault,
            scope,
            bundles[1],
            role=PeerRole.RUNNER,
            confirmed_spoken=bundles[1].fingerprint.spoken,
            name="Valk 2",
        )
        keys.retire_peer(vault, scope, first.id)
        keys.add_peer(
            vault,
            scope,
            bundles[2],
            role=PeerRole.RUNNER,
            confirmed_spoken=bundles[2].fingerprint.spoken,
        )
        assert sorted(p.name for p in keys.list_peers(vault) if p.active) == ["Valk", "Valk 2"]
