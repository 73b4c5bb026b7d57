"""source close: close a source's registration.

    veldboek source close CODENAME|ID --reason TEXT [--on DAY]
                          --vault PATH --passphrase-file FILE --alias NAME

Records the reason, the day it was decided (today unless --on) and who decided
(the alias acting); the source's reminders stop and the closing goes to the
handler with the next package. The file stays readable and reportable.
"""

from __future__ import annotations

import argparse
from datetime import date

from app.cli.common import add_vault_args, opened, scope_from, source_arg
from app.services import closing


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


def cmd_close(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        scope = scope_from(vault, args)
        source_id = source_arg(vault, scope, args.source)
        closing.close_registration(
            vault, scope, source_id, reason=args.reason, decided_on=args.decided_on
        )
    print(f"Registration of source {source_id} closed.")
    return 0
