"""Report benchmarks (issues 6 and 18). Measured in one run, on demo vaults:

The 50-page internal report (goal under 3 s):

- ``issue_ms``: ``reports.issue_internal`` end to end, as the CLI and the GUI call
  it: select the debriefs in scope, read them, build the view, lay out and render
  the PDF (DejaVu Sans subset, tables, furniture on every page, hash and QR code),
  register it and audit it.
- ``render_ms``: the layout and rendering alone, for the same view.
- ``baseline_ms``: plain reportlab (platypus, same font and size, no tables, no
  page furniture, no QR) over the same text, i.e. every string of the same view,
  one paragraph each. ``render_vs_baseline`` is the price of the report layout.

Reading a report of 500 debriefs (``--bulk-debriefs``; goal under 0.5 s), in a vault
of their own:

- ``bulk_read_ms``: ``reports.read_internal_body``, everything a report does
  before the layout: select the debriefs, read every part of them in bulk (one
  statement per kind of part), the file records beside them, and build the
  report's content. ``statements_bulk``: how many statements that sends.
- ``bulk_read_one_by_one_ms``, the baseline (how reports read before issue 18):
  the same content from ``debriefs.get_debrief`` per debrief, each in its own
  read; ``statements_one_by_one``. ``one_by_one_vs_bulk`` is the speed-up.
- ``bulk_package_serialise_ms``: the package serialiser over the same debriefs
  (``package_json.debriefs``), for comparison.
- ``bulk_issue_ms``: the whole 500-debrief report, layout included (one run;
  reportlab's layout of 600-odd pages is most of it).

The preview of the 50-page report:

- ``preview_open_ms``: parsing the PDF once (``reports.open_pdf``);
  ``preview_page_ms``: one page at 96 dpi from the parsed document.
- ``preview_all_pages_ms``: every page from one parse, as the preview does, against
  ``preview_all_pages_reparsed_ms``, the baseline: the document parsed again for
  each page (and its page count), as the preview did before issue 18.

Run: ``python -m benchmarks.reports [--debriefs N] [--bulk-debriefs N] [--runs N]`` (each
timing's repeats, default 5).
"""

from __future__ import annotations

import argparse
import io
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate
from sqlalchemy import event

from app.clock import utc_now
from app.crypto.kdf import KdfParams
from app.domain.enums import Role
from app.domain.scope import Scope
from app.reports import fonts
from app.reports.hashing import plain
from app.reports.render import render
from app.reports.styles import markup
from app.reports.views import InternalBody, InternalReport, InternalStamp
from app.services import reports
from app.services.admin import aliases
from app.services.demo_data import generator as demo
from app.services.exchange import package_json
from app.services.records import debriefs, sources
from app.services.reports import Selection, reading
from app.vault.vault import Vault, create_vault
from benchmarks.common import summary, write_results

PASSPHRASE = "benchmark passphrase that is long"
RUNS = 5
GOAL_SECONDS = 3.0
TARGET_PAGES = 50
READ_GOAL_SECONDS = 0.5
READ_GOAL_DEBRIEFS = 500
PREVIEW_DPI = 96.0


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) and value.strip() else []


def _baseline(report: InternalReport) -> bytes:
    fonts.register()
    style = ParagraphStyle("p", fontName=fonts.REGULAR, fontSize=9.5, leading=12.5)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, invariant=1)
    doc.build([Paragraph(markup(s), style) for s in _strings(plain(report))])
    return buffer.getvalue()


@contextmanager
def _demo_vault(root: Path, debriefs: int) -> Iterator[tuple[Vault, Scope, Selection]]:
    """A vault with one demo source (so every debrief lands in its one report),
    seen by the demo's handler."""
    create_vault(
        root,
        PASSPHRASE,
        alias_name="Valk",
        role=Role.RUNNER,
        kdf=KdfParams(64 * 1024, 3, 4, b"0123456789abcdef"),
    )
    with Vault.open(root, PASSPHRASE) as vault:
        demo.generate(vault, sources=1, debriefs=debriefs, seed=11)
        scope = aliases.resolve_scope(vault, "Havik")
        yield vault, scope, Selection(source_id=sources.list_sources(vault, scope)[0].id)


@contextmanager
def _counting(vault: Vault) -> Iterator[list[int]]:
    """Statements this thread sends through the vault's engine."""
    count = [0]
    me = threading.get_ident()

    def before(*_args: Any) -> None:
        if threading.get_ident() == me:
            count[0] += 1

    event.listen(vault.engine(), "before_cursor_execute", before)
    try:
        yield count
    finally:
        event.remove(vault.engine(), "before_cursor_execute", before)


