"""The guard sees through spellings that print the same (invisible characters,
look-alike letters), knows every source and alias of the vault, and finds an
identity by its name parts and two-digit-year dates of birth."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from app.domain.enums import ContactKind, PaymentKind, Role
from app.domain.scope import Scope
from app.errors import InvalidInput
from app.services.admin import aliases
from app.services.records import debriefs, identity, sources, tasking
from app.services.reports import Selection, approve_sanitised, request_sanitised
from app.services.reports.identity_needles import identity_identifiers
from app.services.reports.matching import Identifier, fold
from app.services.reports.sanitise import Guard, SanitisationRefused
from app.services.views import IdentityFields
from app.vault.vault import Vault
from tests.helpers import factory

CLEAN = "Goods are reportedly stored at a garage."
INVISIBLE = {
    "zero-width space": "\u200b",
    "soft hyphen": "\u00ad",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "zero-width non-joiner": "\u200c",
    "byte order mark": "\ufeff",
}
NEEDLES = [
    Identifier("codename", "KWARTS"),
    Identifier("cover name", "Uil"),
    Identifier("location codeword", "MOLEN-3"),
    Identifier("phone", "06-16427647"),
]


def _hidden(text: str, mark: str) -> str:
    """``text`` with ``mark`` after its second character."""
    return text[:2] + mark + text[2:]


def _found(text: str) -> set[str]:
    return {h.found for h in Guard(NEEDLES).scan("x", text)}


@pytest.mark.parametrize("mark", INVISIBLE.values(), ids=INVISIBLE.keys())
@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("KWARTS", "KWARTS"),
        ("Uil", "Uil"),
        ("MOLEN-3", "MOLEN-3"),
        ("06-16427647", "06-16427647"),
    ],
)
def test_invisible_characters_do_not_hide_an_identifier(
    mark: str, written: str, found: str
) -> None:
    assert found in _found(f"Reported by {_hidden(written, mark)} near the station.")
    # Several of them, and one at every gap, too.
    assert found in _found("Seen: " + mark.join(written) + ".")


@pytest.mark.parametrize(
    "written",
    [
        "\u041aWARTS",  # Cyrillic capital Ka
        "KW\u0410RTS",  # Cyrillic capital A
        "kw\u0430rts",  # Cyrillic small a
        "\u039aWARTS",  # Greek capital Kappa
        "\uff2b\uff37\uff21\uff32\uff34\uff33",  # full-width
        "\u041a\u200bW\u0410RTS",  # look-alike and invisible at once
    ],
)
def test_look_alike_letters_read_as_the_latin_ones(written: str) -> None:
    assert "KWARTS" in _found(f"Reported by {written} near the station.")


def test_folding_keeps_what_differs() -> None:
    assert fold("Joëlle") == "joelle"
    assert fold("K\u00adW\u200bA\u2060R\u200dTS") == "kwarts"
    assert _found("Reported near the old mill, Uilenburg and Molen-4.") == set()


def test_phone_digits_in_full_width_and_with_invisible_characters() -> None:
    assert "06-16427647" in _found("Call \uff10\uff16-16427647.")
    assert "06-16427647" in _found("Call 06\u00ad164\u200b27647.")


@pytest.fixture
def kwarts(vault: Vault, runner: Scope, handler: Scope) -> uuid.UUID:
    """KWARTS, met by Uil at MOLEN-3; a payment witnessed by Kraai and approved by
    Havik; another source ONYX (formerly JADE) in the same vault."""
    aliases.add_alias(vault, "Uil", role=None, can_act=False)
    aliases.add_alias(vault, "Kraai", role=None, can_act=False)
    by_name = {a.name: a.id for a in aliases.list_cover_names(vault)}
    source_id = sources.create_source(
        vault, runner, sources.SourceDraft(codename="KWARTS"), share_with=(handler.alias_id,)
    )
    factory.contact(
        vault,
        runner,
        source_id,
        kind=ContactKind.MEETING,
        location_codeword="MOLEN-3",
        attendee_ids=(runner.alias_id, by_name["Uil"]),
    )
    identity.record_identity(
        vault, runner, source_id, IdentityFields(full_name="Jan Modaal", phone_numbers=())
    )
    tasking.record_payment(
        vault,
        runner,
        source_id,
        kind=PaymentKind.EXPENSE,
        amount_cents=4500,
        reason="Travel",
        occurred_on=date(2026, 11, 2),
        witness_alias_id=by_name["Kraai"],
        approved_by_alias_id=handler.alias_id,
    )
    onyx = factory.source(vault, runner, "JADE")
    sources.update_source(vault, runner, onyx, sources.SourceDraft(codename="ONYX"))
    return source_id


def _refused(vault: Vault, runner: Scope, source_id: uuid.UUID, wording: str) -> set[str]:
    debrief_id = factory.debrief(
        vault,
        runner,
        source_id,
        items=(
            factory.graded_item("A", sanitised_text=CLEAN),
            factory.graded_item("B", sanitised_text=wording),
        ),
        submit=True,
    )
    with pytest.raises(SanitisationRefused) as refused:
        request_sanitised(
            vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
        )
    return {f"{h.kind}: {h.found}" for h in refused.value.hits}


@pytest.mark.parametrize(
    ("wording", "hit"),
    [
        ("Colleague Kraai paid the expenses.", "cover name: Kraai"),
        ("Havik approved the expenses.", "cover name: Havik"),
        ("Source ONYX says the same.", "another source's codename: ONYX"),
        ("Source Jade says the same.", "another source's codename: JADE"),
        ("Uil heard it too.", "cover name: Uil"),
    ],
)
def test_the_guard_knows_witnesses_approvers_and_every_source(
    vault: Vault, runner: Scope, kwarts: uuid.UUID, wording: str, hit: str
) -> None:
    assert hit in _refused(vault, runner, kwarts, wording)


def test_a_source_out_of_sight_is_not_named_by_a_refusal(
    vault: Vault, runner: Scope, kwarts: uuid.UUID
) -> None:
    # Another runner's source, in a compartment this runner is not in: a refusal
    # naming its codename would tell the runner it exists.
    aliases.add_alias(vault, "Reiger", role=Role.RUNNER, can_act=True)
    factory.source(vault, aliases.resolve_scope(vault, "Reiger"), "BERYL")
    debrief_id = factory.debrief(
        vault,
        runner,
        kwarts,
        items=(factory.graded_item("A", sanitised_text="Beryl and amber were seen at the fair."),),
        submit=True,
    )
    request_sanitised(
        vault, runner, Selection(debrief_id=debrief_id), passphrase=factory.PASSPHRASE
    )


@pytest.mark.parametrize("mark", ["\u200b", "\u00ad", "\u200d", "\u2060"])
@pytest.mark.parametrize(
    ("written", "hit"),
    [
        ("KWARTS", "codename: KWARTS"),
        ("Uil", "cover name: Uil"),
        ("MOLEN-3", "location codeword: MOLEN-3"),
    ],
)
def test_an_item_from_before_the_entry_rule_is_still_refused(
    vault: Vault,
    runner: Scope,
    kwarts: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
    mark: str,
    written: str,
    hit: str,
) -> None:
    # Items that came in before wordings refused invisible characters (or from an
    # older version) still hold them: the guard reads through them.
    monkeypatch.setattr(debriefs, "_check_shared_text", lambda draft: None)
    wording = f"Reported by {_hidden(written, mark)} near the station."
    assert hit in _refused(vault, runner, kwarts, wording)


def test_a_cyrillic_codename_is_refused_at_request_and_never_approved(
    vault: Vault, runner: Scope, handler: Scope, kwarts: uuid.UUID
) -> None:
    assert "codename: KWARTS" in _refused(vault, runner, kwarts, "Reported by \u041aWARTS.")
    ok = factory.debrief(vault, runner, kwarts, items=(factory.graded_item(),), submit=True)
    approval = request_sanitised(
        vault, runner, Selection(debrief_id=ok), passphrase=factory.PASSPHRASE
    )
    assert approve_sanitised(vault, handler, approval.id).status.value == "approved"


@pytest.mark.parametrize("mark", INVISIBLE.values(), ids=INVISIBLE.keys())
@pytest.mark.parametrize("field", ["sanitised_text", "handling_conditions"])
def test_a_wording_with_invisible_characters_is_refused_at_entry(
    vault: Vault, runner: Scope, kwarts: uuid.UUID, mark: str, field: str
) -> None:
    debrief_id = factory.debrief(vault, runner, kwarts, items=())
    draft = factory.graded_item(
        "Reported", handling_code="C", handling_conditions="Ask the unit first."
    )
    bad = factory.graded_item(
        "Reported",
        handling_code="C",
        **{"handling_conditions": "Ask the unit first.", field: f"Seen by K{mark}WARTS."},
    )
    with pytest.raises(InvalidInput) as refused:
        debriefs.add_item(vault, runner, debrief_id, bad)
    assert f"U+{ord(mark):04X}" in str(refused.value)
    item_id = debriefs.add_item(vault, runner, debrief_id, draft)
    with pytest.raises(InvalidInput):
        debriefs.update_item(vault, runner, item_id, bad)
    # The reported text itself (never shared) may hold what the source wrote.
    debriefs.add_item(vault, runner, debrief_id, factory.graded_item(f"Said K{mark}WARTS"))


# -- identity spellings ------------------------------------------------------------------


def _identity_found(strings: list[str], text: str) -> set[str]:
    return {h.found for h in Guard(identity_identifiers(strings)).scan("x", text)}


@pytest.mark.parametrize(
    "written",
    ["born 17-12-68", "born 17/12/68", "born 17.12.68", "born 17-12-1968", "born 17 dec '68"],
)
def test_a_date_of_birth_with_a_two_digit_year(written: str) -> None:
    assert _identity_found(["1968-12-17"], written)


def test_two_digit_years_do_not_hit_other_dates() -> None:
    assert (
        _identity_found(["1968-12-17"], "on 17-12-69, 18-12-68, 2017-12-68 and 17-12-2068") == set()
    )


@pytest.mark.parametrize(
    ("name", "written", "found"),
    [
        ("Anna Smit-de Vries", "Mrs Smit was seen.", "Smit"),
        ("Anna Smit-de Vries", "Mrs Vries was seen.", "Vries"),
        ("Sean O'Neill", "Mr Neill was seen.", "Neill"),
        ("Sean O\u2019Neill", "Mr Neill was seen.", "Neill"),
        ("Li Wu", "Mr Wu and Li met.", "Wu"),
        ("Li Wu", "Mr Wu and Li met.", "Li"),
    ],
)
def test_name_parts_split_on_hyphens_and_apostrophes_and_two_letters_count(
    name: str, written: str, found: str
) -> None:
    assert found in _identity_found([name], written)


def test_two_letter_parts_are_whole_words_and_particles_stay_out() -> None:
    assert _identity_found(["Li Wu"], "A live wire; the Wuppertal lift.") == set()
    assert _identity_found(["Anna Smit-de Vries"], "de auto van de buurman") == set()
    # Addresses are not split into words: "Utrecht" alone is no identity.
    assert _identity_found(["Kerkstraat 12, Utrecht"], "in Utrecht") == set()
