"""init, check, demo, passwd and the self-test."""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import date
from typing import TYPE_CHECKING

from app.cli.common import add_vault_args, open_vault, opened, print_json, read_passphrase_file
from app.domain import names
from app.domain.enums import Role
from app.domain.names import NameKind
from app.domain.scope import Actor
from app.domain.text import counted
from app.errors import CheckFailed, InvalidInput, SelfTestFailed, VaultExists
from app.services.admin import aliases, vaults

if TYPE_CHECKING:  # the check's own imports are loaded only when it runs
    from app.services.admin.check import CheckLine


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create a new vault")
    add_vault_args(p)
    p.add_argument(
        "--alias", default="runner", help="the first alias you act under (default: runner)"
    )
    p.add_argument("--role", choices=[r.value for r in Role], default=Role.RUNNER.value)
    _kdf_target_arg(p)
    p.add_argument(
        "--device-secret", action="store_true", help="also require a secret kept in the OS keyring"
    )
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("check", help="verify integrity, schema version and audit chain")
    add_vault_args(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("demo", help="fill a vault with deterministic synthetic data")
    add_vault_args(p)
    p.add_argument("--sources", type=int, default=40)
    p.add_argument("--debriefs", type=int, default=400)
    p.add_argument("--seed", type=int, default=1729)
    p.add_argument("--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
    _kdf_target_arg(p, "when it makes the vault")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("passwd", help="change the passphrase (the database is not re-encrypted)")
    add_vault_args(p)
    p.add_argument("--new-passphrase-file", required=True)
    p.set_defaults(func=cmd_passwd)


MAX_KDF_TARGET_MS = 10_000  # beyond this an unlock is no longer usable in the field


def _kdf_target_arg(p: argparse.ArgumentParser, when: str = "") -> None:
    p.add_argument(
        "--kdf-target-ms",
        type=int,
        default=700,
        help=f"Argon2id target time (memory >= 64 MiB){' ' + when if when else ''}",
    )


def _check_kdf_target(args: argparse.Namespace) -> None:
    if not 1 <= args.kdf_target_ms <= MAX_KDF_TARGET_MS:
        raise InvalidInput("--kdf-target-ms must be between 1 and {n}.", n=MAX_KDF_TARGET_MS)


def cmd_init(args: argparse.Namespace) -> int:
    # Everything typed is checked before the passphrase is read and Argon2id is
    # calibrated (seconds), and before anything is made on disk; the folder is
    # checked by ``create``, before it calibrates.
    alias = names.clean(args.alias, NameKind.ALIAS)
    _check_kdf_target(args)
    passphrase = read_passphrase_file(args.passphrase_file)
    header = vaults.create(
        args.vault,
        passphrase,
        alias_name=args.alias,
        role=Role(args.role),
        target_seconds=args.kdf_target_ms / 1000,
        use_device_secret=args.device_secret,
        progress=_announce_calibration,
    )
    # The alias is named: without --alias it is "runner", which every command asks for.
    print(
        f"Created vault {header.vault_id} at {args.vault}; you act under the alias "
        f"{alias!r} ({args.role}) "
        f"(Argon2id {header.kdf.memory_kib // 1024} MiB, "
        f"{counted(header.kdf.iterations, 'pass', 'passes')}, {header.calibrated_seconds:.2f} s)."
    )
    return 0


def _announce_calibration(step: str, fraction: float) -> None:
    if step == "calibrate" and fraction == 0.0:
        print("Calibrating Argon2id...", file=sys.stderr)


SHOWN_PROBLEMS = 3  # of a long list SQLite gives, the first few on the terminal


def cmd_check(args: argparse.Namespace) -> int:
    from app.services.admin.check import check_vault

    passphrase = read_passphrase_file(args.passphrase_file)
    report = check_vault(args.vault, passphrase)
    if args.json:
        # Complete: every problem of every line, and what to do.
        print_json({"ok": report.ok, "checks": report.lines, "advice": report.advice})
    else:
        for line in report.lines:
            _print_check_line(line)
        if report.advice:
            print(report.advice)
    if not report.ok:
        # The one line on stderr; the details are on stdout above.
        first = next(line for line in report.lines if not line.ok)
        if report.damaged:
            raise CheckFailed(
                "vault check FAILED ({name}): the database is damaged; restore the vault "
                "from a backup.",
                name=first.name,
            )
        raise CheckFailed("vault check FAILED ({name}).", name=first.name)
    if not args.json:
        print("vault is sound")
    return 0


def _print_check_line(line: CheckLine) -> None:
    """One line a check, then the first few of the problems it counted (SQLite
    names up to 100: the count and the first ones say enough; --json has all)."""
    mark = "ok  " if line.ok else "FAIL"
    print(f"{mark} {line.name}" + (f": {line.detail}" if line.detail else ""))
    if line.ok or not line.problems:
        return
    for problem in line.problems[:SHOWN_PROBLEMS]:
        print(f"       {problem}")
    more = len(line.problems) - SHOWN_PROBLEMS
    if more > 0:
        print(f"       … and {more} more (--json lists every one)")


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.demo_data import generator as demo

    demo.check_size(args.sources, args.debriefs)
    _check_kdf_target(args)
    if args.today is not None:
        demo.check_day(args.today)
    if not vaults.exists(args.vault):
        passphrase = read_passphrase_file(args.passphrase_file)
        # Another `demo` may make it meanwhile: then fill it (or find it filled).
        with contextlib.suppress(VaultExists):
            vaults.create(
                args.vault,
                passphrase,
                alias_name=demo.DEMO_ALIAS,
                role=Role.RUNNER,
                target_seconds=args.kdf_target_ms / 1000,
            )
    with opened(args) as vault:
        summary = demo.generate(
            vault,
            sources=args.sources,
            debriefs=args.debriefs,
            seed=args.seed,
            today=args.today,
            progress=lambda done, total: print(
                f"\r{done}/{total} debriefs", end="", file=sys.stderr
            ),
        )
        # The demo's files belong to its own runners: say whom to act as to see them.
        acting = [a.name for a in aliases.list_cover_names(vault) if a.can_act and a.role]
    print(file=sys.stderr)
    print(
        f"Wrote {summary.sources} sources, {summary.debriefs} debriefs, {summary.items} items "
        f"in {summary.seconds:.1f} s. Aliases you may act as (--alias): {', '.join(acting)}."
    )
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    old = read_passphrase_file(args.passphrase_file)
    new = read_passphrase_file(args.new_passphrase_file)
    with open_vault(args.vault, old, Actor("cli")) as vault:
        vault.change_passphrase(old, new)
    print("Passphrase changed; the database itself was not rewritten.")
    return 0


def cmd_self_test() -> int:
    from app.services.admin.selftest import run_self_test
    from app.versions import runtime_versions

    lines = run_self_test()
    for line in lines:
        mark = "ok  " if line.ok else "FAIL"
        print(f"{mark} {line.name}" + (f" ({line.detail})" if line.detail else ""))
    if not all(line.ok for line in lines):
        raise SelfTestFailed("Self-test failed: do not use this installation.")
    print("self-test passed")
    frozen = getattr(sys, "frozen", False)
    print("shipped with:" if frozen else "running on:")
    for name, version in runtime_versions().items():
        print(f"  {name} {version}")
    return 0
