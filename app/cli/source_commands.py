"""A source's file on the command line: closing its registration, and handing it
over to another runner.

    veldboek source close CODENAME|ID --reason TEXT [--on DAY]
                          --vault PATH --passphrase-file FILE --alias NAME
    veldboek source handover CODENAME|ID --vault PATH --passphrase-file FILE --alias NAME
                             --to-runner PEER --to DIR [--json]
    veldboek source handovers --vault PATH --passphrase-file FILE [--alias NAME] [--json]

Closing records the reason, the day it was decided (today unless --on) and who
decided (the alias acting); the source's reminders stop and the closing goes to the
handler with the next package. The file stays readable and reportable.

``--to-runner`` names a runner key this vault confirmed by its fingerprint (by the
name given to it, or its fingerprint); the handover package is also sealed to every
confirmed handler key. The passphrase opens the source's true identity, which is
sealed again to the new runner alone. The new runner takes it in with ``package
import`` and answers with ``receipt create --runner OLD``; this vault's ``receipt
import`` of that receipt then purges the source per the retention rule. The
package's file is named by its new id, so it never meets an existing file.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path

from app.cli.common import (
    acting_scope,
    add_vault_args,
    cli_actor,
    open_vault,
    opened,
    print_json,
    read_passphrase_file,
    scope_from,
    source_arg,
    vault_args,
)
from app.clock import utc_now
from app.domain.enums import Role
from app.domain.text import counted
from app.services.exchange import handover
from app.services.files import output_paths
from app.services.records import closing


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("source", help="act on a source's file")
    what = p.add_subparsers(dest="what", required=True, metavar="ACTION")
    c = what.add_parser("close", help="close a source's registration")
    c.add_argument("source", metavar="CODENAME|ID")
    c.add_argument("--reason", required=True, help="why the registration is closed")
    c.add_argument(
        "--on", dest="decided_on", type=_day, metavar="DAY", help="the day it was decided"
    )
    add_vault_args(c, alias=True)
    c.set_defaults(func=cmd_close)
    h = what.add_parser("handover", help="write a handover package for the new runner")
    h.add_argument("source", metavar="CODENAME|ID")
    add_vault_args(h, alias=True)
    h.add_argument("--to-runner", required=True, metavar="PEER", help="the new runner's key")
    h.add_argument("--to", type=Path, required=True, metavar="DIR", help="folder, e.g. a stick")
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_source_handover)
    ls = what.add_parser("handovers", help="sources handed over, taken on, or seen changing runner")
    vault_args(ls)  # a read: without --alias, the alias last used
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_source_handovers)


def cmd_close(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        scope = scope_from(vault, args)
        source_id = source_arg(vault, scope, args.source)
        codename = closing.close_registration(
            vault, scope, source_id, reason=args.reason, decided_on=args.decided_on
        )
    day = args.decided_on or utc_now().date()
    # Named as the user knows it, with where the closing goes next (README).
    onward = "; it goes to the handler with the next package (export)"
    print(
        f"Registration of source {codename} (id {source_id}) closed, decided on {day} by "
        f"{scope.alias_name}{onward if scope.role is Role.RUNNER else ''}."
    )
    return 0


def cmd_source_handover(args: argparse.Namespace) -> int:
    output_paths.check_folder(args.to, vaults=[args.vault])  # before the vault is opened
    actor = cli_actor(args)
    passphrase = read_passphrase_file(args.passphrase_file)
    with open_vault(args.vault, passphrase, actor) as vault:
        scope = scope_from(vault, args)
        result = handover.hand_over(
            vault,
            scope,
            source_arg(vault, scope, args.source),
            passphrase=passphrase,
            to_runner=args.to_runner,
            to_dir=args.to,
        )
    if args.json:
        print_json(asdict(result))
    else:
        identity = "with its sealed true identity" if result.identity else "no true identity"
        print(
            f"Handover of {result.codename} to {result.to_runner} "
            f"({counted(result.records, 'record')}, {identity}) "
            f"for {', '.join(result.recipients)}: {result.path}"
        )
    return 0


_SAID = {
    "out": "handed over to",
    "in": "taken on from",
    "seen": "now run by",
}


def _state(r: handover.HandoverView) -> str:
    """Where the handover stands: sent (the new runner's receipt), taken on (this
    vault's receipt), seen by a handler (nothing to confirm here)."""
    if r.direction == "out":
        if r.purged_at:
            return "purged here"
        return "confirmed" if r.confirmed_at else "awaiting the new runner's receipt"
    if r.direction == "in":
        return "receipt issued" if r.confirmed_at else "no receipt issued yet"
    return ""


def cmd_source_handovers(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        rows = handover.handovers(vault, acting_scope(vault, args))
    if args.json:
        print_json([asdict(r) for r in rows])
        return 0
    for r in rows:
        who = (r.from_name or r.from_runner) if r.direction == "in" else (r.to_name or r.to_runner)
        state = _state(r)
        print(
            f"{r.created_at:%Y-%m-%d %H:%M}  {r.codename}  {_SAID[r.direction]} {who}"
            + (f"  ({state})" if state else "")
        )
    if not rows:
        print("No source was handed over in this vault's files.")
    return 0
