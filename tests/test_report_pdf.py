"""Both report kinds rendered from a demo vault, read back with pypdf: what is on
every page, which items are in, and that the sanitised one identifies nobody."""

from __future__ import annotations

import dataclasses
import io
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.domain.scope import Scope
from app.models import Payment, Tasking
from app.reports import hashing
from app.reports.render import render
from app.reports.styles import money
from app.reports.views import (
    GradingLine,
    InternalBody,
    InternalDebrief,
    InternalItem,
    InternalReport,
    InternalStamp,
    PaymentPart,
)
from app.services import reports
from app.services.admin import aliases
from app.services.records import debriefs
from app.services.reports import IssuedPdf, Selection
from app.vault.vault import Vault
from tests.helpers import factory
from tests.test_report_support import (
    PAGE_OF,
    TIME_OF_DAY,
    busiest_source,
    identifying_strings,
    make_demo,
    names_in,
    pages_text,
    runner_with_files,
)


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("reports") / "demo")


@pytest.fixture(scope="module")
def demo_vault(demo_root: Path) -> Iterator[Vault]:
    vault = Vault.open(demo_root, factory.PASSPHRASE)
    yield vault
    vault.lock()


@pytest.fixture(scope="module")
def runner(demo_vault: Vault) -> Scope:
    return runner_with_files(demo_vault)


@pytest.fixture(scope="module")
def source_id(demo_vault: Vault, runner: Scope) -> uuid.UUID:
    return busiest_source(demo_vault, runner)


@pytest.fixture(scope="module")
def internal(demo_vault: Vault, runner: Scope, source_id: uuid.UUID) -> IssuedPdf:
    return reports.issue_internal(
        demo_vault, runner, Selection(source_id=source_id), marking="STG. GEHEIM"
    )


@pytest.fixture(scope="module")
def sanitised(demo_vault: Vault, runner: Scope, source_id: uuid.UUID) -> IssuedPdf:
    request = reports.request_sanitised(
        demo_vault, runner, Selection(source_id=source_id), passphrase=factory.PASSPHRASE
    )
    handler = aliases.resolve_scope(demo_vault, "Havik")
    reports.approve_sanitised(demo_vault, handler, request.id)
    return reports.issue_sanitised(demo_vault, runner, request.id, passphrase=factory.PASSPHRASE)


def _furniture_on_every_page(pdf: bytes, marking: str, report_id: uuid.UUID) -> list[str]:
    texts = pages_text(pdf)
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert text.count(marking) >= 2, f"page {number}: marking top and bottom"
        assert f"Page {number} of {len(texts)}" in text
        assert str(report_id) in text
        assert "Printed" in text
        assert len(PAGE_OF.findall(text)) == 1
    return texts


