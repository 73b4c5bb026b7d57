"""Normalising a true identity's attributes for blind deconfliction: spellings of
one name, number or address give one value; too little gives none."""

from __future__ import annotations

import pytest

from app.domain import identity_normal as n

JAN = "jan van der berg|1980-12-31"


@pytest.mark.parametrize(
    "name",
    [
        "Jan van der Berg",
        "Jan Van Der Berg",
        "JAN VAN DER BERG",
        "  Jan   van der\tBerg ",
        "Berg, Jan van der",
        "Berg van der, Jan",
        "van der Berg, Jan",
        "Van der Berg,Jan",
        "Jan van-der-Berg",
        "Ján van der Bérg",
    ],
)
def test_spellings_of_one_name_give_one_value(name: str) -> None:
    assert n.name_dob(name, "1980-12-31") == JAN


@pytest.mark.parametrize("day", ["1980-12-31", "31-12-1980", "31/12/1980", "31.12.1980"])
def test_birth_date_written_either_way(day: str) -> None:
    assert n.name_dob("Jan van der Berg", day) == JAN


@pytest.mark.parametrize(
    ("other", "day"),
    [
        ("J. van der Berg", "1980-12-31"),  # an initial is not a given name
        ("Jan van den Berg", "1980-12-31"),  # another particle: another family name
        ("Jan Berg", "1980-12-31"),
        ("Jan Pieter van der Berg", "1980-12-31"),
        ("Jan van der Berg", "1980-12-30"),
    ],
)
def test_other_names_or_days_differ(other: str, day: str) -> None:
    assert n.name_dob(other, day) != JAN


def test_initials_match_initials_only() -> None:
    assert n.name_dob("J. van der Berg", "1980-12-31") == "j van der berg|1980-12-31"
    assert n.name_dob("J van der Berg", "31-12-1980") == n.name_dob(
        "Berg, J. van der", "1980-12-31"
    )


def test_diacritics_particles_and_apostrophes() -> None:
    assert n.name("José Álvarez-Núñez") == "jose alvarez nunez"
    assert n.name("Jan van 't Hof") == n.name("Hof, Jan van 't") == "jan van t hof"
    assert n.name("Anne-Marie d'Ancona") == n.name("Ancona, Anne Marie d'") == "anne marie d ancona"
    assert n.name("Jörg Straße") == "jorg strasse"


@pytest.mark.parametrize(
    ("name", "day"),
    [("", "1980-12-31"), ("  ,  ", "1980-12-31"), ("Jan van der Berg", ""),
     ("Jan van der Berg", "1980-02-30"), ("Jan van der Berg", "dertig december"),
     ("Jan van der Berg", "12-31-1980")],
)  # fmt: skip
def test_no_value_without_a_name_and_a_real_birth_date(name: str, day: str) -> None:
    assert n.name_dob(name, day) is None


@pytest.mark.parametrize(
    "number",
    [
        "+31 6 1234 5678",
        "06-12345678",
        "0031612345678",
        "(06) 1234 5678",
        "06 12 34 56 78",
        "+31 (0)6 12345678",
        "+31 06 12345678",
        "+31-6-12345678",
        "31612345678",
        "06-12345678 (werk)",
        "\uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18",  # full-width digits
    ],
)
def test_phone_formats_give_e164_digits(number: str) -> None:
    assert n.phone(number) == "31612345678"


def test_dutch_landline_and_foreign_numbers() -> None:
    assert n.phone("020-1234567") == "31201234567"
    assert n.phone("+44 20 7946 0958") == n.phone("0044 20 7946 0958") == "442079460958"
    assert n.phone("+32 470 12 34 56") == "32470123456"
    assert n.phone("+44 20 7946 0958") != n.phone("020 7946 0958")  # no "+": Dutch


@pytest.mark.parametrize(
    "number", ["112", "0612", "+31 6 12", "612345678", "", "geheim", "+" + "1" * 16, "00"]
)
def test_short_bare_or_absurd_numbers_give_none(number: str) -> None:
    assert n.phone(number) is None


@pytest.mark.parametrize(
    "address",
    [
        "1234 AB 12-a",
        "1234ab 12 A",
        "1234AB 12a",
        "Dorpsstraat 12-a, 1234 AB Amsterdam",
        "Dorpstraat 12 A, 1234AB AMSTERDAM",  # the street misspelled: the postcode counts
        "dorpsstraat 12A 1234 ab",
    ],
)
def test_postcode_and_number_are_the_address(address: str) -> None:
    assert n.address(address) == "1234AB|12|A"


