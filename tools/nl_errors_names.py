"""Dutch for the errors of names (app/domain/names.py and where names get in),
the demo run twice, and a vault another process holds; merged into ERRORS by
tools/nl_strings.py."""

ERRORS_NAMES = {
    "An alias needs a name of 1 to {n} characters.": "Een alias heeft een naam van 1 tot {n} tekens nodig.",
    "A source needs a codename of 1 to {n} characters.": "Een bron heeft een codenaam van 1 tot {n} tekens nodig.",
    "A key needs a name of 1 to {n} characters.": "Een sleutel heeft een naam van 1 tot {n} tekens nodig.",
    "A compartment needs a name of 1 to {n} characters.": "Een compartiment heeft een naam van 1 tot {n} tekens nodig.",
    "The alias is not valid text (it holds bytes that are not UTF-8).": "De alias is geen geldige tekst (er staan bytes in die geen UTF-8 zijn).",
    "The codename is not valid text (it holds bytes that are not UTF-8).": "De codenaam is geen geldige tekst (er staan bytes in die geen UTF-8 zijn).",
    "The key name is not valid text (it holds bytes that are not UTF-8).": "De sleutelnaam is geen geldige tekst (er staan bytes in die geen UTF-8 zijn).",
    "The compartment name is not valid text.": "De naam van het compartiment is geen geldige tekst.",
    "The alias holds a character that cannot be shown safely ({code}): control, invisible and direction-changing characters are not allowed in names.": "De alias bevat een teken dat niet veilig getoond kan worden ({code}): stuurtekens, onzichtbare tekens en tekens die de schrijfrichting veranderen zijn in namen niet toegestaan.",
    "The codename holds a character that cannot be shown safely ({code}): control, invisible and direction-changing characters are not allowed in names.": "De codenaam bevat een teken dat niet veilig getoond kan worden ({code}): stuurtekens, onzichtbare tekens en tekens die de schrijfrichting veranderen zijn in namen niet toegestaan.",
    "The key name holds a character that cannot be shown safely ({code}): control, invisible and direction-changing characters are not allowed in names.": "De sleutelnaam bevat een teken dat niet veilig getoond kan worden ({code}): stuurtekens, onzichtbare tekens en tekens die de schrijfrichting veranderen zijn in namen niet toegestaan.",
    "The compartment name holds a character that cannot be shown safely ({code}).": "De naam van het compartiment bevat een teken dat niet veilig getoond kan worden ({code}).",
    "The name {name!r} is already in use: names that differ only in case or width are the same name.": "De naam {name!r} is al in gebruik: namen die alleen in hoofdletters of breedte verschillen, zijn dezelfde naam.",
    "More than one source in the active alias's files has a codename like {codename!r}; give it exactly as it is written.": "Meer dan één bron in de dossiers van de actieve alias heeft een codenaam als {codename!r}; geef hem precies zoals hij geschreven is.",
    "The codename cannot be changed: an alias has the same name as the old codename, so the old one could not be kept for the sanitisation guard.": "De codenaam kan niet worden gewijzigd: een alias heeft dezelfde naam als de oude codenaam, dus de oude kan niet worden bewaard voor de controle op geschoonde tekst.",
    "The package holds a name (an alias, codename or compartment) that is too long or holds characters that cannot be shown safely; nothing was imported.": "Het pakket bevat een naam (een alias, codenaam of compartiment) die te lang is of tekens bevat die niet veilig getoond kunnen worden; er is niets geïmporteerd.",
    "The receipt names a reviewer by a name that is too long or holds characters that cannot be shown safely; nothing was taken in.": "Het ontvangstbewijs noemt een beoordelaar met een naam die te lang is of tekens bevat die niet veilig getoond kunnen worden; er is niets verwerkt.",
    "This vault already holds the demo data made with seed {seed} for {day}; nothing was added. Another seed adds more.": "Deze kluis bevat de demogegevens met seed {seed} voor {day} al; er is niets toegevoegd. Een andere seed voegt meer toe.",
    "The demo's day must be between {first} and {last}.": "De dag van de demo moet tussen {first} en {last} liggen.",
    "Another process is creating a vault at {root}; try again shortly.": "Een ander proces maakt een kluis in {root}; probeer het zo opnieuw.",
    "The text given holds bytes that are not UTF-8, so it cannot be saved; nothing was changed.": "De gegeven tekst bevat bytes die geen UTF-8 zijn en kan dus niet worden opgeslagen; er is niets gewijzigd.",
    "The vault is busy: another Veldboek process is writing to it. Nothing was changed; try again when it is done.": "De kluis is bezet: een ander Veldboek-proces schrijft erin. Er is niets gewijzigd; probeer het opnieuw als dat klaar is.",
    "This vault already knows a key named {name}; give this one another name (--name, or the name field).": "Deze kluis kent al een sleutel met de naam {name}; geef deze een andere naam (--name, of het naamveld).",
}
