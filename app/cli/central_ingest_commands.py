"""Taking packages into the central system on the command line.

    veldboek central keys import FILE --data DIR | --db URL --role runner|handler
                                 --team NAME --fingerprint "12345 …" [--name N] [--json]
    veldboek central keys revoke --fingerprint FP --data DIR | --db URL [--by NAME]
    veldboek central keys list   --data DIR | --db URL [--team NAME] [--json]
    veldboek central receipt --data DIR | --db URL [--passphrase-file FILE] --to DIR
                             [--runner NAME [--team NAME]]
    veldboek central ingest PATH… --data DIR | --db URL [--passphrase-file FILE] [--json]
    veldboek central watch DIR --data DIR | --db URL [--passphrase-file FILE]
                           [--settle S] [--interval S] [--once]

``ingest`` prints one line per package (or a JSON list) and exits 1 if any was
refused, with one line per refusal on standard error. ``watch`` runs until
stopped (Ctrl+C, SIGTERM), or with ``--once`` takes what is complete and ends.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from app.central import (
    access,
    dropfolder,
    ingest,
    key_list,
    receipts,
    search_index,
    teams,
)
from app.central import place as places
from app.central.place import Place
from app.central.store import Store
from app.central.store import opened as opened_store
from app.cli.central_unlock import open_key
from app.cli.common import central_key_arg, print_json
from app.domain.enums import PeerRole
from app.domain.text import counted
from app.errors import InvalidInput, VeldboekError
from app.services.exchange import keys
from app.services.files import output_paths


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    key_commands: argparse._SubParsersAction[argparse.ArgumentParser],
    add_place: Callable[[argparse.ArgumentParser], None],
) -> None:
    p = key_commands.add_parser("import", help="register a runner's or handler's key to a team")
    p.add_argument("file", type=Path)
    add_place(p)
    p.add_argument("--role", required=True, choices=[r.value for r in teams.SENDER_ROLES])
    p.add_argument("--team", required=True)
    p.add_argument("--fingerprint", required=True, help="as its owner reads it out")
    p.add_argument("--name", help="the name the key is shown as (default: the bundle's)")
    p.add_argument(
        "--by", help="who registers it (kept with the key; default: the system user, os:NAME)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_keys_import)

    p = key_commands.add_parser("revoke", help="make a runner's or handler's key inactive")
    add_place(p)
    p.add_argument("--fingerprint", required=True, help="its 64 hex digits or spoken in full")
    p.add_argument(
        "--by", help="who revokes it (kept in the access log; default: the system user, os:NAME)"
    )
    p.set_defaults(func=cmd_keys_revoke)

    p = key_commands.add_parser("list", help="every registered runner's and handler's key")
    add_place(p)
    p.add_argument("--team", help="one team's keys only")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_keys_list)

    p = commands.add_parser("ingest", help="verify and store packages")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_place(p)
    central_key_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ingest)

    p = commands.add_parser("receipt", help="receipts for runners: what central holds")
    add_place(p)
    central_key_arg(p)
    p.add_argument("--to", required=True, type=Path, help="the folder to write them in")
    p.add_argument("--runner", help="only this runner's key (its registered name)")
    p.add_argument("--team", help="the runner's team, where keys of two teams share its name")
    p.set_defaults(func=cmd_receipt)

    p = commands.add_parser("watch", help="take packages in from a drop folder")
    p.add_argument("folder", type=Path, metavar="DIR")
    add_place(p)
    central_key_arg(p)
    p.add_argument("--settle", type=float, default=2.0, help="seconds a file must stand still")
    p.add_argument("--interval", type=float, default=1.0, help="seconds between looks")
    p.add_argument("--once", action="store_true", help="take what is complete, then end")
    p.set_defaults(func=cmd_watch)


def _place(args: argparse.Namespace) -> Place:
    return places.from_args(args.data, args.db)


def cmd_keys_import(args: argparse.Namespace) -> int:
    bundle = keys.read_bundle_file(args.file)
    with opened_store(_place(args)) as store, store.begin() as conn:
        done = teams.register(
            conn,
            bundle,
            role=PeerRole(args.role),
            team=args.team,
            confirmed_spoken=args.fingerprint,
            by=args.by or access.os_user(),
            name=args.name,
        )
    if args.json:
        print_json(done)
    else:
        made = " (a new team)" if done.new_team else ""
        print(
            f"Registered {done.name!r} as {done.role} of team {done.team}{made}; "
            f"fingerprint {done.spoken}."
        )
    return 0


def cmd_keys_revoke(args: argparse.Namespace) -> int:
    by = access.by_text(args.by) if args.by else access.os_user()
    with opened_store(_place(args)) as store, store.begin() as conn:
        done = teams.revoke_key(conn, args.fingerprint, by=by)
    state = "revoked" if done.was_active else "was already revoked"
    print(
        f"The {done.role}'s key {done.name!r} of team {done.team} ({done.fingerprint[:8]}…) "
        f"{state}: packages it signs are refused from now on."
    )
    return 0


def cmd_keys_list(args: argparse.Namespace) -> int:
    with opened_store(_place(args)) as store, store.connect() as conn:
        listed = key_list.registered(conn, args.team)
    if args.json:
        print_json(listed)
        return 0
    if not listed:
        print("No runner's or handler's key is registered here.")
    for k in listed:
        revoked = f"; REVOKED {k['revoked_at']} by {k['revoked_by']}" if k["revoked_at"] else ""
        print(
            f"{k['team']}  {k['role']}  {k['name']!r}  key {k['short']}  registered "
            f"{k['registered_at']} by {k['registered_by']}; last package "
            f"{k['last_package_at'] or 'none'}{revoked}"
        )
        print(f"    {k['fingerprint']}")
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    place = _place(args)
    guarded = [place.data] if place.data is not None else []
    output_paths.check_folder(args.to, vaults=guarded)  # before the passphrase is asked
    with opened_store(place) as store:
        unlocked = open_key(store, args.passphrase_file)
        with store.begin() as conn:
            issued = receipts.issue(
                conn, unlocked, args.to, runner=args.runner, vaults=guarded, team=args.team
            )
    for r in issued:
        print(
            f"Wrote {r.path}: receipt for {r.runner} (team {r.team}, fingerprint "
            f"{r.fingerprint[:8]}…), {counted(r.packages, 'package')}."
        )
    if not issued:
        print("Every stored package is already confirmed.")
    return 0


def _line(result: ingest.Stored | ingest.Refused) -> str:
    if isinstance(result, ingest.Refused):
        return f"{result.file}: {result.status}: {result.message}"
    extra = "".join(f" Warning: {w}" for w in result.warnings)
    if result.matches:
        matches = counted(result.matches, "deconfliction match", "deconfliction matches")
        extra = f" {matches} opened.{extra}"
    if result.kind == "handover":
        extra = f" A handover: the source is {result.handed_to}'s from now on.{extra}"
    return (
        f"{result.file}: stored package {result.package_id} (team {result.team}, "
        f"{result.sender} no. {result.sequence}, {counted(result.debriefs, 'debrief')} and "
        f"{counted(result.records - result.debriefs, 'record')} of source files, "
        f"{counted(result.new_versions, 'new version')}).{extra}"
    )


def cmd_ingest(args: argparse.Namespace) -> int:
    for path in args.paths:
        if not path.exists():
            raise InvalidInput("{path} does not exist; nothing was stored.", path=path)
    with opened_store(_place(args)) as store:
        unlocked = open_key(store, args.passphrase_file)
        # In each channel's order, whatever the order given: a gap is what is still
        # missing once the batch is done (``ingest_batch``).
        results = ingest.ingest_batch(store, unlocked, args.paths)
        _report(results, as_json=args.json)
        if any(isinstance(r, ingest.Stored) for r in results):
            _index(store)
    return 1 if any(isinstance(r, ingest.Refused) for r in results) else 0


def _report(results: list[ingest.Stored | ingest.Refused], *, as_json: bool) -> None:
    if as_json:
        print_json(results)
    else:
        for r in results:
            if isinstance(r, ingest.Stored):
                print(_line(r), flush=True)
    for r in results:
        if isinstance(r, ingest.Refused):
            print(f"veldboek: {_line(r)}", file=sys.stderr)


def _index(store: Store) -> None:
    """The stored packages' search vectors. They are committed and reported
    above: a failure here loses nothing (search finds them meanwhile, and the next
    ingest or watch fills the vectors), so it is a warning, not the command's."""
    try:
        search_index.index_pending(store)
    except VeldboekError as exc:
        print(f"veldboek: warning: search vectors not filled yet: {exc}", file=sys.stderr)


