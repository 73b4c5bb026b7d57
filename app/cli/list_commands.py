"""list sources, list debriefs, search: read-only views for scripts."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from app.cli.common import add_vault_args, opened, print_json, scope_from, source_arg
from app.domain import one_line
from app.domain.text import counted
from app.services.records import debriefs, search, sources
from app.services.views import DebriefRow


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("list", help="list records visible to an alias")
    what = p.add_subparsers(dest="what", required=True)
    s = what.add_parser("sources")
    add_vault_args(s, alias=True)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_list_sources)
    d = what.add_parser("debriefs")
    add_vault_args(d, alias=True)
    d.add_argument("--source", metavar="CODENAME|ID")
    d.add_argument("--limit", type=int, default=1000)
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=cmd_list_debriefs)

    p = sub.add_parser("search", help="full-text search within an alias's files")
    p.add_argument("text")
    add_vault_args(p, alias=True)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)


def cmd_list_sources(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        scope = scope_from(vault, args)
        rows = sources.list_sources(vault, scope)
    if args.json:
        print_json(rows)
    else:
        if not rows:  # an empty answer would read as a command that did nothing
            print(f"No sources in the files of {scope.alias_name}.")
        for r in rows:
            last = r.last_contact_at.date().isoformat() if r.last_contact_at else "-"
            review = r.next_review_on.isoformat() if r.next_review_on else "-"
            print(
                one_line.shown(
                    f"{r.codename:<16} {r.status.value:<17} last contact {last}  "
                    f"next review {review}  {r.id}"
                )
            )
    return 0


def cmd_list_debriefs(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        scope = scope_from(vault, args)
        source_id = source_arg(vault, scope, args.source) if args.source else None
        rows: list[DebriefRow] = []
        cursor = None
        more = False
        while len(rows) < args.limit:
            page = debriefs.list_debriefs(
                vault,
                scope,
                source_id=source_id,
                after=cursor,
                limit=min(debriefs.PAGE_SIZE, args.limit - len(rows)),
            )
            rows.extend(page.rows)
            more = page.has_more
            if not page.has_more:
                break
            cursor = page.cursor
    if args.json:
        print_json(rows)
    else:
        if not rows:
            print(f"No debriefs in the files of {scope.alias_name}.")
        for r in rows:
            when = f"{r.created_at:%Y-%m-%d %H:%M}"
            items = counted(r.item_count, "item")
            line = f"{when}  {r.codename:<16} {r.status.value:<10} {items:<9} {r.id}"
            print(one_line.shown(line))
    _say_if_cut(more, args.limit)
    return 0


def _say_if_cut(more: bool, limit: int) -> None:
    # Said on stderr, where a script's JSON is not: a list cut short reads as whole.
    if more:
        print(f"veldboek: there are more than {limit}; --limit N shows more.", file=sys.stderr)


def cmd_search(args: argparse.Namespace) -> int:
    with opened(args) as vault:
        scope = scope_from(vault, args)
        hits = search.search(vault, scope, args.text, limit=args.limit + 1)
    more = len(hits) > args.limit
    hits = hits[: args.limit]
    # Highlights as [[...]]: the control characters the service marks them with
    # would otherwise end up in scripts' output.
    hits = [replace(h, snippet=search.marked(h.snippet)) for h in hits]
    if args.json:
        print_json(hits)
    else:
        if not hits:
            print(f"No matches in the files of {scope.alias_name}.")
        for h in hits:
            # The snippet is a record's text, maybe a package's: escape sequences shown
            # as such, never run by the terminal (nor line breaks splitting a hit).
            print(one_line.shown(f"{h.codename:<16} {h.kind:<9} {h.snippet}"))
    _say_if_cut(more, args.limit)
    return 0
