"""The sanitisation guard refuses a sanitised report whose text names or points to
the source, says what it found (to the user only), and lets clean text through."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select

from app.domain.enums import ContactKind
from app.domain.scope import Scope
from app.errors import WrongPassphrase
from app.models import AuditEvent
from app.models.reports import ReportApproval
from app.services.admin import aliases
from app.services.records import debriefs, identity, sources
from app.services.reports import Selection, check_sanitised, request_sanitised
from app.services.reports.identity_needles import identity_identifiers
from app.services.reports.matching import Identifier
from app.services.reports.sanitise import Guard, SanitisationRefused
from app.services.views import IdentityFields
from app.vault.vault import Vault
from tests.helpers import factory

CLEAN = "Goods are reportedly stored at a garage."


@pytest.fixture
def file(vault: Vault, runner: Scope, handler: Scope) -> uuid.UUID:
    """A source KWARTS (formerly ELS) with an identity, a colleague at a meeting at
    location HAVEN-2, shared with the handler."""
    aliases.add_alias(vault, "Kraai", role=None, can_act=False)
    kraai = next(a.id for a in aliases.list_cover_names(vault) if a.name == "Kraai")
    source_id = sources.create_source(
        vault, runner, sources.SourceDraft(codename="ELS"), share_with=(handler.alias_id,)
    )
    sources.update_source(vault, runner, source_id, sources.SourceDraft(codename="KWARTS"))
    identity.record_identity(
        vault,
        runner,
        source_id,
        IdentityFields(
            full_name="Joëlle van der Berg",
            date_of_birth="1984-02-29",
            addresses=("Kerkstraat 12, Utrecht", "Oudegracht 200, 3511 NR Utrecht"),
            phone_numbers=("06-12345678",),
        ),
    )
    factory.contact(
        vault,
        runner,
        source_id,
        kind=ContactKind.MEETING,
        location_codeword="HAVEN-2",
        attendee_ids=(runner.alias_id, kraai),
    )
    return source_id


def _submitted(vault: Vault, scope: Scope, source_id: uuid.UUID, *wordings: str) -> uuid.UUID:
    items = tuple(
        factory.graded_item(f"Reported {n}", sanitised_text=w) for n, w in enumerate(wordings)
    )
    return factory.debrief(vault, scope, source_id, items=items, submit=True)


@pytest.mark.parametrize(
    ("wording", "kind", "found"),
    [
        ("Kwarts says goods are stored at a garage.", "codename", "KWARTS"),
        ("Source ELS says goods are stored at a garage.", "former codename", "ELS"),
        ("Heard at the meeting at haven 2.", "location codeword", "HAVEN-2"),
        ("Valk was told goods are stored at a garage.", "cover name", "Valk"),
        ("Kraai saw the goods.", "cover name", "Kraai"),
        ("Havik was informed.", "cover name", "Havik"),
        ("JOELLE says goods are stored.", "identity", "Joëlle"),
        ("A woman named Joëlle van der Berg reported it.", "identity", "Joëlle van der Berg"),
        ("Goods are stored near Kerkstraat 12, Utrecht.", "identity", "Kerkstraat 12, Utrecht"),
        ("Goods are stored in the Kerkstraat.", "identity", "Kerkstraat"),
        ("Call 06 1234 5678 for goods.", "phone number", "06-12345678"),
        ("Call +31 6 12345678 for goods.", "phone number", "06-12345678"),
        ("Born 29-02-1984, the informant said.", "identity", "29-02-1984"),
        ("Ring 020-7654321 for the goods.", "phone-number-like text", "020-7654321"),
        ("Mail bron@example.org for goods.", "e-mail address", "bron@example.org"),
        ("Goods are stored in a shed at 3581 AB.", "postcode-like text", "3581 AB"),
        ("Goods are stored near postcode 3511nr.", "identity", "3511 NR"),
        ("Born 29 februari 1984, the informant said.", "identity", "29 februari 1984"),
        ("Born on 29th Feb. 1984, the informant said.", "identity", "29 februari 1984"),
        ("Born February 29, 1984, the informant said.", "identity", "29 februari 1984"),
        ("Heard at the meeting at HAVEN2.", "location codeword", "HAVEN-2"),
        ("Goods are stored near Kerkstr. 12.", "identity", "Kerkstr."),
    ],
)
def test_guard_refuses_a_wording_that_points_to_the_source(
    vault: Vault, runner: Scope, file: uuid.UUID, wording: str, kind: str, found: str
) -> None:
    debrief_id = _submitted(vault, runner, file, CLEAN, wording)
    with pytest.raises(SanitisationRefused) as refused:
        request_sanitised(
            vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
        )
    hits = refused.value.hits
    assert (kind, found) in {(h.kind, h.found) for h in hits}
    assert all(h.where == "S1.2 wording" for h in hits if h.kind == kind)
    # The message is generic: the hits are for the user, not for logs.
    assert found not in str(refused.value)
    assert "KWARTS" not in str(refused.value)
    with vault.read() as session:
        assert session.execute(select(ReportApproval)).first() is None
        details = " ".join(session.execute(select(AuditEvent.detail)).scalars())
        refusal = session.execute(
            select(AuditEvent).where(AuditEvent.action == "report.sanitised_refused")
        ).scalar_one()
    assert found not in details
    assert json.loads(refusal.detail) == {"hits": len(hits), "stage": "request"}


def test_guard_passes_clean_wording_and_short_codenames_need_whole_words(
    vault: Vault, runner: Scope, file: uuid.UUID
) -> None:
    # "ELS" is a former codename: "else", "Elsewhere" and "models" must not hit it.
    # Nor do other days of February 1984, or numbers that only share digits.
    wording = (
        "Elsewhere, or else: models of a garage; born 1984; 12 boxes; invoice 2024-11-02; "
        "on 28 February 1984 and 29 February 2024; 2291984 units; in 2024 we; Kerk."
    )
    debrief_id = _submitted(vault, runner, file, CLEAN, wording)
    assert (
        check_sanitised(
            vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
        )
        == []
    )
    approval = request_sanitised(
        vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )
    assert approval.status.value == "pending"
    assert approval.requested_by == runner.alias_name


def test_guard_checks_handling_conditions_too(vault: Vault, runner: Scope, file: uuid.UUID) -> None:
    item = factory.graded_item(
        "Reported", sanitised_text=CLEAN, handling_code="C", handling_conditions="Ask Valk first."
    )
    debrief_id = factory.debrief(vault, runner, file, items=(item,), submit=True)
    hits = check_sanitised(
        vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )
    assert [(h.kind, h.found, h.where) for h in hits] == [
        ("cover name", "Valk", "S1.1 grading conditions")
    ]


def test_the_identity_check_needs_the_right_passphrase(
    vault: Vault, runner: Scope, file: uuid.UUID
) -> None:
    debrief_id = _submitted(vault, runner, file, CLEAN)
    with pytest.raises(WrongPassphrase):
        request_sanitised(
            vault, runner, Selection(debrief_id=debrief_id), passphrase="not the passphrase"
        )
    plain = factory.source(vault, runner, "ZONDER")  # no identity recorded
    other = _submitted(vault, runner, plain, CLEAN)
    with pytest.raises(WrongPassphrase):
        request_sanitised(vault, runner, Selection(debrief_id=other), passphrase="wrong one")


def test_items_that_may_not_be_shared_or_lack_a_wording_stay_out(
    vault: Vault, runner: Scope, file: uuid.UUID
) -> None:
    from app.domain.enums import GradingScheme
    from app.services.reports.sanitise import sanitised_body

    items = (
        factory.graded_item("A", sanitised_text="First shareable."),
        factory.graded_item(
            "B",
            sanitised_text="Only within the agency.",
            scheme=GradingScheme.UK_5X5X5,
            source_evaluation="B",
            intelligence_assessment="2",
            handling_code="4",
        ),
        factory.graded_item("C", sanitised_text=""),
    )
    debrief_id = factory.debrief(vault, runner, file, items=items, submit=True)
    draft_id = factory.debrief(vault, runner, file)
    views = [debriefs.get_debrief(vault, runner, i) for i in (debrief_id, draft_id)]
    chosen = sanitised_body(views)
    assert [i.text for d in chosen.body.debriefs for i in d.items] == ["First shareable."]
    assert chosen.withheld_items == 1
    assert chosen.skipped_debriefs == 1  # the draft


def test_unit_matching_rules() -> None:
    guard = Guard(
        [
            Identifier("codename", "ELS"),
            Identifier("location codeword", "BRUG-7"),
            Identifier("identity", "Özdemir"),
            *identity_identifiers(["Jan van Dijk", "van", "06-11223344", "1990-01-05"]),
        ]
    )

    def found(text: str) -> list[str]:
        return sorted(h.found for h in guard.scan("x", text))

    assert found("else elsewhere models") == []
    assert found("Els said so") == ["ELS"]
    assert found("at brug 7 and BRUG_7") == ["BRUG-7"]
    assert found("mr. ozdemir") == ["Özdemir"]
    assert found("a van was seen") == []  # name particles are not names
    assert found("jan van dijk") == ["Dijk", "Jan", "Jan van Dijk"]
    assert found("tel 0031 6 1122 3344") == ["06-11223344"]
    assert found("born 5-1-1990") == ["5-1-1990"]
    assert found("on 05-01-1991 at 10.000 euro") == []
    assert found("code 511990 or 5 1 1990x") == []  # numbers keep their separators
    assert found("5 januari 1990, January 05, 1990") == ["5 januari 1990"]
    # "jan." is also the name part Jan: the guard cannot tell them apart.
    assert found("jan. 5th 1990") == ["5 januari 1990", "Jan"]
    assert found("brug7 and Brug 7") == ["BRUG-7"]


@pytest.mark.parametrize(
    ("address", "written", "found"),
    [
        ("Kerkstraat 12, Utrecht", "near the kerkstr.", "Kerkstr."),
        ("Dorpsweg 3, Ede", "at Dorpswg. 3", "Dorpswg."),
        ("Beukenlaan 7", "in the beukenln", "Beukenln."),
        ("Stationsplein 1, 8011 CW Zwolle", "on Stationspln.", "Stationspln."),
        ("Stationsplein 1, 8011 CW Zwolle", "postcode 8011-cw", "8011 CW"),
    ],
)
def test_unit_addresses_are_found_abbreviated_and_by_postcode(
    address: str, written: str, found: str
) -> None:
    guard = Guard(identity_identifiers([address]))
    assert found in {h.found for h in guard.scan("x", written)}


def test_the_refusal_at_issue_time_is_audited_with_the_number_of_hits(
    vault: Vault, runner: Scope, handler: Scope, file: uuid.UUID
) -> None:
    from app.services.reports import approve_sanitised, issue_sanitised

    debrief_id = _submitted(vault, runner, file, "A local man reportedly owns the van.")
    approval = request_sanitised(
        vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )
    approve_sanitised(vault, handler, approval.id)
    # After approval, the identity is corrected: the approved wording now names him.
    identity.record_identity(
        vault, runner, file, IdentityFields(full_name="Van Man", date_of_birth="1984-02-29")
    )
    with pytest.raises(SanitisationRefused) as refused:
        issue_sanitised(vault, runner, approval.id, passphrase=factory.PASSPHRASE)
    assert [h.found for h in refused.value.hits] == ["Man"]
    with vault.read() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.action == "report.sanitised_refused")
        ).scalar_one()
    assert json.loads(event.detail) == {"hits": 1, "stage": "issue"}
    assert event.record_id == approval.id.hex
    assert "Man" not in event.detail


@pytest.mark.parametrize("form", ["dashed", "tail"])
def test_guard_refuses_the_sources_id_as_lists_and_reports_print_it(
    vault: Vault, runner: Scope, file: uuid.UUID, form: str
) -> None:
    # Lists, notices and the internal report print a source's id (two namesakes of
    # one runner by its last 8 hex digits): pasted into a wording it names the source.
    shown = str(file) if form == "dashed" else f"…{file.hex[-8:]}"
    debrief_id = _submitted(vault, runner, file, CLEAN, f"Goods for source {shown} are stored.")
    with pytest.raises(SanitisationRefused) as refused:
        request_sanitised(
            vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
        )
    assert "source id" in {h.kind for h in refused.value.hits}
