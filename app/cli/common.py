"""Shared pieces of the command line: passphrase files, opening a vault, output."""

from __future__ import annotations

import argparse
import getpass
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any
from uuid import UUID

from app.clock import iso_utc
from app.domain import names
from app.domain.names import NameKind
from app.domain.scope import Actor, Scope
from app.errors import InvalidInput
from app.services.admin import aliases, vaults
from app.services.admin.vaults import Vault
from app.services.records import sources

MAX_PASSPHRASE_FILE = 4096


def read_passphrase_file(path: str) -> str:
    """The passphrase is the file's first line, without its line ending. ``-`` reads
    standard input. The passphrase is never echoed or logged."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_PASSPHRASE_FILE + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_PASSPHRASE_FILE + 1)
    except FileNotFoundError:
        raise InvalidInput(f"Passphrase file not found: {path}") from None
    except OSError as exc:
        raise InvalidInput(f"Cannot read the passphrase file: {exc.strerror}") from None
    if len(data) > MAX_PASSPHRASE_FILE:
        raise InvalidInput("The passphrase file is too large to hold a passphrase.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("The passphrase file is not UTF-8 text.") from None
    line = text.split("\n", 1)[0].removesuffix("\r")
    if not line:
        raise InvalidInput("The passphrase file is empty.")
    return line


# --reason of a read at the central system: optional, as issue 19 spells the
# commands; a read without it is logged "(no reason given)" (access.NO_REASON),
# which a review of the log then sees; an empty one is refused.
READ_REASON_HELP = "why (kept in the access log; without it: (no reason given))"


def central_key_arg(parser: argparse.ArgumentParser) -> None:
    """``--passphrase-file``, optional where the issue spells the command without
    it: at a terminal the passphrase is then asked for (``key_passphrase``)."""
    parser.add_argument(
        "--passphrase-file",
        help="opens the central key (- = stdin; at a terminal, asked for without it)",
    )


def key_passphrase(path: str | None) -> str:
    """The central key's passphrase: from ``--passphrase-file``, or typed at the
    terminal (never echoed). Without a terminal the file must be given: a script
    or a service never waits at a prompt nobody sees."""
    if path is not None:
        return read_passphrase_file(path)
    if not sys.stdin.isatty():
        raise InvalidInput(
            "The central key is sealed under its passphrase: give --passphrase-file FILE "
            "(- reads it from standard input)."
        )
    try:
        typed = getpass.getpass("Passphrase of the central key: ")
    except (EOFError, KeyboardInterrupt):
        typed = ""
    if not typed:
        raise InvalidInput("No passphrase was typed; nothing was done.")
    return typed


def add_vault_args(parser: argparse.ArgumentParser, *, alias: bool = False) -> None:
    parser.add_argument("--vault", required=True, type=Path, help="vault folder")
    parser.add_argument(
        "--passphrase-file",
        required=True,
        help="file whose first line is the passphrase (- = stdin)",
    )
    if alias:
        parser.add_argument("--alias", required=True, help="the alias to act under")


def vault_args(p: argparse.ArgumentParser, *, alias: str = "optional") -> None:
    """``--vault`` and ``--passphrase-file``, with ``--alias`` "optional" (default:
    the alias last used), "required" or "none"."""
    add_vault_args(p, alias=alias == "required")
    if alias == "optional":
        p.add_argument("--alias", help="the alias to act under (default: the last one used)")


def force_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--force", action="store_true", help="replace a file that already exists")


def cli_actor(args: argparse.Namespace) -> Actor:
    """Who the audit log names for this command. ``--alias`` is checked as text
    first: the vault is not unlocked (nor the unlock recorded) for an alias that
    cannot be a name at all."""
    alias = getattr(args, "alias", None)
    if not alias:
        return Actor("cli")
    # Also its length: the actor goes into the audit log and from there into packages.
    names.lookup_key(alias, NameKind.ALIAS)
    return Actor(f"cli:{alias}")


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Vault]:
    actor = cli_actor(args)
    passphrase = read_passphrase_file(args.passphrase_file)
    with open_vault(args.vault, passphrase, actor) as vault:
        yield vault


@contextmanager
def open_vault(root: Path, passphrase: str, actor: Actor) -> Iterator[Vault]:
    """Unlock for one command, warn on stderr if the audit log does not match its
    anchor, lock when done. The command goes on after the warning: what it reads
    is what the vault holds, and what it writes is audited as usual, while the
    anchor stays where it was (``Vault.lock``), so `veldboek check` keeps failing
    until the user has looked. A vault found damaged is never written to."""
    vault = vaults.unlock(root, passphrase, actor)
    try:
        warning = vault.integrity_warning()
        if warning is not None:
            print(f"veldboek: warning: {warning}", file=sys.stderr, flush=True)
        yield vault
    finally:
        vault.lock(reason="cli")


def scope_from(vault: Vault, args: argparse.Namespace) -> Scope:
    return aliases.resolve_scope(vault, args.alias)


def acting_scope(vault: Vault, args: argparse.Namespace) -> Scope:
    """The scope of ``--alias`` if given, else of the alias last used in the vault."""
    if getattr(args, "alias", None):
        return scope_from(vault, args)
    return aliases.default_scope(vault)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID | Path):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return None  # binary fields (photos, sealed blobs) are never printed
    return value


# What JSON written with ensure_ascii=False leaves as it is though a terminal acts on
# it: C1 controls (U+009B is a CSI), DEL, line separators and direction controls.
_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_json(text: str) -> str:
    """JSON text with those characters as ``\\uXXXX``: the same JSON (they stand
    only inside strings), but a package's text can no longer steer the terminal."""
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(value: Any) -> None:
    sys.stdout.write(terminal_json(json.dumps(_plain(value), ensure_ascii=False, indent=2)))
    sys.stdout.write("\n")


def source_arg(vault: Vault, scope: Scope, text: str) -> UUID:
    """A source given as CODENAME|ID. A codename several sources have is refused
    (one line on stderr); the sources it could mean go to stdout, with the id to
    give instead."""
    try:
        return sources.resolve_source(vault, scope, text)
    except sources.AmbiguousSource as exc:
        for row in exc.choices:
            print(f"{row.id}  {row.codename}  {row.status.value}")
        raise
