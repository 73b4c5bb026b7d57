"""The user's own aliases on the command line.

    veldboek alias rename OLD NEW --vault PATH --passphrase-file FILE

Only an alias whose name is from before a rule of names (one Veldboek no longer
sends, and export says so) is renamed; any other is refused, because the packages
sent under it made it known to the handler and the central system. OLD is the
alias's present name or its id (export names the id: such a name may hold
characters nobody can type). The old name stays known so that sanitised reports
still refuse it. A colleague's cover name, known from a package, is not renamed
here.
"""

from __future__ import annotations

import argparse

from app.cli.common import add_vault_args, cli_actor, opened
from app.domain import names
from app.domain.names import NameKind
from app.services.admin import aliases


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("alias", help="your own aliases")
    what = p.add_subparsers(dest="what", required=True, metavar="ACTION")
    r = what.add_parser(
        "rename", help="rename your alias whose name is from before a rule of names"
    )
    r.add_argument("old", metavar="OLD", help="the alias's present name, or its id")
    r.add_argument("new", metavar="NEW", help="the new name")
    add_vault_args(r)
    r.set_defaults(func=cmd_rename)


def cmd_rename(args: argparse.Namespace) -> int:
    names.clean(args.new, NameKind.ALIAS)  # before the vault is unlocked
    with opened(args) as vault:
        alias_id = aliases.own_alias_id(vault, args.old)
        renamed = aliases.rename_alias(vault, alias_id, args.new, actor=cli_actor(args))
    # The old name is not printed: it may hold what a terminal acts on.
    kept = "; the old name is kept so that sanitised reports still refuse it"
    print(f"Alias {alias_id} is now {renamed.name}{kept if renamed.former_kept else ''}.")
    return 0
