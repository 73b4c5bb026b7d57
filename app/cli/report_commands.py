"""``veldboek report``: print debrief reports to PDF, approve sanitised ones, verify.

    veldboek report --vault PATH --passphrase-file FILE --alias NAME
                    (--debrief ID | --source CODENAME|ID | --from DAY --to DAY)
                    --kind internal|sanitised [--marking M] [--approval ID]
                    [--language en|nl] --out FILE [--force]
    veldboek report verify FILE --vault PATH --passphrase-file FILE [--json]
    veldboek report approvals --vault PATH --passphrase-file FILE --alias NAME [--json]
                    [--show ID]
    veldboek report approve ID --vault PATH --passphrase-file FILE --alias NAME
                    [--seen CODE | --yes]
    veldboek report reject ID --vault ... --alias NAME --note TEXT
    veldboek report management --vault PATH --passphrase-file FILE --alias NAME
                    --from DAY --to DAY [--language en|nl] (--out FILE [--force] | --json)

A sanitised report takes two runs and two people: the first run checks the text and
requests approval (exit code 3, the approval id on standard output); a handler
approves it; the same command with ``--approval ID`` then writes the PDF. The
passphrase file serves twice for a sanitised report: to open the vault and, again,
to open the sources' sealed identities for the guard.

``--out`` is the explicit choice to keep an unencrypted PDF: a warning goes to
standard error before the file is written, and the save is audited. The first
run of a sanitised report writes nothing and refuses ``--out``. The place is checked
before the vault is opened (``output_paths``): never in a vault folder, never over
an existing file without ``--force``.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import (
    add_vault_args,
    cli_actor,
    open_vault,
    opened,
    print_json,
    read_passphrase_file,
    scope_from,
    source_arg,
)
from app.cli.report_approval_commands import add_approval_actions
from app.domain.enums import ReportKind
from app.domain.one_line import shown
from app.domain.scope import Actor, Scope
from app.domain.text import counted
from app.errors import InvalidInput
from app.services import reports
from app.services.admin.vaults import Vault
from app.services.files import output_paths, user_files

if TYPE_CHECKING:  # the report machinery loads only when a report command runs
    from app.services.reports import IssuedPdf, SanitisationRefused, Selection

EXIT_PENDING = 3
EXIT_NOT_VERIFIED = 1


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}") from None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``report`` and its actions (verify, approvals, approve, reject)."""
    p = sub.add_parser(
        "report",
        help="print a debrief report to PDF; verify, list, approve or reject reports",
        description="Without an action: build a report. Actions: verify, approvals, "
        "approve, reject.",
    )
    p.add_argument("--vault", type=Path, help="vault folder")
    p.add_argument("--passphrase-file", help="file whose first line is the passphrase (- = stdin)")
    p.add_argument("--alias", help="the alias to act under")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--debrief", type=_uuid, metavar="ID", help="one debrief")
    what.add_argument("--source", metavar="CODENAME|ID", help="all debriefs of a source")
    p.add_argument(
        "--from",
        dest="date_from",
        type=_day,
        metavar="DAY",
        help="first day (of the meetings: a debrief counts by its contact's day, UTC)",
    )
    p.add_argument("--to", dest="date_to", type=_day, metavar="DAY", help="last day")
    # A management report has its own action (report management), with a period only.
    p.add_argument("--kind", choices=[ReportKind.INTERNAL.value, ReportKind.SANITISED.value])
    p.add_argument(
        "--include-drafts",
        action="store_true",
        help="an internal report of a source or period: include its drafts, marked DRAFT "
        "(left out otherwise; a sanitised report never shows drafts)",
    )
    p.add_argument(
        "--marking",
        help="classification marking: "
        + "; ".join(reports.MARKINGS)
        + f" (default {reports.DEFAULT_MARKING}; with --approval, the approved one)",
    )
    p.add_argument(
        "--approval", type=_uuid, metavar="ID", help="issue this approved sanitised report"
    )
    p.add_argument(
        "--language",
        choices=reports.REPORT_LANGUAGES,
        help="language of the report's headings and labels (default: the interface "
        "language setting)",
    )
    p.add_argument("--out", type=Path, metavar="FILE", help="where to write the PDF")
    p.add_argument("--force", action="store_true", help="replace a file that already exists")
    p.set_defaults(func=cmd_report)

    actions = p.add_subparsers(dest="report_action", metavar="ACTION")
    v = actions.add_parser("verify", help="did this vault issue FILE, unaltered?")
    v.add_argument("file", type=Path)
    add_vault_args(v)
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=cmd_verify)

    add_approval_actions(actions, _uuid)

    no = actions.add_parser("reject", help="reject a requested sanitised report (handler)")
    no.add_argument("approval", type=_uuid, metavar="ID")
    add_vault_args(no, alias=True)
    no.add_argument("--note", required=True, help="why")
    no.set_defaults(func=cmd_reject)

    mi = actions.add_parser(
        "management",
        help="management information of your team (handler), without identities",
    )
    add_vault_args(mi, alias=True)
    mi.add_argument("--from", dest="date_from", type=_day, required=True, metavar="DAY")
    mi.add_argument("--to", dest="date_to", type=_day, required=True, metavar="DAY")
    mi.add_argument("--language", choices=reports.REPORT_LANGUAGES)
    mi.add_argument("--marking", default=reports.DEFAULT_MARKING)
    mi.add_argument("--out", type=Path, metavar="FILE", help="write the PDF here")
    mi.add_argument("--force", action="store_true", help="replace a file that already exists")
    mi.add_argument("--json", action="store_true", help="print the same figures as JSON")
    mi.set_defaults(func=cmd_management)