@pytest.mark.slow
def test_internal_report_pages_carry_marking_page_numbers_id_and_printer(
    internal: IssuedPdf, runner: Scope
) -> None:
    texts = _furniture_on_every_page(internal.pdf, "STG. GEHEIM", internal.report_id)
    assert internal.page_count == len(texts)
    assert all(f"Printed by {runner.alias_name} on " in t for t in texts)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_internal_report_holds_every_item_with_its_grading_and_the_rest(
    demo_vault: Vault, runner: Scope, source_id: uuid.UUID, internal: IssuedPdf
) -> None:
    text = _flat(" ".join(pages_text(internal.pdf)))
    unlinked_at = text.index("Taskings and payments not linked to a debrief")
    in_debriefs, in_unlinked = text[:unlinked_at], text[unlinked_at:]
    ids = debriefs.debrief_id_page(demo_vault, runner, source_id=source_id).ids
    assert internal.debrief_count == len(ids)
    linked = {"taskings": 0, "payments": 0, "addenda": 0}
    for debrief_id in ids:
        view = debriefs.get_debrief(demo_vault, runner, debrief_id)
        assert str(view.id) in text
        assert view.codename in text
        # Each debrief's own section, up to the next debrief's id line.
        start = in_debriefs.index(f"Debrief id {view.id}")
        end = in_debriefs.find("Debrief id ", start + 1)
        section = in_debriefs[start : end if end > 0 else None]
        for item in view.items:
            assert _flat(item.text) in section
            assert item.grading.short() in section  # in its own scheme
        if view.contact is not None and view.contact.location_codeword:
            assert view.contact.location_codeword in section
        assert _flat(view.critical_reflection) in section
        for t in view.taskings:
            assert _flat(t.description) in section
            assert _flat(t.limits) in section
        for pay in view.payments:
            assert f"{money(pay.amount_cents, pay.currency)} {_flat(pay.reason)}" in section
        for addendum in view.addenda:
            assert _flat(addendum.text) in section
        linked["taskings"] += len(view.taskings)
        linked["payments"] += len(view.payments)
        linked["addenda"] += len(view.addenda)
    # The demo links some of each to debriefs, so the checks above did check.
    assert all(linked.values()), linked
    for heading in (
        "Intelligence items",
        "Tasking",
        "Payments and expenses",
        "Welfare observations",
        "Security observations",
        "Runner's assessment",
        "Critical reflection",
        "Addenda",
        "Approval status",
    ):
        assert heading in text
    # What the file holds outside any debrief is in its own section, once.
    with demo_vault.read() as session:
        loose_taskings = (
            session.execute(
                select(Tasking.description).where(
                    Tasking.source_id == source_id, Tasking.debrief_id.is_(None)
                )
            )
            .scalars()
            .all()
        )
        loose_payments = (
            session.execute(
                select(Payment).where(Payment.source_id == source_id, Payment.debrief_id.is_(None))
            )
            .scalars()
            .all()
        )
    assert loose_taskings or loose_payments
    for description in loose_taskings:
        assert _flat(description) in in_unlinked
    for payment in loose_payments:
        paid = money(payment.amount_cents, payment.currency)
        assert f"{paid} {_flat(payment.reason)}" in in_unlinked


def test_a_debrief_without_taskings_or_payments_says_none_are_linked(
    demo_vault: Vault, runner: Scope, source_id: uuid.UUID
) -> None:
    ids = debriefs.debrief_id_page(demo_vault, runner, source_id=source_id).ids
    bare = next(
        i
        for i in ids
        if not (v := debriefs.get_debrief(demo_vault, runner, i)).taskings and not v.payments
    )
    issued = reports.issue_internal(demo_vault, runner, Selection(debrief_id=bare))
    text = _flat(" ".join(pages_text(issued.pdf)))
    assert text.count("None linked to this debrief.") == 2
    # A report of one debrief shows only what is linked to it.
    assert "not linked to a debrief" not in text


def test_sanitised_report_pages_carry_marking_page_numbers_id(sanitised: IssuedPdf) -> None:
    texts = _furniture_on_every_page(sanitised.pdf, "STG. CONFIDENTIEEL", sanitised.report_id)
    # The printer by a reference, not by alias (the register resolves it).
    printer = re.compile(r"by PR-[A-Z2-7]{4}-[A-Z2-7]{4} \(a runner of the unit;")
    assert all(printer.search(t) for t in texts)


def test_sanitised_report_has_shareable_items_in_sanitised_wording_only(
    demo_vault: Vault, runner: Scope, source_id: uuid.UUID, sanitised: IssuedPdf
) -> None:
    text = " ".join(" ".join(pages_text(sanitised.pdf)).split())
    ids = debriefs.debrief_id_page(demo_vault, runner, source_id=source_id).ids
    shared = 0
    for debrief_id in ids:
        view = debriefs.get_debrief(demo_vault, runner, debrief_id)
        assert str(view.id) not in text
        for item in view.items:
            assert " ".join(item.text.split()) not in text  # never the reported wording
            releasable = view.status.value in ("submitted", "approved")
            if releasable and item.grading.shareable and item.sanitised_text:
                assert " ".join(item.sanitised_text.split()) in text
                shared += 1
    assert shared > 0
    assert "Not to be used as evidence without corroboration." in text  # conditions


