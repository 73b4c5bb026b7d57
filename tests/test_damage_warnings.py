"""Damage that ordinary commands must flag (issue 15, point 10): every command that
opens a vault warns when its audit log does not match the header's anchor (a
rolled-back copy of the database), and a vault with a zeroed page is refused by
every command before anything is written to it."""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from app.cli import build_parser, main
from app.domain.enums import PeerRole, Role
from app.services.admin import aliases
from app.services.exchange import keys
from app.vault.vault import Vault
from tests.helpers import factory

ANCHOR_WARNING = "veldboek: warning: The audit log does not match its anchor ("
PAGE = 4096
# Take --vault but open no existing vault from the command line: `gui` hands it to
# the unlock screen (tests/ui/test_damage_banner.py), `init` refuses an existing one.
NOT_OPENING = {("gui",), ("init",)}


def _vault_commands() -> list[tuple[str, ...]]:
    """Every command of the CLI that takes --vault, read from the parser itself, so
    that a command added later cannot be left out of these tests."""
    found: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        takes_vault = any("--vault" in a.option_strings for a in parser._actions)
        opens = path and path not in NOT_OPENING and parser.get_default("func") is not None
        if opens and takes_vault:
            found.append(path)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    walk(child, (*path, name))

    walk(build_parser(), ())
    return found


def _arguments(vault: Path, pp: Path, tmp: Path) -> dict[tuple[str, ...], list[str]]:
    """One call of each command that gets as far as opening the vault (what it does
    next, or whether it then succeeds, does not matter here)."""
    base = ["--vault", str(vault), "--passphrase-file", str(pp)]
    alias = ["--alias", factory.RUNNER]
    garbage = tmp / "garbage.bin"
    garbage.write_bytes(b"not a package at all " * 50)
    pdf = tmp / "not-issued.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% not issued by this vault\n")
    out = tmp / "out"
    out.mkdir(exist_ok=True)
    other = factory.make_vault(tmp / "handler", alias="Havik", role=Role.HANDLER)
    with Vault.open(other, factory.PASSPHRASE) as handler:
        bundle = keys.own_bundle(handler, "Havik", PeerRole.HANDLER)
        (tmp / "handler.key").write_bytes(keys.bundle_bytes(handler, bundle))
    some_id = str(uuid.uuid4())
    return {
        ("check",): base,
        ("alias", "rename"): [factory.RUNNER, "Sperwer", *base],
        ("demo",): [*base, "--sources", "1", "--debriefs", "0"],
        ("passwd",): [*base, "--new-passphrase-file", str(pp)],
        ("list", "sources"): [*base, *alias],
        ("list", "debriefs"): [*base, *alias],
        ("search",): ["KEEPER", *base, *alias],
        ("keys", "show"): base,
        ("keys", "export"): [*base, "--out", str(tmp / "my.key")],
        ("keys", "import"): [str(tmp / "handler.key"), *base, "--role", "handler",
                             "--fingerprint", "not the fingerprint"],
        ("keys", "peers"): base,
        ("keys", "deconfliction", "show"): base,
        ("keys", "deconfliction", "forward"): [*base, *alias, "--to", str(out)],
        ("keys", "deconfliction", "recompute"): base,
        ("export",): [*base, *alias, "--to", str(out), "--all-new"],
        ("package", "verify"): [str(garbage), *base],
        ("package", "import"): [str(garbage), *base],
        ("package", "write"): [some_id, *base, "--to", str(out)],
        ("package", "log"): base,
        ("package", "versions"): [some_id, *base],
        ("receipt", "create"): [*base, "--runner", "nobody", "--to", str(out)],
        ("receipt", "import"): [str(garbage), *base],
        ("purge",): base,
        ("report",): [*base, *alias, "--kind", "internal", "--source", "KEEPER",
                      "--out", str(tmp / "report.pdf")],
        ("report", "verify"): [str(pdf), *base],
        ("report", "approvals"): [*base, *alias],
        ("report", "approve"): [some_id, *base, *alias],
        ("report", "reject"): [some_id, *base, *alias, "--note", "not like this"],
        ("report", "management"): [*base, *alias, "--from", "2026-01-01", "--to", "2026-12-01",
                                   "--json"],
        ("show", "source"): ["KEEPER", *base, *alias],
        ("source", "close"): ["KEEPER", *base, *alias, "--reason", "no longer run"],
        ("source", "handover"): ["KEEPER", *base, *alias, "--to-runner", "nobody",
                                 "--to", str(out)],
        ("source", "handovers"): [*base, *alias],
    }  # fmt: skip


