"""The command line: the contract scripts rely on (names, flags, exit codes, JSON)."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import build_parser, main
from app.domain.scope import Actor
from app.services.admin import aliases
from app.services.admin.vaults import unlock
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.once_per_run import built_once


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def pp(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(factory.PASSPHRASE + "\n")
    return path


def _cli_demo(folder: Path) -> Path:
    pp = folder / "passphrase"
    pp.write_text(factory.PASSPHRASE + "\n")
    root = factory.make_vault(folder / "demo")
    args = ["demo", "--vault", str(root), "--passphrase-file", str(pp)]
    assert main([*args, "--sources", "6", "--debriefs", "60"]) == 0
    return root


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once per test run through the command itself; copied for each test."""
    return built_once(tmp_path_factory, "cli-demo", _cli_demo)


@pytest.fixture
def demo_vault(tmp_path: Path, demo_template: Path) -> Path:
    return Path(shutil.copytree(demo_template, tmp_path / "demo"))


def test_self_test_passes() -> None:
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "FAIL" not in result.stdout
    assert "ok   report printed" in result.stdout  # reportlab and PDFium, as a build ships them


def test_init_then_check(tmp_path: Path, pp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "v"
    assert (
        main(
            [
                "init",
                "--vault",
                str(root),
                "--passphrase-file",
                str(pp),
                "--kdf-target-ms",
                "50",
                "--alias",
                "Reiger",
                "--role",
                "handler",
            ]
        )
        == 0
    )
    header = json.loads((root / "vault.header").read_text())
    assert header["kdf"]["memory_kib"] >= 64 * 1024  # the floor holds for real vaults
    assert main(["check", "--vault", str(root), "--passphrase-file", str(pp), "--json"]) == 0
    report = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert report["ok"] is True
    # A second init on the same folder refuses and changes nothing.
    assert main(["init", "--vault", str(root), "--passphrase-file", str(pp)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_init_refuses_a_weak_passphrase(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    weak = tmp_path / "weak"
    weak.write_text("short\n")
    assert main(["init", "--vault", str(tmp_path / "v"), "--passphrase-file", str(weak)]) == 1
    assert "at least 12 characters" in capsys.readouterr().err
    assert not (tmp_path / "v" / "vault.header").exists()


def test_demo_is_deterministic(
    tmp_path: Path, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = []
    for name in ("a", "b"):
        root = factory.make_vault(tmp_path / name)
        args = ["--vault", str(root), "--passphrase-file", str(pp)]
        assert (
            main(["demo", *args, "--sources", "4", "--debriefs", "30", "--today", "2026-11-01"])
            == 0
        )
        # Whom to act as to see the demo's files: named (they are its runners', not
        # only the vault's first alias's).
        assert "Aliases you may act as (--alias): " in capsys.readouterr().out
        assert main(["list", "debriefs", *args, "--alias", "Havik", "--json"]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 0


def test_list_and_search_json(
    demo_vault: Path, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--vault", str(demo_vault), "--passphrase-file", str(pp), "--alias", "Havik"]
    assert main(["list", "sources", *args, "--json"]) == 0
    sources = json.loads(capsys.readouterr().out)
    assert {"codename", "status", "last_contact_at", "next_review_on"} <= set(sources[0])
    codename = sources[0]["codename"]
    assert main(["list", "debriefs", *args, "--source", codename, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert {r["codename"] for r in rows} == {codename}
    assert main(["search", "shipment", *args, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits
    for hit in hits:
        assert "[[" in hit["snippet"]
        assert "]]" in hit["snippet"]
        assert "\x02" not in hit["snippet"]
        assert "\x03" not in hit["snippet"]


@pytest.mark.parametrize(
    ("alias", "message"),
    [("Nobody", "no alias named"), ("Kraai", "may not act under")],
)
def test_unknown_or_foreign_alias_is_a_clear_error(
    demo_vault: Path, pp: Path, alias: str, message: str
) -> None:
    result = run(
        "list",
        "sources",
        "--vault",
        str(demo_vault),
        "--passphrase-file",
        str(pp),
        "--alias",
        alias,
        "--json",
    )
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_passphrase_file_is_one_line(tmp_path: Path) -> None:
    result = run("check", "--vault", str(tmp_path), "--passphrase-file", str(tmp_path / "nope"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"veldboek: Passphrase file not found: {tmp_path / 'nope'}"


def test_passwd_changes_the_passphrase(tmp_path: Path, pp: Path) -> None:
    root = factory.make_vault(tmp_path / "v")
    new = tmp_path / "new"
    new.write_text("another passphrase entirely\n")
    assert (
        main(
            [
                "passwd",
                "--vault",
                str(root),
                "--passphrase-file",
                str(pp),
                "--new-passphrase-file",
                str(new),
            ]
        )
        == 0
    )
    assert main(["check", "--vault", str(root), "--passphrase-file", str(new)]) == 0
    assert main(["check", "--vault", str(root), "--passphrase-file", str(pp)]) == 1


@pytest.mark.parametrize("where", ["under-a-file", "in-proc"])
def test_init_at_an_impossible_path_is_one_clear_line(tmp_path: Path, pp: Path, where: str) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder\n")
    target = blocker / "sub" if where == "under-a-file" else Path("/proc/veldboek-test")
    result = run("init", "--vault", str(target), "--passphrase-file", str(pp))
    assert result.returncode == 1
    # One line, said before any calibration (which would take seconds), not a bug report.
    assert result.stderr.splitlines() == [
        f"veldboek: Cannot create a vault at {target}: "
        + ("Not a directory." if where == "under-a-file" else "No such file or directory.")
    ]
    assert result.stdout == ""
    assert blocker.read_text() == "not a folder\n"


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [("--sources", "0", "--sources must be"), ("--debriefs", "-5", "--debriefs must be")],
)
def test_demo_checks_its_sizes_before_making_a_vault(
    tmp_path: Path, pp: Path, flag: str, value: str, message: str
) -> None:
    target = tmp_path / "new"
    result = run("demo", "--vault", str(target), "--passphrase-file", str(pp), flag, value)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert message in lines[0]
    assert not target.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["--help"],
        ["list", "debriefs", "--alias", "Havik", "--json"],
        ["list", "sources", "--alias", "Havik"],
        ["search", "shipment", "--alias", "Havik"],
        ["keys", "show"],
    ],
    ids=["help", "list-debriefs", "list-sources", "search", "keys-show"],
)
def test_a_reader_that_goes_away_ends_the_command_quietly(
    demo_vault: Path, pp: Path, command: list[str]
) -> None:
    """`veldboek … | head`: the reader closes the pipe before the command writes,
    so every write meets a closed pipe. The command ends as Unix tools do: no
    "internal error", no traceback, the shell's status for SIGPIPE, vault locked."""
    vault_args = (
        [] if command == ["--help"] else ["--vault", str(demo_vault), "--passphrase-file", str(pp)]
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "app", *command, *vault_args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    child.stdout.close()  # nobody reads: the first write fails with EPIPE
    _out, err = child.communicate(timeout=300)
    assert err == "", err
    # argparse swallows its own write errors, so --help ends with its usual 0.
    assert child.returncode == (0 if command == ["--help"] else 141)
    if vault_args:  # the vault was locked on the way out and is whole
        result = run("check", "--vault", str(demo_vault), "--passphrase-file", str(pp))
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_command_loads_no_report_or_migration_machinery_until_it_needs_it() -> None:
    """Every test and script runs `veldboek` as a process: its start-up is paid each
    time. reportlab, PDFium and Alembic are for report commands and schema upgrades
    only; parsing the command line must not load them (it halved start-up)."""
    probe = (
        "import sys; import app.cli; app.cli.build_parser(); "
        "print(sorted(m for m in ('reportlab', 'pypdfium2', 'alembic', 'PySide6') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def _commands_of(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_a_command_line_parses_as_it_would_with_every_command_loaded() -> None:
    """A command line naming one command loads only the module that registers it
    (app.cli.COMMAND_MODULES): that command's every option and sub-command is
    there, and every other command is still a known name."""
    from app.cli import COMMAND_MODULES

    whole = _commands_of(build_parser())
    assert set(whole) == {"gui", *COMMAND_MODULES}
    for name in COMMAND_MODULES:
        alone = _commands_of(build_parser(name))
        assert set(alone) == set(whole)
        assert alone[name].format_help() == whole[name].format_help(), name


def test_a_vault_command_loads_nothing_of_the_central_system() -> None:
    probe = (
        "import sys; import app.cli; app.cli.build_parser('passwd'); "
        "print(sorted(m for m in sys.modules if m.startswith(('app.central', 'app.cli.'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['app.cli.common', 'app.cli.vault_commands']"


@pytest.fixture
def without_central(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The command line as the laptop build has it (build.spec leaves the central
    system out): importing the central commands fails as it does there."""
    import app.cli

    monkeypatch.setitem(sys.modules, "app.cli.central_commands", None)
    app.cli._parser.cache_clear()
    yield
    app.cli._parser.cache_clear()


@pytest.mark.usefixtures("without_central")
def test_a_build_without_the_central_system_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["central", "status", "--data", "/srv/central"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "The central system is not part of this build" in err
    assert "central" in _commands_of(build_parser())  # --help still names it
    for words in (["--help"], ["list", "--help"]):  # every other command still works
        with pytest.raises(SystemExit) as shown:
            main(words)
        assert shown.value.code == 0


def test_a_missing_module_that_no_build_leaves_out_is_a_broken_installation(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import app.cli

    monkeypatch.setitem(sys.modules, "app.cli.report_commands", None)
    app.cli._parser.cache_clear()
    try:
        assert main(["report", "internal"]) == 70
    finally:
        app.cli._parser.cache_clear()
    assert "cannot start (ModuleNotFoundError" in capsys.readouterr().err


def test_what_the_database_driver_logs_never_reaches_the_terminal() -> None:
    """A COPY cut short by a lost connection: psycopg logs that it ignored the error
    while closing. The command's own message is the one line the user sees."""
    probe = (
        "import logging; import app.central.place; "
        "logging.getLogger('psycopg.copy').warning('error ignored terminating <Copy>')"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0
    assert result.stderr == ""


def test_text_a_package_may_bring_reaches_the_terminal_escaped(
    tmp_path: Path, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A runner's package carries whatever text its sender wrote: an escape sequence
    # in it must not run in the handler's terminal (conceal text, set the window
    # title, write the clipboard: OSC 52), nor a line break split one line in two.
    hostile = "seen \x1b[8mhidden\x1b[0m \x1b]52;c;ZWNobyBwd25lZA==\x07 and\nmore"
    root = factory.make_vault(tmp_path / "v")
    vault = unlock(root, factory.PASSPHRASE, Actor("test"))
    scope = aliases.resolve_scope(vault, factory.RUNNER)
    source = factory.source(vault, scope, "ZWALUW", motivation=hostile)
    factory.debrief(vault, scope, source, narrative="Shipment " + hostile)
    eight_bit = "eight \u009b8m bit \u202eevil"
    factory.source(vault, scope, "MEEUW", notes=eight_bit)
    vault.lock()
    args = ["--vault", str(root), "--passphrase-file", str(pp), "--alias", factory.RUNNER]
    for command in (["search", "shipment"], ["show", "source", "ZWALUW"]):
        assert main([*command, *args]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out, command
        assert "\x07" not in out, command
        assert "\\x1b[8mhidden" in out, command  # shown, as what it is
    assert main(["list", "debriefs", *args]) == 0
    assert "\x1b" not in capsys.readouterr().out
    # JSON escapes C0 controls itself; C1's CSI (U+009B) and direction controls
    # too, here, and the JSON still reads back as the text that was sent.
    assert main(["show", "source", "MEEUW", *args, "--json"]) == 0
    out = capsys.readouterr().out
    assert "\u009b" not in out
    assert "\u202e" not in out
    assert json.loads(out)["registration"]["record"]["notes"] == eight_bit


def test_a_list_says_when_it_is_empty_and_when_it_was_cut(
    tmp_path: Path, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Nothing printed read as a command that did nothing; a cut list as the whole.
    root = factory.make_vault(tmp_path / "v")
    args = ["--vault", str(root), "--passphrase-file", str(pp), "--alias", "Valk"]
    assert main(["list", "sources", *args]) == 0
    assert capsys.readouterr().out == "No sources in the files of Valk.\n"
    assert main(["list", "debriefs", *args]) == 0
    assert capsys.readouterr().out == "No debriefs in the files of Valk.\n"
    assert main(["search", "garage", *args]) == 0
    assert capsys.readouterr().out == "No matches in the files of Valk.\n"
    assert main(["list", "sources", *args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, "Valk")
        source = factory.source(vault, scope, "REIGER")
        for _ in range(2):
            factory.debrief(vault, scope, source)
    assert main(["list", "debriefs", *args, "--limit", "1"]) == 0
    out, err = capsys.readouterr()
    assert " 1 item " in out
    assert len(out.splitlines()) == 1
    assert err == "veldboek: there are more than 1; --limit N shows more.\n"
    assert main(["search", "garage", *args, "--limit", "1", "--json"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 1
    assert "more than 1" in err
    assert main(["list", "debriefs", *args, "--limit", "2"]) == 0
    assert capsys.readouterr().err == ""


def test_init_names_the_alias_it_made(
    tmp_path: Path, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Without --alias the vault's alias is "runner": every later command asks for it.
    args = ["--passphrase-file", str(pp), "--kdf-target-ms", "50"]
    assert main(["init", "--vault", str(tmp_path / "a"), *args]) == 0
    out = capsys.readouterr().out
    assert "; you act under the alias 'runner' (runner) (Argon2id " in out
    assert main(["init", "--vault", str(tmp_path / "b"), *args, "--alias", "Uil", "--role",
                 "handler"]) == 0  # fmt: skip
    assert "you act under the alias 'Uil' (handler)" in capsys.readouterr().out
    assert main(["list", "sources", "--vault", str(tmp_path / "a"), *args[:2], "--alias",
                 "runner"]) == 0  # fmt: skip


def test_init_refuses_a_folder_that_holds_other_files(
    tmp_path: Path, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The stick that carries packages given for --vault: the vault would travel on it.
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "veldboek-1.age").write_bytes(b"a package")
    args = ["--passphrase-file", str(pp), "--kdf-target-ms", "50"]
    assert main(["init", "--vault", str(stick), *args]) == 1
    assert capsys.readouterr().err == (
        f"veldboek: {stick} already holds other files; nothing was made. A vault gets a "
        "folder of its own: give a new or empty one.\n"
    )
    assert sorted(p.name for p in stick.iterdir()) == ["veldboek-1.age"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["init", "--vault", str(empty), *args]) == 0
    # What an interrupted creation leaves is a vault folder's own: tried again.
    left = tmp_path / "left"
    (left / "backups").mkdir(parents=True)
    (left / "vault.header.lock").write_bytes(b"")
    (left / ".vault.header.tmp-1a2b").write_bytes(b"")  # a header half written
    (left / ".DS_Store").write_bytes(b"")  # a file manager's, never seen
    assert main(["init", "--vault", str(left), *args]) == 0