@pytest.mark.slow
def test_sanitised_report_contains_no_identifying_string_and_no_time_of_day(
    demo_vault: Vault,
    runner: Scope,
    source_id: uuid.UUID,
    sanitised: IssuedPdf,
    internal: IssuedPdf,
) -> None:
    needles = identifying_strings(demo_vault, runner, source_id)
    assert len(needles) > 6  # codename, cover names, codewords, identity fields
    # The needles are real: the internal report of the same debriefs names several.
    in_internal = names_in("\n".join(pages_text(internal.pdf)), needles)
    assert runner.alias_name in in_internal
    assert any(n.isupper() for n in in_internal)  # the codename, location codewords
    assert TIME_OF_DAY.findall("\n".join(pages_text(internal.pdf)))
    text = "\n".join(pages_text(sanitised.pdf))
    assert names_in(text, needles) == []
    assert runner.alias_name not in text
    assert TIME_OF_DAY.findall(text) == []
    reader = PdfReader(io.BytesIO(sanitised.pdf))
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert names_in(metadata, needles) == []


def test_last_page_holds_the_content_hash(internal: IssuedPdf, sanitised: IssuedPdf) -> None:
    for issued in (internal, sanitised):
        texts = pages_text(issued.pdf)
        last = texts[-1].replace(" ", "").replace("\n", "")
        assert issued.content_sha256 in last
        assert all(issued.content_sha256[:8] not in t for t in texts[:-1])
        reader = PdfReader(io.BytesIO(issued.pdf))
        assert reader.metadata is not None
        assert f"veldboek-report-id:{issued.report_id}" in str(reader.metadata.get("/Keywords"))


def test_last_page_names_the_command_that_checks_the_file(
    internal: IssuedPdf, sanitised: IssuedPdf
) -> None:
    for issued in (internal, sanitised):
        last = _flat(pages_text(issued.pdf)[-1])
        assert "in its register: veldboek report verify FILE says whether it issued" in last
        assert "U+0000" not in last


def _small_internal(text: str = "Bericht über één café: € 1.250,00 betaald") -> InternalReport:
    grading = GradingLine("3x5x2", "3x5x2 2/B/P", "2", "Untested", "B", "Known", "P", "Ok", "")
    debrief = InternalDebrief(
        debrief_id=str(uuid.uuid4()),
        codename="ÉÉNHOORN",
        status="approved",
        author="Valk",
        created_at=datetime(2026, 11, 2, 21, 5, tzinfo=UTC),
        submitted_at=None,
        reviewed_at=None,
        reviewer=None,
        review_comment="",
        contact=None,
        narrative=text + " <b>not markup</b> & more",
        items=(InternalItem(1, "Item", "Sanitised", grading, True, "unchecked", False, ()),),
        taskings=(),
        payments=(
            PaymentPart("reward", 125000, "EUR", "Tip", date(2026, 11, 2), "Kraai", "Havik"),
        ),
        welfare_observations="",
        security_observations="",
        runner_assessment="",
        critical_reflection="Zeeën van tijd; naïef",
        addenda=(),
    )
    stamp = InternalStamp(str(uuid.uuid4()), "STG. CONFIDENTIEEL", "Valk", datetime.now(UTC))
    return InternalReport(
        stamp, InternalBody("Debrief report", ("ÉÉNHOORN",), None, None, (debrief,))
    )


def test_dutch_diacritics_euro_sign_and_markup_characters_print() -> None:
    text = " ".join(pages_text(render(_small_internal()).data))
    for expected in ("über één café", "€ 1.250,00", "Zeeën van tijd; naïef", "ÉÉNHOORN"):
        assert expected in text
    assert "<b>not markup</b> & more" in text  # user text is escaped, not interpreted


def test_rendering_is_deterministic_and_the_hash_follows_its_definition() -> None:
    report = _small_internal()
    first, second = render(report), render(report)
    assert first.data == second.data
    canonical = hashing.canonical_json(
        {"format": "veldboek-report/1", "kind": "internal", "report": hashing.plain(report)}
    )
    import hashlib

    assert first.content_sha256 == hashlib.sha256(canonical).hexdigest()
    changed = dataclasses.replace(report, stamp=dataclasses.replace(report.stamp, marking="X"))
    assert hashing.content_sha256(changed) != first.content_sha256


