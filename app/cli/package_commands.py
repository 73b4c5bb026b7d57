"""Packages and receipts on the command line (the keys they are sealed with:
``key_commands``).

    veldboek export       --vault PATH --passphrase-file FILE --alias NAME --to DIR
                          (--all-new | --debrief ID [--debrief ID ...]) [--force]
    veldboek package inspect FILE [--json]
    veldboek package verify  FILE --vault PATH --passphrase-file FILE [--alias NAME] [--json]
    veldboek package import  FILE --vault PATH --passphrase-file FILE [--alias NAME] [--json]
    veldboek package write   ID --vault PATH --passphrase-file FILE --to DIR [--force]
    veldboek package log     --vault PATH --passphrase-file FILE [--json]
    veldboek receipt create  --vault PATH --passphrase-file FILE --runner NAME --to DIR
                             [--package ID ...] [--alias NAME] [--force]
    veldboek receipt import  FILE --vault PATH --passphrase-file FILE [--alias NAME]
    veldboek purge           --vault PATH --passphrase-file FILE [--alias NAME] [--rule R]

Without ``--alias`` a command acts under the alias last used in the vault. Every
refusal is one line on standard error and a non-zero exit.

Every file written goes through ``output_paths``: never into a vault folder, never
over a vault's file by another name, never over an existing file without
``--force``. The place is checked before the vault is opened, so a refusal leaves
the vault exactly as it was. ``export`` first writes again any package an earlier
export recorded but never got onto disk (a kill, a full stick), and removes the
hidden temporary files such attempts left in the folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from dataclasses import asdict
from pathlib import Path

from app.cli import deconfliction_commands
from app.cli.common import (
    acting_scope,
    cli_actor,
    force_arg,
    open_vault,
    opened,
    print_json,
    read_passphrase_file,
    scope_from,
    terminal_json,
    vault_args,
)
from app.domain.text import counted
from app.errors import InvalidInput
from app.services.admin import settings as vault_settings
from app.services.exchange import (
    package_arrival,
    package_log,
    package_receive,
    packages,
    purge,
    receipts,
)
from app.services.exchange.deconfliction_key import KEY_KIND
from app.services.exchange.deconfliction_notices import NOTICE_KIND
from app.services.files import output_paths, user_files
from app.services.records import record_versions


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}") from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _register_export(sub)
    _register_package(sub)
    _register_receipt(sub)
    _register_purge(sub)


def _register_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    e = sub.add_parser("export", help="seal debriefs into a package for the handler")
    vault_args(e, alias="required")
    e.add_argument("--to", type=Path, required=True, metavar="DIR", help="folder, e.g. a stick")
    e.add_argument("--all-new", action="store_true", help="everything new since the last one")
    e.add_argument("--debrief", type=_uuid, action="append", metavar="ID", help="one debrief")
    e.add_argument("--json", action="store_true")
    force_arg(e)
    e.set_defaults(func=cmd_export)


def _register_package(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("package", help="inspect, verify, import or write again a package")
    pa = p.add_subparsers(dest="package_action", required=True, metavar="ACTION")
    ins = pa.add_parser("inspect", help="what anyone can see without keys")
    ins.add_argument("file", type=Path)
    ins.add_argument("--json", action="store_true")
    ins.set_defaults(func=cmd_package_inspect)
    for name, func, text in (
        ("verify", "verify", "check a package without importing it"),
        ("import", "import", "import a runner's package (handler)"),
    ):
        a = pa.add_parser(name, help=text)
        a.add_argument("file", type=Path)
        vault_args(a)
        a.add_argument("--json", action="store_true")
        a.set_defaults(func=cmd_package_verify if func == "verify" else cmd_package_import)
    w = pa.add_parser("write", help="write a sent, unconfirmed package again")
    w.add_argument("package_id", type=_uuid, metavar="ID")
    vault_args(w)
    w.add_argument("--to", type=Path, required=True, metavar="DIR")
    force_arg(w)
    w.set_defaults(func=cmd_package_write)
    log = pa.add_parser("log", help="packages and receipts sent and received")
    vault_args(log)
    log.add_argument("--json", action="store_true")
    log.set_defaults(func=cmd_package_log)
    ver = pa.add_parser("versions", help="every version of a debrief this vault received")
    ver.add_argument("debrief_id", type=_uuid, metavar="DEBRIEF_ID")
    vault_args(ver)
    ver.add_argument("--show", type=int, metavar="N", help="print version N as it arrived")
    ver.add_argument("--json", action="store_true")
    ver.set_defaults(func=cmd_package_versions)


def _register_receipt(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    r = sub.add_parser("receipt", help="confirm packages (handler) or take a receipt in")
    ra = r.add_subparsers(dest="receipt_action", required=True, metavar="ACTION")
    c = ra.add_parser("create", help="confirm a runner's imported packages (handler)")
    vault_args(c)
    c.add_argument("--runner", required=True, help="the runner's key name or fingerprint")
    c.add_argument("--to", type=Path, required=True, metavar="DIR")
    c.add_argument("--package", type=_uuid, action="append", metavar="ID")
    c.add_argument("--json", action="store_true")
    force_arg(c)
    c.set_defaults(func=cmd_receipt_create)
    i = ra.add_parser("import", help="take in the handler's receipt (runner)")
    i.add_argument("file", type=Path)
    vault_args(i)
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=cmd_receipt_import)


def _register_purge(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    g = sub.add_parser("purge", help="remove what receipts confirmed, per the retention rule")
    vault_args(g)
    g.add_argument("--rule", choices=list(purge.RULES), help="default: the vault's setting")
    g.set_defaults(func=cmd_purge)


# -- export and packages ---------------------------------------------------------------


def _recovered(recovery: packages.Recovery, *, json_out: bool) -> None:
    if json_out:
        return
    for r in recovery.rewritten:
        print(
            f"Package {r.sequence} (id {r.package_id}) was recorded but its file was never "
            f"written; wrote it again: {r.path}"
        )
    if recovery.leftovers_removed:
        print(
            f"Removed {counted(recovery.leftovers_removed, 'hidden temporary file')} of an "
            "interrupted export from the folder."
        )


def cmd_export(args: argparse.Namespace) -> int:
    if bool(args.all_new) == bool(args.debrief):
        raise InvalidInput("Give --all-new or one or more --debrief ID.")
    output_paths.check_folder(args.to, vaults=[args.vault])
    with opened(args) as vault:
        scope = scope_from(vault, args)
        recovery = packages.recover(vault, scope, args.to, overwrite=args.force)
        _recovered(recovery, json_out=args.json)
        try:
            result = packages.export_package(
                vault,
                scope,
                to_dir=args.to,
                debrief_ids=args.debrief,
                all_new=bool(args.all_new),
            )
        except packages.NothingToExport as exc:
            if not recovery.rewritten:
                raise
            # The package that was owed is out now: that was the work to do.
            if args.json:
                print_json({"recovered": recovery, "package": None})
            else:
                only = (
                    "the package above was"
                    if len(recovery.rewritten) == 1
                    else "the packages above were"
                )
                print(f"{exc} (Only {only} written.)")
            return 0
        except packages.IncompletePackage as exc:
            # What is missing goes to stdout (a listing, as JSON with --json); the
            # refusal itself is the one line on stderr.
            if args.json:
                print_json({"blocked": list(exc.blocked)})
            else:
                for c in exc.blocked:
                    print(
                        f"{c.debrief_id}  {c.codename}  {c.created_at:%Y-%m-%d}: "
                        + ", ".join(c.missing)
                    )
            raise
    if args.json:
        print_json({**asdict(result), "recovered": recovery})
    else:
        print(
            f"Package {result.sequence} ({counted(result.debriefs, 'debrief')}, "
            f"{counted(result.file_records, 'record')} of source files, "
            f"{counted(result.size, 'byte')}) for {', '.join(result.recipients)}: {result.path}"
        )
        if result.token_sources:
            print(
                f"It carries the new deconfliction tokens of "
                f"{counted(result.token_sources, 'source')} whose records had not changed."
            )
    return 0


def cmd_package_inspect(args: argparse.Namespace) -> int:
    facts = package_arrival.inspect(args.file)
    if args.json:
        print_json(facts)
    else:
        print(
            f"{facts['format']} file, {counted(facts['size_bytes'], 'byte')}: "
            f"{counted(facts['recipient_slots'], 'recipient slot')} "
            f"({', '.join(facts['recipient_type'])}), "
            f"{counted(facts['chunks'], 'encrypted chunk')}. Sender, recipients and content "
            "are sealed."
        )
    return 0


def _warnings(warnings: tuple[str, ...]) -> None:
    for w in warnings:
        print(f"veldboek: warning: {w}", file=sys.stderr)


def _holds(check: package_receive.PackageCheck) -> str:
    """What a verified package holds, by its kind; a key by its id, never its secret."""
    if check.kind == KEY_KIND:
        return f"deconfliction key {check.key_id[:8]}…"
    if check.kind == NOTICE_KIND:
        return f"deconfliction notice: {counted(check.matches, 'match', 'matches')}"
    held = (
        f"{counted(check.records, 'debrief')}, "
        f"{counted(check.file_records, 'record')} of source files, {counted(check.files, 'file')}"
    )
    if check.handover_source:
        sealed = (
            "with its true identity sealed to the new runner"
            if check.handover_identity
            else "without a true identity"
        )
        return f"a handover of source {check.handover_source}, {sealed}: its whole file, " + held
    return held


def _import_counts(new: int, updated: int, unchanged: int, older: int) -> str:
    return (
        f"{new} new, {counted(updated, 'newer version')}, {unchanged} unchanged, "
        f"{counted(older, 'older version')} kept as history"
    )


def cmd_package_verify(args: argparse.Namespace) -> int:
    user_files.check(args.file, user_files.PACKAGE)  # before the vault is opened
    with opened(args) as vault:
        check = package_receive.verify_package(vault, acting_scope(vault, args), args.file)
    arrival = package_log.Arrival(check.status)
    if not arrival.refused:  # refused: the one line below, as import gives it
        _warnings(check.warnings)
    if args.json:
        print_json(check)
    elif not arrival.refused:
        print(
            f"Verified: package {check.sequence} from {check.sender} "
            f"({check.sender_spoken.split(' ')[0]}…), {_holds(check)}, "
            f"made {check.created_at}; {check.status}."
        )
    # An import would refuse it: the same one line on stderr and exit status as then.
    package_arrival.refuse_if_replayed(arrival)
    return 0


def cmd_package_import(args: argparse.Namespace) -> int:
    user_files.check(args.file, user_files.PACKAGE)  # before the vault is opened
    # Read once: it opens the vault, and recomputes the tokens if this is a key.
    passphrase = read_passphrase_file(args.passphrase_file)
    with open_vault(args.vault, passphrase, cli_actor(args)) as vault:
        result = package_receive.import_package(
            vault, acting_scope(vault, args), args.file, passphrase=passphrase
        )
    _warnings(result.warnings)
    if args.json:
        print_json(result)
    elif result.key is not None:
        deconfliction_commands.print_key_imported(result)
    elif result.notice is not None:
        print(
            f"Took in deconfliction notice {result.sequence} from {result.sender}: "
            f"{counted(result.notice.matches, 'match', 'matches')}, {result.notice.open} open."
        )
    else:
        files = result.file_records
        if result.taken_on is not None:
            named = f"{result.taken_on.codename} (id {result.taken_on.source_id})"
            print(
                f"Took on handed-over source {named} (its true identity sealed to this vault)"
                if result.taken_on.identity
                else f"Took on handed-over source {named}"
                if result.taken_on.role == "new runner"
                else f"The runner of source {named} changed: this vault follows the new runner"
            )
        print(
            f"Imported package {result.sequence} from {result.sender}: debriefs: "
            f"{_import_counts(result.new, result.updated, result.unchanged, result.older)}; "
            "records of source files: "
            f"{_import_counts(files.new, files.updated, files.unchanged, files.older)}."
        )
    return 0


def cmd_package_write(args: argparse.Namespace) -> int:
    name = packages.package_file_name(args.package_id)
    output_paths.file_in(args.to, name, vaults=[args.vault], overwrite=args.force)
    with opened(args) as vault:
        path = packages.write_again(
            vault, acting_scope(vault, args), args.package_id, args.to, overwrite=args.force
        )
    print(f"Wrote package {args.package_id} again: {path}")
    return 0


def cmd_package_log(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        entries = package_log.log_entries(vault, acting_scope(vault, args))
        missing = package_log.missing(vault)
    if args.json:
        print_json({"entries": [asdict(e) for e in entries], "missing": missing})
        return 0
    if not entries and not missing:
        print("No package was sent or taken in yet.")
    for e in entries:
        arrow = "->" if e.direction == package_log.OUT else "<-"
        state = "confirmed" if e.confirmed_at else ("kept" if e.can_write_again else "")
        print(
            f"{e.processed_at:%Y-%m-%d %H:%M}  {arrow} {e.kind:<8} #{e.sequence:<4} "
            f"{e.records:>6} {'record ' if e.records == 1 else 'records'}  "
            f"{e.counterpart:<24} {state}  {e.package_id}"
        )
    for m in missing:
        print(f"Missing from {m.peer}: {'package' if m.count == 1 else 'packages'} {m.numbers}")
    return 0


def cmd_package_versions(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        scope = acting_scope(vault, args)
        if args.show is not None:
            data = record_versions.version_data(vault, scope, args.debrief_id, args.show)
            print(terminal_json(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)))
            return 0
        found = record_versions.versions(vault, scope, args.debrief_id)
    if args.json:
        print_json([asdict(v) for v in found])
        return 0
    if not found:
        print("No versions received: this debrief was not imported from a package.")
    for n, v in enumerate(found):
        newest = "  (newest)" if n == len(found) - 1 else ""
        print(
            f"version {v.version:<3} {v.imported_at:%Y-%m-%d %H:%M}  package {v.package_id}  "
            f"sha256 {v.sha256[:16]}…{newest}"
        )
    return 0


# -- receipts and purge -------------------------------------------------------------------


def cmd_receipt_create(args: argparse.Namespace) -> int:
    output_paths.check_folder(args.to, vaults=[args.vault])
    with opened(args) as vault:
        result = receipts.create_receipt(
            vault,
            acting_scope(vault, args),
            runner=args.runner,
            to_dir=args.to,
            package_ids=args.package,
        )
    if args.json:
        print_json(result)
    else:
        print(
            f"Receipt for {counted(result.packages, 'package')}, with "
            f"{counted(result.reviews, 'review')}: {result.path}"
        )
    return 0


def cmd_receipt_import(args: argparse.Namespace) -> int:
    user_files.check(args.file, user_files.RECEIPT)  # before the vault is opened
    with opened(args) as vault:
        result = receipts.import_receipt(vault, acting_scope(vault, args), args.file)
    _warnings(result.warnings)
    if args.json:
        print_json(result)
    else:
        print(
            f"Receipt from {result.sender}: {counted(result.confirmed, 'package')} confirmed "
            f"({result.already_confirmed} already), {counted(result.reviews_applied, 'review')} "
            f"taken in, {counted(result.purged, 'debrief')} purged ({result.retention})."
            + (
                f" {counted(result.sources_purged, 'handed-over source')} removed from this vault."
                if result.sources_purged
                else ""
            )
        )
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        rule = args.rule or vault_settings.load(vault).retention_after_receipt
        result = purge.purge_confirmed(vault, acting_scope(vault, args), mode=rule)
    if result.rule == "keep":  # "Purged 0 … (keep)" read as if the keeping failed
        print("The rule is keep: confirmed debriefs stay in this vault; nothing was purged.")
    else:
        print(f"Purged {counted(result.debriefs, 'confirmed debrief')} ({result.rule}).")
    return 0
