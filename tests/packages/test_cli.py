"""The package commands as scripts use them: names, flags, exit codes, JSON, one
line per refusal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.cli import main
from app.domain.enums import Role
from app.models import Debrief
from app.services.admin import aliases
from app.vault.vault import Vault
from tests.helpers import factory
from tests.packages.conftest import HANDLER


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    runner = factory.make_vault(tmp_path / "runner")
    handler = factory.make_vault(tmp_path / "handler", alias=HANDLER, role=Role.HANDLER)
    with Vault.open(runner, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        source = factory.source(vault, scope, "REIGER")
        for _ in range(3):
            factory.debrief(vault, scope, source, submit=True)
    usb = tmp_path / "usb"
    usb.mkdir()
    return {"pp": pp, "runner": runner, "handler": handler, "usb": usb, "tmp": tmp_path}


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def vault_args(s: dict[str, Path], who: str) -> list[str | Path]:
    return ["--vault", s[who], "--passphrase-file", s["pp"]]


def exchange(s: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """Both sides export their bundles and import the other's with the fingerprint
    read out (here: taken from the other side's ``keys show --json``)."""
    spoken = {}
    for who in ("runner", "handler"):
        code, out, _ = cli(capsys, "keys", "show", *vault_args(s, who), "--json")
        assert code == 0
        spoken[who] = json.loads(out)["spoken"]
        code, out, _ = cli(
            capsys, "keys", "export", *vault_args(s, who), "--out", s["tmp"] / f"{who}.key"
        )
        assert code == 0
        assert spoken[who] in out
    for me, other, role in (("runner", "handler", "handler"), ("handler", "runner", "runner")):
        code, out, err = cli(
            capsys,
            "keys",
            "import",
            s["tmp"] / f"{other}.key",
            *vault_args(s, me),
            "--role",
            role,
            "--fingerprint",
            spoken[other],
        )
        assert code == 0, err
        assert f"as {role}" in out


def test_the_whole_round_through_the_command_line(
    setup: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    s = setup
    exchange(s, capsys)
    code, out, err = cli(
        capsys,
        "export",
        *vault_args(s, "runner"),
        "--alias",
        factory.RUNNER,
        "--to",
        s["usb"],
        "--all-new",
        "--json",
    )
    assert code == 0, err
    exported = json.loads(out)
    assert (exported["sequence"], exported["debriefs"]) == (1, 3)
    path = Path(exported["path"])
    code, out, _ = cli(capsys, "package", "inspect", path, "--json")
    assert code == 0
    assert json.loads(out)["format"] == "age-encryption.org/v1"
    assert "REIGER" not in out
    code, out, err = cli(capsys, "package", "verify", path, *vault_args(s, "handler"), "--json")
    assert code == 0, err
    assert json.loads(out)["status"] == "new"
    code, out, err = cli(capsys, "package", "import", path, *vault_args(s, "handler"), "--json")
    assert code == 0, err
    assert json.loads(out)["new"] == 3
    # What arrived can be read back, version by version.
    code, out, err = cli(
        capsys, "list", "debriefs", *vault_args(s, "handler"), "--alias", "Havik", "--json"
    )
    assert code == 0, err
    debrief_id = json.loads(out)[0]["id"]
    code, out, err = cli(capsys, "package", "versions", debrief_id, *vault_args(s, "handler"))
    assert code == 0, err
    assert out.count("version 1 ") == 1
    assert "(newest)" in out
    code, out, err = cli(
        capsys, "package", "versions", debrief_id, *vault_args(s, "handler"), "--show", "1"
    )
    assert code == 0, err
    assert json.loads(out)["id"] == debrief_id
    code, out, err = cli(
        capsys, "package", "versions", debrief_id, *vault_args(s, "handler"), "--show", "2"
    )
    assert code == 1
    assert err.count("\n") == 1
    assert "no version 2" in err
    code, out, err = cli(capsys, "package", "import", path, *vault_args(s, "handler"))
    assert code == 1
    assert err.count("\n") == 1
    assert "already imported" in err
    code, out, err = cli(capsys, "package", "verify", path, *vault_args(s, "handler"))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "already imported" in err
    code, out, err = cli(
        capsys,
        "receipt",
        "create",
        *vault_args(s, "handler"),
        "--runner",
        factory.RUNNER,
        "--to",
        s["usb"],
        "--json",
    )
    assert code == 0, err
    receipt = Path(json.loads(out)["path"])
    code, out, err = cli(capsys, "receipt", "import", receipt, *vault_args(s, "runner"), "--json")
    assert code == 0, err
    taken = json.loads(out)
    assert (taken["confirmed"], taken["purged"]) == (1, 3)
    code, out, _ = cli(capsys, "package", "log", *vault_args(s, "runner"), "--json")
    log = json.loads(out)
    kinds = sorted((e["direction"], e["kind"]) for e in log["entries"])
    assert kinds == [("in", "receipt"), ("out", "debriefs")]
    assert log["missing"] == []
    code, out, _ = cli(
        capsys, "list", "debriefs", *vault_args(s, "handler"), "--alias", HANDLER, "--json"
    )
    assert len(json.loads(out)) == 3


def test_a_wrong_fingerprint_adds_nothing(
    setup: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    s = setup
    cli(capsys, "keys", "export", *vault_args(s, "handler"), "--out", s["tmp"] / "h.key")
    code, _, err = cli(
        capsys,
        "keys",
        "import",
        s["tmp"] / "h.key",
        *vault_args(s, "runner"),
        "--role",
        "handler",
        "--fingerprint",
        "12345 12345 12345",
    )
    assert code == 1
    assert "does not match" in err
    code, out, _ = cli(capsys, "keys", "peers", *vault_args(s, "runner"), "--json")
    assert json.loads(out) == []


def test_refusals_are_one_line_with_a_reason_and_a_non_zero_exit(
    setup: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    s = setup
    exchange(s, capsys)
    cli(
        capsys,
        "export",
        *vault_args(s, "runner"),
        "--alias",
        factory.RUNNER,
        "--to",
        s["usb"],
        "--all-new",
    )
    (path,) = s["usb"].iterdir()
    garbage = s["tmp"] / "garbage.age"
    garbage.write_bytes(b"age-encryption.org/v1\n-> nonsense\n")
    flipped = s["tmp"] / "flipped.age"
    data = bytearray(path.read_bytes())
    data[-100] ^= 1
    flipped.write_bytes(bytes(data))
    # The key bundle beside the package on the stick, given for it by mistake.
    bundle = s["tmp"] / "runner.key"
    a_bundle = "This is a key bundle, not a package: add it with 'veldboek keys import'"
    cases: list[tuple[list[str | Path], str]] = [
        (["package", "inspect", garbage], "damaged"),
        (["package", "inspect", bundle], a_bundle),
        (["package", "import", bundle, *vault_args(s, "handler")], a_bundle),
        (["package", "verify", bundle, *vault_args(s, "handler")], a_bundle),
        (["receipt", "import", bundle, *vault_args(s, "runner")], a_bundle),
        (["package", "inspect", s["tmp"] / "missing.age"], "not found"),
        (["package", "import", flipped, *vault_args(s, "handler")], "altered"),
        (["package", "import", path, *vault_args(s, "runner")], "handler"),
        (["package", "verify", path, *vault_args(s, "runner")], "recipient"),
        (
            ["export", *vault_args(s, "runner"), "--alias", factory.RUNNER, "--to", s["usb"]],
            "--all-new",
        ),
        (
            [
                "export",
                *vault_args(s, "runner"),
                "--alias",
                factory.RUNNER,
                "--to",
                s["usb"],
                "--all-new",
            ],
            "nothing new",
        ),
        (
            [
                "receipt",
                "create",
                *vault_args(s, "handler"),
                "--runner",
                "Nobody",
                "--to",
                s["usb"],
            ],
            "'veldboek keys peers' lists the keys this vault confirmed",
        ),
    ]
    for args, reason in cases:
        code, _, err = cli(capsys, *args)
        assert code == 1, args
        assert err.count("\n") == 1, err
        assert reason in err, (args, err)
        assert "Traceback" not in err


def test_the_installed_command_keeps_its_contract(setup: dict[str, Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "package", "inspect", str(setup["tmp"] / "none.age")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("veldboek: File not found")
    assert result.stderr.count("\n") == 1
    help_text = subprocess.run(
        [sys.executable, "-m", "app", "--help"], capture_output=True, text=True, timeout=120
    ).stdout
    for command in ("keys", "export", "package", "receipt"):
        assert command in help_text


def test_a_blocked_export_lists_what_is_missing_and_refuses_in_one_line(
    setup: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    s = setup
    exchange(s, capsys)
    with Vault.open(s["runner"], factory.PASSPHRASE) as vault, vault.write() as session:
        # An old record from before the rule: no critical reflection.
        first = session.execute(select(Debrief.id).order_by(Debrief.created_at)).scalars().first()
        session.execute(update(Debrief).where(Debrief.id == first).values(critical_reflection=""))
    export = ["export", *vault_args(s, "runner"), "--alias", factory.RUNNER, "--to", s["usb"]]
    code, out, err = cli(capsys, *export, "--all-new")
    assert code != 0
    assert len(err.strip().splitlines()) == 1
    assert "1 debrief lacks" in err
    (line,) = out.strip().splitlines()
    assert line.startswith(f"{first}  REIGER  ")
    assert line.endswith(": critical reflection")
    code, out, err = cli(capsys, *export, "--all-new", "--json")
    assert code != 0
    assert len(err.strip().splitlines()) == 1
    (blocked,) = json.loads(out)["blocked"]
    assert (blocked["debrief_id"], blocked["codename"], blocked["missing"]) == (
        str(first),
        "REIGER",
        ["critical reflection"],
    )
    assert list(s["usb"].iterdir()) == []


def test_a_key_imported_again_is_said_to_be_held_already(
    setup: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # "Added" a second time read as a second key beside the first.
    s = setup
    exchange(s, capsys)
    code, out, _ = cli(capsys, "keys", "show", *vault_args(s, "handler"), "--json")
    spoken = json.loads(out)["spoken"]
    again = ["keys", "import", s["tmp"] / "handler.key", *vault_args(s, "runner")]
    code, out, err = cli(capsys, *again, "--role", "handler", "--fingerprint", spoken)
    assert code == 0, err
    assert out == f"This vault already held {HANDLER!r} as handler; fingerprint {spoken}.\n"
    code, out, _ = cli(capsys, "keys", "peers", *vault_args(s, "runner"), "--json")
    assert len(json.loads(out)) == 1


def test_purge_says_what_its_rule_did(
    setup: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # "Purged 0 confirmed debriefs (keep)" read as if keeping had failed.
    s = setup
    code, out, _ = cli(capsys, "purge", *vault_args(s, "runner"), "--rule", "keep")
    assert code == 0
    assert out == "The rule is keep: confirmed debriefs stay in this vault; nothing was purged.\n"
    code, out, _ = cli(capsys, "purge", *vault_args(s, "runner"), "--rule", "delete")
    assert (code, out) == (0, "Purged 0 confirmed debriefs (delete).\n")


def test_empty_peers_and_log_say_so(
    setup: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # A new user's first look printed nothing, which read as a command that failed.
    s = setup
    code, out, _ = cli(capsys, "keys", "peers", *vault_args(s, "runner"))
    assert code == 0
    assert out.startswith("This vault knows no other key yet: add the handler's")
    code, out, _ = cli(capsys, "package", "log", *vault_args(s, "runner"))
    assert (code, out) == (0, "No package was sent or taken in yet.\n")
    code, out, _ = cli(capsys, "keys", "peers", *vault_args(s, "runner"), "--json")
    assert json.loads(out) == []
    exchange(s, capsys)
    code, out, _ = cli(capsys, "keys", "peers", *vault_args(s, "runner"))
    assert out.startswith("handler ")
