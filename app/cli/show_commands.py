"""show source: a source's whole file as this vault holds it.

    veldboek show source CODENAME|ID --vault PATH --passphrase-file FILE --alias NAME [--json]

The same shape on a runner's vault and on the handler's (the records as a package
carries them, each with the versions that went out or came in), so the two can
be compared. Never the true identity.
"""

from __future__ import annotations

import argparse

from app.cli.common import add_vault_args, opened, print_json, scope_from, source_arg
from app.domain import one_line
from app.services.exchange import deconfliction_notices, whole_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("show", help="show one record in full")
    what = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    s = what.add_parser("source", help="a source's whole file, as this vault holds it")
    s.add_argument("source", metavar="CODENAME|ID")
    add_vault_args(s, alias=True)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_show_source)


def cmd_show_source(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        scope = scope_from(vault, args)
        source_id = source_arg(vault, scope, args.source)
        found = whole_file.whole_file(vault, scope, source_id)
        matches = deconfliction_notices.open_matches(vault, scope, source_id)
        shown, runner = whole_file.shown_and_runner(vault, scope, source_id)
    if args.json:
        # Open deconfliction matches (a handler's vault): kind and team, never more.
        found["deconfliction"] = [
            {"match_id": str(m.match_id), "short_id": m.short_id, "status": m.status,
             "kind": m.kind, "other_team": m.other_team,
             "other_codename": m.other_codename, "opened_at": m.opened_at}
            for m in matches
        ]  # fmt: skip
        print_json(found)
        return 0
    head = found["source"]
    # One bracket only, the name's own (``KWARTS (Specht, …17433959)``).
    # What a package brought is printed through ``one_line.shown``: its sender chose
    # it, and an escape sequence in it would hide text or rewrite the terminal.
    print(
        one_line.shown(
            f"{shown}, {head['kind'].replace('_', ' ')}, {head['status']}, run by {runner}, "
            f"{head['compartment']}, id {head['id']}"
        )
    )
    reg = found["registration"]["record"]
    for key in sorted(reg):
        if key not in ("id", "compartment_id") and reg[key] not in ("", None):
            print(f"  {key}: {one_line.shown(str(reg[key]))}")
    for section in (*whole_file.SECTIONS, "debriefs"):
        entries = found[section]
        print(f"{section.replace('_', ' ')}: {len(entries)}")
        for entry in entries:
            versions = ", ".join(str(v["version"]) for v in entry["versions"]) or "-"
            print(f"  {entry['record']['id']}  versions {versions}")
    print(f"contacts: {len(found['contacts'])}")
    for c in found["contacts"]:
        print(f"  {c['occurred_at']}  {c['kind']}  {c['id']}")
    for m in matches:
        print(one_line.shown(deconfliction_notices.sentence(m)))
    return 0
