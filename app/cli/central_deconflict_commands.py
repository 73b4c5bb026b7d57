"""Blind deconfliction at the central system, on the command line.

    veldboek central deconfliction-key new   --data DIR | --db URL [--passphrase-file FILE]
                                             [--memory-kib N] [--iterations N] [--lanes N]
    veldboek central deconfliction-key issue --data DIR | --db URL [--passphrase-file FILE]
                                             --to DIR [--team NAME]
    veldboek central deconflict [--team NAME] [--user NAME] [--reason WHY] [--json]
    veldboek central deconflict --rescan
    veldboek central deconflict decide MATCH_ID --as same|different --user NAME --why TEXT
    veldboek central deconflict notify --data DIR | --db URL [--passphrase-file FILE]
                                       --to DIR [--team NAME]

A match is listed once per team of it: its kind, the team and the other team,
that team's status (a match between two teams is decided per team) and dates,
and of the other team only what it decided; never a token, never a source,
reason or staff name of another team.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Callable
from pathlib import Path

from app.central import (
    access,
    deconfliction_keys,
    deconfliction_match,
    deconfliction_notices,
    deconfliction_reading,
)
from app.central import place as places
from app.central.store import opened as opened_store
from app.cli.central_unlock import open_key
from app.cli.common import READ_REASON_HELP, central_key_arg, print_json
from app.domain.text import counted
from app.services.files import output_paths

PlaceArgs = Callable[[argparse.ArgumentParser], None]


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {value!r}") from None


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], add_place: PlaceArgs
) -> None:
    dk = commands.add_parser("deconfliction-key", help="the unit's deconfliction key")
    dk_commands = dk.add_subparsers(dest="dk_command", required=True)
    p = dk_commands.add_parser("new", help="make the first key, or rotate (the old one retires)")
    add_place(p)
    central_key_arg(p)
    p.add_argument("--memory-kib", type=int, help="Argon2id memory of the tokens (KiB)")
    p.add_argument("--iterations", type=int, help="Argon2id passes of the tokens")
    p.add_argument("--lanes", type=int, help="Argon2id lanes of the tokens")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_key_new)
    p = dk_commands.add_parser("issue", help="one key package per registered handler")
    add_place(p)
    central_key_arg(p)
    p.add_argument("--to", required=True, type=Path, help="the folder to write them in")
    p.add_argument("--team", help="only this team's handlers")
    p.set_defaults(func=cmd_key_issue)

    d = commands.add_parser("deconflict", help="matches of sources' identity attributes")
    add_place(d)
    d.add_argument("--team", help="only matches this team is part of")
    d.add_argument("--user", help="read as this staff user (its teams only; access-logged)")
    d.add_argument("--reason", default=access.NO_REASON, help=READ_REASON_HELP)
    d.add_argument("--rescan", action="store_true", help="match every stored token again")
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=cmd_deconflict)
    d_commands = d.add_subparsers(dest="deconflict_command", required=False)
    p = d_commands.add_parser("decide", help="mark a match: the same person, or different")
    p.add_argument("match_id", type=_uuid, metavar="MATCH_ID")
    add_place(p)
    p.add_argument("--as", dest="resolution", required=True, choices=["same", "different"])
    p.add_argument("--user", dest="decider", required=True, help="the staff user deciding")
    p.add_argument("--why", required=True)
    p.add_argument("--json", dest="decide_json", action="store_true")
    p.set_defaults(func=cmd_decide)
    p = d_commands.add_parser("notify", help="notice packages of changed matches to handlers")
    add_place(p)
    central_key_arg(p)
    p.add_argument("--to", required=True, type=Path, help="the folder to write them in")
    p.add_argument("--team", dest="notify_team", help="only this team's handlers")
    p.set_defaults(func=cmd_notify)


def _place(args: argparse.Namespace) -> places.Place:
    return places.from_args(args.data, args.db)


def cmd_key_new(args: argparse.Namespace) -> int:
    params = deconfliction_keys.params_of(args.memory_kib, args.iterations, args.lanes)
    with opened_store(_place(args)) as store:
        unlocked = open_key(store, args.passphrase_file)
        with store.begin() as conn:
            made = deconfliction_keys.new_key(conn, unlocked, params)
        if made.retired:
            deconfliction_keys.vacuum(store)
    if args.json:
        print_json(made)
        return 0
    retired = f"; key {made.retired} retired" if made.retired else ""
    print(
        f"Deconfliction key {made.key_id} made (Argon2id {made.params.memory_kib} KiB, "
        f"{made.params.iterations} passes, {made.params.lanes} lanes){retired}. "
        "Issue it to the handlers: central deconfliction-key issue."
    )
    return 0


def cmd_key_issue(args: argparse.Namespace) -> int:
    place = _place(args)
    guarded = [place.data] if place.data is not None else []
    output_paths.check_folder(args.to, vaults=guarded)  # before the passphrase is asked
    with opened_store(place) as store:
        unlocked = open_key(store, args.passphrase_file)
        with store.begin() as conn:
            key_id, issued = deconfliction_keys.issue(
                conn, unlocked, args.to, team=args.team, vaults=guarded
            )
    for i in issued:
        print(f"Wrote {i.path}: deconfliction key {key_id} for {i.handler} (team {i.team}).")
    return 0


def cmd_deconflict(args: argparse.Namespace) -> int:
    with opened_store(_place(args)) as store:
        if args.rescan:
            with store.begin() as conn:
                opened = deconfliction_match.match(conn)
            print(f"Rescanned: {counted(opened, 'new match', 'new matches')}.")
            return 0
        found = deconfliction_reading.matches(
            store, team=args.team, user=args.user, why=args.reason
        )
    if args.json:
        print_json(found)
        return 0
    for m in found:
        print(
            f"{m.opened_at}  {m.match_id}  {m.kind:<8}  {m.team} / {m.other_team}  {m.status}"
            + (f" ({m.decided_by}, {m.decided_at})" if m.decided_at else "")
            + (f"; {m.other_decided_by}: {m.other_status}" if m.other_decided_by else "")
        )
    if not found:
        print("No matches.")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    with opened_store(_place(args)) as store:
        match = deconfliction_reading.decide(
            store, args.match_id, resolution=args.resolution, user=args.decider, why=args.why
        )
    if args.decide_json:
        print_json(match)
    else:
        print(
            f"Match {match.match_id} marked {match.status} by {match.decided_by} "
            f"for team {match.team}."
        )
    return 0


def cmd_notify(args: argparse.Namespace) -> int:
    place = _place(args)
    guarded = [place.data] if place.data is not None else []
    output_paths.check_folder(args.to, vaults=guarded)
    with opened_store(place) as store:
        unlocked = open_key(store, args.passphrase_file)
        with store.begin() as conn:
            done = deconfliction_notices.notify(
                conn, unlocked, args.to, team=args.notify_team, vaults=guarded
            )
    for n in done:
        matches = counted(n.matches, "match", "matches")
        print(f"Wrote {n.path}: {matches} for {n.handler} (team {n.team}).")
    if not done:
        print("No match changed since the last notices.")
    return 0
