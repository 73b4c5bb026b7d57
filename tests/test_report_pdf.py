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

import pytest
from pypdf import PdfReader

from app.dal.scope import Scope
from app.reports import hashing
from app.reports.render import render
from app.reports.views import (
    GradingLine,
    InternalBody,
    InternalDebrief,
    InternalItem,
    InternalReport,
    InternalStamp,
    PaymentPart,
    SanitisedBody,
    SanitisedReport,
    SanitisedStamp,
)
from app.services import aliases, debriefs, reports
from app.services.reports import IssuedPdf, Selection
from app.services.sanitise import texts_of
from app.vault.vault import Vault
from tests import factory
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


def test_internal_report_pages_carry_marking_page_numbers_id_and_printer(
    internal: IssuedPdf, runner: Scope
) -> None:
    texts = _furniture_on_every_page(internal.pdf, "STG. GEHEIM", internal.report_id)
    assert internal.page_count == len(texts)
    assert all(f"Printed by {runner.alias_name} on " in t for t in texts)


def test_internal_report_holds_every_item_with_its_grading_and_the_rest(
    demo_vault: Vault, runner: Scope, source_id: uuid.UUID, internal: IssuedPdf
) -> None:
    text = " ".join(" ".join(pages_text(internal.pdf)).split())
    ids = debriefs.debrief_id_page(demo_vault, runner, source_id=source_id).ids
    assert internal.debrief_count == len(ids)
    for debrief_id in ids:
        view = debriefs.get_debrief(demo_vault, runner, debrief_id)
        assert str(view.id) in text
        assert view.codename in text
        for item in view.items:
            assert " ".join(item.text.split()) in text
            assert item.grading.short() in text  # in its own scheme
        if view.contact is not None and view.contact.location_codeword:
            assert view.contact.location_codeword in text
        assert " ".join(view.critical_reflection.split()) in text
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


def test_sanitised_report_pages_carry_marking_page_numbers_id(sanitised: IssuedPdf) -> None:
    texts = _furniture_on_every_page(sanitised.pdf, "STG. CONFIDENTIEEL", sanitised.report_id)
    # The printer by a reference, not by alias (the register resolves it).
    assert all(re.search(r"by PR-[A-Z2-7]{4}-[A-Z2-7]{4}, a runner of the unit", t) for t in texts)


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
        assert f"veldboek-report-id:{issued.report_id}" in str(reader.metadata.get("/Keywords"))


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


def test_sanitised_view_type_has_no_field_for_identifying_data() -> None:
    names: set[str] = set()

    def walk(cls: type) -> None:
        for f in dataclasses.fields(cls):
            names.add(f.name)
            hint = str(f.type)
            for candidate in ("SanitisedDebrief", "SanitisedItem", "GradingLine"):
                if candidate in hint:
                    walk(getattr(__import__("app.reports.views", fromlist=[candidate]), candidate))

    walk(SanitisedReport)
    walk(SanitisedStamp)
    walk(SanitisedBody)
    forbidden = {"codename", "alias", "printed_by", "location_codeword", "attendees", "author"}
    assert not names & forbidden
    assert not any("identity" in n or n.endswith("_at") or "debrief_id" in n for n in names)
    assert list(texts_of(SanitisedBody("t", date.today(), date.today(), ()))) == [("title", "t")]


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
    from app.services import sources

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
