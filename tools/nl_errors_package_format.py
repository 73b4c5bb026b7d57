"""Dutch texts of the errors of package format 3 and its strict readers (merged into
tools/nl_strings.py's ERRORS). Keep the {placeholders}."""

ERRORS_PACKAGE_FORMAT = {
    "The package names one id twice (two of its records, or two parts of them, share it); nothing was imported.": "Het pakket noemt één id twee keer (twee van zijn records, of twee delen ervan, hebben hetzelfde id); er is niets ingelezen.",
    "A registration in the package is closed only in part (its closing and its source's status do not agree); nothing was imported.": "Een registratie in het pakket is maar ten dele afgesloten (de afsluiting en de status van de bron passen niet bij elkaar); er is niets ingelezen.",
    "A handover package carries a list of receipts.": "Een overdrachtspakket bevat een lijst ontvangstbewijzen.",
    "A receipt names one package twice.": "Een ontvangstbewijs noemt één pakket twee keer.",
    "The key bundle holds members this Veldboek does not know: the key was not added.": "De sleutelbundel bevat onderdelen die deze Veldboek niet kent: de sleutel is niet toegevoegd.",
    "An amount that large cannot be recorded.": "Een zo groot bedrag kan niet worden vastgelegd.",
    "The key bundle is for the role {found}, not {wanted}: the key was not added.": "De sleutelbundel is voor de rol {found}, niet {wanted}: de sleutel is niet toegevoegd.",
    "The package's sources are not in the order of their ids.": "De bronnen in het pakket staan niet in de volgorde van hun id.",
    "The package's audit events repeat a number or are out of order.": "De auditgebeurtenissen in het pakket herhalen een nummer of staan niet op volgorde.",
    "The package lists a source none of its records belongs to.": "Het pakket noemt een bron waar geen van zijn records bij hoort.",
    "The package carries a file none of its records names.": "Het pakket bevat een bestand dat geen van zijn records noemt.",
    "The package's files are not in the order of their hashes.": "De bestanden in het pakket staan niet in de volgorde van hun hash.",
    "A record belongs to a source the package does not list.": "Een record hoort bij een bron die het pakket niet noemt.",
    "A file in the package is not the size its record gives.": "Een bestand in het pakket heeft niet de grootte die zijn record noemt.",
    "The receipt's reviews are not in the order they were made.": "De beoordelingen in het ontvangstbewijs staan niet in de volgorde waarin ze zijn gegeven.",
    "The package is not padded to the size the format prescribes.": "Het pakket is niet aangevuld tot de grootte die het formaat voorschrijft.",
    "This package was made by a newer Veldboek (format version {found}); this Veldboek reads versions {supported}. Update Veldboek to read it.": "Dit pakket is gemaakt door een nieuwere Veldboek (formaatversie {found}); deze Veldboek leest versies {supported}. Werk Veldboek bij om het te lezen.",
    "The package manifest's number and its link do not agree.": "Het nummer in het manifest van het pakket en de verwijzing naar het vorige pakket passen niet bij elkaar.",
    "A package of debriefs carries a list of receipts.": "Een pakket met debriefings bevat een lijst ontvangstbewijzen.",
    "A receipt carries records or audit events, or confirms no package.": "Een ontvangstbewijs bevat records of auditgebeurtenissen, of bevestigt geen pakket.",
    "The package's recipient slots are not the number and kind the format prescribes.": "De ontvangervakken van het pakket hebben niet het aantal en de soort die het formaat voorschrijft.",
}