def _run(
    command: tuple[str, ...], args: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    code = main([*command, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _rolled_back(tmp_path: Path) -> Path:
    """A vault whose database was put back to a copy taken while it was locked,
    after more was written and the vault locked again (anchor moved on)."""
    root = factory.make_vault(tmp_path / "vault")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        factory.debrief(vault, scope, factory.source(vault, scope, "KEEPER"))
    shutil.copy2(root / "vault.db", tmp_path / "old-copy.db")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        factory.debrief(vault, scope, factory.source(vault, scope))
    shutil.copy2(tmp_path / "old-copy.db", root / "vault.db")
    return root


@pytest.fixture
def pp(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(factory.PASSPHRASE + "\n")
    return path


def test_the_argument_table_covers_every_vault_command(tmp_path: Path, pp: Path) -> None:
    assert sorted(_arguments(tmp_path / "v", pp, tmp_path)) == sorted(_vault_commands())


def test_every_command_warns_about_a_rolled_back_database(
    tmp_path: Path, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _rolled_back(tmp_path)
    table = _arguments(root, pp, tmp_path)
    capsys.readouterr()
    for command in _vault_commands():
        code, out, err = _run(command, table[command], capsys)
        where = f"{' '.join(command)} (exit {code}): {err!r}"
        assert code != 70, where  # never an internal error
        if command == ("check",):
            assert "FAIL audit anchor" in out, where
            continue
        warnings = [line for line in err.splitlines() if line.startswith(ANCHOR_WARNING)]
        assert len(warnings) == 1, where
        assert "rolled back or altered" in warnings[0], where
        assert "veldboek check" in warnings[0], where
    # The commands went on (some wrote), but none moved the anchor over the damage.
    code, out, _err = _run(("check",), table[("check",)], capsys)
    assert code == 1
    assert "FAIL audit anchor" in out


def test_the_warning_from_a_real_process(tmp_path: Path, pp: Path) -> None:
    root = _rolled_back(tmp_path)
    args = ["--vault", str(root), "--passphrase-file", str(pp), "--alias", factory.RUNNER]
    result = subprocess.run(
        [sys.executable, "-m", "app", "list", "sources", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "KEEPER" in result.stdout  # it went on: the data is there to read
    (line,) = result.stderr.splitlines()
    assert line.startswith(ANCHOR_WARNING)
    assert "were recorded but are gone" in line


def _with_a_zeroed_page(tmp_path: Path) -> tuple[Path, int]:
    root = factory.make_vault(tmp_path / "vault")
    first = (root / "vault.db").stat().st_size // PAGE
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        source = factory.source(vault, scope, "KEEPER")
        for _ in range(5):
            factory.debrief(vault, scope, source, narrative="x" * 20_000)
    db = root / "vault.db"
    data = db.read_bytes()
    page = (first + len(data) // PAGE) // 2  # amid the debriefs: unlock never reads it
    db.write_bytes(data[: PAGE * page] + bytes(PAGE) + data[PAGE * (page + 1) :])
    return root, page


def _digests(root: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.iterdir())
        if p.is_file()
    }


def test_every_command_refuses_a_zeroed_page_and_writes_nothing(
    tmp_path: Path, pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, page = _with_a_zeroed_page(tmp_path)
    table = _arguments(root, pp, tmp_path)
    before = _digests(root)
    capsys.readouterr()
    for command in _vault_commands():
        code, out, err = _run(command, table[command], capsys)
        where = f"{' '.join(command)} (exit {code}): {out[-500:]!r} {err!r}"
        # Nothing written: not the database (inside or outside the page), not the
        # header, no new file.
        assert _digests(root) == before, where
        assert code == 1, where
        if command == ("check",):
            assert f"FAIL zeroed pages: 1 page, the first is page {page + 1}" in out, where
        else:
            assert err.splitlines() == [
                f"veldboek: The vault database is damaged: 1 page is zeroed, page {page + 1}. "
                "Nothing was written to it. Restore it from a backup, or run `veldboek check`."
            ], where
