"""Management information from the central system on the command line.

    veldboek central report management --from DAY --to DAY [--team NAME]
        [--user NAME] [--reason WHY] [--language en|nl] [--marking M]
        (--out FILE.pdf [--force] | --json) (--data DIR | --db URL)

Without ``--user`` the figures are the administrator's (every team); with it,
the staff user's as row-level security lets them through (their granted teams
only). Either way the report is in the access log first. No codename, alias or
name is printed, and every count below 5 is "< 5" (docs/central.md).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.central import access
from app.central import place as places
from app.central.store import opened as opened_store
from app.cli.common import READ_REASON_HELP, print_json
from app.domain.one_line import shown
from app.errors import InvalidInput
from app.services.reports.choices import DEFAULT_MARKING, MARKINGS, default_language

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
        data = reports_management.pdf(
            figures, language=args.language or default_language(), marking=args.marking
        )
        # Warned before the file exists, as a vault's reports are.
        print(
            f"veldboek: warning: writing an UNENCRYPTED PDF ({args.marking}) to "
            f"{shown(str(args.out))}; keep it as its marking requires and destroy it when done.",
            file=sys.stderr,
            flush=True,
        )
        written = reports_management.save(data, args.out, guarded=guarded, overwrite=args.force)
        print(f"Wrote {written} ({len(data)} bytes).", file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print_json(reports_management.as_json(figures))
    return 0