# What a missing option takes, where the option alone would not say (a choice).
_SPELLED = {"kind": "--kind internal|sanitised", "passphrase_file": "--passphrase-file FILE"}


def _require(args: argparse.Namespace, *names: str) -> None:
    missing = [
        _SPELLED.get(n, f"--{n.replace('_', '-')} {n.upper()}")
        for n in names
        if getattr(args, n, None) in (None, "")
    ]
    if missing:
        # Printed after "veldboek: ", so the command is named without it.
        raise InvalidInput("report needs " + ", ".join(missing) + ".")


def _selection(vault: Vault, scope: Scope, args: argparse.Namespace) -> Selection:
    source_id = None
    if args.source:
        source_id = source_arg(vault, scope, args.source)
    if args.debrief is not None and (args.date_from or args.date_to):
        raise InvalidInput("--from/--to go with --source or alone, not with --debrief.")
    return reports.Selection(
        debrief_id=args.debrief,
        source_id=source_id,
        date_from=args.date_from,
        date_to=args.date_to,
        include_drafts=bool(getattr(args, "include_drafts", False)),
    ).validated()


def _say_drafts(drafts: int, selection: Selection) -> None:
    """What an internal report does with the drafts it could cover (as the app's
    confirmation says it)."""
    if not drafts:
        return
    some = "1 draft" if drafts == 1 else f"{drafts} drafts"
    if selection.debrief_id is not None or selection.include_drafts:
        line = f"including {some}, marked DRAFT"
    else:
        line = f"{some} left out (--include-drafts includes them, marked DRAFT)"
    print(f"veldboek: {line}", file=sys.stderr)


def _say_withheld(withheld: int) -> None:
    """Items that may be shared but have no sanitised wording are left out of a
    sanitised report, never replaced by what was reported: say so."""
    if withheld == 1:
        print(
            "veldboek: 1 item that may be shared has no sanitised wording and is left out.",
            file=sys.stderr,
        )
    elif withheld:
        print(
            f"veldboek: {withheld} items that may be shared have no sanitised wording and "
            "are left out.",
            file=sys.stderr,
        )


