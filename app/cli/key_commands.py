"""This vault's keys and the peers it exchanges packages with, on the command line.

    veldboek keys show    --vault PATH --passphrase-file FILE [--json]
    veldboek keys export  --vault PATH --passphrase-file FILE --out FILE [--name N] [--role R]
                          [--force]
    veldboek keys import  FILE --vault PATH --passphrase-file FILE --role handler|central|runner
                          [--fingerprint "12345 67890 ..." | KEY-ID] [--name N] [--alias NAME]
    veldboek keys peers   --vault PATH --passphrase-file FILE [--json]
    veldboek keys deconfliction show|forward|recompute ...   (``deconfliction_commands``)

A key is added only with the fingerprint its owner reads out: ``--fingerprint``
(the spoken digits, or the key id ``keys show`` prints), or typed at the prompt
when run in a terminal; and only for the role its bundle names. Every refusal is
one line on standard error and a non-zero exit. The bundle file is written through
``output_paths`` (never into a vault folder, no overwrite without ``--force``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import deconfliction_commands
from app.cli.common import acting_scope, force_arg, opened, print_json, vault_args
from app.domain import names
from app.domain.enums import PeerRole
from app.domain.names import NameKind
from app.errors import InvalidInput
from app.services.admin import aliases
from app.services.admin.vaults import Vault
from app.services.exchange import keys
from app.services.files import output_paths

ROLES = [r.value for r in PeerRole]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    k = sub.add_parser("keys", help="this vault's keys and the peers it exchanges packages with")
    ka = k.add_subparsers(dest="keys_action", required=True, metavar="ACTION")
    show = ka.add_parser("show", help="the public key bundle and its fingerprint")
    vault_args(show, alias="none")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_keys_show)
    exp = ka.add_parser("export", help="write the public key bundle to a file")
    vault_args(exp, alias="none")
    exp.add_argument("--out", type=Path, required=True, metavar="FILE")
    exp.add_argument("--name", help="how others will know this key (default: the alias)")
    exp.add_argument("--role", choices=ROLES, help="what this vault is (default: its alias's role)")
    force_arg(exp)
    exp.set_defaults(func=cmd_keys_export)
    imp = ka.add_parser("import", help="add a handler, the central system or a runner")
    imp.add_argument("file", type=Path)
    vault_args(imp)
    imp.add_argument("--role", choices=ROLES, required=True, help="what the key's owner is")
    imp.add_argument(
        "--fingerprint",
        help="the fingerprint its owner read out to you (the digits, or the key id)",
    )
    imp.add_argument("--name", help="a name for the key (default: the one in the bundle)")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=cmd_keys_import)
    peers = ka.add_parser("peers", help="the keys this vault has confirmed")
    vault_args(peers, alias="none")
    peers.add_argument("--json", action="store_true")
    peers.set_defaults(func=cmd_keys_peers)
    deconfliction_commands.register(ka)


def _bundle(vault: Vault, args: argparse.Namespace) -> keys.KeyBundle:
    scope = aliases.default_scope(vault)
    role = PeerRole(args.role) if getattr(args, "role", None) else PeerRole(scope.role.value)
    return keys.own_bundle(vault, getattr(args, "name", None) or scope.alias_name, role)


def cmd_keys_show(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        bundle = _bundle(vault, args)
    fp = bundle.fingerprint
    if args.json:
        print_json(
            {
                "fingerprint": fp.hex,
                "spoken": fp.spoken,
                "recipient": bundle.recipient,
                "signing_key": bundle.signing_public.hex(),
            }
        )
        return 0
    print("Fingerprint (read it out to compare):")
    print(f"  {fp.spoken}")
    print(f"Key id:     {fp.hex}")
    print(f"Signing:    ed25519 {bundle.signing_public.hex()}")
    print(f"Recipient:  {bundle.recipient}")
    return 0


def cmd_keys_export(args: argparse.Namespace) -> int:
    output_paths.check_file(args.out, vaults=[args.vault], overwrite=args.force)
    if args.name:
        names.clean(args.name, NameKind.KEY)  # before the vault is unlocked
    with opened(args) as vault:
        bundle = _bundle(vault, args)
        keys.save_bundle(vault, bundle, args.out, overwrite=args.force)
    print(f"Wrote the public key bundle of {bundle.name!r} to {args.out}.")
    print(f"Its fingerprint: {bundle.fingerprint.spoken}")
    return 0


def _confirmation(args: argparse.Namespace) -> str:
    if args.fingerprint:
        return str(args.fingerprint)
    if not sys.stdin.isatty():
        raise InvalidInput("Give --fingerprint: the fingerprint the key's owner reads out to you.")
    print("Ask the key's owner to read out their fingerprint (keys show) and type it here.")
    return input("Fingerprint: ")


def cmd_keys_import(args: argparse.Namespace) -> int:
    if args.name:
        names.clean(args.name, NameKind.KEY)  # before the vault is unlocked
    bundle = keys.read_bundle_file(args.file)
    spoken = _confirmation(args)
    with opened(args) as vault:
        held = {(p.fingerprint, p.role) for p in keys.list_peers(vault) if p.active}
        peer = keys.add_peer(
            vault,
            acting_scope(vault, args),
            bundle,
            role=PeerRole(args.role),
            confirmed_spoken=spoken,
            name=args.name,
        )
    if args.json:
        print_json(peer)
    else:
        # "Added" again for a key already held would read as a second key.
        again = (peer.fingerprint, peer.role) in held
        done = "This vault already held" if again else "Added"
        print(f"{done} {peer.name!r} as {peer.role.value}; fingerprint {peer.spoken}.")
    return 0


def cmd_keys_peers(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        peers = keys.list_peers(vault)
    if args.json:
        print_json(peers)
    else:
        if not peers:  # the first step of every exchange: say what it is
            print(
                "This vault knows no other key yet: add the handler's (or a runner's) with "
                'keys import FILE --role ROLE --fingerprint "…" as its owner reads it out.'
            )
        for p in peers:
            state = "" if p.active else "  (retired)"
            print(f"{p.role.value:<8} {p.name:<24} {p.spoken}{state}")
    return 0
