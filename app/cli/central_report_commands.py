"""Management information from the central system on the command line.

    veldboek central report management --from DAY --to DAY [--team NAME]
        [--user NAME] [--reason WHY] [--language en|nl] [--marking M]
        (--out FILE.pdf [--force] | --json) (--data DIR | --db URL)
    veldboek central report verify FILE (--data DIR | --db URL) [--json]

Without ``--user`` the figures are the administrator's (every team); with it,
the staff user's as row-level security lets them through (their granted teams
only). Either way the report is in the access log first. No codename, alias or
name is printed, and every count below 5 is "< 5" (docs/central.md). A PDF is
issued: central's report register keeps its id and hashes, and ``verify`` says
whether a file is one it issued, unaltered (exit 0 only then).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.central import access
from app.central import place as places
from app.central.store import opened as opened_store
from app.cli.common import READ_REASON_HELP, print_json
from app.domain.one_line import shown
from app.domain.text import counted
from app.errors import InvalidInput
from app.services.files import user_files
from app.services.reports.choices import DEFAULT_MARKING, MARKINGS, default_language

if TYPE_CHECKING:  # loaded when a report is made: parsing the command line stays light
    from app.central.report_register import Issued

PlaceArgs = Callable[[argparse.ArgumentParser], None]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], add_place: PlaceArgs
) -> None:
    report = commands.add_parser("report", help="reports of the central system")
    kinds = report.add_subparsers(dest="report_kind", required=True)
    p = kinds.add_parser(
        "management",
        help="management information per team, without identities (counts below 5 hidden)",
    )
    add_place(p)
    p.add_argument("--from", dest="date_from", type=_day, required=True, metavar="DAY")
    p.add_argument("--to", dest="date_to", type=_day, required=True, metavar="DAY")
    p.add_argument("--team", help="one team (default: every team you may read)")
    p.add_argument("--user", help="read as this staff user (row-level security: granted teams)")
    p.add_argument("--reason", default=access.NO_REASON, help=READ_REASON_HELP)
    p.add_argument("--language", choices=["en", "nl"], help="default: the interface language")
    p.add_argument("--marking", default=DEFAULT_MARKING, help="; ".join(MARKINGS))
    p.add_argument("--out", type=Path, metavar="FILE", help="write the PDF here")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.add_argument("--json", action="store_true", help="print the same figures as JSON")
    p.set_defaults(func=cmd_management)
    v = kinds.add_parser(
        "verify", help="whether this central system issued a report's PDF, unaltered"
    )
    v.add_argument("file", type=Path, metavar="FILE", help="the PDF to check")
    add_place(v)
    v.add_argument("--json", action="store_true", help="print the result as JSON")
    v.set_defaults(func=cmd_verify)


def cmd_management(args: argparse.Namespace) -> int:
    # Loaded here: parsing the command line must not load reportlab (tests/test_cli.py).
    from app.central import management
    from app.services.reports import management as reports_management

    if args.out is None and not args.json:
        raise InvalidInput("Say where to write the PDF with --out FILE, or ask for --json.")
    # The user's name, the reason, the team and the marking are checked with the
    # store open, before the read: a refusal is logged too (management.figures).
    management.check_period(args.date_from, args.date_to)
    place = places.from_args(args.data, args.db)
    guarded = [place.data] if place.data is not None else []
    if args.out is not None:
        # Before the database is asked: a refused place changes nothing.
        reports_management.check_out(args.out, guarded=guarded, overwrite=args.force)
    with opened_store(place) as store:
        figures = management.figures(
            store,
            first=args.date_from,
            last=args.date_to,
            team=args.team,
            user=args.user,
            why=args.reason,
            marking=None if args.out is None else args.marking,
        )
        if args.out is not None:
            from app.central import report_register

            issued = report_register.issue(
                store,
                figures,
                user=args.user,
                why=args.reason,
                team=args.team,
                language=args.language or default_language(),
                marking=args.marking,
            )
            _write(issued, args, guarded)
    if args.json:
        print_json(reports_management.as_json(figures))
    return 0


def _write(issued: Issued, args: argparse.Namespace, guarded: list[Path]) -> None:
    """Write an issued report; a write that fails leaves its register row (the
    register is append-only), as a vault's does."""
    from app.services.reports import management as reports_management

    # Warned before the file exists, as a vault's reports are.
    print(
        f"veldboek: warning: writing an UNENCRYPTED PDF ({issued.marking}) to "
        f"{shown(str(args.out))}; keep it as its marking requires and destroy it when done.",
        file=sys.stderr,
        flush=True,
    )
    written = reports_management.save(issued.pdf, args.out, guarded=guarded, overwrite=args.force)
    print(
        f"report {issued.report_id}  management  {counted(issued.page_count, 'page')}  "
        f"sha256 {issued.pdf_sha256}  {written}",
        file=sys.stderr if args.json else sys.stdout,
    )


def cmd_verify(args: argparse.Namespace) -> int:
    from app.central import report_register

    data = user_files.read_all(args.file, user_files.REPORT_PDF)
    with opened_store(places.from_args(args.data, args.db)) as store:
        result = report_register.verify(store, data)
    if args.json:
        print_json(result.as_json())
    else:
        print(result.message())
    return 0 if result.ok else 1
