"""Staff, grants and reading on the command line.

    veldboek central grant  --team NAME --user NAME (--data DIR | --db URL)
                            [--by NAME]
    veldboek central revoke --team NAME --user NAME (--data DIR | --db URL) [--by NAME]
    veldboek central grants (--data DIR | --db URL) [--json]
    veldboek central search TEXT --user NAME [--reason WHY] [--team NAME] [--limit N] [--json]
    veldboek central show source|debrief ID --user NAME [--reason WHY] [--json]
    veldboek central status [--json]
    veldboek central verify        (every stored version and package file hashed again)
    veldboek central log verify [--head FILE …]
    veldboek central log head [--passphrase-file FILE] --out FILE [--force]
    veldboek central log show [--limit N] [--who NAME] [--json]

A person reads as their own database role: row-level security decides what comes
back, and the read is in the access log (who, what, when, why) before any row is.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.central import access, access_head, evidence, reading
from app.central import place as places
from app.central.store import opened as opened_store
from app.cli.central_unlock import open_key
from app.cli.common import READ_REASON_HELP, central_key_arg, print_json
from app.domain.one_line import shown as one_line
from app.domain.text import counted
from app.errors import CheckFailed, InvalidInput
from app.services.files import output_paths, user_files

PlaceArgs = Callable[[argparse.ArgumentParser], None]


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], add_place: PlaceArgs
) -> None:
    p = commands.add_parser("grant", help="let a staff user (a database role) read a team")
    add_place(p)
    p.add_argument("--team", required=True)
    p.add_argument("--user", required=True)
    # Refused: kept so that a script using it gets the reason, not "unrecognized".
    p.add_argument("--password-file", help=argparse.SUPPRESS)
    p.add_argument(
        "--by", help="who grants it (kept in the access log; else the system user, os:NAME)"
    )
    p.set_defaults(func=cmd_grant)

    p = commands.add_parser("grants", help="who may read which team")
    add_place(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_grants)

    p = commands.add_parser("revoke", help="take a team away from a staff user")
    add_place(p)
    p.add_argument("--team", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--by", help="who revokes it (else the system user, os:NAME)")
    p.set_defaults(func=cmd_revoke)

    p = commands.add_parser("search", help="full-text search (Dutch and English), newest first")
    p.add_argument("text")
    add_place(p)
    p.add_argument("--user", required=True, help="the staff user reading")
    p.add_argument("--reason", default=access.NO_REASON, help=READ_REASON_HELP)
    p.add_argument("--team")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = commands.add_parser("show", help="a source or debrief whole: every version, its package")
    p.add_argument("kind", choices=["source", "debrief"])
    p.add_argument("id", type=_uuid)
    add_place(p)
    p.add_argument("--user", required=True, help="the staff user reading")
    p.add_argument("--reason", default=access.NO_REASON, help=READ_REASON_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = commands.add_parser("status", help="packages per team, channels, gaps, refusals")
    add_place(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = commands.add_parser("verify", help="hash every stored version and package file again")
    add_place(p)
    p.set_defaults(func=cmd_verify)

    log = commands.add_parser("log", help="the access log")
    log_commands = log.add_subparsers(dest="log_command", required=True)
    p = log_commands.add_parser("verify", help="recompute the access log's hash chain")
    add_place(p)
    p.add_argument(
        "--head", type=Path, action="append", default=[],
        help="a signed head (log head): the log must still hold it (repeatable)",
    )  # fmt: skip
    p.set_defaults(func=cmd_log_verify)
    p = log_commands.add_parser("show", help="who read what, when and why (newest first)")
    add_place(p)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--who", help="one staff user's reads only")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_log_show)
    p = log_commands.add_parser("head", help="sign the access log's state now, to keep elsewhere")
    add_place(p)
    central_key_arg(p)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_log_head)


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {value!r}") from None


def _place(args: argparse.Namespace) -> places.Place:
    return places.from_args(args.data, args.db)


def cmd_grant(args: argparse.Namespace) -> int:
    access.role_name(args.user)
    if args.password_file is not None:
        raise InvalidInput(
            "Staff do not log in to the database themselves (--password-file): every read "
            "goes through veldboek central search|show, which write it to the access log first."
        )
    with opened_store(_place(args)) as store, store.begin() as conn:
        done = access.grant(conn, team=args.team, user=args.user, by=args.by or access.os_user())
    made = " (a new role)" if done.created_role else ""
    if done.stale_teams:
        print(
            f"Grants of a dropped role named {done.user} (team {', '.join(done.stale_teams)}) "
            f"were removed, not handed to this one."
        )
    print(f"{done.user}{made} may now read team {done.team}.")
    return 0


def cmd_grants(args: argparse.Namespace) -> int:
    with opened_store(_place(args)) as store, store.connect() as conn:
        held = access.grants(conn)
    if args.json:
        print_json(held)
    elif not held:
        print("No staff user may read any team.")
    for g in [] if args.json else held:
        void = {
            "no role": "  VOID: its role is gone",
            "another role": "  VOID: made for another role of this name (dropped and made "
            "again, or a restore from another cluster): grant it again",
        }
        print(f"{g.team:<20} {g.user:<24} since {g.granted_at} by {one_line(g.granted_by)}"
              f"{void.get(g.void, '')}")  # fmt: skip
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    with opened_store(_place(args)) as store, store.begin() as conn:
        had = access.revoke(conn, team=args.team, user=args.user, by=args.by or access.os_user())
    print(
        f"{args.user} no longer reads team {args.team}."
        if had
        else f"{args.user} had no grant for team {args.team}."
    )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    # The user's name and the reason are checked with the store open: a refusal is
    # logged too.
    with opened_store(_place(args)) as store:
        hits = reading.search(
            store, args.text, user=args.user, why=args.reason, team=args.team, limit=args.limit
        )
    if args.json:
        print_json(hits)
    elif not hits:
        print("No matches.")
    else:
        for h in hits:
            print(
                f"{h.updated_at}  {h.team:<16} {h.codename or '-':<16} {h.debrief_id} v{h.version}"
            )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    # The user's name and the reason are checked with the store open: a refusal is
    # logged too.
    with opened_store(_place(args)) as store:
        found = reading.show(store, args.kind, args.id, user=args.user, why=args.reason)
    print_json(found)  # a whole file is structured: JSON either way
    if found["altered"]:
        which = ", ".join(found["altered"][:5])
        if len(found["altered"]) == 1:
            raise CheckFailed(
                "ALTERED EVIDENCE: {n} stored version no longer hashes as its package said "
                "({which}); the text shown is not what arrived (central verify checks them all).",
                n=1,
                which=which,
            )
        raise CheckFailed(
            "ALTERED EVIDENCE: {n} stored versions no longer hash as their package said "
            "({which}); the text shown is not what arrived (central verify checks them all).",
            n=len(found["altered"]),
            which=which,
        )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with opened_store(_place(args)) as store, store.connect() as conn:
        checked = evidence.verify(conn)
    print(
        f"Checked {counted(checked.versions, 'stored version')} against their records' "
        f"hashes and {counted(checked.packages, 'kept package file')} against theirs."
    )
    if checked.altered:
        for what in checked.altered:
            print(f"ALTERED: {what}")
        raise CheckFailed(
            "ALTERED EVIDENCE: {n} of what the store keeps no longer hashes as it arrived.",
            n=len(checked.altered),
        )
    print("Every one is as it arrived.")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with opened_store(_place(args)) as store:
        state = reading.status(store)
    if args.json:
        print_json(state)
        return 0
    if not any(t["packages"] for t in state["teams"]):
        print("No packages yet.")
    for t in state["teams"]:
        print(
            f"{t['team']:<20} {t['packages']:>6} packages {t['debriefs']:>9} debriefs "
            f"({t['records']} records received)  last {t['last_received'] or '-'}"
        )
    for c in state["channels"]:
        gap = f"  MISSING {c['missing_text']}" if c["missing"] else ""
        revoked = c["sender_revoked_at"]
        gone = f"  key REVOKED {revoked}" if revoked is not None else ""
        # A sender has a channel per set of recipients: its start tells them apart.
        print(
            f"  {c['team']:<18} {c['sender']:<24} key {c['sender_fingerprint'][:8]} "
            f"channel {c['channel'][:8]} "
            f"last no. {c['last_sequence']} at {c['last_received']}{gap}{gone}"
        )
    for reason, n in state["refusals"].items():
        print(f"refused: {reason} x{n}")
    for r in state["recent_refusals"][:10]:
        print(f"  {r['at']}  {r['file']}: {r['reason']}: {r['message']}")
    _deconfliction_lines(state["deconfliction"])
    return 0


def _deconfliction_lines(d: dict[str, Any]) -> None:
    if d["current_key"] or d["tokens_under_retired_keys"] or d["unknown_keys"]:
        print(
            f"deconfliction: key {d['current_key'] or '-'}, {d['tokens']} tokens of "
            f"{d['sources']} sources, {d['tokens_under_retired_keys']} tokens under retired "
            f"keys, {d['open_matches']} open of {d['matches']} matches"
        )
    else:
        print("deconfliction: no deconfliction key yet (central deconfliction-key new)")
    for u in d["unknown_keys"]:
        print(
            f"  UNKNOWN deconfliction key {u['key_id']}: team {u['team']}, "
            f"{counted(u['packages'], 'package')}, {counted(u['tokens'], 'token')} kept out of "
            "matching"
        )


def cmd_log_verify(args: argparse.Namespace) -> int:
    heads = [user_files.read_all(h, access_head.KIND) for h in args.head]
    with opened_store(_place(args)) as store, store.connect() as conn:
        check = access.verify_log(conn)
        if check.broken_at is not None:
            raise CheckFailed(
                "The access log's chain is broken at entry {n}: it was altered.",
                n=check.broken_at,
            )
        held = [access_head.check(conn, data) for data in heads]
    print(f"The access log's {check.entries} entries are intact.")
    for head in held:
        print(f"It holds the signed head of {head.at} (entry {head.last_id}).")
    return 0


def cmd_log_show(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= reading.MAX_RESULTS:
        raise InvalidInput("--limit must be between 1 and {n}.", n=reading.MAX_RESULTS)
    with opened_store(_place(args)) as store, store.connect() as conn:
        # A field typed by someone else (a reason, search words) is shown on one line,
        # control characters escaped: never an escape sequence on this terminal.
        shown = [
            {k: one_line(v) if isinstance(v, str) else v for k, v in e.items()}
            for e in access.entries(conn, limit=args.limit, who=args.who)
        ]
    if args.json:
        print_json(shown)
    elif not shown:
        print("The access log holds no such entry.")
    for e in [] if args.json else shown:
        team = f" [{e['team']}]" if e["team"] else ""
        print(f"{e['at']}  #{e['id']}  {e['who']}: {e['what']}{team}  (why: {e['why']})")
    return 0


def cmd_log_head(args: argparse.Namespace) -> int:
    place = _place(args)
    guarded = [place.data] if place.data is not None else []
    output_paths.check_file(args.out, vaults=guarded, overwrite=args.force)
    with opened_store(place) as store:
        unlocked = open_key(store, args.passphrase_file)
        with store.begin() as conn:
            signed = access_head.take(conn, unlocked)
    written = output_paths.write_file(args.out, signed, vaults=guarded, overwrite=args.force)
    print(f"Wrote {written}: keep it away from this server (log verify --head checks it).")
    return 0
