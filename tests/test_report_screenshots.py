"""The first page of each report kind, rendered by PDFium (pypdfium2), for the
docs and for looking at. Always renders and checks the pages; writes
``docs/screenshots/report-{internal,sanitised}.png`` only when
``VELDBOEK_SCREENSHOTS=1``.

    VELDBOEK_SCREENSHOTS=1 pytest tests/test_report_screenshots.py
"""

from __future__ import annotations

import os
import shutil
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PIL import Image

from app.domain.enums import ContactKind, GradingScheme, PaymentKind, SubjectKind
from app.domain.scope import Scope
from app.services import reports
from app.services.admin import aliases
from app.services.records import debriefs, sources, tasking
from app.services.records.debriefs import DebriefContent, ItemDraft
from app.services.reports import Selection
from app.vault.vault import Vault
from tests.helpers import factory

DOCS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
WRITE = os.environ.get("VELDBOEK_SCREENSHOTS") == "1"


def _rich_debrief(vault: Vault, runner: Scope, handler: Scope) -> uuid.UUID:
    aliases.add_alias(vault, "Kraai", role=None, can_act=False)
    kraai = next(a.id for a in aliases.list_cover_names(vault) if a.name == "Kraai")
    source_id = sources.create_source(
        vault, runner, sources.SourceDraft(codename="KORAAL"), share_with=(handler.alias_id,)
    )
    contact_id = factory.contact(
        vault,
        runner,
        source_id,
        kind=ContactKind.MEETING,
        occurred_at=datetime(2026, 11, 2, 19, 15, tzinfo=UTC),
        location_codeword="SLUIS",
        duration_minutes=45,
        attendee_ids=(runner.alias_id, kraai),
        reconnaissance_notes="Route checked the evening before; two exits.",
        safety_notes="Counter-surveillance route followed; nothing unusual.",
    )
    debrief_id = debriefs.create_draft(vault, runner, source_id, contact_id=contact_id)
    debriefs.save_draft(
        vault,
        runner,
        debrief_id,
        DebriefContent(
            narrative=(
                "KORAAL met Joëlle Özdemir at the car wash on the Industrieweg. Özdemir said "
                "that the Noord crew keeps cash in a garage box behind the sports park and "
                "that a shipment is expected after the holidays."
            ),
            welfare_observations="Source mentioned money worries and sleeping badly.",
            security_observations="Source arrived by public transport as instructed.",
            runner_assessment="Plausible; fits earlier reporting on the Noord crew.",
            critical_reflection=(
                "KORAAL has a grudge against Özdemir; the account may be coloured by it. "
                "The alibi of Dirk Bakker (item 3) is exculpatory and must be passed on."
            ),
        ),
    )
    items = (
        ItemDraft(
            "Joëlle Özdemir keeps cash for the Noord crew in a garage box behind the sports park.",
            sanitised_text="A person of interest reportedly keeps cash for a criminal group "
            "in a garage box.",
            source_evaluation="2",
            intelligence_assessment="B",
            handling_code="P",
            subjects=((SubjectKind.PERSON, "Joëlle Özdemir"), (SubjectKind.PLACE, "garage box")),
        ),
        ItemDraft(
            "A shipment of cocaine is expected through the port after the holidays.",
            sanitised_text="A shipment of drugs is reportedly expected through a port.",
            scheme=GradingScheme.UK_5X5X5,
            source_evaluation="B",
            intelligence_assessment="3",
            handling_code="5",
            handling_conditions="Not to be used as evidence without corroboration.",
        ),
        ItemDraft(
            "Dirk Bakker was in Antwerpen on 28 October, according to the source.",
            sanitised_text="A suspect was reportedly abroad at the time of the incident.",
            scheme=GradingScheme.ADMIRALTY,
            source_evaluation="C",
            intelligence_assessment="3",
            handling_code="C",
            handling_conditions="Pass to the investigation team only.",
            exculpatory=True,
            subjects=((SubjectKind.PERSON, "Dirk Bakker"),),
        ),
    )
    for item in items:
        debriefs.add_item(vault, runner, debrief_id, item)
    tasking.add_tasking(
        vault,
        runner,
        source_id,
        "Find out who holds the key of the garage box.",
        limits="No entering premises; no recording.",
        deadline=date(2026, 11, 16),
        debrief_id=debrief_id,
    )
    tasking.record_payment(
        vault,
        runner,
        source_id,
        kind=PaymentKind.EXPENSE,
        amount_cents=4750,
        reason="Reiskosten en maaltijd (€ 47,50)",
        occurred_on=date(2026, 11, 2),
        witness_alias_id=kraai,
        approved_by_alias_id=handler.alias_id,
        debrief_id=debrief_id,
    )
    debriefs.submit(vault, runner, debrief_id)
    debriefs.approve(vault, handler, debrief_id, "Good detail; pass item 3 on.")
    return debrief_id


def _darkest(gray: Image.Image, box: tuple[int, int, int, int]) -> float:
    """The darkest pixel in ``box`` of a one-band (grey) image."""
    low = gray.crop(box).getextrema()[0]
    assert isinstance(low, int | float)
    return low


def _first_page_png(pdf: bytes, tmp: Path, name: str) -> Path:
    """Rendered straight from the bytes with PDFium, as a viewer would (the PDF is
    never written to disk in clear, not even here)."""
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=100 / 72).to_pil()  # 100 dpi
    finally:
        document.close()
    png = tmp / f"{name}.png"
    image.save(png)
    return png


def test_first_pages_render_and_are_kept_for_the_docs(
    vault: Vault, runner: Scope, handler: Scope, tmp_path: Path
) -> None:
    debrief_id = _rich_debrief(vault, runner, handler)
    internal = reports.issue_internal(vault, runner, Selection(debrief_id=debrief_id))
    request = reports.request_sanitised(
        vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )
    reports.approve_sanitised(vault, handler, request.id)
    sanitised = reports.issue_sanitised(vault, runner, request.id, passphrase=factory.PASSPHRASE)
    for kind, issued in (("internal", internal), ("sanitised", sanitised)):
        png = _first_page_png(issued.pdf, tmp_path, f"report-{kind}")
        with Image.open(png) as image:
            assert image.size == (827, 1170)  # A4 at 100 dpi
            # Ink near the top (the marking) and the bottom (marking, footer).
            gray = image.convert("L")
            assert _darkest(gray, (0, 30, 827, 70)) < 128
            assert _darkest(gray, (0, 1080, 827, 1150)) < 128
        if WRITE:
            DOCS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(png, DOCS / f"report-{kind}.png")