@pytest.mark.slow
def test_batch_over_a_date_range_reports_progress_up_to_the_total(
    demo_vault: Vault, runner: Scope
) -> None:
    seen: list[tuple[int, int]] = []
    issued = reports.issue_internal(
        demo_vault,
        runner,
        Selection(date_from=date(2000, 1, 1), date_to=date(2100, 1, 1)),
        progress=lambda done, total: seen.append((done, total)),
    )
    total = 2 * issued.debrief_count
    assert seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert {t for _, t in seen} == {total}
    text = " ".join(pages_text(issued.pdf))
    assert "period 2000-01-01 to 2100-01-01" in text


def test_a_report_covers_only_the_alias_files(demo_vault: Vault, runner: Scope) -> None:
    from app.errors import NotFound
    from app.services.records import sources

    mine = {r.id for r in sources.list_sources(demo_vault, runner)}
    handler = aliases.resolve_scope(demo_vault, "Havik")
    other = [r.id for r in sources.list_sources(demo_vault, handler) if r.id not in mine]
    if not other:
        pytest.skip("the demo runner holds every file")
    with pytest.raises(NotFound):
        reports.issue_internal(demo_vault, runner, Selection(source_id=other[0]))


def test_page_count_in_text_matches_pdf(internal: IssuedPdf) -> None:
    texts = pages_text(internal.pdf)
    totals = {int(m.group(2)) for t in texts for m in [re.search(PAGE_OF, t)] if m}
    assert totals == {len(PdfReader(io.BytesIO(internal.pdf)).pages)}


def test_records_outside_debriefs_are_reported_by_source_and_period(vault: Vault) -> None:
    from app.domain.enums import PaymentKind
    from app.services.records import tasking

    runner = aliases.resolve_scope(vault, factory.RUNNER)  # this module's runner is the demo's
    aliases.add_alias(vault, "Kraai", role=None, can_act=False)
    kraai = next(a.id for a in aliases.list_cover_names(vault) if a.name == "Kraai")
    source_id = factory.source(vault, runner, "ONYX")
    # Submitted: a source's report leaves drafts out (tests/test_report_drafts.py).
    debrief_id = factory.debrief(vault, runner, source_id, submit=True)
    tasking.add_tasking(vault, runner, source_id, "Linked tasking.", debrief_id=debrief_id)
    tasking.add_tasking(vault, runner, source_id, "Loose tasking.", limits="No recording.")
    for reason, day in (("Loose payment", date(2026, 1, 10)), ("Old payment", date(2025, 1, 1))):
        tasking.record_payment(
            vault,
            runner,
            source_id,
            kind=PaymentKind.EXPENSE,
            amount_cents=2500,
            reason=reason,
            occurred_on=day,
            witness_alias_id=kraai,
        )

    def text_of(selection: Selection) -> str:
        issued = reports.issue_internal(vault, runner, selection)
        return _flat(" ".join(pages_text(issued.pdf)))

    whole = text_of(Selection(source_id=source_id))
    loose = whole[whole.index("Taskings and payments not linked to a debrief") :]
    assert "Every tasking and payment on the file that is not linked" in loose
    assert "Loose tasking. Limits: No recording." in loose
    assert "€ 25,00 Loose payment Kraai" in loose
    assert "€ 25,00 Old payment Kraai" in loose
    assert "Linked tasking." not in loose
    assert "Linked tasking." in whole
    ranged = text_of(Selection(source_id=source_id, date_from=date(2026, 1, 1)))
    assert "Loose payment" in ranged
    assert "Old payment" not in ranged
    assert "Loose tasking." in ranged  # given today
    alone = text_of(Selection(debrief_id=debrief_id))
    assert "Loose" not in alone
    assert "Linked tasking." in alone


