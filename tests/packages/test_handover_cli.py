"""Handing a source over on the command line, with three real vaults: the exact
command of issue 17 (`source handover CODENAME --vault --passphrase-file --alias
--to-runner --to`), `package import` on both receiving sides, the new runner's
`receipt create`, the old runner's `receipt import`, and `source handovers`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.enums import Role
from app.services.admin import aliases
from app.services.records import identity, sources
from app.services.views import IdentityFields
from app.vault.vault import Vault
from tests.helpers import factory
from tests.packages.conftest import HANDLER
from tests.packages.test_cli import cli

NEW = "Specht"
NAME = "Geheime Naam Tester"


def _args(s: dict[str, Path], who: str) -> list[str | Path]:
    return ["--vault", s[who], "--passphrase-file", s["pp"]]


@pytest.fixture
def three(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    s = {
        "pp": pp,
        "old": factory.make_vault(tmp_path / "old"),
        "new": factory.make_vault(tmp_path / "new", alias=NEW),
        "handler": factory.make_vault(tmp_path / "handler", alias=HANDLER, role=Role.HANDLER),
        "usb": tmp_path / "usb",
        "tmp": tmp_path,
    }
    s["usb"].mkdir()
    with Vault.open(s["old"], factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        source = factory.source(vault, scope, "REIGER")
        factory.debrief(vault, scope, source, submit=True)
        identity.record_identity(vault, scope, source, IdentityFields(NAME, "", (), (), b"", ""))
    spoken = {}
    for who in ("old", "new", "handler"):
        code, out, _ = cli(capsys, "keys", "show", *_args(s, who), "--json")
        assert code == 0
        spoken[who] = json.loads(out)["spoken"]
        assert (
            cli(capsys, "keys", "export", *_args(s, who), "--out", tmp_path / f"{who}.key")[0] == 0
        )
    wanted = {
        "old": (("handler", "handler"), ("new", "runner")),
        "new": (("handler", "handler"), ("old", "runner")),
        "handler": (("old", "runner"), ("new", "runner")),
    }
    for me, others in wanted.items():
        for other, role in others:
            code, _out, err = cli(
                capsys,
                "keys",
                "import",
                tmp_path / f"{other}.key",
                *_args(s, me),
                "--role",
                role,
                "--name",
                f"key {other}",
                "--fingerprint",
                spoken[other],
            )
            assert code == 0, err
    return s


def test_a_handover_through_the_command_line(
    three: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    s = three
    code, out, err = cli(
        capsys,
        "source",
        "handover",
        "REIGER",
        *_args(s, "old"),
        "--alias",
        factory.RUNNER,
        "--to-runner",
        "key new",
        "--to",
        s["usb"],
        "--json",
    )
    assert code == 0, err
    made = json.loads(out)
    assert made["identity"] is True
    package = Path(made["path"])
    assert NAME.encode() not in package.read_bytes()

    code, out, err = cli(capsys, "package", "verify", package, *_args(s, "handler"))
    assert code == 0, err
    code, out, err = cli(capsys, "package", "import", package, *_args(s, "handler"))
    assert code == 0, err
    assert "follows the new runner" in out
    code, out, err = cli(capsys, "package", "import", package, *_args(s, "new"), "--alias", NEW)
    assert code == 0, err
    assert "true identity sealed to this vault" in out
    # A replay is one line and exit 1; nothing changes.
    code, out, err = cli(capsys, "package", "import", package, *_args(s, "new"), "--alias", NEW)
    assert code == 1
    assert len(err.strip().splitlines()) == 1

    code, out, err = cli(
        capsys, "show", "source", "REIGER", *_args(s, "new"), "--alias", NEW, "--json"
    )
    assert code == 0, err
    assert len(json.loads(out)["debriefs"]) == 1

    # The old laptop keeps the source until the new runner's receipt.
    code, out, _ = cli(capsys, "source", "handovers", *_args(s, "old"), "--alias", factory.RUNNER)
    assert "REIGER  handed over to key new  (awaiting the new runner's receipt)" in out
    code, out, err = cli(
        capsys,
        "receipt",
        "create",
        *_args(s, "new"),
        "--alias",
        NEW,
        "--runner",
        "key old",
        "--to",
        s["usb"],
        "--json",
    )
    assert code == 0, err
    receipt = Path(json.loads(out)["path"])
    code, out, err = cli(
        capsys, "receipt", "import", receipt, *_args(s, "old"), "--alias", factory.RUNNER
    )
    assert code == 0, err
    code, out, _ = cli(capsys, "source", "handovers", *_args(s, "old"), "--alias", factory.RUNNER)
    assert "REIGER  handed over to key new  (purged here)" in out
    code, _out, err = cli(
        capsys, "show", "source", "REIGER", *_args(s, "old"), "--alias", factory.RUNNER
    )
    assert code == 1
    assert "No source with codename" in err
    code, out, _ = cli(capsys, "source", "handovers", *_args(s, "handler"), "--alias", HANDLER)
    assert "REIGER  now run by key new" in out


def test_an_unconfirmed_runner_key_is_refused_in_one_line(
    three: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    s = three
    code, _out, err = cli(
        capsys,
        "source",
        "handover",
        "REIGER",
        *_args(s, "old"),
        "--alias",
        factory.RUNNER,
        "--to-runner",
        "Kraai",
        "--to",
        s["usb"],
    )
    assert code == 1
    assert "compare its fingerprint" in err
    assert len(err.strip().splitlines()) == 1
    assert list(s["usb"].iterdir()) == []


def test_only_the_alias_that_runs_a_source_hands_it_over_or_closes_it(
    three: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Uil, another alias of the old vault with access to the files, may not give
    them away or end them; Valk, who runs them, may."""
    s = three
    with Vault.open(s["old"], factory.PASSPHRASE) as vault:
        valk = aliases.resolve_scope(vault, factory.RUNNER)
        uil = aliases.add_alias(vault, "Uil", role=Role.RUNNER, can_act=True)
        for codename in ("MEREL", "SPREEUW"):
            draft = sources.SourceDraft(codename=codename)
            sources.create_source(vault, valk, draft, share_with=(uil,))
    hand = ("--to-runner", "key new", "--to", s["usb"])
    close = ("--reason", "Stopped reporting.")
    for command, codename, rest, what in (
        ("handover", "SPREEUW", hand, "hand it over"),
        ("close", "MEREL", close, "close its registration"),
    ):
        code, _out, err = cli(
            capsys, "source", command, codename, *_args(s, "old"), "--alias", "Uil", *rest
        )
        assert code == 1
        assert err.strip().endswith(
            f"Only Valk, the alias that runs this source, may {what}: switch to that alias. "
            "Another alias with access to the file may read it and add to it. Nothing was "
            + ("written." if command == "handover" else "changed.")
        )
        assert len(err.strip().splitlines()) == 1
    assert list(s["usb"].iterdir()) == []
    for command, codename, rest in (("handover", "SPREEUW", hand), ("close", "MEREL", close)):
        code, _out, err = cli(
            capsys, "source", command, codename, *_args(s, "old"), "--alias", "Valk", *rest
        )
        assert code == 0, err
    assert len(list(s["usb"].iterdir())) == 1