def test_addresses_without_addition_or_postcode() -> None:
    assert n.address("Dorpsstraat 12, 1234AB Ede") == "1234AB|12|"
    assert n.address("Dorpsstraat 12 hs, 1234 AB Ede") == "1234AB|12|HS"
    assert n.address("Dorpsstraat 12-2, 1234 AB") == "1234AB|12|2"
    assert n.address("Dorpsstraat 12a, Ede") == n.address("DORPSSTRAAT 12 A EDE")
    assert n.address("Dorpsstraat 12a, Ede") == "dorpsstraat|12|A|ede"
    assert n.address("Dorpsstraat 12 Ede") == "dorpsstraat|12||ede"
    assert n.address("2e Hugo de Grootstraat 12, Amsterdam") == (
        "2e hugo de grootstraat|12||amsterdam"
    )
    assert n.address("Hauptstraße 5, 10115 Berlin") == "hauptstrasse|5||10115 berlin"
    assert n.address("1234 AB 12") != n.address("1234 AB 14")


@pytest.mark.parametrize("address", ["1234 AB", "Dorpsstraat", "Dorpsstraat 12", "", "12 Ede"])
def test_too_little_of_an_address_gives_none(address: str) -> None:
    assert n.address(address) is None


def test_attributes_each_once_sorted() -> None:
    found = n.attributes(
        "Berg, Jan van der",
        "31-12-1980",
        ("06-12345678", "+31 6 1234 5678", "112"),
        ("1234 AB 12-a", "1234ab 12 A", "nergens"),
    )
    assert found == [
        ("address", "1234AB|12|A"),
        ("name_dob", JAN),
        ("phone", "31612345678"),
    ]
    assert n.attributes("Jan", "", (), ()) == []


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Søren Østergaard", "Soren Ostergaard"),
        ("Łukasz Wałęsa", "Lukasz Walesa"),
        ("Ægir Ærø", "Aegir Aero"),
        ("Đorđe Đoković", "Dorde Dokovic"),
        ("Hans Großmann", "Hans Grossmann"),
        ("Œdipe Cœur", "Oedipe Coeur"),
        ("Þóra Guðmundsdóttir", "Thora Gudmundsdottir"),
        ("Yıldız Işık", "Yildiz Isik"),
    ],
)
def test_letters_nfkd_keeps_whole_are_transliterated(written: str, plain: str) -> None:
    assert n.name(written) == n.name(plain) == n.fold(plain)
    assert n.name_dob(written, "1980-12-31") == n.name_dob(plain, "31-12-1980")


@pytest.mark.parametrize(
    "number",
    [
        "tel. 06-12345678",
        "Tel.: 06 12345678",
        "mob: +31612345678",
        "telefoon 0031 6 12345678",
        "06\u201212345678",  # figure dash
        "06\u201312345678",  # en dash
        "06\u221212345678",  # minus sign
        "06\u201112345678",  # non-breaking hyphen
        "gsm/whatsapp: 06 - 1234 5678",
    ],
)
def test_a_label_before_the_number_and_other_dashes(number: str) -> None:
    assert n.phone(number) == "31612345678"


@pytest.mark.parametrize(
    "day",
    [
        "31 december 1980",
        "31 December 1980",
        "31 dec 1980",
        "31 dec. 1980",
        "31e december 1980",
        "31st December 1980",
        "December 31, 1980",
        "dec 31 1980",
        "1980/12/31",
        "1980.12.31",
        "31\u201212\u20121980",  # figure dashes
    ],
)
def test_birth_date_with_month_names_and_iso_slashes(day: str) -> None:
    assert n.birth_date(day) == "1980-12-31"


def test_dutch_and_english_month_names_and_what_is_still_no_date() -> None:
    assert n.birth_date("1 mei 1975") == n.birth_date("1 May 1975") == "1975-05-01"
    assert n.birth_date("3 mrt 1990") == n.birth_date("March 3, 1990") == "1990-03-03"
    assert n.birth_date("15 okt. 2001") == n.birth_date("15 oct 2001") == "2001-10-15"
    for text in ("30 februari 1980", "31 foo 1980", "december 1980", "1980/12-31", "31 12"):
        assert n.birth_date(text) is None


def test_addresses_fold_the_same_letters_and_dashes() -> None:
    assert n.address("Østergade 12, København") == n.address("Ostergade 12, Kobenhavn")
    assert n.address("Dorpsstraat 12\u2012a, 1234 AB Ede") == "1234AB|12|A"