def _write(
    vault: Vault, scope: Scope, issued: IssuedPdf, out: Path, *, force: bool, json_too: bool = False
) -> None:
    # Warned before the file exists, so the warning is there even if writing fails.
    print(
        f"veldboek: warning: writing an UNENCRYPTED PDF ({issued.marking}) to {shown(str(out))}; "
        "keep it as its marking requires and destroy it when done.",
        file=sys.stderr,
        flush=True,
    )
    reports.save_pdf(vault, scope, issued, out, overwrite=force)
    covers = (
        "" if issued.kind is ReportKind.MANAGEMENT else counted(issued.debrief_count, "debrief")
    )
    print(
        f"report {issued.report_id}  {issued.kind.value}  {counted(issued.page_count, 'page')}  "
        + (f"{covers}  " if covers else "")
        + f"sha256 {issued.pdf_sha256}",
        file=sys.stderr if json_too else sys.stdout,
    )


def _write_or_reopen(
    vault: Vault, scope: Scope, issued: IssuedPdf, out: Path, *, force: bool
) -> None:
    """Write an issued sanitised report; if that fails, its approval may be used
    again (the register keeps the entry of the report that was not written)."""
    try:
        _write(vault, scope, issued, out, force=force)
    except BaseException:
        if reports.reopen_unsaved(vault, scope, issued.report_id):
            print(
                "veldboek: the report was not written; its approval can be issued again "
                "with --approval.",
                file=sys.stderr,
            )
        raise


# What --approval fixes: the approved debriefs, period and marking.
_FIXED_BY_APPROVAL = (
    ("--marking", "marking"),
    ("--debrief", "debrief"),
    ("--source", "source"),
    ("--from", "date_from"),
    ("--to", "date_to"),
)


def _refuse_with_approval(args: argparse.Namespace) -> None:
    if args.approval is None:
        return
    given = [flag for flag, name in _FIXED_BY_APPROVAL if getattr(args, name) is not None]
    if given:
        raise InvalidInput(
            "--approval ID issues the report as it was approved (its debriefs, period and "
            "marking); leave out {options}.",
            options=", ".join(given),
        )


@contextmanager
def _opened(args: argparse.Namespace, passphrase: str) -> Iterator[Vault]:
    with open_vault(args.vault, passphrase, cli_actor(args)) as vault:
        yield vault


def _print_refusal(exc: SanitisationRefused) -> None:
    # The hit list is for the user at the terminal; it is never logged.
    print("veldboek: the sanitised text names or points to the source:", file=sys.stderr)
    for hit in exc.hits:
        print(f"  - {hit.describe()}", file=sys.stderr)


