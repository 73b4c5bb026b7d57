"""No output path a user types can touch a vault: every command that writes a file
(``keys export --out``, ``report --out``, ``export --to``, ``package write --to``,
``receipt create --to``) is aimed at a vault's files (the database, the header, the
WAL of a vault held open elsewhere), at symlinks and hard links to them placed
outside the vault, at places inside a vault folder, and at an existing unrelated
file. Each refusal is one line on stderr and exit 1, nothing is written, and the
vault's files are byte-identical afterwards and it still opens."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli import main
from app.domain.enums import PeerRole, Role
from app.services.admin import aliases
from app.services.exchange import keys, packages
from app.vault.vault import Vault
from tests.helpers import factory
from tests.packages.conftest import HANDLER

VAULT_FILES = ("vault.db", "vault.header", "vault.db-wal")
HOW = ("as named", "symlink", "hard link")


@dataclass
class World:
    runner: Path
    handler: Path
    pp: Path
    debrief: uuid.UUID
    package: uuid.UUID
    held: Vault  # the runner's vault, open as the GUI would leave it: its WAL exists


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    base = tmp_path_factory.mktemp("guard")
    pp = base / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    runner = factory.make_vault(base / "runner")
    handler = factory.make_vault(base / "handler", alias=HANDLER, role=Role.HANDLER)
    with Vault.open(handler, factory.PASSPHRASE) as h:
        bundle = keys.read_bundle(
            keys.bundle_bytes(h, keys.own_bundle(h, HANDLER, PeerRole.HANDLER))
        )
    usb = base / "usb"
    usb.mkdir()
    with Vault.open(runner, factory.PASSPHRASE) as v:
        scope = aliases.resolve_scope(v, factory.RUNNER)
        keys.add_peer(
            v, scope, bundle, role=PeerRole.HANDLER, confirmed_spoken=bundle.fingerprint.spoken
        )
        source = factory.source(v, scope, "REIGER")
        debrief = factory.debrief(v, scope, source, submit=True)
        sent = packages.export_package(v, scope, to_dir=usb, all_new=True)
        factory.debrief(v, scope, source, submit=True)  # something new for `export`
    held = Vault.open(runner, factory.PASSPHRASE)
    assert (runner / "vault.db-wal").exists()
    yield World(runner, handler, pp, debrief, sent.package_id, held)
    held.lock()


def _vault_args(w: World, vault: Path) -> list[str]:
    return ["--vault", str(vault), "--passphrase-file", str(w.pp)]


FileCommand = Callable[[World, Path], list[str]]
FILE_COMMANDS: dict[str, FileCommand] = {
    "keys export": lambda w, out: ["keys", "export", *_vault_args(w, w.runner), "--out", str(out)],
    "report": lambda w, out: [
        "report",
        *_vault_args(w, w.runner),
        "--alias",
        factory.RUNNER,
        "--debrief",
        str(w.debrief),
        "--kind",
        "internal",
        "--out",
        str(out),
    ],
}
FOLDER_COMMANDS: dict[str, tuple[str, Callable[[World, Path], list[str]]]] = {
    "export": (
        "runner",
        lambda w, to: [
            "export",
            *_vault_args(w, w.runner),
            "--alias",
            factory.RUNNER,
            "--to",
            str(to),
            "--all-new",
        ],
    ),
    "source handover": (
        "runner",
        lambda w, to: [
            "source",
            "handover",
            "REIGER",
            *_vault_args(w, w.runner),
            "--alias",
            factory.RUNNER,
            "--to-runner",
            "Runner Specht",
            "--to",
            str(to),
        ],
    ),
    "package write": (
        "runner",
        lambda w, to: [
            "package",
            "write",
            str(w.package),
            *_vault_args(w, w.runner),
            "--to",
            str(to),
        ],
    ),
    "receipt create": (
        "handler",
        lambda w, to: [
            "receipt",
            "create",
            *_vault_args(w, w.handler),
            "--runner",
            "Valk",
            "--to",
            str(to),
        ],
    ),
}


def _snapshot(vault: Path) -> dict[str, str]:
    out = {}
    for path in sorted(vault.rglob("*")):
        if path.is_file():
            out[str(path.relative_to(vault))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _refused(capsys: pytest.CaptureFixture[str], w: World, vault: Path, argv: list[str]) -> str:
    before = _snapshot(vault)
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 1, (code, out, err)
    assert err.count("\n") == 1, err  # one line
    assert err.endswith("\n")
    assert err.startswith("veldboek: ")
    assert "internal error" not in err
    assert _snapshot(vault) == before
    # Still whole: it opens, and every file it holds is as it was.
    with Vault.open(vault, factory.PASSPHRASE) as v, v.read():
        pass
    return err


def _aim(tmp_path: Path, target: Path, how: str) -> Path:
    """``target`` as named, or a symlink / hard link to it outside the vault."""
    if how == "as named":
        return target
    link = tmp_path / f"outside-{target.name}"
    if how == "symlink":
        link.symlink_to(target)
    else:
        os.link(target, link)
    return link


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("name", VAULT_FILES)
@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_a_file_is_never_written_onto_a_vault_file(
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    name: str,
    how: str,
) -> None:
    target = world.runner / name
    assert target.is_file()
    aimed = _aim(tmp_path, target, how)
    err = _refused(capsys, world, world.runner, FILE_COMMANDS[command](world, aimed))
    assert "nothing was written" in err
    expected = {
        "as named": "is inside the vault folder",
        "symlink": "leads (by a link) into the vault folder",
        "hard link": f"is the vault's file {name} under another name",
    }[how]
    assert expected in err


@pytest.mark.parametrize("command", FILE_COMMANDS)
@pytest.mark.parametrize("inside", ["new.out", "backups/new.out", "sub/deeper/new.out"])
def test_a_file_is_never_written_inside_a_vault_folder(
    world: World, capsys: pytest.CaptureFixture[str], command: str, inside: str
) -> None:
    target = world.runner / inside
    err = _refused(capsys, world, world.runner, FILE_COMMANDS[command](world, target))
    assert "is inside the vault folder" in err
    assert not target.exists()


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_another_vaults_files_are_refused_too(
    world: World, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    before = _snapshot(world.handler)
    err = _refused(
        capsys, world, world.runner, FILE_COMMANDS[command](world, world.handler / "vault.header")
    )
    assert "is inside the vault folder" in err
    assert _snapshot(world.handler) == before


@pytest.mark.parametrize("command", [*FILE_COMMANDS, "package write"])
def test_an_existing_file_is_replaced_only_with_force(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    if command == "package write":
        existing = tmp_path / packages.package_file_name(world.package)
        argv = FOLDER_COMMANDS[command][1](world, tmp_path)
    else:
        existing = tmp_path / "precious.txt"
        argv = FILE_COMMANDS[command](world, existing)
    existing.write_bytes(b"a file the user cares about\n")
    err = _refused(capsys, world, world.runner, argv)
    assert "already exists" in err
    assert "--force" in err
    assert existing.read_bytes() == b"a file the user cares about\n"
    code = main([*argv, "--force"])
    _out, err = capsys.readouterr()
    assert code == 0, err
    written = existing.read_bytes()
    kind = {"keys export": b'{"created_at"', "report": b"%PDF-", "package write": b"age-"}
    assert written.startswith(kind[command])
    assert existing.stat().st_mode & 0o777 == 0o600
    # Written atomically: no temporary file left beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == [existing.name]


def _folder(w: World, vault: Path, tmp_path: Path, where: str) -> Path:
    if where == "the vault folder":
        return vault
    if where == "a symlink to it":
        link = tmp_path / "stick"
        link.symlink_to(vault, target_is_directory=True)
        return link
    if where == "a folder inside it":
        inside = vault / "backups"
        inside.mkdir(exist_ok=True, mode=0o700)
        return inside
    return vault / "not-yet"


@pytest.mark.parametrize(
    "where", ["the vault folder", "a symlink to it", "a folder inside it", "a new folder inside it"]
)
@pytest.mark.parametrize("command", FOLDER_COMMANDS)
def test_a_package_is_never_written_into_a_vault_folder(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, where: str
) -> None:
    who, argv = FOLDER_COMMANDS[command]
    vault = world.runner if who == "runner" else world.handler
    folder = _folder(world, vault, tmp_path, where)
    before = set(os.listdir(vault))
    err = _refused(capsys, world, vault, argv(world, folder))
    assert "vault folder" in err
    assert set(os.listdir(vault)) == before


@pytest.mark.parametrize("how", ["symlink", "hard link"])
@pytest.mark.parametrize("name", VAULT_FILES)
def test_package_write_never_replaces_a_vault_file_named_like_the_package(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, how: str
) -> None:
    # The folder is fine; the file the package would take is a vault file by a link.
    stick = tmp_path / "stick"
    stick.mkdir()
    named = stick / packages.package_file_name(world.package)
    if how == "symlink":
        named.symlink_to(world.runner / name)
    else:
        os.link(world.runner / name, named)
    argv = FOLDER_COMMANDS["package write"][1](world, stick)
    err = _refused(capsys, world, world.runner, [*argv, "--force"])
    assert "nothing was written" in err


@pytest.mark.parametrize("command", FOLDER_COMMANDS)
def test_a_file_given_for_the_folder_is_named_a_file(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # A path that exists but is a file: "does not exist" would send the user looking.
    who, argv = FOLDER_COMMANDS[command]
    vault = world.runner if who == "runner" else world.handler
    a_file = tmp_path / "report.pdf"
    a_file.write_bytes(b"kept")
    err = _refused(capsys, world, vault, argv(world, a_file))
    assert f"{a_file} is a file, not a folder; nothing was written." in err
    assert a_file.read_bytes() == b"kept"
