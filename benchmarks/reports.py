"""Report benchmark (issue 6): a 50-page internal report, goal under 3 s.

Measured in one run, on a demo vault:

- ``issue_ms``: ``reports.issue_internal`` end to end, as the CLI and the GUI call
  it: select the debriefs in scope, load them, build the view, lay out and render
  the PDF (DejaVu Sans subset, tables, furniture on every page, hash and QR code),
  register it and audit it.
- ``render_ms``: the layout and rendering alone, for the same view.
- ``baseline_ms``: plain reportlab (platypus, same font and size, no tables, no
  page furniture, no QR) over the same text, i.e. every string of the same view,
  one paragraph each. ``render_vs_baseline`` is the price of the report layout.
- ``preview_page_ms``: rasterising one page at 96 dpi for the print preview.

Run: ``python -m benchmarks.reports [--debriefs N]``.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from app.clock import utc_now
from app.crypto.kdf import KdfParams
from app.models.enums import Role
from app.reports import fonts
from app.reports.hashing import plain
from app.reports.render import render
from app.reports.styles import markup
from app.reports.views import InternalReport, InternalStamp
from app.services import aliases, debriefs, demo, reports, sources
from app.services.reports import Selection
from app.vault.vault import Vault, create_vault
from benchmarks.common import summary, write_results

PASSPHRASE = "benchmark passphrase that is long"
RUNS = 5
GOAL_SECONDS = 3.0
TARGET_PAGES = 50


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--debriefs", type=int, default=38, help="debriefs in the report")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "vault"
        create_vault(
            root,
            PASSPHRASE,
            alias_name="Valk",
            role=Role.RUNNER,
            kdf=KdfParams(64 * 1024, 3, 4, b"0123456789abcdef"),
        )
        with Vault.open(root, PASSPHRASE) as vault:
            # One source, so every debrief lands in the one report.
            demo.generate(vault, sources=1, debriefs=args.debriefs, seed=11)
            scope = aliases.resolve_scope(vault, "Havik")
            source_id = sources.list_sources(vault, scope)[0].id
            selection = Selection(source_id=source_id)

            issue_times: list[float] = []
            issued = None
            for _ in range(RUNS):
                start = time.perf_counter()
                issued = reports.issue_internal(vault, scope, selection)
                issue_times.append(time.perf_counter() - start)
            assert issued is not None

            # The same view again (oldest first, as the service orders them).
            ids = debriefs.debrief_id_page(vault, scope, source_id=source_id).ids[::-1]
            views = [debriefs.get_debrief(vault, scope, debrief_id) for debrief_id in ids]
            report = InternalReport(
                InternalStamp(str(issued.report_id), issued.marking, "Havik", utc_now()),
                reports.internal_body(
                    views, selection, reports.unlinked_for(vault, scope, selection, views)
                ),
            )
            render_times, baseline_times = [], []
            pages = baseline_pages = 0
            for _ in range(RUNS):
                start = time.perf_counter()
                pages = render(report).page_count
                render_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                base = _baseline(report)
                baseline_times.append(time.perf_counter() - start)
                baseline_pages = reports.page_count(base)
            preview_times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                reports.render_page(issued.pdf, 1, 96)
                preview_times.append(time.perf_counter() - start)

    issue = summary(issue_times)
    rendered = summary(render_times)
    baseline = summary(baseline_times)
    results = {
        "debriefs": issued.debrief_count,
        "pages": issued.page_count,
        "pdf_bytes": len(issued.pdf),
        "issue_ms": issue,
        "render_ms": rendered,
        "baseline_ms": baseline,
        "baseline_pages": baseline_pages,
        "render_vs_baseline": round(rendered["median_ms"] / baseline["median_ms"], 2),
        "preview_page_ms": summary(preview_times),
    }
    goals = {
        "pages": {"target": f">= {TARGET_PAGES}", "met": pages >= TARGET_PAGES},
        "issue_ms": {
            "target": f"< {GOAL_SECONDS * 1000:.0f} (median, 50-page internal report)",
            "met": issue["median_ms"] < GOAL_SECONDS * 1000,
        },
    }
    write_results("reports", results, goals)


if __name__ == "__main__":
    main()
