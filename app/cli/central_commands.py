"""The central system on the command line (``veldboek central …``): the unit's
server, where every team's packages are verified and kept (app/central).

    veldboek central init    --data DIR --passphrase-file FILE [--listen ADDR] [--port N]
                             [--name NAME] [--kdf-target-ms MS]
    veldboek central init    --db postgresql://… --passphrase-file FILE [--name NAME]
    veldboek central start   --data DIR
    veldboek central stop    --data DIR
    veldboek central upgrade --data DIR | --db URL
    veldboek central keys show   --data DIR | --db URL [--json]
    veldboek central keys export --data DIR | --db URL --out FILE [--force]
    veldboek central keys list   --data DIR | --db URL [--team NAME] [--json]
                                                (runners' and handlers': central_ingest_commands)
    veldboek central tls show    --data DIR [--json]
    veldboek central tls renew   --data DIR
    veldboek central report management --from DAY --to DAY [--team NAME] [--user NAME]
                             --language en|nl (--out FILE | --json)   (central_report_commands)

Every command takes the embedded cluster's folder (``--data``) or an existing
server's database (``--db``). Every refusal is one line and a non-zero exit.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from app.central import central_keys, setup
from app.central import place as places
from app.central.cluster import embedded, renewal, tls
from app.central.place import Place
from app.central.store import opened as opened_store
from app.cli.common import print_json, read_passphrase_file
from app.domain import names
from app.domain.names import NameKind
from app.errors import InvalidInput
from app.services.files import output_paths

MAX_KDF_TARGET_MS = 10_000
_LISTEN = re.compile(r"[A-Za-z0-9.:*%-]+(,[A-Za-z0-9.:*%-]+)*")


def _place_args(p: argparse.ArgumentParser, *, db: bool = True) -> None:
    p.add_argument("--data", type=Path, help="the embedded cluster's folder")
    if db:
        p.add_argument("--db", help="an existing server's database: postgresql://user@host/db")


def _place(args: argparse.Namespace) -> Place:
    return places.from_args(args.data, getattr(args, "db", None))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    central = sub.add_parser("central", help="the unit's central system (PostgreSQL)")
    commands = central.add_subparsers(dest="central_command", required=True)

    p = commands.add_parser("init", help="make a central system: cluster, schema, key pair")
    _place_args(p)
    p.add_argument("--passphrase-file", required=True, help="seals the private keys (- = stdin)")
    p.add_argument(
        "--listen", default="", help="TCP addresses to listen on, TLS only (default: none)"
    )
    p.add_argument("--port", type=int, default=embedded.DEFAULT_PORT)
    p.add_argument("--name", default="Central", help="the name vaults see for this key")
    p.add_argument("--kdf-target-ms", type=int, default=700, help="Argon2id target time")
    p.set_defaults(func=cmd_init)

    for name, func, text in (
        ("start", cmd_start, "start the embedded cluster"),
        ("stop", cmd_stop, "stop the embedded cluster"),
    ):
        p = commands.add_parser(name, help=text)
        _place_args(p, db=False)
        p.set_defaults(func=func)

    p = commands.add_parser("upgrade", help="bring the store's schema up to date")
    _place_args(p)
    p.set_defaults(func=cmd_upgrade)

    keys = commands.add_parser("keys", help="the central system's keys; runners' and handlers'")
    key_commands = keys.add_subparsers(dest="keys_command", required=True)
    p = key_commands.add_parser("show", help="the central key's fingerprint, spoken and in hex")
    _place_args(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_keys_show)
    p = key_commands.add_parser("export", help="the key bundle vaults import (--role central)")
    _place_args(p)
    p.add_argument("--out", type=Path, help="the bundle file (default: standard output)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_keys_export)

    tls_parser = commands.add_parser("tls", help="the embedded server's TLS certificate")
    tls_commands = tls_parser.add_subparsers(dest="tls_command", required=True)
    p = tls_commands.add_parser("show", help="its fingerprint, names and last day")
    _place_args(p, db=False)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tls_show)
    p = tls_commands.add_parser("renew", help="a new certificate for the server's key")
    _place_args(p, db=False)
    p.set_defaults(func=cmd_tls_renew)

    from app.cli import (
        central_deconflict_commands,
        central_ingest_commands,
        central_read_commands,
        central_report_commands,
    )

    central_ingest_commands.register(commands, key_commands, _place_args)
    central_read_commands.register(commands, _place_args)
    central_deconflict_commands.register(commands, _place_args)
    central_report_commands.register(commands, _place_args)


def cmd_init(args: argparse.Namespace) -> int:
    place = _place(args)
    name = names.clean(args.name, NameKind.KEY)
    if not 1 <= args.kdf_target_ms <= MAX_KDF_TARGET_MS:
        raise InvalidInput("--kdf-target-ms must be between 1 and {n}.", n=MAX_KDF_TARGET_MS)
    if not 1 <= args.port <= 65535:
        raise InvalidInput("--port must be between 1 and 65535.")
    if args.listen and not _LISTEN.fullmatch(args.listen):
        # It goes into postgresql.conf: nothing there but addresses.
        raise InvalidInput("--listen takes host names or addresses, separated by commas.")
    if place.data is None and (args.listen or args.port != embedded.DEFAULT_PORT):
        raise InvalidInput("--listen and --port are for the embedded cluster (--data).")
    passphrase = read_passphrase_file(args.passphrase_file)
    print("Calibrating Argon2id...", file=sys.stderr, flush=True)
    kdf = setup.key_protection(passphrase, args.kdf_target_ms / 1000)
    if place.data is not None:
        created = setup.init_embedded(
            place.data,
            passphrase,
            kdf,
            name=name,
            port=args.port,
            listen=args.listen,
            progress=lambda step: print(f"{step}...", file=sys.stderr, flush=True),
        )
    else:
        created = setup.init_existing(place, passphrase, kdf, name=name)
    print(
        f"Central system made at {place.label}" + (" (server running)." if created.started else ".")
    )
    print(f"Fingerprint: {created.keys.fingerprint.spoken}")
    if args.listen and place.data is not None:
        cert = place.data / tls.CERT
        print(f"TLS certificate for clients: {cert} (SHA-256 {tls.fingerprint_of(cert)})")
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    root = _place(args).data
    assert root is not None
    started = setup.start(root)
    print("Started." if started else "Already running.")
    return 0


def cmd_stop(args: argparse.Namespace) -> int:
    root = _place(args).data
    assert root is not None
    stopped = setup.stop(root)
    print("Stopped." if stopped else "Not running.")
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    before, after = setup.upgrade(_place(args))
    print(f"Schema {before or 'empty'} -> {after}.")
    return 0


def _public(args: argparse.Namespace) -> central_keys.PublicKeys:
    with opened_store(_place(args)) as store, store.connect() as conn:
        return central_keys.public(conn)


def cmd_keys_show(args: argparse.Namespace) -> int:
    keys = _public(args)
    bundle = keys.bundle.decode("utf-8").strip()
    # Issue 19 names it: ``keys show|export`` give the bundle and the spoken
    # fingerprint (runners' and handlers' keys are listed by ``keys list``).
    if args.json:
        print_json(
            {
                "fingerprint": keys.fingerprint.hex,
                "spoken": keys.fingerprint.spoken,
                "bundle": bundle,
            }
        )
    else:
        print(f"Fingerprint (read aloud): {keys.fingerprint.spoken}")
        print(f"Fingerprint (hex): {keys.fingerprint.hex}")
        print(bundle)
    return 0


def cmd_keys_export(args: argparse.Namespace) -> int:
    place = _place(args)
    # Never into the central system's own folder (its cluster, its secret).
    guarded = [place.data] if place.data is not None else []
    if args.out is not None:
        # Checked before the database is asked: a refusal changes nothing.
        output_paths.check_file(args.out, vaults=guarded, overwrite=args.force)
    keys = _public(args)
    if args.out is None:
        sys.stdout.write(keys.bundle.decode("utf-8"))
        return 0
    written = output_paths.write_file(args.out, keys.bundle, vaults=guarded, overwrite=args.force)
    print(f"Wrote {written}. Fingerprint (read aloud): {keys.fingerprint.spoken}")
    return 0


def _embedded_root(args: argparse.Namespace) -> Path:
    root = _place(args).data  # no --db here: the folder, or the refusal to go without
    assert root is not None
    places.layout(root)  # a central system's folder
    return root


def cmd_tls_show(args: argparse.Namespace) -> int:
    shown = renewal.current(_embedded_root(args))
    doc = {
        "sha256": shown.sha256,
        "valid_until": shown.valid_until.date().isoformat(),
        "names": list(shown.names),
    }
    if args.json:
        print_json(doc)
    else:
        print(f"SHA-256 {doc['sha256']}")
        print(f"Valid until {doc['valid_until']}, for {', '.join(shown.names)}")
    return 0


def cmd_tls_renew(args: argparse.Namespace) -> int:
    root = _embedded_root(args)
    made = renewal.renew(root, str(places.layout(root).get("listen") or ""))
    shown = tls.info(made.cert_pem)
    print(f"New TLS certificate, valid until {shown.valid_until.date().isoformat()}.")
    print(f"For clients: {root / tls.CERT} (SHA-256 {made.sha256}).")
    print("Clients check the server against this new copy from now on: hand it to them.")
    return 0
