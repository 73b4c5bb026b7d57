"""``veldboek report approvals`` and ``report approve``: a handler approves a
sanitised report only after seeing its text.

    veldboek report approvals ... [--all] [--json]      the list: what each request
                                                        covers and leaves out
    veldboek report approvals ... --show ID [--json]    the text as it would be
                                                        released, and its code
    veldboek report approve ID ... --seen CODE          approve the text shown
    veldboek report approve ID ...                      shows the text, then asks
                                                        (on a terminal); --yes
                                                        approves what it printed

The code is the start of the SHA-256 of the sanitised body: ``--seen`` approves
only that text, so a script cannot approve what nobody read, and an approval of
text that changed since it was shown is refused.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING

from app.cli.common import add_vault_args, opened, print_json, scope_from
from app.domain.enums import Role
from app.domain.one_line import shown
from app.domain.text import counted
from app.errors import AccessDenied, InvalidInput
from app.services import reports

if TYPE_CHECKING:
    from app.services.reports import ApprovalText, ApprovalView


def _lines(text: str) -> list[str]:
    return [shown(line) for line in text.splitlines() or [""]]


def covers(a: ApprovalView) -> str:
    """What a request covers (as the app's list shows it, but "2026-12-07 to
    2026-12-09": the command line's output, text and JSON, only gains fields),
    safe on a terminal's line; "-" for nothing."""
    return shown(a.covered(" to ")) or "-"


def left_out(a: ApprovalView) -> str:
    """The shareable items left out for want of a sanitised wording ("" if none):
    the approver decides on what is left out as well."""
    if not a.withheld_items:
        return ""
    return f"{counted(a.withheld_items, 'shareable item')} left out (no sanitised wording)"


def print_text(found: ApprovalText) -> None:
    """The sanitised report's content as the recipient will read it: every
    wording, grading, condition and note; user text made safe for the terminal."""
    a, body = found.approval, found.body
    print(
        f"Sanitised report {a.id}  {a.status.value}  {a.marking}  "
        f"requested by {shown(a.requested_by)}"
    )
    print(f"Covers: {covers(a)}")
    if a.withheld_items:
        print(f"Left out: {left_out(a)}")
    for d in body.debriefs:
        print(f"\n{d.reference}: information obtained on {d.obtained_on}")
        for item in d.items:
            label = f"  {d.reference}.{item.number}  "
            pad = " " * len(label)
            for n, line in enumerate(_lines(item.text)):
                print((label if n == 0 else pad) + line)
            g = item.grading
            print(
                f"{pad}grading {g.short}: {g.source_evaluation_label}; "
                f"{g.intelligence_assessment_label}; {g.handling_label}"
            )
            for line in _lines(g.conditions) if g.conditions else []:
                print(f"{pad}conditions: {line}")
            notes = f"corroboration: {item.corroboration}"
            print(pad + notes + ("; EXCULPATORY" if item.exculpatory else ""))
    print(f"\nCode of this text: {found.seen}")
    print(f"Approve it with: veldboek report approve {a.id} --seen {found.seen} ...")


def _as_json(found: ApprovalText) -> dict[str, object]:
    return {
        "approval": {**asdict(found.approval), "covers": covers(found.approval)},
        "seen": found.seen,
        "body_sha256": found.body_sha256,
        "body": found.body,
    }


def cmd_approvals(args: argparse.Namespace) -> int:
    if args.show is not None:
        with opened(args) as vault:
            found = reports.approval_text(vault, scope_from(vault, args), args.show)
        if args.json:
            print_json(_as_json(found))
        else:
            print_text(found)
        return 0
    with opened(args) as vault:
        scope = scope_from(vault, args)
        rows = reports.list_approvals(
            vault, scope, status=None if args.all else reports.ApprovalStatus.PENDING
        )
    if args.json:
        # Fields are only added (``covers``): scripts read the others.
        print_json([{**asdict(r), "covers": covers(r)} for r in rows])
        return 0
    if not rows:  # a request of files this alias cannot see is not listed: say whose
        waiting = "" if args.all else " waits for approval"
        print(f"No sanitised report{waiting} in the files of {scope.alias_name}.")
    for r in rows:
        withheld = left_out(r)
        print(
            f"{r.id}  {r.status.value:<9} {r.marking:<20} {counted(r.debrief_count, 'debrief')}  "
            f"covers {covers(r)}  requested by {shown(r.requested_by)} "
            f"{r.requested_at:%Y-%m-%d %H:%M} UTC" + (f"  {withheld}" if withheld else "")
        )
    return 0


def _confirmed() -> bool:
    print("Approve this text for release? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().casefold()
    return answer in {"y", "yes", "j", "ja"}


def cmd_approve(args: argparse.Namespace) -> int:
    if args.seen is not None and args.yes:
        raise InvalidInput("Give --seen CODE or --yes, not both.")
    with opened(args) as vault:
        scope = scope_from(vault, args)
        if scope.role is not Role.HANDLER:
            raise AccessDenied("Only a handler may approve or reject a sanitised report.")
        seen = args.seen
        if seen is None:
            found = reports.approval_text(vault, scope, args.approval)
            if not args.yes and not sys.stdin.isatty():
                raise InvalidInput(
                    "Approve only what you have read: show the text with `veldboek report "
                    "approvals --show ID`, then approve it with --seen CODE (or approve on a "
                    "terminal, or with --yes after the text is printed)."
                )
            print_text(found)
            if not args.yes and not _confirmed():
                print("Not approved.", file=sys.stderr)
                return 1
            seen = found.seen
        view = reports.approve_sanitised(vault, scope, args.approval, args.note, seen=seen)
    print(f"approved {view.id}; {view.requested_by} can now issue it with --approval {view.id}")
    return 0


def add_approval_actions(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    an_id: Callable[[str], uuid.UUID],
) -> None:
    """``approvals`` and ``approve`` under ``report``; ``an_id`` parses an id."""
    a = actions.add_parser("approvals", help="sanitised reports waiting for approval")
    add_vault_args(a, alias=True)
    a.add_argument("--all", action="store_true", help="also decided and issued ones")
    a.add_argument(
        "--show",
        type=an_id,
        metavar="ID",
        help="print the text of this request as it would be released, and its code",
    )
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_approvals)

    ok = actions.add_parser(
        "approve",
        help="approve a requested sanitised report (handler), after reading its text",
    )
    ok.add_argument("approval", type=an_id, metavar="ID")
    add_vault_args(ok, alias=True)
    ok.add_argument("--note", default="")
    ok.add_argument(
        "--seen",
        metavar="CODE",
        help="the code `report approvals --show ID` printed: approve that text only",
    )
    ok.add_argument(
        "--yes",
        action="store_true",
        help="print the text and approve it without asking",
    )
    ok.set_defaults(func=cmd_approve)
