"""The unit deconfliction key on the command line (docs/security.md, "Blind
deconfliction"). The key arrives as a package (``veldboek package import``).

    veldboek keys deconfliction show      --vault PATH --passphrase-file FILE [--json]
    veldboek keys deconfliction forward   --vault PATH --passphrase-file FILE --alias NAME
                                          --to DIR [--runner PEER]
    veldboek keys deconfliction recompute --vault PATH --passphrase-file FILE [--alias NAME]

``show`` prints key ids, dates and counts, never the secret or a token.
``recompute`` computes every source's tokens under the current key again (after an
import that was not given the passphrase, e.g. from the GUI left unfinished); it
opens each sealed identity without showing it, and is audited.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import (
    add_vault_args,
    cli_actor,
    open_vault,
    print_json,
    read_passphrase_file,
)
from app.domain.text import counted
from app.services.admin import aliases
from app.services.exchange import deconfliction_key, package_receive
from app.services.files import output_paths
from app.services.records import identity_recompute


def register(keys_actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    d = keys_actions.add_parser("deconfliction", help="the unit deconfliction key")
    da = d.add_subparsers(dest="deconfliction_action", required=True, metavar="ACTION")
    show = da.add_parser("show", help="the key's id and date, and how many sources have tokens")
    add_vault_args(show)
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_show)
    fwd = da.add_parser("forward", help="send the key to the team's runners (handler)")
    add_vault_args(fwd, alias=True)
    fwd.add_argument("--to", type=Path, required=True, metavar="DIR")
    fwd.add_argument("--runner", metavar="PEER", help="only this runner (key name or fingerprint)")
    fwd.add_argument("--json", action="store_true")
    fwd.set_defaults(func=cmd_forward)
    rec = da.add_parser("recompute", help="compute every source's tokens under the current key")
    add_vault_args(rec)
    rec.add_argument("--alias", help="the alias to act under (default: the last one used)")
    rec.add_argument("--json", action="store_true")
    rec.set_defaults(func=cmd_recompute)


def cmd_show(args: argparse.Namespace) -> int:
    passphrase = read_passphrase_file(args.passphrase_file)
    with open_vault(args.vault, passphrase, cli_actor(args)) as vault:
        held = deconfliction_key.status(vault)
    if args.json:
        print_json(held)
        return 0
    if not held.keys:
        print("No deconfliction key: import the key package from central (or the handler).")
        return 0
    for k in held.keys:
        state = "current" if k.current else "replaced, forgotten with the next package"
        pending = "" if k.recomputed or not k.current else "; tokens not yet recomputed"
        print(
            f"{k.key_id}  made {k.created_at}  {state}: tokens for {k.sources_with_tokens} of "
            f"{counted(held.sources_with_identity, 'source')} with a true identity{pending}"
        )
    if held.sources_to_send:
        print(
            f"The tokens of {counted(held.sources_to_send, 'source')} wait to be sent: the next "
            "export of everything new (package export --all-new) carries them."
        )
    return 0


def cmd_forward(args: argparse.Namespace) -> int:
    output_paths.check_folder(args.to, vaults=[args.vault])
    passphrase = read_passphrase_file(args.passphrase_file)
    with open_vault(args.vault, passphrase, cli_actor(args)) as vault:
        scope = aliases.resolve_scope(vault, args.alias)
        sent = deconfliction_key.forward(vault, scope, to_dir=args.to, runner=args.runner)
    if args.json:
        print_json(sent)
        return 0
    for f in sent:
        print(f"Deconfliction key for {f.runner} (package {f.sequence}): {f.path}")
    return 0


def cmd_recompute(args: argparse.Namespace) -> int:
    passphrase = read_passphrase_file(args.passphrase_file)
    with open_vault(args.vault, passphrase, cli_actor(args)) as vault:
        scope = (
            aliases.resolve_scope(vault, args.alias) if args.alias else aliases.default_scope(vault)
        )
        done = identity_recompute.recompute(vault, scope, passphrase=passphrase)
    if args.json:
        print_json(done)
    else:
        print(
            f"Tokens recomputed under key {done.key_id}: {counted(done.sources, 'source')}, "
            f"{counted(done.tokens, 'token')}."
        )
    return 0


def print_key_imported(result: package_receive.ImportResult) -> None:
    assert result.key is not None
    if not result.key.new:
        print(f"This vault already holds deconfliction key {result.key.key_id}; nothing changed.")
        return
    done = result.recomputed
    print(
        f"Took in deconfliction key {result.key.key_id} from {result.sender}"
        + (f" (it replaces {result.key.replaced})" if result.key.replaced else "")
        + (f"; tokens recomputed for {counted(done.sources, 'source')}." if done else ".")
    )
