"""The guard finds a name however it is spaced or glued, a date of birth in
American order, a time of day, and any 8 hex digits of a source's or a debrief's
id; ordinary words and numbers stay allowed (docs/reports.md, "Matching rules")."""

from __future__ import annotations

import uuid

import pytest

from app.domain.scope import Scope
from app.services.records import debriefs, identity, sources
from app.services.reports import Selection, check_sanitised, request_sanitised
from app.services.reports.identity_needles import identity_identifiers
from app.services.reports.matching import Identifier
from app.services.reports.sanitise import Guard, SanitisationRefused
from app.services.views import IdentityFields
from app.vault.vault import Vault
from tests.helpers import factory

SOURCE_ID = "01a24ffd-424e-7da5-adfd-137d52b44cd1"
GUARD = Guard(
    [
        Identifier("codename", "PELIKAAN"),
        Identifier("another source's codename", "ROOS"),
        Identifier("former codename", "ELS"),
        Identifier("cover name", "Valk"),
        Identifier("location codeword", "HAVEN-2"),
        Identifier("source id", SOURCE_ID),
        *identity_identifiers(
            ["Anna Smit-de Vries", "1984-02-29", "Kerkstraat 12, 3511 AB Utrecht"]
        ),
    ]
)


def _kinds(text: str) -> set[str]:
    return {h.kind for h in GUARD.scan("x", text)}


@pytest.mark.parametrize(
    "written",
    [
        "P E L I K A A N said",
        "P.E.L.I.K.A.A.N said",
        "P-E-L-I-K-A-A-N said",
        "P_E_L_I_K_A_A_N said",
        "p. e. l. i. k. a. a. n. said",
        "P\u00a0E\u00a0L\u00a0I\u00a0K\u00a0A\u00a0A\u00a0N said",  # no-break spaces
        "PELI KAAN said",
        "Pel-ikaan said",
        "PELIKAAN1 said",
        "2PELIKAAN said",
        "PELIKAAN's brother",
        "Pelikaans broer",  # the Dutch genitive
        "the PELIKAAN-team",
        "the PELIKAAN_team",
        "PELIKAANx said",
        "xPELIKAAN said",
        "ROOSteren",
        "E.L.S. said",
        "ELS2 said",
        "the PELIKAANTEAM",  # a long made-up word inside another, in one case
        "teampelikaan",
    ],
)
def test_a_codename_spaced_out_or_glued_is_refused(written: str) -> None:
    assert _kinds(written) & {"codename", "another source's codename", "former codename"}


@pytest.mark.parametrize(
    "written",
    [
        "SMITDEVRIES",
        "smitdevries",
        "SmitDeVries",
        "DEVRIES said",
        "S M I T D E V R I E S",
        "AnnaSmit",
        "Annas auto",
        "Mrs Smit2",
        "in de Kerkstraat12",
    ],
)
def test_a_name_without_its_separators_is_refused(written: str) -> None:
    assert "identity" in _kinds(written)


@pytest.mark.parametrize(
    "written",
    [
        "born 02/29/1984",
        "born 2/29/84",
        "born 02-29-1984",
        "born 29-2-1984",
        "born 29.02.84",
        "born 29 2 1984",
        "born 29 februari 1984",
        "born Feb 29, 1984",
        "born 1984/02/29",
    ],
)
def test_the_date_of_birth_in_every_order_is_refused(written: str) -> None:
    assert "identity" in _kinds(written)


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("at 23:30 on 3 Nov", "23:30"),
        ("at 9:05 on 3 Nov", "9:05"),
        ("at 23:30:15", "23:30:15"),
        ("om 23.30 uur", "23.30 uur"),
        ("om 23.30", "23.30"),
        ("at 23.30 h", "23.30 h"),
        ("om 23u30", "23u30"),
        ("at 9h05", "9h05"),
        ("at 11:30 pm", "11:30"),
        ("at 11 p.m.", "11 p.m."),
        ("at 9am", "9am"),
        ("at 2330 hours", "2330 hours"),
        ("om 2330 uur", "2330 uur"),
        ("logged 2026-11-03T23:30Z", "23:30"),
    ],
)
def test_a_time_of_day_is_refused(written: str, found: str) -> None:
    assert [(h.kind, h.found) for h in GUARD.scan("x", written)] == [("time of day", found)]


@pytest.mark.parametrize(
    "written",
    [
        "ref 37d52b44",
        "ref 37d52b44cd1",
        "ref 37D52B44CD1",
        "ref 37d5-2b44",
        "ref …52b44cd1",
        "ref 01a24ffd424e",
        "ref 01A24FFD-424E",
        "ref7da5adfd1",
        f"source {SOURCE_ID}",
        f"source {uuid.UUID(SOURCE_ID).hex}",
        "ref 37d5 2b44",  # any separator names take, not only a dash
        "ref 37D5_2B44",
        "ref 37d5.2b44",
    ],
)
def test_eight_hex_digits_of_the_source_id_are_refused(written: str) -> None:
    assert "source id" in _kinds(written)