def cmd_report(args: argparse.Namespace) -> int:
    _require(args, "vault", "passphrase_file", "alias", "kind")
    kind = ReportKind(args.kind)
    chosen = args.debrief is not None or args.source or args.date_from or args.date_to
    if args.approval is None and not chosen:
        raise InvalidInput("Choose --debrief ID, --source CODENAME or --from/--to dates.")
    if kind is ReportKind.INTERNAL and args.approval is not None:
        raise InvalidInput("--approval is for sanitised reports.")
    if kind is ReportKind.SANITISED and getattr(args, "include_drafts", False):
        # Refused, not ignored: a user asking for drafts should not think them shared.
        raise InvalidInput(
            "--include-drafts is for internal reports: a sanitised report never shows a draft."
        )
    _refuse_with_approval(args)
    if (kind is ReportKind.INTERNAL or args.approval is not None) and args.out is None:
        raise InvalidInput("Say where to write the PDF with --out FILE.")
    if kind is ReportKind.SANITISED and args.approval is None and args.out is not None:
        raise InvalidInput(
            "The first run of a sanitised report only checks it and requests approval; it "
            "writes nothing. Leave out --out, and give it with --approval ID once approved."
        )
    if args.out is not None:
        # Before the vault is opened: a refused place leaves it as it was, and a
        # place that cannot be written (a read-only folder, a name too long) is
        # found before anything is issued.
        target = output_paths.check_file(args.out, vaults=[args.vault], overwrite=args.force)
        output_paths.check_writable(target, shown_as=args.out)
    marking = args.marking or reports.DEFAULT_MARKING
    # Read once: a sanitised report needs the passphrase again (for the identity
    # check), and "-" (standard input) can be read only once.
    passphrase = read_passphrase_file(args.passphrase_file)
    language = args.language or reports.default_language()
    with _opened(args, passphrase) as vault:
        scope = scope_from(vault, args)
        if kind is ReportKind.INTERNAL:
            selection = _selection(vault, scope, args)
            _say_drafts(reports.drafts_in(vault, scope, selection), selection)
            issued = reports.issue_internal(
                vault, scope, selection, marking=marking, language=language
            )
            _write(vault, scope, issued, args.out, force=args.force)
            return 0
        try:
            if args.approval is not None:
                issued = reports.issue_sanitised(
                    vault, scope, args.approval, passphrase=passphrase, language=language
                )
                _write_or_reopen(vault, scope, issued, args.out, force=args.force)
                return 0
            approval = reports.request_sanitised(
                vault,
                scope,
                _selection(vault, scope, args),
                passphrase=passphrase,
                marking=marking,
            )
        except reports.SanitisationRefused as exc:
            _print_refusal(exc)
            raise
    _say_withheld(approval.withheld_items)
    print(
        # The approver's two steps, in order: approve refuses what was not shown.
        "veldboek: the sanitised text passed the check; another handler alias reads it "
        f"(veldboek report approvals --show {approval.id} ...) and approves it (veldboek "
        f"report approve {approval.id} --seen CODE ...), then rerun with --approval "
        f"{approval.id}.",
        file=sys.stderr,
    )
    print(approval.id)
    return EXIT_PENDING


def cmd_verify(args: argparse.Namespace) -> int:
    data = user_files.read_all(args.file, user_files.REPORT_PDF)
    with opened(args) as vault:
        result = reports.verify_pdf(vault, data, actor=Actor("cli"))
    if args.json:
        print_json(
            {
                "ok": result.ok,
                "result": result.result.value,
                "audit_consistent": result.audit_consistent,
                "report_id": result.report_id,
                "kind": result.kind,
                "marking": result.marking,
                "printed_by": result.printed_by,
                "printer_reference": result.printer_reference,
                "printed_at": result.printed_at,
                "page_count": result.page_count,
                "debrief_count": result.debrief_count,
                "pdf_sha256": result.pdf_sha256,
            }
        )
    else:
        print(result.message())
    return 0 if result.ok else EXIT_NOT_VERIFIED


def cmd_reject(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        view = reports.reject_sanitised(vault, scope_from(vault, args), args.approval, args.note)
    print(f"rejected {view.id}")
    return 0


def cmd_management(args: argparse.Namespace) -> int:
    """Management information of the files the alias sees (a handler: the team).
    With --out it is issued as the debrief reports are: registered, verifiable,
    and written with the warning that the PDF is not encrypted."""
    from app.services.reports import management, management_vault
    from app.services.reports.choices import check_marking

    if args.out is None and not args.json:
        raise InvalidInput("Say where to write the PDF with --out FILE, or ask for --json.")
    marking = check_marking(args.marking)
    if args.out is not None:
        target = output_paths.check_file(args.out, vaults=[args.vault], overwrite=args.force)
        output_paths.check_writable(target, shown_as=args.out)
    with opened(args) as vault:
        scope = scope_from(vault, args)
        figures = management_vault.figures(vault, scope, first=args.date_from, last=args.date_to)
        if args.out is not None:
            language = args.language or reports.default_language()
            issued = reports.issue_management(
                vault, scope, figures, language=language, marking=marking
            )
            # Standard output carries the JSON when it is asked for as well.
            _write(vault, scope, issued, args.out, force=args.force, json_too=args.json)
    if args.json:
        print_json(management.as_json(figures))
    return 0