class Stop(BaseException):
    """SIGTERM (a service stopped): like Ctrl-C, not an error of the file being
    taken, which stays claimed for the next watcher (``dropfolder``)."""


def cmd_watch(args: argparse.Namespace) -> int:
    if not args.folder.is_dir():
        raise InvalidInput("The folder {folder} does not exist.", folder=args.folder)
    if not 0 <= args.settle <= 3600 or not 0.05 <= args.interval <= 3600:
        raise InvalidInput("--settle and --interval are seconds (up to an hour).")

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise Stop

    signal.signal(signal.SIGTERM, stop)
    with opened_store(_place(args)) as store:
        unlocked = open_key(store, args.passphrase_file)
        watcher = dropfolder.Watcher(
            args.folder,
            store,
            unlocked,
            settle=args.settle,
            report=lambda r: print(_line(r), flush=True),
            # Something else at done/, refused/, .claimed/ (a dropper's folder, file
            # or link) moved aside, or a folder's mode tightened: one line each.
            say=lambda notice: print(f"veldboek: warning: {notice}", file=sys.stderr, flush=True),
        )
        try:
            if args.once:
                watcher.complete_files()
                time.sleep(args.settle)
                watcher.sweep()
                return 0
            while True:
                watcher.sweep()
                time.sleep(args.interval)
        except (Stop, KeyboardInterrupt):
            return 0
        finally:
            watcher.close()