@pytest.mark.parametrize(
    "written",
    [
        # Ordinary words that hold a codename or a name without spelling it.
        "roosteren, ROOSTEREN, rozen, Roosendaal",
        "else, elsewhere, models, ELSE",
        "pelikanen in the harbour",
        "a Smith and the Vriesland ferry",
        "ROOSTERENPLAN, HAVENZICHT",  # short made-up words are not looked for inside
        "Annabel and Hanna",
        "de auto van de buurman",
        "at HAVEN-23 and HAVEN-3",
        # Amounts, counts and other numbers.
        "paid 1.250,00 euro and 12.30 euro; 12 boxes; 2330 units",
        "2 uur gewerkt, 3 hours later, 45 minutes",
        "invoice 2024-11-02; scale 1:100; a 3:1 vote",
        "on 28 February 1984 and 29 February 2024",
        "born in 1984",
        # Hex that is not in the id, or too short.
        "ref 8b44cd1 and deadbeef and 2b44cd1",
        "the informant (female, 42, from Utrecht) on 3 Nov",
    ],
)
def test_near_misses_pass(written: str) -> None:
    assert _kinds(written) == set()


@pytest.fixture
def pelikaan(vault: Vault, runner: Scope, handler: Scope) -> uuid.UUID:
    source_id = sources.create_source(
        vault, runner, sources.SourceDraft(codename="PELIKAAN"), share_with=(handler.alias_id,)
    )
    identity.record_identity(
        vault,
        runner,
        source_id,
        IdentityFields(full_name="Anna Smit-de Vries", date_of_birth="1984-02-29"),
    )
    return source_id


def test_the_tester_s_leaks_are_refused_in_a_request(
    vault: Vault, runner: Scope, pelikaan: uuid.UUID
) -> None:
    wordings = [
        "Goods are reportedly stored at a garage.",
        "P E L I K A A N said goods are stored.",
        "PELIKAAN1 said goods are stored.",
        "SMITDEVRIES said goods are stored.",
        "Goods stored by a woman born 02/29/1984.",
        "Goods were moved at 23:30 on 3 Nov.",
        f"Goods for ref {pelikaan.hex[-11:]}.",
    ]
    items = tuple(factory.graded_item(f"Reported {n}", sanitised_text=w) for n, w in
                  enumerate(wordings))  # fmt: skip
    debrief_id = factory.debrief(vault, runner, pelikaan, items=items, submit=True)
    with pytest.raises(SanitisationRefused) as refused:
        request_sanitised(
            vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
        )
    by_place = {(h.where, h.kind) for h in refused.value.hits}
    assert by_place == {
        ("S1.2 wording", "codename"),
        ("S1.3 wording", "codename"),
        ("S1.4 wording", "identity"),
        ("S1.5 wording", "identity"),
        ("S1.6 wording", "time of day"),
        ("S1.7 wording", "source id"),
    }
    # The message names no identity: the hits are for the user only.
    message = str(refused.value)
    assert not any(word in message for word in ("PELIKAAN", "Smit", "1984", "23:30"))


@pytest.mark.parametrize("form", ["dashed head", "plain tail"])
def test_a_debrief_id_in_its_own_wording_is_refused(
    vault: Vault, runner: Scope, pelikaan: uuid.UUID, form: str
) -> None:
    # The item is added once the debrief (and so its id) exists.
    debrief_id = factory.debrief(vault, runner, pelikaan, items=())
    shown = str(debrief_id)[:13] if form == "dashed head" else debrief_id.hex[-9:].upper()
    item = factory.graded_item("Reported", sanitised_text=f"See debrief {shown} for more.")
    debriefs.add_item(vault, runner, debrief_id, item)
    debriefs.submit(vault, runner, debrief_id)
    hits = check_sanitised(
        vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )
    assert [(h.kind, h.where) for h in hits] == [("debrief id", "S1.1 wording")]


def test_shareable_items_without_a_wording_are_counted_at_request(
    vault: Vault, runner: Scope, pelikaan: uuid.UUID
) -> None:
    items = (
        factory.graded_item("A", sanitised_text="Goods are reportedly stored at a garage."),
        factory.graded_item("B", sanitised_text=""),
        factory.graded_item("C", sanitised_text="  "),
        factory.graded_item("D", sanitised_text="", handling_code="C",
                            handling_conditions="Ask first."),
    )  # fmt: skip
    debrief_id = factory.debrief(vault, runner, pelikaan, items=items, submit=True)
    approval = request_sanitised(
        vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )
    assert approval.withheld_items == 3


def test_a_long_made_up_word_is_found_inside_words_a_person_s_name_is_not() -> None:
    guard = Guard(
        [
            Identifier("location codeword", "ZWANENMEER"),
            *identity_identifiers(["Piet Bakker", "1970-01-01", "Dorpsstraat 1, 1234 AB Ede"]),
        ]
    )
    assert {h.kind for h in guard.scan("x", "bij het ZWANENMEERPARK")} == {"location codeword"}
    assert {h.kind for h in guard.scan("x", "bij de bakkerij op de hoek")} == set()
    assert {h.kind for h in guard.scan("x", "Bakker zei")} == {"identity"}