@pytest.mark.slow
def test_a_report_in_dutch_prints_its_headings_labels_and_furniture_in_dutch(
    demo_vault: Vault, runner: Scope, source_id: uuid.UUID, internal: IssuedPdf
) -> None:
    dutch = reports.issue_internal(
        demo_vault, runner, Selection(source_id=source_id), language="nl"
    )
    texts = pages_text(dutch.pdf)
    text = _flat(" ".join(texts))
    for number, page in enumerate(texts, start=1):
        assert f"Pagina {number} van {len(texts)}" in page
        assert f"Afgedrukt door {runner.alias_name} op " in page
    for dutch_label in (
        "Debriefingsrapporten",
        "Informatie-items",
        "Kritische reflectie",
        "Betalingen en onkosten",
        "Opdrachten en betalingen zonder debriefing",
        "Bronwaardering",
        "Rechtmatig delen toegestaan",  # a grading label, in Dutch
        "Integriteit van het document",
    ):
        assert dutch_label in text
    for english in ("Intelligence items", "Critical reflection", "Page 1 of", "Printed by"):
        assert english not in text
    # The same content as the English report; the language is in the stamp, so
    # the two are different reports with different hashes.
    english_text = _flat(" ".join(pages_text(internal.pdf)))
    view = debriefs.get_debrief(demo_vault, runner, _oldest_debrief(demo_vault, runner, source_id))
    assert _flat(view.narrative) in text
    assert _flat(view.narrative) in english_text
    assert dutch.content_sha256 != internal.content_sha256


def _oldest_debrief(vault: Vault, scope: Scope, source_id: uuid.UUID) -> uuid.UUID:
    return debriefs.debrief_id_page(vault, scope, source_id=source_id).ids[-1]


def test_a_sanitised_report_in_dutch(
    demo_vault: Vault, runner: Scope, source_id: uuid.UUID
) -> None:
    request = reports.request_sanitised(
        demo_vault, runner, Selection(source_id=source_id), passphrase=factory.PASSPHRASE
    )
    handler = aliases.resolve_scope(demo_vault, "Havik")
    reports.approve_sanitised(demo_vault, handler, request.id)
    issued = reports.issue_sanitised(
        demo_vault, runner, request.id, passphrase=factory.PASSPHRASE, language="nl"
    )
    text = _flat(" ".join(pages_text(issued.pdf)))
    for dutch_label in (
        "Geschoond inlichtingenrapport",
        "Afgedrukt op",
        "een runner van de eenheid",
        "Bevestiging:",
        "informatie verkregen op",
    ):
        assert dutch_label in text
    assert "Corroboration:" not in text
    assert "A person of interest is reportedly involved in" in text  # the content as approved


def test_what_the_font_cannot_draw_prints_as_its_name_never_as_an_empty_box() -> None:
    """A quoted message's emoji (a pistol, a bag of money) are in no report font:
    each run prints as its code points and names; Chinese prints as written, in the
    fallback font; everything the main font draws (the snowflake, ü) as it is."""
    from app.reports import glyphs

    quoted = "Bericht: 🔫💰 om ❄️ te halen; 你好; Müller; 👨\u200d👩\u200d👧 klaar"
    text = _flat(" ".join(pages_text(render(_small_internal(quoted)).data)))
    assert "Bericht: [U+1F52B PISTOL, U+1F4B0 MONEY BAG] om ❄" in text
    assert "你好; Müller;" in text
    assert "[U+1F468 MAN, U+1F469 WOMAN, U+1F467 GIRL] klaar" in text
    drawable = glyphs._drawable()
    assert all(ord(c) in drawable for c in glyphs.printable(quoted))
    assert glyphs.printable("café € 1.250") == "café € 1.250"  # the usual text untouched


def test_a_long_chinese_quote_prints_as_written_within_the_margins() -> None:
    """Chinese has no spaces to break at: a long quote still wraps inside the text
    column, every character printed, in the fallback font (never empty boxes)."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    from app.reports.styles import MARGIN_X

    quoted = "他说：" + "我们明天在鹿特丹港口见面带上所有的钱和文件不要告诉任何人" * 6
    pdf = render(_small_internal(quoted)).data
    text = "".join(pages_text(pdf)).replace("\n", "")
    assert quoted in text
    reader = PdfReader(io.BytesIO(pdf))
    pages: list[Any] = list(reader.pages)  # pypdf's objects are loosely typed
    fonts_used = {
        str(f.get_object()["/BaseFont"])
        for page in pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert any("DroidSansFallback" in name for name in fonts_used), fonts_used
    document = pdfium.PdfDocument(pdf)
    for page in document:
        chars = page.get_textpage()
        width = page.get_width()
        rights = [chars.get_charbox(i)[2] for i in range(chars.count_chars())]
        assert max(rights) <= width - MARGIN_X + 0.5