def _timed(fn: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return samples, result


def _one_by_one(vault: Vault, scope: Scope, selection: Selection) -> InternalBody:
    """The report's content read as reports read it before issue 18."""
    with vault.read() as session:
        ids = reading.selected_ids(
            session, scope, selection, leave_out_drafts=not selection.include_drafts
        )
    views = [debriefs.get_debrief(vault, scope, i) for i in ids]
    with vault.read() as session:
        unlinked = reading.unlinked_for(session, scope, selection, views)
    return reports.internal_body(views, selection, unlinked)


def bench_fifty_pages(root: Path, debriefs: int, runs: int) -> tuple[dict[str, Any], bytes]:
    with _demo_vault(root, debriefs) as (vault, scope, selection):
        issue_times, issued = _timed(lambda: reports.issue_internal(vault, scope, selection), runs)
        body, _views = reports.read_internal_body(vault, scope, selection)
        report = InternalReport(
            InternalStamp(str(issued.report_id), issued.marking, scope.alias_name, utc_now()), body
        )
        render_times, rendered = _timed(lambda: render(report), runs)
        baseline_times, base = _timed(lambda: _baseline(report), runs)
    rendered_ms = summary(render_times)
    baseline_ms = summary(baseline_times)
    return {
        "debriefs": issued.debrief_count,
        "pages": issued.page_count,
        "pdf_bytes": len(issued.pdf),
        "issue_ms": summary(issue_times),
        "render_ms": rendered_ms,
        "rendered_pages": rendered.page_count,
        "baseline_ms": baseline_ms,
        "baseline_pages": reports.page_count(base),
        "render_vs_baseline": round(rendered_ms["median_ms"] / baseline_ms["median_ms"], 2),
    }, issued.pdf


def bench_bulk_read(root: Path, debriefs: int, runs: int) -> dict[str, Any]:
    with _demo_vault(root, debriefs) as (vault, scope, selection):
        with _counting(vault) as bulk_statements:
            bulk, (body, views) = _timed(
                lambda: reports.read_internal_body(vault, scope, selection), runs
            )
        with _counting(vault) as old_statements:
            old, old_body = _timed(lambda: _one_by_one(vault, scope, selection), runs)
        assert body == old_body  # the same report, however it was read
        ids = [v.id for v in views]

        def serialise() -> None:
            with vault.read() as session:
                package_json.debriefs(session, ids)

        serialised, _ = _timed(serialise, runs)
        bulk_issue, issued = _timed(lambda: reports.issue_internal(vault, scope, selection), 1)
    read_ms, old_ms = summary(bulk), summary(old)
    return {
        "bulk_debriefs": len(views),
        "bulk_read_ms": read_ms,
        "statements_bulk": bulk_statements[0] // runs,
        "bulk_read_one_by_one_ms": old_ms,
        "statements_one_by_one": old_statements[0] // runs,
        "one_by_one_vs_bulk": round(old_ms["median_ms"] / read_ms["median_ms"], 1),
        "bulk_package_serialise_ms": summary(serialised),
        "bulk_issue_ms": summary(bulk_issue),
        "bulk_issue_pages": issued.page_count,
    }


def _reparsed_pages(pdf: bytes) -> None:
    """Every page as the preview rendered it before: the page count and then each
    page from a document parsed again for it."""
    with reports.open_pdf(pdf) as counted:
        total = counted.page_count
    for number in range(1, total + 1):
        with reports.open_pdf(pdf) as _again, reports.open_pdf(pdf) as doc:
            doc.render(number, PREVIEW_DPI)


def _all_pages(pdf: bytes) -> None:
    with reports.open_pdf(pdf) as doc:
        for number in range(1, doc.page_count + 1):
            doc.render(number, PREVIEW_DPI)


def bench_preview(pdf: bytes, runs: int) -> dict[str, Any]:
    opened, _ = _timed(lambda: reports.open_pdf(pdf).close(), runs)
    with reports.open_pdf(pdf) as doc:
        page, _ = _timed(lambda: doc.render(1, PREVIEW_DPI), runs)
    once, _ = _timed(lambda: _all_pages(pdf), runs)
    again, _ = _timed(lambda: _reparsed_pages(pdf), runs)
    once_ms, again_ms = summary(once), summary(again)
    return {
        "preview_open_ms": summary(opened),
        "preview_page_ms": summary(page),
        "preview_all_pages_ms": once_ms,
        "preview_all_pages_reparsed_ms": again_ms,
        "reparsed_vs_once": round(again_ms["median_ms"] / once_ms["median_ms"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--debriefs", type=int, default=38, help="debriefs in the 50-page report")
    parser.add_argument(
        "--bulk-debriefs", type=int, default=500, help="debriefs in the report read in bulk"
    )
    parser.add_argument("--runs", type=int, default=RUNS, help="repeats of each timing")
    args = parser.parse_args()
    runs = max(1, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        results, pdf = bench_fifty_pages(Path(tmp) / "fifty", args.debriefs, runs)
        results |= bench_bulk_read(Path(tmp) / "bulk", args.bulk_debriefs, runs)
    results |= bench_preview(pdf, runs)
    goals = {
        "pages": {"target": f">= {TARGET_PAGES}", "met": results["pages"] >= TARGET_PAGES},
        "issue_ms": {
            "target": f"< {GOAL_SECONDS * 1000:.0f} (median, 50-page internal report)",
            "met": results["issue_ms"]["median_ms"] < GOAL_SECONDS * 1000,
        },
        "bulk_read_ms": {
            "target": f"< {READ_GOAL_SECONDS * 1000:.0f} (median, report of 500 debriefs "
            "read and built, before its layout)",
            "met": results["bulk_read_ms"]["median_ms"] < READ_GOAL_SECONDS * 1000,
        },
        "statements_bulk": {
            "target": "the same for any number of debriefs (tests/test_report_bulk.py)",
            "met": results["statements_bulk"] < 40,
        },
    }
    write_results("reports", results, goals)


if __name__ == "__main__":
    main()
